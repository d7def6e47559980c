"""The Kính gửi list, the subject and the signature stamp of letters printed from a word
processor, on PDFs made here (so the word-position reader is exercised), and the text
rules they rest on. Every example is invented."""
from __future__ import annotations

from pathlib import Path

import pytest

from vanban.extractors.pipeline import extract_file, extract_text
from vanban.extractors.read import read

from .conftest import FONT

LEFT = ["BỘ NỘI VỤ", "Số: 5816/BNV-CCHC", "V/v cập nhật số liệu sơ kết", "giai đoạn 2021-2025"]
RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "", "Hà Nội, ngày 31 tháng 7 năm 2025"]
ITEMS = ["- Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;", "- Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương;",
         "- Kiểm toán Nhà nước;", "- Văn phòng Trung ương Đảng."]
NAMES = ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
         "Kiểm toán Nhà nước", "Văn phòng Trung ương Đảng"]
BODY = "Triển khai thực hiện Quyết định số 145/QĐ-BNV ngày 03/3/2025 của Bộ Nội vụ, Bộ Nội vụ đề nghị các cơ quan cập nhật số liệu theo phụ lục gửi kèm./."
STAMP = ["Ký bởi: Bộ Nội vụ", "Email: bnv@moha.gov.vn", "Cơ quan: Bộ Nội vụ", "Thời gian ký: 31.07.2025 10:20 +07:00"]


def _page(left: list[str] = LEFT, right: list[str] = RIGHT):
    """A letter's first page as a word processor prints it: the header table row by row."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    for k in range(max(len(left), len(right))):
        y = pdf.get_y()
        pdf.set_x(10)
        pdf.cell(75, 6, left[k] if k < len(left) else "", align="C")
        text = right[k] if k < len(right) else ""
        pdf.set_xy(95, y)
        pdf.cell(105, 6, text, align="L" if text.startswith(("-", "Kính")) else "C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    return pdf


def _foot(pdf) -> None:
    pdf.ln(2)
    pdf.set_x(10)
    pdf.multi_cell(0, 6, BODY, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for left, right in [("Nơi nhận:", "KT. BỘ TRƯỞNG"), ("- Như trên;", "THỨ TRƯỞNG"), ("- Lưu: VT, CCHC.", ""), ("", "Cao Huy")]:
        y = pdf.get_y()
        pdf.set_x(10)
        pdf.cell(90, 5, left)
        pdf.set_xy(110, y)
        pdf.cell(90, 5, right, align="C", new_x="LMARGIN", new_y="NEXT")


def _table(pdf, items: list[str], *, label_row: int = 0, items_x: float = 50, width: float = 150) -> None:
    """'Kính gửi:' in a left cell (drawn first, on row ``label_row``), the items in the right cell."""
    y = pdf.get_y()
    pdf.set_xy(25, y + 6 * label_row)
    pdf.cell(25, 6, "Kính gửi:")
    pdf.set_xy(items_x, y)
    for item in items:
        pdf.set_x(items_x)
        pdf.multi_cell(width, 6, item, new_x="LMARGIN", new_y="NEXT")


def _stamp(pdf, x: float, y: float, lines: list[str] = STAMP) -> None:
    """A signature stamp's text, small, printed over whatever stands there."""
    keep = pdf.get_y()
    pdf.set_font("DejaVu", size=7)
    for k, text in enumerate(lines):
        pdf.set_xy(x, y + 3 * k)
        pdf.cell(50, 3, text)
    pdf.set_font("DejaVu", size=11)
    pdf.set_y(keep)


def _label_top(pdf):
    _table(pdf, ITEMS)


def _label_centred(pdf):
    _table(pdf, ITEMS, label_row=1)


def _items_wrapped(pdf):
    _table(pdf, ["- Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ban Quản lý Lăng Chủ tịch Hồ Chí Minh;",
                 "- Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương;", "- Kiểm toán Nhà nước."], width=110)


def _no_dashes(pdf):
    _table(pdf, ["Sở Tài chính;", "Sở Nội vụ;", "Sở Tư pháp;", "Ủy ban nhân dân các xã, phường."])


def _label_alone(pdf):
    pdf.set_x(10)
    pdf.cell(0, 6, "Kính gửi:", align="C", new_x="LMARGIN", new_y="NEXT")
    for item in ITEMS:
        pdf.set_x(50)
        pdf.cell(0, 6, item, new_x="LMARGIN", new_y="NEXT")


