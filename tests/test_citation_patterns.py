"""The number grammar and the symbol tables: every printed form parses to its parts."""
import json
from importlib import resources

import pytest

from vanban.extractors.common.doc_numbers import spelling_key
from vanban.extractors.extract.references import patterns as cp
from vanban.extractors.extract.doc_types import TYPE_WORDS

# printed form -> (number, serial, year, type symbol, type code, issuer symbols, party)
NUMBER_FORMS = [
    ("352/KH-UBND", ("352/KH-UBND", "352", None, "KH", "KH", ("UBND",), False)),
    ("27/2022/NĐ-CP", ("27/2022/NĐ-CP", "27", 2022, "NĐ", "NĐ", ("CP",), False)),
    ("04-NQ/TU", ("04-NQ/TU", "04", None, "NQ", "NQ", ("TU",), True)),
    ("249/KHPH-UBND-MTTQ", ("249/KHPH-UBND-MTTQ", "249", None, "KHPH", "KH", ("UBND", "MTTQ"), False)),
    ("12/2018/QĐ-TTg", ("12/2018/QĐ-TTg", "12", 2018, "QĐ", "QĐ", ("TTg",), False)),
    ("252/KH-BCĐQG1237", ("252/KH-BCĐQG1237", "252", None, "KH", "KH", ("BCĐQG1237",), False)),
    ("36/2025/QĐ-CTUBND", ("36/2025/QĐ-CTUBND", "36", 2025, "QĐ", "QĐ", ("CTUBND",), False)),
    ("0204/KH-UBND", ("0204/KH-UBND", "0204", None, "KH", "KH", ("UBND",), False)),
    ("352 /KH-UBND", ("352/KH-UBND", "352", None, "KH", "KH", ("UBND",), False)),
    ("59/KHUBND", ("59/KHUBND", "59", None, "KH", "KH", ("UBND",), False)),
    ("2740/QĐ / BNN-KL", ("2740/QĐ/BNN-KL", "2740", None, "QĐ", "QĐ", ("BNN", "KL"), False)),
    ("837 / QĐ - BKH", ("837/QĐ-BKH", "837", None, "QĐ", "QĐ", ("BKH",), False)),
    ("78/2021/NĐ -CP", ("78/2021/NĐ-CP", "78", 2021, "NĐ", "NĐ", ("CP",), False)),
    ("9512/TTr- SNN-CCTL", ("9512/TTr-SNN-CCTL", "9512", None, "TTr", "TTr", ("SNN", "CCTL"), False)),
    ("07/2022/QĐ-\nUBND", ("07/2022/QĐ-UBND", "07", 2022, "QĐ", "QĐ", ("UBND",), False)),
    ("3595/BNN-KL", ("3595/BNN-KL", "3595", None, None, None, ("BNN", "KL"), False)),
    ("1691/UBDNGS15", ("1691/UBDNGS15", "1691", None, None, None, ("UBDNGS15",), False)),
    ("5865/BQP-TC", ("5865/BQP-TC", "5865", None, None, None, ("BQP", "TC"), False)),
    ("11554/VPCP-V.I", ("11554/VPCP-V.I", "11554", None, None, None, ("VPCP", "V.I"), False)),
    ("04/1998/QH10", ("04/1998/QH10", "04", 1998, None, None, ("QH10",), False)),
    ("26/2005/PL-UBTVQH11", ("26/2005/PL-UBTVQH11", "26", 2005, "PL", "PL", ("UBTVQH11",), False)),
    ("144 /2002/QĐ/BTC", ("144/2002/QĐ/BTC", "144", 2002, "QĐ", "QĐ", ("BTC",), False)),
    ("178/CP", ("178/CP", "178", None, None, None, ("CP",), False)),
    ("66.4/2025/NQ-CP", ("66.4/2025/NQ-CP", "66.4", 2025, "NQ", "NQ", ("CP",), False)),
    ("01/CV-01", ("01/CV-01", "01", None, "CV", "CV", ("01",), False)),
    ("…05…./2006/ QĐ-UBND", ("05/2006/QĐ-UBND", "05", 2006, "QĐ", "QĐ", ("UBND",), False)),
    ("21-KH/ĐU", ("21-KH/ĐU", "21", None, "KH", "KH", ("ĐU",), True)),
    ("178-QĐ/TW", ("178-QĐ/TW", "178", None, "QĐ", "QĐ", ("TW",), True)),
    ("20-HD/BTGDVTU", ("20-HD/BTGDVTU", "20", None, "HD", "HD", ("BTGDVTU",), True)),
    ("5-TT/TW", ("5-TT/TW", "5", None, "TT", "TTri", ("TW",), True)),
    ("05/TT-MTTW-BTT", ("05/TT-MTTW-BTT", "05", None, "TT", "TT", ("MTTW", "BTT"), False)),
    (
        "403/2017/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN",
        ("403/2017/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN", "403", 2017, "NQLT", "NQ", ("UBTVQH14", "CP", "ĐCTUBTWMTTQVN"), False),
    ),
    ("/UBND-VXNV", ("/UBND-VXNV", None, None, None, None, ("UBND", "VXNV"), False)),
    ("Số: 352/KH-UBND", ("352/KH-UBND", "352", None, "KH", "KH", ("UBND",), False)),
    ("352/KH–UBND", ("352/KH-UBND", "352", None, "KH", "KH", ("UBND",), False)),  # en dash for the hyphen
    ("04–NQ/TU", ("04-NQ/TU", "04", None, "NQ", "NQ", ("TU",), True)),
]


