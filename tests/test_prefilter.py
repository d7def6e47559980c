"""Literal prefilters never hide a match: each family of patterns, run through its
prefilter, finds exactly what the pattern finds alone, on invented texts with and without
the family's literals, on windows of them, and on texts lower-casing would lengthen."""
import itertools

import pytest
import regex as re

from vanban.extractors.common import vocabulary
from vanban.extractors.common.prefilter import Scan, lowered, occurrences, shortest_literals, stretches
from vanban.extractors.extract import doc_types

# Every code point but the surrogates: the texts a pattern may meet.
_ALL = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)


def _case_forms(letters: set[str], flags: int) -> dict[str, set[str]]:
    """Every character each letter matches under ``flags``, over all of Unicode."""
    hits = set(re.compile("[" + "".join(map(re.escape, letters)) + "]", flags).findall(_ALL))
    return {ch: {c for c in hits if re.fullmatch(re.escape(ch), c, flags)} for ch in letters}


def _check_lower_forms(words, pattern: re.Pattern) -> None:
    assert not pattern.flags & re.FULLCASE  # one character matches one character
    letters = {c for w in words for c in w if c.isalpha()}
    for letter, forms in _case_forms(letters, pattern.flags).items():
        assert letter.lower() in forms
        for c in forms:
            # a form that lower-cases to two characters ('İ') makes ``lowered`` refuse the text
            assert c.lower() == letter.lower() or len(c.lower()) > 1, (letter, c)


def test_shortest_literals_drop_what_another_starts():
    assert shortest_literals(["Quyết", "quy", "Kế", "kết", "Luật"]) == ("kế", "quy", "luật")


def test_occurrences_are_in_order():
    assert occurrences("quy kế quyết kết", ("kế", "quy")) == [0, 4, 7, 13]


def test_lowered_refuses_a_text_it_would_lengthen():
    assert lowered("ABC") == "abc"
    assert lowered("İstanbul") is None


# --- type words --------------------------------------------------------------------------------


def test_type_word_case_forms_lower_case_to_the_literal():
    _check_lower_forms(vocabulary.type_words(), doc_types.type_word_regex())


def test_every_type_word_starts_with_a_literal():
    literals = doc_types.type_word_literals()
    for word in vocabulary.type_words():
        assert any(word.lower().startswith(lit) for lit in literals), word


TYPE_WORD_TEXTS = [
    # with the literals
    "Căn cứ Quyết định số 12/QĐ-UBND và Nghị quyết số 5/NQ-HĐND;",
    "QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế …",
    "Thông báo kết luận số 4 và thông báo số 5; kết luận số 6",  # a longer word, then its tail alone
    "Kế hoạch phối hợp  số 2, kế hoạch\nsố 3, KẾ HOẠCH số 4",
    "pháp luật, Luật Đất đai, luật số 45/2013/QH13, Luậtx, xLuật",
    "Chương trình hành động; chương trình phối hợp; CHƯƠNG TRÌNH",
    "Thông tư liên tịch số 1; Thông tư số 2; thông tri 3; Tờ trình 4; Đề án 5; Dự án 6",
    "Văn bản hợp nhất số 7; Công văn số 8; Công điện 9; Giấy mời 10; Giấy phép 11; Biên bản 12",
    "Quy định 1, Quy chế 2, Hướng dẫn 3, Phương án 4, Báo cáo 5, Hợp đồng 6, Chỉ thị 7",
    "Nghị định 8; NGHỊ QUYẾT LIÊN TỊCH 9; quyết  định 10",
    # look-alikes of the literals that are not type words
    "quyết tâm, nghị lực, kế toán, thông tin, luật sư, quy mô, kết quả, chỉ số, công tác",
    "Hội đồng, cộng đồng, thông qua, giấy tờ, văn hóa, đề nghị, dự kiến, báo chí, hợp tác",
    # without any literal
    "Ủy ban nhân dân tỉnh giao Sở Tài chính chủ trì, phối hợp với các sở, ngành.",
    "",
    "1234 / 5678 — ; : ! ?",
]


@pytest.mark.parametrize("text", TYPE_WORD_TEXTS)
def test_type_word_scan_finds_what_the_pattern_finds(text):
    pattern = doc_types.type_word_regex()
    scan = doc_types.type_word_scan(text)
    spans = [m.span() for m in scan.finditer()]
    assert spans == [m.span() for m in pattern.finditer(text)]
    for lo, hi in itertools.combinations(range(0, len(text) + 1, 3), 2):
        assert [m.span() for m in scan.finditer(lo, hi)] == [m.span() for m in pattern.finditer(text, lo, hi)], (lo, hi)


