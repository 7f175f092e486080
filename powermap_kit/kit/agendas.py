"""Workshop agendas whose times are measured, not guessed (``data/agendas.json``).

A track is a list of sessions: activities and pauses with fixed minutes, modules (their
teaching and exercise minutes from ``data/course.json``; ``"part": "teach"`` keeps only the
teaching, the exercises become after-class work), and the three parts of a case:

``read``
    the case's introduction (its module's teaching minutes) plus reading the brief and the
    intelligence pack: English words at ``en_words_per_minute``, Chinese characters (and the
    Latin words among them) at ``zh_chars_per_minute``; the slower language sets the time,
    so the same schedule holds in either room.
``build``
    building the map with evidence: a set-up, minutes per person and per relationship in the
    case's answer key, and the deal's fields (stage, decision mode).
``debrief``
    framing plus minutes per discussion question in the case's debrief.

Each part is rounded up to ``round_to`` minutes. :func:`prerequisite_problems` checks that no
session runs before the modules it ``requires``.

>>> [s.code for s in schedule("one_day", lang="en") if s.kind == "module"]
['00b', '01', '02', '03', '04', '05', '06', '07', '08', '16']
>>> prerequisite_problems("two_day")
[]
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

from .. import vocab
from ..cases import Case, debrief_questions_text, load_case
from ..errors import InvalidValue

__all__ = ["CaseTiming", "Session", "agenda_data", "case_timing", "pack_length", "prerequisite_problems",
           "schedule", "tracks"]

_LATIN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.-]*")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_QUESTION = re.compile(r"^\s*\d+[.)、]", re.MULTILINE)


@lru_cache(maxsize=None)
def agenda_data() -> dict[str, Any]:
    """``data/agendas.json``: reading speeds, building and debrief rates, prerequisites, tracks."""
    return json.loads(resources.files("powermap_kit").joinpath("data/agendas.json").read_text("utf-8"))


@lru_cache(maxsize=None)
def _modules() -> dict[str, dict[str, Any]]:
    text = resources.files("powermap_kit").joinpath("data/course.json").read_text("utf-8")
    return {m["number"]: m for m in json.loads(text)["modules"]}


def tracks() -> list[str]:
    """The tracks' names (``one_day``, ``two_day``)."""
    return list(agenda_data()["tracks"])


def pack_length(case: Case, lang: str) -> int:
    """The length of a case's learner pack (brief and documents): words in English, characters in Chinese.

    In Chinese each Han character counts once and so does each Latin word (names, figures).

    >>> pack_length(load_case("it-solution"), "en") > 1000
    True
    """
    texts = [str(case.brief(lang))] + [str(d.text(lang)) for d in case.documents]
    words = sum(len(_LATIN_WORD.findall(text)) for text in texts)
    if lang == "en":
        return words
    return words + sum(len(_HAN.findall(text)) for text in texts)


def _question_count(case: Case, lang: str) -> int:
    return len(_QUESTION.findall(debrief_questions_text(case, lang)))


def _up(minutes: float) -> int:
    step = agenda_data()["round_to"]
    return int(math.ceil(minutes / step - 1e-9) * step)


@dataclass(frozen=True)
class CaseTiming:
    """How long each part of a case session takes, and the measurements behind it."""

    number: str
    slug: str
    length: dict[str, int]
    reading: dict[str, float]
    people: int
    relationships: int
    questions: int
    read: int
    build: int
    debrief: int

    @property
    def total(self) -> int:
        return self.read + self.build + self.debrief


def case_timing(number: str) -> CaseTiming:
    """Measure the case of module ``number`` ("10", "11") and time its read, build and debrief parts."""
    data = agenda_data()
    if number not in data["cases"]:
        raise InvalidValue.not_one_of("case", number, data["cases"])
    case = load_case(data["cases"][number])
    speed = {"en": data["reading"]["en_words_per_minute"], "zh": data["reading"]["zh_chars_per_minute"]}
    length = {lang: pack_length(case, lang) for lang in vocab.LANGUAGES}
    reading = {lang: length[lang] / speed[lang] for lang in vocab.LANGUAGES}
    key = case.key
    build = data["building"]
    people, links = len(key.stakeholders), len(key.relationships)
    build_minutes = build["setup"] + build["per_person"] * people + build["per_relationship"] * links \
        + build["deal_fields"]
    questions = max(_question_count(case, lang) for lang in vocab.LANGUAGES)
    debrief = data["debrief"]["framing"] + data["debrief"]["per_question"] * questions
    return CaseTiming(number, case.slug, length, reading, people, links, questions,
                      read=_up(_modules()[number]["teach"] + max(reading.values())), build=_up(build_minutes),
                      debrief=_up(debrief))


