"""``MapView``: a power map drawn with ipycytoscape, kept in step with its model.

The view is thin: elements and style come from :mod:`powermap_kit.widgets.cyto`, positions
from :mod:`powermap_kit.widgets.positions`, and :class:`~powermap_kit.widgets.elements.ElementWidgets`
sends only what changed when the map's ``on_change`` fires.

Three arrangements: ``org`` and ``network`` keep their positions in the model (a drag is
saved with the map); ``fishbone`` (:mod:`powermap_kit.fishbone`) derives everyone's place
from their roles, draws the spine and bones around the people, hides reporting lines, and
never writes a position into the map — switching back restores the drawing as it was.

Views built on this one (the coach's review) decorate elements through the public hook
``extra_classes`` / :meth:`MapView.refresh_classes` and add style with ``extra_style``.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import ipywidgets as widgets
from ipycytoscape import Edge, Node
from traitlets import Bool, CaselessStrEnum, Unicode, observe, validate

from .. import vocab
from ..errors import InvalidValue, StakeholderNotFound, WrongType
from ..model import PowerMap
from ..render import map_svg
from . import cyto
from ._common import Listeners, StaticHtml, t
from .elements import ElementWidgets
from .maplegend import legend_html
from .positions import rounded, target_positions

__all__ = ["MapView"]

FISHBONE = "fishbone"
ExtraClasses = Callable[[], Mapping[str, Iterable[str]]]
"""``extra_classes`` hook: element id (a stakeholder id, or :func:`~powermap_kit.widgets.cyto.edge_id`
of a line) → extra CSS classes for that element."""


class MapView(StaticHtml, widgets.VBox):
    """An interactive drawing of a :class:`~powermap_kit.PowerMap`.

    Colour shows stance (unknown: pale with a dashed outline), size shows power (unknown:
    a neutral size), shape shows the first role, a double purple ring marks a coach;
    lines are styled per relationship type. Click a person for a tooltip (title,
    department, needs) and to select them. The fishbone arrangement draws the decision
    chain (a bone per chain role) around the same people.

    Parameters
    ----------
    map : PowerMap
        The map to draw; the view follows its edits.
    lens : str, optional
        A role framework code (``four_role``, ``decision_chain``, ``miller_heiman`` ...).
    arrangement : {"org", "network", "fishbone"}
        Top-down by reporting lines, a force-directed network, or the decision chain as a
        fishbone (positions derived from roles, never stored in the map).
    height : str
        CSS height of the drawing.
    legend : {"right", "below", None}
        Where the legend goes (``None``: not placed; the caller may place ``view.legend``).
    store_positions : bool
        Keep drawing positions in the people's ``extra["position"]`` (saved with the map).
        The fishbone arrangement never stores positions.
    extra_classes : callable, optional
        ``extra_classes() -> {element_id: [css_class, ...]}``, asked at every redraw and by
        :meth:`refresh_classes`: extra classes for people (by stakeholder id) and lines (by
        :func:`~powermap_kit.widgets.cyto.edge_id`), added after the view's own classes.
        One class per style selector: ipycytoscape 1.3.3 ignores ``node.a.b``.
    extra_style : list of dict, optional
        Cytoscape ``{"selector": ..., "style": ...}`` entries added after the view's style
        (so they win), for the extra classes.

    Examples
    --------
    >>> import powermap_kit as pk
    >>> pm = pk.PowerMap()
    >>> _ = pm.add_stakeholder(id="cio", name="Wang Wei", roles=["decision_maker"], power=5)
    >>> view = MapView(pm, lens="four_role")
    >>> picked = []
    >>> view.on_select(picked.append)
    >>> view.click("cio")             # as a click in the browser arrives
    >>> picked
    ['cio']
    >>> _ = pm.update_stakeholder("cio", stance="support")   # the drawing follows the model
    >>> view.elements()["nodes"][0]["classes"]
    'stance-support role-decision_maker power-5'
    >>> view.arrangement = "fishbone"      # the decision chain; nothing is written into the map
    >>> sorted(n["data"]["id"] for n in view.elements()["nodes"])[:2]
    ['cio', 'fishbone:at:cio']
    >>> view.close()

    Extra classes from a caller (as the coach's review marks wrong answers):

    >>> marks = {"cio": ["pmk-wrong"]}
    >>> view = MapView(pm, extra_classes=lambda: marks,
    ...                extra_style=[{"selector": "node.pmk-wrong", "style": {"border-color": "red"}}])
    >>> view._nodes["cio"].classes
    'stance-support role-decision_maker power-5 pmk-wrong'
    >>> marks.clear(); view.refresh_classes()
    >>> view._nodes["cio"].classes
    'stance-support role-decision_maker power-5'
    >>> view.close()
    """

    lens = Unicode("canonical", help="Role framework that labels roles (vocabulary kind 'framework').").tag(sync=False)
    arrangement = CaselessStrEnum(list(cyto.ARRANGEMENTS), default_value="org",
                                  help="'org' (top-down by reporting lines), 'network' or 'fishbone'.").tag(sync=False)
    selected = Unicode(None, allow_none=True, help="Id of the selected person, or None.").tag(sync=False)
    store_positions = Bool(True, help="Keep positions in the model (Stakeholder.extra['position']).").tag(sync=False)

    def __init__(self, map: PowerMap, lens: str | None = None, arrangement: str = "org", height: str = "480px",
                 legend: str | None = "right", store_positions: bool = True,
                 extra_classes: ExtraClasses | None = None, extra_style: Iterable[Mapping[str, Any]] = (),
                 **kwargs: Any):
        if not isinstance(map, PowerMap):
            raise WrongType("map", "wrong_class", type(map).__name__, allowed=("PowerMap",))
        if extra_classes is not None and not callable(extra_classes):
            raise WrongType("extra_classes", "not_callable", type(extra_classes).__name__)
        if lens not in (None, "", *vocab.FRAMEWORKS):
            raise InvalidValue.not_one_of("lens", lens, vocab.FRAMEWORKS)
        if arrangement not in cyto.ARRANGEMENTS:
            raise InvalidValue.not_one_of("arrangement", arrangement, cyto.ARRANGEMENTS)
        self._map = map
        self._positions: dict[str, dict[str, float]] = {}
        # The arrangement and positions before the fishbone, to come back to (fishbone positions
        # are derived from roles and never stored, so the earlier drawing is still the user's).
        self._before_fishbone: tuple[str, dict[str, dict[str, float]]] | None = None
        self._extra_classes = extra_classes
        self._select_callbacks = widgets.CallbackDispatcher()
        self._line_callbacks = widgets.CallbackDispatcher()
        self._move_callbacks = widgets.CallbackDispatcher()
        self._listeners = Listeners()
        self._ready = False
        self._relabelling = False

        self._elements = ElementWidgets(height, [*cyto.cytoscape_style(), *(dict(rule) for rule in extra_style)])
        self.graph = self._elements.graph
        # Handlers must exist before the first display (listenForUserEvents wires them once).
        self.graph.on("node", "click", self._on_node_click)
        self.graph.on("node", "tapend", self._on_node_release)
        self.graph.on("edge", "click", self._on_edge_click)

        self.lens_picker = widgets.Dropdown(layout=widgets.Layout(width="auto"), style={"description_width": "auto"})
        self.arrangement_picker = widgets.ToggleButtons(style={"button_width": "auto"})
        self.fit_button = widgets.Button(icon="expand", layout=widgets.Layout(width="auto"))
        self.legend = widgets.HTML(layout=widgets.Layout(width="220px" if legend == "right" else "auto",
                                                         flex="0 0 auto", padding="0 0 0 8px"))
        self.toolbar = widgets.HBox([self.arrangement_picker, self.lens_picker, self.fit_button],
                                    layout=widgets.Layout(flex_flow="row wrap", align_items="center"))
        # legend=None leaves self.legend for the caller to place (the builder does).
        if legend == "right":
            body: widgets.Widget = widgets.HBox([self.graph, self.legend], layout=widgets.Layout(width="100%"))
        elif legend == "below":
            body = widgets.VBox([self.graph, self.legend], layout=widgets.Layout(width="100%"))
        else:
            body = self.graph
        super().__init__([self.toolbar, body], **kwargs)
        self.store_positions = store_positions
        self.lens = lens or "canonical"
        self.arrangement = arrangement
        self._relabel()  # after the traits, so the pickers show them
        self.lens_picker.observe(self._lens_picked, "value")
        self.arrangement_picker.observe(self._arrangement_picked, "value")
        self.fit_button.on_click(lambda _b: self.fit())
        self._ready = True
        self._sync()
        self._listeners.map(map, self._on_map_change)
        self._listeners.language(self._on_language)

    # ---- public API -------------------------------------------------------------------
    @property
    def map(self) -> PowerMap:
        """The drawn map (edit it; the view follows)."""
        return self._map

    def on_select(self, callback: Callable[[str | None], Any], remove: bool = False) -> None:
        """Call ``callback(stakeholder_id)`` when a person is clicked or :meth:`select` ed."""
        self._select_callbacks.register_callback(callback, remove=remove)

    def select(self, stakeholder_id: str | None) -> None:
        """Select a person (highlighted), as a click on their node does, and tell listeners."""
        if stakeholder_id is not None and stakeholder_id not in self._map:
            raise StakeholderNotFound(stakeholder_id)
        self.selected = stakeholder_id
        self._select_callbacks(stakeholder_id)

    def on_select_relationship(self, callback: Callable[[int], Any], remove: bool = False) -> None:
        """Call ``callback(index)`` when a relationship line is clicked or :meth:`select_relationship` ed."""
        self._line_callbacks.register_callback(callback, remove=remove)

    def select_relationship(self, index: int) -> None:
        """Tell listeners a relationship (by index in ``map.relationships``) was picked."""
        self._line_callbacks(index)

    def on_move(self, callback: Callable[[list[str]], Any], remove: bool = False) -> None:
        """Call ``callback(ids)`` when positions change (a drag, or a new arrangement)."""
        self._move_callbacks.register_callback(callback, remove=remove)

    def click(self, stakeholder_id: str) -> None:
        """Simulate a click on a person's node, through the same path a browser click takes."""
        node = self._nodes[stakeholder_id]
        self.graph._handle_interaction(self.graph, {"widget": "node", "event": "click", "data": {
            "group": "nodes", "data": dict(node.data), "position": dict(node.position)}}, [])

    def fit(self) -> None:
        """Fit the whole map into the cell (at most the capped zoom), after measuring the cell again."""
        self._elements.fit()

    def relayout(self, arrangement: str | None = None) -> None:
        """Re-arrange everyone deliberately (``"org"``, ``"network"`` or ``"fishbone"``) and fit.

        Org and network positions are stored in the map (with ``store_positions``); fishbone
        positions never are.
        """
        if arrangement is not None and arrangement != self.arrangement:
            self.arrangement = arrangement  # observer calls back here
            return
        fresh = cyto.layout_positions(self._map, self.arrangement)
        self._positions = {pid: rounded(pos) for pid, pos in fresh.items()}
        if self.store_positions and self.arrangement != FISHBONE:
            for person in self._map.stakeholders:
                person.extra["position"] = dict(self._positions[person.id])
        self._sync()
        self._show_positions()

    def refresh_classes(self) -> None:
        """Ask ``extra_classes`` again and update the drawing (sends only classes that changed)."""
        self._sync()

    def elements(self) -> dict[str, list[dict[str, Any]]]:
        """The elements JSON currently drawn (as :func:`~powermap_kit.widgets.cyto.to_cytoscape` gives,
        plus the spine and bones of :func:`~powermap_kit.widgets.cyto.fishbone_elements` in the fishbone)."""
        return self._drawing(self._positions)

    def to_html(self) -> str:
        """A static picture for places without widgets: the map as SVG."""
        return map_svg(self._map)

    def close(self) -> None:
        """Close the view, its element widgets, and stop following the map and the language."""
        if "toolbar" not in self.__dict__:  # __init__ refused its arguments before building anything
            super().close()
            return
        self._listeners.clear()
        self._elements.close()
        self.graph.graph.close()
        for w in (self.graph, self.legend, self.lens_picker, self.arrangement_picker, self.fit_button, self.toolbar):
            w.close()
        for child in self.children:
            child.close()
        super().close()

    # ---- traits -----------------------------------------------------------------------
    @validate("lens")
    def _valid_lens(self, proposal: dict[str, Any]) -> str:
        value = proposal["value"] or "canonical"
        if value not in vocab.FRAMEWORKS:
            raise InvalidValue.not_one_of("lens", value, vocab.FRAMEWORKS)
        return value

    @observe("lens")
    def _lens_changed(self, change: dict[str, Any]) -> None:
        if self.lens_picker.options and self.lens_picker.value != change["new"]:
            self.lens_picker.value = change["new"]
        if self._ready:
            self._sync()
            self.legend.value = legend_html(self.lens)

    @observe("arrangement")
    def _arrangement_changed(self, change: dict[str, Any]) -> None:
        if self.arrangement_picker.options and self.arrangement_picker.value != change["new"]:
            self.arrangement_picker.value = change["new"]
        old, new = change["old"], change["new"]
        if new == FISHBONE:
            self._before_fishbone = (old, copy.deepcopy(self._positions))
        if not self._ready:
            return
        back = self._before_fishbone
        if new != FISHBONE:
            self._before_fishbone = None
        if old == FISHBONE and back is not None and back[0] == new:
            # Back to the arrangement the fishbone was opened from: the drawing as it was
            # (stored positions win in _target_positions; people added meanwhile get a free spot).
            self._positions = back[1]
            self._sync()
            self._show_positions()
        else:
            self.relayout()

    @observe("selected")
    def _selected_changed(self, change: dict[str, Any]) -> None:
        if self._ready:
            self._sync()

    def _lens_picked(self, change: dict[str, Any]) -> None:
        if change["new"] is not None and not self._relabelling:
            self.lens = change["new"]

    def _arrangement_picked(self, change: dict[str, Any]) -> None:
        if change["new"] is not None and not self._relabelling:
            self.arrangement = change["new"]

    # ---- events -----------------------------------------------------------------------
    def _on_node_click(self, element: dict[str, Any]) -> None:
        sid = (element.get("data") or {}).get("id")
        if sid in self._map:
            self.select(sid)

    def _on_node_release(self, element: dict[str, Any]) -> None:
        sid = (element.get("data") or {}).get("id")
        pos = element.get("position")
        if sid not in self._map or not isinstance(pos, dict):
            return
        new = rounded(pos)
        if new == self._positions.get(sid):
            return
        self._positions[sid] = new
        node = self._nodes.get(sid)
        if node is not None:
            node.position = dict(new)
        # A fishbone place is derived from roles: a drag there is a moment's nudge, not data.
        if self.store_positions and self.arrangement != FISHBONE:
            self._map.stakeholder(sid).extra["position"] = dict(new)
        self._move_callbacks([sid])

    def _on_edge_click(self, element: dict[str, Any]) -> None:
        index = (element.get("data") or {}).get("index")
        if isinstance(index, int) and 0 <= index < len(self._map.relationships):
            self.select_relationship(index)

    def _on_map_change(self, event: str, details: dict[str, Any]) -> None:
        if self.selected is not None and self.selected not in self._map:
            old = details.get("old_id")
            self.selected = details.get("id") if old == self.selected else None
        if self.arrangement == FISHBONE:
            # Roles decide the bones: any edit may move people and bones. Refit only if so.
            before = self._positions
            self._sync()
            if self._positions != before:
                self._show_positions()
        else:
            self._sync()

    def _on_language(self, lang: str) -> None:
        self._relabel()
        self._sync()

    def _relabel(self) -> None:
        self._relabelling = True  # new option labels must not read as a user's pick
        try:
            self.lens_picker.options = [(vocab.label(code, "framework"), code) for code in vocab.FRAMEWORKS]
            self.lens_picker.value = self.lens
            self.arrangement_picker.options = [(t(f"arrangement_{code}"), code) for code in cyto.ARRANGEMENTS]
            self.arrangement_picker.value = self.arrangement
        finally:
            self._relabelling = False
        self.lens_picker.description = vocab.kind_label("framework")
        self.fit_button.description = t("fit")
        self.fit_button.tooltip = t("fit_help")
        self.legend.value = legend_html(self.lens)

    # ---- keeping the drawing in step with the model ---------------------------------
    def _show_positions(self) -> None:
        # Apply the positions and fit in one layout run (node updates may land later).
        self._elements.show_positions(self._positions)
        self._move_callbacks(list(self._positions))

    def _sync(self) -> None:
        """Bring the widgets in line with the map, sending only what differs (see ``ElementWidgets``)."""
        self._positions = target_positions(self._map, self.arrangement, self._positions, drawn=bool(self._nodes),
                                           store=self.store_positions)
        elements = self._drawing(self._positions)
        extra = self._extra_classes() if self._extra_classes is not None else {}
        selected = self.selected

        def classes_of(eid: str, own: str) -> str:
            return " ".join([own + (" selected" if eid == selected else ""), *extra.get(eid, ())])

        self._elements.sync(elements, classes_of)

    @property
    def _nodes(self) -> dict[str, Node]:
        """The people's and the fishbone's node widgets drawn now, by element id."""
        return self._elements.nodes

    @property
    def _edges(self) -> dict[str, Edge]:
        """The line widgets drawn now, by element id."""
        return self._elements.edges

    def _drawing(self, positions: Mapping[str, Mapping[str, float]]) -> dict[str, list[dict[str, Any]]]:
        """People and lines; in the fishbone also the spine and bones, with reporting lines hidden."""
        return cyto.to_cytoscape(self._map, self.lens, positions=positions, arrangement=self.arrangement)
