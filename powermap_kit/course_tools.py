"""Helpers for course notebooks 07–14 and their exercise workbooks: tables and self-checks.

Pure core (no Jupyter imports): every function returns plain objects that notebooks display
(pandas Stylers, :class:`Check`, Markdown). Text lives in ``data/text/course_tools.json``
(keys ``course_tools.*``, English and Chinese); the practice maps, exercise answers and
module times in ``data/course_tools.json`` (whose building steps and information sources
:mod:`powermap_kit.course` shares for notebooks 01 and 06).

Every ``check_*`` function returns a :class:`Check` and never raises on an unanswered or
half-answered exercise: it says what is missing, what is wrong and where to look, so a
workbook runs top to bottom under nbval before the learner has typed anything.

Examples
--------
>>> check_relationship_order([], lang="en").status
'unanswered'
>>> result = check_relationship_order(["get_information", "work_together"], lang="en")
>>> result.status, result.lines[0]
('wrong', 'Missing: One-to-one meeting, Understand needs, Solve problems.')
>>> check_practice_map(practice_key(), lang="en").status
'right'
"""

from __future__ import annotations

import html
import json
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from . import vocab
from .diff import match_people, normalise
from .io import load_map
from .model import PowerMap

if TYPE_CHECKING:
    import pandas as pd
    from pandas.io.formats.style import Styler

    from .analysis import Analysis
    from .cases import Case, Markdown

__all__ = [
    "Check",
    "CommandResult",
    "PRACTICE_TODAY",
    "action_summary",
    "agenda",
    "analysis_table",
    "check_case_map",
    "check_compliance",
    "check_hidden_power",
    "check_opponent_moves",
    "check_practice_map",
    "check_priorities",
    "check_quadrant",
    "check_relationship_order",
    "check_sources",
    "check_trust",
    "check_twist_update",
    "check_visit_plan",
    "colleague_map",
    "compliance_items",
    "debrief_questions",
    "documents_table",
    "executive_gaps",
    "executive_steps",
    "information_sources",
    "module_times",
    "needs_and_motives",
    "opponent_moves",
    "practice_blank",
    "practice_key",
    "practice_scenario",
    "quadrant_table",
    "relationship_steps",
    "run_command",
    "saved_map",
    "source_items",
    "stance_strategies",
    "trust_items",
    "trust_table",
    "visit_preparation",
]


@lru_cache(maxsize=None)
def _data() -> dict[str, Any]:
    return json.loads(resources.files("powermap_kit").joinpath("data/course_tools.json").read_text("utf-8"))


def _t(key: str, lang: str | None = None, **params: Any) -> str:
    return vocab.text(f"course_tools.{key}", lang=lang, **params)


def _join(items: Iterable[str], lang: str | None) -> str:
    items = list(items)
    return _t("list_sep", lang).join(items) if items else _t("none", lang)


PRACTICE_TODAY: str = _data()["practice"]["today"]
"""The date of the Donghai practice scenario, for ``analyse(..., today=PRACTICE_TODAY)``."""

_MARKS = {"unanswered": "ℹ", "right": "✔", "partly": "◐", "wrong": "✘"}


# ---- results ------------------------------------------------------------------------------
@dataclass
class Check:
    """The feedback of one self-check: a status, explanations, and where to look.

    ``status`` is ``"unanswered"``, ``"right"``, ``"partly"`` or ``"wrong"``; ``score`` is
    0–1 (``None`` when unanswered); ``result`` keeps the underlying object (a grade
    result, an analysis) for further use. Displays as Markdown in a notebook, prints as text.
    """

    title: str
    status: str
    lines: list[str] = field(default_factory=list)
    hint: str | None = None
    score: float | None = None
    lang: str = "en"
    result: Any = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        """True when the answer is right."""
        return self.status == "right"

    def _head(self) -> str:
        return f"{_MARKS[self.status]} {self.title}: {_t('status.' + self.status, self.lang)}"

    def __str__(self) -> str:
        parts = [self._head(), *(f"  - {line}" for line in self.lines)]
        if self.hint and self.status != "right":
            parts.append("  " + _t("where_to_look", self.lang, place=self.hint))
        return "\n".join(parts)

    def _repr_markdown_(self) -> str:
        head = f"**{_MARKS[self.status]} {_md(self.title)}** — {_md(_t('status.' + self.status, self.lang))}"
        body = "".join(f"\n- {_md(line)}" for line in self.lines)
        tail = ""
        if self.hint and self.status != "right":
            tail = "\n\n*" + _md(_t("where_to_look", self.lang, place=self.hint)) + "*"
        return head + "\n" + body + tail


def _md(text: str) -> str:
    # Learner text and names may hold Markdown or HTML: escape it, except inside `code`
    # spans of our own guidance, where a backslash would show.
    parts = text.split("`")
    for i in range(0, len(parts), 2):
        parts[i] = html.escape(parts[i], quote=False).replace("*", r"\*").replace("_", r"\_").replace("[", r"\[")
    return "`".join(parts)


def _status(score: float) -> str:
    return "right" if score >= 0.999 else "partly" if score > 0 else "wrong"


# ---- teaching tables ----------------------------------------------------------------------
def _frame(rows: list[dict[str, Any]], columns: Sequence[str], lang: str | None) -> Styler:
    """A table for reading: headings in the language, text left-aligned, no index column.

    The data stay available as ``.data`` (a DataFrame).
    """
    import pandas as pd

    frame = pd.DataFrame(rows, columns=list(columns)).rename(columns={c: _t(f"col.{c}", lang) for c in columns})
    return _styled(frame)


def _styled(frame: pd.DataFrame, precision: int = 2) -> Styler:
    """Left-aligned, no index; short columns (names, codes, numbers) never wrap, long text does."""
    styler = frame.style.hide(axis="index").format(escape="html", na_rep="", precision=precision)
    # subset given explicitly: mypy would otherwise match the **dict of CSS properties against it
    styler = styler.set_properties(None, **{"text-align": "left", "vertical-align": "top", "white-space": "normal"})
    short: list[Hashable] = ([c for c in frame.columns if frame[c].astype(str).str.len().max() <= 16]
                             if len(frame) else [])
    if short:
        styler = styler.set_properties(subset=short, **{"white-space": "nowrap"})
    return styler.set_table_styles([{"selector": "th", "props": [("text-align", "left")]}])


