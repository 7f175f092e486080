"""The question bank: what to ask, and whom, to fill each gap (seeds 001 and 003).

Seed 001 names four ways to learn a customer's roles and needs: interview (访谈法),
questionnaire (问卷调查), observation (观察法) and data analysis (数据分析). The bank
(``data/questions.json``) holds, for every checklist item, interview and questionnaire
questions that work for any role, role-specific ones where roles differ (an approver's
needs are not a user's), and some things to observe or look up. Each says whom it is
for: the person, an insider such as the coach, our own team and records, or what to watch.

:func:`questions_for` picks the questions that fill one person's gaps (or the deal's):
for each gap in checklist order, the questions meant for the person's roles first, then
those for any role, interview before questionnaire before observation and data analysis.

:class:`IntelLog` keeps what a learner has ticked as learned, per map and person, in a
JSON-lines file in the learner's work folder (:mod:`powermap_kit.workspace`), one
line appended per tick. Ticks are a log: the facts go into the map, which closes the gap.

>>> from powermap_kit import load_map
>>> pm = load_map({"format": "powermap/1", "stakeholders": [
...     {"id": "zm", "name": "Zhao Min", "title": "Procurement Director", "department": "Procurement",
...      "roles": ["purchaser"], "power": 3, "stance": "neutral", "evidence": {"stance": "email 18 May"},
...      "support": {"trust": 2, "cooperation": 3}, "motives": ["security"]}]})
>>> [(q.check, q.method) for q in questions_for(pm, "zm")][:3]
[('needs', 'interview'), ('needs', 'questionnaire'), ('needs', 'interview')]
>>> questions_for(pm, "zm")[0].text("en", name="Zhao Min")
'What does the tender require from vendors, and which terms are non-negotiable?'
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import vocab
from ..errors import InvalidValue, PowerMapError
from ..io import write_text_atomic
from ..jsonlines import append_record, read_records
from ._data import METHODS, questions_data, t
from .checklist import IntelReport, intelligence_gaps

if TYPE_CHECKING:
    import pandas as pd

    from ..model import PowerMap, Stakeholder

__all__ = ["DEAL", "IntelLog", "Question", "map_key", "methods_frame", "question_bank", "questions_for"]

DEAL = "*"
"""The person key under which deal-level ticks are kept (``*`` cannot be a stakeholder id)."""


@dataclass(frozen=True)
class Question:
    """One question of the bank."""

    id: str
    check: str
    roles: tuple[str, ...]
    method: str
    ask: str
    texts: tuple[tuple[str, str], ...]

    def text(self, lang: str | None = None, name: str | None = None) -> str:
        """The question in a language; ``{name}`` becomes the person's name (or "them")."""
        lang = lang or vocab.get_language()
        return dict(self.texts)[lang].replace("{name}", name if name is not None else t("them", lang))

    def for_role(self, roles: Iterable[str]) -> bool:
        """Whether the question is meant for someone holding ``roles`` (``any`` fits all)."""
        return "any" in self.roles or bool(set(self.roles) & set(roles))

    def method_label(self, lang: str | None = None) -> str:
        return t(f"method.{self.method}", lang)

    def ask_label(self, lang: str | None = None) -> str:
        return t(f"ask.{self.ask}", lang)


def question_bank() -> list[Question]:
    """Every question of ``data/questions.json``, in file order."""
    return [Question(q["id"], q["check"], tuple(q["roles"]), q["method"], q["ask"],
                     tuple(sorted(q["text"].items()))) for q in questions_data()["questions"]]


def _person(pm: PowerMap, person: str | Stakeholder | None) -> Stakeholder | None:
    if person is None:
        return None
    return pm.stakeholder(person if isinstance(person, str) else person.id)


def questions_for(pm: PowerMap, person: str | Stakeholder | None = None, methods: Iterable[str] | None = None,
                  report: IntelReport | None = None) -> list[Question]:
    """The questions that fill a person's gaps (``person=None``: the deal's gaps).

    Parameters
    ----------
    pm : PowerMap
    person : str or Stakeholder or None
        The person (by id); ``None`` for questions about the deal as a whole.
    methods : iterable of str, optional
        Keep only these methods (``interview``, ``questionnaire``, ``observation``, ``data_analysis``).
    report : IntelReport, optional
        A report already computed for ``pm`` (saves recomputing it).
    """
    who = _person(pm, person)
    wanted = tuple(methods) if methods is not None else METHODS
    for m in wanted:
        if m not in METHODS:
            raise InvalidValue.not_one_of("methods", m, METHODS)
    report = report or intelligence_gaps(pm)
    gaps = report.for_person(who.id) if who is not None else report.deal_gaps()
    roles = tuple(who.roles) if who is not None else ()
    bank = question_bank()
    picked: list[Question] = []
    for gap in gaps:
        fitting = [q for q in bank if q.check == gap.check and q.method in wanted and q.for_role(roles)]
        fitting.sort(key=lambda q: ("any" in q.roles, METHODS.index(q.method)))
        picked.extend(fitting)
    return picked


