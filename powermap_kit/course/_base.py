"""What every course topic module shares: text, answer reading, tables, people's names, course data.

Wording comes from the ``course.*`` texts (``data/text/course_*.json``); course data (the
practice maps, exercise items, module times, agendas) from ``data/course.json``.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from .. import localize, vocab
from ..cases import Case, load_case
from ..diff import normalise
from ..model import PowerMap
from .result import Result, lines_of, status_of

if TYPE_CHECKING:
    import pandas as pd
    from pandas.io.formats.style import Styler


@lru_cache(maxsize=None)
def data() -> dict[str, Any]:
    """``data/course.json``: practice maps, exercise items, building steps, module times, agendas."""
    return json.loads(resources.files("powermap_kit").joinpath("data/course.json").read_text("utf-8"))


def t(key: str, lang: str | None = None, **params: Any) -> str:
    """A ``course.*`` text in the language."""
    return vocab.text(f"course.{key}", lang=lang, **params)


def lang_of(lang: str | None) -> str:
    return vocab._lang(lang)


def field_label(name: str, lang: str | None = None) -> str:
    """The label of a stakeholder field ("power", "roles", "stance"): defined once, in ``field.*``."""
    return vocab.text(f"field.{name}", lang=lang)


def join(items: Iterable[Any], lang: str | None) -> str:
    items = [str(i) for i in items]
    return t("list_sep", lang).join(items) if items else t("none", lang)


def fmt(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else f"{number:.1f}"


# ---- reading answers ----------------------------------------------------------------------
def unanswered(value: Any) -> bool:
    """True for ``None``, ``...``, blank text and collections of those (a workbook's starting answers)."""
    if value is None or value is Ellipsis:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, Mapping):
        return all(unanswered(v) for v in value.values()) if value else True
    if isinstance(value, Iterable):
        return not any(not unanswered(v) for v in value)
    return False


def picked(picks: Iterable[Any] | str | None) -> list[Any]:
    """The non-empty picks (a lone string counts as one pick)."""
    if picks is None:
        return []
    if isinstance(picks, str) or isinstance(picks, Mapping) or not isinstance(picks, Iterable):
        picks = [picks]  # one pick, however odd: it is named back as not a choice of the exercise
    return [p for p in picks if not unanswered(p)]


def given(answers: Mapping[str, Any] | None) -> dict[str, Any]:
    """The answered items of a mapping (a workbook starts with every item set to ``None``)."""
    if not isinstance(answers, Mapping):
        return {}  # not item → answer pairs: the exercise reads as not answered, with its guidance
    return {k: v for k, v in answers.items() if not unanswered(v)}


def choice(value: Any, allowed: Sequence[str], kind: str | None = None) -> str | None:
    """The code meant by ``value`` (a code, or a label in either language), or ``None``."""
    if isinstance(value, str) and value in allowed:
        return value
    return vocab.closest(value, allowed, kind)


def resolve_code(value: object, names: Mapping[str, Sequence[str]]) -> str | None:
    """The code whose own spelling or one of whose ``names`` equals ``value`` (case, width and spaces folded)."""
    if not isinstance(value, str):
        return None
    folded = normalise(value)
    for code, forms in names.items():
        if folded == normalise(code) or any(folded == normalise(f) for f in forms):
            return code
    return None


def not_allowed(item: str, value: Any, allowed: Iterable[str], lang: str) -> tuple[str, str]:
    return "wrong", t("item.not_allowed", lang, item=item, value=repr(value), allowed=", ".join(allowed))


# ---- building results ---------------------------------------------------------------------
def pending(title: str, what: str, hint: str, lang: str, detail: Any = None) -> Result:
    """The result for an exercise not answered yet: what to fill in and where to look."""
    return Result("unanswered", 0.0, title, "", (("unanswered", what),), hint, lang, detail=detail)


def tally(title: str, lines: list[tuple[str, str]], right: float, total: int, hint: str, lang: str,
          open_count: int = 0, record: Mapping[str, Any] | None = None) -> Result:
    """A result over ``total`` items of which ``right`` are right and ``open_count`` not answered."""
    score = round(right / total, 2) if total else 0.0
    if open_count:
        message = t("some_open", lang, right=fmt(right), total=total, open=open_count)
    elif right == total:
        message = t("all_right", lang, total=total)
    else:
        message = t("some_right", lang, right=fmt(right), total=total)
    status = status_of(score, answered=open_count < total)
    if status == "right" and open_count:
        status = "partly"
    return Result(status, score, title, message, lines_of(lines), hint, lang, dict(record or {}))