def _stamp_over_date(pdf):
    _stamp(pdf, 140, 22)  # across the place and date line of the header's right column
    _table(pdf, ITEMS)


def _stamp_left_of_list(pdf):
    y = pdf.get_y()
    _table(pdf, ITEMS, items_x=80, width=110)
    _stamp(pdf, 10, y + 6)  # in the left margin, beside a wrapped item


def _stamp_beside_list(pdf):
    y = pdf.get_y()
    _table(pdf, ITEMS)
    _stamp(pdf, 150, y + 2)


def _parent_stamp(pdf):
    y = pdf.get_y()
    _table(pdf, ITEMS)
    _stamp(pdf, 150, y + 7, ["Số: 666/TTr-SNV; 22/12/2025; 18:56:39; +07:00"])


SUBJECT = "cập nhật số liệu sơ kết giai đoạn 2021-2025"


@pytest.mark.parametrize(
    "construct,draw,recipients",
    [
        ("label in a left cell, the list in the right one", _label_top, NAMES),
        ("label centred in its cell, beside the second item", _label_centred, NAMES),
        ("items wrapped inside their cell", _items_wrapped,
         ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ban Quản lý Lăng Chủ tịch Hồ Chí Minh",
          "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "Kiểm toán Nhà nước"]),
        ("items with no dash, each closed by ';'", _no_dashes, ["Sở Tài chính", "Sở Nội vụ", "Sở Tư pháp", "Ủy ban nhân dân các xã, phường"]),
        ("label alone on its line, the items under it", _label_alone, NAMES),
        ("stamp text over the place and date", _stamp_over_date, NAMES),
        ("stamp text left of a wrapped item", _stamp_left_of_list, NAMES),
        ("stamp text beside the list", _stamp_beside_list, NAMES),
        ("a parent document's stamp beside the list", _parent_stamp, NAMES),
    ],
)
def test_kinh_gui_list_on_a_printed_page(tmp_path: Path, construct, draw, recipients):
    pdf = _page()
    draw(pdf)
    _foot(pdf)
    path = tmp_path / "letter.pdf"
    pdf.output(str(path))
    record = extract_file(path)
    assert record.recipients == recipients, construct
    assert (record.number, record.issued_date, record.place) == ("5816/BNV-CCHC", "2025-07-31", "Hà Nội"), construct
    assert record.subject == SUBJECT, construct
    assert record.signer.name == "Cao Huy", construct
    assert not any("Ký bởi" in r or "666/TTr" in r for r in record.recipients)


@pytest.mark.parametrize(
    "construct,left,right,subject,recipients",
    [
        ("Kính gửi under the date, beside the V/v",
         ["BỘ NỘI VỤ", "Số: 5816/BNV-CCHC", "V/v cập nhật số liệu sơ kết", "giai đoạn 2021-2025 thực hiện", "Nghị quyết số 76/NQ-CP"],
         ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 31 tháng 7 năm 2025", "",
          "Kính gửi:", "- Sở Tài chính;", "- Sở Nội vụ;", "- Sở Tư pháp."],
         "cập nhật số liệu sơ kết giai đoạn 2021-2025 thực hiện Nghị quyết số 76/NQ-CP", ["Sở Tài chính", "Sở Nội vụ", "Sở Tư pháp"]),
        ("Kính gửi one addressee beside the V/v's last line",
         ["BỘ NỘI VỤ", "Số: 5816/BNV-CCHC", "V/v cập nhật số liệu sơ kết", "giai đoạn 2021-2025"],
         ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 31 tháng 7 năm 2025",
          "Kính gửi: Sở Tài chính tỉnh Lâm Đồng"],
         SUBJECT, ["Sở Tài chính tỉnh Lâm Đồng"]),
    ],
)
def test_kinh_gui_in_the_right_column(tmp_path: Path, construct, left, right, subject, recipients):
    """The list in the header's right column while the left one's V/v goes on: the right
    column ends at 'Kính gửi', and the list is read after the V/v."""
    pdf = _page(left, right)
    _foot(pdf)
    path = tmp_path / "letter.pdf"
    pdf.output(str(path))
    text = read(path).text
    assert text.index("V/v") < text.index("Kính gửi"), construct
    record = extract_file(path)
    assert record.recipients == recipients, construct
    assert record.subject == subject, construct
    assert (record.number, record.issued_date) == ("5816/BNV-CCHC", "2025-07-31"), construct


# --- the text rules ------------------------------------------------------------------------

