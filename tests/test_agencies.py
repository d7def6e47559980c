"""Agency lexicon, matching key, canonical identity and recognition (vanban.extractors.extract.agencies)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from vanban.extractors.extract.agencies.lexicon import (
    MODELS,
    agency_key,
    canonical_agency,
    expand_abbreviations,
    lexicon,
    norm_token,
    province,
    provinces,
)
from vanban.extractors.common.vocabulary import abbreviations
from vanban.extractors.extract.agencies.recognize import agency_nlp, find_agencies, syllables
from vanban.extractors.context import Jurisdiction

NGHE_AN = Jurisdiction("tỉnh", "Nghệ An")
CAN_THO = Jurisdiction("thành phố", "Cần Thơ")


# --- folding and keys ---------------------------------------------------------------------------


ABBREVIATION_ROWS = list(abbreviations("agency_key"))


@pytest.mark.parametrize("form, expansion", ABBREVIATION_ROWS, ids=[f for f, _ in ABBREVIATION_ROWS])
def test_every_abbreviation_rule_expands(form, expansion):
    assert agency_key(f"Sở {form} tỉnh") == agency_key(f"Sở {expansion} tỉnh")


@pytest.mark.parametrize("old, new", [tuple(p) for p in lexicon()["tone_pairs"]])
def test_every_tone_pair_folds_together(old, new):
    assert agency_key(f"Sở {old}") == agency_key(f"Sở {new}")


SAME = [
    ("Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
    ("Sở NN và PTNT", "Sở Nông nghiệp và Phát triển Nông thôn"),
    ("Sở LĐTB&XH", "Sở Lao động – Thương binh và Xã hội"),
    ("Sở LĐ-TB&XH", "Sở Lao động Thương binh và Xã hội"),
    ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
    ("Sở VH,TT&DL", "Sở Văn hoá, Thể thao và Du lịch"),
    ("Uỷ ban MTTQVN tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    ("UB MTTQ Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh"),
    ("Ban Thường trực Uỷ ban Mặt trận Tố quốc tỉnh", "BTT UBMTTQ tỉnh"),  # OCR slip Tố/Tổ
    ("Ngân hàng CSXH Chi nhánh tỉnh", "Ngân hàng Chính sách xã hội chi nhánh tỉnh"),
    ("NHCSXH chi nhánh tỉnh", "Ngân hàng Chính sách xã hội chi nhánh tỉnh"),
    ("BCĐ các chương trình MTQG tỉnh", "Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh"),
    ("UBND các huyện, thị xã", "Ủy ban nhân dân các huyện thị xã"),
    ("HĐND tỉnh", "Hội đồng nhân dân tỉnh"),
    ("So Y te", "Sở Y tế"),
    ("UBND TP Hà Nội", "Ủy ban nhân dân thành phố Hà Nội"),
]


@pytest.mark.parametrize("a, b", SAME)
def test_agency_key_same(a, b):
    assert agency_key(a) == agency_key(b)


@pytest.mark.parametrize(
    "a, b",
    [("Sở Y tế", "Sở Tài chính"), ("Bộ Tài chính", "Sở Tài chính"), ("UBND tỉnh", "HĐND tỉnh"),
     ("Ban Dân tộc tỉnh", "Ủy ban Dân tộc")],
)
def test_agency_key_different(a, b):
    assert agency_key(a) != agency_key(b)


@pytest.mark.parametrize(
    "name, expected",
    [
        ("UBND các huyện, thị xã", "Ủy ban nhân dân các huyện, thị xã"),
        ("Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
        ("Ủy ban MTTQVN tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
        ("Sở Y tế", "Sở Y tế"),
    ],
)
def test_expand_abbreviations(name, expected):
    assert expand_abbreviations(name) == expected


# --- canonical identity ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, jurisdiction, expected",
    [
        ("Sở Y tế", NGHE_AN, ("nghe-an/so-y-te", "Sở Y tế tỉnh Nghệ An")),
        ("Sở Y tế tỉnh", NGHE_AN, ("nghe-an/so-y-te", "Sở Y tế tỉnh Nghệ An")),
        ("Sở NN&PTNT", NGHE_AN, ("nghe-an/so-nong-nghiep-va-phat-trien-nong-thon",
                                 "Sở Nông nghiệp và Phát triển nông thôn tỉnh Nghệ An")),
        ("Sở Y tế tỉnh Hà Tĩnh", NGHE_AN, ("ha-tinh/so-y-te", "Sở Y tế tỉnh Hà Tĩnh")),
        ("UBND tỉnh", NGHE_AN, ("nghe-an/uy-ban-nhan-dan", "Ủy ban nhân dân tỉnh Nghệ An")),
        ("UBND TP Hà Nội", None, ("ha-noi/uy-ban-nhan-dan", "Ủy ban nhân dân thành phố Hà Nội")),
        ("UBND huyện Kỳ Sơn", NGHE_AN, ("nghe-an/huyen-ky-son/uy-ban-nhan-dan", "Ủy ban nhân dân huyện Kỳ Sơn")),
        ("Thanh tra thành phố", CAN_THO, ("can-tho/thanh-tra", "Thanh tra thành phố Cần Thơ")),
        ("Ngân hàng CSXH chi nhánh tỉnh", NGHE_AN, ("nghe-an/ngan-hang-chinh-sach-xa-hoi-chi-nhanh",
                                                     "Ngân hàng Chính sách xã hội chi nhánh tỉnh Nghệ An")),
        ("Mặt trận Tổ quốc tỉnh", NGHE_AN, ("nghe-an/uy-ban-mat-tran-to-quoc-viet-nam",
                                            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Nghệ An")),
        ("Bộ Tài chính", NGHE_AN, ("vn/bo-tai-chinh", "Bộ Tài chính")),
        ("Ủy ban Dân tộc", NGHE_AN, ("vn/uy-ban-dan-toc", "Ủy ban Dân tộc")),
        ("Ban Dân tộc", None, ("local/ban-dan-toc", "Ban Dân tộc")),
        # groups stay groups
        ("UBND các huyện, thị xã", NGHE_AN, ("nghe-an/group/uy-ban-nhan-dan-cac-huyen-thi-xa",
                                             "Ủy ban nhân dân các huyện, thị xã")),
        ("Các sở, ban, ngành", NGHE_AN, ("nghe-an/group/cac-so-ban-nganh", "Các sở, ban, ngành")),
        # a body inside the jurisdiction is not the jurisdiction's own
        ("UBND cấp xã", NGHE_AN, ("nghe-an/uy-ban-nhan-dan-cap-xa", "Ủy ban nhân dân cấp xã")),
        # unknown bodies keep their printed name
        ("Trung tâm Y tế huyện Kỳ Sơn", NGHE_AN, ("nghe-an/huyen-ky-son/trung-tam-y-te", "Trung tâm Y tế huyện Kỳ Sơn")),
        ("Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ", CAN_THO,
         ("can-tho/ban-quan-ly-cac-khu-che-xuat-va-cong-nghiep-can-tho",
          "Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ")),
    ],
)
def test_canonical_agency(name, jurisdiction, expected):
    assert canonical_agency(name, jurisdiction) == expected


def test_canonical_agency_spellings_share_identity():
    ids = {canonical_agency(n, NGHE_AN)[0] for n in ("Sở LĐTB&XH", "Sở Lao động - Thương binh và Xã hội",
                                                       "Sở Lao động Thương binh và Xã hội tỉnh", "So Lao dong TB&XH")}
    assert ids == {"nghe-an/so-lao-dong-thuong-binh-va-xa-hoi"}


# --- provinces ------------------------------------------------------------------------------------


def test_provinces_after_the_2025_merger():
    current = [p for p in provinces() if p["current"]]
    assert len(current) == 34
    assert sum(p["level"] == "thành phố" for p in current) == 6
    ids = {p["id"] for p in current}
    for p in provinces():
        if not p["current"]:
            assert p["merged_into"] in ids, p["id"]


@pytest.mark.parametrize(
    "name, expected_id",
    [("Nghệ An", "nghe-an"), ("tỉnh Sóc Trăng", "soc-trang"), ("TP.HCM", "ho-chi-minh"),
     ("Thừa Thiên Huế", "hue"), ("Thành phố Hà Nội", "ha-noi"), ("Đăk Lăk", "dak-lak"), ("Atlantis", None)],
)
def test_province_lookup(name, expected_id):
    p = province(name)
    assert (p["id"] if p else None) == expected_id


def test_merged_province_points_to_its_new_unit():
    assert province("Sóc Trăng")["merged_into"] == "can-tho"
    assert "soc-trang" in province("Cần Thơ")["merged_from"]


def test_districts_come_from_the_offline_list():
    data = json.loads((MODELS / "provinces.json").read_text(encoding="utf-8"))
    assert len(data["districts"]) > 600
    assert {"id": "nghe-an/huyen-ky-son", "name": "Kỳ Sơn", "level": "huyện", "province": "nghe-an"} in data["districts"]


# --- recognition ----------------------------------------------------------------------------------


def mentions(text):
    return [(m.text, m.label) for m in find_agencies(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Giao Sở Tài chính chủ trì, phối hợp với Sở NN&PTNT.",
         [("Sở Tài chính", "AGENCY"), ("Sở NN&PTNT", "AGENCY")]),
        ("phối hợp với Sở Khoa học\nvà Công nghệ", [("Sở Khoa học và Công nghệ", "AGENCY")]),
        ("yêu cầu các Sở, ban, ngành, Ủy ban nhân dân các huyện, thành phố khẩn trương",
         [("các Sở, ban, ngành", "GROUP"), ("Ủy ban nhân dân các huyện, thành phố", "GROUP")]),
        ("đề nghị Ban Thường trực Ủy ban MTTQ Việt Nam các huyện, thị xã, thành phố quan tâm",
         [("Ban Thường trực Ủy ban MTTQ Việt Nam các huyện, thị xã, thành phố", "GROUP")]),
        ("Ban Thường trực Ủy ban Mặt trận Tổ quốc tính: Phối hợp",
         [("Ban Thường trực Ủy ban Mặt trận Tổ quốc tính", "AGENCY")]),
        ("Ngân hàng CSXH Chi nhánh tỉnh;", [("Ngân hàng CSXH Chi nhánh tỉnh", "AGENCY")]),
        ("UBND tỉnh Nghệ An ban hành", [("UBND tỉnh Nghệ An", "AGENCY")]),
        ("Chủ tịch Ủy ban nhân dân xã, phường và", [("Chủ tịch Ủy ban nhân dân xã, phường", "GROUP")]),
        ("các phong trào thi đua", []),
        ("tổ chức thanh tra việc chấp hành", []),
    ],
)
def test_find_agencies(text, expected):
    assert mentions(text) == expected


def test_mention_spans_index_the_text():
    text = "1. Sở\nKhoa học và Công nghệ\n\na) Chủ trì, phối hợp với UBND cấp xã"
    for m in find_agencies(text):
        assert " ".join(text[m.span[0]:m.span[1]].split()) == m.text


# (text, [(word, followed by one space)]): a run of letters and digits or one other visible
# character is a token; one space after it is its space; other white space is a word.
T, F = True, False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sở Y tế, UBND tỉnh.", [("Sở", T), ("Y", T), ("tế", F), (",", T), ("UBND", T), ("tỉnh", F), (".", F)]),
        ("số 12/2024/QĐ-UBND", [("số", T), ("12", F), ("/", F), ("2024", F), ("/", F), ("QĐ", F), ("-", F),
                                ("UBND", F)]),
        ("ngày 1.1.2025 (đợt 2)", [("ngày", T), ("1", F), (".", F), ("1", F), (".", F), ("2025", T), ("(", F),
                                   ("đợt", T), ("2", F), (")", F)]),
        ("  Đ/c ĐẶNG  Văn\nAn", [("  ", F), ("Đ", F), ("/", F), ("c", T), ("ĐẶNG", T), (" ", F), ("Văn", F),
                                  ("\n", F), ("An", F)]),
        ("Sở NN&PTNT;\n\n- Ban", [("Sở", T), ("NN", F), ("&", F), ("PTNT", F), (";", F), ("\n\n", F), ("-", T),
                                   ("Ban", F)]),
        ("UBND\u00a0tỉnh", [("UBND", F), ("\u00a0", F), ("tỉnh", F)]),  # a no-break space is a word
        ("a \n b", [("a", T), ("\n ", F), ("b", F)]),
        ("x  ", [("x", T), (" ", F)]),
        (" ", [(" ", F)]),
        ("", []),
        ("“Đề án 06”…", [("“", F), ("Đề", T), ("án", T), ("06", F), ("”", F), ("…", F)]),
        ("Hà\tNội", [("Hà", F), ("\t", F), ("Nội", F)]),
    ],
)
def test_syllables(text, expected):
    words, spaces = syllables(text)
    assert list(zip(words, spaces)) == expected
    assert "".join(w + " " * s for w, s in zip(words, spaces)) == text  # the Doc's text is the text
    # the pipeline's tokenizer (spaCy's own, with its cache) gives the same words and spaces
    doc = agency_nlp().tokenizer(text)
    assert [(t.text, bool(t.whitespace_)) for t in doc] == expected
    assert [t.norm_ for t in doc] == [w if w.isspace() else norm_token(w) for w in words]


@pytest.mark.parametrize("text", [
    "Sở NN&PTNT; Bộ KH&ĐT (Vụ Tổng hợp)…", "01/2024/QĐ-UBND.,", "“(Sở)”", "a--b..c", "U.B.N.D", "x\u200by",
    "Hà\u00a0Nội \u3000 Huế", "a\x1cb\u2028c", "Ủy ban\u0301 tỉnh", "http://x.vn/a?b=1 e-mail@x.vn 10% $5 :) n't",
])
def test_tokenizer_gives_the_syllables(text):
    words, spaces = syllables(text)
    for _ in range(2):  # the second time from spaCy's cache of tokens
        doc = agency_nlp().tokenizer(text)
        assert [(t.text, bool(t.whitespace_)) for t in doc] == list(zip(words, spaces))


@pytest.mark.parametrize("entry", lexicon()["agencies"], ids=lambda e: e["id"])
def test_every_lexicon_entry_is_recognized(entry):
    name = entry["aliases"][0] if entry["name"] in ("Thanh tra", "Thuế") else entry["name"]
    found = find_agencies(f"Giao {name} thực hiện.")
    assert [m.lexicon_id for m in found][:1] == [entry["id"]]


def _build_script():
    path = Path(__file__).resolve().parents[1] / "scripts" / "build_agency_lexicon.py"
    spec = importlib.util.spec_from_file_location("build_agency_lexicon", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_patterns_file_is_generated_from_the_lexicon():
    script = _build_script()
    agencies = json.loads((MODELS / "agencies.json").read_text(encoding="utf-8"))
    provs = json.loads((MODELS / "provinces.json").read_text(encoding="utf-8"))
    assert script.build_agencies() == agencies
    shipped = [json.loads(line) for line in (MODELS / "agency_patterns.jsonl").read_text(encoding="utf-8").splitlines()]
    assert script.build_patterns(agencies, provs) == shipped


@pytest.mark.parametrize("n", [31, 32, 33, 40_000])
def test_a_long_run_of_marks_is_tokenized_as_syllables_in_linear_time(n):
    import time

    text = "(" * n + "Giao Sở Y tế chủ trì, " + "-." * n + " thực hiện" + ")" * n
    words, spaces = syllables(text)
    started = time.process_time()
    doc = agency_nlp().tokenizer(text)
    assert time.process_time() - started < 2  # spaCy's affix loop alone takes minutes on 40,000 marks
    assert [(t.text, bool(t.whitespace_)) for t in doc] == list(zip(words, spaces))
    assert [(m.text, m.label) for m in find_agencies(text)] == [("Sở Y tế", "AGENCY")]
