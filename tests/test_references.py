"""References: finding citations, their dates, issuers, relations, pinpoints and short forms."""
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vanban.extractors.common.doc_numbers import spelling_key
from vanban.extractors.context import DocContext, Jurisdiction
from vanban.extractors.extract.doc_types import TYPE_WORDS
from vanban.extractors.pipeline import extract_file
from vanban.extractors.extract.references.find import extract_references, references_to_spacy
from vanban.extractors.segment.parts import segment

from .conftest import GOLD, SEEDS


def refs(text, *, number=None, doc_type="KH", genre="official", level="tỉnh", place="Nghệ An"):
    ctx = DocContext(
        text=text,
        segments=segment(text),
        genre=genre,
        doc_type=doc_type,
        number=number,
        jurisdiction=Jurisdiction(level, place),
    )
    return extract_references(ctx)


def one(text, **kw):
    (ref,) = refs(text, **kw)
    return ref


# --- numbers in running text --------------------------------------------------------------

NUMBER_IN_TEXT = [
    ("Căn cứ Kế hoạch số 352/KH-UBND ngày 25/5/2023 của UBND tỉnh.", "352/KH-UBND", "KH"),
    ("Căn cứ Nghị định số 27/2022/NĐ-CP ngày 19/4/2022 của Chính phủ.", "27/2022/NĐ-CP", "NĐ"),
    ("Căn cứ Nghị quyết số 04-NQ/TU, ngày 09/7/2021 của Ban Chấp hành Đảng bộ tỉnh.", "04-NQ/TU", "NQ"),
    ("Thực hiện Kế hoạch phối hợp số 249/KHPH-UBND-MTTQ ngày 21/3/2023.", "249/KHPH-UBND-MTTQ", "KH"),
    ("theo Quyết định số 12/2018/QĐ-TTg ngày 06/3/2018.", "12/2018/QĐ-TTg", "QĐ"),
    ("theo Kế hoạch số 252/KH-BCĐQG1237 ngày 1/2/2023.", "252/KH-BCĐQG1237", "KH"),
    ("theo Quyết định số 36/2025/QĐ-CTUBND ngày 1/2/2025.", "36/2025/QĐ-CTUBND", "QĐ"),
    ("theo Kế hoạch số 0204/KH-UBND ngày 1/2/2023.", "0204/KH-UBND", "KH"),
    ("theo Kế hoạch số 352 /KH-UBND ngày 1/2/2023.", "352/KH-UBND", "KH"),
    ("theo Kế hoạch số 59/KHUBND ngày 08/3/2023.", "59/KHUBND", "KH"),
    ("theo Kế hoạch 147/KH-UBND, ngày 13/10/2022.", "147/KH-UBND", "KH"),
    ("Căn cứ Quyết định số: 2740/QĐ / BNN-KL ngày 20/9/2007.", "2740/QĐ/BNN-KL", "QĐ"),
    ("theo văn bản số 3595/BNN-KL ngày 28/12/2007.", "3595/BNN-KL", "CV"),
    ("tại Văn bản số 1691/UBDNGS15 ngày 28 tháng 10 năm 2025.", "1691/UBDNGS15", "CV"),
    ("theo công văn số 5865/BQP-TC ngày 30/10/2009.", "5865/BQP-TC", "CV"),
    ("tại Văn bản số 11554/VPCP-V.I ngày 25/11/2025.", "11554/VPCP-V.I", "CV"),
    ("theo Luật Thuế xuất khẩu, thuế nhập khẩu số 04/1998/QH10 ngày 20/05/1998.", "04/1998/QH10", "LUAT"),
    ("theo Pháp lệnh Ưu đãi người có công với cách mạng số 26/2005/PL-UBTVQH11.", "26/2005/PL-UBTVQH11", "PL"),
    ("theo Quyết định 20/2004/QĐ-TTg ngày 18/02/2004.", "20/2004/QĐ-TTg", "QĐ"),
    ("Thông báo số 35/BCĐ-TCT ngày 27/10/2022 phân công nhiệm vụ.", "35/BCĐ-TCT", "TB"),
    ("theo Nghị quyết số 66/NQ-СР ngày 26/3/2025.", "66/NQ-CP", "NQ"),  # Cyrillic С Р
    ("theo Nghị quyết số 07/2022/NQ-HÐND ngày 29/6/2022.", "07/2022/NQ-HĐND", "NQ"),  # Ð for Đ
    ("theo Quyết định số\n66/2021/NĐ-CP ngày 06 tháng 7 năm 2021.", "66/2021/NĐ-CP", "QĐ"),
    ("theo Quyết định số 07/2022/QĐ- UBND ngày 13/01/2022.", "07/2022/QĐ-UBND", "QĐ"),
    ("theo Nghị định số 78/2021/NĐ -CP ngày 01/8/2021.", "78/2021/NĐ-CP", "NĐ"),
    ("Quyết định số 837 / QĐ - BKH ngày 1/2/2005.", "837/QĐ-BKH", "QĐ"),
    ("theo Thông tri số 05/TT-MTTW-BTT ngày 04/11/2025.", "05/TT-MTTW-BTT", "TTri"),
    ("theo Luật số 87/2025/QH15.", "87/2025/QH15", "LUAT"),
    ("bãi bỏ 87/2025/QH15.", "87/2025/QH15", "LUAT"),  # no type word: the symbol says Quốc hội
    ("theo Nghị quyết số 76/2025/UBTVQH15 ngày 14/4/2025.", "76/2025/UBTVQH15", "NQ"),
    ("theo Nghị quyết số 66.4/2025/NQ-CP.", "66.4/2025/NQ-CP", "NQ"),
    ("Trả lời văn bản số 01/CV-01 ngày 20/11/2025 của Công ty.", "01/CV-01", "CV"),
    ("theo Nghị\nquyết số 57-NQ/TW ngày 22/12/2024.", "57-NQ/TW", "NQ"),  # a type word split by a wrap
    ("theo Kế hoạch số 352/KH–UBND ngày 1/2/2023.", "352/KH-UBND", "KH"),  # en dash in the symbol
]