@pytest.mark.parametrize("printed,expected", NUMBER_FORMS)
def test_number_forms(printed, expected):
    n = cp.parse_number(printed)
    assert n is not None
    assert (n.number, n.serial, n.year, n.type_symbol, n.type_code, n.issuer_symbols, n.party) == expected


@pytest.mark.parametrize(
    "text,numbers",
    [
        ("Căn cứ Kế hoạch 147/KH-UBND, ngày 13/10/2022", ["147/KH-UBND"]),
        ("số 04-NQ/TU, ngày 09/7/2021 của Ban Chấp hành", ["04-NQ/TU"]),
        ("Văn bản 6721 /VPCP-V.I năm 2025 và số 7514 /VPCP-V.I năm 2025.", ["6721/VPCP-V.I", "7514/VPCP-V.I"]),
        ("66/NQ-CP ngày 26/3/2025.", ["66/NQ-CP"]),
        ("(35/BCĐ-TCT)", ["35/BCĐ-TCT"]),
        # not numbers: dates, ratios, V/v, prose after a spaced hyphen, a serial alone
        ("ngày 09/7/2021, tỷ lệ 1/5 số hộ, V/v phối hợp, 24/7", []),
        ("Số: /UBND-VXNV", []),
        ("KH-UBND\n- Sở Tài chính;", []),
        ("Quyết định số 1719 nêu trên", []),
        ("COVID-19/2020", []),
        ("giai đoạn 2021–2025/KH", []),
    ],
)
def test_find_numbers(text, numbers):
    assert [n.number for n in cp.find_numbers(text)] == numbers


def test_number_spans_index_the_text():
    text = "theo Quyết định số 2740/QĐ / BNN-KL ngày 20/9/2007"
    (n,) = cp.find_numbers(text)
    assert text[n.span[0]: n.span[1]] == n.text == "2740/QĐ / BNN-KL"


def test_line_break_is_not_a_separator_before_a_hyphen():
    (n,) = cp.find_numbers("số 352/KH-UBND\n- UBND các huyện;")
    assert n.number == "352/KH-UBND"


@pytest.mark.parametrize(
    "a,b", [("352 /KH-UBND", "352/kh-ubnd"), ("59/KH-UBND", "59/KHUBND"), ("27/2022/NĐ-CP", "27/2022/nđ cp")]
)
def test_spelling_key(a, b):
    assert spelling_key(a) == spelling_key(b)


# --- the symbol tables: every entry is read as it says ---------------------------------

TABLES = json.loads(resources.files("vanban.models").joinpath("citation_symbols.json").read_text("utf-8"))


def _entries(name):
    return sorted((k, v) for k, v in TABLES[name].items() if k != "_about")


@pytest.mark.parametrize("symbol,code", _entries("symbol_type_codes"))
def test_every_symbol_type_code(symbol, code):
    n = cp.parse_number(f"12/{symbol}-UBND")
    assert n.type_symbol == symbol and n.type_code == code


@pytest.mark.parametrize("symbol,code", _entries("party_type_codes"))
def test_every_party_type_code(symbol, code):
    assert cp.parse_number(f"12-{symbol}/TW").type_code == code


