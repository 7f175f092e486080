"""Every ``powermap`` subcommand over generated hostile inputs (issue 12, class 9).

Whatever the input — hostile strings (terminal escapes, formulas, mathtext, right-to-left
marks, long Chinese text), odd numbers, broken JSON, random bytes, odd CSV — a command
ends with exit code 0, 1 or 2, prints no traceback, and writes no raw terminal control
character. Commands run in-process (:func:`powermap_kit.cli.main`, output captured) for
speed; a few run as real processes at the end. ``POWERMAP_FUZZ_EXAMPLES`` sets how many
inputs each command gets (default 12).
"""

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from budget import examples

from powermap_kit.cli import main
from powermap_kit.validation import validate_data

FIXTURES = Path(__file__).parent / "fixtures"
KEY = FIXTURES / "grading_key.json"
BASE = json.loads((FIXTURES / "grading_good.json").read_text("utf-8"))
EXAMPLES = int(os.environ.get("POWERMAP_FUZZ_EXAMPLES", "12"))
RAW_CONTROLS = [chr(c) for c in [*range(0, 9), *range(11, 32), *range(0x7F, 0xA0)]]

def _rejected(doc: dict) -> bool:
    try:
        return bool(validate_data(doc))
    except Exception:
        return False


# Map validation (another part of the code) refuses lone surrogates and numbers beyond the
# format's bounds; they join the generated inputs once it does.
CORE_TEXT = [t for t in ["\ud800", "a\udfffb"]
             if _rejected({"format": "powermap/1", "stakeholders": [{"id": "a", "name": t}]})]
CORE_NUMBERS = [n for n in [10 ** 400, -(10 ** 1000), 1e308]
                if _rejected({"format": "powermap/1", "opportunity": {"value": n}, "stakeholders": []})]
# A number too long for Python to convert at all is written into the JSON text directly.
BIG = "__5000_DIGITS__"
if CORE_NUMBERS:
    CORE_NUMBERS.append(BIG)
# Text a map may well hold, yet hostile to some output (formulas, mathtext, markup, paths, long CJK).
PLAUSIBLE = [
    "=HYPERLINK(\"http://x/?\"&A1)", "+1", "-1", "@SUM(A1)", "$\\undefinedcmd$", "$x^", "销售培训学员" * 17,
    "王伟" * 200, "<script>alert(1)</script>", "&amp;", "]]>", "../../etc/passwd", "CON", "nul", "x" * 5000,
    "😀" * 30, "a\u0301\u0301", "%s%n", "{0}{name}", "\u202eevil", "Ｗａｎｇ", "ǅ", "İstanbul",
]
# Text validation may refuse: empty, invisible, control characters, terminal escapes.
WILD = [
    "", " ", "\u200b", "\ufeff", "\t=1", "\r=1", "\x1b]0;pwned\x07", "\x1b[2J\x1b[31m", "\x9b31m", "\x90q\x9c",
    "a\nb", "a\r\nb", "\x00", *CORE_TEXT,
]
VISIBLE = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Zl", "Zp")), min_size=1, max_size=30) \
    .filter(str.strip)
TAME = st.one_of(st.sampled_from(PLAUSIBLE), VISIBLE)
TEXT = st.one_of(TAME, st.sampled_from(WILD), st.text(max_size=40),
                 st.text(st.characters(min_codepoint=0, max_codepoint=0x2FF), max_size=12))
NUMBER = st.one_of(st.integers(-3, 8), st.sampled_from([0, 10 ** 30, -(10 ** 30), 1.5, *CORE_NUMBERS]),
                   st.booleans(), st.none(), TEXT)


@st.composite
def map_documents(draw) -> dict:
    """The good submission with hostile text put in; half of them with text a map may hold
    (they get past validation and reach every output), half with anything at all."""
    text = TAME if draw(st.booleans()) else TEXT
    doc = json.loads(json.dumps(BASE))
    doc["meta"]["author"] = draw(text)
    doc.setdefault("account", {})["name"] = draw(text)
    doc.setdefault("opportunity", {})["name"] = draw(text)
    if text is TEXT and draw(st.integers(0, 3)) == 0:
        doc["opportunity"]["value"] = draw(NUMBER)
    for person in doc["stakeholders"]:
        if draw(st.booleans()):
            person[draw(st.sampled_from(["name", "title", "department", "notes"]))] = draw(text)
        if text is TEXT and draw(st.integers(0, 4)) == 0:
            person[draw(st.sampled_from(["power", "stance", "roles", "coach"]))] = draw(NUMBER)
    if text is TEXT and draw(st.integers(0, 3)) == 0:
        doc["stakeholders"] = draw(st.lists(st.fixed_dictionaries({"id": text, "name": text}), max_size=3))
    return doc


