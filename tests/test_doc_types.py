"""Every type word of the table maps to its code, in any case and spacing."""
import pytest

from vanban.extractors.extract.doc_types import TYPE_WORDS, code_for, match_type_word, type_word_regex

EXPECTED = {
    "Thông tư liên tịch": "TTLT", "Nghị quyết liên tịch": "NQ", "Kế hoạch phối hợp": "KH",
    "Chương trình phối hợp": "CTr", "Chương trình hành động": "CTr", "Thông báo kết luận": "TB",
    "Quyết định": "QĐ", "Nghị quyết": "NQ", "Nghị định": "NĐ", "Thông tư": "TT", "Chỉ thị": "CT",
    "Quy chế": "QC", "Quy định": "QyĐ", "Thông báo": "TB", "Hướng dẫn": "HD", "Chương trình": "CTr",
    "Kế hoạch": "KH", "Phương án": "PA", "Đề án": "ĐA", "Dự án": "DA", "Báo cáo": "BC",
    "Biên bản": "BB", "Tờ trình": "TTr", "Hợp đồng": "HĐ", "Công điện": "CĐ", "Giấy mời": "GM",
    "Kết luận": "KL", "Pháp lệnh": "PL", "Luật": "LUAT", "Công văn": "CV", "Văn bản": "CV",
    "Thông tri": "TTri", "Giấy phép": "GP", "Văn bản hợp nhất": "VBHN",
}


def test_table_is_reviewed():
    assert TYPE_WORDS == EXPECTED


@pytest.mark.parametrize("word,code", sorted(EXPECTED.items()))
def test_each_word(word, code):
    assert code_for(word) == code
    assert code_for(word.upper()) == code
    assert code_for("  " + word.lower().replace(" ", "   ")) == code


@pytest.mark.parametrize(
    "text,word",
    [
        ("Thông tư liên tịch số 01/2020/TTLT-BTC", "Thông tư liên tịch"),
        ("Kế hoạch phối hợp số 249/KHPH-UBND-MTTQ", "Kế hoạch phối hợp"),
        ("KẾ HOẠCH", "KẾ HOẠCH"),
        ("Thông báo kết luận của Thủ tướng", "Thông báo kết luận"),
    ],
)
def test_longest_first(text, word):
    assert match_type_word(text)[0] == word


def test_no_match_inside_words():
    assert type_word_regex().search("Luậtsư") is None
    assert match_type_word("Căn cứ Luật") is None
