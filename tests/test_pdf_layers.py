"""PDF text layers as real archives have them, on PDFs made here: the number and day that
e-signing fills in as annotations, signature stamps, garbage layers read by OCR, short
good pages kept, header columns, digits drawn as graphics."""
from __future__ import annotations

import ctypes
from pathlib import Path

import pytest

from vanban.extractors.pipeline import extract_file
from vanban.extractors.read import layer_quality, read
from vanban.extractors.read.pdf_annots import move_stamps, stamp_lines

from .conftest import FONT, make_pdf

HEADER_LEFT = ["ỦY BAN NHÂN DÂN", "TỈNH HÀ GIANG"]
HEADER_RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
BODY = ["THÔNG BÁO", "Về việc tổ chức hội nghị tổng kết công tác năm 2023",
        "Kính gửi: Sở Nội vụ tỉnh Hà Giang.",
        "Ủy ban nhân dân tỉnh thông báo lịch tổ chức hội nghị tổng kết công tác cải cách hành chính năm 2023 "
        "và triển khai nhiệm vụ năm 2024 tới các cơ quan, đơn vị trên địa bàn tỉnh."]


def _header_pdf(path: Path, number_line: str, date_line: str, body: list[str] = BODY) -> Path:
    return make_pdf(path, body, columns=[(HEADER_LEFT + [number_line], HEADER_RIGHT + [date_line])])