def information_sources(lang: str | None = None) -> Styler:
    """Where map information comes from: seed 002's three channels and seed 001's methods."""
    rows = [{"code": s["code"], "source": _t(f"source.{s['code']}.name", lang),
             "chinese": _t(f"source.{s['code']}.name", "zh"), "examples": _t(f"source.{s['code']}.examples", lang),
             "seed": s["seed"]} for s in _data()["sources"]]
    return _frame(rows, ["code", "source", "chinese", "examples", "seed"], lang)


def stance_strategies(lang: str | None = None) -> Styler:
    """Seed 002's per-stance strategy: win supporters, convert the neutral, handle opponents."""
    rows = [{"stance": vocab.label(s, "stance", lang), "chinese": vocab.label(s, "stance", "zh"),
             "goal": _t(f"strategy.{s}.goal", lang), "moves": _t(f"strategy.{s}.moves", lang)}
            for s in _data()["stance_strategies"]]
    return _frame(rows, ["stance", "chinese", "goal", "moves"], lang)


def _vocab_rows(kind: str, group: str, lang: str | None) -> list[dict[str, Any]]:
    return [{"kind": _t(f"kind.{group}", lang), "code": item["code"], "item": item["label"][vocab._lang(lang)],
             "chinese": item["label"]["zh"], "meaning": item["description"][vocab._lang(lang)]}
            for item in vocab.entries(kind)]


def trust_table(lang: str | None = None) -> Styler:
    """Seed 003 unit 4: three dimensions of individual trust and three items of organisational trust."""
    rows = _vocab_rows("trust_dimension", "individual", lang) + _vocab_rows("org_trust", "organisational", lang)
    return _frame(rows, ["kind", "code", "item", "chinese", "meaning"], lang)


def needs_and_motives(lang: str | None = None) -> Styler:
    """Seed 003 unit 4: the four need dimensions and six personal motives (our definitions)."""
    rows = _vocab_rows("need", "need", lang) + _vocab_rows("motive", "motive", lang)
    return _frame(rows, ["kind", "item", "chinese", "meaning"], lang)


def relationship_steps(lang: str | None = None) -> Styler:
    """Seed 003 unit 4: the five steps of building a relationship with a key person."""
    rows = [{"no": n, "code": item["code"], "step": item["label"][vocab._lang(lang)], "chinese": item["label"]["zh"],
             "what": item["description"][vocab._lang(lang)]}
            for n, item in enumerate(vocab.entries("relationship_step"), 1)]
    return _frame(rows, ["no", "code", "step", "chinese", "what"], lang)


def visit_preparation(lang: str | None = None) -> Styler:
    """Seed 003 unit 5: the five parts of preparing an important visit."""
    rows = [{"no": n, "item": _t(f"visit.{code}.name", lang), "chinese": _t(f"visit.{code}.name", "zh"),
             "question": _t(f"visit.{code}.question", lang)} for n, code in enumerate(_data()["visit_items"], 1)]
    return _frame(rows, ["no", "item", "chinese", "question"], lang)


def executive_gaps(lang: str | None = None) -> Styler:
    """Seed 003 unit 6: the five gaps between a seller and a customer executive."""
    rows = [{"gap": _t(f"exec_gap.{g}", lang), "chinese": _t(f"exec_gap.{g}", "zh")} for g in _data()["executive_gaps"]]
    return _frame(rows, ["gap", "chinese"], lang)


def executive_steps(lang: str | None = None) -> Styler:
    """Seed 003 unit 6: the seven steps of developing executive relationships."""
    rows = [{"no": n, "step": _t(f"exec_step.{s}.name", lang), "chinese": _t(f"exec_step.{s}.name", "zh"),
             "what": _t(f"exec_step.{s}.what", lang)} for n, s in enumerate(_data()["executive_steps"], 1)]
    return _frame(rows, ["no", "step", "chinese", "what"], lang)


def _items(name: str, prefix: str, lang: str | None) -> Styler:
    rows = [{"code": i["id"], "item": _t(f"{prefix}.{i['id']}", lang)} for i in _data()[name]]
    return _frame(rows, ["code", "item"], lang)


def source_items(lang: str | None = None) -> Styler:
    """The pieces of information of the sources exercise (:func:`check_sources`)."""
    return _items("source_items", "source_item", lang)


def opponent_moves(lang: str | None = None) -> Styler:
    """The candidate moves of the blocker exercise (:func:`check_opponent_moves`)."""
    return _items("opponent_moves", "move", lang)


def trust_items(lang: str | None = None) -> Styler:
    """The actions of the trust exercise (:func:`check_trust`)."""
    return _items("trust_items", "trust_item", lang)


def compliance_items(lang: str | None = None) -> Styler:
    """The proposed actions of the compliance exercise (:func:`check_compliance`)."""
    return _items("compliance_items", "compliance", lang)


def quadrant_table(lang: str | None = None) -> Styler:
    """The quadrants of the power matrix (seed 000 §4) and the approach for each."""
    from .analysis.matrix import QUADRANTS, quadrant_approach, quadrant_name

    rows = [{"code": q, "item": quadrant_name(q, lang), "chinese": quadrant_name(q, "zh"),
             "moves": quadrant_approach(q, lang)} for q in QUADRANTS]
    return _frame(rows, ["code", "item", "chinese", "moves"], lang)


_PLAN_COLUMNS = ("priority", "name", "roles", "stance", "strategy", "trust_focus", "next_step", "through")


def action_summary(result: Analysis, lang: str | None = None) -> Styler:
    """The main columns of an analysis's action plan, labelled in the language, for reading."""
    labelled = result.action_frame(lang)
    codes = list(result.action_frame(lang, labels=False).columns)
    return _styled(labelled.iloc[:, [codes.index(c) for c in _PLAN_COLUMNS]])