@pytest.mark.parametrize("text,number,doc_type", NUMBER_IN_TEXT)
def test_number_forms_in_text(text, number, doc_type):
    from vanban.extractors.normalize.steps import normalize

    ref = one(normalize(text).text)
    assert (ref.number, ref.doc_type) == (number, doc_type)


@pytest.mark.parametrize("word,code", sorted(TYPE_WORDS.items()))
def test_every_type_word(word, code):
    text = f"Thực hiện nội dung theo {word} số 12/XYZ-ABC ngày 01/02/2024 của Bộ Y tế."
    ref = one(text)
    assert (ref.doc_type, ref.number, ref.date) == (code, "12/XYZ-ABC", "2024-02-01")
    assert ref.text == f"{word} số 12/XYZ-ABC"


@pytest.mark.parametrize(
    "text,printed",
    [
        ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15;", "Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15"),
        ("Căn cứ Pháp lệnh phát hành công trái xây dựng Tổ quốc số 12/1999/PL-UBTVQH10 ngày 27 tháng 4 năm 1999;",
         "Pháp lệnh phát hành công trái xây dựng Tổ quốc số 12/1999/PL-UBTVQH10"),
        ("Báo cáo giải trình, tiếp thu số 483/BC-UBND ngày 25 tháng 11 năm 2025;", "Báo cáo giải trình, tiếp thu số 483/BC-UBND"),
        ("Các Tờ trình: số 441/TTr-SXD ngày 07/11/2025.", "Tờ trình: số 441/TTr-SXD"),
    ],
)
def test_citation_text_runs_from_the_type_word(text, printed):
    assert one(text).text == printed


