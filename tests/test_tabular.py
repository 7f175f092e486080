import io

import networkx as nx
import pytest

import powermap_kit as pk
from powermap_kit.cli import main
from powermap_kit.tabular import crm_mapping, export_csv, export_graphml, import_csv

SALESFORCE = """Opportunity Name,Account Name,Contact: Full Name,Title,Role,Primary,Email
Cloud ERP,Eastern Mfg,Wang Wei,CIO,Economic Decision Maker,1,wang@example.com
Cloud ERP,Eastern Mfg,Li Na,IT manager,Technical Buyer,0,
Cloud ERP,Eastern Mfg,Zhou Min,CFO,Economic Buyer,0,
Cloud ERP,Eastern Mfg,Qian Hao,Buyer,Other,0,
Cloud ERP,Eastern Mfg,Sun Li,Planner,Business User,0,
Cloud ERP,Eastern Mfg,Ma Jun,VP,Executive Sponsor,0,
Cloud ERP,Eastern Mfg,Gao Yan,Engineer,Evaluator,0,
Cloud ERP,Eastern Mfg,Hu Bin,Adviser,Influencer,0,
Cloud ERP,Eastern Mfg,Xu Ke,Director,Decision Maker,0,
Cloud ERP,Eastern Mfg,Lu Qi,Analyst,Strategic Partner,0,
"""

HUBSPOT = """First Name,Last Name,Job Title,Buying Role
Wei,Wang,CIO,Decision Maker;Budget Holder
Na,Li,IT manager,Champion;Influencer
Min,Zhou,CFO,Blocker
Hao,Qian,Counsel,Legal and Compliance
Li,Sun,Planner,End User
Jun,Ma,VP,Executive Sponsor
Ke,Xu,Clerk,Other
"""


def test_salesforce_export_maps_every_documented_value():
    result = import_csv(io.StringIO(SALESFORCE))
    assert result.format == "salesforce"
    roles = {p.name: p.roles for p in result.map}
    assert roles == {"Wang Wei": ["approver", "decision_maker"], "Li Na": ["evaluator"], "Zhou Min": ["approver"],
                     "Qian Hao": [], "Sun Li": ["user"], "Ma Jun": ["influencer"], "Gao Yan": ["evaluator"],
                     "Hu Bin": ["influencer"], "Xu Ke": ["decision_maker"], "Lu Qi": []}
    assert result.map.stakeholder("ma_jun").stance == "support"
    assert result.map.account.name == "Eastern Mfg" and result.map.opportunity.name == "Cloud ERP"
    # "Other" and an unknown value are kept in notes and reported, never dropped
    qian, lu = result.map.get("qian_hao"), result.map.get("lu_qi")
    assert "Other" in qian.notes and "Strategic Partner" in lu.notes
    unmapped = {(n.name, n.value) for n in result.notes if n.code == "unmapped"}
    assert ("Qian Hao", "Other") in unmapped and ("Lu Qi", "Strategic Partner") in unmapped
    assert ("Wang Wei", "wang@example.com") in unmapped and "wang@example.com" in result.map.get("wang_wei").notes


def test_hubspot_export_with_multi_values_and_split_names():
    result = import_csv(io.StringIO(HUBSPOT))
    assert result.format == "hubspot"
    people = {p.name: p for p in result.map}
    assert people["Wei Wang"].roles == ["decision_maker", "approver"]
    assert people["Na Li"].stance == "champion" and people["Na Li"].roles == ["influencer"]
    assert people["Min Zhou"].stance == "oppose" and people["Min Zhou"].roles == []
    assert people["Hao Qian"].roles == ["observer"] and people["Li Sun"].roles == ["user"]
    assert "Other" in people["Ke Xu"].notes


def test_template_with_chinese_headers_bom_and_reporting_lines(tmp_path):
    text = ("姓名,职务,部门,角色,权力,态度,教练,上级\n"
            "王伟,信息中心主任,信息中心,决策者,5,中立,否,\n"
            "李娜,IT经理,信息中心,决策支持评估者、影响者,3,力挺,是,王伟\n"
            "周敏,财务总监,财务部,approver,4,support,no,王伟\n"
            "钱浩,采购,采购部,采购执行者,9,很反对,也许,不存在的人\n")
    path = tmp_path / "contacts.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = import_csv(path)
    assert result.format == "template"
    pm = result.map
    li = next(p for p in pm if p.name == "李娜")
    assert li.roles == ["evaluator", "influencer"] and li.stance == "champion" and li.coach is True and li.power == 3
    wang = next(p for p in pm if p.name == "王伟")
    assert wang.coach is False and wang.stance == "neutral"
    assert [(r.source, r.target, r.type) for r in pm.relationships] == [(li.id, wang.id, "reports_to"),
                                                                         (pm.stakeholders[2].id, wang.id, "reports_to")]
    qian = pm.stakeholders[3]
    assert qian.power is None and qian.stance is None and qian.coach is None
    assert all(v in qian.notes for v in ("9", "很反对", "也许", "不存在的人"))
    codes = sorted(n.code for n in result.notes)
    assert codes == ["bad_value", "bad_value", "bad_value", "unknown_manager"]