@pytest.mark.parametrize("symbol,_", _entries("joint_type_codes"))
def test_every_joint_type_code(symbol, _):
    n = cp.parse_number(f"12/{symbol}-UBND-MTTQ")
    assert n.joint and n.issuer_symbols == ("UBND", "MTTQ")


@pytest.mark.parametrize("code,name", _entries("national_issuers"))
def test_every_national_issuer(code, name):
    assert cp.symbol_tables()["national_issuers"][code] == name
    assert name[0].isupper()


@pytest.mark.parametrize("code,template", _entries("local_issuers"))
def test_every_local_issuer(code, template):
    assert "{j}" in template or "{name}" in template
    template.format(j="tỉnh Nghệ An", name="Nghệ An")


def test_shared_national_issuers_are_merged():
    national = cp.symbol_tables()["national_issuers"]
    assert national["CP"] == "Chính phủ" and national["TTg"] == "Thủ tướng Chính phủ" and national["BTC"] == "Bộ Tài chính"


def test_symbol_type_codes_are_output_codes():
    codes = set(TYPE_WORDS.values())
    assert set(v for k, v in _entries("symbol_type_codes")) <= codes
    assert set(v for k, v in _entries("party_type_codes")) <= codes


# --- the words around a number -----------------------------------------------------------


@pytest.mark.parametrize(
    "text,pin",
    [
        ("quy định tại khoản 2 Điều 7 ", "khoản 2 Điều 7"),
        ("theo quy định tại điểm c, khoản 1, mục III của Chương trình ban hành kèm theo ", "điểm c, khoản 1, mục III"),
        ("tại điều 6, Điều 7 ", "điều 6, Điều 7"),
        ("theo quy định tại khoản 2, 3 Điều 50 ", "khoản 2, 3 Điều 50"),
        ("Điều 8, 11, 13, 25 ", "Điều 8, 11, 13, 25"),
        ("điểm g khoản 1 Điều 31 của ", "điểm g khoản 1 Điều 31"),
        ("theo quy định của ", None),
    ],
)
def test_pinpoint_tail(text, pin):
    m = cp.pinpoint_tail_re().search(text)
    assert (" ".join(m.group("pin").split()) if m else None) == pin


# (pattern, the text between a type word or a first citation and a number, does it match)
GAPS = [
    (cp.direct_gap_re, " số ", True),
    (cp.direct_gap_re, " ", True),
    (cp.direct_gap_re, ": số ", True),
    (cp.direct_gap_re, " số: ", True),
    (cp.direct_gap_re, " Đất đai số ", False),
    (cp.direct_gap_re, " về việc ", False),
    (cp.title_gap_re, " Đất đai số ", True),
    (cp.title_gap_re, " Đất đai số\n", True),
    (cp.title_gap_re, " Ưu đãi người có công với cách mạng số ", True),
    (cp.title_gap_re, " thẩm tra số ", True),
    (cp.title_gap_re, " của Thủ tướng Chính phủ về việc số ", False),
    (cp.title_gap_re, " Đất đai; Nghị định số ", False),
    (cp.title_gap_re, " Đất đai\n\nsố ", False),
    (cp.chain_gap_re, " và số ", True),
    (cp.chain_gap_re, ", ", True),
    (cp.chain_gap_re, "; số ", True),
    (cp.chain_gap_re, " và ", True),
    (cp.chain_gap_re, " về việc ", False),
    (cp.chain_gap_re, " của Bộ ", False),
]


@pytest.mark.parametrize("pattern,gap,matches", GAPS, ids=lambda v: getattr(v, "__name__", repr(v)))
def test_gaps(pattern, gap, matches):
    assert bool(pattern().match(gap)) is matches


@pytest.mark.parametrize(
    "text,stop",
    [("về việc", True), ("ban hành Quy định", True), ("quy định chi tiết", True), ("tỉnh Nghệ An", False), ("trình", False)],
)
def test_issuer_stop_words(text, stop):
    assert bool(cp.issuer_stop_re().match(text)) is stop


@pytest.mark.parametrize("word", sorted(cp.ISSUER_STOP_WORDS))
def test_every_issuer_stop_word(word):
    assert cp.issuer_stop_re().match(word + " x")


@pytest.mark.parametrize(
    "line,own",
    [("\nSố: ", True), ("\nSố ", True), ("\nLuật số: ", True), ("\nSố hiệu: ", True), ("văn bản\nsố ", False), ("Kế hoạch số ", False)],
)
def test_own_number_label(line, own):
    assert bool(cp.own_number_label_re().search(line)) is own
