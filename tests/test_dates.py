"""Vietnamese dates: every printed form, its ISO value and its span."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vanban.extractors.extract.dates import DateMatch, date_at, find_dates, iso_date, parse_vn_date

FORMS = [
    # long form
    ("ngày 16 tháng 02 năm 2023", "2023-02-16"),
    ("Sóc Trăng, ngày  16  tháng  02  năm 2023", "2023-02-16"),
    ("NGÀY 19 THÁNG 7 NĂM 2017", "2017-07-19"),
    ("Ngày 30 tháng 4 năm 2025", "2025-04-30"),
    # stray spaces inside the digits, a hard-wrapped line
    ("ngày 26 tháng 0 6 năm 2018", "2018-06-26"),
    ("ngày 1 6 tháng 01 năm 2009", "2009-01-16"),
    ("ngày 19 tháng 11\nnăm 2025", "2025-11-19"),
    ("ngày\n04 tháng 12 năm 2025", "2025-12-04"),
    # blanks left by drafts
    ("ngày tháng 3 năm 2023", "2023-03"),
    ("ngày     tháng 11 năm 2025", "2025-11"),
    ("ngày …25..tháng 01 năm 2006", "2006-01-25"),
    ("ngày … tháng … năm 2023", "2023"),
    ("ngày tháng năm 2025", "2025"),
    # numeric
    ("ngày 09/7/2021", "2021-07-09"),
    ("ngày 09 / 7 / 2021", "2021-07-09"),
    ("ngày\n14/8/2025", "2025-08-14"),
    ("09-7-2021", "2021-07-09"),
    ("09.7.2021", "2021-07-09"),
    ("Thứ bảy, 04/11/2023 22:05", "2023-11-04"),
    # month and year, year
    ("chậm nhất trong tháng 4/2023", "2023-04"),
    ("tháng 4-2023", "2023-04"),
    ("tháng 4 năm 2023", "2023-04"),
    ("năm 2023", "2023"),
    ("Chỉ thị 30/CT-TTg năm 2014", "2014"),
]


@pytest.mark.parametrize("text,value", FORMS)
def test_forms(text, value):
    assert parse_vn_date(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "12/2018/QĐ-TTg",  # a document number, not a date
        "27/2022/NĐ-CP",
        "31/02/2023",  # no such day
        "ngày 32/1/2023",
        "tháng 13/2023",
        "giai đoạn 2021-2025",
        "năm 2021-2025",
        "1,5-2%",
        "ngày 5 tháng năm 2023",  # a day with no month
        "năm 1850",
        "",
    ],
)
def test_not_dates(text):
    assert parse_vn_date(text) is None


def test_spans_index_the_text():
    text = "Căn cứ Nghị quyết số 04-NQ/TU, ngày 09/7/2021 và Kế hoạch ngày 16 tháng 02 năm 2023."
    found = find_dates(text)
    assert [d.value for d in found] == ["2021-07-09", "2023-02-16"]
    for d in found:
        assert text[d.span[0]: d.span[1]] == d.text
    assert found[0].text == "ngày 09/7/2021"


@pytest.mark.parametrize(
    "value,precision", [("2023-02-16", "day"), ("2023-03", "month"), ("2023", "year")]
)
def test_precision(value, precision):
    assert DateMatch(value, (0, 1), "x").precision == precision


def test_date_at():
    text = "số 27/2022/NĐ-CP ngày 19/4/2022 của Chính phủ"
    d = date_at(text, text.index("NĐ-CP") + 5)
    assert d is not None and d.value == "2022-04-19"
    assert date_at(text, 0) is None


@pytest.mark.parametrize(
    "args,value",
    [((2023, 2, 29), None), ((2024, 2, 29), "2024-02-29"), ((2023, 3), "2023-03"), ((2023,), "2023"), ((2023, None, 5), None)],
)
def test_iso_date(args, value):
    assert iso_date(*args) == value


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises(text):
    for d in find_dates(text):
        assert text[d.span[0]: d.span[1]] == d.text
