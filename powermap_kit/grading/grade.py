"""Score one submission against an answer key: :func:`grade` → :class:`GradeResult`.

The score is out of 100: every criterion's weight and every insight's points are added
up and scaled so the whole is 100 (``criteria.py`` has the rules). Feedback lines are
ordered by the points they cost, most first; a person left out is one line carrying
everything their absence cost.

A submission that cannot be read or fails validation gives a result with ``error`` set
and no score, never an exception; a bad *key* raises
:class:`~powermap_kit.errors.KeyFormatError`, since nothing can be graded with it.

Examples
--------
>>> from powermap_kit import load_map
>>> key = load_map({"format": "powermap/1", "stakeholders": [
...     {"id": "dean", "name": "李明", "roles": ["decision_maker"], "stance": "neutral"},
...     {"id": "it", "name": "Zhao Jun", "roles": ["evaluator"], "stance": "support"}],
...     "grading": {"aliases": {"dean": ["Li Ming"]}}})
>>> sub = load_map({"format": "powermap/1", "stakeholders": [
...     {"id": "p1", "name": "LI MING", "roles": ["decision_maker"], "stance": "neutral"},
...     {"id": "p2", "name": "zhao jun", "roles": ["decision_maker"], "stance": "support"}]})
>>> result = grade(sub, key, lang="en")
>>> result.total, result.criteria
(79.2, {'people': 33.3, 'roles': 20.8, 'stance': 25.0})
>>> result.feedback[0]
'You marked zhao jun as “Decision maker”; the key has “Evaluator” — revisit notebook 04, decision chain'
>>> [(m.a, m.b, m.how) for m in result.matches]
[('dean', 'p1', 'alias'), ('it', 'p2', 'name')]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache, partial
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import vocab
from ..diff import Match
from ..errors import Problem
from ..io import parse_json_clean, read_bytes
from ..model import PowerMap
from ..validation import validate_data
from .compare import compare_to_key
from .criteria import score_all
from .feedback import Deduction, KeyName
from .key import AnswerKey, load_key
from .typed import read_view
from .view import MapView

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["GradeResult", "grade", "read_submission"]


class _MapField:
    """``GradeResult.map``: given a :class:`MapView` (batch grading), the map is built from
    it on first use; a cohort table or JSON report never needs it."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = f"_{name}"

    def __get__(self, obj: Any, owner: type | None = None) -> PowerMap | None:
        if obj is None:
            return None  # the field's default
        value = obj.__dict__.get(self.name)
        if isinstance(value, MapView):
            value = obj.__dict__[self.name] = value.to_map()
        return value

    def __set__(self, obj: Any, value: PowerMap | MapView | None) -> None:
        obj.__dict__[self.name] = None if isinstance(value, _MapField) else value  # the default: no map


