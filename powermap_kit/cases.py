"""The case studies: briefs, intelligence packs, answer keys, twists and sample submissions.

Cases live in ``case_studies/<slug>/`` (layout in ``case_studies/CONTRACT.md``) at the
repository root; a built wheel ships a copy inside the package (``setup.py``), so
``load_case`` works after ``pip install .`` from any folder. See :func:`case_folder`.

>>> [c.slug for c in list_cases()][:2]
['it-solution', 'medical-device']
>>> case = load_case("it-solution")
>>> case.key.grading is not None and len(case.key) >= 12
True
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from . import vocab
from .errors import CasesNotFound, UnknownName
from .io import load_map
from .model import Account, PowerMap

__all__ = ["Case", "CaseDocument", "Markdown", "case_folder", "debrief_questions_text", "list_cases", "load_case"]


class Markdown(str):
    """Markdown text that Jupyter renders (``_repr_markdown_``) and that prints as plain text."""

    def _repr_markdown_(self) -> str:
        return str(self)


_PACKAGED = Path(__file__).resolve().parent / "case_studies"  # in an installed wheel (setup.py copies it)
_CHECKOUT = Path(__file__).resolve().parents[1] / "case_studies"  # a source checkout or editable install


def case_folder() -> Path:
    """The folder holding the case studies.

    In order: ``$POWERMAP_CASES``; the copy shipped inside the installed package; the
    checkout's ``case_studies/`` beside the package; ``case_studies/`` in the current
    folder or one of its parents. :class:`~powermap_kit.errors.CasesNotFound` when none has cases.
    """
    env = os.environ.get("POWERMAP_CASES")
    candidates = [Path(env)] if env else []
    candidates += [_PACKAGED, _CHECKOUT]
    here = Path.cwd().resolve()
    candidates += [p / "case_studies" for p in (here, *here.parents)]
    for folder in candidates:
        if folder.is_dir() and any(folder.glob("*/case.json")):
            return folder
    raise CasesNotFound("case_studies", "no_cases", places=", ".join(str(c) for c in candidates))


@dataclass(frozen=True)
class CaseDocument:
    """One document of a case's intelligence pack (or its twist announcement)."""

    folder: Path
    file: str
    kind: str
    title: dict[str, str]
    date: str | None = None

    def text(self, lang: str | None = None) -> Markdown:
        lang = lang or vocab.get_language()
        return Markdown((self.folder / f"{self.file}.{lang}.md").read_text("utf-8"))

    def _repr_markdown_(self) -> str:
        return self.text()


