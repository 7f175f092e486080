"""Properties of grading that must hold for every key and submission (hypothesis)."""

import copy
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from budget import examples

from powermap_kit.grading import grade, load_key
from powermap_kit.vocab import DECISION_MODES, RELATIONSHIP_TYPES, ROLES, STAGES, STANCES

# Distinct people: a Chinese name and its Latin rendering (an alias in the key).
NAMES = [("王伟", "Wang Wei"), ("李娜", "Li Na"), ("张敏", "Zhang Min"), ("刘洋", "Liu Yang"), ("陈静", "Chen Jing"),
         ("杨磊", "Yang Lei"), ("赵军", "Zhao Jun"), ("黄芳", "Huang Fang"), ("周涛", "Zhou Tao"), ("吴刚", "Wu Gang")]
TITLES = ["CIO", "CFO", "Dean 处长", "IT manager", "采购经理", "Lecturer 讲师", "Secretary", "VP 副校长", "Engineer", "Nurse"]
PROPS = settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def keys(draw):
    n = draw(st.integers(2, 7))
    picked = draw(st.permutations(range(len(NAMES))))[:n]
    people = []
    for i, k in enumerate(picked):
        person = {"id": f"k{i}", "name": NAMES[k][0], "title": TITLES[k],
                  "roles": draw(st.lists(st.sampled_from(ROLES), min_size=1, max_size=2, unique=True))}
        if draw(st.booleans()):
            person["power"] = draw(st.integers(1, 5))
        if draw(st.booleans()):
            person["stance"] = draw(st.sampled_from(STANCES))
        person["coach"] = draw(st.booleans())
        people.append(person)
    rels, seen = [], set()
    for _ in range(draw(st.integers(0, 2 * n))):
        a, b = draw(st.integers(0, n - 1)), draw(st.integers(0, n - 1))
        kind = draw(st.sampled_from(RELATIONSHIP_TYPES))
        if a == b or (kind == "reports_to" and a < b):   # reporting lines point up the list: no cycles
            continue
        if (a, b, kind) not in seen:
            seen.add((a, b, kind))
            rels.append({"source": f"k{a}", "target": f"k{b}", "type": kind})
    grading = {"aliases": {f"k{i}": [NAMES[k][1]] for i, k in enumerate(picked)},
               "tolerance": {"power": draw(st.integers(0, 2))}, "insights": []}
    first = people[0]
    grading["insights"].append({"id": "i1", "points": draw(st.integers(1, 10)),
                                "expect": {"stakeholder": "k0", "roles_include": first["roles"][0]}})
    if rels:
        grading["insights"].append({"id": "i2", "points": 5, "expect": {"relationship": rels[0]}})
    data = {"format": "powermap/1", "stakeholders": people, "relationships": rels, "grading": grading,
            "opportunity": {"stage": draw(st.sampled_from(STAGES)), "decision_mode": draw(st.sampled_from(DECISION_MODES))}}
    return data


@st.composite
def key_and_submission(draw):
    """A key and a trainee's attempt at it: some people left out, some fields wrong, Latin names for some."""
    key = draw(keys())
    sub = copy.deepcopy(key)
    del sub["grading"]
    kept = []
    for person in sub["stakeholders"]:
        if draw(st.integers(0, 4)) == 0:
            continue
        if draw(st.booleans()):
            person["name"] = key["grading"]["aliases"][person["id"]][0]
        if draw(st.booleans()):
            person["roles"] = draw(st.lists(st.sampled_from(ROLES), max_size=3, unique=True))
        if draw(st.booleans()):
            person["power"] = draw(st.integers(1, 5))
        if draw(st.booleans()):
            person["stance"] = draw(st.sampled_from(STANCES))
        if draw(st.booleans()):
            person["coach"] = draw(st.booleans())
        kept.append(person)
    ids = {p["id"] for p in kept}
    sub["stakeholders"] = kept
    sub["relationships"] = [r for r in sub["relationships"] if r["source"] in ids and r["target"] in ids
                            and draw(st.integers(0, 3)) > 0]
    if draw(st.booleans()):
        sub["opportunity"] = {"stage": draw(st.sampled_from(STAGES))}
    return key, sub


