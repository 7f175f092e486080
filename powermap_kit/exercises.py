"""Self-check exercises: question banks, answer checking with explanations, answer logs.

Pure logic shared by the notebooks' check cells and the exercise widgets
(:mod:`powermap_kit.widgets.quizzes`), which only display what this module returns.
Question text lives in ``data/quizzes.json`` (both languages); the buying-stage signals of
the vocabulary are questions too, so a new signal is a new question.

Every ``check_*`` function returns a :class:`Feedback` in the current (or given) language;
:class:`AnswerLog` records answers to a JSON-lines file a trainer can collect with
:func:`collect_answers`.

Examples
--------
>>> from powermap_kit import exercises
>>> fb = exercises.check_stage("stage-11", "decision", lang="en")
>>> fb.correct, fb.expected
(False, 'evaluating')
>>> fb.message
'Not quite. You chose Purchase decision; the answer is Evaluating products.'
>>> exercises.check_decision_mode("mode-07", "top_down", lang="zh").message
'正确：高层确定，团队执行。'
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import vocab
from .io import load_map, write_text_atomic
from .model import PowerMap

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "AnswerLog",
    "Feedback",
    "Question",
    "SupportAssessment",
    "assess_support",
    "check_decision_mode",
    "check_role",
    "check_stage",
    "collect_answers",
    "decision_mode_questions",
    "resolve_key",
    "role_questions",
    "stage_questions",
]


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


@dataclass(frozen=True)
class Feedback:
    """The result of checking one answer: right or not, a one-line message and an explanation.

    ``score`` is 1.0 for a right answer, 0.0 for a wrong one and in between for a partly
    right multiple choice.
    """

    question: str
    kind: str
    answer: str | tuple[str, ...]
    expected: str | tuple[str, ...]
    correct: bool
    score: float
    message: str
    explanation: str
    lang: str

    def __str__(self) -> str:
        return f"{self.message}\n{self.explanation}"

    def _repr_html_(self) -> str:
        # A notebook check cell shows the feedback itself, not the dataclass.
        return _html_block(self.message, self.explanation, self.correct, self.score)

    def to_record(self) -> dict[str, Any]:
        """The answer as a JSON-ready dict (what :class:`AnswerLog` writes)."""
        data = asdict(self)
        for key in ("answer", "expected"):
            if isinstance(data[key], tuple):
                data[key] = list(data[key])
        return data


def _html_block(message: str, explanation: str, correct: bool | None, score: float,
                colour: str | None = None) -> str:
    import html

    if colour is None:
        colour = vocab.colour("champion" if correct else "neutral" if score else "oppose")
    return (f'<div style="border-left:4px solid {colour};padding:4px 10px;margin:6px 0">'
            f'<div style="color:{colour};font-weight:bold">{html.escape(message)}</div>'
            f'<div style="margin-top:4px">{html.escape(explanation)}</div></div>')


# ---- data ----------------------------------------------------------------------------
@lru_cache(maxsize=None)
def _bank() -> dict[str, Any]:
    return json.loads(resources.files("powermap_kit").joinpath("data/quizzes.json").read_text("utf-8"))


def _join(items: Iterable[str], lang: str) -> str:
    items = list(items)
    return vocab.text("exercises.list_sep", lang=lang).join(items) if items else vocab.text("exercises.none", lang=lang)


def _sentence(text: str, lang: str = "en") -> str:
    # Vocabulary signals and analysis lines are phrases; explanations read them as sentences.
    if text.endswith((".", "。", "”", "?", "？", "!", "！")):
        return text
    return text + ("。" if lang == "zh" else ".")


def _sentences(parts: Iterable[str], lang: str) -> str:
    return vocab.text("exercises.sentence_sep", lang=lang).join(_sentence(p, lang) for p in parts if p)


@lru_cache(maxsize=None)
def _stage_items() -> tuple[dict[str, Any], ...]:
    items = []
    for item in vocab.entries("stage"):
        for n, (en, zh) in enumerate(zip(item["signals"]["en"], item["signals"]["zh"]), start=1):
            items.append({"id": f"signal-{item['code']}-{n}", "stage": item["code"],
                          "text": {"en": _sentence(en), "zh": zh}, "why": None})
    return tuple(items) + tuple(_bank()["stage_statements"])


def _find(items: Sequence[dict[str, Any]], question_id: str) -> dict[str, Any]:
    for item in items:
        if item["id"] == question_id:
            return item
    allowed = ", ".join(i["id"] for i in items)
    raise KeyError(vocab.text("exercises.unknown_question", value=repr(question_id), allowed=allowed))


def _check_choice(value: object, allowed: Sequence[str], kind: str) -> str:
    if isinstance(value, str) and value in allowed:
        return value
    found = vocab.closest(value, allowed, kind)
    if found is not None:
        return found
    raise ValueError(vocab.text("problem.not_one_of", value=repr(value), allowed=", ".join(allowed)))


def _ordered(items: list[dict[str, Any]], shuffle: bool, seed: int) -> list[dict[str, Any]]:
    if shuffle:
        random.Random(seed).shuffle(items)
    return items


# ---- buying stage ---------------------------------------------------------------------
def stage_questions(lang: str | None = None, shuffle: bool = True, seed: int = 0) -> list[Question]:
    """Customer statements to place in a buying stage: the vocabulary's signals plus the bank's.

    The order is mixed by ``seed`` (the same every run), or kept as defined with ``shuffle=False``.

    >>> qs = stage_questions(lang="en", shuffle=False)
    >>> qs[0].prompt, qs[0].expected
    ('Complains about symptoms but calls them normal.', 'difficulty')
    >>> len(qs) >= 30 and qs[0].choices == vocab.STAGES
    True
    """
    lang = vocab._lang(lang)
    return [Question(i["id"], "stage", i["text"][lang], vocab.STAGES, i["stage"])
            for i in _ordered(list(_stage_items()), shuffle, seed)]


def check_stage(statement_id: str, answer: str, lang: str | None = None) -> Feedback:
    """Check the stage chosen for a statement; explain the stage and, when wrong, the difference.

    >>> check_stage("stage-07", "project_approval", lang="en").correct
    True
    """
    lang = vocab._lang(lang)
    item = _find(_stage_items(), statement_id)
    chosen = _check_choice(answer, vocab.STAGES, "stage")
    expected = item["stage"]
    entry = vocab.entry(expected, "stage")
    parts = [item["why"][lang] if item["why"] else vocab.text("exercises.stage.signal_why", lang=lang),
             vocab.text("exercises.stage.explain", lang=lang, stage=entry["label"][lang],
                        description=entry["description"][lang], focus=entry["focus"][lang],
                        task=entry["seller_task"][lang])]
    if chosen != expected:
        other = vocab.entry(chosen, "stage")
        parts.append(vocab.text("exercises.stage.contrast", lang=lang, chosen=other["label"][lang],
                                signal=other["signals"][lang][0]))
    return _feedback(statement_id, "stage", chosen, expected, parts, lang)


def _feedback(question: str, kind: str, chosen: str, expected: str, parts: list[str], lang: str) -> Feedback:
    correct = chosen == expected
    if correct:
        message = vocab.text("exercises.correct", lang=lang, answer=vocab.label(expected, kind, lang))
    else:
        message = vocab.text("exercises.wrong", lang=lang, chosen=vocab.label(chosen, kind, lang),
                             expected=vocab.label(expected, kind, lang))
    return Feedback(question, kind, chosen, expected, correct, 1.0 if correct else 0.0, message,
                    _sentences(parts, lang), lang)


# ---- decision mode --------------------------------------------------------------------
def decision_mode_questions(lang: str | None = None, shuffle: bool = True, seed: int = 0) -> list[Question]:
    """Scenarios to classify into one of the three decision modes (seed 003).

    >>> [q.expected for q in decision_mode_questions(shuffle=False)][:2]
    ['committee_scoring', 'committee_scoring']
    """
    lang = vocab._lang(lang)
    return [Question(i["id"], "decision_mode", i["text"][lang], vocab.DECISION_MODES, i["mode"])
            for i in _ordered(list(_bank()["decision_mode_scenarios"]), shuffle, seed)]


def check_decision_mode(scenario_id: str, answer: str, lang: str | None = None) -> Feedback:
    """Check the decision mode chosen for a scenario and say who matters most in it."""
    lang = vocab._lang(lang)
    item = _find(_bank()["decision_mode_scenarios"], scenario_id)
    chosen = _check_choice(answer, vocab.DECISION_MODES, "decision_mode")
    expected = item["mode"]
    entry = vocab.entry(expected, "decision_mode")
    roles = _join((vocab.label(r, "role", lang) for r in entry["key_roles"]), lang)
    parts = [item["why"][lang], vocab.text("exercises.mode.explain", lang=lang, mode=entry["label"][lang],
                                           description=entry["description"][lang], roles=roles)]
    if chosen != expected:
        parts.append(vocab.text("exercises.mode.contrast", lang=lang, chosen=vocab.label(chosen, "decision_mode", lang),
                                description=vocab.describe(chosen, "decision_mode", lang)))
    return _feedback(scenario_id, "decision_mode", chosen, expected, parts, lang)


# ---- roles of a case ------------------------------------------------------------------
def resolve_key(key: Any) -> PowerMap:
    """An answer key from a map, an :class:`~powermap_kit.grading.AnswerKey`, parsed JSON, a
    file path or a case slug (``"it-solution"``, looked up by :func:`powermap_kit.cases.case_folder`).
    """
    if isinstance(key, PowerMap):
        return key
    if isinstance(getattr(key, "map", None), PowerMap):  # a loaded AnswerKey
        return key.map
    if isinstance(key, Mapping):
        return load_map(dict(key))
    path = Path(key)
    if path.suffix == ".json" or path.exists():
        return load_map(path)
    from .cases import case_folder

    try:
        place = case_folder() / str(key) / "key.json"
    except FileNotFoundError as exc:
        place = Path("case_studies") / str(key) / "key.json"
        detail = str(exc)
    else:
        if place.exists():
            return load_map(place)
        detail = str(place)
    raise FileNotFoundError(vocab.text("exercises.unknown_case", value=repr(str(key)), places=detail))


def _display_name(key: PowerMap, person_id: str, lang: str) -> str:
    person = key.stakeholder(person_id)
    aliases = ((key.grading or {}).get("aliases") or {}).get(person_id) or []
    latin = next((a for a in aliases if a.isascii()), None)
    # English readers get the Latin rendering first, as grading's feedback writes it.
    if lang == "en" and latin and not person.name.isascii():
        return f"{latin} ({person.name})"
    return person.name


def role_questions(key: PowerMap | str | os.PathLike, lang: str | None = None,
                   shuffle: bool = False, seed: int = 0) -> list[Question]:
    """One question per person the key gives a role: "which roles does this person hold?".

    >>> from powermap_kit import PowerMap
    >>> key = PowerMap()
    >>> _ = key.add_stakeholder(id="cio", name="Wang Wei", title="CIO", roles=["decision_maker"])
    >>> [(q.id, q.prompt, q.expected) for q in role_questions(key, lang="en")]
    [('cio', 'Wang Wei · CIO', ('decision_maker',))]
    """
    lang = vocab._lang(lang)
    key = resolve_key(key)
    items = [p for p in key.stakeholders if p.roles]
    if not items:
        raise ValueError(vocab.text("exercises.no_role_questions", lang=lang))
    questions = []
    for person in items:
        prompt = " · ".join(x for x in (_display_name(key, person.id, lang), person.title, person.department) if x)
        expected = tuple(r for r in vocab.ROLES if r in person.roles)
        questions.append(Question(person.id, "role", prompt, vocab.ROLES, expected, multiple=True))
    if shuffle:
        random.Random(seed).shuffle(questions)
    return questions


def check_role(key: PowerMap | str | os.PathLike, person_id: str, roles: Iterable[str],
               lang: str | None = None) -> Feedback:
    """Check the roles chosen for a person against the key; partly right scores the overlap.

    >>> from powermap_kit import PowerMap
    >>> key = PowerMap()
    >>> _ = key.add_stakeholder(id="vp", name="Liu", roles=["approver", "decision_maker"])
    >>> fb = check_role(key, "vp", ["approver", "user"], lang="en")
    >>> fb.score, fb.message
    (0.33, 'Partly right. In the key Liu is Decision approver, Decision maker.')
    """
    lang = vocab._lang(lang)
    key = resolve_key(key)
    person = key.get(person_id)
    if person is None or not person.roles:
        allowed = ", ".join(p.id for p in key.stakeholders if p.roles)
        raise KeyError(vocab.text("exercises.unknown_question", lang=lang, value=repr(person_id), allowed=allowed))
    chosen = tuple(sorted({_check_choice(r, vocab.ROLES, "role") for r in roles}, key=vocab.ROLES.index))
    expected = tuple(r for r in vocab.ROLES if r in person.roles)
    missing = [r for r in expected if r not in chosen]
    extra = [r for r in chosen if r not in expected]
    overlap = len(expected) - len(missing)
    score = round(overlap / len(set(chosen) | set(expected)), 2)
    name = _display_name(key, person_id, lang)
    labels = _join((vocab.label(r, "role", lang) for r in expected), lang)
    if not missing and not extra:
        message = vocab.text("exercises.role.correct", lang=lang, name=name, roles=labels)
    else:
        message = vocab.text("exercises.role.partial" if overlap else "exercises.role.wrong", lang=lang,
                             name=name, roles=labels)
    parts = []
    if missing:
        parts.append(vocab.text("exercises.role.missing", lang=lang,
                                roles=_join((vocab.label(r, "role", lang) for r in missing), lang)))
    if extra:
        parts.append(vocab.text("exercises.role.extra", lang=lang,
                                roles=_join((vocab.label(r, "role", lang) for r in extra), lang)))
    if person.evidence.get("roles"):
        parts.append(vocab.text("exercises.role.evidence", lang=lang, evidence=person.evidence["roles"]))
    for role in [*missing, *extra] or expected:
        parts.append(vocab.text("exercises.role.define", lang=lang, role=vocab.label(role, "role", lang),
                                description=vocab.describe(role, "role", lang)))
    return Feedback(person_id, "role", chosen, expected, not missing and not extra, score, message,
                    _sentences(parts, lang), lang)


# ---- support assessment -----------------------------------------------------------------
@dataclass(frozen=True)
class SupportAssessment:
    """Ratings of the five support dimensions turned into a level (a stance code) and why.

    ``score`` is the 0–100 support score (``None`` when too few dimensions are rated, and
    then ``level`` is ``"unknown"``). ``feedback`` compares the level with a key's person
    when one was given.
    """

    ratings: dict[str, int | None]
    score: float | None
    level: str
    message: str
    explanation: str
    lang: str
    feedback: Feedback | None = None

    @property
    def correct(self) -> bool | None:
        return None if self.feedback is None else self.feedback.correct

    def __str__(self) -> str:
        text = f"{self.message}\n{self.explanation}"
        return f"{text}\n{self.feedback}" if self.feedback is not None else text

    def _repr_html_(self) -> str:
        out = _html_block(self.message, self.explanation, None, 1.0, vocab.colour(self.level))
        return out + self.feedback._repr_html_() if self.feedback is not None else out

    def to_record(self) -> dict[str, Any]:
        """The assessment as a JSON-ready dict (what :class:`AnswerLog` writes)."""
        data: dict[str, Any] = {"kind": "support", "answer": dict(self.ratings), "support_score": self.score,
                                "level": self.level, "message": self.message, "explanation": self.explanation,
                                "lang": self.lang}
        if self.feedback is not None:
            data.update(question=self.feedback.question, expected=self.feedback.expected,
                        correct=self.feedback.correct, score=self.feedback.score)
        return data


def assess_support(ratings: Mapping[str, int | None], key: PowerMap | str | os.PathLike | None = None,
                   person: str | None = None, lang: str | None = None) -> SupportAssessment:
    """Turn ratings of the five support dimensions (1–5; ``None`` = not rated) into a level.

    The formula is the analysis engine's (:mod:`powermap_kit.analysis.support`): a weighted
    mean of the rated dimensions rescaled to 0–100, then the four levels of seed 003. With
    ``key`` and ``person`` the level is checked against the key's stance for that person.

    >>> a = assess_support({"solution_fit": 4, "trust": 4, "cooperation": 3}, lang="en")
    >>> a.level, a.score, a.message
    ('support', 68.75, 'Supports us (support score 68.8 of 100)')
    >>> assess_support({"trust": 4}, lang="en").level
    'unknown'
    """
    from .analysis.support import effective_stance, support_explanation, support_level, support_score
    from .model import Stakeholder

    lang = vocab._lang(lang)
    clean: dict[str, int | None] = {}
    for dim, value in ratings.items():
        code = _check_choice(dim, vocab.SUPPORT_DIMENSIONS, "support_dimension")
        clean[code] = None if value in (None, 0) else int(value)
    rated = {d: v for d, v in clean.items() if v is not None}
    probe = Stakeholder(id="probe", name="probe", support=rated)
    score = support_score(probe)
    level = support_level(score) or "unknown"
    parts = [support_explanation(probe).render(lang)]
    if score is None:
        message = vocab.text("exercises.support.none", lang=lang)
    else:
        message = vocab.text("exercises.support.level", lang=lang, level=vocab.label(level, "stance", lang),
                             score=f"{score:.1f}")
        weighed = {d: v for d, v in rated.items() if d != "influence"}
        low = min(weighed, key=lambda d: (weighed[d], vocab.SUPPORT_DIMENSIONS.index(d)))
        high = max(weighed, key=lambda d: (weighed[d], -vocab.SUPPORT_DIMENSIONS.index(d)))
        if weighed[high] > weighed[low]:
            parts.append(vocab.text("exercises.support.strongest", lang=lang,
                                    dimension=vocab.label(high, "support_dimension", lang), value=weighed[high]))
        # Name the weakest dimension where there is one, or where all are low: it is where to work.
        if weighed[high] > weighed[low] or weighed[low] <= 2:
            parts.append(vocab.text("exercises.support.weakest", lang=lang,
                                    dimension=vocab.label(low, "support_dimension", lang), value=weighed[low],
                                    description=vocab.describe(low, "support_dimension", lang)))
    if "influence" in rated:
        parts.append(vocab.text("exercises.support.influence", lang=lang))
    missing = [d for d in vocab.SUPPORT_DIMENSIONS if d not in rated]
    if missing and score is not None:
        parts.append(vocab.text("exercises.support.missing", lang=lang,
                                dimensions=_join((vocab.label(d, "support_dimension", lang) for d in missing), lang)))
    feedback = None
    if key is not None and person is not None:
        target = resolve_key(key).stakeholder(person)
        expected = effective_stance(target)[0] or "unknown"
        why = [vocab.text("exercises.support.expected", lang=lang, name=target.name,
                          level=vocab.label(expected, "stance", lang))]
        for reason in (target.evidence.get("stance"), target.evidence.get("support")):
            if reason:
                why.append(vocab.text("exercises.role.evidence", lang=lang, evidence=reason))
        why.append(vocab.describe(expected, "stance", lang))
        feedback = _feedback(person, "stance", level, expected, why, lang)
    return SupportAssessment(clean, score, level, message, _sentences(parts, lang), lang, feedback)


# ---- answer log -----------------------------------------------------------------------
class AnswerLog:
    """Answers recorded to a JSON-lines file (one answer per line) that a trainer collects.

    Every record is written at once and atomically (the whole file is rewritten through a
    temporary file), so a crash never leaves half a line. Lines already in the file, even
    ones this version cannot read, are kept.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "ana.jsonl"
    >>> log = AnswerLog(path, learner="ana")
    >>> log.record("stage_quiz", check_stage("stage-01", "difficulty", lang="en"))["correct"]
    True
    >>> len(AnswerLog(path).records)
    1
    """

    def __init__(self, path: str | os.PathLike, learner: str | None = None) -> None:
        self.path = Path(path)
        self.learner = learner
        self._lines: list[str] = []
        if self.path.exists():
            self._lines = [line for line in self.path.read_text("utf-8").splitlines() if line.strip()]

    @property
    def records(self) -> list[dict[str, Any]]:
        """Every readable record in the file, oldest first."""
        out = []
        for line in self._lines:
            try:
                item = json.loads(line)
            except ValueError:
                continue
            if isinstance(item, dict):
                out.append(item)
        return out

    def record(self, exercise: str, result: Feedback | SupportAssessment, **extra: Any) -> dict[str, Any]:
        """Append one answer (with time, learner and ``exercise`` name) and write the file."""
        data = {"time": datetime.now(timezone.utc).isoformat(timespec="seconds"), "learner": self.learner,
                "exercise": exercise, **result.to_record(), **extra}
        self._lines.append(json.dumps(data, ensure_ascii=False))
        write_text_atomic(self.path, "\n".join(self._lines) + "\n")
        return data


def collect_answers(source: str | os.PathLike | Iterable[str | os.PathLike]) -> pd.DataFrame:
    """All answers in a folder of ``*.jsonl`` files (or a list of files), one row per answer.

    The ``file`` column names where each answer came from.
    """
    import pandas as pd

    if isinstance(source, (str, os.PathLike)) and Path(source).is_dir():
        paths = sorted(Path(source).glob("*.jsonl"))
    elif isinstance(source, (str, os.PathLike)):
        paths = [Path(source)]
    else:
        paths = [Path(p) for p in source]
    rows = [{"file": p.name, **r} for p in paths for r in AnswerLog(p).records]
    columns = ["file", "time", "learner", "exercise", "kind", "question", "answer", "expected", "correct", "score"]
    frame = pd.DataFrame(rows)
    for col in columns:
        if col not in frame.columns:
            frame[col] = None
    return frame[columns + [c for c in frame.columns if c not in columns]]