def test_type_word_wins_over_symbol():
    # "Công văn … CT-…" is a công văn of a Cục Thuế, not a Chỉ thị
    assert one("theo Công văn số 577/CT-THNVDT ngày 23/4/2013.").doc_type == "CV"
    # the generic "văn bản" yields to a typed symbol
    assert one("theo văn bản số 123/QĐ-UBND ngày 1/2/2023.").doc_type == "QĐ"


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,dates",
    [
        (
            "Quyết định số 1180/QĐ-UBND ngày 15/7/2022 giao vốn; Quyết định số 1966/QĐ-UBND ngày 19/12/2022 giao chỉ tiêu.",
            {"1180/QĐ-UBND": "2022-07-15", "1966/QĐ-UBND": "2022-12-19"},
        ),
        (
            "Văn bản số 6721/VPCP-V.I ngày 19 tháng 7 năm 2025 và số 7514/VPCP-V.I ngày 12 tháng 8 năm 2025 của Văn phòng Chính phủ.",
            {"6721/VPCP-V.I": "2025-07-19", "7514/VPCP-V.I": "2025-08-12"},
        ),
        (
            "Nghị định số 07/2021/NĐ-CP của Chính phủ quy định chuẩn nghèo ngày 1/1/2022; Kế hoạch số 5/KH-UBND năm 2023.",
            {"07/2021/NĐ-CP": None, "5/KH-UBND": "2023"},
        ),
        (
            "Quyết định số 1719/QĐ-TTg của Thủ tướng Chính phủ ngày 14/10/2021 phê duyệt Chương trình.",
            {"1719/QĐ-TTg": "2021-10-14"},
        ),
        (
            "Ngày 28/3/2023, Ban Thường trực Ủy ban MTTQ tỉnh ban hành Kế hoạch số 185/KHPH-MTTQ-BDT về phối hợp.",
            {"185/KHPH-MTTQ-BDT": "2023-03-28"},
        ),
        (
            "Ngày 22/10/2025, tại Thông báo số 569/TB-VPCP của Văn phòng Chính phủ, Phó Thủ tướng giao nhiệm vụ.",
            {"569/TB-VPCP": "2025-10-22"},
        ),
        (
            "theo Chỉ thị 30/CT-TTg năm 2014; thực hiện Chỉ thị số 30/CT-TTg ngày 30/9/2014 của Thủ tướng.",
            {"30/CT-TTg": "2014-09-30"},  # the most precise date of all mentions
        ),
        (
            "Kế hoạch số 24/KH-UBND ngày\n14/8/2025 của UBND tỉnh.",
            {"24/KH-UBND": "2025-08-14"},
        ),
        (
            "Ngày 21/10/2024, Sở Nội vụ có Công văn số 2903/SNV-TCCC đề nghị các sở báo cáo.",
            {"2903/SNV-TCCC": "2024-10-21"},  # '<X> có <citation>': sent that day
        ),
        (
            "Ngày 9/4/2025, Bộ Tư pháp đã có Công văn số 1866/BTP-PLHSHC gửi các tỉnh.",
            {"1866/BTP-PLHSHC": "2025-04-09"},
        ),
        (
            "Để triển khai, ngày 10/11/2025, Sở Nội vụ đã ban hành Công văn số 2775/SNV-CCHC về việc hướng dẫn.",
            {"2775/SNV-CCHC": "2025-11-10"},  # the date heads a clause after a comma
        ),
        (
            "Ngày 5/5/2025, Sở có 12 văn bản trả lời, trong đó Công văn số 77/SNV-TCCC chưa thực hiện.",
            {"77/SNV-TCCC": None},  # 'có' not right before the citation
        ),
        (
            "Kế hoạch số 2291/KH-UBND ngày 19\n22/8/2025 về ngầm hóa; Kế hoạch số 15/KH-UBND ngày 19\ntháng 3 năm 2024.",
            {"2291/KH-UBND": "2025-08-22", "15/KH-UBND": "2024-03-19"},  # a footnote marker after 'ngày'
        ),
        (
            "Kế hoạch số 2291/KH-UBND ngày\n\n19\n22/8/2025 về việc ngầm hóa.",
            {"2291/KH-UBND": "2025-08-22"},  # the marker on a line of its own
        ),
    ],
)
def test_dates_belong_to_their_citation(text, dates):
    assert {r.number: r.date for r in refs(text)} == dates


