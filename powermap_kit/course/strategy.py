"""Strategy and relationships: per-stance strategy, trust, needs and motives, relationship steps,
visits, executives, handling a blocker, compliance (seeds 002 and 003 units 4–6).

Examples
--------
>>> check_relationship_order([], lang="en").status
'unanswered'
>>> r = check_relationship_order(["get_information", "work_together"], lang="en")
>>> r.status, r.lines[0][1]
('wrong', 'Missing: One-to-one meeting, Understand needs, Solve problems.')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .. import vocab
from ._base import (
    check_order, checked, classify, columns_table, data, given, join, lang_of, missing_first, pending, picked, t,
    unknown_items,
)
from .result import Result, following

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

__all__ = ["check_compliance", "check_opponent_moves", "check_relationship_order", "check_trust",
           "compliance_items", "executive_gaps", "executive_steps", "needs_and_motives", "opponent_moves",
           "relationship_steps", "stance_strategies", "trust_items", "trust_table", "visit_preparation"]


# ---- teaching tables ----------------------------------------------------------------------
def stance_strategies(lang: str | None = None) -> Styler:
    """Seed 002's per-stance strategy: win supporters, convert the neutral, handle opponents."""
    rows = [{"stance": vocab.label(s, "stance", lang), "chinese": vocab.label(s, "stance", "zh"),
             "goal": t(f"strategy.{s}.goal", lang), "moves": t(f"strategy.{s}.moves", lang)}
            for s in data()["stance_strategies"]]
    return columns_table(rows, ["stance", "chinese", "goal", "moves"], lang)


def _vocab_rows(kind: str, group: str, lang: str) -> list[dict[str, Any]]:
    return [{"kind": t(f"kind.{group}", lang), "code": item["code"], "entry": item["label"][lang],
             "chinese": item["label"]["zh"], "meaning": item["description"][lang]} for item in vocab.entries(kind)]


def trust_table(lang: str | None = None) -> Styler:
    """Seed 003 unit 4: three dimensions of individual trust and three items of organisational trust."""
    lang = lang_of(lang)
    rows = _vocab_rows("trust_dimension", "individual", lang) + _vocab_rows("org_trust", "organisational", lang)
    return columns_table(rows, ["kind", "code", "entry", "chinese", "meaning"], lang)


def needs_and_motives(lang: str | None = None) -> Styler:
    """Seed 003 unit 4: the four need dimensions and six personal motives (our definitions)."""
    lang = lang_of(lang)
    rows = _vocab_rows("need", "need", lang) + _vocab_rows("motive", "motive", lang)
    return columns_table(rows, ["kind", "entry", "chinese", "meaning"], lang)


def relationship_steps(lang: str | None = None) -> Styler:
    """Seed 003 unit 4: the five steps of building a relationship with a key person."""
    lang = lang_of(lang)
    rows = [{"no": n, "code": item["code"], "step": item["label"][lang], "chinese": item["label"]["zh"],
             "todo": item["description"][lang]} for n, item in enumerate(vocab.entries("relationship_step"), 1)]
    return columns_table(rows, ["no", "code", "step", "chinese", "todo"], lang)


def visit_preparation(lang: str | None = None) -> Styler:
    """Seed 003 unit 5: the five parts of preparing an important visit."""
    rows = [{"no": n, "entry": t(f"visit.{code}.name", lang), "chinese": t(f"visit.{code}.name", "zh"),
             "ask": t(f"visit.{code}.question", lang)} for n, code in enumerate(data()["visit_items"], 1)]
    return columns_table(rows, ["no", "entry", "chinese", "ask"], lang)


def executive_gaps(lang: str | None = None) -> Styler:
    """Seed 003 unit 6: the five gaps between a seller and a customer executive."""
    rows = [{"gap": t(f"exec_gap.{g}", lang), "chinese": t(f"exec_gap.{g}", "zh")} for g in data()["executive_gaps"]]
    return columns_table(rows, ["gap", "chinese"], lang)


def executive_steps(lang: str | None = None) -> Styler:
    """Seed 003 unit 6: the seven steps of developing executive relationships."""
    rows = [{"no": n, "step": t(f"exec_step.{s}.name", lang), "chinese": t(f"exec_step.{s}.name", "zh"),
             "todo": t(f"exec_step.{s}.what", lang)} for n, s in enumerate(data()["executive_steps"], 1)]
    return columns_table(rows, ["no", "step", "chinese", "todo"], lang)


def _items(name: str, prefix: str, lang: str | None) -> Styler:
    rows = [{"code": i["id"], "entry": t(f"{prefix}.{i['id']}", lang)} for i in data()[name]]
    return columns_table(rows, ["code", "entry"], lang)


def opponent_moves(lang: str | None = None) -> Styler:
    """The candidate moves of the blocker exercise (:func:`check_opponent_moves`)."""
    return _items("opponent_moves", "move", lang)


def trust_items(lang: str | None = None) -> Styler:
    """The actions of the trust exercise (:func:`check_trust`)."""
    return _items("trust_items", "trust_item", lang)


