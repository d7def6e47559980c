"""Properties on arbitrary text: normalization, legacy conversion and extraction never
raise, and every span indexes the normalized text."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vanban.extractors.common import fuzzy
from vanban.extractors.normalize import legacy
from vanban.extractors.normalize.steps import normalize
from vanban.extractors.pipeline import extract_text
from vanban.extractors.read.base import RawText

# Pieces that steer the text towards what the extractors look for.
PIECES = [
    "Số: ", "352/KH-UBND", "ngày 16 tháng 02 năm 2023", "Căn cứ Nghị quyết số 04-NQ/TU", "Kính gửi:",
    "Giao Sở Tài chính chủ trì, phối hợp với", "1.473.139 triệu đồng", "1,5 tỷ đồng", "\n", "\n\n", "; ",
    "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "KẾ HOẠCH", "Nơi nhận:", "- Lưu: VT.",
    "TM. ỦY BAN NHÂN DÂN", "I. ", "1.1. ", "a) ", "| ", "**", "Céng hoµ x· héi", "Coäng hoøa", "66/NQ-СР",
    "\f", "\u00ad", "\ufffe", "\u0301", "Ð", "_", "     ",
]
vietnamese_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=40).map("".join)
any_text = st.one_of(st.text(max_size=300), vietnamese_text)

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(any_text)
def test_normalize_never_raises_and_pages_index_the_text(text):
    norm = normalize(text)
    assert isinstance(norm.text, str)
    assert norm.pages[0] == 0
    assert all(0 <= a <= b <= len(norm.text) for a, b in zip(norm.pages, norm.pages[1:]))


@FAST
@given(st.lists(any_text, min_size=1, max_size=4))
def test_pages_survive_normalization(pages):
    norm = normalize(RawText.from_pages(pages, format="pdf"))
    assert len(norm.pages) == len(pages)
    assert norm.pages == sorted(norm.pages) and norm.pages[-1] <= len(norm.text)


@FAST
@given(any_text)
def test_legacy_conversion_never_raises(text):
    converted, encoding = legacy.convert_if_legacy(text)
    assert encoding in (None, "tcvn3", "vni")
    assert isinstance(converted, str)
    if encoding is None:
        assert converted == text


@FAST
@given(any_text)
def test_fold_is_stable(text):
    assert fuzzy.fold(fuzzy.fold(text)) == fuzzy.fold(text)
    folded, offsets = fuzzy.fold_with_map(text)
    assert len(folded) == len(offsets)
    assert all(0 <= o < len(text) for o in offsets)


def _spans(record):
    for group in (record.references, record.amounts, record.assignments, record.budget_checks, record.sections):
        for item in group:
            if getattr(item, "span", None) is not None:
                yield item, item.span


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_extract_never_raises_and_spans_index_the_normalized_text(text):
    record = extract_text(text)
    assert record.text == normalize(text).text
    for item, (start, end) in _spans(record):
        assert 0 <= start <= end <= len(record.text)
        printed = getattr(item, "text", None)
        if printed and type(item).__name__ == "Amount":
            assert record.text[start:end] == printed
