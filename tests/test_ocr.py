"""Scanned documents: a seed rendered to an image-only PDF and to a PNG, read back by OCR;
tolerant matching of OCR slips; a clear error without Tesseract."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from vanban.extractors.common import fuzzy
from vanban.extractors.errors import OcrUnavailableError
from vanban.extractors.pipeline import extract_file
from vanban.extractors.read import ocr

from .conftest import SEEDS, make_pdf

SEED = SEEDS[0]  # 000: công văn 2071/MTTQ-BTT of Ban Thường trực Ủy ban MTTQ tỉnh Sóc Trăng
HEADER = [
    (["ỦY BAN MTTQ VIỆT NAM", "TỈNH SÓC TRĂNG", "BAN THƯỜNG TRỰC", "", "Số: 2071/MTTQ-BTT",
      "V/v phối hợp triển khai thực hiện", "Chương trình MTQG phát triển KT - XH"],
     ["CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
      "Sóc Trăng, ngày 16 tháng 02 năm 2023"]),
]


def _body() -> list[str]:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("Kính gửi"))
    return lines[start:start + 4]


def _scan(pdf_path: Path, out: Path, *, dpi: int = 200) -> Path:
    """Rasterize the first page of a PDF: what a scanner gives."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        image = pdf[0].render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        pdf.close()
    image.save(out)
    return out


def _image_pdf(png: Path, out: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.image(str(png), x=0, y=0, w=210, h=297)
    pdf.output(str(out))
    return out


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("scan")
    text_pdf = make_pdf(tmp / "seed.pdf", _body(), columns=HEADER)
    png = _scan(text_pdf, tmp / "seed.png")
    return {"png": png, "pdf": _image_pdf(png, tmp / "scan.pdf")}


def test_setup_installs_tesseract_with_vietnamese():
    assert shutil.which("tesseract"), "scripts/setup.sh installs tesseract-ocr"
    assert ocr.ocr_available(), "scripts/setup.sh installs tesseract-ocr-vie"


def test_image_only_pdf_is_read_by_ocr(scanned):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(scanned["pdf"]))
    assert pdf[0].get_textpage().get_text_range().strip() == ""  # no text layer at all
    pdf.close()
    record = extract_file(scanned["pdf"])
    assert record.error is None
    assert record.format == "pdf"
    assert record.ocr["pages"] == [1]
    assert record.ocr["language"] == "vie"
    assert 60 < record.ocr["mean_confidence"] <= 100
    assert record.doc_type == "CV"
    assert record.number == "2071/MTTQ-BTT"
    assert record.issued_date == "2023-02-16"
    assert fuzzy.similar(record.place or "", "Sóc Trăng")
    assert fuzzy.similar(record.issuer or "", "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Sóc Trăng")
    assert "Kính gửi" in record.text


def test_image_file_is_read_by_ocr(scanned):
    record = extract_file(scanned["png"])
    assert record.error is None
    assert record.format == "ocr"
    assert record.ocr["pages"] == [1] and record.ocr["words"] > 50
    # the two header columns come one after the other, not interleaved
    text = record.text
    assert text.index("BAN THƯỜNG TRỰC") < text.index("XÃ HỘI CHỦ NGHĨA VIỆT NAM") < text.index("Kính gửi")
    assert record.number == "2071/MTTQ-BTT"


def test_without_tesseract_a_clear_error(monkeypatch, scanned):
    monkeypatch.setenv("VANBAN_TESSERACT", "/nonexistent/tesseract")
    ocr._tesseract.cache_clear()
    try:
        with pytest.raises(OcrUnavailableError, match="tesseract-ocr-vie"):
            ocr.read_image(scanned["png"])
        for path in (scanned["png"], scanned["pdf"]):
            record = extract_file(path)
            assert record.error is not None and record.error.code == "ocr_unavailable"
            assert "Tesseract" in record.error.message
    finally:
        monkeypatch.delenv("VANBAN_TESSERACT")
        ocr._tesseract.cache_clear()


def test_corrupt_image_is_a_named_error(tmp_path):
    path = tmp_path / "broken.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 200)
    assert extract_file(path).error.code == "corrupt_file"


# --- rebuilding the page from Tesseract's word table ----------------------------------------------

TSV_HEAD = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"


def _tsv(rows: list[tuple]) -> str:
    lines = [TSV_HEAD, "1\t1\t0\t0\t0\t0\t0\t0\t2000\t2800\t-1\t\n"]
    for block, par, line, left, top, width, text in rows:
        lines.append(f"5\t1\t{block}\t{par}\t{line}\t1\t{left}\t{top}\t{width}\t40\t95.5\t{text}\n")
    return "".join(lines)