# --- issuers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,issuer",
    [
        ("theo Kế hoạch số 201/KH-UBND ngày 28/3/2023 của UBND tỉnh triển khai Chương trình.", "Ủy ban nhân dân tỉnh Nghệ An"),
        ("theo Nghị quyết số 49/NQ-HĐND ngày 30/8/2022 của Hội đồng nhân dân tỉnh Sóc Trăng về việc phân bổ.", "Hội đồng nhân dân tỉnh Sóc Trăng"),
        ("theo Chỉ thị số 19-CT/TU ngày 29/11/2021 của Ban Thường vụ Tỉnh ủy về tăng cường.", "Ban Thường vụ Tỉnh ủy Nghệ An"),
        ("theo Quyết định số 811/QĐ-BKH ngày 22/8/2005 của Bộ trưởng Bộ Kế hoạch và Đầu tư về việc.", "Bộ trưởng Bộ Kế hoạch và Đầu tư"),
        ("theo Thông tư số 45/2024/TT-BTC ngày 1/7/2024 của Bộ Tài chính quy định.", "Bộ Tài chính"),
        ("theo Kế hoạch phối hợp số 249/KHPH-UBND-MTTQ ngày 21/3/2023 giữa Ủy ban nhân dân tỉnh và Ủy ban MTTQVN tỉnh về phối hợp.",
         "Ủy ban nhân dân tỉnh Nghệ An và Ủy ban MTTQVN tỉnh Nghệ An"),
        # from the symbol when the text does not say
        ("theo Nghị định số 27/2022/NĐ-CP.", "Chính phủ"),
        ("theo Quyết định số 1719/QĐ-TTg.", "Thủ tướng Chính phủ"),
        ("theo Chỉ thị số 13/CT-TTg.", "Thủ tướng Chính phủ"),
        ("theo Nghị quyết số 86/NQ-CP.", "Chính phủ"),
        ("theo Thông tư số 45/2024/TT-BTC.", "Bộ Tài chính"),
        ("theo Nghị quyết số 07/2022/NQ-HĐND.", "Hội đồng nhân dân tỉnh Nghệ An"),
        ("theo Kế hoạch số 64/KH-UBND.", "Ủy ban nhân dân tỉnh Nghệ An"),
        ("theo Nghị quyết số 58-NQ/TU.", "Tỉnh ủy Nghệ An"),
        ("theo Luật số 87/2025/QH15.", "Quốc hội"),
        ("theo Pháp lệnh số 26/2005/PL-UBTVQH11.", "Ủy ban Thường vụ Quốc hội"),
        ("theo Văn bản số 6721/VPCP-V.I.", "Văn phòng Chính phủ"),
        # the subject of "X đã ban hành"
        ("Tỉnh ủy Lạng Sơn đã ban hành Nghị quyết số 58-NQ/TU ngày 29/11/2021 về công tác dân tộc.", "Tỉnh ủy Lạng Sơn"),
    ],
)
def test_issuers(text, issuer):
    assert one(text).issuer == issuer


def test_party_committee_of_a_city():
    assert one("theo Nghị quyết số 18-NQ/TU.", level="thành phố", place="Hà Nội").issuer == "Thành ủy Hà Nội"


def test_national_document_has_no_local_issuer_guess():
    assert one("theo Quyết định số 1529/QĐ-UBND.", level="national", place=None).issuer is None


# --- relations -----------------------------------------------------------------------------

PREAMBLE = """ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN

Số: 352/KH-UBND

Nghệ An, ngày 25 tháng 5 năm 2023

KẾ HOẠCH
Thực hiện Chương trình năm 2023

"""


def relations(body, **kw):
    return {r.number: r.relation for r in refs(PREAMBLE + body, number="352/KH-UBND", **kw)}


