"""The ipycytoscape element widgets of one drawing, kept in step with elements JSON
(:func:`~powermap_kit.widgets.cyto.to_cytoscape`), sending only what changed.

Element lists only ever grow. ipycytoscape's browser side, given a list with an item taken
out of the middle, re-adds every element after it before the old ones are gone ("Can not
create second element with ID") and then loses them. So a removed person or line is hidden
(class ``hidden``) and its widget kept for reuse if the same id comes back (undo); new
elements are appended in one held list update. See ``design/ipycytoscape-notes.md``.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from ipycytoscape import CytoscapeWidget, Edge, Node

__all__ = ["LAYOUT", "ElementWidgets"]


LAYOUT = {"name": "preset", "fit": True, "padding": 30, "animate": False}


class ElementWidgets:
    """A ``CytoscapeWidget`` (``graph``) and its node and edge widgets: ``nodes``/``edges``
    drawn now, by element id; ``all_nodes``/``all_edges`` every widget ever added, in list order."""

    def __init__(self, height: str, style: list[dict[str, Any]]) -> None:
        # Everything known up front goes into the widget's first message.
        # The zoom cap keeps a fitted one-person map from filling the cell at 2x.
        # _view_count=0 asks the browser to report views; see _on_view_count.
        self.graph = CytoscapeWidget(
            layout=widgets.Layout(height=height, width="100%", min_width="320px"),
            cytoscape_layout=dict(LAYOUT), cytoscape_style=style,
            max_zoom=1.6, min_zoom=0.08, tooltip_source="tooltip", _view_count=0)
        # ipycytoscape fits the view before the browser applies our layout (its CSS default is
        # 400px high), so the drawing ends up small in a corner: refit once a view is on the page.
        self._nudges = 0
        self.graph.observe(self._on_view_count, "_view_count")
        self.nodes: dict[str, Node] = {}
        self.edges: dict[str, Edge] = {}
        self.all_nodes: dict[str, Node] = {}
        self.all_edges: dict[str, Edge] = {}

    def sync(self, elements: dict[str, list[dict[str, Any]]], classes_of: Callable[[str, str], str]) -> None:
        """Show ``elements`` (``classes_of(id, own_classes)`` gives each element's final classes)."""
        nodes: dict[str, Node] = {}
        edges: dict[str, Edge] = {}
        added = False
        for el in elements["nodes"]:
            nid = el["data"]["id"]
            classes = classes_of(nid, el["classes"])
            node = self.all_nodes.get(nid)
            if node is None:
                # Fishbone helpers are neither grabbable nor selectable, but never locked:
                # cytoscape ignores new positions for a locked node, and bones move as roles change.
                flags = {k: el[k] for k in ("grabbable", "selectable") if k in el}
                node = self.all_nodes[nid] = Node(data=el["data"], classes=classes, position=el["position"], **flags)
                added = True
            else:
                _update(node, el["data"], classes, el["position"])
            nodes[nid] = node
        for el in elements["edges"]:
            eid = el["data"]["id"]
            classes = classes_of(eid, el["classes"])
            edge = self.all_edges.get(eid)
            if edge is None:
                edge = self.all_edges[eid] = Edge(data=el["data"], classes=classes)
                added = True
            else:
                _update(edge, el["data"], classes, None)
            edges[eid] = edge
        for table, shown in ((self.all_nodes, nodes), (self.all_edges, edges)):
            for key, widget in table.items():
                if key not in shown and widget.classes != "hidden":
                    widget.classes = "hidden"
        if added:
            with self.graph.graph.hold_sync():
                self.graph.graph.nodes = list(self.all_nodes.values())
                self.graph.graph.edges = list(self.all_edges.values())
        self.nodes, self.edges = nodes, edges

    def fit(self) -> None:
        """Fit the drawing into the cell (at most the capped zoom), after measuring the cell again."""
        self._nudges += 1
        # A sub-pixel change of the layout width makes ipycytoscape call cy.resize() and cy.fit()
        # (the width, so a height someone set to hide the view stays as it is); a changed
        # layout dict then re-runs the preset layout with our padding.
        self.graph.layout.width = "100%" if self._nudges % 2 == 0 else "calc(100% - 0.1px)"
        self.graph.cytoscape_layout = {**LAYOUT, "padding": LAYOUT["padding"] + self._nudges % 2}

    def show_positions(self, positions: dict[str, dict[str, float]]) -> None:
        """Apply positions and fit in one layout run (node updates may land later)."""
        self.graph.cytoscape_layout = {**LAYOUT, "positions": copy.deepcopy(positions)}
        self.graph.cytoscape_layout = dict(LAYOUT)

    def _on_view_count(self, change: dict[str, Any]) -> None:
        if (change["new"] or 0) > (change["old"] or 0):
            self.fit()
            # Once more a moment later, in case the page was still laying out.
            timer = threading.Timer(0.6, self.fit)
            timer.daemon = True
            timer.start()

    def close(self) -> None:
        """Close every element widget and forget them."""
        for widget in [*self.all_nodes.values(), *self.all_edges.values()]:
            widget.close()
        for table in (self.nodes, self.edges, self.all_nodes, self.all_edges):
            table.clear()


def _update(element: Node | Edge, data: dict[str, Any], classes: str, position: dict[str, float] | None) -> None:
    # Assign new objects: in-place edits of ipycytoscape's dicts do not sync.
    if dict(element.data) != data:
        element.data = dict(data)
    if element.classes != classes:
        element.classes = classes
    if position is not None and dict(element.position) != position:
        element.position = dict(position)