# Which columns of an analysis table a learner reads, and the text key of each heading.
_ANALYSIS_TABLES: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "routes": ("path_frame", (("target_name", "analysis.col.target"), ("names", "analysis.col.route"),
                              ("explanation", "analysis.col.explanation"))),
    "conflicts": ("conflict_frame", (("message", "course_tools.col.conflict"), ("advice", "course_tools.col.advice"))),
    "hidden": ("hidden_frame", (("name", "analysis.col.name"), ("power", "analysis.col.power"),
                                ("network_power", "analysis.col.network_power"),
                                ("flagged", "course_tools.col.flagged"), ("explanation", "analysis.col.explanation"))),
    "risks": ("risk_frame", (("severity", "course_tools.col.severity"), ("title", "course_tools.col.risk"),
                             ("message", "course_tools.col.finding"), ("action", "analysis.col.action"))),
}


def analysis_table(result: Analysis, part: str, lang: str | None = None) -> Styler:
    """One part of an analysis — ``routes``, ``conflicts``, ``hidden`` or ``risks`` — as a table to read.

    The same rows as the analysis's ``*_frame()`` methods, with headings in the language,
    routes written out as ``A → B → C`` and nothing cut short.
    """
    lang = vocab._lang(lang)
    if part not in _ANALYSIS_TABLES:
        raise ValueError(_t("unknown_code", lang, value=repr(part), allowed=_join(_ANALYSIS_TABLES, lang)))
    method, columns = _ANALYSIS_TABLES[part]
    frame = getattr(result, method)(lang)[[c for c, _ in columns]].copy()
    if "names" in frame:
        frame["names"] = frame["names"].map(" → ".join)
    if "flagged" in frame:
        frame["flagged"] = frame["flagged"].map(lambda v: "✔" if v else "")
    if "severity" in frame:
        frame["severity"] = frame["severity"].map(lambda v: vocab.text(f"analysis.severity.{v}", lang=lang))
    return _styled(frame.rename(columns={c: vocab.text(key, lang=lang) for c, key in columns}))


def saved_map(path: str | os.PathLike, fallback: PowerMap) -> PowerMap:
    """The map saved at ``path`` when it holds anyone, else ``fallback`` (a copy).

    For exercises that build on earlier work: notebook 12 starts from the case map a
    learner saved in notebook 10 or 11, or from a sample map when there is none yet.
    """
    from .errors import MapFormatError

    try:
        pm = load_map(path)
    except (OSError, MapFormatError):
        return fallback.copy()
    return pm if len(pm) else fallback.copy()


# ---- cases --------------------------------------------------------------------------------
def documents_table(case: Case, lang: str | None = None) -> Styler:
    """A case's intelligence pack as a table: number, title, kind, date."""
    lang = vocab._lang(lang)
    rows = [{"document": f"{n:02d}", "title": d.title[lang], "kind": _t(f"doc_kind.{d.kind}", lang)
             if f"course_tools.doc_kind.{d.kind}" in vocab._texts() else d.kind, "date": d.date}
            for n, d in enumerate(case.documents, 1)]
    return _frame(rows, ["document", "title", "kind", "date"], lang)


def debrief_questions(case: Case, lang: str | None = None) -> Markdown:
    """The discussion questions of a case's debrief (not the expert map around them)."""
    from .cases import Markdown

    text = str(case.debrief(lang))
    heading = _t("debrief.heading", lang).lower()
    out: list[str] = []
    taking = False
    for line in text.splitlines():
        if line.startswith("#"):
            if taking:
                break
            taking = heading in line.lower()
            continue
        if taking:
            out.append(line)
    body = "\n".join(out).strip()
    return Markdown(body or _t("debrief.none", lang))


# ---- practice case (notebooks 07-09) ------------------------------------------------------
def practice_scenario(lang: str | None = None) -> Markdown:
    """The Donghai Vocational College scenario: seed 002's education case in small."""
    from .cases import Markdown

    return Markdown(_t("practice.scenario", lang))


def practice_key() -> PowerMap:
    """The trainer's key for the Donghai practice map."""
    return load_map(_data()["practice"]["key"])


def practice_blank() -> PowerMap:
    """An empty Donghai map to build in (account and opportunity name filled in)."""
    key = _data()["practice"]["key"]
    return load_map({"format": "powermap/1", "account": key["account"],
                     "opportunity": {"name": key["opportunity"]["name"]}, "stakeholders": [],
                     "meta": {"case": key["meta"]["case"]}})


def colleague_map() -> PowerMap:
    """A colleague's Donghai map, with the classic errors, to analyse in notebook 08."""
    return load_map(_data()["practice"]["colleague"])


def check_practice_map(pm: PowerMap | None, lang: str | None = None, top: int = 6) -> Check:
    """Grade a Donghai practice map against its key and explain the biggest gaps."""
    return _grade_check(pm, practice_key(), _t("practice.check_title", lang), lang, top, start=None)


def check_case_map(pm: PowerMap | None, case: Case, twist: bool = False, lang: str | None = None,
                   top: int = 6) -> Check:
    """Grade a case map against the case's key (``twist=True``: the updated key after the twist).

    An empty map gets guidance on where to start reading, not a score of zero.
    """
    key = case.twist_key if twist else case.key
    if key is None:
        raise ValueError(f"case {case.slug!r} has no twist")
    title = _t("grade.title", lang, case=case.title(lang))
    first = case.documents[0].title[vocab._lang(lang)] if case.documents else None
    return _grade_check(pm, key, title, lang, top, start=first)


def _grade_check(pm: PowerMap | None, key: PowerMap, title: str, lang: str | None, top: int,
                 start: str | None) -> Check:
    from .grading import grade

    lang = vocab._lang(lang)
    if pm is None or len(pm) == 0:
        lines = [_t("grade.empty", lang)]
        if start:
            lines.append(_t("grade.start_with", lang, start=start))
        return Check(title, "unanswered", lines, _t("grade.hint", lang), None, lang)
    result = grade(pm, key, lang=lang)
    if not result.ok:
        return Check(title, "wrong", [_t("grade.error", lang, error=result.error)], _t("grade.hint", lang), 0.0,
                     lang, result)
    found = len(key) - len(result.missing)
    lines = [_t("grade.score", lang, total=f"{result.total:g}", people=found, count=len(key))]
    feedback = [line for line, item in zip(result.feedback, result.items) if item.points > 0]
    lines += feedback[:top]
    if len(feedback) > top:
        lines.append(_t("grade.more", lang, count=len(feedback) - top))
    if not feedback:
        lines.append(_t("grade.perfect", lang))
    score = (result.total or 0.0) / 100
    status = "right" if score >= 0.85 else "partly" if score >= 0.4 else "wrong"
    return Check(title, status, lines, _t("grade.hint", lang), score, lang, result)


