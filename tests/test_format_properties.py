"""Property tests (hypothesis) for the format: round trips, corruption, schema agreement."""

import copy
import json

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from budget import examples

import powermap_kit as pk
from powermap_kit import vocab
from powermap_kit.schema import json_schema, shipped_schema
from powermap_kit.validation import validate_data
from powermap_kit.values import MAX_NUMBER, is_invisible

# Map text holds no control character and no broken surrogate (validation rejects them).
text = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=12)
ids = st.from_regex(r"[A-Za-z0-9_-]{1,8}", fullmatch=True)
dates = st.dates().map(lambda d: d.isoformat()).filter(lambda s: len(s) == 10)
unknown_values = st.recursive(st.none() | st.booleans() | st.integers(-MAX_NUMBER, MAX_NUMBER) | text,
                              lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
                              max_leaves=6)
extra_keys = st.dictionaries(text.map(lambda k: "x_" + k), unknown_values, max_size=2)


def optional(strategy):
    return st.one_of(st.none(), strategy)


@st.composite
def stakeholder(draw, sid):
    person = {"id": sid, "name": draw(text.filter(lambda name: not is_invisible(name)))}
    fields = {
        "title": optional(text), "department": optional(text),
        "roles": optional(st.lists(st.sampled_from(vocab.ROLES), max_size=3)),
        "power": optional(st.integers(1, 5)), "stance": optional(st.sampled_from(vocab.STANCES)),
        "coach": optional(st.booleans()),
        "support": optional(st.dictionaries(st.sampled_from(vocab.SUPPORT_DIMENSIONS), st.integers(1, 5))),
        "needs": optional(st.lists(text, max_size=2)), "motives": optional(st.lists(text, max_size=2)),
        "relationship_step": optional(st.sampled_from(vocab.RELATIONSHIP_STEPS)),
        "preferred_vendor": optional(text), "notes": optional(text), "last_verified": optional(dates),
        "evidence": optional(st.dictionaries(st.sampled_from(["roles", "power", "stance", "coach"]), text)),
    }
    for key, strategy in fields.items():
        value = draw(strategy)
        if value is not None:
            person[key] = value
    person.update(draw(extra_keys))
    return person


@st.composite
def valid_maps(draw):
    people_ids = draw(st.lists(ids, min_size=0, max_size=7, unique=True))
    data = {"format": "powermap/1", "stakeholders": [draw(stakeholder(i)) for i in people_ids]}
    if draw(st.booleans()):
        data["opportunity"] = {"name": draw(text), "value": draw(st.integers(0, 10**9)), "currency": "CNY",
                               "stage": draw(st.sampled_from(vocab.STAGES)),
                               "decision_mode": draw(st.sampled_from(vocab.DECISION_MODES)),
                               "competitors": draw(st.lists(text, max_size=2))}
    if len(people_ids) >= 2:
        rels = []
        for _ in range(draw(st.integers(0, 6))):
            a, b = draw(st.lists(st.sampled_from(range(len(people_ids))), min_size=2, max_size=2, unique=True))
            kind = draw(st.sampled_from(vocab.RELATIONSHIP_TYPES))
            if kind == "reports_to":  # later people report to earlier ones: never a cycle
                a, b = max(a, b), min(a, b)
            rel = {"source": people_ids[a], "target": people_ids[b], "type": kind}
            if draw(st.booleans()):
                rel["strength"] = draw(st.integers(1, 3))
            rels.append(rel)
        data["relationships"] = rels
        data["coverage"] = [{"stakeholder": draw(st.sampled_from(people_ids)), "owner": draw(text),
                             "channel": draw(st.sampled_from(vocab.CHANNELS)), "strength": draw(st.integers(1, 3)),
                             "last_contact": draw(dates)} for _ in range(draw(st.integers(0, 2)))]
    data["meta"] = {"author": draw(text)}
    data.update(draw(extra_keys))
    return data


SETTINGS = settings(max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow])
VALIDATOR = jsonschema.Draft202012Validator(json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
# What a JSON Schema cannot say; the validator alone checks these.
NOT_IN_SCHEMA = {"unknown_id", "duplicate_id", "cycle", "self_relationship"}


@SETTINGS
@given(valid_maps())
def test_any_valid_map_survives_save_and_load_unchanged(tmp_path_factory, data):
    pm = pk.load_map(data)
    path = tmp_path_factory.mktemp("rt") / "m.json"
    pk.save_map(pm, path)
    again = pk.load_map(path)
    assert again == pm
    assert again.to_dict() == pm.to_dict()
    assert [s.id for s in again] == [s["id"] for s in data["stakeholders"]]


@SETTINGS
@given(valid_maps())
def test_schema_accepts_every_valid_map(data):
    assert validate_data(data) == []
    assert list(VALIDATOR.iter_errors(data)) == []


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, prefix + (i,))


@st.composite
def corrupted_maps(draw):
    data = draw(valid_maps())
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(data) if p]
        path = draw(st.sampled_from(paths))
        parent = data
        for key in path[:-1]:
            parent = parent[key]
        action = draw(st.sampled_from(["replace", "delete"]))
        if action == "delete":
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(unknown_values | st.floats(allow_nan=False) | st.sampled_from(
                ["supporter", "", "powermap/2", "reports", 0, 6, -1, 3.5, "2026-13-01", "a b"]))
    return data


@SETTINGS
@given(corrupted_maps())
def test_corruption_is_reported_never_a_crash(data):
    problems = validate_data(copy.deepcopy(data))
    if problems:
        with pytest.raises(pk.MapFormatError) as err:
            pk.load_map(data)
        assert len(err.value.problems) == len(problems)
        for problem in problems:
            assert problem.render("en") and problem.render("zh")
    else:
        pk.load_map(data)


@SETTINGS
@given(corrupted_maps())
def test_schema_and_validator_agree(data):
    problems = {p.code for p in validate_data(data)}
    schema_ok = not list(VALIDATOR.iter_errors(data))
    if schema_ok:
        assert problems <= NOT_IN_SCHEMA, problems
    else:
        assert problems - NOT_IN_SCHEMA, "schema rejected what the validator accepted"


@SETTINGS
@given(st.binary(max_size=200))
def test_random_bytes_never_crash(tmp_path_factory, blob):
    path = tmp_path_factory.mktemp("b") / "f.json"
    path.write_bytes(blob)
    problems = pk.validate_file(path)
    assert problems  # random bytes are never a valid map


def test_shipped_schema_is_current():
    assert shipped_schema() == json.loads(json.dumps(json_schema()))
