"""The corpus diff report: gains and losses per field between two sets of records."""
import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("corpus_diff", ROOT / "scripts" / "corpus_diff.py")
corpus_diff = importlib.util.module_from_spec(spec)
spec.loader.exec_module(corpus_diff)


def _record(**kw):
    base = {"genre": "official", "doc_type": "KH", "number": "352/KH-UBND", "issued_date": "2023-05-25",
            "place": "Nghệ An", "issuer": "Ủy ban nhân dân tỉnh Nghệ An", "references": [], "amounts": [],
            "assignments": [], "signer": {"name": None}}
    base.update(kw)
    return base


def test_gains_and_losses_are_counted_per_field(tmp_path, monkeypatch):
    gold = _record(source="dev-900.txt", references=[{"number": "27/2022/NĐ-CP"}, {"number": "1719/QĐ-TTg"}])
    monkeypatch.setattr(corpus_diff, "gold_for", lambda label, path: gold if label == "corpus/docs/dev-900.txt" else None)
    files = {"corpus/docs/dev-900.txt": Path("dev-900.txt"), "corpus-dev/999.md": Path("999.md")}
    before = {
        "corpus/docs/dev-900.txt": _record(number="352/KH-UBNDNghệ An", references=[{"number": "27/2022/NĐ-CP"}]),
        "corpus-dev/999.md": _record(place=None),
    }
    after = {
        "corpus/docs/dev-900.txt": _record(references=[{"number": "27/2022/NĐ-CP"}, {"number": "1719/QĐ-TTg"}]),
        "corpus-dev/999.md": _record(place="Hà Giang"),
    }
    result = corpus_diff.diff(before, after, files)
    assert result["gold"]["number"]["tp"] == 1 and result["gold"]["number"]["fp"] == -1
    assert result["gold"]["number"]["gained"] == ["corpus/docs/dev-900.txt"]
    assert result["gold"]["references"]["tp"] == 1 and result["gold"]["references"]["fn"] == -1
    assert [r["doc"] for r in result["changed"]["place"]] == ["corpus-dev/999.md"]
    text = corpus_diff.report(result, examples=3)
    assert "references" in text and "Hà Giang" in text
    # and the losses, the other way round
    back = corpus_diff.diff(after, before, files)
    assert back["gold"]["references"]["lost"] == ["corpus/docs/dev-900.txt"]
    json.dumps(back, ensure_ascii=False)


def test_the_dump_runs_a_trees_own_code(tmp_path):
    doc = tmp_path / "cv.txt"
    doc.write_text("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 12/UBND-VX\nNghệ An, ngày 3 tháng 4 năm 2024\n\n"
                   "V/v triển khai\n\nKính gửi: Sở Y tế\n\nThực hiện Quyết định số 1719/QĐ-TTg.\n", encoding="utf-8")
    import sys
    records = corpus_diff.dump(ROOT, sys.executable, {"x/cv.txt": doc}, tmp_path / "out")
    assert records["x/cv.txt"]["number"] == "12/UBND-VX"
    assert any(r["number"] == "1719/QĐ-TTg" for r in records["x/cv.txt"]["references"])