@pytest.mark.parametrize(
    "body,expected",
    [
        # one basis per line
        (
            "Căn cứ Nghị định số 27/2022/NĐ-CP ngày 19/4/2022 của Chính phủ;\n"
            "Căn cứ Quyết định số 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng Chính phủ;\n"
            "Theo đề nghị của Sở Tài chính tại Tờ trình số 105/TTr-STC ngày 1/5/2023.\n\nI. MỤC ĐÍCH\n",
            {"27/2022/NĐ-CP": "basis", "1719/QĐ-TTg": "basis", "105/TTr-STC": "cites"},
        ),
        # chained with ";" in one paragraph, ended by the issuing formula
        (
            "Căn cứ Nghị định số 27/2022/NĐ-CP ngày 19/4/2022 của Chính phủ quy định cơ chế; "
            "Kế hoạch số 201/KH-UBND ngày 28/3/2023 của UBND tỉnh triển khai Chương trình. "
            "UBND tỉnh ban hành Kế hoạch như sau:\n\nI. MỤC ĐÍCH\n"
            "Theo Quyết định số 1719/QĐ-TTg ngày 14/10/2021.\n",
            {"27/2022/NĐ-CP": "basis", "201/KH-UBND": "basis", "1719/QĐ-TTg": "cites"},
        ),
        # a document the basis only details is cited, one amended with it is a basis
        (
            "Căn cứ Nghị định số 94/1998/NĐ-CP ngày 17/11/1998 của Chính phủ quy định chi tiết thi hành "
            "Luật Thuế số 04/1998/QH10 ngày 20/05/1998;\n"
            "Căn cứ Luật Đất đai số 31/2024/QH15 được sửa đổi, bổ sung bởi Luật số 43/2024/QH15;\n\nI. MỤC ĐÍCH\n",
            {"94/1998/NĐ-CP": "basis", "04/1998/QH10": "cites", "31/2024/QH15": "basis", "43/2024/QH15": "basis"},
        ),
        # the opening "Thực hiện …" before the body
        (
            "Thực hiện Kế hoạch số 14-KH/TU ngày 29/7/2025 của Ban Thường vụ Tỉnh ủy và Kế hoạch số 24/KH-UBND "
            "ngày 14/8/2025 của UBND tỉnh, UBND tỉnh ban hành Kế hoạch như sau:\n\nI. MỤC ĐÍCH\n"
            "1. Triển khai Kế hoạch số 14-KH/TU và Nghị quyết số 66-NQ/TW ngày 30/4/2025.\n",
            {"14-KH/TU": "implements", "24/KH-UBND": "implements", "66-NQ/TW": "cites"},
        ),
        # another document's verbs are not the document's own
        (
            "I. NỘI DUNG\nNghị quyết của Ủy ban Thường vụ Quốc hội (thay thế Nghị quyết số 1211/2016/UBTVQH13 ngày 25/5/2016). "
            "Nghị định số 91/2022/NĐ-CP ngày 30/10/2022 sửa đổi, bổ sung Nghị định số 126/2020/NĐ-CP. "
            "Thực hiện theo hướng dẫn tại Công văn số 5/BTC-NSNN ngày 1/2/2023.\n",
            {"1211/2016/UBTVQH13": "cites", "91/2022/NĐ-CP": "cites", "126/2020/NĐ-CP": "cites", "5/BTC-NSNN": "cites"},
        ),
        # "Căn cứ" in the body names a basis only when the document follows at once
        (
            "I. NỘI DUNG\n- Căn cứ Quyết định số 43/2018/QĐ-TTg ngày 01/11/2018 của Thủ tướng Chính phủ.\n"
            "1. Căn cứ các nội dung công tác theo Thông tri số 05/TT-MTTW-BTT ngày 04/11/2025, các Ban triển khai.\n",
            {"43/2018/QĐ-TTg": "basis", "05/TT-MTTW-BTT": "cites"},
        ),
    ],
)
def test_relations(body, expected):
    assert relations(body) == expected


def test_basis_bullets_after_a_colon():
    body = "Căn cứ:\n- Luật số 1/2020/QH14;\n- Nghị định số 2/2021/NĐ-CP;\nTheo đề nghị của Sở X tại Tờ trình số 5/TTr-SX;\n\nI. MỤC ĐÍCH\n"
    assert relations(body) == {"1/2020/QH14": "basis", "2/2021/NĐ-CP": "basis", "5/TTr-SX": "cites"}


def test_news_only_cites():
    text = "Căn cứ Nghị quyết số 58-NQ/TU ngày 29/11/2021, tỉnh đã triển khai.\nThực hiện Kế hoạch số 64/KH-UBND ngày 28/3/2022."
    assert {r.relation for r in refs(text, genre="news")} == {"cites"}


# --- pinpoints, short forms, the document itself ----------------------------------------


@pytest.mark.parametrize(
    "text,pinpoint",
    [
        ("theo quy định tại khoản 2 Điều 7 Nghị định số 27/2022/NĐ-CP ngày 19/4/2022.", "khoản 2 Điều 7"),
        (
            "theo quy định tại điểm c, khoản 1, mục III của Chương trình ban hành kèm theo Quyết định số 1719/QĐ-TTg ngày 14/10/2021.",
            "điểm c, khoản 1, mục III",
        ),
        ("thay thế Điều 14, 18 Quyết định số 15/2022/QĐ-UBND ngày 30/3/2022.", "Điều 14, 18"),
        ("theo Quyết định số 15/2022/QĐ-UBND ngày 30/3/2022.", None),
    ],
)
def test_pinpoints(text, pinpoint):
    assert one(text).pinpoint == pinpoint


def test_short_forms_are_mentions():
    text = (
        "theo Quyết định số 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng Chính phủ. "
        "Các dự án thuộc Quyết định số 1719 được ưu tiên. Quyết định nêu trên quy định rõ. "
        "Kế hoạch này thay cho các kế hoạch trước. Theo Quyết định số 1719/QĐ-TTg."
    )
    ref = one(text)
    assert ref.number == "1719/QĐ-TTg" and ref.mentions == 4
    assert len(ref.mention_spans) == 4