def test_gb18030_csv_from_chinese_excel(tmp_path):
    path = tmp_path / "gbk.csv"
    path.write_bytes("姓名,角色\n王伟,决策者\n".encode("gb18030"))
    result = import_csv(path)
    assert result.encoding == "gb18030" and result.map.stakeholders[0].roles == ["decision_maker"]


def test_reporting_cycle_is_not_imported_but_kept(tmp_path):
    result = import_csv(io.StringIO("name,reports_to\nA,B\nB,A\nC,C\n"))
    assert len(result.map.relationships) == 1
    assert {n.code for n in result.notes} == {"cycle_dropped", "unknown_manager"}
    pk.save_map(result.map, tmp_path / "ok.json")  # the imported map is always valid


def test_missing_name_column_is_a_clear_error():
    with pytest.raises(ValueError, match="no name column"):
        import_csv(io.StringIO("title,role\nCIO,Decision Maker\n"))


def test_csv_export_round_trips(small_map, tmp_path):
    path = tmp_path / "out.csv"
    export_csv(small_map, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    back = import_csv(path).map
    for a, b in zip(small_map, back):
        assert (a.id, a.name, a.roles, a.power, a.stance, a.coach) == (b.id, b.name, b.roles, b.power, b.stance, b.coach)
    assert [(r.source, r.target) for r in back.relationships] == [("it_mgr", "cio")]


def test_graphml_export(small_map, tmp_path):
    path = export_graphml(small_map, tmp_path / "m.graphml")
    graph = nx.read_graphml(path)
    assert graph.nodes["cio"]["name"] == "王伟" and graph.number_of_edges() == 3
    assert {d["type"] for _, _, d in graph.edges(data=True)} == {"reports_to", "influences", "conflict"}


def test_crm_mapping_covers_both_systems():
    values = {row["value"] for row in crm_mapping()}
    sf = {"Business User", "Decision Maker", "Economic Buyer", "Economic Decision Maker", "Evaluator",
          "Executive Sponsor", "Influencer", "Technical Buyer", "Other"}
    hs = {"Blocker", "Budget Holder", "Champion", "Decision Maker", "End User", "Executive Sponsor", "Influencer",
          "Legal and Compliance", "Other"}
    assert sf | hs == values


def test_cli_import_and_export(tmp_path, capsys):
    src = tmp_path / "sf.csv"
    src.write_text(SALESFORCE, "utf-8")
    out = tmp_path / "map.json"
    assert main(["import", str(src), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert "imported 10 stakeholder(s)" in captured.out and "Strategic Partner" in captured.err
    assert len(pk.load_map(out)) == 10
    assert main(["export", str(out), "--to", "graphml"]) == 0
    assert (tmp_path / "map.graphml").exists()
    capsys.readouterr()
    assert main(["export", str(out), "--to", "csv", "--out", "-"]) == 0
    assert capsys.readouterr().out.startswith("id,name,title")
    assert main(["--lang", "zh", "import", str(tmp_path / "missing.csv"), "--out", str(out)]) == 1


def test_readme_import_table_matches_the_vocabulary():
    from pathlib import Path

    readme = (Path(__file__).parents[1] / "README.md").read_text("utf-8")
    for row in crm_mapping():
        roles = ", ".join(f"`{r}`" for r in row["roles"]) or "—"
        stance = f"`{row['stance']}`" if row["stance"] else "—"
        assert f"| {row['value']} |" in readme and f"| {roles} | {stance} |" in readme.split(f"| {row['value']} |")[1].split("\n")[0]


def test_cli_import_suggests_roles_from_titles_only_when_asked(tmp_path, capsys):
    src = tmp_path / "t.csv"
    src.write_text("姓名,职务\n王伟,采购部经理\n李娜,总经理\n", "utf-8")
    out = tmp_path / "m.json"
    assert main(["import", str(src), "--out", str(out)]) == 0
    assert all(not p.roles for p in pk.load_map(out))
    capsys.readouterr()
    assert main(["import", str(src), "--out", str(out), "--suggest-roles"]) == 0
    assert "Purchasing executor" in capsys.readouterr().err
    assert all(not p.roles for p in pk.load_map(out))  # listed, not applied
    assert main(["import", str(src), "--out", str(out), "--apply-suggested-roles"]) == 0
    roles = {p.name: p.roles for p in pk.load_map(out)}
    assert "purchaser" in roles["王伟"] and "approver" in roles["李娜"]
