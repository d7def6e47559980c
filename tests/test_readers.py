"""Readers on real files made in the test: encodings, markdown, PDF columns, DOCX tables, HTML."""
from __future__ import annotations

import codecs

import pytest

from vanban.extractors.errors import EmptyFileError, UnsupportedFormatError
from vanban.extractors.normalize.steps import normalize
from vanban.extractors.read import read
from vanban.extractors.read.pdf import split_header_columns

from .conftest import make_docx, make_pdf

VIETNAMESE = "Cộng hòa xã hội chủ nghĩa Việt Nam\nỦy ban nhân dân tỉnh Nghệ An: Kế hoạch số 352/KH-UBND\n"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 spells tones as combining marks after a base letter it has precomposed."""
    import unicodedata

    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        tones = "\u0300\u0301\u0303\u0309\u0323"
        decomposed = unicodedata.normalize("NFD", ch)
        head = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
        out += (head + "".join(c for c in decomposed if c in tones)).encode("cp1258")
    return bytes(out)


@pytest.mark.parametrize(
    "encoding,prefix",
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-16-le", b""),
        ("cp1258", b""),
    ],
)
def test_text_encodings(tmp_path, encoding, prefix):
    path = tmp_path / "doc.txt"
    data = to_cp1258(VIETNAMESE) if encoding == "cp1258" else VIETNAMESE.encode(encoding)
    path.write_bytes(prefix + data)
    raw = read(path)
    assert normalize(raw).text == normalize(VIETNAMESE).text


def test_markdown_debris_becomes_plain_lines(tmp_path):
    md = (
        "*Source: https://example.vn/x*\n\n# Tiêu đề\n\n"
        "| THỦ TƯỚNG CHÍNH PHỦ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |\n"
        "|---|---|\n| Số: 773 /QĐ-TTg | Hà Nội, ngày 26 tháng 6 năm 2018 |\n\n"
        "**Kính g****ửi****:** Bộ Tài chính\n\\- mục \\*\n"
    )
    path = tmp_path / "doc.md"
    path.write_text(md, encoding="utf-8")
    text = normalize(read(path)).text
    lines = text.split("\n")
    assert "THỦ TƯỚNG CHÍNH PHỦ" in lines
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines
    assert "Độc lập - Tự do - Hạnh phúc" in lines
    assert "Số: 773 /QĐ-TTg" in lines
    assert "Kính gửi: Bộ Tài chính" in lines
    assert "|" not in text and "**" not in text and "---" not in text


def test_pdf_two_column_header_is_split(tmp_path):
    path = make_pdf(
        tmp_path / "doc.pdf",
        ["KẾ HOẠCH", "Thực hiện chương trình năm 2023", "Căn cứ Nghị định số 27/2022/NĐ-CP ngày 19/4/2022 của Chính phủ;"],
        columns=[(["ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN", "Số: 352/KH-UBND"],
                  ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Nghệ An, ngày 25 tháng 5 năm 2023"])],
    )
    raw = read(path)
    assert raw.format == "pdf" and raw.pages == [0]
    lines = [ln.strip() for ln in raw.text.split("\n")]
    # the left column's lines come before the right column's, never interleaved on one line
    assert lines.index("ỦY BAN NHÂN DÂN") < lines.index("TỈNH NGHỆ AN") < lines.index("Số: 352/KH-UBND")
    assert lines.index("Số: 352/KH-UBND") < lines.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert not any("NHÂN DÂN" in ln and "CỘNG HÒA" in ln for ln in lines)


def test_pdf_pages_are_kept(tmp_path):
    from fpdf import FPDF

    from .conftest import FONT

    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=11)
    for i in range(3):
        pdf.add_page()
        pdf.multi_cell(0, 6, f"Trang số {i + 1} của văn bản, nội dung đủ dài để có lớp chữ.")
    path = tmp_path / "pages.pdf"
    pdf.output(str(path))
    norm = normalize(read(path))
    assert len(norm.pages) == 3
    for i, start in enumerate(norm.pages):
        assert norm.text[start:].startswith(f"Trang số {i + 1}")


def test_split_header_columns_needs_two_columns():
    words = [{"text": "KẾ", "x0": 250, "x1": 270, "top": 10}, {"text": "HOẠCH", "x0": 272, "x1": 320, "top": 10}]
    assert split_header_columns(words, 595) is None


def test_docx_table_cells_in_reading_order(tmp_path):
    path = make_docx(
        tmp_path / "doc.docx",
        ["KẾ HOẠCH", "Thực hiện chương trình"],
        header_table=[("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"),
                      ("Số: 352/KH-UBND", "Nghệ An, ngày 25 tháng 5 năm 2023")],
    )
    lines = [ln.strip() for ln in read(path).text.split("\n") if ln.strip()]
    assert lines[:4] == ["ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert lines[4:6] == ["Số: 352/KH-UBND", "Nghệ An, ngày 25 tháng 5 năm 2023"]
    assert lines[-2:] == ["KẾ HOẠCH", "Thực hiện chương trình"]


@pytest.mark.parametrize("name,leak", [("dev-019.docx", "828620261730"), ("dev-044.docx", "4572001333500")])
def test_docx_anchored_shapes_do_not_leak_positions(name, leak):
    from .conftest import DOCS

    text = read(DOCS / name).text
    assert leak not in text
    assert "Số:" in text


def test_html_visible_text_only(tmp_path):
    html = """<html><head><title>t</title><script>var x = 'Căn cứ giả';</script><style>p{}</style></head>
    <body><nav class="menu">Trang chủ | Tin tức</nav>
    <div id="content"><p>ỦY BAN NHÂN DÂN</p><p>Số: 12/KH-UBND</p><p>{{ template.var }} Căn cứ Luật</p></div>
    <footer>Bản quyền</footer></body></html>"""
    path = tmp_path / "doc.html"
    path.write_text(html, encoding="utf-8")
    text = normalize(read(path)).text
    assert "ỦY BAN NHÂN DÂN" in text and "Số: 12/KH-UBND" in text and "Căn cứ Luật" in text
    for junk in ("Trang chủ", "Bản quyền", "var x", "template.var"):
        assert junk not in text


def test_empty_and_unknown(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(EmptyFileError):
        read(empty)
    odd = tmp_path / "data.xyz"
    odd.write_bytes(b"\x00\x01\x02 not a document")
    with pytest.raises(UnsupportedFormatError):
        read(odd)


@pytest.mark.parametrize(
    "data",
    [b" \t\r\n\x0b\x0c", "\ufeff".encode("utf-8"), "\ufeff \u00a0\u3000\n".encode("utf-8"), "\u2003\n".encode("utf-16")],
    ids=["ascii-spaces", "bom-only", "bom-and-unicode-spaces", "utf16-em-space"],
)
def test_a_file_of_white_space_alone_is_empty(tmp_path, data):
    path = tmp_path / "blank.txt"
    path.write_bytes(data)
    with pytest.raises(EmptyFileError):
        read(path)


def test_a_file_with_one_letter_after_white_space_is_read(tmp_path):
    path = tmp_path / "one.txt"
    path.write_bytes(b" \n\t" * 1000 + "Đ".encode("utf-8"))
    assert read(path).text.strip() == "Đ"


def test_pdf_under_a_wrong_extension_is_read_as_pdf(tmp_path):
    path = make_pdf(tmp_path / "real.pdf", ["Căn cứ Nghị định số 27/2022/NĐ-CP của Chính phủ quy định cơ chế."])
    renamed = tmp_path / "real.txt"
    renamed.write_bytes(path.read_bytes())
    assert read(renamed).format == "pdf"


def test_bytes_undefined_in_cp1258_are_kept():
    from vanban.extractors.read.text import decode_bytes

    text, encoding = decode_bytes("Sở Y tế ".encode("utf-8")[:3] + b"\x81\x8a\xff")
    assert encoding == "cp1258"
    assert "\x81" in text and "\x8a" in text  # nothing dropped