@st.composite
def map_bytes(draw) -> bytes:
    kind = draw(st.sampled_from(["map", "map", "map", "truncated", "bytes", "empty", "scalar"]))
    if kind == "bytes":
        return draw(st.binary(max_size=200))
    if kind == "empty":
        return b""
    if kind == "scalar":
        return draw(st.sampled_from([b"null", b"[]", b"42", b'"x"', b"{}", b'{"format": 7}']))
    text = json.dumps(draw(map_documents()), ensure_ascii=draw(st.booleans()))
    text = text.replace(f'"{BIG}"', "9" * 5000)
    if kind == "truncated":
        text = text[:draw(st.integers(0, max(0, len(text) - 1)))]
    return text.encode("utf-8", "surrogatepass")


@st.composite
def csv_bytes(draw) -> bytes:
    header = draw(st.sampled_from(["Name,Title,Role,Reports To", "姓名,职务,角色", "Contact.Name,IsPrimary,Opportunity.Name",
                                   "Title", ""]))
    rows = draw(st.lists(st.lists(TEXT, max_size=5), max_size=4))
    quoted = draw(st.booleans())
    lines = [header] + [",".join(('"' + c.replace('"', '""') + '"') if quoted else c for c in row) for row in rows]
    text = "\n".join(lines) + draw(st.sampled_from(["\n", "", '\n"unclosed,x\n']))
    codec = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030", "latin-1", "bytes"]))
    if codec == "bytes":
        return draw(st.binary(max_size=200))
    return text.encode(codec, "replace") if codec != "utf-8" else text.encode("utf-8", "surrogatepass")