@dataclass
class Case:
    """A case study. Text parts follow the current language unless ``lang`` is given."""

    folder: Path
    meta: dict[str, Any] = field(repr=False)

    @property
    def slug(self) -> str:
        return self.meta["slug"]

    @property
    def flagship(self) -> bool:
        return bool(self.meta.get("flagship"))

    @property
    def seeds(self) -> list[str]:
        return list(self.meta.get("seeds", []))

    @property
    def time_minutes(self) -> int | None:
        return self.meta.get("time_minutes")

    def title(self, lang: str | None = None) -> str:
        return self.meta["title"][lang or vocab.get_language()]

    def summary(self, lang: str | None = None) -> str:
        return self.meta["summary"][lang or vocab.get_language()]

    def classic_error(self, lang: str | None = None) -> str:
        return self.meta["classic_error"][lang or vocab.get_language()]

    def _md(self, name: str, lang: str | None) -> Markdown:
        return Markdown((self.folder / f"{name}.{lang or vocab.get_language()}.md").read_text("utf-8"))

    def brief(self, lang: str | None = None) -> Markdown:
        """The learner's brief."""
        return self._md("brief", lang)

    def debrief(self, lang: str | None = None) -> Markdown:
        """The trainer's debrief: expert map explained, strategy, discussion questions."""
        return self._md("debrief", lang)

    @cached_property
    def documents(self) -> list[CaseDocument]:
        """The intelligence pack, in order."""
        return [CaseDocument(self.folder, d["file"], d.get("kind", "memo"), d["title"], d.get("date"))
                for d in self.meta.get("documents", [])]

    def document(self, number: int) -> CaseDocument:
        """Document by its number (1-based, as in the pack)."""
        return self.documents[number - 1]

    @cached_property
    def key(self) -> PowerMap:
        """The answer key (a map with a ``grading`` section)."""
        return load_map(self.folder / "key.json")

    @cached_property
    def twist_document(self) -> CaseDocument | None:
        twist = self.meta.get("twist")
        if not twist:
            return None
        return CaseDocument(self.folder, twist["document"], "news", twist["title"], twist.get("date"))

    @property
    def twist_date(self) -> str | None:
        return (self.meta.get("twist") or {}).get("date")

    @cached_property
    def twist_key(self) -> PowerMap | None:
        """The updated key after the twist."""
        twist = self.meta.get("twist")
        return load_map(self.folder / twist["key"]) if twist else None

    @property
    def submission_paths(self) -> dict[str, Path]:
        """Sample trainee maps by quality: ``strong``, ``typical``, ``weak``."""
        return {s["quality"]: self.folder / s["file"] for s in self.meta.get("submissions", [])}

    def submission(self, quality: str) -> PowerMap:
        return load_map(self.submission_paths[quality])

    @property
    def hints_file(self) -> Path | None:
        """The learner-safe hint file a trainer gives instead of the keys (``powermap hints``):
        ``$POWERMAP_HINTS`` (the file, or a folder of ``<case>.json`` / ``<case>/hints.json``),
        else a ``hints.json`` in a case folder without ``key.json``; ``None`` when there is none."""
        env = os.environ.get("POWERMAP_HINTS")
        if env:
            place = Path(env)
            for candidate in (place / f"{self.slug}.json", place / self.slug / "hints.json", place):
                if candidate.is_file():
                    return candidate
        beside = self.folder / "hints.json"
        return beside if beside.is_file() and not (self.folder / "key.json").is_file() else None

    def _hints(self) -> dict[str, Any]:
        found = self.hints_file
        try:
            data = json.loads(found.read_text("utf-8")) if found is not None else {}
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def blank_map(self) -> PowerMap:
        """An empty map for this case's opportunity, to start building in (the account from the
        key, or from the learner-safe hints where the trainer withholds the key)."""
        if (self.folder / "key.json").is_file():
            account = self.key.account.to_dict()
        else:
            account = self._hints().get("account") or {}
        pm = PowerMap(account=Account.from_dict(account))
        pm.meta = {"case": self.slug}
        return pm

    def _repr_markdown_(self) -> str:
        return f"### {self.title()}\n\n{self.summary()}"


def list_cases() -> list[Case]:
    """Every case, flagship cases first, then by slug."""
    folder = case_folder()
    cases = [Case(p.parent, json.loads(p.read_text("utf-8"))) for p in sorted(folder.glob("*/case.json"))]
    order = {"it-solution": 0, "medical-device": 1}
    return sorted(cases, key=lambda c: (not c.flagship, order.get(c.slug, 9), c.slug))


def load_case(slug: str) -> Case:
    """One case by its slug (``it-solution``, ``medical-device``, ...)."""
    path = case_folder() / slug / "case.json"
    if not path.is_file():
        known = [c.slug for c in list_cases()]
        raise UnknownName("case", "unknown_case", slug, allowed=known, suggestion=vocab.closest(slug, known))
    return Case(path.parent, json.loads(path.read_text("utf-8")))


def debrief_questions_text(case: Case, lang: str | None = None) -> str:
    """The discussion-questions section of a case's debrief, as Markdown ("" when it has none)."""
    heading = vocab.text("course.debrief.heading", lang=lang).lower()
    out: list[str] = []
    taking = False
    for line in str(case.debrief(lang)).splitlines():
        if line.startswith("#"):
            if taking:
                break
            taking = heading in line.lower()
            continue
        if taking:
            out.append(line)
    return "\n".join(out).strip()
