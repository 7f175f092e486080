"""The five buying stages and the three decision modes: tables, quizzes and case checks.

Seed 003 units 2–3 (customer focus, seller's work, signals; decision modes and who matters
most), seed 002 (what the map is for early, in the middle and late in the sales cycle).

Examples
--------
>>> check_stage("stage-11", "decision", lang="en").message
'Not quite: you chose Purchase decision; the answer is Evaluating products.'
>>> check_decision_mode("mode-07", "top_down", lang="zh").message
'正确：高层确定，团队执行。'
>>> r = check_stage_answers({"stage-01": "difficulty", "stage-11": "decision", "stage-07": None}, lang="en")
>>> r.message, [mark for mark, _ in r.lines]
('1 of 3 right so far; 1 not answered yet.', ['right', 'wrong', 'unanswered'])
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .. import vocab
from ..cases import Case, Markdown
from ..errors import UnknownName
from ._base import case_of, choice, data, join, lang_of, not_allowed, pending, t, table, tally, unanswered
from .questions import bank, find, sentence, stage_items, unknown_question
from .result import Result, following, inline

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

__all__ = ["check_case_decision_mode", "check_case_stage", "check_decision_mode", "check_decision_mode_answers",
           "check_stage", "check_stage_answers", "decision_modes_table", "mode_weights_table", "sales_cycle_table",
           "show_stage_guide", "stage_journey"]


# ---- tables ---------------------------------------------------------------------------------
def show_stage_guide(lang: str | None = None) -> Styler:
    """The five buying stages (seed 003 unit 2): customer's focus, seller's core work, signals."""
    lang = lang_of(lang)
    return table([{"#": n, t("col.stage", lang): f"{e['label'][lang]} ({e['label']['zh']})" if lang == "en"
                   else e["label"][lang], t("col.focus", lang): e["focus"][lang],
                   t("col.task", lang): e["seller_task"][lang],
                   t("col.signals", lang): t("list_sep_long", lang).join(e["signals"][lang])}
                  for n, e in enumerate(vocab.entries("stage"), start=1)])


def stage_journey(lang: str | None = None) -> Markdown:
    """The buying journey as one line of five boxes (focus above, our work below), for projection."""
    lang = lang_of(lang)
    stages = vocab.entries("stage")

    def md(text: str) -> str:
        return str(inline(text))

    head = "".join(f"| **{n}. {md(e['label'][lang])}**<br>{md(e['label']['zh']) if lang == 'en' else ''} "
                   for n, e in enumerate(stages, start=1)) + "|"
    rule = "|" + "---|" * len(stages)
    focus = "".join(f"| {md(e['focus'][lang])} " for e in stages) + "|"
    task = "".join(f"| **{md(e['seller_task'][lang])}** " for e in stages) + "|"
    phases = data()["stage_phases"]
    emphasis = "".join(f"| {md(t('cycle.' + phases[e['code']] + '.label', lang))} " for e in stages) + "|"
    rows = [f"| {md(t('journey.stage', lang))} {head}", "|---" + rule,
            f"| {md(t('journey.focus', lang))} {focus}", f"| {md(t('journey.task', lang))} {task}",
            f"| {md(t('journey.emphasis', lang))} {emphasis}"]
    return Markdown("\n".join(rows))


def sales_cycle_table(lang: str | None = None) -> Styler:
    """Seed 002: what the power map is for early, in the middle and late in the sales cycle."""
    lang = lang_of(lang)
    return table([{t("col.phase", lang): t(f"cycle.{p}.label", lang), t("col.what", lang): t(f"cycle.{p}.text", lang)}
                  for p in ("early", "middle", "late")])


def decision_modes_table(lang: str | None = None) -> Styler:
    """The three decision modes (seed 003): who matters most, how you can tell, how deals are lost."""
    lang = lang_of(lang)
    return table([{t("col.mode", lang): f"{e['label'][lang]} ({e['label']['zh']})" if lang == "en"
                   else e["label"][lang],
                   t("col.key_roles", lang): join((vocab.label(r, "role", lang) for r in e["key_roles"]), lang),
                   t("col.how_to_tell", lang): t(f"mode.{e['code']}.tell", lang),
                   t("col.how_lost", lang): t(f"mode.{e['code']}.lose", lang)}
                  for e in vocab.entries("decision_mode")])


def mode_weights_table(lang: str | None = None) -> Styler:
    """How much each role weighs under each decision mode (analysis settings), shaded: who matters most."""
    from ..analysis.settings import config

    lang = lang_of(lang)
    weights = config()["index"]["role_weights"]
    rows = [{t("col.role", lang): vocab.label(r, "role", lang),
             **{vocab.label(m, "decision_mode", lang): weights[m].get(r, 0.0) for m in vocab.DECISION_MODES}}
            for r in vocab.ROLES]
    styler = table(rows, t("weights.caption", lang))
    modes: list[Hashable] = [vocab.label(m, "decision_mode", lang) for m in vocab.DECISION_MODES]
    return styler.format("{:.1f}", subset=modes).map(
        lambda v: f"background-color: rgba(27,120,55,{0.08 + 0.55 * float(v):.2f})", subset=modes)


# ---- one question -----------------------------------------------------------------------------
def choice_result(question: str, kind: str, answer: Any, expected: str, parts: list[str], lang: str,
                  allowed: Sequence[str]) -> Result:
    """The result of one single-choice question: right, wrong, or a code that is not allowed."""
    record = {"question": question, "kind": kind, "answer": answer, "expected": expected}
    if unanswered(answer):
        return pending("", t("quiz.choose", lang, allowed=", ".join(allowed)), "", lang)
    chosen = choice(answer, allowed, kind)
    if chosen is None:
        return Result("wrong", 0.0, "", t("item.bad_code", lang), (not_allowed(question, answer, allowed, lang),),
                      "", lang, record)
    record["answer"] = chosen
    if chosen == expected:
        message = t("right", lang, answer=vocab.label(expected, kind, lang))
    else:
        message = t("wrong", lang, chosen=vocab.label(chosen, kind, lang), expected=vocab.label(expected, kind, lang))
        parts = [*parts, _contrast(kind, chosen, lang)]
    lines = tuple(("info", sentence(p, lang)) for p in parts if p)
    return Result("right" if chosen == expected else "wrong", float(chosen == expected), "", message, lines, "",
                  lang, record)


def _contrast(kind: str, chosen: str, lang: str) -> str:
    if kind == "stage":
        other = vocab.entry(chosen, "stage")
        return t("quiz.stage.contrast", lang, chosen=other["label"][lang], signal=other["signals"][lang][0])
    return t("contrast", lang, chosen=vocab.label(chosen, kind, lang), description=vocab.describe(chosen, kind, lang))


def check_stage(statement_id: str, answer: Any, lang: str | None = None) -> Result:
    """Check the stage chosen for a statement; explain the stage and, when wrong, the difference.

    >>> check_stage("stage-07", "project_approval", lang="en").correct
    True
    """
    item = find(stage_items(), statement_id)
    if item is None:
        raise unknown_question(stage_items(), statement_id)

    def build(lg: str) -> Result:
        entry = vocab.entry(item["stage"], "stage")
        parts = [item["why"][lg] if item["why"] else t("quiz.stage.signal_why", lg),
                 t("quiz.stage.explain", lg, stage=entry["label"][lg], description=entry["description"][lg],
                   focus=entry["focus"][lg], task=entry["seller_task"][lg])]
        return choice_result(statement_id, "stage", answer, item["stage"], parts, lg, vocab.STAGES)

    return following(build, lang)


def check_decision_mode(scenario_id: str, answer: Any, lang: str | None = None) -> Result:
    """Check the decision mode chosen for a scenario and say who matters most in it."""
    item = find(bank()["decision_mode_scenarios"], scenario_id)
    if item is None:
        raise unknown_question(bank()["decision_mode_scenarios"], scenario_id)

    def build(lg: str) -> Result:
        entry = vocab.entry(item["mode"], "decision_mode")
        roles = join((vocab.label(r, "role", lg) for r in entry["key_roles"]), lg)
        parts = [item["why"][lg], t("quiz.mode.explain", lg, mode=entry["label"][lg],
                                    description=entry["description"][lg], roles=roles)]
        return choice_result(scenario_id, "decision_mode", answer, item["mode"], parts, lg, vocab.DECISION_MODES)

    return following(build, lang)


# ---- several questions at once --------------------------------------------------------------------
def _many(title: str, hint: str, answers: Mapping[str, Any], check: Callable[..., Result], lang: str) -> Result:
    lines, right, open_count = [], 0.0, 0
    for qid, raw in answers.items():
        if unanswered(raw):
            open_count += 1
            lines.append(("unanswered", t("item.open", lang, item=qid)))
            continue
        try:
            r = check(qid, raw, lang=lang)
        except UnknownName as exc:  # an id this exercise does not have: a wrong line, in the result's language
            lines.append(("wrong", exc.problem.message(lang)))
            continue
        right += r.score
        text = r.message if r.correct else f"{r.message} {r.explanation}"
        lines.append((r.status, t("item.text", lang, item=qid, text=text)))
    return tally(title, lines, right, len(answers), hint, lang, open_count)


def _answers(topic: str, answers: Mapping[str, str | None] | None, check: Callable[..., Result],
             lang: str | None) -> Result:
    def build(lg: str) -> Result:
        title, hint = t(f"{topic}.title", lg), t(f"{topic}.where", lg)
        if unanswered(answers) or not isinstance(answers, Mapping):
            return pending(title, t(f"{topic}.what", lg), hint, lg)
        return _many(title, hint, answers, check, lg)  # type: ignore[arg-type]

    return following(build, lang)


def check_stage_answers(answers: Mapping[str, str | None] | None, lang: str | None = None) -> Result:
    """Check buying stages chosen for statements (statement id → stage code), with explanations."""
    return _answers("stages", answers, check_stage, lang)


def check_decision_mode_answers(answers: Mapping[str, str | None] | None, lang: str | None = None) -> Result:
    """Check decision modes chosen for scenarios (scenario id → mode code), with who matters most."""
    return _answers("modes", answers, check_decision_mode, lang)


# ---- a case's deal ------------------------------------------------------------------------------
def _check_case_field(case: Case | str, field: str, answer: str | None, lang: str, audience: str | None) -> Result:
    from .learner import choice_hint, hints_of, learner_mode, locked

    c = case_of(case)
    allowed = vocab.codes(field)
    title, hint = t(f"case_{field}.title", lang, case=c.title(lang)), t(f"case_{field}.where", lang)
    if unanswered(answer):
        return pending(title, t(f"case_{field}.what", lang, allowed=", ".join(allowed)), hint, lang)
    if learner_mode(audience):
        chosen = choice(answer, allowed, field)
        if chosen is None:
            return Result("wrong", 0.0, title, t("item.bad_code", lang), (not_allowed(field, answer, allowed, lang),),
                          hint, lang, {"question": field, "answer": answer, "case": c.slug})
        status, message = choice_hint(hints_of(c), field, chosen, lang)
        return Result(status, float(status == "right"), title, message, (), locked(hint, lang), lang,
                      {"question": field, "kind": field, "answer": chosen, "case": c.slug})
    expected = getattr(c.key.opportunity, field)
    evidence = (c.key.opportunity.extra.get("evidence") or {}).get(field, "")
    r = choice_result(field, field, answer, expected, [t("evidence", lang, evidence=evidence)] if evidence else [],
                      lang, allowed)
    return Result(r.status, r.score, title, r.message, r.lines, hint, lang, dict(r.record, case=c.slug))


def check_case_stage(case: Case | str, stage: str | None, lang: str | None = None,
                     audience: str | None = None) -> Result:
    """Check the buying stage chosen for a case's deal against its key.

    A trainer (``audience="trainer"``) reads the key's stage and evidence; a learner (the
    default audience, :func:`powermap_kit.hints.set_audience`) reads right or not yet, and
    which documents to reread.

    >>> r = check_case_stage("it-solution", "decision", lang="en", audience="trainer")
    >>> r.correct, r.message
    (False, 'Not quite: you chose Purchase decision; the answer is Evaluating products.')
    >>> r = check_case_stage("it-solution", "decision", lang="en", audience="learner")
    >>> r.correct, "Evaluating" in str(r)
    (False, False)
    """
    return following(lambda lg: _check_case_field(case, "stage", stage, lg, audience), lang)


def check_case_decision_mode(case: Case | str, mode: str | None, lang: str | None = None,
                             audience: str | None = None) -> Result:
    """Check the decision mode chosen for a case's deal against its key (learners: hints only, as
    :func:`check_case_stage`)."""
    return following(lambda lg: _check_case_field(case, "decision_mode", mode, lg, audience), lang)
