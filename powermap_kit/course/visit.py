"""The visit-plan check (notebook 09): seed 003's test of an important visit, applied by rules.

Seed 003 unit 5 asks that a visit end with an **action commitment** (行动承诺): the customer
agrees to *do* something that moves the deal. A plan passes three tests:

commitment
    an action the customer takes (confirm, arrange, introduce, send, sign …; 确认、安排、
    引荐、发给、签 …), not a feeling ("she likes us more", "关系更好" fail);
objective
    tied to this person's needs or role: it names one of the person's needs (``needs=``),
    the person, or a need, worry, target, cost or risk of theirs;
next step
    dated: a weekday, a date, "by the end of the month", "下周三", "月底前" …

The check is a **heuristic** — keywords and patterns in both languages plus the plan's
structure, not understanding — so it is written to fail the vague plans the seed warns
against (cake and football, "she likes us a lot more") and to pass plain, concrete ones;
an unusual wording may need a trainer's eye. Fields: ``objective`` (or ``visit_goal``),
``commitment``, ``next_step``; the seed's other preparation items (``assumed_needs``,
``competitor_assumptions``, ``differences``, ``guidance_path``) may be given too and are
checked for being said in a usable sentence.

>>> check_visit_plan(objective="She likes us a lot more", next_step="bring cake and talk about football",
...                  lang="en").status
'wrong'
>>> check_visit_plan(objective="Address Ms Han's worry about five-year cost",
...                  commitment="Ms Han agrees to review our TCO model with her team",
...                  next_step="Send the model by Friday 12 June; meet on 16 June", lang="en").status
'right'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from ._base import checked, data, join, pending, t
from .result import Result, following

__all__ = ["check_visit_plan", "visit_tests"]

FIELDS = {"objective": ("objective", "visit_goal", "goal"), "commitment": ("commitment", "action_commitment"),
          "next_step": ("next_step", "next")}

_ACTION = re.compile(
    r"\b(agree[sd]?|confirm|approve|sign|introduc|arrang|schedul|send|share|set up|invit|attend|join|review|"
    r"provid|nominat|book|test|pilot|forward|commit|decide|hand over|put us in touch|take us|walk us|sponsor|"
    r"present|bring (?:his|her|their)|call)\w*"
    r"|同意|确认|安排|签|批准|审批|介绍|引荐|约|发给|提供|参加|出席|参观|试用|试点|审核|审阅|转给|邀请|推荐|"
    r"答应|承诺|确定|指定|组织|召集|带我们|牵头|拍板|提交|填写|回复|测试",
    re.I)
_FEELING = re.compile(
    r"\b(likes?|liking|love|trust(?:s)? us|happy|happier|feel|feels|impress\w*|closer|warm\w*|friend\w*|"
    r"relationship|good impression|rapport)\b|喜欢|好感|信任我们|满意|印象|关系更好|关系更近|感情|开心|认可我们|交朋友",
    re.I)
_SOCIAL = re.compile(r"\b(cake|football|soccer|dinner|drinks?|gift|golf|karaoke|chat)\b|蛋糕|足球|吃饭|喝酒|送礼|"
                     r"高尔夫|唱歌|聊天|闲聊", re.I)
_NEED = re.compile(
    r"\b(need|concern|worr|priorit|risk|cost|saving|pain|problem|target|kpi|deadline|audit|budget|requirement|"
    r"goal|pressure|downtime|quality|delay|criteria|tco|return|roi)\w*|需求|需要|关心|担心|顾虑|痛点|问题|目标|考核|"
    r"指标|成本|风险|预算|要求|压力|停机|质量|延误|标准|回报", re.I)
_DATE = re.compile(
    r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? ?\d"
    r"|\b\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}\b"
    r"|\bby (the )?(end of|next|this)\b|\btomorrow\b|\bnext (week|month)\b|\bwithin \d+ (days|weeks)\b"
    r"|\b(by|before|in|mid-|early|late) ?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|[上中下]旬"
    r"|周[一二三四五六日天]|星期[一二三四五六日天]|\d+月\d+[日号]|\d+[日号][前之]|[下本这]周|下个?月|明天|后天|月底|月初|月中"
    r"|\d+天内|\d+周内", re.I)


def _cjk_short(text: str) -> bool:
    # A CJK character carries about a word; Latin text is counted in words.
    cjk = len(re.findall(r"[\u3400-\u9fff]", text))
    return cjk < 6 and len(text.split()) < 4


def visit_tests(objective: str, commitment: str, next_step: str, person: str | None = None,
                needs: Iterable[str] = ()) -> dict[str, str]:
    """Which of seed 003's tests a plan passes: test → ``"ok"`` or the reason code it fails."""
    found: dict[str, str] = {}
    if not commitment:
        found["commitment"] = "missing"
    elif _ACTION.search(commitment):
        found["commitment"] = "ok"
    else:
        found["commitment"] = "feeling" if _FEELING.search(commitment) else "no_action"
    words = [w for w in (person or "").replace("(", " ").replace(")", " ").split() if len(w) >= 2]
    mentions = [n for n in needs if isinstance(n, str) and n.strip()]
    if not objective:
        found["objective"] = "missing"
    elif (_NEED.search(objective) or any(w.lower() in objective.lower() for w in words)
          or any(n.lower() in objective.lower() for n in mentions)) and not _only_feeling(objective):
        found["objective"] = "ok"
    else:
        found["objective"] = "feeling" if _FEELING.search(objective) else "no_need"
    if not next_step:
        found["next_step"] = "missing"
    else:
        found["next_step"] = "ok" if _DATE.search(next_step) else "no_date"
    return found