HEAD = ("BỘ NỘI VỤ\nSố: 12/BNV-CCHC\nV/v cập nhật số liệu\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 31 tháng 7 năm 2025\n\n")
TAIL = ("\nBộ Nội vụ đề nghị các cơ quan cập nhật số liệu theo phụ lục gửi kèm Công văn này trước ngày 10 tháng 8 năm 2025./.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nCao Huy\n")


@pytest.mark.parametrize(
    "construct,block,recipients",
    [
        ("no dashes, on the label's line first", "Kính gửi: Sở Tài chính;\nSở Nội vụ;\nSở Tư pháp;\nỦy ban nhân dân các xã, phường.",
         ["Sở Tài chính", "Sở Nội vụ", "Sở Tư pháp", "Ủy ban nhân dân các xã, phường"]),
        ("no dashes, an item wrapped", "Kính gửi: Sở Tài chính;\nSở Nội vụ;\nSở Tài nguyên và\nMôi trường;\nSở Tư pháp.",
         ["Sở Tài chính", "Sở Nội vụ", "Sở Tài nguyên và Môi trường", "Sở Tư pháp"]),
        ("no dashes, the label alone", "Kính gửi:\nSở Tài chính;\nSở Nội vụ;\nSở Tư pháp.", ["Sở Tài chính", "Sở Nội vụ", "Sở Tư pháp"]),
        ("the list ends at its '.'", "Kính gửi: Sở Tài chính;\nSở Nội vụ.\nỦy ban nhân dân tỉnh nhận được Công văn số 5/SNV ngày 3/4/2025;",
         ["Sở Tài chính", "Sở Nội vụ"]),
        ("a sentence wrapped after the list is the body",
         "Kính gửi: Sở Tài chính;\nSở Nội vụ;\nỦy ban nhân dân tỉnh nhận được Công văn\nsố 5/SNV ngày 3/4/2025 của Sở.",
         ["Sở Tài chính", "Sở Nội vụ"]),
        ("an addressee's details are not addressees",
         "Kính gửi:\nCông ty TNHH Khuôn mẫu An Phát;\nMã số thuế: 1102044417;\nĐịa chỉ: Lô A8, Cụm công nghiệp Hải Sơn.",
         ["Công ty TNHH Khuôn mẫu An Phát"]),
        ("one addressee", "Kính gửi: Sở Tài chính.", ["Sở Tài chính"]),
    ],
)
def test_kinh_gui_items_without_dashes(construct, block, recipients):
    assert extract_text(HEAD + block + TAIL).recipients == recipients, construct


def test_distribution_without_dashes_keeps_luu():
    record = extract_text(HEAD + "Kính gửi: Sở Tài chính." + TAIL.replace("- Như trên;\n- Lưu: VT.", "Như trên;\nSở Nội vụ;\nLưu: VT."))
    assert record.distribution == ["Như trên", "Sở Nội vụ", "Lưu: VT"]


GM_HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 85/GM-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
           "Lâm Đồng, ngày 19 tháng 01 năm 2026\n\nGIẤY MỜI\n")
GM_ITEMS = ("1. Chủ trì: Đồng chí Nguyễn Văn An - Phó Chủ tịch UBND tỉnh.\n2. Thành phần mời:\n- Đại diện lãnh đạo các sở, ban, ngành;\n"
            "3. Nội dung: {content}\n4. Thời gian: từ 14h00 ngày 22/01/2026.\n5. Địa điểm: Hội trường tầng 3, Trung tâm Hành chính tỉnh.\n")


@pytest.mark.parametrize(
    "construct,between,content,subject",
    [
        ("no trích yếu: the content item", "Thực hiện Chương trình công tác tháng 01/2026, Ủy ban nhân dân tỉnh tổ chức họp như sau:\n",
         "Họp đánh giá công tác cải cách hành chính năm 2025.", "Họp đánh giá công tác cải cách hành chính năm 2025"),
        ("the content wrapped, then who chairs", "Ủy ban nhân dân tỉnh tổ chức buổi làm việc với Sở Nội vụ.\n",
         "Họp đánh giá kết quả và giải pháp nâng cao các chỉ số\nPAR INDEX, PAPI, SIPAS do Đồng chí Nguyễn Văn An - Phó Chủ tịch\nUBND tỉnh chủ trì.",
         "Họp đánh giá kết quả và giải pháp nâng cao các chỉ số PAR INDEX, PAPI, SIPAS"),
        ("a trích yếu under the title wins", "Về việc dự Hội nghị tổng kết công tác năm 2025\n\n",
         "Tổng kết công tác năm 2025.", "Về việc dự Hội nghị tổng kết công tác năm 2025"),
    ],
)
def test_invitation_subject(construct, between, content, subject):
    record = extract_text(GM_HEAD + between + "\n" + GM_ITEMS.format(content=content) + TAIL)
    assert record.doc_type == "GM"
    assert record.subject == subject, construct


