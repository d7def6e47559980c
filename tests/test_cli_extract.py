"""`vanban extract`, `vanban schema` and `vanban evaluate` run as a user runs them."""
from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from vanban.cli import cli

from .conftest import DOCS, GOLD


def test_extract_one_file_prints_json():
    result = CliRunner().invoke(cli, ["extract", str(DOCS / "001_0cdea8a3936c5322.txt")])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["number"] == "352/KH-UBND"
    assert record["source"] == "001_0cdea8a3936c5322.txt"
    assert "text" not in record


def test_extract_many_to_folder_goes_on_after_bad_files(tmp_path):
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "broken.pdf").write_bytes(b"%PDF-1.7\n garbage")
    good = bad / "good.txt"
    good.write_text((DOCS / "003_e10532ee13340f9e.txt").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["extract", str(bad), "--out", str(out)])
    assert result.exit_code == 0, result.output
    records = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.json")}
    assert set(records) == {"empty.json", "broken.json", "good.json"}
    assert records["empty.json"]["error"]["code"] == "empty_file"
    assert records["broken.json"]["error"]["code"] == "corrupt_file"
    assert records["good.json"]["error"] is None and records["good.json"]["number"] == "/UBND-VXNV"


def test_schema_is_json_schema():
    result = CliRunner().invoke(cli, ["schema"])
    schema = json.loads(result.output)
    for key in ("source", "genre", "doc_type", "number", "issued_date", "references", "amounts", "assignments", "signer"):
        assert key in schema["properties"]


def test_evaluate_json_on_seeds(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    for p in GOLD.glob("00[0-4]_*.json"):
        (gold / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(gold), "--docs", str(DOCS), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["documents"] == 5
    for field in ("doc_type", "number", "issued_date", "place", "issuer", "subject", "recipients", "distribution"):
        assert data["fields"][field]["f1"] == 1.0, field


def test_evaluate_reads_predictions(tmp_path):
    gold = tmp_path / "gold"
    pred = tmp_path / "pred"
    gold.mkdir(), pred.mkdir()
    (gold / "a.json").write_text(json.dumps({"source": "a.txt", "number": "1/KH-UBND", "place": "Hà Nội"}), encoding="utf-8")
    (pred / "a.json").write_text(json.dumps({"source": "a.txt", "number": "1 / KH - UBND", "place": "HA NOI"}), encoding="utf-8")
    data = json.loads(CliRunner().invoke(cli, ["evaluate", str(gold), "--pred", str(pred), "--json"]).output)
    assert data["fields"]["number"]["f1"] == 1.0
    assert data["fields"]["place"]["f1"] == 1.0
    (pred / "a.json").write_text(json.dumps({"source": "a.txt", "number": "2/KH-UBND"}), encoding="utf-8")
    data = json.loads(CliRunner().invoke(cli, ["evaluate", str(gold), "--pred", str(pred), "--json"]).output)
    assert data["fields"]["number"]["f1"] == 0.0
    assert data["fields"]["place"]["recall"] == 0.0


def test_installed_command_prints_vietnamese():
    from pathlib import Path

    exe = str(Path(sys.executable).parent / "vanban")
    out = subprocess.run([exe, "extract", str(DOCS / "000_1b94d4fbd1336da8.txt")], capture_output=True, env={"LANG": "C", "PATH": ""})
    assert out.returncode == 0, out.stderr
    assert "Sóc Trăng" in out.stdout.decode("utf-8")
