"""CSV import (plain template, Salesforce and HubSpot contact-role exports) and CSV / GraphML export.

Import never drops anything silently: a value it cannot map (or a cell beyond the header)
is kept in the person's ``notes`` and reported in :attr:`ImportResult.notes`; a row whose
quotes do not pair up is reported with its row number and left out, and the rows after it
are still read (:attr:`ImportResult.problems`). Headers may be English or Chinese, or
Salesforce Data Loader / report and HubSpot export headers (``Contact.Name``,
``Opportunity.Name``, ``IsPrimary``; ``data/import_headers.json``). The text encoding is
detected (:mod:`powermap_kit.csv_read`: UTF-8 with or without BOM, UTF-16, GB18030/GBK,
cp1252/Latin-1) and named in :attr:`ImportResult.encoding`. A cell is kept as written,
including a leading ``'`` that an export added to keep it from being a formula. CRM role
values map through the vocabulary's ``crm_role`` entries (the mapping table in the README
is generated from the same data).

>>> import io
>>> csv_text = "Name,Title,Role\\nWang Wei,CIO,Economic Buyer\\nLi Na,IT manager,Technical Buyer\\n"
>>> result = import_csv(io.StringIO(csv_text))
>>> result.format, [(p.name, p.roles) for p in result.map]
('salesforce', [('Wang Wei', ['approver']), ('Li Na', ['evaluator'])])
"""

from __future__ import annotations

import io
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import IO, Any

from . import vocab
from .csv_read import split_rows, stream_or_file, unique_headers
from .errors import InputError, InvalidValue
from .io import write_text_atomic
from .model import PowerMap
from .sheets import csv_text
from ._plain import find_cycle as _find_cycle
from .validation import _ID_RE

__all__ = ["FORMATS", "ImportNote", "ImportResult", "crm_mapping", "export_csv", "export_graphml", "import_csv"]

FORMATS = ("auto", "template", "salesforce", "hubspot")
#: Note codes for a file that is itself broken (``powermap import`` then exits 1).
PROBLEMS = ("unclosed_quote", "unreadable_row", "extra_cells")

# Header spellings (normalised: lower case, punctuation to spaces) for each column we read: data.
_HEADERS: dict[str, list[str]] = json.loads(
    resources.files("powermap_kit").joinpath("data/import_headers.json").read_text("utf-8"))["headers"]
_TRUE = {"true", "yes", "y", "1", "x", "是", "√", "✓", "对"}
_FALSE = {"false", "no", "n", "0", "否", "", "不是"}
_SPLIT = re.compile(r"\s*[;,，；、|/]\s*")


@dataclass(frozen=True)
class ImportNote:
    """One thing the import could not map (kept in notes) or decided, as data."""

    row: int
    name: str
    column: str
    value: str
    code: str
    detail: str = ""

    def message(self, lang: str | None = None) -> str:
        shown = f'"{self.value}"'
        if self.code == "unmapped":
            return vocab.text("cli.unmapped", lang, row=self.row, name=self.name, column=self.column, value=shown)
        if self.code == "bad_value":
            return vocab.text("import.bad_value", lang, row=self.row, name=self.name, column=self.column, value=shown,
                              detail=self.detail)
        return vocab.text(f"import.{self.code}", lang, row=self.row, name=self.name, value=shown, detail=self.detail)

    def __str__(self) -> str:
        return self.message()


@dataclass
class ImportResult:
    """The imported map, the detected format and every note (unmapped values, skipped rows)."""

    map: PowerMap
    format: str
    notes: list[ImportNote] = field(default_factory=list)
    encoding: str = "utf-8"

    def summary(self, lang: str | None = None) -> list[str]:
        return [note.message(lang) for note in self.notes]

    @property
    def problems(self) -> list[ImportNote]:
        """Notes about rows the file itself breaks (a broken quote, cells beyond the header)."""
        return [note for note in self.notes if note.code in PROBLEMS]