@pytest.mark.parametrize(
    "construct,foot,name",
    [
        ("a rank before the name", "GIÁM ĐỐC\nThiếu tướng Trương Minh Đương", "Trương Minh Đương"),
        ("OCR's '1' for the name's T", "GIÁM ĐỐC\nThiếu tướng 1rương Minh Đương", "Trương Minh Đương"),
        ("OCR's '1' with no rank", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n1rần Văn Bình", "Trần Văn Bình"),
        ("a figure is no name", "GIÁM ĐỐC\n12 Văn Bình", None),
    ],
)
def test_signer_name_read_by_ocr(construct, foot, name):
    text = HEAD + "Kính gửi: Sở Tài chính." + TAIL.replace("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nCao Huy", foot)
    assert extract_text(text).signer.name == name, construct


def test_stamp_annotations_beside_the_list_are_not_addressees(tmp_path: Path):
    """An e-signing stamp drawn as annotations, one per line, each beside an item of the
    list: read among the annotations alone, its lines stay out of the items."""
    from .test_pdf_layers import _add_stamp_annotations

    pdf = _page()
    _table(pdf, ["- Các bộ, cơ quan thuộc Chính phủ (CP);", "- Ủy ban nhân dân các tỉnh (TW);", "- Kiểm toán Nhà nước (KTNN);",
                 "- Văn phòng Trung ương Đảng."], width=100)
    _foot(pdf)
    plain = tmp_path / "letter.pdf"
    pdf.output(str(plain))
    signed = _add_stamp_annotations(plain, [("(CP);", "Signed by: BO NOI VU"), ("(TW);", "Email: bnv@moha.gov.vn"),
                                            ("(KTNN);", "Ngày ký: 31.07.2025 10:20:30 +07:00")])
    raw = read(signed)
    assert any("stamp of the annotations" in w for w in raw.warnings)
    record = extract_file(signed)
    assert record.recipients == ["Các bộ, cơ quan thuộc Chính phủ (CP)", "Ủy ban nhân dân các tỉnh (TW)", "Kiểm toán Nhà nước (KTNN)",
                                 "Văn phòng Trung ương Đảng"]
    assert (record.number, record.issued_date) == ("5816/BNV-CCHC", "2025-07-31")


@pytest.mark.parametrize(
    "construct,bullet",
    [("Word's en dash", "–"), ("an em dash", "—"), ("the Symbol font's dash", "\uf02d"),
     ("the Symbol font's dot", "\uf0b7"), ("a dot", "•"), ("a plain dash", "-")],
)
def test_list_bullets_as_word_prints_them(construct, bullet):
    block = f"Kính gửi:\n{bullet} Sở Tài chính;\n{bullet} Ủy ban nhân dân các xã, phường\ntrực thuộc tỉnh;\n{bullet} Sở Tư pháp."
    foot = TAIL.replace("- Như trên;\n- Lưu: VT.", f"{bullet} Như trên;\n{bullet} Lưu: VT.")
    record = extract_text(HEAD + block + foot)
    assert record.recipients == ["Sở Tài chính", "Ủy ban nhân dân các xã, phường trực thuộc tỉnh", "Sở Tư pháp"], construct
    assert record.distribution == ["Như trên", "Lưu: VT"], construct


def test_en_dash_after_the_label_and_inside_a_line():
    record = extract_text(HEAD + "Kính gửi: – Sở Tài chính;\n– Sở Nội vụ.\nGiai đoạn 2021 – 2025 đã kết thúc, đề nghị các sở báo cáo." + TAIL)
    assert record.recipients == ["Sở Tài chính", "Sở Nội vụ"]
    assert "2021 – 2025" in record.text


def test_en_dash_bullets_on_a_printed_page(tmp_path: Path):
    pdf = _page()
    _table(pdf, [item.replace("- ", "– ", 1) for item in ITEMS])
    _foot(pdf)
    path = tmp_path / "letter.pdf"
    pdf.output(str(path))
    assert extract_file(path).recipients == NAMES
