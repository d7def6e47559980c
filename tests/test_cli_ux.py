"""The CLI as a user expects it (issue 16, items 4, 6-10): flags everywhere they make sense,
one language and one number style, readable assignments, exit codes scripts can use,
exports offices can open, and no packaging noise.

Every test drives the real command (Click's runner, or a subprocess) on real files and a
real SQLite database built by ``vanban load`` from the bundled seeds.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tomllib

import pytest
from click.testing import CliRunner

from vanban.cli import cli

from .conftest import DOCS, GOLD, ROOT, SEEDS

SEED_001 = DOCS / "001_0cdea8a3936c5322.txt"
GROUPED_THOUSANDS_WITH_COMMAS = re.compile(r"\d,\d{3}(?!\d)")


def run(*args, env=None, **kwargs):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env, **kwargs)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Seeds 001 (one figure altered, so that one budget check fails), 002 and 003."""
    folder = tmp_path_factory.mktemp("ux-docs")
    text = SEED_001.read_text(encoding="utf-8")
    old = "Vốn đầu tư phát triển: 30.891 triệu đồng."
    assert old in text
    (folder / SEED_001.name).write_text(text.replace(old, "Vốn đầu tư phát triển: 30.991 triệu đồng."), encoding="utf-8")
    for seed in SEEDS[2:4]:
        shutil.copy(seed, folder / seed.name)
    return folder


@pytest.fixture(scope="module")
def db(corpus, tmp_path_factory):
    path = tmp_path_factory.mktemp("ux-db") / "ux.db"
    result = run("load", corpus, "--db", path, "--workers", "0", "--no-progress")
    assert result.exit_code == 0, result.output
    return path


# --- item 4: --json and --db / $VANBAN_DB where they make sense ------------------------------------------


def test_extract_of_several_files_to_stdout_is_json_lines():
    result = run("extract", SEEDS[1], SEEDS[2], "--json")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 2
    assert [json.loads(line)["source"] for line in lines] == [SEEDS[1].name, SEEDS[2].name]


def test_schema_of_a_database(db):
    text = run("schema", "--db", db)
    assert text.exit_code == 0, text.output
    assert re.search(r"^documents: id, uri, status", text.output, re.M)
    as_json = run("schema", "--db", db, "--json")
    assert as_json.exit_code == 0 and "target_id" in json.loads(as_json.output)["citations"]


