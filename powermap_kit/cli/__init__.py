"""The ``powermap`` command line.

Each subcommand lives in its own module here with ``add_parser(subparsers, common)`` and
``run(args) -> int``; :data:`COMMANDS` lists them in help order. Exit codes: 0 success,
1 when an input had problems (the others are still processed), 2 for bad usage.
Nothing a command prints carries a raw terminal control character from user text
(:mod:`.output`), an output that cannot be written is one line naming it, and an
unexpected error is one line too (``POWERMAP_DEBUG=1`` shows the traceback).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any

from .. import vocab

__all__ = ["COMMANDS", "command", "load_or_report", "main"]

COMMANDS = ("validate", "analyse", "score", "review", "import_", "export", "collect", "merge", "progress", "hints", "handouts", "slides")


def load_or_report(path: str):
    """Load a map for a command; on problems print each, one a line, to stderr and return None."""
    from ..errors import MapFormatError
    from ..io import load_map

    try:
        return load_map(path)
    except MapFormatError as exc:
        for problem in exc.problems:
            print(problem.render(), file=sys.stderr)
        return None


#: Subcommand names whose module is named otherwise.
_MODULE_OF = {"import": "import_", "analyze": "analyse"}


def _chosen(argv: Sequence[str] | None) -> str | None:
    """The module of the subcommand ``argv`` names, when plainly named; else None (load them all).

    Only that module is imported: ``powermap score`` need not import what ``collect`` or
    ``export`` use, which is most of its start-up time.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    while args:
        word = args.pop(0)
        if word == "--lang":
            args = args[1:]
        elif not word.startswith("--lang="):
            name = _MODULE_OF.get(word, word)
            return name if name in COMMANDS else None
    return None


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, sized as :func:`shutil.get_terminal_size` would, without
    importing shutil (and the compression modules it brings) on every start."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position, _columns() - 2 if width is None else width)


def _columns() -> int:
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)


def _parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    top = _Parser(add_help=False)
    top.add_argument("--lang", choices=vocab.LANGUAGES, default=None,
                     help="language of labels and messages (default: $POWERMAP_LANG or en)")
    # The subcommands' copy must not overwrite a --lang given before the subcommand.
    common = _Parser(add_help=False)
    common.add_argument("--lang", choices=vocab.LANGUAGES, default=argparse.SUPPRESS,
                        help="language of labels and messages (default: $POWERMAP_LANG or en)")
    parser = _Parser(prog="powermap", parents=[top],
                                     description="Customer power maps for sales training: validate, analyse, score, import, export.")
    from .. import __version__

    parser.add_argument("--version", action="version", version=f"powermap-kit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    chosen = _chosen(argv)
    for name in COMMANDS if chosen is None else (chosen,):
        try:
            module = importlib.import_module(f".{name}", __name__)
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            continue
        module.add_parser(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from ..errors import OutputError
    from .output import SafeStream, os_error_line

    # User text never reaches the terminal raw (escape sequences are shown, not obeyed).
    real = sys.stdout, sys.stderr
    if sys.stdout is not None:
        sys.stdout = SafeStream(sys.stdout)  # type: ignore[assignment]
    if sys.stderr is not None:
        sys.stderr = SafeStream(sys.stderr)  # type: ignore[assignment]
    args = argparse.Namespace()
    try:
        parser = _parser(argv)
        args = parser.parse_args(argv)
        lang = args.lang or os.environ.get("POWERMAP_LANG", "en")
        vocab.set_language(lang if lang in vocab.LANGUAGES else "en")
        return int(args.run(args) or 0)
    except OutputError as exc:
        print(f"powermap: {exc}", file=sys.stderr)
        return 2 if exc.usage else 1
    except BrokenPipeError:
        if sys.stderr is not None:
            sys.stderr.close()
        return 1
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # not wrapped in writing(): still one line, naming the output if it is one
        outputs = [o for o in (getattr(args, "out", None), getattr(args, "actions", None)) if o and o != "-"]
        print(f"powermap: {os_error_line(exc, outputs)}", file=sys.stderr)
        return 1
    except Exception as exc:  # the last guard: one line, never a traceback (POWERMAP_DEBUG=1 shows it)
        if os.environ.get("POWERMAP_DEBUG"):
            raise
        print(vocab.text("cli.internal_error", error=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return 1
    finally:
        sys.stdout, sys.stderr = real


def command() -> None:
    """The ``powermap`` console command: :func:`main`, with a patient garbage collector, then
    a quick exit.

    Exit handlers run and the output is flushed, but the interpreter is not taken apart
    object by object: after a cohort that costs more than many a command itself, and the
    system frees a process's memory at once. With other threads still running (none of the
    commands leaves any), the usual exit waits for them instead.
    """
    import atexit
    import gc
    import threading

    # A command runs once and briefly: the collector need not visit every object that
    # loading the package makes (a tenth of a cohort's grading time, before it starts).
    gc.set_threshold(10_000, 50, 50)
    code = main()
    if threading.active_count() > 1:
        sys.exit(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a reader that went away (``| head``), or a closed stream
            code = code or 1
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    command()