def total(sub, key):
    result = grade(sub, key)
    assert result.ok, result.error
    return result.total


def rename(sub, mapping):
    out = copy.deepcopy(sub)
    for person in out["stakeholders"]:
        person["id"] = mapping[person["id"]]
    for rel in out["relationships"]:
        rel["source"], rel["target"] = mapping[rel["source"]], mapping[rel["target"]]
    return out


def fullwidth(text):
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else "\u3000" if c == " " else c for c in text)


@PROPS
@given(keys())
def test_the_key_scores_100_against_itself(key):
    assert total(key, load_key(key)) == 100


@PROPS
@given(key_and_submission(), st.randoms(use_true_random=False))
def test_renaming_ids_does_not_change_the_score(pair, rnd):
    key, sub = pair
    ids = [p["id"] for p in sub["stakeholders"]]
    # New ids may even reuse the key's ids for other people: matching must not be fooled.
    pool = ids + [f"k{i}" for i in range(10)] + [f"x{i}" for i in range(10)]
    fresh = rnd.sample(sorted(set(pool)), len(ids))
    answer = load_key(key)
    assert total(rename(sub, dict(zip(ids, fresh))), answer) == total(sub, answer)


@PROPS
@given(key_and_submission(), st.randoms(use_true_random=False))
def test_reordering_people_and_relationships_does_not_change_the_score(pair, rnd):
    key, sub = pair
    shuffled = copy.deepcopy(sub)
    rnd.shuffle(shuffled["stakeholders"])
    rnd.shuffle(shuffled["relationships"])
    answer = load_key(key)
    assert total(shuffled, answer) == total(sub, answer)


@PROPS
@given(key_and_submission(), st.sampled_from(["upper", "lower", "fullwidth", "spaced"]))
def test_name_case_and_width_do_not_change_the_score(pair, how):
    key, sub = pair
    changed = copy.deepcopy(sub)
    for person in changed["stakeholders"]:
        name = person["name"]
        person["name"] = {"upper": name.upper(), "lower": name.lower(), "fullwidth": fullwidth(name),
                          "spaced": " " + " ".join(name) + " "}[how]
        assert unicodedata.normalize("NFKC", fullwidth(name)) == name
    answer = load_key(key)
    assert total(changed, answer) == total(sub, answer)


@PROPS
@given(key_and_submission(), st.data())
def test_removing_a_key_person_never_raises_the_score(pair, data):
    key, sub = pair
    if not sub["stakeholders"]:
        return
    answer = load_key(key)
    before = total(sub, answer)
    victim = data.draw(st.sampled_from([p["id"] for p in sub["stakeholders"]]))
    smaller = copy.deepcopy(sub)
    smaller["stakeholders"] = [p for p in smaller["stakeholders"] if p["id"] != victim]
    smaller["relationships"] = [r for r in smaller["relationships"] if victim not in (r["source"], r["target"])]
    assert total(smaller, answer) <= before


people_strategy = st.lists(st.fixed_dictionaries({
    "name": st.sampled_from([n for pair in NAMES for n in pair] + ["Someone", "王 伟", "ＣＩＯ"]),
    "title": st.sampled_from(TITLES + ["Boss"]),
    "roles": st.lists(st.sampled_from(ROLES), max_size=3, unique=True),
    "power": st.integers(1, 5), "stance": st.sampled_from(STANCES), "coach": st.booleans()}), max_size=12)


@PROPS
@given(keys(), people_strategy, st.integers(0, 30))
def test_the_total_stays_between_0_and_100(key, people, extra_penalty):
    key["grading"]["extra_people"] = extra_penalty
    sub = {"format": "powermap/1", "stakeholders": [{**p, "id": f"s{i}"} for i, p in enumerate(people)],
           "relationships": [{"source": f"s{i}", "target": f"s{i + 1}", "type": "influences"}
                             for i in range(len(people) - 1)]}
    result = grade(sub, load_key(key))
    assert 0 <= result.total <= 100
    assert all(0 <= result.criteria[c] <= result.maxima[c] + 0.05 for c in result.criteria)
