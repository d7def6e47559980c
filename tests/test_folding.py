"""Each fold of extractors/common/folding.py, on a table of cases."""
from __future__ import annotations

import pytest

from vanban.extractors.common import folding


@pytest.mark.parametrize(
    "fn, text, expected",
    [
        (folding.fold_case, "ỦY BAN Nhân Dân", "ủy ban nhân dân"),
        (folding.fold_case, "Ủy", "ủy"),  # NFD input comes out composed
        (folding.strip_diacritics, "Tổ quốc Việt Nam", "To quoc Viet Nam"),
        (folding.strip_diacritics, "Đường", "Đuong"),  # đ is a letter, not a mark
        (folding.fold_d, "Đắk Lắk đã Ðồng ð\u0189", "dắk Lắk dã dồng dd"),
        (folding.fold_dashes, "Lao động – Thương binh — Xã hội ‐ a ‑ b − c", "Lao động - Thương binh - Xã hội - a - b - c"),
        (folding.squeeze_spaces, "  Sở \t Y\n tế ", " Sở Y tế "),
        (folding.collapse_spaces, "  Sở \t Y\n tế ", "Sở Y tế"),
        (folding.fold_for_match, "Tố  Quốc ĐẢNG", "to  quoc dang"),
        (folding.fold_for_match, "Uỷ ban Ủy ban", "uy ban uy ban"),
        (folding.fold_same_length, "Quyết định của Sở Y tế Đắk Lắk", "quyet dinh cua so y te dak lak"),
        (folding.fold_same_length, None, ""),
        (folding.fold_tones, "hoà thuận", "hòa thuận"),
        (folding.fold_tones, "Uỷ ban", "Ủy ban"),
        (folding.fold_tones, "HOÀ BÌNH", "HÒA BÌNH"),
        (folding.fold_tones, "khoẻ", "khỏe"),
        (folding.fold_tones, "quý", "quý"),  # 'qu' is a consonant: the tone stays on y
        (folding.fold_tones, "hoàn thành", "hoàn thành"),  # a closed syllable is not moved
    ],
)
def test_fold(fn, text, expected):
    assert fn(text) == expected


def test_fold_same_length_keeps_offsets():
    text = "Sở Tài nguyên và Môi trường tỉnh Đắk Nông"
    assert len(folding.fold_same_length(text)) == len(text)