# ---- ordering exercises -------------------------------------------------------------------
def _resolve_code(value: object, names: Mapping[str, Sequence[str]]) -> str | None:
    if not isinstance(value, str):
        return None
    folded = normalise(value)
    for code, forms in names.items():
        if folded == normalise(code) or any(folded == normalise(f) for f in forms):
            return code
    return None


def _check_order(order: Sequence[str] | None, codes: Sequence[str], names: Mapping[str, Sequence[str]],
                 label: Mapping[str, str], what: str, hint: str, lang: str) -> Check:
    title = _t("order.title", lang, what=what)
    order = _picked(order)
    if not order:
        example = repr(list(codes[:2]) + ["..."])
        return Check(title, "unanswered", [_t("order.unanswered", lang, count=len(codes), example=example,
                                                 codes=_join(codes, lang))], hint, None, lang)
    given = [_resolve_code(v, names) for v in order]
    lines = []
    bad = [repr(v) for v, c in zip(order, given) if c is None]
    if bad:
        lines.append(_t("unknown_code", lang, value=_join(bad, lang), allowed=_join(codes, lang)))
    missing = [label[c] for c in codes if c not in given]
    if missing:
        lines.append(_t("order.missing", lang, items=_join(missing, lang)))
    for c in dict.fromkeys(c for c in given if c is not None and given.count(c) > 1):
        lines.append(_t("order.duplicate", lang, item=label[c]))
    right = 0
    for n, (want, have) in enumerate(zip(codes, given), 1):
        if want == have:
            right += 1
        elif have is not None and not missing:
            lines.append(_t("order.position", lang, n=n, expected=label[want], given=label[have]))
    score = right / len(codes)
    if score >= 0.999 and len(given) == len(codes):
        return Check(title, "right", [_t("order.right", lang, count=len(codes),
                                         items=" → ".join(label[c] for c in codes))], hint, 1.0, lang)
    return Check(title, "partly" if right else "wrong", lines, hint, score, lang)


def check_relationship_order(order: Sequence[str] | None, lang: str | None = None) -> Check:
    """Check seed 003's five relationship steps put in order (codes or labels)."""
    lang = vocab._lang(lang)
    codes = vocab.RELATIONSHIP_STEPS
    names = {c: [vocab.label(c, "relationship_step", lg) for lg in vocab.LANGUAGES] for c in codes}
    label = {c: vocab.label(c, "relationship_step", lang) for c in codes}
    return _check_order(order, codes, names, label, _t("order.relationship.what", lang),
                        _t("order.relationship.hint", lang), lang)


# ---- classification exercises -------------------------------------------------------------
def _classify(answers: Mapping[str, Any] | None, items: list[dict[str, Any]], text_prefix: str,
              codes: Sequence[str], names: Mapping[str, Sequence[str]], label: Mapping[str, str], title: str,
              unanswered_key: str, hint: str, lang: str, also: Mapping[tuple[str, str], str] | None = None) -> Check:
    ids = [i["id"] for i in items]
    answers = _given(answers)
    if not answers:
        example = repr({ids[0]: codes[0]})
        return Check(title, "unanswered", [_t(unanswered_key, lang, example=example, items=_join(ids, lang),
                                                 codes=_join(codes, lang))], hint, None, lang)
    lines, right = [], 0.0
    unknown = [repr(k) for k in answers if k not in ids]
    if unknown:
        lines.append(_t("unknown_item", lang, value=_join(unknown, lang), allowed=_join(ids, lang)))
    missing = []
    for item in items:
        text = _t(f"{text_prefix}.{item['id']}", lang)
        why = _t(f"{text_prefix}.{item['id']}.why", lang)
        if item["id"] not in answers:
            missing.append(item["id"])
            continue
        given = _resolve_code(answers[item["id"]], names)
        if given is None:
            lines.append(_t("unknown_code", lang, value=repr(answers[item["id"]]), allowed=_join(codes, lang)))
            continue
        if given == item["answer"]:
            right += 1
            lines.append("✔ " + _t("sources.right_line", lang, item=text, answer=label[given], why=why))
        elif also and (item["id"], given) in also:
            right += 1
            lines.append("✔ " + _t("sources.right_line", lang, item=text, answer=label[given],
                                    why=also[(item["id"], given)]))
        else:
            lines.append("✘ " + _t("sources.wrong_line", lang, item=text, given=label[given],
                                    expected=label[item["answer"]], why=why))
    if missing:
        lines.insert(0, _t("sources.missing", lang, items=_join(missing, lang)))
    score = right / len(items)
    return Check(title, _status(score), lines, hint, score, lang)


def check_sources(answers: Mapping[str, str] | None, lang: str | None = None) -> Check:
    """Check which information source each piece of information came from (seeds 001, 002).

    ``answers`` maps item ids (``s1`` …, see :func:`source_items`) to source codes.
    """
    lang = vocab._lang(lang)
    codes = tuple(s["code"] for s in _data()["sources"])
    names = {c: [_t(f"source.{c}.name", lg) for lg in vocab.LANGUAGES] for c in codes}
    label = {c: _t(f"source.{c}.name", lang) for c in codes}
    also = {("s4", "direct"): _t("sources.also", lang)}
    return _classify(answers, _data()["source_items"], "source_item", codes, names, label,
                     _t("sources.title", lang), "sources.unanswered", _t("sources.hint", lang), lang, also)


def check_trust(answers: Mapping[str, str] | None, lang: str | None = None) -> Check:
    """Check which kind of trust each action builds (seed 003 unit 4).

    ``answers`` maps item ids (``t1`` …, see :func:`trust_items`) to a trust-dimension code
    (``professional``, ``expertise``, ``stance``) or an organisational-trust code
    (``company_strength``, ``product_service``, ``solution``).
    """
    lang = vocab._lang(lang)
    kinds = {c: "trust_dimension" for c in vocab.TRUST_DIMENSIONS} | {c: "org_trust" for c in vocab.ORG_TRUST}
    names = {c: [vocab.label(c, k, lg) for lg in vocab.LANGUAGES] for c, k in kinds.items()}
    label = {c: vocab.label(c, k, lang) for c, k in kinds.items()}
    return _classify(answers, _data()["trust_items"], "trust_item", tuple(kinds), names, label,
                     _t("trust.title", lang), "trust.unanswered", _t("trust.hint", lang), lang)


