"""Pre- and post-course assessment: the same five competencies, different items, gains per competency.

A learner answers a short check before the course (form ``pre``) and after it (form
``post``): three items for each competency — identifying buying roles, recognising the
buying stage, reading the decision mode, rating support, choosing the next action. The
learner sees a score per competency, never the answers, so the items can be used again
next month. Answers go to the learner's answer log like every exercise (exercise
``assessment.pre.roles`` …); :func:`assessment_gains` reads a room's logs and gives each
learner's and the room's gain per competency, and :func:`gains_picture` draws it.

Core code: no Jupyter import.

>>> [i["id"] for i in assessment_items("pre", "roles")]
['pre-roles-1', 'pre-roles-2', 'pre-roles-3']
>>> r = check_assessment("pre", "roles", {"pre-roles-1": "approver", "pre-roles-2": "user",
...                                        "pre-roles-3": "evaluator"}, lang="en")
>>> r.score, r.status
(0.67, 'info')
>>> "approver" in str(r) or "gatekeeper" in str(r)   # the answers are never shown
False
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from . import vocab
from .course import Result
from .errors import InvalidValue

if TYPE_CHECKING:
    import pandas as pd

    from .course.display import Picture

__all__ = ["COMPETENCIES", "FORMS", "assessment_gains", "assessment_items", "assessment_options",
           "assessment_questions", "assessment_scores", "check_assessment", "gains_picture"]

COMPETENCIES: tuple[str, ...] = ("roles", "stages", "modes", "support", "actions")
"""The competencies both forms check, in the order they are asked."""
FORMS: tuple[str, ...] = ("pre", "post")
"""The two forms: before the course and after it."""


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    text = resources.files("powermap_kit").joinpath("data/assessment.json").read_text("utf-8")
    return json.loads(text)


def _lang(lang: str | None) -> str:
    return vocab.checked_language(lang) if lang else vocab.get_language()


def _t(key: str, lang: str, **params: Any) -> str:
    return vocab.text(f"assessment.{key}", lang=lang, **params)


def _checked(form: str, competency: str | None = None) -> None:
    if form not in FORMS:
        raise InvalidValue.not_one_of("form", form, FORMS)
    if competency is not None and competency not in COMPETENCIES:
        raise InvalidValue.not_one_of("competency", competency, COMPETENCIES)


def assessment_items(form: str, competency: str | None = None) -> list[dict[str, Any]]:
    """The items of one form (and competency), in order, as stored (both languages, with answers)."""
    _checked(form, competency)
    return [i for i in _data()["items"] if i["form"] == form and competency in (None, i["competency"])]


def assessment_questions(form: str, competency: str) -> dict[str, dict[str, str]]:
    """Item id → its text in both languages: the ``items`` of an exercise form (no answers)."""
    return {i["id"]: dict(i["text"]) for i in assessment_items(form, competency)}


def assessment_options(form: str, competency: str) -> dict[str, Any]:
    """Item id → the options to choose from: a vocabulary kind, or the item's own options."""
    shared = _data()["competencies"][competency]["options"]
    return {i["id"]: shared or dict(i["options"]) for i in assessment_items(form, competency)}


def competency_label(competency: str, lang: str | None = None) -> str:
    """The competency's name in the language: "Identifying buying roles", "识别采购角色"."""
    _checked("pre", competency)
    return _data()["competencies"][competency]["label"][_lang(lang)]


def check_assessment(form: str, competency: str, answers: Mapping[str, Any] | None,
                     lang: str | None = None) -> Result:
    """Score one competency of a form: a share right, recorded; the answers are not shown.

    An answer that is missing, empty or not one of the item's options counts as not
    answered, and the learner is asked to choose for every item before the score counts.
    """
    _checked(form, competency)
    lg = _lang(lang)
    items = assessment_items(form, competency)
    options = assessment_options(form, competency)
    given = answers if isinstance(answers, Mapping) else {}
    title = competency_label(competency, lg)
    record = {"question": f"{form}.{competency}", "kind": "assessment", "form": form, "competency": competency,
              "answer": {i["id"]: given.get(i["id"]) for i in items}}
    valid = {}
    for item in items:
        allowed = options[item["id"]]
        codes = vocab.codes(allowed) if isinstance(allowed, str) else tuple(allowed)
        value = given.get(item["id"])
        if isinstance(value, str) and value in codes:
            valid[item["id"]] = value
    missing = len(items) - len(valid)
    if missing:
        message = _t("missing", lg, count=missing, total=len(items))
        return Result("unanswered", 0.0, title, message, (), _t("missing_hint", lg), lg,
                      {**record, "answered": len(valid)})
    right = sum(valid[i["id"]] == i["answer"] for i in items)
    score = round(right / len(items), 2)
    return Result("info", score, title, _t("recorded", lg, right=right, total=len(items)), (),
                  _t("recorded_hint", lg), lg, {**record, "right": right, "total": len(items)})