def test_evaluate_scores_the_records_of_a_database(db):
    result = run("evaluate", GOLD, "--db", db, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["documents"] == 3  # the three loaded seeds; the other gold documents are not in it
    assert SEEDS[0].name in data["missing_sources"]
    assert data["fields"]["doc_type"]["f1"] == 1.0


def test_audit_reads_the_database_of_vanban_db(db):
    result = run("audit", env={"VANBAN_DB": str(db)})
    assert result.exit_code == 1, result.output  # a check fails
    assert "352/KH-UBND" in result.output
    as_json = run("audit", "--json", env={"VANBAN_DB": str(db)})
    assert as_json.exit_code == 1 and json.loads(as_json.output)[0]["number"] == "352/KH-UBND"


def test_serve_takes_db_and_vanban_db(tmp_path):
    missing = tmp_path / "missing.db"
    for args, env in ((["serve", "--db", missing], None), (["serve"], {"VANBAN_DB": str(missing)})):
        result = run(*args, env=env)
        assert result.exit_code == 1 and f"no database at {missing}" in result.output, result.output


def test_every_database_command_takes_db_from_the_environment_and_json():
    for name, command in cli.commands.items():
        options = {o: p for p in command.params for o in getattr(p, "opts", [])}
        if name in ("extract",):  # reads files, writes no database
            assert "--db" not in options and "--json" in options
            continue
        assert "--db" in options, name
        if name not in ("serve", "export", "schema", "evaluate"):  # serve serves; export writes jsonl or csv
            assert "--json" in options, name
        if name not in ("schema", "evaluate"):  # these read a database only when given one
            assert options["--db"].envvar == "VANBAN_DB", name


# --- item 6: one language, one number style --------------------------------------------------------------


def test_formatting_module():
    from vanban.formatting import money, number, position

    assert number(24030035989) == "24.030.035.989"
    assert money(24030035989) == "24.030.035.989 đồng"
    assert money(-1, signed=True) == "-1 đồng" and money(100_000_000, signed=True) == "+100.000.000 đồng"
    assert number(157.83, 1) == "157,8"
    assert position("III.1", 49) == "mục III.1, dòng 49" and position(None, 3) == "dòng 3"


def test_audit_of_a_database_prints_dotted_figures_and_section_and_line(db):
    result = run("audit", "--db", db)
    assert result.exit_code == 1
    (line,) = result.output.splitlines()
    # the total's section and its line in the stored text
    assert "352/KH-UBND" in line and re.search(r"\[mục II, dòng \d+\]", line), line
    assert "tổng 632.118.000.000 đồng, chênh lệch +100.000.000 đồng" in line
    assert not GROUPED_THOUSANDS_WITH_COMMAS.search(line), line
    assert " at " not in line and "difference" not in line


def test_audit_of_one_check_says_no_english_plural(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("KẾ HOẠCH\nTổng kinh phí: 300 triệu đồng, gồm:\n- Vốn đầu tư: 100 triệu đồng;\n"
                    "- Vốn sự nghiệp: 200 triệu đồng.\n", encoding="utf-8")
    result = run("audit", path)
    assert "checks" not in result.output and "amounts" not in result.output and " fail" not in result.output
    assert re.search(r"\d+ khoản tiền, \d+ phép kiểm tra: \d+ khớp, \d+ sai", result.output), result.output


def test_load_stats_and_show_in_vietnamese(db, corpus):
    load = run("load", corpus, "--db", db, "--workers", "0")
    assert load.exit_code == 0
    assert load.output.startswith("3 tệp: 0 trích xuất, 0 đã nạp dưới tên khác, 3 không đổi, 0 lỗi, trong ")
    assert re.search(r"trong \d+,\d giây", load.output)
    stats = run("stats", "--db", db)
    assert stats.exit_code == 0
    for word in ("Văn bản: 3", "Trích dẫn:", "Khoản tiền:", "kiểm tra ngân sách:", "Giao nhiệm vụ:", "Tệp: 3"):
        assert word in stats.output
    for english in ("Documents", "Citations", "failing", "agencies", "load errors"):
        assert english not in stats.output
    show = run("show", "352/KH-UBND", "--db", db)
    assert "(đã nạp)" in show.output and "cơ quan ban hành: Ủy ban nhân dân tỉnh Nghệ An" in show.output
    assert "[căn cứ]" in show.output and "(chưa nạp)" in show.output and "not loaded" not in show.output


# --- item 7: assignments readable -------------------------------------------------------------------------


def test_assignments_say_the_province_of_each_task(db):
    result = run("assignments", "--agency", "so y te", "--db", db)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines and all(" — " in line for line in lines)
    assert any("Sở Y tế — Nghệ An" in line and "[chủ trì]" in line for line in lines)


def test_an_unknown_province_is_said_with_close_names(db):
    result = run("assignments", "--agency", "so y te", "--province", "Nghe Ann", "--db", db)
    assert result.exit_code == 2
    assert "unknown province" in result.output and "Nghệ An" in result.output


@pytest.mark.parametrize("word", ["chủ trì", "chu tri", "Chủ trì", "lead"])
def test_role_in_vietnamese(db, word):
    result = run("assignments", "--agency", "so y te", "--role", word, "--db", db, "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows and {r["role"] for r in rows} == {"lead"}


def test_role_words_fold():
    from vanban.formatting import ROLES, parse_code

    assert parse_code(ROLES, "phoi hop") == "support" and parse_code(ROLES, "Phối hợp") == "support"
    assert parse_code(ROLES, "boss") is None
    result = run("assignments", "--agency", "so y te", "--role", "boss")
    assert result.exit_code == 2 and "chủ trì (lead)" in result.output


# --- item 8: exit codes ------------------------------------------------------------------------------------


def test_a_glob_that_matches_nothing_fails_and_loads_nothing(tmp_path):
    path = tmp_path / "none.db"
    result = run("load", str(tmp_path / "nothing" / "*.pdf"), "--db", path)
    assert result.exit_code == 2 and "matches no file" in result.output
    assert not path.exists()


def test_a_folder_without_documents_fails(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("load", tmp_path / "empty", "--db", tmp_path / "x.db")
    assert result.exit_code == 2 and "no file to load" in result.output


def test_empty_evaluate_fails(tmp_path):
    result = run("evaluate", tmp_path)
    assert result.exit_code == 1 and "Không có tệp gold nào" in result.output


def test_empty_search_fails(db):
    for query in ("", "   "):
        result = run("search", query, "--db", db)
        assert result.exit_code == 2 and "empty query" in result.output


@pytest.mark.parametrize("query", ['"unbalanced', "AND", "so AND", "(so"])
def test_search_syntax_errors_give_a_quoting_hint(db, query):
    result = run("search", query, "--db", db)
    assert result.exit_code == 1, result.output
    assert "how to quote" in result.output and '"so y te" OR "so tai chinh"' in result.output
    assert "fts5" not in result.output and "unterminated" not in result.output


def test_load_strict_exits_1_when_a_file_failed(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SEEDS[1], folder / SEEDS[1].name)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    lenient = run("load", folder, "--db", tmp_path / "a.db", "--workers", "0")
    assert lenient.exit_code == 0 and "1 lỗi" in lenient.output
    strict = run("load", folder, "--db", tmp_path / "b.db", "--workers", "0", "--strict")
    assert strict.exit_code == 1 and "--strict: 1 tệp lỗi" in strict.output
    as_json = run("load", folder, "--db", tmp_path / "c.db", "--workers", "0", "--strict", "--json")
    assert as_json.exit_code == 1


def test_serve_on_a_busy_port_says_so_before_announcing(db):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run("serve", db, "--port", port)
    assert result.exit_code == 1
    assert f"cổng {port}" in result.output and "port in use" in result.output
    assert "serving" not in result.output.lower()


# --- item 9: exports offices can open ----------------------------------------------------------------------


def _csv(path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_csv_export_has_a_byte_order_mark_and_says_what_it_wrote(db, tmp_path):
    out = tmp_path / "docs.csv"
    result = run("export", "--db", db, "--format", "csv", "--out", out)
    assert result.exit_code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfid,uri,status")
    rows = _csv(out)
    assert f"Đã ghi {len(rows)} dòng của bảng documents (csv, có BOM) vào {out}" in result.output
    plain = tmp_path / "plain.csv"
    assert run("export", "--db", db, "--format", "csv", "--no-bom", "--out", plain).exit_code == 0
    assert plain.read_bytes().startswith(b"id,uri")


def test_export_filters(db, tmp_path):
    def rows(*args):
        out = tmp_path / "f.csv"
        result = run("export", "--db", db, "--format", "csv", "--out", out, *args)
        assert result.exit_code == 0, result.output
        return _csv(out)

    everything = rows()
    assert {r["status"] for r in everything} == {"loaded", "stub"}
    assert {r["status"] for r in rows("--loaded-only")} == {"loaded"} and len(rows("--loaded-only")) == 3
    assert {r["doc_type"] for r in rows("--loaded-only", "--type", "KH")} == {"KH"}
    since = rows("--loaded-only", "--since", "2023-05")
    assert since and all(r["issued_date"] >= "2023-05" for r in since)
    assert len(since) < 3 or all(r["issued_date"] >= "2023-05" for r in since)
    tasks = rows("--table", "assignments", "--type", "CV")
    kh = rows("--table", "assignments", "--type", "KH")
    assert tasks and kh and len(tasks) + len(kh) <= len(rows("--table", "assignments"))
    bad = run("export", "--db", db, "--table", "agencies", "--type", "KH")
    assert bad.exit_code == 2 and "--type" in bad.output
    assert run("export", "--db", db, "--since", "May 2023").exit_code == 2


def test_citations_export_carries_the_target_number_and_uri(db, tmp_path):
    out = tmp_path / "citations.csv"
    assert run("export", "--db", db, "--format", "csv", "--table", "citations", "--out", out).exit_code == 0
    rows = _csv(out)
    basis = [r for r in rows if r["number"] == "27/2022/NĐ-CP"]
    assert basis and {r["target_uri"] for r in basis} == {"vn/cp/nd/2022/27"}
    assert {r["target_number"] for r in basis} == {"27/2022/NĐ-CP"}
    assert {r["document_number"] for r in basis} >= {"352/KH-UBND"}


def test_jsonl_export_of_filtered_records(db, tmp_path):
    out = tmp_path / "kh.jsonl"
    result = run("export", "--db", db, "--type", "KH", "--out", out)
    assert result.exit_code == 0 and "bản ghi văn bản (jsonl) vào" in result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records and {r["doc_type"] for r in records} == {"KH"}


# --- item 10: packaging noise ------------------------------------------------------------------------------


def test_license_is_an_spdx_string():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert isinstance(project["license"], str) and project["license"] == "MIT"


def test_serve_without_the_web_extra_says_how_to_install_it(db):
    code = ("import sys; sys.modules['datasette'] = None; sys.modules['uvicorn'] = None\n"
            "from vanban.cli import main; sys.argv = ['vanban', 'serve', sys.argv[1]]; main()")
    proc = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert "pip install 'vanban[web]'" in proc.stderr and "Traceback" not in proc.stderr


def test_readme_links_stay_in_the_repository():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "../shared" not in readme
    for target in re.findall(r"\]\(([^)#]+)\)", readme):
        if not re.match(r"https?://", target):
            assert (ROOT / target).exists(), target
    head = (ROOT / "docs" / "OUTPUT.md").read_text(encoding="utf-8").split("\n")[:3]
    assert any("spec/OUTPUT.md" in line and "Copied from" in "".join(head) for line in head)


def _readme_commands() -> list[tuple[str, str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Commands\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `vanban ([a-z-]+)[^`]*` \| (.+?) \|$", section, re.M)


def test_readme_command_list_matches_vanban_help():
    env = {**os.environ, "COLUMNS": "200"}
    proc = subprocess.run([sys.executable, "-m", "vanban.cli", "--help"], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    listed = re.findall(r"^  ([a-z-]+)\s{2,}(.+)$", proc.stdout.split("Commands:", 1)[1], re.M)
    assert listed and _readme_commands() == listed
