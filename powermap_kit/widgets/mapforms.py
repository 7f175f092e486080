"""The two forms of :class:`~powermap_kit.widgets.MapBuilder`: one person, one relationship.

Forms only turn widget values into field dicts and back; the map's own editing API
validates, and the builder shows its problems here. A form is never cleared after a
failed edit, so what the learner typed stays there to be corrected.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from .. import vocab
from ..model import PowerMap, Relationship, Stakeholder
from ._common import UNKNOWN, choice_options, relabel_options, t

__all__ = ["PersonForm", "RelationshipForm"]

_WIDE = {"width": "100%"}  # a dict: each widget gets its own Layout
_STYLE = {"description_width": "120px"}
_COACH = {"": None, "yes": True, "no": False}


def _field(name: str) -> str:
    return vocab.text(f"field.{name}")


Problems = Callable[[], list[str]]


def _problems_html(lines: list[str]) -> str:
    if not lines:
        return ""
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    return (f'<div class="powermap-problems" style="color:#b71c1c;background:#ffebee;border-left:4px solid #c62828;'
            f'padding:4px 8px;margin:4px 0"><b>{html.escape(t("fix_these"))}</b><ul style="margin:2px 0 0 0;'
            f'padding-left:18px">{items}</ul></div>')


def _toggles(kind: str) -> dict[str, widgets.ToggleButton]:
    return {code: widgets.ToggleButton(value=False, layout=widgets.Layout(width="auto", margin="1px"))
            for code in vocab.codes(kind)}


def _flow(children: list[widgets.Widget]) -> widgets.Box:
    return widgets.Box(children, layout=widgets.Layout(flex_flow="row wrap", width="100%"))


class PersonForm(widgets.VBox):
    """Fields of one stakeholder: name, title, department, roles, power, stance, coach,
    the five support dimensions, needs, motives, evidence, last verified and notes.

    ``editing`` is the id of the person loaded, or ``None`` for a new person. Motives that
    are not vocabulary codes (typed in a file) are kept as they are.
    """

    def __init__(self) -> None:
        self.editing: str | None = None
        self._problems: Problems = list
        self._loaded: dict[str, Any] = {}
        self._other_motives: list[str] = []
        self.heading = widgets.HTML()
        text = lambda: widgets.Text(layout=_WIDE, style=_STYLE)  # noqa: E731
        self.name, self.id, self.title, self.department = text(), text(), text(), text()
        self.role_label = widgets.HTML()
        self.roles = _toggles("role")
        self.power = widgets.Dropdown(layout=_WIDE, style=_STYLE)
        self.stance = widgets.Dropdown(layout=_WIDE, style=_STYLE)
        self.coach = widgets.Dropdown(layout=_WIDE, style=_STYLE)
        self.support_label = widgets.HTML()
        self.support = {dim: widgets.Dropdown(layout=widgets.Layout(width="100%"), style={"description_width": "200px"})
                        for dim in vocab.SUPPORT_DIMENSIONS}
        self.needs = widgets.Textarea(layout=widgets.Layout(width="100%", height="54px"), style=_STYLE)
        self.motive_label = widgets.HTML()
        self.motives = _toggles("motive")
        self.evidence = widgets.Textarea(layout=widgets.Layout(width="100%", height="54px"), style=_STYLE)
        self.last_verified = text()
        self.notes = widgets.Textarea(layout=widgets.Layout(width="100%", height="44px"), style=_STYLE)
        button = lambda style: widgets.Button(button_style=style, layout=widgets.Layout(width="auto"))  # noqa: E731
        self.add_button, self.apply_button = button("success"), button("primary")
        self.delete_button, self.new_button = button("danger"), button("")
        self.problems = widgets.HTML()
        super().__init__([
            self.heading, self.name, self.title, self.department, self.id,
            self.role_label, _flow(list(self.roles.values())),
            self.power, self.stance, self.coach,
            self.support_label, *self.support.values(),
            self.needs, self.motive_label, _flow(list(self.motives.values())),
            self.evidence, self.last_verified, self.notes,
            self.problems,
            widgets.HBox([self.add_button, self.apply_button, self.delete_button, self.new_button],
                         layout=widgets.Layout(flex_flow="row wrap")),
        ], layout=widgets.Layout(width="100%"))
        self.relabel()
        self.load(None)

    def relabel(self) -> None:
        """Labels and option texts in the current language; values stay as they are."""
        for name in ("name", "title", "department", "id", "power", "stance", "coach", "needs", "evidence",
                     "last_verified", "notes"):
            getattr(self, name).description = _field(name)
        self.name.placeholder = t("name_placeholder")
        self.id.placeholder = t("id_placeholder")
        self.needs.placeholder = t("needs_placeholder")
        self.evidence.placeholder = t("evidence_placeholder")
        self.last_verified.placeholder = "YYYY-MM-DD"
        self.role_label.value = f"<b>{html.escape(_field('roles'))}</b>"
        for code, toggle in self.roles.items():
            toggle.description = f"{vocab.entry(code, 'role')['badge']} · {vocab.label(code, 'role')}"
            toggle.tooltip = vocab.describe(code, "role")
        relabel_options(self.power, choice_options("power_level", unknown=True))
        relabel_options(self.stance, choice_options("stance"))
        relabel_options(self.coach, [(t("not_recorded"), ""), (t("yes"), "yes"), (t("no"), "no")])
        self.support_label.value = f"<b>{html.escape(_field('support'))}</b>"
        for dim, box in self.support.items():
            box.description = vocab.label(dim, "support_dimension")
            relabel_options(box, [(t("not_recorded"), UNKNOWN)] + [(str(n), n) for n in range(1, 6)])
        self.motive_label.value = f"<b>{html.escape(_field('motives'))}</b>"
        for code, toggle in self.motives.items():
            toggle.description = vocab.label(code, "motive")
            toggle.tooltip = vocab.describe(code, "motive")
        self.add_button.description = t("add_person")
        self.apply_button.description = t("apply_person")
        self.delete_button.description = t("delete_person")
        self.new_button.description = t("new_person")
        self.problems.value = _problems_html(self._problems())
        self._heading()

    def _heading(self) -> None:
        who = t("editing", name=self.name.value) if self.editing else t("new_person_heading")
        self.heading.value = f"<h4 style='margin:2px 0'>{html.escape(who)}</h4>"
        self.apply_button.disabled = self.delete_button.disabled = self.editing is None

    def load(self, person: Stakeholder | None) -> None:
        """Fill the form from a person (``None``: an empty form for a new person)."""
        p = person or Stakeholder(id="", name="")
        self.editing = person.id if person else None
        self._loaded = p.to_dict()
        self.name.value, self.id.value = p.name, p.id
        self.title.value, self.department.value = p.title or "", p.department or ""
        for code, toggle in self.roles.items():
            toggle.value = code in p.roles
        self.power.value = p.power or UNKNOWN
        self.stance.value = p.stance_or_unknown
        self.coach.value = {None: "", True: "yes", False: "no"}[p.coach]
        for dim, box in self.support.items():
            box.value = p.support.get(dim) or UNKNOWN
        self.needs.value = "\n".join(p.needs)
        codes = set(vocab.MOTIVES)
        for code, toggle in self.motives.items():
            toggle.value = code in p.motives
        self._other_motives = [m for m in p.motives if m not in codes]
        self.evidence.value = "\n".join(f"{k}: {v}" for k, v in p.evidence.items())
        self.last_verified.value = p.last_verified or ""
        self.notes.value = p.notes or ""
        self.show_problems(None)
        self._heading()

    def values(self) -> tuple[dict[str, Any], list[str]]:
        """The fields as the model spells them (``None``: clear), and lines the form cannot read."""
        bad: list[str] = []
        evidence: dict[str, str] = {}
        # Keys may be field codes or, as a learner would type them, field labels.
        fields = ("stance", "roles", "power", "coach", "needs", "motives")
        labels = {vocab.text(f"field.{f}").lower(): f for f in fields}
        for line in self.evidence.value.splitlines():
            if not line.strip():
                continue
            key, sep, why = line.replace("：", ":").partition(":")
            if not sep or not key.strip() or not why.strip():
                bad.append(f"{_field('evidence')}: {t('evidence_format', line=line.strip())}")
                continue
            evidence[labels.get(key.strip().lower(), key.strip())] = why.strip()
        data: dict[str, Any] = {
            "id": self.id.value.strip() or None,
            "name": self.name.value.strip(),
            "title": self.title.value.strip() or None,
            "department": self.department.value.strip() or None,
            "roles": [code for code, toggle in self.roles.items() if toggle.value] or None,
            "power": self.power.value or None,
            "stance": None if self.stance.value == "unknown" else self.stance.value,
            "coach": _COACH[self.coach.value],
            "support": {dim: box.value for dim, box in self.support.items() if box.value} or None,
            "needs": [line.strip() for line in self.needs.value.splitlines() if line.strip()] or None,
            "motives": [c for c, tg in self.motives.items() if tg.value] + self._other_motives or None,
            "evidence": evidence or None,
            "last_verified": self.last_verified.value.strip() or None,
            "notes": self.notes.value.strip() or None,
        }
        return data, bad

    def changes(self) -> tuple[dict[str, Any], list[str]]:
        """Only the fields changed since the person was loaded (an empty id keeps the id).

        Comparing with what was loaded, not with the map now, means an edit made meanwhile
        from code to another field is not undone by applying the form.
        """
        data, bad = self.values()
        if data["id"] is None:
            data.pop("id")
        return {k: v for k, v in data.items() if self._loaded.get(k) != v}, bad

    def show_problems(self, problems: Problems | list[str] | None) -> None:
        """Show problems under the form; a callable is re-run to re-render after a language switch."""
        self._problems = problems if callable(problems) else (lambda: list(problems or []))
        self.problems.value = _problems_html(self._problems())


class RelationshipForm(widgets.VBox):
    """Pick a relationship to edit (or none), and its from, to, type, strength and note."""

    def __init__(self) -> None:
        self.editing: int | None = None
        self._problems: Problems = list
        self._loading = False
        self.existing = widgets.Select(rows=6, layout=_WIDE)
        self.source = widgets.Dropdown(layout=_WIDE, style=_STYLE)
        self.target = widgets.Dropdown(layout=_WIDE, style=_STYLE)
        self.type = widgets.Dropdown(layout=_WIDE, style=_STYLE)
        self.strength = widgets.Dropdown(layout=_WIDE, style=_STYLE)
        self.note = widgets.Text(layout=_WIDE, style=_STYLE)
        button = lambda style: widgets.Button(button_style=style, layout=widgets.Layout(width="auto"))  # noqa: E731
        self.add_button, self.apply_button, self.delete_button = button("success"), button("primary"), button("danger")
        self.problems = widgets.HTML()
        self.heading = widgets.HTML()
        super().__init__([self.heading, self.existing, self.source, self.target, self.type, self.strength, self.note,
                          self.problems, widgets.HBox([self.add_button, self.apply_button, self.delete_button])],
                         layout=widgets.Layout(width="100%"))
        self.relabel(None)

    def relabel(self, pm: PowerMap | None) -> None:
        for name in ("source", "target", "type", "strength", "note"):
            getattr(self, name).description = _field(name)
        relabel_options(self.type, choice_options("relationship_type"))
        relabel_options(self.strength, choice_options("relationship_strength", unknown=True))
        self.add_button.description = t("add_line")
        self.apply_button.description = t("apply_line")
        self.delete_button.description = t("delete_line")
        self.heading.value = f"<b>{html.escape(t('lines_heading'))}</b>"
        self.problems.value = _problems_html(self._problems())
        if pm is not None:
            self.refresh(pm)

    def refresh(self, pm: PowerMap) -> None:
        """Follow the map: people in the from/to lists, the relationship list, the edited line."""
        people = [(t("choose"), "")] + [(f"{p.name} ({p.id})", p.id) for p in pm.stakeholders]
        relabel_options(self.source, people)
        relabel_options(self.target, people)
        names = {p.id: p.name for p in pm.stakeholders}
        lines = [(f"{names.get(r.source, r.source)} → {names.get(r.target, r.target)} · "
                  f"{vocab.label(r.type, 'relationship_type')}", i) for i, r in enumerate(pm.relationships)]
        self._loading = True
        try:
            if self.editing is not None and self.editing >= len(pm.relationships):
                self.editing = None
            relabel_options(self.existing, lines)
            self.existing.value = self.editing
        finally:
            self._loading = False
        self.apply_button.disabled = self.delete_button.disabled = self.editing is None

    def load(self, rel: Relationship | None, index: int | None, source: str | None = None) -> None:
        """Fill the fields from a relationship (or clear them, starting from ``source``)."""
        self._loading = True
        try:
            self.editing = index
            self.existing.value = index
            ends = [o[1] for o in self.source.options]
            self.source.value = (rel.source if rel else source) if (rel.source if rel else source) in ends else ""
            self.target.value = rel.target if rel and rel.target in ends else ""
            self.type.value = rel.type if rel else vocab.RELATIONSHIP_TYPES[0]
            self.strength.value = (rel.strength or UNKNOWN) if rel else UNKNOWN
            self.note.value = (rel.note or "") if rel else ""
            self.show_problems(None)
        finally:
            self._loading = False
        self.apply_button.disabled = self.delete_button.disabled = index is None

    def values(self) -> dict[str, Any]:
        return {"source": self.source.value or None, "target": self.target.value or None, "type": self.type.value,
                "strength": self.strength.value or None, "note": self.note.value.strip() or None}

    def show_problems(self, problems: Problems | list[str] | None) -> None:
        """Show problems under the form; a callable is re-run to re-render after a language switch."""
        self._problems = problems if callable(problems) else (lambda: list(problems or []))
        self.problems.value = _problems_html(self._problems())
