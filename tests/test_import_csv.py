"""CSV import of hostile and foreign files (issue 12, class 10): broken quotes, extra cells,
encodings, Salesforce Data Loader and report headers."""

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from budget import examples

import powermap_kit as pk
from powermap_kit.cli import main
from powermap_kit.sheets import defuse
from powermap_kit.tabular import export_csv, import_csv


def _import(tmp_path: Path, capsys, data: bytes | str, *extra: str) -> tuple[int, str, str, dict]:
    src = tmp_path / "in.csv"
    src.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    out = tmp_path / "out.json"
    code = main([*extra, "import", str(src), "--out", str(out)])
    std, err = capsys.readouterr()
    return code, std, err, json.loads(out.read_text("utf-8")) if out.exists() else {}


def _names(data: dict) -> list[str]:
    return [p["name"] for p in data.get("stakeholders", [])]


# ---- broken rows -------------------------------------------------------------------------

UNCLOSED = 'Name,Title,Role\n"Wang Wei,CIO,Economic Buyer\nLi Na,CFO,Evaluator\nZhao Lei,CTO,Influencer\nQian Bo,CEO,Economic Buyer\n'


def test_unclosed_quote_is_reported_with_its_row_and_the_others_imported(tmp_path, capsys):
    code, _, err, data = _import(tmp_path, capsys, UNCLOSED)
    assert code == 1
    assert _names(data) == ["Li Na", "Zhao Lei", "Qian Bo"]           # not four people merged into one
    assert "row 2:" in err and "never closed" in err


def test_unclosed_quote_in_chinese(tmp_path, capsys):
    code, _, err, data = _import(tmp_path, capsys, UNCLOSED, "--lang", "zh")
    assert code == 1 and len(data["stakeholders"]) == 3
    assert "第 2 行" in err and "引号没有闭合" in err


def test_text_after_a_closing_quote_is_reported(tmp_path, capsys):
    code, _, err, data = _import(tmp_path, capsys, 'Name,Title\n"Wang Wei"x,CIO\nLi Na,CFO\n')
    assert code == 1 and _names(data) == ["Li Na"]
    assert "row 2:" in err and "do not pair up" in err


def test_multi_line_cells_are_fine(tmp_path, capsys):
    code, _, _, data = _import(tmp_path, capsys, 'Name,Notes\nWang Wei,"met at the fair,\nlikes golf"\nLi Na,\n')
    assert code == 0 and _names(data) == ["Wang Wei", "Li Na"]
    assert data["stakeholders"][0]["notes"] == "met at the fair,\nlikes golf"


def test_cells_beyond_the_header_are_kept_and_reported(tmp_path, capsys):
    code, _, err, data = _import(tmp_path, capsys, "Name,Title\nWang Wei,CIO,wang@example.com,,+86 138\nLi Na,CFO,,\n")
    assert code == 1 and _names(data) == ["Wang Wei", "Li Na"]        # trailing empty cells are no problem
    assert "row 2 (Wang Wei): 2 cell(s) beyond the header" in err
    assert "wang@example.com" in data["stakeholders"][0]["notes"] and "+86 138" in data["stakeholders"][0]["notes"]


def test_repeated_header_is_not_lost(tmp_path, capsys):
    code, _, _, data = _import(tmp_path, capsys, "Name,Title,Title\nWang Wei,CIO,Vice president\n")
    assert code == 0 and data["stakeholders"][0]["title"] == "CIO"
    assert "Vice president" in data["stakeholders"][0]["notes"]


# ---- encodings ---------------------------------------------------------------------------

ENCODED = [
    ("utf-8", "Name,Title\nMüller,CIO\n王伟,主任\n", "utf-8"),
    ("utf-8-sig", "Name,Title\nMüller,CIO\n王伟,主任\n", "utf-8 (BOM)"),
    ("utf-16", "Name,Title\nMüller,CIO\n王伟,主任\n", "utf-16"),
    ("utf-16-le", "Name,Title\nMüller,CIO\n王伟,主任\n", "utf-16-le"),
    ("gbk", "姓名,职务\n王伟,信息中心主任\n李娜,财务总监\n", "gb18030"),
    ("gb18030", "姓名,职务\n王伟,主任\n𠀀张,经理\n", "gb18030"),
    ("latin-1", "Name,Title\nMüller,Geschäftsführer\nGérard François,Directeur\n", "cp1252"),
    ("cp1252", "Name,Title\nMüller – “Boss”,CIO\n", "cp1252"),
]


@pytest.mark.parametrize("codec,text,shown", ENCODED)
def test_encodings_are_detected_and_named(tmp_path, capsys, codec, text, shown):
    code, out, _, data = _import(tmp_path, capsys, text.encode(codec))
    assert code == 0
    assert _names(data) == [line.split(",")[0] for line in text.splitlines()[1:]]
    assert f"read as {shown}" in out