def test_text_from_tsv_splits_header_columns():
    # an A4 page 2000 px wide: left column centred at 400, right at 1400, title at 1000
    tsv = _tsv([
        (1, 1, 1, 250, 100, 130, "ỦY"), (1, 1, 1, 400, 100, 150, "BAN"),
        (1, 1, 1, 1100, 100, 250, "CỘNG"), (1, 1, 1, 1370, 100, 330, "HÒA"),
        (1, 1, 2, 300, 160, 200, "TỈNH"), (1, 1, 2, 1200, 160, 150, "Độc"), (1, 1, 2, 1370, 160, 130, "lập"),
        (2, 1, 1, 780, 300, 210, "QUYẾT"), (2, 1, 1, 1010, 300, 210, "ĐỊNH"),
        (3, 1, 1, 150, 400, 300, "Căn"), (3, 1, 1, 460, 400, 300, "cứ"),
    ])
    text, confs = ocr.text_from_tsv(tsv)
    assert text == "ỦY BAN\nTỈNH\n\nCỘNG HÒA\nĐộc lập\n\nQUYẾT ĐỊNH\n\nCăn cứ"
    assert confs == [95.5] * 11


def test_text_from_tsv_splits_the_foot_and_drops_specks():
    tsv = _tsv([
        (1, 1, 1, 150, 100, 600, "Điều 3. Các Sở chịu trách nhiệm thi hành."),
        (2, 1, 1, 150, 300, 200, "Nơi"), (2, 1, 1, 360, 300, 150, "nhận:"),
        (3, 1, 1, 1300, 300, 250, "CHỦ"), (3, 1, 1, 1560, 300, 200, "TỊCH"),
        (2, 1, 2, 150, 360, 400, "- Như Điều 3;"),
        (2, 1, 3, 150, 420, 400, "- Lưu: VT."),
        (3, 1, 2, 1450, 450, 20, ":"),
        (3, 1, 3, 1250, 600, 550, "Nguyễn Đình Việt"),
    ])
    rows = tsv.split("\n")
    rows[-3] = rows[-3].replace("\t95.5\t:", "\t17\t:")  # the speck is read with low confidence
    text, _ = ocr.text_from_tsv("\n".join(rows))
    assert text == ("Điều 3. Các Sở chịu trách nhiệm thi hành.\n\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT."
                    "\n\nCHỦ TỊCH\nNguyễn Đình Việt")


def test_text_from_tsv_without_columns():
    tsv = _tsv([(1, 1, 1, 100, 100, 300, "Điều"), (1, 1, 1, 420, 100, 100, "1."), (1, 2, 1, 100, 200, 300, "Giao")])
    assert ocr.text_from_tsv(tsv)[0] == "Điều 1.\n\nGiao"


@pytest.mark.parametrize("slip,mended", [
    ("Số: 2307 /QĐÐ-UBND", "Số: 2307 /QĐ-UBND"),
    ("Sơn La, ngày II tháng 09 năm 2025", "Sơn La, ngày 11 tháng 09 năm 2025"),
    ("ngày 1O tháng 5", "ngày 10 tháng 5"),
    ("QUYÉT ĐỊNH:", "QUYẾT ĐỊNH:"),
    ("TÍNH SƠN LA", "TỈNH SƠN LA"),
    ("KÉ HOẠCH", "KẾ HOẠCH"),
    ("Tính toán", "Tính toán"),  # not a capitals line: left alone
    ("Điều II tháng", "Điều II tháng"),
    ("V/w phối hợp", "V/v phối hợp"),
    ("  V / v triển khai", "  V/v triển khai"),
    # words a tight row glued: two syllables, a syllable and a figure
    ("phòng, chống ma tuý đếnnăm2030", "phòng, chống ma tuý đến năm 2030"),
    ("tổ chức thựchiện nhiệmvụ", "tổ chức thực hiện nhiệm vụ"),
    ("xả thải 250 m3/ngày, diện tích 3 km2", "xả thải 250 m3/ngày, diện tích 3 km2"),  # units left alone
    ("Đội PC04, phòng P6", "Đội PC04, phòng P6"),  # codes in capitals left alone
    ("Lâm Đồng, ngàyO6 tháng 1] năm 2025", "Lâm Đồng, ngày06 tháng 11 năm 2025"),
    ("Số: 12/GM-UBND\n_.S\n\nCỘNG HÒA", "Số: 12/GM-UBND\n\nCỘNG HÒA"),  # a line of specks
    ("1. Mục đích\na) Yêu cầu\n- Như trên;\n", "1. Mục đích\na) Yêu cầu\n- Như trên;\n"),
    # specks after a line's closing punctuation
    ("Nơi nhận:\nNhư trên; z\n- Lưu: VT.", "Nơi nhận:\nNhư trên;\n- Lưu: VT."),
    ("trình Chủ tịch ký duyệt, ban hành. Aw ~", "trình Chủ tịch ký duyệt, ban hành."),
    ("Kính gửi: Sở Y tế, Sở Tài chính.", "Kính gửi: Sở Y tế, Sở Tài chính."),
    ("- Lưu: VT, P6.\n- Như trên; Bộ Y tế", "- Lưu: VT, P6.\n- Như trên; Bộ Y tế"),
    ("- Như trên;\n- Lưu: VT", "- Như trên;\n- Lưu: VT"),  # a unit's code in capitals is no speck
    ("- Lưu: VT, TH", "- Lưu: VT, TH"),
    ("Kính gửi: Sở Y tế; UB", "Kính gửi: Sở Y tế; UB"),
    ("tiếp nhận tại khu: A", "tiếp nhận tại khu: A"),
])
def test_mend_ocr_slips(slip, mended):
    assert ocr.mend_ocr_slips(slip) == mended