def methods_frame(lang: str | None = None) -> pd.DataFrame:
    """Seed 001's four methods and how each works, with the number of questions the bank has for it."""
    import pandas as pd

    bank = question_bank()
    return pd.DataFrame([(t(f"method.{m}", lang), t(f"method.{m}.how", lang), sum(q.method == m for q in bank))
                         for m in METHODS], columns=[t("col.method", lang), t("col.how", lang), t("col.count", lang)])


def map_key(pm: PowerMap) -> str:
    """The name ticks are filed under for a map: its case, else its account, else ``map``.

    >>> from powermap_kit import PowerMap
    >>> map_key(PowerMap(meta={"case": "it-solution"}))
    'it-solution'
    """
    return str(pm.meta.get("case") or pm.account.name or "map")


class IntelLog:
    """What a learner ticked as learned: an append-only JSON-lines file, one line per tick.

    Each line is ``{"map": map key, "person": person id or "*", "question": question id,
    "learned": true|false, "date": "YYYY-MM-DD", "note": "..."}``; the latest line for a
    question wins. Lines are appended with one write each (:mod:`powermap_kit.jsonlines`),
    so two panels or two kernels ticking at once never lose a tick, and a torn last line
    is skipped. A log in the earlier one-document format (``powermap-intel/1``, by default
    ``intel-<learner>.json``) is read, and written as lines on the first tick.

    Parameters
    ----------
    path : path-like, optional
        The file; by default ``intel-<learner>.jsonl`` in the learner's work folder.
    """

    FORMAT = "powermap-intel/2"
    _OLD_FORMAT = "powermap-intel/1"

    def __init__(self, path: str | os.PathLike | None = None) -> None:
        earlier = None
        if path is None:
            from ..workspace import work_path

            path = work_path("intel-{learner}.jsonl")
            earlier = work_path("intel-{learner}.json")  # where the one-document format lived
        self.path = Path(path)
        source = earlier if earlier is not None and earlier.exists() and not self.path.exists() else self.path
        self._old = self._read_old(source)

    def _read_old(self, path: Path) -> list[dict[str, Any]] | None:
        """The ticks of a file in the one-document format, as lines; ``None`` for a lines file."""
        try:
            head = path.read_text("utf-8")
        except (FileNotFoundError, UnicodeDecodeError):
            return None
        try:
            data = json.loads(head)
        except ValueError:
            return None
        if not (isinstance(data, dict) and "maps" in data):
            return None
        if data.get("format") != self._OLD_FORMAT or not isinstance(data["maps"], dict):
            raise PowerMapError(t("log.bad_format", path=str(path), value=repr(data.get("format")),
                                  allowed=f"{self._OLD_FORMAT!r}, {self.FORMAT!r}"))
        return [{"map": key, "person": person, "question": qid, **entry}
                for key, people in data["maps"].items() for person, entries in people.items()
                for qid, entry in entries.items()]

    def _state(self) -> dict[tuple[str, str, str], dict[str, Any]]:
        lines = self._old if self._old is not None else read_records(self.path)
        state: dict[tuple[str, str, str], dict[str, Any]] = {}
        for line in lines:
            ident = (str(line.get("map")), str(line.get("person") or DEAL), str(line.get("question")))
            state[ident] = line
        return state

    def _entries(self, key: str, person: str | None) -> dict[str, dict[str, Any]]:
        who = person or DEAL
        return {q: e for (k, p, q), e in self._state().items() if k == key and p == who}

    def ticked(self, key: str, person: str | None = None) -> set[str]:
        """Ids of the questions ticked as learned for a person (``None``: the deal) of a map."""
        return {qid for qid, e in self._entries(key, person).items() if e.get("learned")}

    def note(self, key: str, person: str | None, question: str) -> str:
        """The note written with a tick ("" when none)."""
        return str(self._entries(key, person).get(question, {}).get("note") or "")

    def tick(self, key: str, person: str | None, question: str, learned: bool = True, note: str | None = None,
             today: str | None = None) -> None:
        """Record (or with ``learned=False`` withdraw) a tick: one line appended to the file."""
        if self._old is not None:  # one-time move from the one-document format
            text = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in self._old)
            write_text_atomic(self.path, text)
            self._old = None
        line: dict[str, Any] = {"map": key, "person": person or DEAL, "question": question, "learned": learned,
                                "date": today or date.today().isoformat()}
        if note:
            line["note"] = note
        append_record(self.path, line)

    def count(self, key: str) -> int:
        """How many ticks a map has, over all people."""
        return sum(1 for (k, _, _), e in self._state().items() if k == key and e.get("learned"))
