"""Old Word (.doc) files: real Word 97 documents in TCVN3 and VNI fonts (tests/data)."""
from __future__ import annotations

import shutil
import struct
from pathlib import Path

import pytest

from vanban.extractors.errors import CorruptFileError, DocxProtectedError
from vanban.extractors.pipeline import extract_file
from vanban.extractors.read import doc as doc_reader
from vanban.extractors.read import read

DATA = Path(__file__).parent / "data"


def test_tcvn3_doc_with_capitals_fonts():
    raw = read(DATA / "011.doc")
    assert raw.format == "doc" and raw.encoding == "tcvn3"
    lines = [line.strip() for line in raw.text.split("\n")]
    # .VnTimeH runs: lower-case bytes drawn as capitals
    assert lines[0].startswith("BỘ TÀI CHÍNH")
    assert lines[0].endswith("CỘNG HOÀ XÃ HỘI CHỦ  NGHĨA VIỆT NAM")
    assert "QUYẾT ĐỊNH CỦA BỘ TRƯỞNG BỘ TÀI CHÍNH" in lines
    # .VnTime runs keep their case
    assert "về việc sửa đổi mức thuế suất của một số mặt hàng trong" in lines
    assert "Căn cứ Nghị định số 86/2002/NĐ-CP ngày 05/11/2002 của Chính phủ" in raw.text


@pytest.mark.parametrize("name,expected", [
    ("011.doc", {"doc_type": "QĐ", "number": "144/2002/QĐ/BTC", "issued_date": "2002-11-22",
                 "place": "Hà nội", "issuer": "Bộ Tài chính"}),
    ("039.doc", {"doc_type": "NĐ", "number": "28/2003/NĐ-CP", "issued_date": "2003-03-31",
                 "place": "Hà Nội", "issuer": "Chính phủ"}),
    ("041.doc", {"doc_type": "QyĐ", "number": None, "issuer": "Uỷ ban nhân dân tỉnh Cà Mau"}),
])
def test_header_fields_of_legacy_docs(name, expected):
    record = extract_file(DATA / name)
    assert record.error is None
    got = {key: getattr(record, key) for key in expected}
    assert got == expected


def test_vni_doc():
    record = extract_file(DATA / "041.doc")
    assert record.encoding == "vni"
    assert record.text.startswith("UỶ BAN NHÂN DÂN")
    assert "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" in record.text
    assert "( Ban hành kèm theo Quyết định số …05…./2006/ QĐ-UBND," in record.text
    assert record.signer.position == "PHÓ CHỦ TỊCH"
    assert record.signer.name == "Trịnh Minh Thành"
    # PAGE fields in the footer are field codes, not text
    assert "PAGE" not in record.text


def test_field_codes_dropped_results_kept():
    runs = [doc_reader.Run("Trang \x13 PAGE \x14", None), doc_reader.Run("3\x15 của \x13 NUMPAGES \x149\x15", None)]
    assert doc_reader.text_of_runs(runs) == ("Trang 3 của 9", None)


def test_special_characters():
    runs = [doc_reader.Run("a\x07b\rc\x0bd\x1ee\x1ff\x01", "Times New Roman")]
    assert doc_reader.text_of_runs(runs)[0] == "a\nb\nc\nd-ef"


def test_external_converter_fallback(monkeypatch):
    """When the binary parser gives up, antiword's text goes through encoding detection."""
    assert shutil.which("antiword") or shutil.which("catdoc"), "scripts/setup.sh installs antiword and catdoc"

    def fail(data):
        raise doc_reader.WordFormatError("no piece table")

    monkeypatch.setattr(doc_reader, "Word97", fail)
    record = extract_file(DATA / "039.doc")
    assert record.error is None
    assert record.encoding == "tcvn3"  # detected in normalization this time
    assert "Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001" in record.text
    assert any("external converter" in w for w in record.warnings)


def test_not_a_word_file(tmp_path):
    path = tmp_path / "fake.doc"
    path.write_bytes(b"This is plain text under a .doc name, long enough to be read.\n" * 3)
    with pytest.raises(CorruptFileError):
        doc_reader.read_doc(path)


def test_truncated_doc_is_a_named_error(tmp_path):
    path = tmp_path / "truncated.doc"
    path.write_bytes((DATA / "039.doc").read_bytes()[:5000])
    record = extract_file(path)
    assert record.error is not None and record.error.code == "corrupt_file"


def test_encrypted_doc(tmp_path):
    """The File Information Block's fEncrypted flag set: a password-protected .doc."""
    data = bytearray((DATA / "039.doc").read_bytes())
    fib = data.find(b"\xec\xa5\xc1\x00")
    assert fib > 0
    flags = struct.unpack_from("<H", data, fib + 0x0A)[0]
    struct.pack_into("<H", data, fib + 0x0A, flags | doc_reader.FIB_ENCRYPTED)
    path = tmp_path / "locked.doc"
    path.write_bytes(bytes(data))
    with pytest.raises(DocxProtectedError):
        doc_reader.read_doc(path)
    assert extract_file(path).error.code == "docx_protected"