# --- tolerant matching for extractors ----------------------------------------------------------------


@pytest.mark.parametrize("a,b,same", [
    ("Tố quốc", "Tổ quốc", True),
    ("Ủy ban", "Uỷ ban", True),
    ("hoà", "hòa", True),
    ("Ðảng", "Đảng", True),
    ("Kê hoạch", "Kế hoạch", True),
    ("Mặt trận Tổ quốc Việt Nam", "Mặt trận Tố quôc Viet Nam", True),
    ("Sở Tài chính", "Sở Tài chinh", True),
    ("Sở Tư pháp", "Sở Y tế", False),
    ("Kế hoạch", "Quyết định", False),
])
def test_similar(a, b, same):
    assert fuzzy.similar(a, b) is same


def test_fold():
    assert fuzzy.fold("  Ủy BAN  Mặt trận Tố Quốc ") == "uy ban mat tran to quoc"
    assert fuzzy.fold("ĐỘC LẬP") == "doc lap"


def test_fuzzy_find_returns_original_spans():
    text = "Đề nghị Ủy ban MTTQ Tố quốc   Việt Nam tỉnh và Sở Nông nghiêp phối hợp"
    spans = fuzzy.fuzzy_find("Tổ quốc Việt Nam", text)
    assert [text[a:b] for a, b in spans] == ["Tố quốc   Việt Nam"]
    spans = fuzzy.fuzzy_find("Sở Nông nghiệp và Phát triển", text)
    assert spans == []
    spans = fuzzy.fuzzy_find("Sở Nông nghiệp", text, max_edits=1)
    assert [text[a:b] for a, b in spans] == ["Sở Nông nghiêp"]
    assert fuzzy.fuzzy_find("tỉnh", "tỉnhthành") == []  # whole words only


def test_progress_bar_per_page_on_long_files(monkeypatch):
    import tqdm

    seen = []

    def fake(items, **kw):
        seen.append(kw)
        return items

    monkeypatch.setattr(tqdm, "tqdm", fake)
    assert list(ocr._progress(range(2), 2, "short")) == [0, 1]
    assert list(ocr._progress(range(9), 9, "long")) == list(range(9))
    assert seen[0]["disable"] is True  # a page or two: no bar
    assert seen[1]["disable"] is None and seen[1]["unit"] == "page"  # shown on a terminal


@pytest.mark.parametrize("page,read", [
    (  # the stamp's fields beside the type name and the subject
        "UBND TỈNH BÌNH ĐỊNH\n\nSố:..... X12 ab... KẾ HOẠCH\n\nĐẾN) Ngày: 1/3.... Phối hợp kiểm tra\n\n"
        "Chuyển: Ê.ÁÚ,............ các cơ sở năm 2026\n\nSố và ký hiệu HS:\n\nThực hiện Nghị định số 105/2021/NĐ-CP.",
        "UBND TỈNH BÌNH ĐỊNH\n\nKẾ HOẠCH\nPhối hợp kiểm tra\ncác cơ sở năm 2026\n\n\nThực hiện Nghị định số 105/2021/NĐ-CP.",
    ),
    (  # the last field alone under the Kính gửi line
        "Kính gửi: Sở Tài chính\n( Su và ký hiệu HS;\n\nĐẾN\nTrong thời gian qua",
        "Kính gửi: Sở Tài chính\n\nĐẾN\nTrong thời gian qua",
    ),
    (  # the document's own number, blank left for the hand, is no stamp field
        "Số: ....../QĐ-UBND\nChuyển:\nSố:...... /KH-UBND",
        "Số: ....../QĐ-UBND\nChuyển:\nSố:...... /KH-UBND",
    ),
    (  # no stamp on the page: a 'Số:' line with dots is left alone
        "Số:..... ngày ..... tháng\nKẾ HOẠCH",
        "Số:..... ngày ..... tháng\nKẾ HOẠCH",
    ),
])
def test_receipt_stamp_fields_leave_the_text(page, read):
    from vanban.extractors.read.receipt_stamp import strip_receipt_stamp

    assert strip_receipt_stamp(page) == read