def test_encoding_is_named_in_chinese(tmp_path, capsys):
    _, out, _, _ = _import(tmp_path, capsys, "姓名\n王伟\n".encode("gbk"), "--lang", "zh")
    assert "按 gb18030 编码读取" in out


def test_binary_file_is_one_clear_error(tmp_path, capsys):
    code, out, err, data = _import(tmp_path, capsys, bytes(range(256)) * 8)
    assert code == 1 and not data and "cannot tell the text encoding" in err and len(err.splitlines()) == 1


@pytest.mark.timeout(30)                                        # reading a FIFO used to wait for ever
@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_not_a_regular_file(tmp_path, capsys, kind):
    src = tmp_path / "in.csv"
    if kind == "folder":
        src.mkdir()
    elif not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    else:
        os.mkfifo(src)                                          # reading it would wait for ever
    code = main(["import", str(src), "--out", str(tmp_path / "o.json")])
    err = capsys.readouterr().err
    assert code == 1 and "not a regular file" in err and "Traceback" not in err


# ---- CRM headers -------------------------------------------------------------------------

def test_salesforce_data_loader_columns(tmp_path, capsys):
    text = ("Id,OpportunityId,ContactId,Role,IsPrimary,Contact.Name,Contact.Title,Contact.Department,"
            "Contact.ReportsTo.Name,Opportunity.Name,Opportunity.Account.Name\n"
            "00K1,0061,0031,Economic Buyer,true,Wang Wei,CIO,IT,,ERP renewal,Acme Ltd\n"
            "00K2,0061,0032,Technical Buyer,false,Li Na,IT manager,IT,Wang Wei,ERP renewal,Acme Ltd\n")
    code, _, err, data = _import(tmp_path, capsys, text)
    assert code == 0
    assert data["opportunity"]["name"] == "ERP renewal" and data["account"]["name"] == "Acme Ltd"
    wang, li = data["stakeholders"]
    assert (wang["id"], wang["name"], wang["title"], wang["department"], wang["roles"]) == \
        ("0031", "Wang Wei", "CIO", "IT", ["approver"])
    assert "primary contact" in wang["notes"] and "primary contact" not in li.get("notes", "")
    assert data["relationships"] == [{"source": "0032", "target": "0031", "type": "reports_to"}]
    for column in ("IsPrimary", "Contact.", "Opportunity.Name", "Opportunity.Account.Name"):
        assert column not in err                                # mapped, not left in notes
    assert "ERP renewal" not in json.dumps(data["stakeholders"])


@pytest.mark.parametrize("header,field", [
    ("Opportunity Name", "opportunity"), ("Opportunity: Opportunity Name", "opportunity"),
    ("Deal Name", "opportunity"), ("Associated Deal", "opportunity"), ("业务机会名称", "opportunity"),
    ("Account Name", "account"), ("Account.Name", "account"), ("Associated Company", "account"),
    ("客户名称", "account"),
])
def test_report_and_export_headers_fill_the_opportunity(tmp_path, capsys, header, field):
    code, _, _, data = _import(tmp_path, capsys, f"Full Name,{header}\nWang Wei,Big One\nLi Na,Big One\n")
    assert code == 0 and data[field]["name"] == "Big One"
    assert all("Big One" not in p.get("notes", "") for p in data["stakeholders"])


def test_a_second_opportunity_name_is_kept_in_notes(tmp_path, capsys):
    code, _, err, data = _import(tmp_path, capsys, "Name,Opportunity Name\nWang Wei,ERP\nLi Na,CRM\n")
    assert code == 0 and data["opportunity"]["name"] == "ERP"
    assert "CRM" in data["stakeholders"][1]["notes"] and "row 3 (Li Na)" in err


# ---- round trip --------------------------------------------------------------------------

_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=20) \
    .map(str.strip).filter(bool)


@settings(max_examples=examples(60), deadline=None)
@given(names=st.lists(_TEXT, min_size=1, max_size=5), notes=_TEXT)
def test_export_then_import_keeps_every_text(tmp_path_factory, names, notes):
    pm = pk.PowerMap()
    for name in names:
        pm.add_stakeholder({"name": name, "notes": notes + "\n" + notes, "power": 3})
    path = tmp_path_factory.mktemp("rt") / "m.csv"
    export_csv(pm, path)
    back = import_csv(path)
    assert not back.problems
    assert [p.name for p in back.map] == [defuse(n) for n in names]
    assert [p.notes for p in back.map] == [defuse(notes + "\n" + notes)] * len(names)
    assert [p.power for p in back.map] == [3] * len(names)
