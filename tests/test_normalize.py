"""Normalization steps: each small function on the inputs it exists for, and the record of steps."""
from __future__ import annotations

import pytest

from vanban.extractors.normalize.steps import (
    fix_d_variants,
    fix_homoglyphs,
    fix_spaces,
    normalize,
    split_columns,
    split_header_runs,
    strip_markup,
    unsegment_words,
)


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("Nghị quyết số 66/NQ-СР", "Nghị quyết số 66/NQ-CP"),          # Cyrillic С, Р
        ("văn bản số 16495/BТС-PTHT", "văn bản số 16495/BTC-PTHT"),    # Cyrillic Т, С
        ("Москва", "Москва"),                                          # a real Cyrillic word stays
        ("ΑΒ-12", "AB-12"),                                            # Greek capitals inside a symbol
    ],
)
def test_homoglyphs(raw, expected):
    assert fix_homoglyphs(raw) == expected


def test_d_variants():
    assert fix_d_variants("\u00d0ồng Tháp, \u00f0ồng") == "Đồng Tháp, đồng"


def test_spaces_and_hyphens():
    assert fix_spaces("a\u00a0b\u200bc\td\r\ne\u2011f\u2212g") == "a bc d\ne-f-g"
    assert fix_spaces("Độc lập – Tự do") == "Độc lập – Tự do"  # en dash is punctuation, kept


def test_word_segmented_text():
    ws = "Căn_cứ Quyết_định số : 2740/QĐ / BNN-KL ngày 20/9/2007 của Bộ Nông_nghiệp , thực_hiện ; " * 3
    out = unsegment_words(ws)
    assert "Căn cứ Quyết định số: 2740/QĐ / BNN-KL" in out
    assert "Nông nghiệp, thực hiện;" in out
    assert unsegment_words("ten_file.txt trong câu bình thường có nhiều từ khác nữa") == "ten_file.txt trong câu bình thường có nhiều từ khác nữa"


def test_markup_is_stripped_but_plain_text_untouched():
    plain = "Số: 12/KH-UBND\n- Như trên;\n* not a list"
    assert strip_markup(plain) == plain
    md = "# Tiêu đề\n**Kính g****ửi****:** Sở Y tế\n| a | b |\n|---|---|\n[Nghị định](https://x.vn/a)\n"
    out = strip_markup(md)
    assert "Kính gửi: Sở Y tế" in out and "Tiêu đề" in out and "Nghị định" in out
    assert "https" not in out and "**" not in out and "|" not in out


def test_two_columns_side_by_side():
    line = "bộ tài chính                                cộng hoà xã hội chủ  nghĩa Việt nam"
    assert split_columns(line) == "bộ tài chính\ncộng hoà xã hội chủ  nghĩa Việt nam"


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("Số: 2403/TTg-KGVX V/v Điều chỉnh mức trợ cấp", "Số: 2403/TTg-KGVX\nV/v Điều chỉnh mức trợ cấp"),
        ("Hà Nội, ngày 25\ntháng 11 năm 2025", "Hà Nội, ngày 25 tháng 11 năm 2025"),
        ("Thành phố Hồ Chí\nMinh, ngày 21 tháng 11 năm 2025", "Thành phố Hồ Chí Minh, ngày 21 tháng 11 năm 2025"),
        ("Số:\n7360/KH-UBND", "Số: 7360/KH-UBND"),
        ("Kính\ngửi: Sở Y tế", "Kính gửi: Sở Y tế"),
        ("TỈNH SÓC TRĂNG\nSóc Trăng, ngày 16 tháng 02 năm 2023", "TỈNH SÓC TRĂNG\nSóc Trăng, ngày 16 tháng 02 năm 2023"),
    ],
)
def test_header_runs(raw, expected):
    assert split_header_runs(raw) == expected


def test_steps_are_recorded_and_pages_kept():
    norm = normalize("**Số:** 1/KH-UBND\u00a0\n\n\n\nCăn cứ")
    assert norm.text == "Số: 1/KH-UBND\n\nCăn cứ"
    assert norm.steps == ["spaces", "markup", "tidy"]
    assert normalize("Văn bản bình thường.").steps == []


def test_nfc():
    decomposed = "Ke\u0302\u0301 hoa\u0323ch"
    assert normalize(decomposed).text == "Kế hoạch"


HARD_WRAPPED = "\n".join(
    ["Đây là một đoạn văn bản rất dài bị ngắt dòng ở độ rộng cố định bởi bộ chuyển đổi"] * 3
    + ["và câu văn còn tiếp tục ở dòng sau mà không có dấu chấm câu kết thúc"] * 12
)


def test_unwrap_joins_broken_headings_only_in_hard_wrapped_text():
    from vanban.extractors.normalize.steps import unwrap_lines

    text = HARD_WRAPPED + "\n4. Sở Khoa học\nvà Công nghệ\n1.\nSở Công Thương:\n250\n75\nĐơn vị tính: triệu đồng\n"
    out = unwrap_lines(text).split("\n")
    assert "4. Sở Khoa học và Công nghệ" in out
    assert "1. Sở Công Thương:" in out
    assert "250" in out and "75" in out  # table cells stay one per line
    short = "4. Sở Khoa học\nvà Công nghệ"
    assert unwrap_lines(short) == short  # not a hard-wrapped document
