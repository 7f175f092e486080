"""The question banks of the quizzes: statements → buying stage, scenarios → decision mode,
a case's people → roles; and the printable sheets of them.

Question text lives in ``data/quizzes.json`` (both languages); the buying-stage signals of
statements are written afresh (never the stage guide's signal texts) and come in sets: practice
for the quizzes, and two sets held back for the pre/post assessment.
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import localize, vocab
from ..errors import CasesNotFound, InvalidValue, UnknownName
from ..io import load_map
from ..model import PowerMap
from ..hints import resolve_key
from ._base import display_name, join, lang_of, t, table

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

__all__ = ["STATEMENT_SETS", "Question", "decision_mode_questions", "resolve_key", "role_questions", "stage_questions", "statements",
           "worksheet"]


@dataclass(frozen=True)
class Question:
    """One question: ``prompt`` in a language, the allowed ``choices`` (codes) and the ``expected`` answer.

    ``expected`` is a code, or a tuple of codes for questions with several right choices.
    """

    id: str
    kind: str
    prompt: str
    choices: tuple[str, ...]
    expected: str | tuple[str, ...]
    multiple: bool = False


@lru_cache(maxsize=None)
def bank() -> dict[str, Any]:
    """``data/quizzes.json`` as parsed."""
    return json.loads(resources.files("powermap_kit").joinpath("data/quizzes.json").read_text("utf-8"))


def sentence(text: str, lang: str = "en") -> str:
    """A phrase (a vocabulary signal, an analysis line) ended as a sentence."""
    if text.endswith((".", "。", "”", "?", "？", "!", "！")):
        return text
    return text + ("。" if lang == "zh" else ".")


#: The sets of stage statements: the quizzes draw practice ones; the others are held back for assessment.
STATEMENT_SETS = ("practice", "assessment_pre", "assessment_post")


@lru_cache(maxsize=None)
def stage_items() -> tuple[dict[str, Any], ...]:
    """Every stage statement of the bank (all sets). None is a signal text of the stage guide:
    a learner who copies the guide's table does not find the answers in it."""
    return tuple(bank()["stage_statements"])


def find(items: Sequence[dict[str, Any]], question_id: str, lang: str | None = None) -> dict[str, Any] | None:
    """The item with this id, or ``None``."""
    return next((item for item in items if item["id"] == question_id), None)


def unknown_question(items: Iterable[Any], question_id: Any) -> UnknownName:
    """The error for a question id this exercise does not have (a :class:`KeyError`), naming the ids it has."""
    allowed = tuple(i["id"] if isinstance(i, Mapping) else str(i) for i in items)
    return UnknownName("question", "unknown_question", question_id, allowed=allowed,
                       suggestion=vocab.closest(question_id, allowed))


def _ordered(items: list[dict[str, Any]], shuffle: bool, seed: int) -> list[dict[str, Any]]:
    if shuffle:
        random.Random(seed).shuffle(items)
    return items


def stage_questions(lang: str | None = None, shuffle: bool = True, seed: int = 0,
                    statement_set: str | None = "practice") -> list[Question]:
    """Customer statements to place in a buying stage, from one set of the bank.

    ``statement_set`` is ``"practice"`` (the quizzes, default), ``"assessment_pre"`` or
    ``"assessment_post"`` (held back for the pre/post assessment), or ``None`` for all.
    The order is mixed by ``seed`` (the same every run), or kept as defined with ``shuffle=False``.

    >>> qs = stage_questions(lang="en", shuffle=False)
    >>> qs[0].id, qs[0].expected
    ('stage-01', 'difficulty')
    >>> len(qs) >= 25 and qs[0].choices == vocab.STAGES
    True
    >>> len(stage_questions(statement_set="assessment_pre")), len(stage_questions(statement_set="assessment_post"))
    (10, 10)
    """
    lang = lang_of(lang)
    if statement_set is not None and statement_set not in STATEMENT_SETS:
        raise InvalidValue.not_one_of("statement_set", statement_set, STATEMENT_SETS)
    items = [i for i in stage_items() if statement_set is None or i.get("set", "practice") == statement_set]
    return [Question(i["id"], "stage", i["text"][lang], vocab.STAGES, i["stage"])
            for i in _ordered(items, shuffle, seed)]


def decision_mode_questions(lang: str | None = None, shuffle: bool = True, seed: int = 0) -> list[Question]:
    """Scenarios to classify into one of the three decision modes (seed 003).

    >>> [q.expected for q in decision_mode_questions(shuffle=False)][:2]
    ['committee_scoring', 'committee_scoring']
    """
    lang = lang_of(lang)
    return [Question(i["id"], "decision_mode", i["text"][lang], vocab.DECISION_MODES, i["mode"])
            for i in _ordered(list(bank()["decision_mode_scenarios"]), shuffle, seed)]




def role_questions(key: PowerMap | str | os.PathLike, lang: str | None = None,
                   shuffle: bool = False, seed: int = 0) -> list[Question]:
    """One question per person the key gives a role: "which roles does this person hold?".

    >>> from powermap_kit import PowerMap
    >>> key = PowerMap()
    >>> _ = key.add_stakeholder(id="cio", name="Wang Wei", title="CIO", roles=["decision_maker"])
    >>> [(q.id, q.prompt, q.expected) for q in role_questions(key, lang="en")]
    [('cio', 'Wang Wei · CIO', ('decision_maker',))]
    """
    lang = lang_of(lang)
    key = resolve_key(key)
    items = [p for p in key.stakeholders if p.roles]
    if not items:
        raise InvalidValue("key", "key_without_roles")
    questions = []
    for person in items:
        prompt = " · ".join(x for x in (display_name(key, person.id, lang), localize.text(person, "title", lang),
                                         localize.text(person, "department", lang)) if x)
        expected = tuple(r for r in vocab.ROLES if r in person.roles)
        questions.append(Question(person.id, "role", prompt, vocab.ROLES, expected, multiple=True))
    if shuffle:
        random.Random(seed).shuffle(questions)
    return questions


def worksheet(questions: Sequence[Question], lang: str | None = None) -> Styler:
    """The questions of a quiz as a printable table with an empty answer column (a widget's fallback)."""
    lang = lang_of(lang)
    rows = []
    for n, q in enumerate(questions, start=1):
        choices = join((vocab.label(c, q.kind, lang) for c in q.choices), lang)
        rows.append({"#": n, t("col.question", lang): q.prompt, t("col.choices", lang): choices,
                     t("col.your_answer", lang): ""})
    return table(rows)


def statements(kind: str, ids: Iterable[str], lang: str | None = None) -> Styler:
    """Chosen stage statements (``kind="stage"``) or decision-mode scenarios (``"decision_mode"``) by id."""
    lang = lang_of(lang)
    make = {"stage": stage_questions, "decision_mode": decision_mode_questions}[kind]
    by_id = {q.id: q for q in make(lang, shuffle=False)}
    rows = []
    for qid in ids:
        if qid not in by_id:
            raise unknown_question(by_id, qid)
        rows.append({t("col.id", lang): qid, t("col.question", lang): by_id[qid].prompt})
    return table(rows)
