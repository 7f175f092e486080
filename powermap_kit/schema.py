"""A JSON Schema (draft 2020-12) of the powermap/1 format, built from the vocabulary.

The schema ships as ``data/powermap.schema.json`` for other tools; :func:`json_schema`
builds the same document, and a test keeps the two identical and checks that the schema
and :func:`~powermap_kit.validation.validate_data` agree on valid and invalid samples.
Two rules a schema cannot express are checked only by the validator: ids that lines name
must exist, and ``reports_to`` lines must not form a cycle (also: unique ids, no self-lines).

>>> json_schema()["properties"]["format"]["pattern"]
'^powermap/1(\\\\.[0-9]+)?$'
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from . import vocab
from .validation import MAX_VALUE
from .values import FREE_TEXT_BAD, LINE_BAD, MAX_NUMBER, VISIBLE_CHAR

__all__ = ["json_schema", "shipped_schema"]


def _enum(kind: str, nullable: bool = True) -> dict[str, Any]:
    schema: dict[str, Any] = {"enum": list(vocab.codes(kind))}
    if nullable:
        schema["enum"].append(None)
    return schema


def _int(low: int, high: int) -> dict[str, Any]:
    return {"type": ["integer", "null"], "minimum": low, "maximum": high}


_NO_CONTROL = {"not": {"type": "string", "pattern": LINE_BAD}}  # names, ids, codes, keys: one line
_FREE_TEXT = {"not": {"type": "string", "pattern": FREE_TEXT_BAD}}  # notes, evidence...: tab and line breaks allowed
_STR = {"type": ["string", "null"], **_NO_CONTROL}
_TEXT = {"type": ["string", "null"], **_FREE_TEXT}
_DATE = {"type": ["string", "null"], "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "format": "date"}
_STRINGS = {"type": ["array", "null"], "items": {"type": "string", **_FREE_TEXT}}
_VALUE = {"$ref": "#/$defs/value"}
# Any JSON value an extension key may hold: finite numbers within ±2**53, clean text.
_ANY_VALUE = {"anyOf": [
    {"type": ["null", "boolean"]},
    {"type": "number", "minimum": -MAX_NUMBER, "maximum": MAX_NUMBER},
    {"type": "string", **_FREE_TEXT},
    {"type": "array", "items": _VALUE},
    {"type": "object", "additionalProperties": _VALUE, "propertyNames": _NO_CONTROL},
]}


def _obj(properties: dict[str, Any], **rest: Any) -> dict[str, Any]:
    """An object schema whose other keys may hold any clean JSON value."""
    return {"type": "object", "properties": properties, "additionalProperties": _VALUE, "propertyNames": _NO_CONTROL,
            **rest}


def json_schema() -> dict[str, Any]:
    """The schema document (a dict)."""
    stakeholder = _obj(
        required=["id", "name"],
        properties={
            "id": {"type": "string", "pattern": "^[A-Za-z0-9_-]+$", **_NO_CONTROL},
            "name": {"type": "string", "pattern": VISIBLE_CHAR, **_NO_CONTROL},
            "title": _STR, "department": _STR, "preferred_vendor": _STR, "notes": _TEXT,
            "roles": {"type": ["array", "null"], "items": _enum("role", nullable=False)},
            "power": _int(1, 5),
            "stance": _enum("stance"),
            "coach": {"type": ["boolean", "null"]},
            "support": {"type": ["object", "null"], "additionalProperties": False,
                        "properties": {d: _int(1, 5) for d in vocab.SUPPORT_DIMENSIONS}},
            "needs": _STRINGS, "motives": _STRINGS,
            "relationship_step": _enum("relationship_step"),
            "last_verified": _DATE,
            "evidence": {"type": ["object", "null"], "additionalProperties": {"type": "string", **_FREE_TEXT},
                         "propertyNames": _NO_CONTROL},
        },
    )
    relationship = _obj(
        required=["source", "target", "type"],
        properties={
            "source": {"type": "string", **_NO_CONTROL}, "target": {"type": "string", **_NO_CONTROL},
            "type": _enum("relationship_type", nullable=False),
            "strength": _int(1, 3), "note": _TEXT,
        },
    )
    coverage = _obj(
        required=["stakeholder"],
        properties={
            "stakeholder": {"type": "string", **_NO_CONTROL}, "owner": _STR, "channel": _enum("channel"),
            "strength": _int(1, 3), "last_contact": _DATE,
        },
    )
    opportunity = _obj({
        "name": {"type": "string", **_NO_CONTROL}, "currency": {"type": "string", **_NO_CONTROL},
        "value": {"type": "number", "minimum": 0, "maximum": MAX_VALUE},
        "stage": _enum("stage", nullable=False), "decision_mode": _enum("decision_mode", nullable=False),
        "competitors": {"type": "array", "items": {"type": "string", **_NO_CONTROL}},
    })
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://powermap-kit.invalid/schema/powermap-1.json",
        "title": "powermap/1",
        "description": "A customer power map (客户权力架构图) for one opportunity; see format.md. Unknown keys are allowed "
                       "and kept. Not expressible here, checked by powermap-kit: unique ids, lines naming existing ids, "
                       "no self-lines, no reports_to cycle, no key twice in one object.",
        **_obj(required=["format", "stakeholders"], properties={
            "format": {"type": "string", "pattern": r"^powermap/1(\.[0-9]+)?$", **_NO_CONTROL},
            "account": _obj({"name": {"type": "string", **_NO_CONTROL}, "industry": {"type": "string", **_NO_CONTROL}}),
            "opportunity": opportunity,
            "stakeholders": {"type": "array", "items": stakeholder},
            "relationships": {"type": ["array", "null"], "items": relationship},
            "coverage": {"type": ["array", "null"], "items": coverage},
            "meta": _obj({"author": {"allOf": [_VALUE, _NO_CONTROL]}}),
            "grading": _obj({}),
        }),
        "$defs": {"value": _ANY_VALUE},
    }


def shipped_schema() -> dict[str, Any]:
    """The schema file shipped in the package."""
    return json.loads(resources.files("powermap_kit").joinpath("data/powermap.schema.json").read_text("utf-8"))


if __name__ == "__main__":  # regenerate the shipped file: python -m powermap_kit.schema
    from pathlib import Path

    target = Path(__file__).parent / "data" / "powermap.schema.json"
    target.write_text(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", "utf-8")
    print(f"wrote {target}")
