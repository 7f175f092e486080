"""The typed fast path (powermap_kit.typed, read by grading as views and by load_map) accepts
only files the checked reader passes without a word, and reads them exactly as the checked
path does."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from budget import examples

from powermap_kit import vocab
from powermap_kit.grading import grade, load_key
from powermap_kit import typed as plain
from powermap_kit.grading import typed
from powermap_kit.grading.grade import _grade_map
from powermap_kit.grading.view import MapView
from powermap_kit.io import _decoded, _parse_full
from powermap_kit.validation import validate_data

pytestmark = pytest.mark.skipif(not typed.available(), reason="msgspec is not installed")

KEY = load_key({"format": "powermap/1", "opportunity": {"stage": "evaluating"},
                "stakeholders": [{"id": "a", "name": "Li Ming", "roles": ["approver"], "power": 4, "stance": "support",
                                  "coach": True},
                                 {"id": "b", "name": "王伟", "title": "CIO", "roles": ["evaluator"], "stance": "oppose"}],
                "relationships": [{"source": "b", "target": "a", "type": "reports_to"}]})


def checked(raw: bytes):
    """The checked reader: (data, problems) with repeated keys and validation included."""
    raw, text, problems = _decoded(raw, None)
    if text is None:
        return None, problems
    data, problems, marked, _ = _parse_full(text, None)
    if problems or marked:
        return None, problems or [marked]
    return data, validate_data(data)


def people_of(view):
    return [(p.id, p.name, p.title, list(p.roles), p.power, p.stance, p.coach, p.stance_or_unknown)
            for p in view.stakeholders]


def agrees(raw: bytes) -> bool:
    view = typed.read_view(raw)
    if view is None:
        return False
    data, problems = checked(raw)
    assert problems == [], (raw, problems)
    exact = MapView(data)
    assert people_of(view) == people_of(exact)
    assert [(r.source, r.target, r.type) for r in view.relationships] == \
        [(r.source, r.target, r.type) for r in exact.relationships]
    assert (view.opportunity.stage, view.opportunity.decision_mode, view.meta) == \
        (exact.opportunity.stage, exact.opportunity.decision_mode, exact.meta)
    assert view.data == data
    roles_read = {**data, "stakeholders": [{"roles": [], **p} for p in data["stakeholders"]]}
    assert plain.data_of(plain.decode_plain(raw)[0]) == roles_read  # what load_map builds its map from
    assert _grade_map(view, KEY, "f.json", "en").to_dict() == _grade_map(exact, KEY, "f.json", "en").to_dict()
    return True


PLAIN = {"format": "powermap/1", "opportunity": {"stage": "evaluating", "decision_mode": "top_down",
                                                 "name": "ERP", "value": 1200000.5, "competitors": ["SAP"]},
         "account": {"name": "ACME", "industry": "Retail"}, "meta": {"author": "Zhang San", "n": [1, {"k": None}]},
         "stakeholders": [
             {"id": "p1", "name": "Li Ming", "title": "CFO 财务总监", "roles": ["approver", "decision_maker"],
              "power": 5, "stance": "neutral", "coach": False, "support": {vocab.codes("support_dimension")[0]: 3},
              "needs": ["cost"], "last_verified": "2024-02-29", "evidence": {"power": "doc 3: signs off"}},
             {"id": "p2", "name": "王伟", "roles": ["evaluator"], "relationship_step": vocab.codes("relationship_step")[1]}],
         "relationships": [{"source": "p2", "target": "p1", "type": "reports_to", "strength": 2, "note": "x"}],
         "coverage": [{"stakeholder": "p1", "owner": "me", "channel": "visit", "last_contact": "2024-03-01"}]}


def test_a_plain_file_takes_the_fast_path_and_reads_the_same():
    assert agrees(json.dumps(PLAIN, ensure_ascii=False, indent=2).encode())
    assert agrees(b"\xef\xbb\xbf" + json.dumps(PLAIN, ensure_ascii=False).encode())  # with a BOM
    assert typed.read_view(json.dumps(PLAIN).encode()) is None  # "\u738b": an escape, read the checked way
    # a submission graded from a file is graded as its data is
    assert grade(PLAIN, KEY).to_dict()["criteria"] == _grade_map(
        typed.read_view(json.dumps(PLAIN, ensure_ascii=False).encode()), KEY, None, "en").to_dict()["criteria"]


def variant(change):
    data = json.loads(json.dumps(PLAIN))
    change(data)
    return json.dumps(data, ensure_ascii=False).encode()


@pytest.mark.parametrize("change", [
    lambda d: d["stakeholders"][0].update(power=6), lambda d: d["stakeholders"][0].update(power=4.0),
    lambda d: d["stakeholders"][0].update(power=True), lambda d: d["stakeholders"][0].update(roles=["boss"]),
    lambda d: d["stakeholders"][0].update(stance=None),
    lambda d: d["stakeholders"][0].update(name=" "), lambda d: d["stakeholders"][0].update(name="\u200b"),
    lambda d: d["stakeholders"][0].update(id="p 1"), lambda d: d["stakeholders"][0].update(id="p2"),
    lambda d: d["stakeholders"][0].update(last_verified="2023-02-29"), lambda d: d["stakeholders"][0].update(x=1),
    lambda d: d["stakeholders"][0]["support"].update(charm=3), lambda d: d["stakeholders"][0].update(coach=1),
    lambda d: d["relationships"].append({"source": "p1", "target": "p2", "type": "reports_to"}),
    lambda d: d["relationships"].append({"source": "p1", "target": "p1", "type": "ally"}),
    lambda d: d["relationships"].append({"source": "p1", "target": "zz", "type": "ally"}),
    lambda d: d["relationships"][0].update(strength=4), lambda d: d["relationships"][0].update(type="friend"),
    lambda d: d["coverage"][0].update(stakeholder="zz"), lambda d: d["coverage"][0].update(channel="fax"),
    lambda d: d["opportunity"].update(value=-1), lambda d: d["opportunity"].update(value=10**15 + 1),
    lambda d: d["opportunity"].update(stage=None), lambda d: d.update(opportunity=None), lambda d: d.update(meta=[]),
    lambda d: d.update(format="powermap/2"), lambda d: d.update(format="powermap"), lambda d: d.update(extra=1),
    lambda d: d["stakeholders"][1].update(notes="a\\b"), lambda d: d["meta"].update(n=1e20),
    lambda d: d["meta"].update(n=123456789012345678), lambda d: d["stakeholders"][1].update(name="x\x85"),
    lambda d: d["meta"].update(n=[{"m": -(2**53) - 1}]), lambda d: d["meta"].update(n=10**120),
    lambda d: d["meta"]["n"][1].update(k=2**53 + 0.5 * 2**53),
])
def test_anything_not_plainly_valid_is_read_the_checked_way(change):
    assert typed.read_view(variant(change)) is None


def test_a_repeated_key_is_read_the_checked_way():
    raw = json.dumps(PLAIN, ensure_ascii=False).encode()
    for dup in (b'"name": "Li Ming", "name": "Han"', b'"name": "Li Ming", "name" :"Han"',
                b'"name":"Li Ming","name":"Li Ming"'):
        bad = raw.replace(b'"name": "Li Ming"', dup, 1)
        assert bad != raw and typed.read_view(bad) is None
    assert typed.read_view(raw.replace(b'"author": "Zhang San"', b'"author": "Zhang San", "author": "X"')) is None
    # Colons inside strings (keys and values, kept or dropped) and around them in any layout.
    for dup in (b'"name": "Li:Ming", "name": "Han"', b'"name" : "Li Ming" , "name":"Han:"',
                b'"name": "Li Ming", "name" : "Li Ming"'):
        assert typed.read_view(raw.replace(b'"name": "Li Ming"', dup, 1)) is None
    assert typed.read_view(raw.replace(b'"author": "Zhang San"', b'"a:b": ":", "a:b": "x"')) is None
    spaced = raw.replace(b'"name": "Li Ming"', b'"name" :\n "Li: Ming", "notes" : "a : b"', 1)
    view = typed.read_view(spaced)
    assert view is not None and "Li: Ming" in [p.name for p in view.stakeholders]


@pytest.mark.parametrize("written, value", [
    (b"1.5e3", 1500.0), (b"15E-1", 1.5), (b"0.1000000000000000055511151231257827", 0.1), (b"-0.0", -0.0),
    (b"9007199254740992", 2**53), (b"-9007199254740992", -(2**53)), (b"9007199254740993.0", 9007199254740992.0),
    (b"12345678901234.5", 12345678901234.5), (b"1e15", 1e15),
])
def test_numbers_however_written_read_as_the_checked_way_reads_them(written, value):
    raw = json.dumps(PLAIN, ensure_ascii=False).encode()
    in_meta = raw.replace(b'"author": "Zhang San"', b'"author": "Zhang San", "x": ' + written + b', "y": [' + written + b"]")
    assert agrees(in_meta)
    view = typed.read_view(in_meta)
    assert view.meta["x"] == value and type(view.meta["x"]) is type(value) and view.meta["y"] == [value]
    if value >= 0 and value <= 10**15:  # a deal's value: a number from 0 to 10**15
        assert agrees(raw.replace(b'"value": 1200000.5', b'"value": ' + written))


@pytest.mark.parametrize("written", [b"9007199254740993", b"-9007199254740993", b"1e16", b"1" + b"0" * 120,
                                     b"1e400", b"-1E999", b"NaN", b"Infinity"])
def test_numbers_beyond_the_format_are_read_the_checked_way(written):
    raw = json.dumps(PLAIN, ensure_ascii=False).encode()
    assert typed.read_view(raw.replace(b'"author": "Zhang San"', b'"author": "Zhang San", "x": [' + written + b"]")) is None
    assert typed.read_view(raw.replace(b'"value": 1200000.5', b'"value": ' + written)) is None


codes = st.sampled_from([*vocab.codes("role")[:3], *vocab.codes("stance")[:3], "boss", None, 3, True])
values = st.one_of(st.none(), st.booleans(), st.integers(-1, 6), st.sampled_from([2.5, 10**15, 4.0]),
                   st.sampled_from([2**53, 2**53 + 1, -(2**53) - 1, 1e20, 1.0000000000000002, 10**30, 0.1]),
                   st.sampled_from(["a", "p1", "p2", " ", "Li Ming", "2024-01-31", "x:y", ":"]),
                   st.lists(codes, max_size=2), st.fixed_dictionaries({}, optional={"k": st.integers(1, 5)}))
person = st.fixed_dictionaries({"id": st.sampled_from(["p1", "p2", "p3", "p 4"]), "name": st.sampled_from(
    ["Li Ming", "王伟", "Han", " "])}, optional={f: st.one_of(codes, values) for f in (
        "roles", "power", "stance", "coach", "title", "relationship_step", "needs", "last_verified", "odd")})
person = person.map(lambda p: {**p, "roles": [p["roles"]] if isinstance(p.get("roles"), str) else p.get("roles", [])})
line = st.fixed_dictionaries({"source": st.sampled_from(["p1", "p2", "p3"]), "target": st.sampled_from(["p1", "p2"]),
                              "type": st.sampled_from(["reports_to", "ally", "influences", "friend"])},
                             optional={"strength": values, "note": values})
documents = st.fixed_dictionaries({"format": st.sampled_from(["powermap/1", "powermap/1.2", "powermap/3"]),
                                   "stakeholders": st.lists(person, max_size=4)},
                                  optional={"relationships": st.lists(line, max_size=3), "meta": values,
                                            "opportunity": st.fixed_dictionaries({}, optional={
                                                "stage": st.sampled_from(["evaluating", "won", None]),
                                                "value": values})})


@st.composite
def layouts(draw):
    data = draw(documents)
    text = json.dumps(data, ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from([None, 1])))
    if draw(st.booleans()):  # repeat a key somewhere
        text = text.replace('"name": ', '"name": "Dup", "name" : ', 1)
    if draw(st.booleans()):  # numbers written other ways (an exponent, trailing zeros)
        text = text.replace(": 2.5", ": 25e-1").replace(": 4.0", ": 4E0").replace(": 3,", ": 3.000e0,")
    return text.encode()


@settings(max_examples=examples(500), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layouts())
def test_the_fast_path_never_disagrees_with_the_checked_one(raw):
    agrees(raw)


def test_written_out_empty_lists_and_left_out_roles_read_alike():
    assert agrees(variant(lambda d: d["stakeholders"][0].update(roles=[], needs=[])))
    assert agrees(variant(lambda d: d["stakeholders"][0].pop("roles")))
    view = typed.read_view(variant(lambda d: d["stakeholders"][0].pop("roles")))
    assert view.stakeholders[0].roles == [] and view.data["stakeholders"][0].get("roles") is None


def test_the_fast_path_takes_most_generated_plain_files():
    taken = sum(agrees(variant(lambda d, i=i: d["stakeholders"][0].update(power=1 + i % 5))) for i in range(10))
    assert taken == 10


def test_without_msgspec_every_file_is_read_the_checked_way(monkeypatch, tmp_path):
    monkeypatch.setattr(plain, "msgspec", None)
    assert typed.read_view(json.dumps(PLAIN).encode()) is None
    path = tmp_path / "sub.json"
    path.write_text(json.dumps(PLAIN), "utf-8")
    assert grade(path, KEY).total == grade(PLAIN, KEY).total


def test_a_typed_view_travels_to_other_processes_as_its_data():
    import pickle

    view = typed.read_view(json.dumps(PLAIN, ensure_ascii=False).encode())
    back = pickle.loads(pickle.dumps(view))
    assert isinstance(back, MapView) and people_of(back) == people_of(view) and back.data == view.data


@pytest.mark.parametrize("reports, fine", [
    ([], True), ([("b", "a"), ("c", "a"), ("d", "b")], True), ([("a", "b"), ("b", "c"), ("c", "a")], False),
    ([("x", "y"), ("a", "b"), ("b", "a")], False), ([("a", "b"), ("a", "c"), ("c", "d")], True),
    ([("a", "b"), ("a", "c"), ("c", "a")], False), ([("d", "c"), ("c", "b"), ("b", "a"), ("e", "c")], True),
])
def test_reporting_loops_are_found_as_validation_finds_them(reports, fine):
    from powermap_kit._plain import find_cycle

    lines: dict[str, list[str]] = {}
    for source, target in reports:
        lines.setdefault(source, []).append(target)
    assert plain._no_loop(reports) is fine and (find_cycle(lines) is None) is fine


@settings(max_examples=examples(400), deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abcdefg"), st.sampled_from("abcdefg")).filter(lambda t: t[0] != t[1]),
                max_size=9, unique=True))
def test_any_reporting_lines_have_a_loop_exactly_when_validation_finds_one(reports):
    from powermap_kit._plain import find_cycle

    lines: dict[str, list[str]] = {}
    for source, target in reports:
        lines.setdefault(source, []).append(target)
    assert plain._no_loop(reports) is (find_cycle(lines) is None)
    one_boss = list({source: (source, target) for source, target in reports}.values())  # the usual tree-like case
    single: dict[str, list[str]] = {source: [target] for source, target in one_boss}
    assert plain._no_loop(one_boss) is (find_cycle(single) is None)