def _add_stamp_annotations(path: Path, fills: list[tuple[str, str]]) -> Path:
    """Annotations whose appearance draws ``text`` just after the label ``after`` (a
    stamp annotation: its appearance stream holds the text, not the page content)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as c

    pdf = pdfium.PdfDocument(str(path))
    page = pdf[0]
    textpage = page.get_textpage()
    text = textpage.get_text_range()
    for after, fill in fills:
        index = text.index(after) + len(after) - 1
        left, bottom, right, top = textpage.get_charbox(index, loose=True)
        x, y, size = right + 5, bottom + 2, 9
        annot = c.FPDFPage_CreateAnnot(page.raw, c.FPDF_ANNOT_STAMP)
        font = c.FPDFText_LoadStandardFont(pdf.raw, b"Helvetica")
        obj = c.FPDFPageObj_CreateTextObj(pdf.raw, font, size)
        wide = ctypes.create_string_buffer((fill + "\0").encode("utf-16-le"))
        c.FPDFText_SetText(obj, ctypes.cast(wide, ctypes.POINTER(c.FPDF_WCHAR)))
        c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
        c.FPDFAnnot_SetRect(annot, c.FS_RECTF(x - 1, y + size + 1, x + size * len(fill), y - 2))
        assert c.FPDFAnnot_AppendObject(annot, obj)
        c.FPDFPage_CloseAnnot(annot)
    textpage.close()
    out = path.with_name(path.stem + "-signed.pdf")
    pdf.save(str(out))
    pdf.close()
    return out


# --- 1. the number and day filled in as annotations ------------------------------------------

@pytest.mark.parametrize(
    "number_line,date_line,fills,number,date",
    [
        ("Số:          /TB-UBND", "Hà Giang, ngày 3 tháng 4 năm 2024", [("Số:", "12")], "12/TB-UBND", "2024-04-03"),
        ("Số:          /TB-UBND", "Hà Giang, ngày       tháng 4 năm 2024", [("Số:", "12"), ("ngày", "3")],
         "12/TB-UBND", "2024-04-03"),
        ("Số:          /TB-UBND", "Hà Giang, ngày       tháng       năm 2024",
         [("Số:", "508"), ("ngày", "28"), ("tháng", "11")], "508/TB-UBND", "2024-11-28"),
    ],
)
def test_annotation_digits_land_in_their_blanks(tmp_path, number_line, date_line, fills, number, date):
    plain = _header_pdf(tmp_path / "doc.pdf", number_line, date_line)
    assert number not in read(plain).text  # the page content alone has a blank
    signed = _add_stamp_annotations(plain, fills)
    raw = read(signed)
    lines = [line.strip() for line in raw.text.split("\n")]
    digits, code = number.split("/")
    assert any(line.startswith("Số:") and digits in line and code in line for line in lines)
    assert not any("Số:" in line and "ngày" in line for line in lines)  # the columns stay apart
    assert any("annotation" in w for w in raw.warnings)
    record = extract_file(signed)
    assert record.number == number
    assert record.issued_date == date


# --- signature stamps are not the header ------------------------------------------------------

@pytest.mark.parametrize(
    "lines,stamp",
    [
        (["Ký bởi: ỦY BAN", "NHÂN DÂN TỈNH", "LÂM ĐỒNG", "Cơ quan: Tỉnh Lâm Đồng", "Thời gian ký:", "22.12.2025 10:20:30 +07:00",
          "ỦY BAN NHÂN DÂN"], {0, 1, 2, 3, 4, 5}),
        (["Số: 666/TTr-SNV; 22/12/2025; 18:56:39; +07:00", "PHỤ LỤC"], {0}),
        (["Người ký: Nguyễn Văn A", "Email: a@lamdong.gov.vn", "Thời gian ký: 03/04/2024 08:00", "Số: 12/TB-UBND"], {0, 1, 2}),
        (["Cơ quan: Sở Nội vụ", "Số: 12/TB-UBND"], set()),  # "Cơ quan:" alone is no stamp
        (["Số: 12/TB-UBND", "Hà Giang, ngày 3 tháng 4 năm 2024"], set()),
    ],
)
def test_stamp_lines(lines, stamp):
    assert stamp_lines(lines) == stamp


def test_stamp_in_page_text_moves_after_the_header(tmp_path):
    stamp = ["Ký bởi: ỦY BAN NHÂN DÂN TỈNH HÀ GIANG", "Cơ quan: Tỉnh Hà Giang", "Thời gian ký: 03.04.2024 10:20:30 +07:00"]
    path = make_pdf(tmp_path / "stamped.pdf", stamp + BODY,
                    columns=[(HEADER_LEFT + ["Số: 12/TB-UBND"], HEADER_RIGHT + ["Hà Giang, ngày 3 tháng 4 năm 2024"])])
    raw = read(path)
    text = raw.text
    assert text.index("Số: 12/TB-UBND") < text.index("Ký bởi") and text.index("Kính gửi") < text.index("Ký bởi")
    assert any("signature stamp" in w for w in raw.warnings)
    moved, lines = move_stamps("Ký bởi: A\nThời gian ký: 03/04/2024\nSố: 1/TB\nnội dung")
    assert moved.split("\n")[:2] == ["Số: 1/TB", "nội dung"] and lines == ["Ký bởi: A", "Thời gian ký: 03/04/2024"]
    record = extract_file(path)
    assert record.number == "12/TB-UBND" and record.issued_date == "2024-04-03"


# --- 2. text layer quality --------------------------------------------------------------------

@pytest.mark.parametrize(
    "text,poor",
    [
        ("Ủy ban nhân dân tỉnh thông báo lịch tổ chức hội nghị tổng kết công tác cải cách hành chính năm 2023", False),
        ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015 của Quốc hội; UBND tỉnh quyết định", False),
        ("QUYTTDINH Cdn c* Luqt TO ch*c chinh quy6n dia phucrng ngdy l9 thdng 6 ndm 2015 cr{u rICH uv nAx NHAN oAN", True),
        ("ceNG HoA x,l ugr cnu Ncnin vtpr xlrvr Doc lap Tu do Hanh phric GIAY MOI Uy ban nhdn dAn tinh", True),
        ("BØCÔNG AN CØNG HOÀXÃ HØI CHæNGH(AVIÆT NAM TÜTRÌNH Cn céKho£n 1iÁu 21 NghË Ënh sÑ Kính gíi Óng chí Chç tËch", True),
        ("Sở ội vụ đề nghị iệp hội oanh nghiệp tỉnh căn cứ ghị định số 126 và ghị quyết của ội đồng hân dân ỉnh về iệc", True),
        ("Nơi nhận: Như trên; Lưu: VT.", False),  # too few words to judge
    ],
)
def test_layer_quality(text, poor):
    assert layer_quality.measure(text).poor is poor


def test_unmapped_characters_make_a_layer_poor():
    words = "Ủy ban nhân dân tỉnh thông báo lịch tổ chức hội nghị tổng kết công tác năm nay " * 3
    assert not layer_quality.measure(words, unmapped=2).poor
    assert layer_quality.measure(words, unmapped=12).poor


def _scan_png(tmp_path: Path, number: str = "12") -> Path:
    """A page image with the header and body, as a scanner gives it."""
    import pypdfium2 as pdfium

    text_pdf = _header_pdf(tmp_path / "source.pdf", f"Số: {number}/TB-UBND", "Hà Giang, ngày 3 tháng 4 năm 2024")
    pdf = pdfium.PdfDocument(str(text_pdf))
    image = pdf[0].render(scale=250 / 72, grayscale=True).to_pil()
    pdf.close()
    png = tmp_path / "scan.png"
    image.save(png)
    return png


def _scan_pdf(tmp_path: Path, layer: list[str] | None, *, pages_after: list[list[str]] = ()) -> Path:
    """The scanned page in a PDF, with an invisible text layer (``layer``) over it, and
    text pages after it."""
    from fpdf import FPDF
    from fpdf.enums import TextMode

    png = _scan_png(tmp_path)
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=9)
    pdf.add_page()
    pdf.image(str(png), x=0, y=0, w=210, h=297)
    if layer:
        pdf.text_mode = TextMode.INVISIBLE
        pdf.set_xy(10, 10)
        for line in layer:
            pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
        pdf.text_mode = TextMode.FILL
    for page in pages_after:
        pdf.add_page()
        for line in page:
            pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    out = tmp_path / "scan.pdf"
    pdf.output(str(out))
    return out


GARBAGE = ["ceNG HoA x,l ugr cnu Ncnin vtpr xlrvr", "Doc lap Tu do Hanh phric", "so:f60tCNa-usND GIAY MOI",
           "Uy ban nhdn dAn tinh td chuc budi lim viec dC nghe Sd Noi vu bio c6o dinh gi6 kdt qui vi giii phip"]


def test_garbage_layer_over_a_scan_is_read_by_ocr(tmp_path):
    path = _scan_pdf(tmp_path, GARBAGE, pages_after=[["Nơi nhận:", "- Như trên;", "- Lưu: VT."]])
    raw = read(path)
    assert raw.ocr["pages"] == [1]  # the short text page 2 is kept as it is
    assert "poor text layer" in raw.ocr["reasons"]["1"]
    assert any(w.startswith("page 1: poor text layer") for w in raw.warnings)
    assert "ceNG" not in raw.text and "Kính gửi" in raw.text
    assert "- Lưu: VT." in raw.text
    record = extract_file(path)
    assert record.number == "12/TB-UBND"


# --- 3. a short page of a text PDF is not OCRed -----------------------------------------------

@pytest.mark.parametrize("last_page", [["- Lưu: VT."], ["2"], ["Nơi nhận:", "- Như trên;"]])
def test_short_text_page_is_kept(tmp_path, last_page):
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    for line in BODY * 3:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    for line in last_page:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "short.pdf"
    pdf.output(str(path))
    raw = read(path)
    assert raw.ocr is None
    assert raw.text.rstrip().endswith(last_page[-1])


def test_short_page_over_an_image_is_ocred(tmp_path):
    path = _scan_pdf(tmp_path, ["3"])  # a page number over a scanned page
    raw = read(path)
    assert raw.ocr["reasons"] == {"1": "no text layer"}
    assert "Kính gửi" in raw.text


# --- 4. header columns, order, hyphens, NFC ---------------------------------------------------

def test_title_drawn_before_the_header_comes_after_it(tmp_path):
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=9)
    pdf.add_page()
    pdf.set_y(60)  # the title block is drawn first, below where the header goes
    for line in BODY:
        pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(15)
    for x, column in ((10, HEADER_LEFT + ["Số: 12/TB-UBND"]), (110, HEADER_RIGHT + ["Hà Giang, ngày 3 tháng 4 năm 2024"])):
        pdf.set_y(15)
        for text in column:
            pdf.set_x(x)
            pdf.cell(85, 5, text, align="C", new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "order.pdf"
    pdf.output(str(path))
    lines = [line.strip() for line in read(path).text.split("\n")]
    assert lines.index("ỦY BAN NHÂN DÂN") < lines.index("Số: 12/TB-UBND") < lines.index("THÔNG BÁO")
    assert "Hà Giang, ngày 3 tháng 4 năm 2024" in lines  # its own line, not glued to the number
    record = extract_file(path)
    assert record.number == "12/TB-UBND" and record.doc_type == "TB"


@pytest.mark.parametrize(
    "number_line,date_line",
    [
        ("Số: 12/TB-UBND", "Hà Giang, ngày 3 tháng 4 năm 2024"),
        ("Số: 1547/SNV-TCBC", "Hà Giang, ngày 18 tháng 9 năm 2025"),
        ("So\u0302\u0301: 12/TB-UBND", "Hà Giang, nga\u0300y 3 tha\u0301ng 4 na\u0306m 2024"),  # not NFC
    ],
)
def test_number_and_date_on_one_row_come_apart(tmp_path, number_line, date_line):
    import unicodedata

    path = _header_pdf(tmp_path / "row.pdf", number_line, date_line)
    lines = [unicodedata.normalize("NFC", line.strip()) for line in read(path).text.split("\n")]
    assert unicodedata.normalize("NFC", number_line) in lines
    assert unicodedata.normalize("NFC", date_line) in lines
    record = extract_file(path)
    assert record.number == unicodedata.normalize("NFC", number_line).split(": ")[1]


def test_line_end_hyphen_is_a_hyphen(tmp_path):
    words = "Thực hiện chỉ đạo của Thủ tướng Chính phủ tại Quyết định số 2764/QĐ-"
    import pypdfium2 as pdfium
    from fpdf import FPDF

    path = tmp_path / "hyphen.pdf"

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    for line in (words, "TTg ngày 19 tháng 12 năm 2025 về việc thành lập Ban Chỉ đạo quốc gia về dữ liệu."):
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    layer = pdfium.PdfDocument(str(path))[0].get_textpage().get_text_range()
    assert "QĐ\ufffeTTg" in layer  # pdfium marks the hyphen and joins the lines
    text = read(path).text
    assert "\ufffe" not in text
    assert "2764/QĐ-" in text
    assert extract_file(path).references[0].number.startswith("2764/QĐ-TTg")


# --- 5. digits drawn as graphics --------------------------------------------------------------

def _digits_png(tmp_path: Path, digits: str) -> Path:
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), 60)
    image = Image.new("L", (40 * len(digits) + 20, 80), 255)
    ImageDraw.Draw(image).text((10, 5), digits, font=font, fill=0)
    png = tmp_path / f"digits-{digits}.png"
    image.save(png)
    return png


def _letter_page(number_line: str, size: int = 9):
    """An FPDF document with a page holding the header (columns drawn one after the other)
    and the body; more can be drawn on it."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=size)
    pdf.add_page()
    y = pdf.get_y()
    for x, width, column in ((10, 85, HEADER_LEFT + [number_line]),
                             (110, 90, HEADER_RIGHT + ["Hà Giang, ngày 3 tháng 4 năm 2024"])):
        pdf.set_y(y)
        for text in column:
            pdf.set_x(x)
            pdf.cell(width, 5, text, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(y + 20)
    for line in BODY:
        pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    return pdf


def _drawn_number_pdf(path: Path, digits_png: Path | None = None, at: tuple[float, float, float] = (0, 0, 0)) -> Path:
    """A header whose number line has a blank; ``digits_png`` drawn in it at (x, y, height) mm."""
    pdf = _letter_page("Số:               /TB-UBND")
    if digits_png:
        pdf.image(str(digits_png), x=at[0], y=at[1], h=at[2])
    pdf.output(str(path))
    return path


def test_number_drawn_as_an_image_is_read_from_its_strip(tmp_path):
    import pypdfium2 as pdfium

    blank = _drawn_number_pdf(tmp_path / "blank.pdf")
    doc = pdfium.PdfDocument(str(blank))
    textpage = doc[0].get_textpage()
    colon = textpage.get_charbox(textpage.get_text_range().index("Số:") + 2, loose=True)
    height = doc[0].get_height()
    doc.close()
    mm = 25.4 / 72  # the digits go in the blank between "Số:" and "/", as an image
    at = (colon[2] * mm + 1.5, (height - colon[3]) * mm, (colon[3] - colon[1]) * mm)
    path = _drawn_number_pdf(tmp_path / "drawn.pdf", _digits_png(tmp_path, "12"), at)
    assert "12" not in read(blank).text.split("\n")[2]
    raw = read(path)
    assert raw.ocr["header_crops"][0]["field"] == "number"
    assert raw.ocr["header_crops"][0]["digits"] == "12"
    assert "Số: 12 /TB-UBND" in raw.text
    assert any("read '12' by OCR of its strip" in w for w in raw.warnings)
    assert extract_file(path).number == "12/TB-UBND"


def test_subject_ending_in_a_place_stops_at_kinh_gui(tmp_path):
    """The left column's V/v ends with "… tỉnh Lâm Đồng" and "Kính gửi:" follows: the two
    stay apart (``Đồng kính gửi`` on one line is the salutation, not a line break)."""
    path = make_pdf(tmp_path / "vv.pdf", ["Kính gửi: Công an tỉnh", "Căn cứ Thông tư số 10/2025/TT-BNV ngày 19/6/2025 của Bộ Nội vụ;"],
                    columns=[(HEADER_LEFT + ["Số: 1547/SNV-TCBC", "V/v thẩm định dự thảo Quyết định", "tỉnh Lâm Đồng"],
                              HEADER_RIGHT + ["Lâm Đồng, ngày 18 tháng 9 năm 2025"])])
    record = extract_file(path)
    assert record.subject == "thẩm định dự thảo Quyết định tỉnh Lâm Đồng"
    assert [r.name if hasattr(r, "name") else r for r in record.recipients] == ["Công an tỉnh"]


@pytest.mark.parametrize("pages", [1, 2])
def test_foot_columns_come_apart(tmp_path, pages):
    """"Nơi nhận" left and the signature right, drawn row by row as a word processor
    does, so that the text layer runs them together ("- Như trên; PHÓ GIÁM ĐỐC")."""
    pdf = _letter_page("Số: 12/TB-UBND", size=10)
    if pages == 2:
        pdf.add_page()
        pdf.multi_cell(0, 5, "Đề nghị các cơ quan, đơn vị triển khai thực hiện./.", new_x="LMARGIN", new_y="NEXT")
    rows = [("Nơi nhận:", "KT. CHỦ TỊCH"), ("- Như trên;", "PHÓ CHỦ TỊCH"), ("- Chủ tịch, các PCT UBND tỉnh;", ""),
            ("- Lưu: VT, NC.", ""), ("", "Nguyễn Văn An")]
    for left, right in rows:
        y = pdf.get_y()
        pdf.set_x(10)
        pdf.cell(90, 5, left)
        pdf.set_xy(110, y)
        pdf.cell(90, 5, right, align="C", new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "foot.pdf"
    pdf.output(str(path))
    text = read(path).text
    assert "- Như trên;\n- Chủ tịch, các PCT UBND tỉnh;\n- Lưu: VT, NC." in text
    assert "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An" in text
    record = extract_file(path)
    assert record.signer.name == "Nguyễn Văn An"
    assert [d if isinstance(d, str) else d.name for d in record.distribution] == [
        "Như trên", "Chủ tịch, các PCT UBND tỉnh", "Lưu: VT, NC"]
