"""The synthetic corpus (scripts/synth.py): deterministic, nested, consistent with its own
gold, and extraction reproduces that gold on a few hundred generated documents.

The generator's gold is what it wrote, so a field that extraction gets wrong here is an
extractor defect (or a generator bug); known defects are strict xfails naming an example.
"""
from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load_synth():
    spec = importlib.util.spec_from_file_location("synth", ROOT / "scripts" / "synth.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("synth", module)
    spec.loader.exec_module(module)
    return module


synth = _load_synth()

N_EXTRACT = 250  # documents extracted and compared with their gold
KB = 3.0  # small documents keep the test fast; the benchmark uses ~10 KB


# --- the generator alone -------------------------------------------------------------------------


def test_same_seed_same_documents():
    a = [(d.text(), d.gold) for d in synth.generate(15, seed=7, kb=KB)]
    b = [(d.text(), d.gold) for d in synth.generate(15, seed=7, kb=KB)]
    assert a == b
    c = [d.text() for d in synth.generate(15, seed=8, kb=KB)]
    assert c != [t for t, _ in a]


def test_a_small_corpus_is_the_prefix_of_a_larger_one():
    small = [(d.text(), d.gold) for d in synth.generate(12, seed=3, kb=KB)]
    large = [(d.text(), d.gold) for d in synth.generate(40, seed=3, kb=KB)][:12]
    assert small == large


def test_every_type_code_and_many_issuers():
    catalog = synth.Catalog(1)
    catalog.ensure(4000)
    types = Counter(e.doc_type for e in catalog.entries)
    assert set(types) == set(synth.ALL_TYPES), set(synth.ALL_TYPES) - set(types)
    assert len({e.province.name for e in catalog.entries if e.province}) == len(synth.PROVINCES)
    assert len({e.issuer.name for e in catalog.entries}) > 500
    numbers = [(e.issuer.name, e.number, e.issued.year) for e in catalog.entries if e.number]
    assert len(numbers) == len(set(numbers)), "one issuer never reuses a number in a year"


@pytest.mark.parametrize(
    "value, words",
    [
        (350_000_000, "Ba trăm năm mươi triệu đồng"),
        (1_500_000_000, "Một tỷ năm trăm triệu đồng"),
        (2_015_000, "Hai triệu không trăm mười lăm nghìn đồng"),
        (105_000, "Một trăm lẻ năm nghìn đồng"),
        (21_000_000, "Hai mươi mốt triệu đồng"),
        (54_500_000, "Năm mươi tư triệu năm trăm nghìn đồng"),
    ],
)
def test_amounts_in_words(value, words):
    assert synth.in_words(value) == words


def test_amount_printing():
    assert synth.Money.millions(1_473_139).text == "1.473.139 triệu đồng"
    assert synth.Money.millions(1_473_139).value_vnd == 1_473_139_000_000
    assert synth.Money.billions(25).text == "2,5 tỷ đồng"
    assert synth.Money.billions(25).value_vnd == 2_500_000_000
    assert synth.Money.billions(30).text == "3 tỷ đồng"
    assert synth.Money.dong(350_500_000).text == "350.500.000 đồng"


@pytest.fixture(scope="module")
def generated():
    return list(synth.generate(600, seed=11, kb=KB, bad_share=0.25))


def test_the_gold_is_in_the_text(generated):
    for doc in generated:
        text, gold = doc.text(), doc.gold
        for ref in gold["references"]:
            assert ref["number"] in text.replace(" /", "/"), (doc.stem, ref["number"])
        for a in gold["assignments"]:
            assert a["agency"] in text, (doc.stem, a["agency"])
        for r in gold["recipients"] + gold["distribution"]:
            assert r in text, (doc.stem, r)
        if gold["signer"].get("name"):
            assert gold["signer"]["name"] in text
        printed = re.findall(r"[\d.,]+ (?:triệu đồng|tỷ đồng|đồng)", text)
        assert len(printed) >= len(gold["amounts"]), doc.stem


def test_budgets_add_up_except_the_bad_share(generated):
    with_budget = [d for d in generated if d.gold["budget_checks"]]
    bad = [d for d in with_budget if d.bad_budget]
    assert len(with_budget) > 150
    assert 0.15 < len(bad) / len(with_budget) < 0.35  # asked for 0.25
    for doc in with_budget:
        for check in doc.gold["budget_checks"]:
            if "parts_vnd" in check:
                assert check["holds"] == (sum(check["parts_vnd"]) == check["total_vnd"]), doc.stem
        assert doc.bad_budget == (not all(c["holds"] for c in doc.gold["budget_checks"]))


def test_citations_form_a_graph_of_earlier_documents(generated):
    catalog = synth.Catalog(11)
    catalog.ensure(len(generated))
    by_number: dict[str, list] = {}
    for e in catalog.entries:
        if e.number:
            by_number.setdefault(e.number, []).append(e)
    to_generated = absent = 0
    for doc in generated:
        for ref in doc.gold["references"]:
            cited = [e for e in by_number.get(ref["number"], []) if e.issuer.name == ref["issuer"]]
            if cited:
                to_generated += 1
                assert cited[0].index < doc.index and cited[0].issued < doc.entry.issued, (doc.stem, ref)
            else:
                absent += 1
    assert to_generated > 200 and absent > 200, (to_generated, absent)


def test_cli_writes_documents_gold_and_manifest(tmp_path):
    assert synth.main(["--n", "6", "--out", str(tmp_path), "--formats", "txt,docx", "--seed", "2", "--kb", "2"]) == 0
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["n"] == 6 and sum(manifest["by_format"].values()) == 6
    gold = sorted((tmp_path / "gold").glob("*.json"))
    assert len(gold) == 6
    for g in gold:
        record = json.loads(g.read_text())
        assert (tmp_path / "docs" / record["source"]).exists()


# --- extraction against the gold -----------------------------------------------------------------


FORMATS = ("txt", "docx", "pdf")


def _format(index: int) -> str:
    return "pdf" if index % 20 == 7 else "docx" if index % 10 == 5 else "txt"


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    """Extract N_EXTRACT generated documents (mostly .txt, some .docx and .pdf) and score
    them, one score table per format; and see which failing budgets are found."""
    from extractors.pipeline import extract_file
    from vanban.evaluate import compare

    out = tmp_path_factory.mktemp("synth")
    docs_dir, gold_dir = out / "docs", out / "gold"
    docs_dir.mkdir()
    gold_dir.mkdir()
    scores: dict[str, dict] = {f: {} for f in FORMATS}
    budgets: dict[str, dict] = {}
    for doc in synth.generate(N_EXTRACT, seed=1, kb=KB, bad_share=0.3):
        fmt = _format(doc.index)
        path = synth.write_doc(doc, docs_dir, gold_dir, fmt)
        gold = json.loads((gold_dir / f"{doc.stem}.json").read_text())
        record = extract_file(path)
        assert record.error is None, (path.name, record.error)
        compare(gold, record.model_dump(exclude={"text"}), scores[fmt])
        if fmt != "txt" or not gold["budget_checks"]:
            continue
        found_failing = [c for c in record.budget_checks if not c.holds]
        layout = gold["budget_checks"][0]["layout"]
        tally = budgets.setdefault(layout, {"bad": 0, "bad_missed": [], "good_flagged": []})
        if doc.bad_budget:
            tally["bad"] += 1
            if not found_failing:
                tally["bad_missed"].append(path.name)
        elif found_failing:
            tally["good_flagged"].append(path.name)
    return scores, budgets


FIELDS = ("genre", "doc_type", "number", "issued_date", "place", "issuer", "subject", "signer.name", "recipients",
          "distribution", "references", "legal_bases", "references.date", "references.doc_type", "amounts",
          "assignments")

# (format, field) -> (F1 it must keep, why it is not yet 1.0, with an example)
KNOWN_DEFECTS = {
    ("txt", "issuer"): (0.9, "header: 'SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI' under 'UBND TỈNH …' gives 'Sở Lao động - "
                             "thương binh và xã Hội' without its province; 'TỈNH ỦY CAO BẰNG / * / Số 48-CTr/TU' gives none"),
    ("txt", "subject"): (0.9, "header: in a motto-first header the V/v line swallows the 'Kính gửi: X.' line after it"),
    ("txt", "signer.name"): (0.9, "header: a news article's author line is found only when the article ends in './.'"),
    ("txt", "recipients"): (0.9, "header: the paragraph right after 'Kính gửi: X.' (no blank line) is read as a "
                                 "second recipient"),
    ("txt", "assignments"): (0.9, "assignments: after '1. Đề nghị X <task>.' the next numbered items ('2. Giao Y chủ "
                                  "trì …', '2. Đề nghị Y …') are read as X's tasks, so Y is lost or named with its task"),
    ("docx", "issuer"): (0.8, "header: as for txt ('SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI' loses its province)"),
    ("docx", "recipients"): (0.8, "header: as for txt (the paragraph after 'Kính gửi: X.' is a second recipient)"),
    ("docx", "signer.name"): (0.8, "header: as for txt (a news article's author line needs an article ending in './.')"),
    ("docx", "subject"): (0.8, "header: the subject runs on into the next paragraph when no blank line follows it"),
    ("docx", "assignments"): (0.8, "assignments: as for txt ('1. Đề nghị X …' takes the numbered items after it)"),
    ("pdf", "doc_type"): (0.6, "header: a V/v subject wrapped over two lines in the left column is read as the issuer "
                               "and the number is lost ('V/v tăng cường … dịch / bệnh truyền nhiễm' gives issuer 'Bệnh "
                               "truyền nhiễm')"),
    ("pdf", "number"): (0.6, "header: as for doc_type (wrapped V/v line in the left column)"),
    ("pdf", "issuer"): (0.5, "header: as for doc_type (wrapped V/v line in the left column)"),
    ("pdf", "subject"): (0.5, "header: wrapped V/v line; and a subject runs on into the first paragraph"),
    ("pdf", "signer.name"): (0.3, "pdf reader: on a one-page PDF the closing block 'Nơi nhận | TM. … signature' is "
                                  "merged line by line, so the signature is lost"),
    ("pdf", "distribution"): (0.5, "pdf reader: as for signer.name ('- Như trên; PHÓ CHỦ TỊCH')"),
    ("pdf", "assignments"): (0.7, "assignments: as for txt ('1. Đề nghị X …' takes the numbered items after it)"),
}


def _cases():
    for fmt in FORMATS:
        for field in FIELDS:
            defect = KNOWN_DEFECTS.get((fmt, field))
            marks = [pytest.mark.xfail(strict=True, reason=defect[1])] if defect else []
            yield pytest.param(fmt, field, marks=marks, id=f"{fmt}-{field}")


@pytest.mark.slow
@pytest.mark.parametrize("fmt, field", list(_cases()))
def test_extraction_reproduces_the_gold(scored, fmt, field):
    scores, _ = scored
    s = scores[fmt].get(field)
    assert s is not None and s.docs, f"no {fmt} document scored {field}"
    assert (s.fp, s.fn) == (0, 0), s.misses[:8]


@pytest.mark.slow
@pytest.mark.parametrize("fmt, field", sorted(KNOWN_DEFECTS), ids=[f"{f}-{x}" for f, x in sorted(KNOWN_DEFECTS)])
def test_fields_with_known_defects_keep_their_level(scored, fmt, field):
    scores, _ = scored
    assert scores[fmt][field].f1 >= KNOWN_DEFECTS[(fmt, field)][0], scores[fmt][field].misses[:8]


BUDGET_DEFECTS = {
    "total_after": "budget: a total printed after its parts ('1. Chi … 2. Chi … Tổng cộng: 699.100.000 đồng') is "
                   "not checked, so a total that does not add up is not reported",
}


@pytest.mark.slow
@pytest.mark.parametrize(
    "layout",
    [pytest.param(k, marks=[pytest.mark.xfail(strict=True, reason=BUDGET_DEFECTS[k])] if k in BUDGET_DEFECTS else [])
     for k in ("inline", "list", "total_after")],
)
def test_budget_checks_find_the_totals_that_do_not_add_up(scored, layout):
    _, budgets = scored
    tally = budgets[layout]
    assert tally["bad"] >= 2, "the corpus has failing budgets of this layout"
    assert tally["bad_missed"] == [] and tally["good_flagged"] == [], tally
