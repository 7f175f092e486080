"""The parts of a no-code exercise's form: one choice, a choice per item, several picks, an order, texts.

Each part builds its ipywidgets in the current language, returns the answer in the shape its
check expects (:attr:`Part.value`), takes a recorded answer back (:meth:`Part.set`) and
relabels when the language changes. :class:`~powermap_kit.widgets.exercise.Exercise` puts a
part under a Check button.

Options and items are a vocabulary kind (``"stage"``, ``"role"``, …), a list of codes, a
list of ``(label, value)`` pairs, or a mapping value → label, where a label is a string or
``{"en": …, "zh": …}`` shown in the current language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import ipywidgets as widgets

from .. import vocab
from ..course.html import render
from ..localize import person_name
from ..errors import UnknownName, WrongType
from ._answering import note
from ._common import close_tree

__all__ = ["Label", "Options", "Part", "choose", "choose_each", "order", "people", "pick", "text_fields"]

Label = str | Mapping[str, str]
Options = str | Sequence[Any] | Mapping[Any, Label]


def _t(key: str, **params: Any) -> str:
    return vocab.text(f"widgets_exercise.{key}", **params)


def _say(label: Label, lang: str) -> str:
    if isinstance(label, Mapping):
        return str(label.get(lang) or label.get("en") or next(iter(label.values()), ""))
    return str(label)


def _pairs(spec: Options, lang: str, what: str = "options") -> list[tuple[str, Any]]:
    """``spec`` as (label, value) pairs in ``lang``."""
    if isinstance(spec, str):
        kind = vocab.entries(spec)  # an unknown kind raises UnknownName naming the kinds
        return [(item["label"][lang], int(item["code"]) if spec in ("power_level", "relationship_strength")
                 else item["code"]) for item in kind]
    if isinstance(spec, Mapping):
        return [(_say(label, lang), value) for value, label in spec.items()]
    if isinstance(spec, Sequence):
        out = []
        for item in spec:
            if isinstance(item, tuple) and len(item) == 2:
                out.append((_say(item[0], lang), item[1]))
            elif isinstance(item, (str, int)):
                out.append((str(item), item))
            else:
                raise WrongType(what, "wrong_type", item, allowed=("code", "(label, value)"))
        return out
    raise WrongType(what, "wrong_type", spec, allowed=("vocabulary kind", "list", "mapping"))


def people(pm: Any) -> dict[str, dict[str, str]]:
    """A map's people as options: id → name in each language ("Latin (汉字)" in English)."""
    return {p.id: {lang: person_name(p, lang) for lang in vocab.LANGUAGES} for p in pm.stakeholders}


class Part:
    """One form part: a widget, its answer (:attr:`value`), :meth:`set`, :meth:`relabel`, text."""

    box: widgets.Widget

    def __init__(self, spec: Options, items: Options | None = None) -> None:
        self.spec, self.items = spec, items
        self.box = widgets.VBox()
        self.build(vocab.get_language())

    def build(self, lang: str) -> None:
        raise NotImplementedError

    @property
    def value(self) -> Any:
        raise NotImplementedError

    def set(self, answer: Any) -> None:
        """Show ``answer`` (as :attr:`value` gives it) in the form; values it cannot show are left out."""
        raise NotImplementedError

    def relabel(self, lang: str) -> None:
        answer = self.value
        close_tree(self.box)
        self.build(lang)
        self.set(answer)

    def text(self, lang: str) -> str:
        """The question as plain text (for the static fallback)."""
        spec = self.items if self.items is not None else self.spec
        return " / ".join(label for label, _ in _pairs(spec, lang)) if spec != "" else ""


# A dropdown shows "— choose —" as a real, selected option (ipywidgets shows a value of None
# as an empty box); the form answers None for it.
_NONE = "\x00none"


def _dropdown(options: list[tuple[str, Any]]) -> widgets.Dropdown:
    return widgets.Dropdown(options=[(_t("none"), _NONE), *options], value=_NONE, layout=widgets.Layout(width="auto"))


def _chosen(dd: widgets.Dropdown) -> Any:
    return None if dd.value == _NONE else dd.value


def _choose_in(dd: widgets.Dropdown, answer: Any) -> None:
    if answer is not None and answer in [v for _, v in dd.options]:
        dd.value = answer


class _Choose(Part):
    def build(self, lang: str) -> None:
        self.widget = _dropdown(_pairs(self.spec, lang))
        self.box.children = [self.widget]

    @property
    def value(self) -> Any:
        return _chosen(self.widget)

    def set(self, answer: Any) -> None:
        _choose_in(self.widget, answer)


class _ChooseEach(Part):
    def __init__(self, spec: Options | None, items: Options, per_item: Mapping[Any, Options] | None = None) -> None:
        self.per_item = per_item
        super().__init__(spec if spec is not None else "", items)

    def build(self, lang: str) -> None:
        shared = _pairs(self.spec, lang) if self.per_item is None else []
        self.rows: dict[Any, widgets.Dropdown] = {}
        children = []
        for label, item in _pairs(self.items or (), lang, "items"):
            if self.per_item is not None:
                if item not in self.per_item:
                    raise UnknownName("per_item", "not_one_of", item, allowed=tuple(map(str, self.per_item)))
                options = _pairs(self.per_item[item], lang)
            else:
                options = shared
            dd = _dropdown(options)
            self.rows[item] = dd
            children.append(widgets.HBox([widgets.HTML(render("inline_text", label),
                                                       layout=widgets.Layout(width="55%")), dd]))
        self.box.children = children

    @property
    def value(self) -> dict[Any, Any]:
        return {item: _chosen(dd) for item, dd in self.rows.items()}

    def set(self, answer: Any) -> None:
        for item, dd in self.rows.items():
            _choose_in(dd, answer.get(item) if isinstance(answer, Mapping) else None)


