"""The exceptions of powermap-kit, one tree::

    PowerMapError (Exception)
    ├── MapFormatError (also ValueError)    a file or dict breaks the format; .problems lists all
    │   ├── KeyFormatError                  an answer key's grading section is wrong
    │   └── ReviewFormatError               a coach's review-notes file is not powermap-review/1
    ├── InvalidValue (also ValueError)      an argument or setting a function does not accept
    ├── UnknownName (also KeyError)         a name that names nothing: a vocabulary code, a case
    ├── WrongType (also TypeError)          a value of a type that cannot be used there
    ├── CasesNotFound (also FileNotFoundError)  no case_studies folder anywhere, or no such case in it
    ├── CatalogError (also RuntimeError)    the package's own text or vocabulary data is broken
    ├── OutputError (also OSError)          an output file could not be written
    ├── InputError (also ValueError)        an input file cannot be read as what it should be
    ├── StakeholderNotFound (also KeyError) no stakeholder has that id
    ├── RelationshipNotFound (also IndexError)
    └── HubError (also OSError)             a JupyterHub cannot be reached or refuses the token

Each also derives from the builtin named, so ``except ValueError`` keeps working.

A :class:`Problem` carries one finding as data: the file, the place
(``stakeholders[3].power``), a message code, the bad value and the allowed values,
and renders itself in the current language. The single-problem errors
(:class:`InvalidValue` to :class:`CatalogError`) carry one as ``.problem`` and expose its
``place``, ``value`` and ``allowed``:

>>> error = InvalidValue("lang", "not_one_of", "fr", allowed=("en", "zh"))
>>> (error.place, error.value, error.allowed)
('lang', 'fr', ('en', 'zh'))
>>> print(error.problem.render("en"))
lang: "fr" is not one of en, zh
>>> isinstance(error, ValueError)
True

Message texts are the ``problem.<code>`` entries of the text catalogs
(``data/text/*.json``), in English and Chinese; :mod:`powermap_kit.vocab` provides them
(this module imports nothing of the package, so every module may raise these errors).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

__all__ = [
    "CasesNotFound",
    "CatalogError",
    "HubError",
    "InputError",
    "InvalidValue",
    "KeyFormatError",
    "MapFormatError",
    "OutputError",
    "PowerMapError",
    "Problem",
    "RelationshipNotFound",
    "ReviewFormatError",
    "StakeholderNotFound",
    "UnknownName",
    "WrongType",
    "use_texts",
]

_lookup: list[Callable[..., str]] = []
_closest: list[Callable[..., Any]] = []


def use_texts(lookup: Callable[..., str], closest: Callable[..., Any] | None = None) -> None:
    """Set where message texts come from: ``lookup(key, lang=None, **params)`` (vocab.text),
    and the "did you mean" finder ``closest(value, allowed)`` (vocab.closest)."""
    _lookup[:] = [lookup]
    if closest is not None:
        _closest[:] = [closest]


class _Texts:
    """Stands in for :mod:`powermap_kit.vocab` here: ``vocab.text(...)`` reads the text
    catalogs through :func:`use_texts`, because vocab imports this module (it raises these
    errors) and this module must not import vocab back."""

    @staticmethod
    def text(key: str, lang: str | None = None, **params: Any) -> str:
        return _lookup[0](key, lang=lang, **params)


vocab = _Texts()


def show(value: Any) -> str:
    """A bad value as the user wrote it: JSON spelling, shortened when long.

    Control characters and broken surrogates appear as ``\\uXXXX`` escapes, and an
    integer too long to print in full by its first digits and its length.
    """
    from .values import visible

    if not isinstance(value, str):  # a string's escapes come from json.dumps and visible()
        value = safe_value(value)
    try:
        shown = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        shown = repr(value)
    shown = visible(shown)
    return shown if len(shown) <= 80 else shown[:77] + "..."


def safe_value(value: Any) -> Any:
    """``value`` made safe to print and to write as JSON (strings escaped, huge integers shortened)."""
    from .values import LongNumber, visible

    if isinstance(value, str):
        return visible(value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**60:
        # Never str() a huge integer (Python refuses beyond 4300 digits): its head and length.
        digits = value.bit_length() * 30103 // 100000
        digits += abs(value) >= 10**digits
        head = str(abs(value) // 10 ** max(digits - 12, 0))[:12]
        return f"{'-' if value < 0 else ''}{head}… ({digits} digits)"
    if isinstance(value, LongNumber):
        return repr(value)
    return value


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a map, as data.

    ``code`` names a message (``problem.<code>`` in the vocabulary texts); ``params``
    fill it. ``value`` is the bad value (``None`` when absent); ``allowed`` the allowed
    codes where there is a closed set; ``suggestion`` the closest allowed code.
    """

    place: str
    code: str
    value: Any = None
    allowed: tuple[str, ...] = ()
    suggestion: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    file: str | None = None

    #: Where the message texts live: ``<TEXTS>.<code>`` in the vocabulary texts.
    TEXTS: ClassVar[str] = "problem"

    def message(self, lang: str | None = None) -> str:
        params = {"value": show(self.value), **self.params}
        if self.allowed:
            params.setdefault("allowed", ", ".join(self.allowed))
        msg = vocab.text(f"{self.TEXTS}.{self.code}", lang=lang, **params)
        if self.suggestion is not None:
            msg += vocab.text("problem.did_you_mean", lang=lang, suggestion=show(self.suggestion))
        return msg

    def render(self, lang: str | None = None) -> str:
        parts = [p for p in (self.file, self.place) if p]
        return ": ".join(parts + [self.message(lang)])

    def __str__(self) -> str:
        return self.render()

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {
            "file": self.file,
            "place": self.place,
            "code": self.code,
            "value": safe_value(self.value),
            "allowed": list(self.allowed),
            "suggestion": self.suggestion,
            "message": self.message(lang),
        }