def check_opponent_moves(picks: Iterable[str] | None, lang: str | None = None) -> Check:
    """Check the moves chosen for handling a blocker (seed 002 FAQ 5); ``picks`` are move ids."""
    lang = vocab._lang(lang)
    items = _data()["opponent_moves"]
    ids = [i["id"] for i in items]
    title, hint = _t("moves.title", lang), _t("moves.hint", lang)
    picks = [p.strip().lower() if isinstance(p, str) else p for p in _picked(picks)]
    if not picks:
        return Check(title, "unanswered", [_t("moves.unanswered", lang, example=repr(ids[:2]),
                                                 codes=_join(ids, lang))], hint, None, lang)
    lines = []
    unknown = [repr(p) for p in picks if p not in ids]
    if unknown:
        lines.append(_t("unknown_item", lang, value=_join(unknown, lang), allowed=_join(ids, lang)))
    for item in items:
        move, why = _t(f"move.{item['id']}", lang), _t(f"move.{item['id']}.why", lang)
        taken = item["id"] in picks
        if item["good"] and taken:
            lines.append(_t("moves.good_taken", lang, move=move, why=why))
        elif item["good"]:
            lines.append(_t("moves.good_missed", lang, move=move, why=why))
        elif taken:
            lines.append(_t("moves.bad_taken", lang, move=move, why=why))
    good = {i["id"] for i in items if i["good"]}
    chosen = set(picks)
    score = len(good & chosen) / len(good | chosen)
    return Check(title, _status(score), lines, hint, score, lang)


def check_compliance(answers: Mapping[str, Any] | None, lang: str | None = None) -> Check:
    """Check which proposed actions are legitimate (``"ok"``) or over the line (``"not_ok"``).

    The medical-device case's compliance question (case-guide "Compliance").
    """
    lang = vocab._lang(lang)
    items = _data()["compliance_items"]
    ids = [i["id"] for i in items]
    title, hint = _t("compliance.title", lang), _t("compliance.hint", lang)
    answers = _given(answers)
    if not answers:
        return Check(title, "unanswered", [_t("compliance.unanswered", lang, example=repr({ids[0]: "ok"}),
                                                 items=_join(ids, lang))], hint, None, lang)
    lines, right, missing = [], 0, []
    unknown = [repr(k) for k in answers if k not in ids]
    if unknown:
        lines.append(_t("unknown_item", lang, value=_join(unknown, lang), allowed=_join(ids, lang)))
    verdict = {True: _t("compliance.ok", lang), False: _t("compliance.not_ok", lang)}
    for item in items:
        if item["id"] not in answers:
            missing.append(item["id"])
            continue
        text = _t(f"compliance.{item['id']}", lang)
        why = _t(f"compliance.{item['id']}.why", lang)
        given = _yes_no(answers[item["id"]])
        if given is None:
            lines.append(_t("compliance.bad_value", lang, item=item["id"], value=repr(answers[item["id"]])))
        elif given == item["ok"]:
            right += 1
            lines.append(_t("compliance.right_line", lang, item=text, verdict=verdict[item["ok"]], why=why))
        else:
            lines.append(_t("compliance.wrong_line", lang, item=text, given=verdict[given],
                            verdict=verdict[item["ok"]], why=why))
    if missing:
        lines.insert(0, _t("sources.missing", lang, items=_join(missing, lang)))
    score = right / len(items)
    return Check(title, _status(score), lines, hint, score, lang)


def _given(answers: Mapping[str, Any] | None) -> dict[str, Any]:
    """The answered items: a workbook starts with every item set to ``None``."""
    return {k: v for k, v in (answers or {}).items() if v is not None and not (isinstance(v, str) and not v.strip())}