@dataclass
class GradeResult:
    """The grade of one submission.

    Attributes
    ----------
    submission : str
        Who handed it in: ``meta.author``, else the file name.
    file : str or None
        The file graded, when it came from one.
    total : float or None
        0–100 (one decimal); ``None`` when the submission could not be graded.
    criteria, maxima : dict of str to float
        Points earned and available per criterion, on the same 0–100 scale (they add up
        to ``total`` and 100); criteria the key gives nothing to grade on are left out.
    feedback : list of str
        Sentences in the result's language, most costly first.
    items : list of Deduction
        The same as data (criterion, points lost, person, notebook), renderable in either
        language with :meth:`lines`.
    matches : list of Match
        How each key person was found (``a`` key id, ``b`` submission id, ``how``).
    missing, extra : list of str
        Key ids not found; submission ids that match no key person.
    insights : list of dict
        ``{"id", "points", "earned", "found"}`` per insight of the key.
    people : list of dict
        Per key person: the matched id, how, and what was missed (for cohort review).
    error : str or None
        Why the submission could not be graded; ``problems`` holds the details.
    """

    submission: str
    file: str | None = None
    total: float | None = None
    criteria: dict[str, float] = field(default_factory=dict)
    maxima: dict[str, float] = field(default_factory=dict)
    items: list[Deduction] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    insights: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None
    problems: list[Problem] = field(default_factory=list)
    lang: str = "en"
    map: PowerMap | None = field(default=_MapField(), repr=False)  # type: ignore[assignment]
    key: AnswerKey | None = field(default=None, repr=False)
    # Sentences and per-person details are worked out when first asked for: a cohort
    # table needs neither, and rendering is a third of the cost of grading.
    _feedback: list[str] | None = field(default=None, repr=False, compare=False)
    _people: list[dict[str, Any]] | None = field(default=None, repr=False, compare=False)

    @property
    def feedback(self) -> list[str]:
        if self._feedback is None:
            self._feedback = [] if self.error is not None else [item.text(self.lang) for item in self.items]
        return self._feedback

    @property
    def people(self) -> list[dict[str, Any]]:
        if self._people is None:
            pm = self.__dict__.get("_map")  # a MapView serves as well as the map
            self._people = [] if self.key is None or pm is None else _people_detail(self.key, pm, self.matches)
        return self._people

    @property
    def ok(self) -> bool:
        """True when the submission was graded (no error)."""
        return self.error is None

    def __deepcopy__(self, memo: dict) -> GradeResult:
        # Results ride along in DataFrame.attrs, which pandas deep-copies on every
        # operation; they are never changed after grading, so sharing them is safe.
        return self

    def lines(self, lang: str | None = None) -> list[str]:
        """The feedback sentences in another language (same order)."""
        if self.error is not None:
            return [self.error]
        return [item.text(lang) for item in self.items]

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """JSON-ready data: ``submission``, ``total``, ``criteria``, ``feedback`` ... or ``error``."""
        lang = lang or self.lang
        texts = list(self.feedback) if lang == self.lang else self.lines(lang)
        if self.error is not None:
            return {"submission": self.submission, "file": self.file, "error": self.error,
                    "problems": [p.to_dict(lang) for p in self.problems]}
        return {
            "submission": self.submission,
            "file": self.file,
            "total": self.total,
            "criteria": dict(self.criteria),
            "maxima": dict(self.maxima),
            "feedback": texts,
            "details": [item.to_dict(lang, text) for item, text in zip(self.items, texts)],
            "matches": [{"key": m.a, "submission": m.b, "how": m.how} for m in self.matches],
            "missing": list(self.missing),
            "extra": list(self.extra),
            "insights": [dict(i) for i in self.insights],
        }

    def to_frame(self, lang: str | None = None) -> pd.DataFrame:
        """Points and maximum per criterion (and the total), with labels in the language."""
        import pandas as pd

        rows = [{"criterion": name, "label": vocab.text(f"grading.criterion.{name}", lang=lang),
                 "points": self.criteria[name], "max": self.maxima[name]} for name in self.criteria]
        if self.total is not None:
            rows.append({"criterion": "total", "label": vocab.text("grading.criterion.total", lang=lang),
                         "points": self.total, "max": 100.0})
        return pd.DataFrame(rows, columns=["criterion", "label", "points", "max"])

    def __str__(self) -> str:
        if self.error is not None:
            return f"{self.submission}: {self.error}"
        head = vocab.text("grading.summary_line", lang=self.lang, submission=self.submission, total=f"{self.total:g}")
        parts = [head]
        for name, points in self.criteria.items():
            label = vocab.text(f"grading.criterion.{name}", lang=self.lang)
            parts.append(f"  {label}: {points:g} / {self.maxima[name]:g}")
        parts += [f"  - {line}" for line in self.feedback]
        return "\n".join(parts)


def read_submission(source: Any) -> tuple[PowerMap | None, str | None, list[Problem]]:
    """Load a submission for grading: (map, file, problems); the map is None when it is bad."""
    pm, file, problems = _read(source)
    return (pm.to_map() if isinstance(pm, MapView) else pm), file, problems


def _read(source: Any) -> tuple[PowerMap | MapView | None, str | None, list[Problem]]:
    """:func:`read_submission`, a file read as a :class:`MapView` (grading needs no more)."""
    if isinstance(source, PowerMap):
        # A live map (a widget's) may have been changed behind the editing API.
        problems = source.validate()
        return (None if problems else source), None, problems
    if isinstance(source, dict):
        problems = validate_data(source)
        return (None if problems else PowerMap.from_dict(source, validate=False)), None, problems
    file = str(source)
    raw, problems = read_bytes(source)
    if raw is None:
        return None, file, problems
    view = read_view(raw)  # a plain file: decoded and checked in one step
    if view is not None:
        return view, file, []
    data, problems, clean = parse_json_clean(raw, file)
    if not problems:
        problems = validate_data(data, file, clean)
    if problems:
        return None, file, problems
    return MapView(data), file, []