class PowerMapError(Exception):
    """Base of every powermap-kit error."""


class MapFormatError(PowerMapError, ValueError):
    """A map breaks the format. ``problems`` holds every problem found, not just the first."""

    def __init__(self, problems: list[Problem], path: str | None = None):
        self.problems = list(problems)
        self.path = path
        super().__init__(self._summary())

    #: The text key of the first line (how many problems).
    HEAD: ClassVar[str] = "error.invalid_map"

    def _summary(self) -> str:
        head = vocab.text(self.HEAD, count=len(self.problems))
        if self.path:
            head = f"{self.path}: {head}"
        return "\n".join([head] + ["  " + p.render() for p in self.problems])

    def __str__(self) -> str:
        return self._summary()


class KeyFormatError(MapFormatError):
    """An answer key's ``grading`` section is wrong (e.g. an alias for an unknown person)."""


class ReviewFormatError(MapFormatError):
    """A review-notes file (``powermap-review/1``) is unreadable or wrong; ``problems`` lists all."""

    HEAD = "review.error.invalid"



class StakeholderNotFound(PowerMapError, KeyError):
    """No stakeholder has the given id."""

    def __init__(self, stakeholder_id: str):
        self.stakeholder_id = stakeholder_id
        super().__init__(stakeholder_id)

    def __str__(self) -> str:
        return vocab.text("error.not_found", value=show(self.stakeholder_id))


class RelationshipNotFound(PowerMapError, IndexError):
    """No relationship at the given index or with the given ends and type."""

    def __init__(self, where: Any):
        self.where = where
        super().__init__(where)

    def __str__(self) -> str:
        return vocab.text("error.no_relationship", value=show(self.where))