class _Pick(Part):
    def __init__(self, spec: Options, count: int | None = None) -> None:
        self.count = count
        super().__init__(spec)

    def build(self, lang: str) -> None:
        self.toggles = {value: widgets.ToggleButton(description=label, tooltip=label,
                                                    layout=widgets.Layout(width="auto"))
                        for label, value in _pairs(self.spec, lang)}
        self.counter = widgets.HTML()
        for tb in self.toggles.values():
            tb.observe(lambda _: self._count(), "value")
        self.box.children = [widgets.Box(list(self.toggles.values()),
                                         layout=widgets.Layout(flex_flow="row wrap")), self.counter]
        self._count()

    def _count(self) -> None:
        text = _t("picked", count=len(self.value))
        if self.count:
            text += " · " + _t("pick_limit", count=self.count)
        self.counter.value = note(text)

    @property
    def value(self) -> list[Any]:
        return [v for v, tb in self.toggles.items() if tb.value]

    def set(self, answer: Any) -> None:
        chosen = list(answer) if isinstance(answer, (list, tuple)) else []
        for v, tb in self.toggles.items():
            tb.value = v in chosen


class _Order(Part):
    def build(self, lang: str) -> None:
        self.labels = dict((v, label) for label, v in _pairs(self.spec, lang, "items"))
        if not hasattr(self, "current") or set(self.current) != set(self.labels):
            self.current = list(self.labels)
        self._draw()

    def _draw(self) -> None:
        rows = []
        for i, item in enumerate(self.current):
            up = widgets.Button(icon="arrow-up", tooltip=_t("up"), disabled=i == 0,
                                layout=widgets.Layout(width="36px"))
            down = widgets.Button(icon="arrow-down", tooltip=_t("down"), disabled=i == len(self.current) - 1,
                                  layout=widgets.Layout(width="36px"))
            up.on_click(lambda _, i=i: self.move(i, -1))
            down.on_click(lambda _, i=i: self.move(i, +1))
            rows.append(widgets.HBox([widgets.Label(f"{i + 1}."), up, down,
                                      widgets.HTML(render("inline_text", self.labels[item]))]))
        close_tree(self.box)
        self.box.children = rows

    def move(self, index: int, step: int) -> None:
        """Move the item at ``index`` one place up (``-1``) or down (``+1``)."""
        j = index + step
        if 0 <= index < len(self.current) and 0 <= j < len(self.current):
            self.current[index], self.current[j] = self.current[j], self.current[index]
            self._draw()

    @property
    def value(self) -> list[Any]:
        return list(self.current)

    def set(self, answer: Any) -> None:
        if isinstance(answer, (list, tuple)) and sorted(map(str, answer)) == sorted(map(str, self.current)):
            by_text = {str(v): v for v in self.current}
            self.current = [by_text[str(a)] for a in answer]
            self._draw()


class _Texts(Part):
    def __init__(self, spec: Options, multiline: bool = False) -> None:
        self.multiline = multiline
        super().__init__(spec)

    def build(self, lang: str) -> None:
        make = widgets.Textarea if self.multiline else widgets.Text
        self.fields = {}
        children = []
        for label, name in _pairs(self.spec, lang, "fields"):
            field = make(layout=widgets.Layout(width="100%", height="4em" if self.multiline else None))
            self.fields[name] = field
            children.append(widgets.VBox([widgets.HTML(render("inline_text", label)), field]))
        self.box.children = children

    @property
    def value(self) -> dict[Any, str]:
        return {name: field.value for name, field in self.fields.items()}

    def set(self, answer: Any) -> None:
        for name, field in self.fields.items():
            if isinstance(answer, Mapping) and isinstance(answer.get(name), str):
                field.value = answer[name]


def choose(options: Options) -> Part:
    """One value out of ``options`` (a dropdown led by "— choose —", which answers ``None``)."""
    return _Choose(options)


def choose_each(items: Options, options: Options | None = None, *,
                per_item: Mapping[Any, Options] | None = None) -> Part:
    """One value out of ``options`` for each of ``items``: answers ``{item: value or None}``.

    ``per_item`` gives each item its own options instead (item → options).
    """
    if (options is None) == (per_item is None):
        raise WrongType("options", "wrong_type", options, allowed=("options", "per_item"))
    return _ChooseEach(options, items, per_item)


def pick(options: Options, count: int | None = None) -> Part:
    """Any number of ``options`` (toggle buttons; ``count`` is shown as a limit): answers a list."""
    return _Pick(options, count)


def order(items: Options) -> Part:
    """``items`` put in order with up/down buttons: answers the list of item values in order."""
    return _Order(items)


def text_fields(fields: Options, multiline: bool = False) -> Part:
    """A text box per field: answers ``{field: text}``."""
    return _Texts(fields, multiline)