def _yes_no(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        folded = value.strip().lower().replace(" ", "_").replace("-", "_")
        if folded in ("ok", "yes", "legitimate", "可以", "合规"):
            return True
        if folded in ("not_ok", "no", "over_the_line", "越界", "不可以", "违规"):
            return False
    return None


def check_visit_plan(plan: Mapping[str, str] | None, person: str | None = None, lang: str | None = None) -> Check:
    """Check a visit plan has seed 003's five preparation items, each said in a usable sentence."""
    lang = vocab._lang(lang)
    codes = _data()["visit_items"]
    names = {c: _t(f"visit.{c}.name", lang) for c in codes}
    title = _t("visit.title", lang, person=_t("visit.for", lang, name=person) if person else "")
    hint = _t("visit.hint", lang)
    filled = {k: str(v).strip() for k, v in (plan or {}).items() if v is not None and str(v).strip()}
    if not filled:
        return Check(title, "unanswered", [_t("visit.unanswered", lang, items=_join(codes, lang))], hint, None, lang)
    lines = []
    unknown = [k for k in filled if k not in codes]
    if unknown:
        lines.append(_t("visit.unknown_items", lang, items=_join(unknown, lang)))
    missing = [names[c] for c in codes if c not in filled]
    if missing:
        lines.append(_t("visit.missing", lang, items=_join(missing, lang)))
    short = [c for c in codes if c in filled and _too_short(filled[c])]
    lines += [_t("visit.short", lang, item=names[c]) for c in short]
    done = sum(1 for c in codes if c in filled and c not in short)
    if done == len(codes):
        lines.append(_t("visit.done", lang))
    lines += [f"{names[c]}: {filled[c]}" for c in codes if c in filled]
    score = done / len(codes)
    return Check(title, _status(score), lines, hint, score, lang)


def _too_short(text: str) -> bool:
    # A CJK character carries about a word; Latin text is counted in words.
    cjk = len(re.findall(r"[\u3400-\u9fff]", text))
    return cjk < 6 and len(text.split()) < 4


# ---- analysis exercises -------------------------------------------------------------------
def _analysis(pm: PowerMap | Analysis, today: str | None) -> Analysis:
    from .analysis import analyse

    return pm if hasattr(pm, "context") else analyse(pm, today=today)  # type: ignore[return-value]


def _picked(picks: Iterable[Any] | str | None) -> list[Any]:
    """The non-empty picks (a lone string counts as one pick)."""
    if picks is None:
        return []
    if isinstance(picks, str):
        picks = [picks]
    return [p for p in picks if p is not None and not (isinstance(p, str) and not p.strip())]


def _known_aliases(pm: PowerMap) -> dict[str, list[str]]:
    """Aliases for the people of ``pm``: its own key aliases, or those of the key of its case."""
    aliases = dict((pm.grading or {}).get("aliases") or {})
    slug = pm.meta.get("case")
    key: PowerMap | None = None
    if slug == _data()["practice"]["key"]["meta"]["case"]:
        key = practice_key()
    elif isinstance(slug, str):
        try:
            from .cases import load_case

            key = load_case(slug).key
        except (KeyError, FileNotFoundError):
            key = None
    if key is not None:
        key_aliases = (key.grading or {}).get("aliases") or {}
        for m in match_people(key, pm, key_aliases):
            aliases.setdefault(m.b, list(key_aliases.get(m.a, [])) + [key.stakeholder(m.a).name])
    return aliases


def _person_ids(pm: PowerMap, picks: Iterable[Any]) -> tuple[list[str], list[str]]:
    """Map names, ids or aliases to ids of ``pm``; return (ids, unknown picks).

    An exact form wins; otherwise a pick that is part of exactly one person's forms
    ("Wang" for "Wang Jian") is taken.
    """
    aliases = _known_aliases(pm)
    forms: dict[str, str] = {}
    for p in pm.stakeholders:
        for form in (p.id, p.name, *aliases.get(p.id, [])):
            forms.setdefault(normalise(form), p.id)
    ids, unknown = [], []
    for pick in picks:
        folded = normalise(str(pick)) if isinstance(pick, str) else ""
        pid = forms.get(folded)
        if pid is None and len(folded) >= 2:
            owners = {owner for form, owner in forms.items() if folded in form}
            pid = owners.pop() if len(owners) == 1 else None
        if pid is None:
            unknown.append(str(pick))
        elif pid not in ids:
            ids.append(pid)
    return ids, unknown


def _people_check(picks: Iterable[Any] | None, expected: list[str], pm: PowerMap, why: Mapping[str, str],
                  title: str, hint: str, lang: str, result: Any) -> Check:
    names = {p.id: p.name for p in pm.stakeholders}
    picks = _picked(picks)
    if not picks:
        # The example must not give the answer away: name someone who is not one of them.
        others = [names[i] for i in pm.ids if i not in expected] or [_t("placeholder_name", lang)]
        example = repr(others[:1])
        return Check(title, "unanswered", [_t("picks.unanswered", lang, example=example,
                                                 people=_join(names.values(), lang))], hint, None, lang, result)
    ids, unknown = _person_ids(pm, picks)
    lines = [_t("unknown_person", lang, value=repr(u), allowed=_join(names.values(), lang)) for u in unknown]
    lines += [_t("picks.found", lang, name=names[i], why=why[i]) for i in ids if i in expected]
    lines += [_t("picks.missed", lang, name=names[i], why=why[i]) for i in expected if i not in ids]
    lines += [_t("picks.extra", lang, name=names[i], why=why[i]) for i in ids if i not in expected]
    if not expected:
        lines.append(_t("picks.none_expected", lang))
    hits = sum(1 for i in ids if i in expected)
    wrong = len(ids) - hits + len(unknown)
    # Overlap of the two sets: every miss and every wrong pick costs the same.
    score = hits / (len(expected) + wrong) if expected else (1.0 if not wrong else 0.0)
    return Check(title, _status(score), lines, hint, score, lang, result)


def check_quadrant(pm: PowerMap | Analysis, picks: Iterable[Any] | None, quadrant: str = "key_target",
                   today: str | None = None, lang: str | None = None) -> Check:
    """Check who the learner places in a quadrant of the power matrix (default ``key_target``).

    ``picks`` are names, ids or aliases of people on the map.
    """
    from .analysis.matrix import QUADRANTS, quadrant_name

    lang = vocab._lang(lang)
    if quadrant not in QUADRANTS:
        raise ValueError(_t("unknown_code", lang, value=repr(quadrant), allowed=_join(QUADRANTS, lang)))
    result = _analysis(pm, today)
    rows = result.matrix_rows
    expected = [r["id"] for r in rows if r["quadrant"] == quadrant]
    why = {r["id"]: _t("quadrant.why", lang, power=r["power"] if r["power"] is not None else "?",
                       stance=vocab.label(r["stance"] or "unknown", "stance", lang),
                       quadrant=quadrant_name(r["quadrant"], lang)) for r in rows}
    title = _t("quadrant.title", lang, quadrant=quadrant_name(quadrant, lang))
    return _people_check(picks, expected, result.map, why, title, _t("quadrant.hint", lang), lang, result)


def check_hidden_power(pm: PowerMap | Analysis, picks: Iterable[Any] | None, today: str | None = None,
                       lang: str | None = None) -> Check:
    """Check who the learner thinks holds more power than the map gives them (hidden power)."""
    lang = vocab._lang(lang)
    result = _analysis(pm, today)
    flagged = {r["id"]: r["explanation"].render(lang) for r in result.hidden_power}
    why = {p.id: flagged.get(p.id, _t("hidden.not_flagged", lang)) for p in result.map.stakeholders}
    return _people_check(picks, list(flagged), result.map, why, _t("hidden.title", lang), _t("hidden.hint", lang),
                         lang, result)


def check_priorities(picks: Iterable[Any] | None, key: PowerMap | Case, count: int = 3, today: str | None = None,
                     lang: str | None = None) -> Check:
    """Check the people chosen to reach first against the key's power matrix and decision chain.

    A good first choice is a key person not yet on our side (high power, neutral or
    opposed), a powerful supporter, or a blocker with real power; a friendly person with
    little power is the single-threading trap (seed 003).
    """
    from .analysis.matrix import quadrant_approach

    lang = vocab._lang(lang)
    if hasattr(key, "key"):
        key = key.key  # a Case
    result = _analysis(key, today)
    pm = result.map
    title, hint = _t("priorities.title", lang), _t("priorities.hint", lang)
    picks = _picked(picks)
    if not picks:
        names = [f"{_t('placeholder_name', lang)} {n}" for n in range(1, count + 1)]
        return Check(title, "unanswered", [_t("priorities.unanswered", lang, count=count, example=repr(names))],
                     hint, None, lang, result)
    ids, unknown = _person_ids(pm, picks)
    quad = {r["id"]: r["quadrant"] for r in result.matrix_rows}
    lines = []
    if len(ids) > count:
        lines.append(_t("priorities.too_many", lang, given=len(ids), count=count))
    lines += [_t("priorities.unknown_person", lang, name=u) for u in unknown]
    good = 0
    for pid in ids:
        p = pm.stakeholder(pid)
        summary = _summary(p, lang)
        q = quad.get(pid)
        if q == "key_target":
            good += 1
            lines.append(_t("priorities.key", lang, name=p.name, summary=summary, approach=quadrant_approach(q, lang)))
        elif q == "key_ally":
            good += 1
            lines.append(_t("priorities.ally", lang, name=p.name, summary=summary))
        elif q == "unplaced" and pid in result.context.key and (p.power or 0) >= 4:
            good += 1
            lines.append(_t("priorities.unknown", lang, name=p.name, summary=summary))
        elif p.stance == "oppose" and (p.power or 0) >= 3:
            good += 1
            lines.append(_t("priorities.blocker", lang, name=p.name, summary=summary))
        elif q == "supporter_base" and (p.power or 0) >= 3:
            lines.append(_t("priorities.supporter", lang, name=p.name, summary=summary))
        elif (p.power or 0) <= 2:
            lines.append("✘ " + _t("priorities.low", lang, name=p.name, summary=summary))
        else:
            lines.append(_t("priorities.other", lang, name=p.name, summary=summary))
    targets = [r["id"] for r in result.matrix_rows if r["quadrant"] == "key_target" and r["id"] not in ids]
    if targets and good < count:
        lines.append(_t("priorities.missed", lang, names=_join((pm.stakeholder(i).name for i in targets), lang)))
    score = min(good, count) / count * (1.0 if len(ids) <= count else count / len(ids))
    return Check(title, _status(score), lines, hint, score, lang, result)


def _summary(p: Any, lang: str) -> str:
    from .diff import value_text

    parts = [value_text("roles", p.roles, lang)]
    if p.power is not None:
        parts.append(_t("summary.power", lang, power=p.power))
    parts.append(vocab.label(p.stance_or_unknown, "stance", lang))
    return _t("list_sep", lang).join(parts)


# ---- dynamic change -----------------------------------------------------------------------
def check_twist_update(before: PowerMap | None, after: PowerMap | None, case: Case, lang: str | None = None) -> Check:
    """Check a map updated after a case's twist against what the twist changed in the key.

    For each change between ``case.key`` and ``case.twist_key`` (a person's roles, power,
    stance or coach flag; a new relationship; the stage or decision mode) the learner's
    updated map is looked at: done, already so before, or not yet.
    """
    from .diff import compare, edges, value_text
    from .grading import grade

    lang = vocab._lang(lang)
    doc = case.twist_document
    title = _t("twist.title", lang, title=doc.title[lang] if doc else case.title(lang))
    hint = _t("twist.hint", lang)
    if after is None or len(after) == 0:
        return Check(title, "unanswered", [_t("grade.empty", lang)], hint, None, lang)
    mine = compare(before, after) if before is not None else None
    if mine is not None and not mine:
        return Check(title, "unanswered", [_t("twist.unchanged", lang)], hint, None, lang)
    twist_key = case.twist_key
    if twist_key is None:
        raise ValueError(f"case {case.slug!r} has no twist")
    expected = compare(case.key, twist_key)
    aliases = (twist_key.grading or {}).get("aliases", {})
    found = {m.a: m.b for m in match_people(twist_key, after, aliases, use_titles=True)}
    back = {b: a for a, b in found.items()}
    after_lines = set(edges(after, back))
    before_found = {}
    if before is not None:
        before_found = {m.a: m.b for m in match_people(twist_key, before, aliases, use_titles=True)}
    tolerance = int(((twist_key.grading or {}).get("tolerance") or {}).get("power", 1))
    lines, done, total = [], 0, 0
    for change in expected.changes:
        kind = change["change"]
        sentence = expected.lines(lang)[expected.changes.index(change)]
        if kind in ("roles", "power", "stance", "coach"):
            total += 1
            key_id = change["stakeholder"]
            if key_id not in found:
                name = twist_key.stakeholder(key_id).name
                lines.append(_t("twist.missing_person", lang, change=sentence, name=name))
                continue
            have = getattr(after.stakeholder(found[key_id]), kind)
            ok = _same(kind, have, change["new"], tolerance)
            was = None
            if key_id in before_found and before is not None:
                was = getattr(before.stakeholder(before_found[key_id]), kind)
            if ok:
                done += 1
                already = was is not None and _same(kind, was, change["new"], tolerance)
                lines.append(_t("twist.already" if already else "twist.done", lang, change=sentence))
            else:
                lines.append(_t("twist.missed", lang, change=sentence, given=value_text(kind, have, lang)))
        elif kind == "relationship_added":
            total += 1
            from .diff import edge

            if edge(change["source"], change["target"], change["type"]) in after_lines:
                done += 1
                lines.append(_t("twist.done", lang, change=sentence))
            else:
                lines.append(_t("twist.line_missed", lang, change=sentence))
        elif kind in ("stage", "decision_mode"):
            total += 1
            have = getattr(after.opportunity, kind)
            if have == change["new"]:
                done += 1
                lines.append(_t("twist.done", lang, change=sentence))
            else:
                lines.append(_t("twist.missed", lang, change=sentence, given=value_text(kind, have, lang)))
    result = grade(after, twist_key, lang=lang)
    if result.ok:
        lines.insert(0, _t("twist.score", lang, total=f"{result.total:g}"))
    if mine is not None:
        lines.insert(1 if result.ok else 0, _t("twist.yours", lang, count=len(mine)))
    score = done / total if total else 1.0
    return Check(title, _status(score), lines, hint, score, lang, result)


def _same(kind: str, have: Any, want: Any, tolerance: int) -> bool:
    if kind == "roles":
        return set(want or ()) <= set(have or ())
    if kind == "power":
        return have is not None and want is not None and abs(int(have) - int(want)) <= tolerance
    if kind == "coach":
        return bool(have) == bool(want)
    return (have or "unknown") == (want or "unknown")


# ---- course plan --------------------------------------------------------------------------
def module_times(lang: str | None = None) -> Styler:
    """Each module's notebook and minutes of teaching and exercises."""
    rows = [{"module": m["number"], "notebook": m["file"], "teach": m["teach"], "exercise": m["exercise"],
             "total": m["teach"] + m["exercise"]} for m in _data()["modules"]]
    return _frame(rows, ["module", "notebook", "teach", "exercise", "total"], lang)


_AGENDAS: dict[str, list[tuple[Any, ...]]] = {
    # (kind, value): "act" activity code + minutes, "mod" module number, "break"/"lunch" minutes, "day" number.
    "one_day": [("day", 1), ("act", "welcome", 15), ("mod", "01"), ("mod", "02"), ("break", 15), ("mod", "03"),
                ("mod", "04"), ("lunch", 60), ("mod", "05"), ("mod", "07"), ("break", 15), ("mod", "case"),
                ("act", "wrap_up", 15)],
    "two_day": [("day", 1), ("act", "welcome", 15), ("mod", "01"), ("mod", "02"), ("break", 15), ("mod", "03"),
                ("mod", "04"), ("lunch", 60), ("mod", "05"), ("mod", "06"), ("break", 15), ("mod", "07"),
                ("act", "day_recap", 15),
                ("day", 2), ("act", "recap", 10), ("mod", "08"), ("break", 15), ("mod", "09"), ("mod", "10"),
                ("lunch", 60), ("mod", "11"), ("break", 15), ("mod", "12"), ("mod", "13"), ("act", "wrap_up", 20)],
}


def agenda(track: str = "one_day", case: str = "10", start: str = "09:00", lang: str | None = None) -> Styler:
    """A timetable after seed 003's pacing (1–2 days, 6 hours of sessions a day).

    Parameters
    ----------
    track : {"one_day", "two_day"}
        One day: 01–05, 07 and one flagship case. Two days: everything, both flagship
        cases and the dynamic-change exercise on day two.
    case : {"10", "11"}
        The flagship case of the one-day track.
    start : "HH:MM"
        When each day starts.

    >>> one = agenda("one_day", lang="en").data
    >>> int(one["Minutes"].sum()) - 60 - 2 * 15  # sessions, without lunch and breaks
    355
    """
    lang = vocab._lang(lang)
    if track not in _AGENDAS:
        raise ValueError(_t("agenda.unknown_track", lang, value=repr(track), allowed=_join(_AGENDAS, lang)))
    if case not in ("10", "11"):
        raise ValueError(_t("agenda.unknown_case", lang, value=repr(case), allowed=_join(("10", "11"), lang)))
    modules = {m["number"]: m for m in _data()["modules"]}
    rows: list[dict[str, Any]] = []
    day, clock = 1, _clock(start)
    for item in _AGENDAS[track]:
        kind = item[0]
        if kind == "day":
            day, clock = item[1], _clock(start)
            continue
        if kind == "mod":
            number = case if item[1] == "case" else item[1]
            m = modules[number]
            minutes = m["teach"] + m["exercise"]
            session = _t("agenda.module", lang, number=number, title=_t(f"module.{number}", lang))
            notebook = m["file"]
        elif kind == "act":
            minutes, session, notebook = item[2], _t(f"agenda.{item[1]}", lang), ""
        else:
            minutes, session, notebook = item[1], _t(f"agenda.{kind}", lang), ""
        end = clock + timedelta(minutes=minutes)
        rows.append({"day": day, "start": clock.strftime("%H:%M"), "end": end.strftime("%H:%M"), "minutes": minutes,
                     "session": session, "notebook": notebook})
        clock = end
    return _frame(rows, ["day", "start", "end", "minutes", "session", "notebook"], lang)


def _clock(text: str) -> datetime:
    return datetime.strptime(text, "%H:%M")


# ---- command line -------------------------------------------------------------------------
@dataclass
class CommandResult:
    """A command line as a trainer would type it, and what it printed."""

    command: str
    returncode: int
    stdout: str
    stderr: str
    lang: str = "en"

    def __str__(self) -> str:
        parts = [f"$ {self.command}", self.stdout.rstrip("\n")]
        if self.stderr.strip():
            parts.append(self.stderr.rstrip("\n"))
        if self.returncode:
            parts.append(_t("command.exit", self.lang, code=self.returncode))
        return "\n".join(p for p in parts if p)

    __repr__ = __str__


def run_command(command: str, cwd: str | os.PathLike | None = None, timeout: float = 120,
                lang: str | None = None) -> CommandResult:
    """Run a ``powermap ...`` command line and capture its output (for notebooks).

    ``powermap`` runs as ``python -m powermap_kit`` with this Python, so it works in a
    kernel whose ``PATH`` lacks the virtual environment. Never raises for a failing
    command: the exit code and error output are part of the result.

    >>> print(run_command("powermap --help").returncode)
    0
    """
    lang = vocab._lang(lang)
    argv = shlex.split(command)
    if argv and argv[0] == "powermap":
        argv = [sys.executable, "-m", "powermap_kit", *argv[1:]]
    env = dict(os.environ, PYTHONIOENCODING="utf-8", COLUMNS=os.environ.get("COLUMNS", "120"))
    try:
        done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=timeout,
                              env=env, check=False)
    except FileNotFoundError:
        return CommandResult(command, 127, "", _t("command.not_found", lang, command=argv[0] if argv else ""), lang)
    except subprocess.TimeoutExpired:
        return CommandResult(command, 124, "", _t("command.timeout", lang, command=command, seconds=timeout), lang)
    return CommandResult(command, done.returncode, done.stdout, done.stderr, lang)