def run_cli(argv: list[str]) -> tuple[int, str]:
    """Run ``powermap`` in-process; the exit code and everything it printed."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:                    # argparse's usage errors
            code = exc.code if isinstance(exc.code, int) else 2
    return code, out.getvalue() + err.getvalue()


def check(argv: list[str], writable: bool = True) -> None:
    """Run one command: exit 0, 1 or 2, no traceback or internal error, no raw control character;
    where every output is ``writable``, no "cannot write" either (a writer choking on a character).
    """
    code, printed = run_cli(argv)
    shown = ascii((argv, code, printed[-1500:]))
    assert code in (0, 1, 2), shown
    assert "Traceback" not in printed and "internal error" not in printed, shown
    assert not writable or "cannot write" not in printed, shown
    raw = sorted({c for c in RAW_CONTROLS if c in printed})
    assert not raw, ascii((argv, raw))


COMMANDS = {
    "validate": [["validate", "{map}"], ["validate", "{map}", "--format", "json"], ["validate", "-q", "{map}", "{map}"]],
    "analyse": [["analyse", "{map}"], ["analyse", "{map}", "--format", "json"],
                ["analyse", "{map}", "--format", "html", "--out", "{dir}/a.html"],
                ["--lang", "zh", "analyse", "{map}", "--actions", "{dir}/plan.xlsx", "--out", "{dir}/a.txt"],
                ["analyse", "{map}", "--actions", "{dir}/plan.csv", "--today", "2026-01-01"]],
    "score": [["score", "--key", str(KEY), "{map}"], ["score", "--key", str(KEY), "{map}", "--format", "json"],
              ["score", "--key", str(KEY), "{map}", "{map}", "--format", "csv"],
              ["score", "--key", str(KEY), "{map}", "--format", "html", "--out", "{dir}/s.html"],
              ["score", "--key", str(KEY), "{map}", "--format", "html", "--out", "{dir}/reports/"],
              ["score", "--key", str(KEY), "{map}", "--format", "xlsx", "--out", "{dir}/s.xlsx"],
              ["score", "--key", "{map}", str(FIXTURES / "grading_good.json")]],
    "export": [["export", "{map}", "--to", "csv", "--out", "-"], ["export", "{map}", "--to", "csv", "--out", "{dir}/e.csv"],
               ["export", "{map}", "--to", "graphml", "--out", "{dir}/e.graphml"]],
}
_SETTINGS = settings(max_examples=examples(EXAMPLES), deadline=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_map_commands_survive_hostile_maps(tmp_path_factory, command):
    @_SETTINGS
    @given(data=map_bytes())
    def run(data):
        folder = tmp_path_factory.mktemp(command)
        path = folder / "m.json"
        path.write_bytes(data)
        for template in COMMANDS[command]:
            check([a.format(map=path, dir=folder) for a in template])

    run()


def test_import_survives_hostile_csv(tmp_path_factory):
    @_SETTINGS
    @given(data=csv_bytes(), fmt=st.sampled_from(["auto", "template", "salesforce", "hubspot"]))
    def run(data, fmt):
        folder = tmp_path_factory.mktemp("import")
        (folder / "in.csv").write_bytes(data)
        check(["import", str(folder / "in.csv"), "--out", str(folder / "m.json"), "--format", fmt,
               "--suggest-roles"])
        if (folder / "m.json").exists():                 # what import wrote, every other command reads
            check(["analyse", str(folder / "m.json")])
            check(["export", str(folder / "m.json"), "--to", "csv", "--out", "-"])

    run()


def test_progress_survives_hostile_answer_logs(tmp_path_factory):
    @_SETTINGS
    @given(data=st.one_of(st.binary(max_size=400), map_bytes()), learner=st.text(max_size=12))
    def run(data, learner):
        folder = tmp_path_factory.mktemp("progress")
        (folder / "x_answers.jsonl").write_bytes(data)
        line = json.dumps({"learner": learner, "exercise": learner, "status": "wrong", "score": "x", "time": 3})
        (folder / "y_answers.jsonl").write_text(line + "\n" + line + "\n", "utf-8")
        for fmt in ("table", "csv", "json"):
            check(["progress", str(folder), "--assessment", "--format", fmt, "--case", f"c={folder}"])

    run()


@pytest.mark.parametrize("argv", [
    ["validate", "{dir}"], ["analyse", "{dir}/missing.json"], ["import", "{dir}", "--out", "{dir}/x.json"],
    ["export", "{good}", "--to", "csv", "--out", "{dir}"], ["score", "--key", "{dir}", "{good}"],
    ["analyse", "{good}", "--today", "2026-13-45"], ["analyse", "{good}", "--format", "pdf"], [],
    ["score", "--key", str(KEY), "{good}", "--jobs", "-3"], ["--lang", "xx", "validate", "{good}"],
])
def test_odd_arguments_and_files(tmp_path, argv):
    check([a.format(dir=tmp_path, good=FIXTURES / "grading_good.json") for a in argv], writable=False)


def test_real_processes(tmp_path):
    """A few runs as the installed command, so the real streams and exit path are covered."""
    doc = json.loads(json.dumps(BASE))
    doc["meta"]["author"] = "\x1b]0;pwned\x07" + "销售" * 60
    doc["stakeholders"][0]["name"] = "$\\undefinedcmd$\x9b"
    path = tmp_path / "m.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    (tmp_path / "ro").mkdir()
    runs = [["validate", str(path)], ["analyse", str(path), "--format", "html"],
            ["score", "--key", str(KEY), str(path), "--format", "html", "--out", f"{tmp_path}/reports/"],
            ["analyse", str(path), "--out", str(tmp_path / "ro")], ["export", str(path), "--to", "graphml"]]
    for argv in runs:
        proc = subprocess.run([sys.executable, "-m", "powermap_kit", *argv], capture_output=True, timeout=120,
                              env={**os.environ, "PYTHONIOENCODING": "utf-8"})
        printed = proc.stdout.decode("utf-8", "replace") + proc.stderr.decode("utf-8", "replace")
        assert proc.returncode in (0, 1, 2) and "Traceback" not in printed, (argv, printed[-1500:])
        assert not {c for c in RAW_CONTROLS if c in printed}, argv