def _only_feeling(text: str) -> bool:
    return bool(_FEELING.search(text)) and not _NEED.search(text) and not _ACTION.search(text)


def check_visit_plan(plan: Mapping[str, Any] | None = None, person: str | None = None, lang: str | None = None,
                     needs: Iterable[str] = (), **fields: Any) -> Result:
    """Check a visit plan against seed 003's tests (see the module docstring): a customer commitment
    that is an action, an objective tied to this person's needs, a dated next step.

    The plan is a mapping or keyword arguments (what the Exercise widget's text fields give).
    Without a ``commitment`` field the objective is read as the commitment; without a
    ``next_step`` the date may stand in the commitment.
    """
    given = dict(plan) if isinstance(plan, Mapping) else {}
    given.update(fields)

    def build(lg: str) -> Result:
        title = t("visit.title", lg, person=t("visit.for", lg, name=person) if person else "")
        hint = t("visit.hint", lg)
        filled = {k: str(v).strip() for k, v in given.items() if isinstance(v, (str, int, float)) and str(v).strip()}
        if not filled:
            return pending(title, t("visit2.unanswered", lg), hint, lg)
        known = [c for names in FIELDS.values() for c in names] + list(data()["visit_items"])
        lines: list[tuple[str, str]] = []
        unknown = [k for k in filled if k not in known]
        if unknown:
            lines.append(("wrong", t("visit.unknown_items", lg, items=join(unknown, lg))))
        text = {f: next((filled[n] for n in names if n in filled), "") for f, names in FIELDS.items()}
        commitment = text["commitment"] or text["objective"]
        next_step = text["next_step"] or (commitment if _DATE.search(commitment) else "")
        tests = visit_tests(text["objective"], commitment, next_step, person, needs)
        right = 0
        for test, verdict in tests.items():
            if verdict == "ok":
                right += 1
                lines.append(("right", t(f"visit2.{test}.ok", lg)))
            else:
                lines.append(("wrong" if verdict != "missing" else "unanswered", t(f"visit2.{test}.{verdict}", lg)))
        if any(_SOCIAL.search(v) for v in filled.values()):
            lines.append(("wrong", t("visit2.social", lg)))
            right = min(right, 2)
        short = [c for c in data()["visit_items"] if c in filled and c != "visit_goal" and _cjk_short(filled[c])]
        lines += [("partly", t("visit.short", lg, item=t(f"visit.{c}.name", lg))) for c in short]
        sep = "：" if lg == "zh" else ": "
        lines += [("info", f"{t('visit2.label.' + f, lg)}{sep}{v}") for f, v in text.items() if v]
        lines += [("info", f"{t(f'visit.{c}.name', lg)}{sep}{filled[c]}") for c in data()["visit_items"]
                  if c in filled and c != "visit_goal"]
        score = right / 3 * (0.9 if short and right == 3 else 1.0)
        if right == 0:
            score = 0.0
        return checked(title, lines, score, hint, lg, record={"answer": filled, "tests": tests})

    return following(build, lang)