def compliance_items(lang: str | None = None) -> Styler:
    """The proposed actions of the compliance exercise (:func:`check_compliance`)."""
    return _items("compliance_items", "compliance", lang)


# ---- checks -------------------------------------------------------------------------------
def check_relationship_order(order: Sequence[str] | None, lang: str | None = None) -> Result:
    """Check seed 003's five relationship steps put in order (codes or labels)."""
    def build(lg: str) -> Result:
        codes = vocab.RELATIONSHIP_STEPS
        names = {c: [vocab.label(c, "relationship_step", other) for other in vocab.LANGUAGES] for c in codes}
        label = {c: vocab.label(c, "relationship_step", lg) for c in codes}
        return check_order(order, codes, names, label, t("order.relationship.what", lg),
                           t("order.relationship.hint", lg), lg)

    return following(build, lang)


def check_trust(answers: Mapping[str, str] | None, lang: str | None = None) -> Result:
    """Check which kind of trust each action builds (seed 003 unit 4).

    ``answers`` maps item ids (``t1`` …, see :func:`trust_items`) to a trust-dimension code
    (``professional``, ``expertise``, ``stance``) or an organisational-trust code
    (``company_strength``, ``product_service``, ``solution``).
    """
    def build(lg: str) -> Result:
        kinds = {c: "trust_dimension" for c in vocab.TRUST_DIMENSIONS} | {c: "org_trust" for c in vocab.ORG_TRUST}
        names = {c: [vocab.label(c, k, other) for other in vocab.LANGUAGES] for c, k in kinds.items()}
        label = {c: vocab.label(c, k, lg) for c, k in kinds.items()}
        return classify(answers, data()["trust_items"], "trust_item", tuple(kinds), names, label,
                        t("trust.title", lg), "trust.unanswered", t("trust.hint", lg), lg)

    return following(build, lang)


def check_opponent_moves(picks: Iterable[str] | None, lang: str | None = None) -> Result:
    """Check the moves chosen for handling a blocker (seed 002 FAQ 5); ``picks`` are move ids."""
    def build(lg: str) -> Result:
        items = data()["opponent_moves"]
        ids = [i["id"] for i in items]
        title, hint = t("moves.title", lg), t("moves.hint", lg)
        chosen = [p.strip().lower() if isinstance(p, str) else repr(p) for p in picked(picks)]
        if not chosen:
            return pending(title, t("moves.unanswered", lg, example=repr(ids[:2]), codes=join(ids, lg)), hint, lg)
        lines = unknown_items(chosen, ids, lg)
        for item in items:
            move, why = t(f"move.{item['id']}", lg), t(f"move.{item['id']}.why", lg)
            taken = item["id"] in chosen
            if item["good"] and taken:
                lines.append(("right", t("moves.good_taken", lg, move=move, why=why)))
            elif item["good"]:
                lines.append(("unanswered", t("moves.good_missed", lg, move=move, why=why)))
            elif taken:
                lines.append(("wrong", t("moves.bad_taken", lg, move=move, why=why)))
        good = {i["id"] for i in items if i["good"]}
        return checked(title, lines, len(good & set(chosen)) / len(good | set(chosen)), hint, lg,
                       record={"answer": chosen})

    return following(build, lang)


def _yes_no(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        folded = value.strip().lower().replace(" ", "_").replace("-", "_")
        if folded in ("ok", "yes", "legitimate", "可以", "合规"):
            return True
        if folded in ("not_ok", "no", "over_the_line", "越界", "不可以", "违规"):
            return False
    return None


def check_compliance(answers: Mapping[str, Any] | None, lang: str | None = None) -> Result:
    """Check which proposed actions are legitimate (``"ok"``) or over the line (``"not_ok"``).

    The medical-device case's compliance question (case-guide "Compliance").
    """
    def build(lg: str) -> Result:
        items = data()["compliance_items"]
        ids = [i["id"] for i in items]
        title, hint = t("compliance.title", lg), t("compliance.hint", lg)
        answered = given(answers)
        if not answered:
            return pending(title, t("compliance.unanswered", lg, example=repr({ids[0]: "ok"}), items=join(ids, lg)),
                           hint, lg)
        lines, right, missing = unknown_items(answered, ids, lg), 0, []
        verdict = {True: t("compliance.ok", lg), False: t("compliance.not_ok", lg)}
        for item in items:
            if item["id"] not in answered:
                missing.append(item["id"])
                continue
            text, why = t(f"compliance.{item['id']}", lg), t(f"compliance.{item['id']}.why", lg)
            said = _yes_no(answered[item["id"]])
            if said is None:
                lines.append(("wrong", t("compliance.bad_value", lg, item=item["id"],
                                         value=repr(answered[item["id"]]))))
            elif said == item["ok"]:
                right += 1
                lines.append(("right", t("compliance.right_line", lg, item=text, verdict=verdict[item["ok"]], why=why)))
            else:
                lines.append(("wrong", t("compliance.wrong_line", lg, item=text, given=verdict[said],
                                         verdict=verdict[item["ok"]], why=why)))
        return checked(title, missing_first(lines, missing, lg), right / len(items), hint, lg)

    return following(build, lang)