def _norm(header: str) -> str:
    header = unicodedata.normalize("NFKC", header).strip().lower()
    header = re.sub(r"^contact\s*[:：]\s*", "", header)
    return re.sub(r"[\s_:：()（）\-.]+", " ", header).strip()


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _fold(value: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", value).strip().casefold())


def crm_mapping() -> list[dict[str, Any]]:
    """The CRM value → role/stance mapping as rows (for docs and the README table)."""
    return [
        {"value": item["code"], "systems": item["system"].split(), "roles": item.get("roles", []),
         "stance": item.get("stance"), "notes": bool(item.get("keep_in_notes"))}
        for item in vocab.entries("crm_role")
    ]


def _columns(headers: list[str]) -> dict[str, str]:
    """Our field → the file's header; where several fit, the spelling listed first wins
    (Salesforce's ``ContactId`` over the role record's ``Id``); unmatched headers are kept for notes.
    """
    found: dict[str, tuple[int, str]] = {}
    for header in headers:
        key = _norm(header)
        for fieldname, spellings in _HEADERS.items():
            if key in spellings:
                rank = spellings.index(key)
                if fieldname not in found or rank < found[fieldname][0]:
                    found[fieldname] = (rank, header)
                break
    return {fieldname: header for fieldname, (_, header) in found.items()}


def _our_role(value: str) -> str | None:
    """Our role code when the value is a code or a label of ours (either language), else None."""
    code = vocab.closest(value, vocab.ROLES, "role")
    if code is not None and (_fold(value).replace(" ", "_") == code or any(
            _fold(value) == _fold(lab) for lab in vocab.entry(code, "role")["label"].values())):
        return code
    return None


def _crm_entry(value: str) -> dict[str, Any] | None:
    for item in vocab.entries("crm_role"):
        if _fold(value) in (_fold(item["code"]), _fold(item["label"]["zh"])):
            return item
    return None


def _role_value(value: str) -> tuple[list[str], str | None, bool]:
    """Map one role cell item: (roles, stance, mapped?). Our codes and labels first, then CRM values."""
    code = _our_role(value)
    if code is not None:
        return [code], None, True
    item = _crm_entry(value)
    if item is not None:
        return list(item.get("roles", [])), item.get("stance"), not item.get("keep_in_notes")
    return [], None, False


def _detect(values: list[str], requested: str) -> str:
    """The CRM a file came from, by role values only one system uses (shared ones map alike)."""
    if requested != "auto":
        return requested
    systems: set[str] = set()
    for value in values:
        item = None if _our_role(value) else _crm_entry(value)
        if item is not None:
            systems.add(item["system"])
    if "hubspot" in systems:
        return "hubspot"
    return "salesforce" if systems else "template"


def import_csv(source: str | os.PathLike | IO[str], format: str = "auto", account: str | None = None) -> ImportResult:
    """Read a CSV of contacts into a :class:`PowerMap`.

    Parameters
    ----------
    source : path or text stream
        The CSV file. Headers in English or Chinese (see the README's import section).
    format : {"auto", "template", "salesforce", "hubspot"}
        How to read role values; ``auto`` detects CRM role values.
    account : str, optional
        The account name, when the file has no account column.

    Raises
    ------
    ValueError
        When the file is not CSV or has no name column (the message says which headers work).
    """
    if format not in FORMATS:
        raise InvalidValue.not_one_of("format", format, FORMATS)
    text, encoding = stream_or_file(source)
    rows, broken = split_rows(text)
    headers = unique_headers(rows[0].cells) if rows else []
    cols = _columns(headers)
    if "name" not in cols and not {"first_name", "last_name"} <= set(cols):
        allowed = ", ".join(_HEADERS["name"][:4] + _HEADERS["name"][-4:])
        raise InputError("import.no_name_column", allowed=allowed)
    records = [(row.line, {h: (row.cells[i].strip() if i < len(row.cells) else "") for i, h in enumerate(headers)},
                [c.strip() for c in row.cells[len(headers):] if c.strip()]) for row in rows[1:]]
    role_values = [v for _, rec, _ in records for v in _SPLIT.split(rec.get(cols.get("roles", ""), "")) if v]
    fmt = _detect(role_values, format)

    pm = PowerMap()
    notes = [ImportNote(p.line, "", "", _short(p.text), p.code) for p in broken]
    managers: list[tuple[int, str, str]] = []  # (row, person id, manager cell)
    row_of: dict[str, int] = {}
    used_cols = set(cols.values())
    for n, rec, extra in records:
        name = rec.get(cols["name"], "") if "name" in cols else " ".join(
            p for p in (rec.get(cols.get("first_name", ""), ""), rec.get(cols.get("last_name", ""), "")) if p)
        if not name:
            notes.append(ImportNote(n, "", "name", "", "empty_name"))
            continue
        person: dict[str, Any] = {"name": name}
        kept: list[str] = []

        def keep(column: str, value: str, code: str = "unmapped", detail: str = "") -> None:
            kept.append(vocab.text("import.unmapped_note", column=column, value=value))
            notes.append(ImportNote(n, name, column, value, code, detail))

        wanted_id = rec.get(cols.get("id", ""), "")
        if wanted_id and _ID_RE.fullmatch(wanted_id) and wanted_id not in pm:
            person["id"] = wanted_id
        elif wanted_id:
            keep(cols["id"], wanted_id, "bad_value", "id")
        for key in ("title", "department"):
            if rec.get(cols.get(key, "")):
                person[key] = rec[cols[key]]
        roles: list[str] = []
        stances: list[str] = []
        for value in _SPLIT.split(rec.get(cols.get("roles", ""), "")):
            if not value:
                continue
            mapped, stance, ok = _role_value(value)
            roles += [r for r in mapped if r not in roles]
            if stance:
                stances.append(stance)
            if not ok:
                keep(cols["roles"], value)
        if roles:
            person["roles"] = roles
        power = rec.get(cols.get("power", ""), "")
        if power:
            if power.isdigit() and 1 <= int(power) <= 5:
                person["power"] = int(power)
            else:
                keep(cols["power"], power, "bad_value", "1–5")
        stance_cell = rec.get(cols.get("stance", ""), "")
        if stance_cell:
            code = vocab.closest(stance_cell, vocab.STANCES, "stance")
            if code and (_fold(stance_cell).replace(" ", "_") == code or any(
                    _fold(stance_cell) == _fold(lab) for lab in vocab.entry(code, "stance")["label"].values())):
                person["stance"] = code
            else:
                keep(cols["stance"], stance_cell, "bad_value", ", ".join(vocab.STANCES))
        if "stance" not in person and stances:
            person["stance"] = stances[-1]
        coach = rec.get(cols.get("coach", ""), "")
        if coach and _fold(coach) in _TRUE:
            person["coach"] = True
        elif coach and _fold(coach) in _FALSE:
            person["coach"] = False
        elif coach:
            keep(cols["coach"], coach, "bad_value", "yes / no")
        for key, value in rec.items():
            if value and key not in used_cols:
                keep(key, value)
        if extra:
            keep(vocab.text("import.beyond_header"), " | ".join(extra), "extra_cells", str(len(extra)))
        primary = rec.get(cols.get("primary", ""), "")
        if _fold(primary) in _TRUE - {""}:
            kept.append(vocab.text("import.primary_note"))
        elif primary and _fold(primary) not in _FALSE:
            keep(cols["primary"], primary, "bad_value", "yes / no")
        for part in ("account", "opportunity"):
            value, held = rec.get(cols.get(part, ""), ""), getattr(pm, part)
            if value and not held.name:
                held.name = value
            elif value and _fold(value) != _fold(held.name):
                keep(cols[part], value, "second_value", f'"{held.name}"')
        own_notes = rec.get(cols.get("notes", ""), "")
        joined = "\n".join([own_notes] * bool(own_notes) + kept)
        if joined:
            person["notes"] = joined
        added = pm.add_stakeholder(person)
        row_of[added.id] = n
        if rec.get(cols.get("reports_to", "")):
            managers.append((n, added.id, rec[cols["reports_to"]]))
    if account:
        pm.account.name = account
    _link_managers(pm, managers, notes)
    return ImportResult(pm, fmt, notes, encoding)


def _link_managers(pm: PowerMap, managers: list[tuple[int, str, str]], notes: list[ImportNote]) -> None:
    by_name: dict[str, list[str]] = {}
    for person in pm:
        by_name.setdefault(_fold(person.name), []).append(person.id)
    lines: dict[str, list[str]] = {}
    for row, pid, cell in managers:
        person = pm.stakeholder(pid)
        targets = [cell] if cell in pm else by_name.get(_fold(cell), [])
        code = "unknown_manager" if not targets else "ambiguous_manager" if len(targets) > 1 else None
        if code is None and targets[0] == pid:
            code = "unknown_manager"
        if code is None:
            trial = {k: list(v) for k, v in lines.items()}
            trial.setdefault(pid, []).append(targets[0])
            if _find_cycle(trial):
                code = "cycle_dropped"
        if code:
            notes.append(ImportNote(row, person.name, "reports_to", cell, code))
            extra = vocab.text("import.unmapped_note", column="reports_to", value=cell)
            pm.update_stakeholder(pid, notes="\n".join(filter(None, [person.notes, extra])))
            continue
        lines.setdefault(pid, []).append(targets[0])
        pm.add_relationship(pid, targets[0], "reports_to")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ";".join(map(str, value))
    return str(value)


def export_csv(pm: PowerMap, path: str | os.PathLike | None = None) -> str:
    """The map's people in the plain import template (codes, reports_to by id); written when ``path`` is given.

    Written with a BOM so Excel opens Chinese text correctly; :func:`import_csv` reads it back.
    """
    managers: dict[str, list[str]] = {}
    for rel in pm.relationships:
        if rel.type == "reports_to":
            managers.setdefault(rel.source, []).append(rel.target)
    columns = ["id", "name", "title", "department", "roles", "power", "stance", "coach", "reports_to", "notes"]
    rows = [[p.id, p.name, _cell(p.title), _cell(p.department), _cell(p.roles), p.power if p.power is not None else "",
             _cell(p.stance), _cell(p.coach), ";".join(managers.get(p.id, [])[:1]), _cell(p.notes)] for p in pm]
    text = csv_text(rows, columns)
    if path is not None:
        write_text_atomic(path, "\ufeff" + text)
    return text


# Characters XML 1.0 cannot hold at all (most C0 controls, surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(value: Any) -> Any:
    """Text that XML can hold: a character it cannot is written as a visible ``\\uXXXX`` escape."""
    if not isinstance(value, str):
        return value
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", value)


def export_graphml(pm: PowerMap, path: str | os.PathLike) -> Path:
    """Write the map as GraphML (people as nodes, every relationship as an edge with its type).

    Every text becomes valid XML, so the file always reads back (``networkx.read_graphml``).
    """
    import networkx as nx

    graph = nx.MultiDiGraph(account=_xml(pm.account.name or ""), opportunity=_xml(pm.opportunity.name or ""))
    for p in pm:
        attrs = {"name": p.name, "title": p.title, "department": p.department, "roles": ";".join(p.roles),
                 "power": p.power, "stance": p.stance_or_unknown, "coach": p.coach}
        graph.add_node(p.id, **{k: _xml(v) for k, v in attrs.items() if v is not None})
    for r in pm.relationships:
        attrs = {"type": r.type, "directed": r.directed, "strength": r.strength, "note": r.note}
        graph.add_edge(r.source, r.target, **{k: _xml(v) for k, v in attrs.items() if v is not None})
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer, encoding="utf-8")
    return write_text_atomic(path, buffer.getvalue().decode("utf-8"))