def _label(pm: PowerMap | MapView | None, file: str | None, fallback: str | None = None,
           lang: str | None = None) -> str:
    """Who handed a submission in: ``meta.author``, else the file name, else ``fallback``."""
    author = pm.meta.get("author") if pm is not None else None
    if isinstance(author, str) and author.strip():
        return author.strip()
    if file:
        return Path(file).stem
    return fallback or vocab.text("grading.anonymous", lang=lang)


def grade(submission: Any, key: Any, lang: str | None = None) -> GradeResult:
    """Grade a submission against an answer key.

    Parameters
    ----------
    submission : PowerMap, dict or path
        The trainee's map. A file that cannot be read or fails validation gives a result
        with ``error`` set rather than an exception.
    key : AnswerKey, PowerMap, dict or path
        The answer key (``design/format.md`` "Answer key"); load it once with
        :func:`load_key` to grade many submissions.
    lang : {"en", "zh"}, optional
        Language of the feedback (default: the current language).

    Returns
    -------
    GradeResult

    Raises
    ------
    KeyFormatError
        The key is invalid.
    """
    lang = vocab.checked_language(lang)
    answer = load_key(key)
    pm, file, problems = _read(submission)
    if pm is None:
        return _error_result(file, problems, lang)
    return _grade_map(pm, answer, file, lang)


def _error_result(file: str | None, problems: list[Problem], lang: str, fallback: str | None = None) -> GradeResult:
    # One sentence, problems separated by semicolons: it has to fit a table cell.
    error = "; ".join(p.render(lang) for p in problems)
    return GradeResult(_label(None, file, fallback, lang), file=file, error=error, problems=list(problems), lang=lang)


def _grade_map(pm: PowerMap | MapView, key: AnswerKey, file: str | None, lang: str,
               fallback: str | None = None) -> GradeResult:
    ctx = compare_to_key(pm, key)
    matches = ctx.matches
    scores = score_all(ctx)

    available = sum(s.weight for s in scores)
    scale = 100.0 / available
    criteria = {s.name: _round1(s.earned * scale) for s in scores}
    maxima = {s.name: _round1(s.weight * scale) for s in scores}
    total = round(min(100.0, max(0.0, sum(s.earned for s in scores) * scale)), 1)

    items = [loss for s in scores for loss in s.losses]
    for m in matches:
        if m.how == "title":
            items.append(Deduction("people", "title_match", 0.0, {"name": ctx.people[m.a].name,
                                  "key_name": KeyName(key, m.a)}, stakeholder=m.a))
    for item in items:
        item.points = _round1(item.lost * scale)
    items.sort(key=_LOST, reverse=True)  # stable: equal losses keep criterion order

    insight_rows = []
    lost_insights = {item.insight.id for item in items if item.insight is not None}
    for insight in key.insights:
        found = insight.id not in lost_insights
        points = _round1(insight.points * scale)
        insight_rows.append({"id": insight.id, "points": points, "earned": points if found else 0.0, "found": found})
    return GradeResult(
        submission=_label(pm, file, fallback, lang), file=file, total=total, criteria=criteria, maxima=maxima,
        items=items, matches=matches,
        missing=ctx.missing, extra=ctx.extra, insights=insight_rows,
        lang=lang, map=pm, key=key,  # type: ignore[arg-type]  # a MapView: the map is built on first use
    )


#: round(x, 1), remembered: the same few losses recur across a cohort, and rounding a float
#: to a decimal place is slow.
_round1 = lru_cache(maxsize=4096)(partial(round, ndigits=1))
_LOST = attrgetter("lost")


def _people_detail(key: AnswerKey, pm: PowerMap | MapView, matches: list[Match]) -> list[dict[str, Any]]:
    how = {m.a: (m.b, m.how) for m in matches}
    sub_by_id = {q.id: q for q in pm.stakeholders}
    people = {m.a: sub_by_id[m.b] for m in matches}
    rows = []
    for p in key.map.stakeholders:
        q = people.get(p.id)
        expected = set(p.roles)
        given = set(q.roles) if q is not None else set()
        rows.append({
            "id": p.id,
            "name": p.name,
            "submission": how.get(p.id, (None, None))[0],
            "how": how.get(p.id, (None, None))[1],
            "roles_missed": [r for r in p.roles if r not in given],
            "roles_extra": [r for r in (q.roles if q is not None else []) if r not in expected],
            "power": [p.power, q.power if q is not None else None],
            "stance": [p.stance, q.stance if q is not None else None],
            "coach": [p.coach, q.coach if q is not None else None],
        })
    return rows
