"""Modules 03 and 04: the five buying stages, the decision chain and the three decision modes.

Seed 003 units 2–3 (customer focus, seller's work, signals; decision modes and who matters
most), seed 002 (what the map is for early, in the middle and late in the sales cycle).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .. import exercises, vocab
from ..cases import Case, Markdown
from .display import _case, _table
from .feedback import (
    _INFO, _NO, _OK, _OPEN, Feedback, _choice, _join, _lang, _md, _not_allowed, _pending, _result, _t,
    _unanswered,
)

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

__all__ = ["check_case_decision_mode", "check_case_stage", "check_decision_mode_answers", "check_stage_answers",
           "decision_modes_table", "mode_weights_table", "sales_cycle_table", "show_stage_guide", "stage_journey"]


def show_stage_guide(lang: str | None = None) -> Styler:
    """The five buying stages (seed 003 unit 2): customer's focus, seller's core work, signals."""
    lang = _lang(lang)
    return _table([{"#": n, _t("col.stage", lang): f"{e['label'][lang]} ({e['label']['zh']})" if lang == "en"
                    else e["label"][lang], _t("col.focus", lang): e["focus"][lang],
                    _t("col.task", lang): e["seller_task"][lang],
                    _t("col.signals", lang): _t("list_sep_long", lang).join(e["signals"][lang])}
                   for n, e in enumerate(vocab.entries("stage"), start=1)])


def stage_journey(lang: str | None = None) -> Markdown:
    """The buying journey as one line of five boxes (focus above, our work below), for projection."""
    lang = _lang(lang)
    cells = []
    for n, e in enumerate(vocab.entries("stage"), start=1):
        cells.append(f"| **{n}. {_md(e['label'][lang])}**<br>{_md(e['label']['zh']) if lang == 'en' else ''} ")
    head = "".join(cells) + "|"
    rule = "|" + "---|" * len(cells)
    focus = "".join(f"| {_md(e['focus'][lang])} " for e in vocab.entries("stage")) + "|"
    task = "".join(f"| **{_md(e['seller_task'][lang])}** " for e in vocab.entries("stage")) + "|"
    phase = {"difficulty": "early", "exploring": "early", "project_approval": "middle", "evaluating": "middle",
             "decision": "late"}
    emphasis = "".join(f"| {_md(_t('cycle.' + phase[e['code']] + '.label', lang))} "
                       for e in vocab.entries("stage")) + "|"
    rows = [f"| {_md(_t('journey.stage', lang))} {head}", "|---" + rule,
            f"| {_md(_t('journey.focus', lang))} {focus}", f"| {_md(_t('journey.task', lang))} {task}",
            f"| {_md(_t('journey.emphasis', lang))} {emphasis}"]
    return Markdown("\n".join(rows))


def sales_cycle_table(lang: str | None = None) -> Styler:
    """Seed 002: what the power map is for early, in the middle and late in the sales cycle."""
    lang = _lang(lang)
    return _table([{_t("col.phase", lang): _t(f"cycle.{p}.label", lang),
                    _t("col.what", lang): _t(f"cycle.{p}.text", lang)} for p in ("early", "middle", "late")])


def check_stage_answers(answers: Mapping[str, str | None] | None, lang: str | None = None) -> Feedback:
    """Check buying stages chosen for statements (statement id → stage code), with explanations.

    >>> fb = check_stage_answers({"stage-01": "difficulty", "stage-11": "decision", "stage-07": None}, lang="en")
    >>> fb.message, [mark for mark, _ in fb.lines]
    ('1 of 3 right so far; 1 not answered yet.', ['✔', '✘', '○'])
    """
    lang = _lang(lang)
    title, hint = _t("stages.title", lang), _t("stages.where", lang)
    if _unanswered(answers):
        return _pending(title, _t("stages.what", lang), hint, lang)
    return _many(title, hint, answers, vocab.STAGES, "stage", exercises.check_stage, lang)  # type: ignore[arg-type]


def _many(title: str, hint: str, answers: Mapping[str, str | None], allowed: Sequence[str], kind: str,
          check: Any, lang: str) -> Feedback:
    lines, right, open_count = [], 0, 0
    for qid, raw in answers.items():
        if _unanswered(raw):
            open_count += 1
            lines.append((_OPEN, _t("item.open", lang, item=qid)))
            continue
        if _choice(raw, allowed, kind) is None:
            lines.append(_not_allowed(qid, raw, allowed, lang))
            continue
        try:
            fb = check(qid, raw, lang=lang)
        except KeyError as exc:
            lines.append((_NO, str(exc.args[0])))
            continue
        right += fb.correct
        text = fb.message if fb.correct else f"{fb.message} {fb.explanation}"
        lines.append((_OK if fb.correct else _NO, _t("item.text", lang, item=qid, text=text)))
    return _result(title, lines, right, len(answers), hint, lang, open_count)


def _check_case_field(case: Case | str, field: str, kind: str, answer: str | None, lang: str | None) -> Feedback:
    lang = _lang(lang)
    c = _case(case)
    title, hint = _t(f"case_{field}.title", lang, case=c.title(lang)), _t(f"case_{field}.where", lang)
    if _unanswered(answer):
        return _pending(title, _t(f"case_{field}.what", lang, allowed=", ".join(vocab.codes(kind))), hint, lang)
    chosen = _choice(answer, vocab.codes(kind), kind)
    if chosen is None:
        return Feedback(title, False, 0.0, _t("item.bad_code", lang),
                        (_not_allowed(field, answer, vocab.codes(kind), lang),), hint, lang)
    expected = getattr(c.key.opportunity, field)
    evidence = (c.key.opportunity.extra.get("evidence") or {}).get(field, "")
    lines = [(_INFO, _t("evidence", lang, evidence=evidence))] if evidence else []
    if chosen == expected:
        return Feedback(title, True, 1.0, _t("right", lang, answer=vocab.label(expected, kind, lang)),
                        tuple(lines), "", lang)
    lines.append((_NO, _t("contrast", lang, chosen=vocab.label(chosen, kind, lang),
                          description=vocab.describe(chosen, kind, lang))))
    return Feedback(title, False, 0.0, _t("wrong", lang, chosen=vocab.label(chosen, kind, lang),
                                          expected=vocab.label(expected, kind, lang)), tuple(lines), hint, lang)


def check_case_stage(case: Case | str, stage: str | None, lang: str | None = None) -> Feedback:
    """Check the buying stage chosen for a case's deal against its key, with the key's evidence."""
    return _check_case_field(case, "stage", "stage", stage, lang)


def decision_modes_table(lang: str | None = None) -> Styler:
    """The three decision modes (seed 003): who matters most, how you can tell, how deals are lost."""
    lang = _lang(lang)
    return _table([{_t("col.mode", lang): f"{e['label'][lang]} ({e['label']['zh']})" if lang == "en"
                    else e["label"][lang], _t("col.key_roles", lang):
                    _join((vocab.label(r, "role", lang) for r in e["key_roles"]), lang),
                    _t("col.how_to_tell", lang): _t(f"mode.{e['code']}.tell", lang),
                    _t("col.how_lost", lang): _t(f"mode.{e['code']}.lose", lang)}
                   for e in vocab.entries("decision_mode")])


def mode_weights_table(lang: str | None = None) -> Styler:
    """How much each role weighs under each decision mode (analysis settings), shaded: who matters most."""
    from ..analysis.settings import config

    lang = _lang(lang)
    weights = config()["index"]["role_weights"]
    rows = [{_t("col.role", lang): vocab.label(r, "role", lang),
             **{vocab.label(m, "decision_mode", lang): weights[m].get(r, 0.0) for m in vocab.DECISION_MODES}}
            for r in vocab.ROLES]
    styler = _table(rows, _t("weights.caption", lang))
    modes: list[Hashable] = [vocab.label(m, "decision_mode", lang) for m in vocab.DECISION_MODES]
    return styler.format("{:.1f}", subset=modes).map(
        lambda v: f"background-color: rgba(27,120,55,{0.08 + 0.55 * float(v):.2f})", subset=modes)


def check_decision_mode_answers(answers: Mapping[str, str | None] | None, lang: str | None = None) -> Feedback:
    """Check decision modes chosen for scenarios (scenario id → mode code), with who matters most."""
    lang = _lang(lang)
    title, hint = _t("modes.title", lang), _t("modes.where", lang)
    if _unanswered(answers):
        return _pending(title, _t("modes.what", lang), hint, lang)
    return _many(title, hint, answers, vocab.DECISION_MODES, "decision_mode",  # type: ignore[arg-type]
                 exercises.check_decision_mode, lang)


def check_case_decision_mode(case: Case | str, mode: str | None, lang: str | None = None) -> Feedback:
    """Check the decision mode chosen for a case's deal against its key, with the key's evidence."""
    return _check_case_field(case, "decision_mode", "decision_mode", mode, lang)