def checked(title: str, lines: list[tuple[str, str]], score: float, hint: str, lang: str, detail: Any = None,
            record: Mapping[str, Any] | None = None) -> Result:
    """A result whose status follows its score (no item count in the headline)."""
    return Result(status_of(score), round(score, 2), title, "", lines_of(lines), hint, lang, dict(record or {}),
                  detail)


# ---- tables -------------------------------------------------------------------------------
def table(rows: list[dict[str, Any]] | pd.DataFrame, caption: str | None = None, precision: int = 2) -> Styler:
    """A table for reading: text left-aligned and wrapped, short columns kept on one line, no index.

    The data stay available as ``.data`` (a DataFrame).
    """
    import pandas as pd

    frame = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(rows)
    styler = frame.style.hide(axis="index").format(escape="html", na_rep="", precision=precision)
    # subset given explicitly: mypy would otherwise match the **dict of CSS properties against it
    styler = styler.set_properties(None, **{"text-align": "left", "vertical-align": "top", "white-space": "normal"})
    short: list[Hashable] = ([c for c in frame.columns if frame[c].astype(str).str.len().max() <= 16]
                             if len(frame) else [])
    if short:
        styler = styler.set_properties(subset=short, **{"white-space": "nowrap"})
    styler = styler.set_table_styles([{"selector": "th", "props": [("text-align", "left")]},
                                      {"selector": "caption", "props": [("caption-side", "top"), ("text-align", "left"),
                                                                        ("font-weight", "bold")]}])
    return styler.set_caption(html.escape(caption)) if caption else styler


def columns_table(rows: list[dict[str, Any]], columns: Sequence[str], lang: str | None) -> Styler:
    """A :func:`table` whose column codes are headed by the ``course.col.*`` texts."""
    import pandas as pd

    heads = {c: field_label(c, lang) if c in ("power", "roles", "stance") else t(f"col.{c}", lang) for c in columns}
    return table(pd.DataFrame(rows, columns=list(columns)).rename(columns=heads))


# ---- cases and people ---------------------------------------------------------------------
def case_of(case: Case | str) -> Case:
    return case if isinstance(case, Case) else load_case(case)


def key_of(pm: PowerMap | Case | str) -> PowerMap:
    """A map as given, or the answer key of a case (a slug or a :class:`Case`)."""
    return pm if isinstance(pm, PowerMap) else case_of(pm).key


def display_name(key: PowerMap, person_id: str, lang: str) -> str:
    """A person's name; English readers get the Latin alias first, as grading's feedback writes it."""
    aliases = ((key.grading or {}).get("aliases") or {}).get(person_id) or []
    return localize.person_name(key.stakeholder(person_id), lang, aliases)


def people_index(pm: PowerMap) -> dict[str, str]:
    """Id, name and key aliases of every person (lower-cased) → id."""
    index: dict[str, str] = {}
    aliases = (pm.grading or {}).get("aliases") or {}
    for p in pm.stakeholders:
        for name in (p.id, p.name, *aliases.get(p.id, [])):
            index.setdefault(name.strip().lower(), p.id)
    return index


def roles_text(roles: Iterable[str], lang: str) -> str:
    return join((vocab.label(r, "role", lang) for r in roles), lang)


# ---- item exercises: classify each item, put items in order ---------------------------------
def each_choice(answers: Mapping[str, Any], expected: Mapping[str, str], allowed: Sequence[str], lang: str,
                right_text: Callable[[str, str], str], wrong_text: Callable[[str, str, str], str],
                kind: str | None = None) -> tuple[list[tuple[str, str]], int, int]:
    """Lines, right count and open count for items each answered with one code of ``allowed``.

    ``right_text(item, code)`` and ``wrong_text(item, chosen, expected)`` word the lines.
    """
    lines: list[tuple[str, str]] = []
    right = open_count = 0
    for item, want in expected.items():
        raw = answers.get(item)
        if unanswered(raw):
            open_count += 1
            lines.append(("unanswered", t("item.open", lang, item=item)))
            continue
        got = choice(raw, allowed, kind)
        if got is None:
            lines.append(not_allowed(item, raw, allowed, lang))
        elif got == want:
            right += 1
            lines.append(("right", right_text(item, want)))
        else:
            lines.append(("wrong", wrong_text(item, got, want)))
    return lines, right, open_count