class _OneProblem(PowerMapError):
    """An error about one value: ``.problem`` (a :class:`Problem`) with its place, value, allowed set."""

    def __init__(self, place: str, code: str, value: Any = None, allowed: tuple[str, ...] | list[str] = (),
                 suggestion: str | None = None, **params: Any):
        self.problem = Problem(place, code, value, tuple(allowed), suggestion, params)
        super().__init__(place, value)

    @classmethod
    def not_one_of(cls, place: str, value: Any, allowed: Any) -> _OneProblem:
        """The error for ``value`` outside ``allowed``, suggesting the closest allowed value.

        >>> print(UnknownName.not_one_of("group", "aprover", ("approver", "user")))
        group: "aprover" is not one of approver, user (did you mean "approver"?)
        """
        allowed = tuple(allowed)
        suggestion = _closest[0](value, allowed) if _closest else None
        return cls(place, "not_one_of", value, allowed=allowed, suggestion=suggestion)

    @property
    def place(self) -> str:
        return self.problem.place

    @property
    def value(self) -> Any:
        return self.problem.value

    @property
    def allowed(self) -> tuple[str, ...]:
        return self.problem.allowed

    def __str__(self) -> str:
        return self.problem.render()


class InvalidValue(_OneProblem, ValueError):
    """A value a function does not accept: a language, a date, a setting, an option."""


class UnknownName(_OneProblem, KeyError):
    """A name that names nothing: a vocabulary kind or code, a text key, a case."""


class WrongType(_OneProblem, TypeError):
    """A value of a type that cannot be used there."""


class CasesNotFound(_OneProblem, FileNotFoundError):
    """No ``case_studies`` folder was found (set ``POWERMAP_CASES``), or no case of the name asked for."""


class CatalogError(_OneProblem, RuntimeError):
    """The package's own data (text catalogs, vocabulary) is broken: a packaging fault."""

    def __str__(self) -> str:
        try:
            return self.problem.render()
        except Exception:  # the catalog that would word it is the broken one
            return f"{self.place}: {self.problem.code} {show(self.value)}"


class OutputError(PowerMapError, OSError):
    """An output could not be written. The message names the output the user asked for
    (never a temporary file) and the reason in the current language; ``cause`` is the
    original error: an :class:`OSError`, or a :class:`ValueError` when the output's name
    itself is wrong (``usage`` is then true, e.g. a table to a ``.pdf``).
    """

    REASONS: ClassVar[dict[str, str]] = {
        "EACCES": "permission", "EPERM": "permission", "EROFS": "read_only", "EISDIR": "is_folder",
        "ENOTDIR": "not_folder", "ENOENT": "no_folder", "ENOSPC": "no_space", "EDQUOT": "no_space",
        "ENAMETOOLONG": "name_too_long", "EEXIST": "not_folder",
    }

    def __init__(self, path: str, cause: Exception):
        self.path = path
        self.cause = cause
        self.usage = isinstance(cause, ValueError)
        super().__init__(getattr(cause, "errno", None), getattr(cause, "strerror", None) or str(cause))

    def __str__(self) -> str:
        import errno

        code = self.REASONS.get(errno.errorcode.get(self.errno or 0, ""))
        if code:
            reason = vocab.text(f"error.write_reason.{code}")
        else:  # the cause's own words, without the file name it may start with
            reason = getattr(self.cause, "strerror", None) or str(self.cause)
            name = self.path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
            for sep in (": ", "："):
                reason = reason[len(name + sep):] if reason.startswith(name + sep) else reason
        return vocab.text("error.cannot_write", file=self.path, reason=reason)



class HubError(PowerMapError, OSError):
    """A JupyterHub cannot be reached, or refuses the request (``powermap collect``).

    ``url`` is the address asked, ``code`` one of ``no_token``, ``unreachable``, ``refused``,
    ``http`` (text ``error.hub.<code>``), ``detail`` the status or the network error.
    """

    def __init__(self, url: str, code: str, detail: str = ""):
        self.url, self.code, self.detail = url, code, detail
        super().__init__(url, code, detail)

    def __str__(self) -> str:
        return vocab.text(f"error.hub.{self.code}", url=self.url, detail=self.detail)


class InputError(PowerMapError, ValueError):
    """An input file cannot be read as what it should be: not a regular file, too large, an
    unknown text encoding, a table without a column of names (``powermap import``).

    ``key`` and ``params`` name the message in the text catalogs, so it is worded in the
    current language when shown.
    """

    def __init__(self, key: str, **params: Any):
        self.key, self.params = key, params
        super().__init__(key)

    def __str__(self) -> str:
        return vocab.text(self.key, **self.params)