def test_type_words_found_where_lower_casing_lengthens_the_text():
    text = "Quyết định số 1; KẾ HOẠCH số 2; THÔNG TRİ số 3"  # 'İ' matches 'i'
    scan = doc_types.type_word_scan(text)
    assert [m.group(0) for m in scan.finditer()] == ["Quyết định", "KẾ HOẠCH", "THÔNG TRİ"]


def test_a_scan_of_a_text_without_literals_tries_nothing():
    scan = Scan(doc_types.type_word_regex(), "Ủy ban nhân dân tỉnh", doc_types.type_word_literals())
    assert scan._starts == [] and list(scan.finditer()) == []


# --- amounts in words --------------------------------------------------------------------------


def _words_matches(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    from vanban.extractors.extract.amounts.patterns import WORDS_BREAKS, patterns, currency_literals

    words = patterns().words
    return [m.span() for a, b in stretches(text, currency_literals(), WORDS_BREAKS, lo, hi) for m in words.finditer(text, a, b)]


def test_currency_case_forms_lower_case_to_the_literal():
    from vanban.extractors.extract.amounts.numbers import vocabulary as numbers
    from vanban.extractors.extract.amounts.patterns import patterns

    words = [w for w, e in numbers().currency_words.items() if not e.get("case_sensitive")]
    _check_lower_forms(words, patterns().words)


def test_no_word_of_an_amount_in_words_holds_a_break():
    from vanban.extractors.extract.amounts.numbers import vocabulary as numbers
    from vanban.extractors.extract.amounts.patterns import WORDS_BREAKS, currency_literals

    voc = numbers()
    for table in (voc.number_words, voc.scale_words, voc.currency_words, voc.suffix_words, voc.not_money_after_dong):
        for word in table:
            assert not set(word) & set(WORDS_BREAKS), word
    for word, entry in voc.currency_words.items():
        if not entry.get("case_sensitive"):
            assert any(word.lower().startswith(lit) for lit in currency_literals()), word


WORDS_TEXTS = [
    # with a currency word
    "Tổng kinh phí: 1.500.000.000 đồng (Bằng chữ: Một tỷ năm trăm triệu đồng chẵn).",
    "Hỗ trợ năm trăm nghìn đồng; hai triệu VNĐ/người. Mười lăm triệu vnd, ba mươi ĐỒNG VIỆT NAM",
    "năm 2025 có một (01) tỷ đồng, hai\ntrăm triệu đồng: bốn trăm đồng! sáu đồng? bảy đồng",
    "Một tỷ, hai trăm triệu đồng (một tỷ hai trăm triệu đồng)",
    "một trăm đồng chí, hai đồng thời, năm Hội đồng, ba triệu đồng. Chín đồng",
    "Một tỷ. đồng; hai tỷ : đồng, ba tỷ\n\nđồng, bốn tỷ   đồng",
    # the words without a currency word
    "năm năm một lần, hai bên, ba cấp, bốn nhiệm vụ, triệu tập, tỷ lệ",
    "Năm 2025: một trăm hộ; hai nghìn người.",
    "",
]


@pytest.mark.parametrize("text", WORDS_TEXTS)
def test_words_stretches_find_what_the_pattern_finds(text):
    from vanban.extractors.extract.amounts.patterns import patterns

    words = patterns().words
    assert _words_matches(text) == [m.span() for m in words.finditer(text)]
    for lo, hi in itertools.combinations(range(0, len(text) + 1, 4), 2):
        assert _words_matches(text, lo, hi) == [m.span() for m in words.finditer(text, lo, hi)], (lo, hi)


def test_amounts_in_words_found_where_lower_casing_lengthens_the_text():
    from vanban.extractors.extract.amounts.figures import amounts_in_words

    text = "İ: năm trăm triệu đồng"
    assert [a.text for a in amounts_in_words(text, 0, len(text))] == ["năm trăm triệu đồng"]


# --- header labels a converter wrapped ---------------------------------------------------------


def _labels_joined_alone(text: str) -> str:
    from vanban.extractors.normalize.steps import _WRAPPED_LABELS

    return _WRAPPED_LABELS.sub(lambda m: m.group(0).replace("\n", " ") if "\n" in m.group(0) else m.group(0), text)


def test_wrapped_label_case_forms_lower_case_to_the_literal():
    from vanban.extractors.normalize.steps import _WRAPPED_LABEL_LITERALS, _WRAPPED_LABELS

    _check_lower_forms(_WRAPPED_LABEL_LITERALS, _WRAPPED_LABELS)


LABEL_TEXTS = [
    # with the literals
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM\nĐộc lập - Tự do -\nHạnh phúc",
    "CONG HOA XA HOI CHU NGHIA VIET\nNAM; Doc lap – Tu do – Hanh phuc; đoc lập - tự do - hạnh\nphúc",
    "Kính\ngửi: Sở Tài chính\nĐồng kính\ngửi: Ban Tổ chức\nNơi\nnhận:\n- Như trên;",
    "KINH GUI: a; NƠI NHẬN : b; xKính gửi: c; Nơi nhận d; noi\n nhan:",
    "cộng đồng, độc lập, đồng thời, kinh tế, nơi ở, không nói",
    # without any literal
    "Ủy ban nhân dân tỉnh giao Sở Tài chính chủ trì.\nThực hiện\nnhiệm vụ.",
    "",
]


@pytest.mark.parametrize("text", LABEL_TEXTS)
def test_wrapped_labels_joined_as_the_pattern_alone_joins_them(text):
    from vanban.extractors.normalize.steps import _WRAPPED_LABEL_LITERALS, _WRAPPED_LABELS

    alone = _labels_joined_alone(text)
    scan = Scan(_WRAPPED_LABELS, text, _WRAPPED_LABEL_LITERALS)
    assert [m.span() for m in scan.finditer()] == [m.span() for m in _WRAPPED_LABELS.finditer(text)]
    assert scan.sub(lambda m: m.group(0).replace("\n", " ")) == alone


@pytest.mark.parametrize("line", ["Căn cứ Luật số 1.", "a;  ", "b:\t", "c”", "d)", "e", "f.g", "", "  ", "h!?"])
def test_a_sentence_end_is_found_from_the_end_of_a_line(line):
    from vanban.extractors.normalize.steps import _SENTENCE_END

    forward = re.compile(_SENTENCE_END.pattern.removeprefix("(?r)"))
    assert bool(_SENTENCE_END.search(line)) == bool(forward.search(line))


# --- document numbers --------------------------------------------------------------------------

NUMBER_TEXTS = [
    # with a '/'
    "Căn cứ Kế hoạch số 352/KH-UBND ngày 03/4/2024, Nghị định 27/2022/NĐ-CP; 249/KHPH-UBND-MTTQ",
    "2071/MTTQ-BTT (công văn), 178/CP: 11554/VPCP-V.I! 144/2002/QĐ/BTC? 66.4/2025/NQ-CP \"01/CV-01\"",
    "04-NQ/TU, 21-KH/ĐU; 0204/KH-UBND, 352 /KH-UBND và 837 / QĐ - BKH; số NĐ -CP, TTr- SNN",
    "Quyết định số 12/QĐ-\nUBND, 59/KHUBND, …05…./2006/ QĐ-UBND, 03/4/202415/KH-UBND “7/BC-UBND”",
    "Số: 12/TB-UBND Hà Giang, QĐ-UB ND, 5/KP, 1/2 số, 100/ha/năm, a/b, /KH-UBND",
    # without any
    "Ủy ban nhân dân tỉnh giao Sở Tài chính chủ trì, phối hợp với các sở, ngành (số 5).",
    "",
]


@pytest.mark.parametrize("text", NUMBER_TEXTS)
def test_number_stretches_find_what_the_pattern_finds(text):
    from vanban.extractors.extract.references.number_grammar import NUMBER_BREAKS, NUMBER_LITERALS, number_re

    def found(lo, hi):
        return [m.span() for a, b in stretches(text, NUMBER_LITERALS, NUMBER_BREAKS, lo, hi)
                for m in number_re().finditer(text, a, b)]

    assert found(0, len(text)) == [m.span() for m in number_re().finditer(text)]
    for lo, hi in itertools.combinations(range(0, len(text) + 1, 5), 2):
        assert found(lo, hi) == [m.span() for m in number_re().finditer(text, lo, hi)], (lo, hi)


def test_literals_without_letters_are_looked_for_in_the_text_itself():
    text = "İ 12/KH-UBND"
    assert lowered(text, ("/",)) is text
    assert stretches(text, ("/",), ",") == [(0, len(text))]


# --- the checks whether a normalization step has anything to do --------------------------------


@pytest.mark.parametrize("name,chars", [
    ("_ANY_D_VARIANT", "D_VARIANTS"), ("_ANY_HOMOGLYPH", "HOMOGLYPHS"), ("_ANY_SPACE_FIX", None),
])
def test_a_step_check_finds_every_character_of_its_step(name, chars):
    from vanban.extractors.normalize import steps

    check = getattr(steps, name)
    found = set(check.findall(_ALL))
    # the same set as the product's pattern engine finds, over all of Unicode
    assert found == set(re.findall(check.pattern, _ALL))
    if chars:
        assert found == set(getattr(steps, chars))
    else:
        assert found == set("\r\t\x7f") | {chr(c) for c in steps._SPACES_TABLE} | set(map(chr, [*range(9), 11, *range(14, 32)]))


# --- figures with a unit, ranges ----------------------------------------------------------------

FIGURE_TEXTS = [
    # with a currency word
    "Tổng kinh phí 1.473.139 triệu đồng; từ 1,5 đến 2 tỷ đồng/xã: 2,5 - 5,5 tỷ đồng (dự kiến)",
    "500.000đ, 2 trđ, 3 tr.đ! 12.500 VNĐ? 12.500, 11.000 và 9.800 đồng/giờ \"7 VND\" “8 vnd”",
    "2.000 tỷ đồng Việt Nam, 1,500 đồng, 100 đồng chí, 5 đ/c, 6 đ/v, 7đ) 8đồng\n9 triệu\nđồng",
    "khoảng 10 - 20 triệu đồng; trên 30 tỷ đồng/người/tháng: 1 66,9 nghìn tỷ đồng; 2025 - 2030 tỷ đồng",
    "Hội đồng nhân dân, cộng đồng, đồng thời 5 người; 3 đ",
    # without any
    "Năm 2025 có 179 hộ, 3,0%/năm, 25 tỷ USD; từ 1 đến 2 người.",
    "",
]


@pytest.mark.parametrize("text", FIGURE_TEXTS)
@pytest.mark.parametrize("family", ["single", "range"])
def test_figure_stretches_find_what_the_pattern_finds(text, family):
    from vanban.extractors.extract.amounts.figures import _with_unit
    from vanban.extractors.extract.amounts.patterns import patterns

    pattern = getattr(patterns(), family)
    assert [m.span() for m in _with_unit(pattern, text, 0, len(text))] == [m.span() for m in pattern.finditer(text)]
    for lo, hi in itertools.combinations(range(0, len(text) + 1, 4), 2):
        assert [m.span() for m in _with_unit(pattern, text, lo, hi)] == [m.span() for m in pattern.finditer(text, lo, hi)]


def test_no_word_of_a_figure_with_a_unit_holds_a_break():
    from vanban.extractors.extract.amounts.numbers import vocabulary as numbers
    from vanban.extractors.extract.amounts.patterns import FIGURES_BREAKS

    voc = numbers()
    for table in (voc.scale_words, voc.scale_abbreviations, voc.currency_words, voc.not_money_after_dong):
        for word in table:
            assert not set(word) & set(FIGURES_BREAKS), word


# --- the unit line of a money table -------------------------------------------------------------

UNIT_LINES = [
    "ĐVT: triệu đồng", "Đơn vị tính: Triệu đồng", "đơn vị: đồng", "Đvt. tỷ đồng", "ĐƠN VỊ TÍNH : NGHÌN ĐỒNG",
    "Kinh phí (triệu đồng)", "(Tỷ đồng)", "STT | Nội dung | Số tiền (đồng)",
    "Đơn giá", "Nội dung chi", "Tổng cộng 1.500", "", "(ha)", "Số lượng (người)",
]


def test_every_unit_line_holds_a_literal():
    from vanban.extractors.extract.amounts.table_cells import _table_unit, _unit_lines

    text = "\n".join(UNIT_LINES)
    lines, pos = [], 0
    for raw in UNIT_LINES:
        lines.append((pos, pos + len(raw)))
        pos += len(raw) + 1
    with_unit = [k for k, raw in enumerate(UNIT_LINES) if _table_unit(raw)]
    assert with_unit == list(range(8))  # the table itself is right: the first eight give a unit
    assert set(with_unit) <= set(_unit_lines(text, lines))


def test_unit_line_case_forms_lower_case_to_the_literal():
    from vanban.extractors.extract.amounts.patterns import patterns
    from vanban.extractors.extract.amounts.table_cells import _UNIT_LITERALS

    _check_lower_forms(_UNIT_LITERALS, patterns().unit_header)