def choice_check(topic: str, answers: Mapping[str, Any] | None, expected: Mapping[str, str], allowed: Sequence[str],
                 label: Callable[[str], str], why: Callable[[str], str], lang: str, **what: Any) -> Result:
    """A whole exercise of items each answered with a code: pending, or one line per item with its reason.

    Texts are ``{topic}.title``, ``{topic}.where`` and ``{topic}.what`` (formatted with ``what``).
    """
    title, hint = t(f"{topic}.title", lang), t(f"{topic}.where", lang)
    if unanswered(answers) or not isinstance(answers, Mapping):
        return pending(title, t(f"{topic}.what", lang, **what), hint, lang)
    lines, right, open_count = each_choice(
        answers, expected, allowed, lang,  # type: ignore[arg-type]
        lambda item, code: t("item.right", lang, item=item, answer=label(code), why=why(item)),
        lambda item, got, want: t("item.wrong", lang, item=item, chosen=label(got), expected=label(want),
                                  why=why(item)))
    return tally(title, lines, right, len(expected), hint, lang, open_count)


def unknown_items(answers: Iterable[Any], ids: Sequence[str], lang: str) -> list[tuple[str, str]]:
    """A line naming answered items that are not items of the exercise (none when all are)."""
    unknown = [repr(k) for k in answers if k not in ids]
    return [("wrong", t("unknown_item", lang, value=join(unknown, lang), allowed=join(ids, lang)))] if unknown else []


def missing_first(lines: list[tuple[str, str]], missing: list[str], lang: str) -> list[tuple[str, str]]:
    """``lines`` with a first line naming the items not answered yet."""
    return [("unanswered", t("sources.missing", lang, items=join(missing, lang))), *lines] if missing else lines

def classify(answers: Mapping[str, Any] | None, items: list[dict[str, Any]], text_prefix: str,
             codes: Sequence[str], names: Mapping[str, Sequence[str]], label: Mapping[str, str], title: str,
             unanswered_key: str, hint: str, lang: str, also: Mapping[tuple[str, str], str] | None = None) -> Result:
    """Check items (``{"id", "answer"}``) each given a code; ``also`` lists other accepted (item, code) with why."""
    ids = [i["id"] for i in items]
    answers = given(answers)
    if not answers:
        example = repr({ids[0]: codes[0]})
        return pending(title, t(unanswered_key, lang, example=example, items=join(ids, lang), codes=join(codes, lang)),
                       hint, lang)
    lines = unknown_items(answers, ids, lang)
    right = 0.0
    missing = []
    for item in items:
        text = t(f"{text_prefix}.{item['id']}", lang)
        why = t(f"{text_prefix}.{item['id']}.why", lang)
        if item["id"] not in answers:
            missing.append(item["id"])
            continue
        code = resolve_code(answers[item["id"]], names)
        if code is None:
            lines.append(("wrong", t("unknown_code", lang, value=repr(answers[item["id"]]), allowed=join(codes, lang))))
        elif code == item["answer"] or (also and (item["id"], code) in also):
            right += 1
            reason = why if code == item["answer"] else also[(item["id"], code)]  # type: ignore[index]
            lines.append(("right", t("sources.right_line", lang, item=text, answer=label[code], why=reason)))
        else:
            lines.append(("wrong", t("sources.wrong_line", lang, item=text, given=label[code],
                                     expected=label[item["answer"]], why=why)))
    return checked(title, missing_first(lines, missing, lang), right / len(items), hint, lang)


def check_order(order: Sequence[str] | None, codes: Sequence[str], names: Mapping[str, Sequence[str]],
                label: Mapping[str, str], what: str, hint: str, lang: str) -> Result:
    """Check ``codes`` put in order (each given as a code or one of its ``names``)."""
    title = t("order.what_title", lang, what=what)
    order = picked(order)
    if not order:
        example = repr(list(codes[:2]) + ["..."])
        return pending(title, t("order.unanswered", lang, count=len(codes), example=example, codes=join(codes, lang)),
                       hint, lang)
    found = [resolve_code(v, names) for v in order]
    lines: list[tuple[str, str]] = []
    bad = [repr(v) for v, c in zip(order, found) if c is None]
    if bad:
        lines.append(("wrong", t("unknown_code", lang, value=join(bad, lang), allowed=join(codes, lang))))
    missing = [label[c] for c in codes if c not in found]
    if missing:
        lines.append(("unanswered", t("order.missing", lang, items=join(missing, lang))))
    for c in dict.fromkeys(c for c in found if c is not None and found.count(c) > 1):
        lines.append(("wrong", t("order.duplicate", lang, item=label[c])))
    right = 0
    for n, (want, have) in enumerate(zip(codes, found), 1):
        if want == have:
            right += 1
        elif have is not None and not missing:
            lines.append(("wrong", t("order.position", lang, n=n, expected=label[want], given=label[have])))
    if right == len(codes) and len(found) == len(codes):
        return checked(title, [("right", t("order.right", lang, count=len(codes),
                                           items=" → ".join(label[c] for c in codes)))], 1.0, hint, lang)
    return checked(title, lines, right / len(codes) * (0.998 if right == len(codes) else 1), hint, lang)