def test_ambiguous_short_form_is_not_counted():
    text = "theo Quyết định số 12/QĐ-UBND và Quyết định số 12/QĐ-TTg. Quyết định số 12 nêu rõ. Quyết định nêu trên."
    assert [r.mentions for r in refs(text)] == [1, 1]


def test_title_mention_gives_the_date():
    text = "Căn cứ Luật Nhà ở số 27/2023/QH15;\n\nI. NỘI DUNG\ntheo quy định tại Khoản 1 Điều 121 Luật Nhà ở ngày 27/11/2023."
    ref = one(text)
    assert (ref.number, ref.date, ref.mentions) == ("27/2023/QH15", "2023-11-27", 2)


@pytest.mark.parametrize(
    "text",
    [
        "Số: 352/KH-UBND\nKế hoạch này thực hiện (Ban hành kèm theo Kế hoạch số 352/KH-UBND).",
        "Số: 352 /KH-UBND\n",
        "Luật số: 83/2025/QH15\n",
    ],
)
def test_own_number_is_never_a_reference(text):
    assert refs(text, number="352/KH-UBND") == []


def test_site_clutter_is_not_cited():
    text = "Nghị định 13/2023/NĐ-CP về Bảo vệ dữ liệu cá nhân yêu cầu xác nhận của **THƯ VIỆN PHÁP LUẬT**.\n"
    assert refs(text) == []


def test_site_list_of_related_documents_is_not_cited():
    text = (
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nVăn bản liên quan\n"
        "Nghị định 126/2020/NĐ-CP quy định chi tiết Luật Quản lý thuế\nBan hành:\n19/10/2020\nHiệu lực: Đã biết\n"
    )
    assert refs(text) == []


def test_spans_and_text():
    text = "Căn cứ Nghị quyết số 04-NQ/TU, ngày 09/7/2021 của Ban Chấp hành Đảng bộ tỉnh Sóc Trăng;"
    ref = one(text)
    assert text[ref.span[0]: ref.span[1]] == ref.text == "Nghị quyết số 04-NQ/TU"


# --- spaCy ---------------------------------------------------------------------------------


def test_references_to_spacy():
    text = "Căn cứ Nghị định số 27/2022/NĐ-CP ngày 19/4/2022; Kế hoạch số 201/KH-UBND ngày 28/3/2023 của UBND tỉnh."
    doc = references_to_spacy(text, refs(text))
    spans = doc.spans["references"]
    assert [(s.text, s.label_) for s in spans] == [("Nghị định số 27/2022/NĐ-CP", "NĐ"), ("Kế hoạch số 201/KH-UBND", "KH")]


# --- the seeds, end to end ------------------------------------------------------------------


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seed_references_match_gold(path):
    gold = json.loads((GOLD / f"{path.stem}.json").read_text("utf-8"))
    got = {spelling_key(r.number): r for r in extract_file(path).references}
    want = {spelling_key(r["number"]): r for r in gold["references"]}
    assert set(got) == set(want)
    for key, w in want.items():
        assert (got[key].date, got[key].doc_type, got[key].relation) == (w["date"], w["doc_type"], w["relation"])


# --- robustness ----------------------------------------------------------------------------

_PIECES = st.sampled_from(
    ["Căn cứ ", "Thực hiện ", "số ", "Quyết định ", "27/2022/NĐ-CP", "04-NQ/TU", " ngày 09/7/2021", " của UBND tỉnh",
     ";", ".", "\n", "\n\n", ": ", "khoản 2 Điều 7 ", "thay thế ", "Số: ", "nêu trên", " 1719", "/", "-", "…", " "]
)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=400), st.lists(_PIECES, max_size=60).map("".join)))
def test_never_raises(text):
    for ref in refs(text):
        assert 0 <= ref.span[0] < ref.span[1] <= len(text)
        assert ref.mentions >= 1


@pytest.mark.parametrize("text", [
    "Nước thải vượt ngưỡng theo QCVN 50: 2013/BTNMT hoặc QCVN 07:2009/BTNMT của Bộ.",
    "Đạt tiêu chuẩn TCVN 5945:2005/BKHCN về nước thải công nghiệp.",
])
def test_a_standards_year_and_body_is_no_citation(text):
    """'QCVN 50: 2013/BTNMT' names a technical standard, not a document numbered 2013."""
    assert [r.number for r in refs(text)] == []