# ---- the room's gains --------------------------------------------------------------------------
def assessment_scores(source: str | os.PathLike | Iterable[str | os.PathLike] | pd.DataFrame) -> pd.DataFrame:
    """Each learner's latest complete score per form and competency (columns learner, form,
    competency, score), from a folder of answer logs, a list of logs or :func:`collect_answers`."""
    import pandas as pd

    from .progress import answers_frame

    frame = answers_frame(source)
    columns = ["learner", "form", "competency", "score"]
    done = frame[(frame["kind"] == "assessment") & (frame["status"] == "info") & frame["form"].isin(FORMS)
                 & frame["competency"].isin(COMPETENCIES)]
    if done.empty:
        return pd.DataFrame(columns=columns)
    done = done.sort_values("time", kind="stable").groupby(["learner", "form", "competency"], as_index=False).last()
    return done[columns].reset_index(drop=True)


def assessment_gains(source: str | os.PathLike | Iterable[str | os.PathLike] | pd.DataFrame,
                     lang: str | None = None) -> pd.DataFrame:
    """Pre, post and gain per learner and competency, then the room's mean (learner "room").

    Scores are shares (0–1); a learner who has not taken one form has no gain for it.
    """
    import pandas as pd

    scores = assessment_scores(source)
    rows: list[dict[str, Any]] = []
    for learner in sorted(scores["learner"].unique(), key=str):
        mine = scores[scores["learner"] == learner]
        for comp in COMPETENCIES:
            pre = mine[(mine["form"] == "pre") & (mine["competency"] == comp)]["score"]
            post = mine[(mine["form"] == "post") & (mine["competency"] == comp)]["score"]
            a = float(pre.iloc[0]) if len(pre) else None
            b = float(post.iloc[0]) if len(post) else None
            rows.append({"learner": learner, "competency": comp, "pre": a, "post": b,
                         "gain": None if a is None or b is None else round(b - a, 2)})
    frame = pd.DataFrame(rows, columns=["learner", "competency", "pre", "post", "gain"])
    if not frame.empty:
        room = frame.groupby("competency", sort=False)[["pre", "post", "gain"]].mean().round(2).reset_index()
        room.insert(0, "learner", "room")
        frame = pd.concat([frame, room], ignore_index=True)
    lg = _lang(lang)
    frame["competency"] = [competency_label(c, lg) for c in frame["competency"]]
    return frame


def gains_picture(gains: pd.DataFrame, learner: str = "room", lang: str | None = None) -> Picture:
    """Bars of pre and post per competency for the room (or one learner), with the gain written on each."""
    import matplotlib
    from matplotlib.figure import Figure

    from .course.display import Picture
    from .render.fonts import families, figure_svg

    lg = _lang(lang)
    part = gains[gains["learner"] == learner]
    labels = list(part["competency"])
    with matplotlib.rc_context({"font.family": families()}):
        return _gains_figure(part, lg, learner)


def _gains_figure(part: pd.DataFrame, lg: str, learner: str) -> Picture:
    from matplotlib.figure import Figure

    from .course.display import Picture
    from .render.fonts import figure_svg

    labels = list(part["competency"])
    fig = Figure(figsize=(7.5, 3.4))
    ax = fig.subplots()
    x = range(len(labels))
    pre = [v if v == v and v is not None else 0 for v in part["pre"]]
    post = [v if v == v and v is not None else 0 for v in part["post"]]
    ax.bar([i - 0.2 for i in x], pre, width=0.4, label=_t("pre", lg), color="#90a4ae")
    ax.bar([i + 0.2 for i in x], post, width=0.4, label=_t("post", lg), color="#2e7d32")
    for i, g in zip(x, part["gain"]):
        if g == g and g is not None:
            ax.text(i, 1.03, f"{g:+.0%}", ha="center", fontsize=9)
    ax.set_xticks(list(x), labels, fontsize=8)
    ax.set_ylim(0, 1.12)
    ax.set_ylabel(_t("share_right", lg))
    who = _t("room", lg) if learner == "room" else str(learner)
    ax.set_title(_t("picture_title", lg, who=who))
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    return Picture(figure_svg(fig), _t("picture_title", lg, who=who))