@dataclass(frozen=True)
class Session:
    """One row of a schedule."""

    day: int
    start: str
    end: str
    minutes: int
    kind: str  # "module", "case", "activity" or "pause"
    code: str  # module number, activity or pause name
    part: str  # "", "teach", "read", "build" or "debrief"
    label: str
    notebook: str


def _items(track: str, case: str) -> list[dict[str, Any]]:
    data = agenda_data()
    if track not in data["tracks"]:
        raise InvalidValue.not_one_of("track", track, data["tracks"])
    if case not in data["cases"]:
        raise InvalidValue.not_one_of("case", case, data["cases"])
    return [dict(item, case=case) if item.get("case") == "choice" else item for item in data["tracks"][track]]


def _label(item: dict[str, Any], lang: str) -> tuple[str, str, str]:
    """The session's (kind, code, label)."""
    if "case" in item:
        number = item["case"]
        title = vocab.text(f"course.module.{number}", lang=lang)
        return "case", number, vocab.text(f"kit.agenda.case_{item['part']}", lang=lang, number=number, title=title)
    if "module" in item:
        number = item["module"]
        title = vocab.text("course.agenda.module", lang=lang, number=number,
                           title=vocab.text(f"course.module.{number}", lang=lang))
        if item.get("part") == "teach":
            title = vocab.text("kit.agenda.teach_only", lang=lang, title=title)
        return "module", number, title
    code = item.get("activity") or item["pause"]
    return ("activity" if "activity" in item else "pause"), code, vocab.text(f"course.agenda.{code}", lang=lang)


def _minutes(item: dict[str, Any]) -> int:
    if "case" in item:
        return int(getattr(case_timing(item["case"]), item["part"]))
    if "module" in item:
        module = _modules()[item["module"]]
        return int(module["teach"] + (0 if item.get("part") == "teach" else module["exercise"]))
    return int(item["minutes"])


def schedule(track: str = "one_day", case: str = "10", start: str = "09:00", lang: str | None = None) -> list[Session]:
    """The sessions of a track, with clock times.

    Parameters
    ----------
    track : {"one_day", "two_day"}
    case : {"10", "11"}
        The flagship case of a track that lets the trainer choose (the one-day track).
    start : "HH:MM"
        When each day starts.
    lang : {"en", "zh"}, optional
    """
    lang = vocab._lang(lang)
    try:
        first = datetime.strptime(start, "%H:%M")
    except ValueError:
        raise InvalidValue("start", "bad_clock", value=start) from None
    rows: list[Session] = []
    day, clock = 1, first
    for item in _items(track, case):
        if "day" in item:
            day, clock = item["day"], first
            continue
        minutes = _minutes(item)
        kind, code, label = _label(item, lang)
        number = code if kind in ("module", "case") else ""
        notebook = _modules()[number]["file"] if number else ""
        end = clock + timedelta(minutes=minutes)
        rows.append(Session(day, clock.strftime("%H:%M"), end.strftime("%H:%M"), minutes, kind, code,
                            item.get("part", ""), label, notebook))
        clock = end
    return rows


def prerequisite_problems(track: str, case: str = "10") -> list[str]:
    """Sessions that run before a module they need, one line each (empty when the track holds)."""
    needs = agenda_data()["requires"]
    done: set[str] = set()
    problems = []
    for item in _items(track, case):
        number = item.get("module") or item.get("case")
        if not number:
            continue
        missing = [m for m in needs.get(number, []) if m not in done]
        if missing and number not in done:
            problems.append(f"{track}: {number} runs before {', '.join(missing)}")
        done.add(number)
    return problems
