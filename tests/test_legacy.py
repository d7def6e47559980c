"""Legacy font encodings (TCVN3, VNI): tables checked against independent references,
detection and conversion of real files of each kind."""
from __future__ import annotations

import collections
import subprocess
import unicodedata
from pathlib import Path

import pytest
import regex as re

from vanban.extractors.normalize import legacy
from vanban.extractors.normalize.steps import normalize
from vanban.extractors.pipeline import extract_file
from vanban.extractors.read import read

DATA = Path(__file__).parent / "data"
SEEDS = sorted((Path(__file__).parent.parent / "corpus" / "docs").glob("00[0-4]_*.txt"))


def words(text: str) -> collections.Counter:
    return collections.Counter(re.findall(r"\p{L}+", unicodedata.normalize("NFC", text).lower()))


def vocabulary(transcript: str) -> set[str]:
    """Words of a transcript, and pairs of neighbours joined (it splits some: ``t ỉnh``)."""
    tokens = re.findall(r"\p{L}+", unicodedata.normalize("NFC", transcript).lower())
    return set(tokens) | {a + b for a, b in zip(tokens, tokens[1:])}


def iconv_tcvn(byte: int) -> str:
    """glibc's TCVN5712-1 (the full standard VN3 is a subset of): an independent table."""
    proc = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=bytes([byte]),
                          capture_output=True, check=True)
    return unicodedata.normalize("NFC", proc.stdout.decode("utf-8"))


def iconv_to_tcvn(text: str) -> bytes:
    proc = subprocess.run(["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], input=text.encode("utf-8"),
                          capture_output=True, check=True)
    return proc.stdout


# --- the tables, entry by entry ----------------------------------------------------------------


@pytest.mark.parametrize("byte,letter", sorted(legacy.TCVN3.items()), ids=lambda v: hex(v) if isinstance(v, int) else v)
def test_tcvn3_entry_agrees_with_glibc(byte, letter):
    assert iconv_tcvn(byte) == letter


# Independent VNI examples: words of the hand-checked transcript 042.txt (of 041.doc), and
# for the marks that document never uses, well-known words typed in VNI.
VNI_EXAMPLES = [
    ("ÑAËC BIEÄT", "ĐẶC BIỆT"),  # Ë breve+dot, Ä circumflex+dot (capitals)
    ("ñaëc bieät", "đặc biệt"),
    ("bình ñaúng", "bình đẳng"),  # ú breve+hook
    ("BÌNH ÑAÚNG", "BÌNH ĐẲNG"),  # Ì own byte, Ú breve+hook
    ("saün saøng", "sẵn sàng"),  # ü breve+tilde
    ("SAÜN SAØNG", "SẴN SÀNG"),  # Ü, Ø
    ("BAÉC", "BẮC"), ("baéc", "bắc"),  # é/É breve+acute
    ("BAÈNG", "BẰNG"), ("baèng", "bằng"),  # è/È breve+grave
    ("LAÃN", "LẪN"), ("laãn", "lẫn"),  # ã/Ã circumflex+tilde
    ("KÎ", "KỴ"), ("kî", "kỵ"),  # own bytes for y with dot below
    ("Kyõ thuaät", "Kỹ thuật"),
    ("YÙ kieán", "Ý kiến"),
    ("Thuû töôùng", "Thủ tướng"),  # ö own byte ư, ô own byte ơ, then a tone
    ("TRÖÔÛNG", "TRƯỞNG"),
    ("Ñoäc laäp – Töï do – Haïnh phuùc", "Độc lập – Tự do – Hạnh phúc"),
    ("nghóa", "nghĩa"), ("NGHÓA", "NGHĨA"), ("Chæ thò", "Chỉ thị"), ("CHÆ THÒ", "CHỈ THỊ"),
    ("Kì", "Kì"), ("KÍ", "KÍ"), ("kí", "kí"),
]


@pytest.mark.parametrize("vni,unicode_text", VNI_EXAMPLES)
def test_vni_examples(vni, unicode_text):
    assert legacy.decode_vni(vni) == unicode_text


def test_every_vni_entry_has_an_example():
    used_letters, used_marks = set(), set()
    for vni, _ in VNI_EXAMPLES:
        for ch in vni:
            b = legacy.legacy_byte(ch)
            used_letters.add(b) if b in legacy.VNI_LETTERS else used_marks.add(b)
    seen_in_041 = {legacy.legacy_byte(c) for c in _vni_source_text()}
    assert set(legacy.VNI_LETTERS) <= used_letters | seen_in_041
    assert set(legacy.VNI_MARKS) <= used_marks | seen_in_041


def _vni_source_text() -> str:
    from vanban.extractors.read.doc import Word97, _drop_field_codes

    runs = _drop_field_codes(Word97((DATA / "041.doc").read_bytes()).runs())
    return "".join(r.text for r in runs)


# --- real documents against their transcripts ------------------------------------------------

# Words where the transcript itself is wrong (see tests/data/README.md).
TRANSCRIPT_SLIPS = {"hoặc", "đặc", "chặt", "chặn"}


@pytest.mark.parametrize("doc,transcript,encoding", [
    ("011.doc", "012.txt", "tcvn3"),
    ("039.doc", "040.txt", "tcvn3"),
    ("041.doc", "042.txt", "vni"),
    ("037_pages1-2.pdf", "038_pages1-2.txt", "tcvn3"),
])
def test_documents_read_as_their_transcripts(doc, transcript, encoding):
    record = extract_file(DATA / doc)
    assert record.error is None
    assert record.encoding == encoding
    mine, gold = words(record.text), vocabulary((DATA / transcript).read_text(encoding="utf-8"))
    unknown = {w: n for w, n in mine.items() if w not in gold and w not in TRANSCRIPT_SLIPS}
    assert sum(mine.values()) > 500
    # a handful of words differ in tone placement (hòa/hoà) or hyphenation
    assert sum(unknown.values()) <= 0.002 * sum(mine.values()), unknown


def test_pdf_text_layer_fonts():
    """The text layer's fonts say TCVN3, and .VnTimeH runs are capitals."""
    record = extract_file(DATA / "037_pages1-2.pdf")
    assert record.encoding == "tcvn3"
    assert record.text.startswith("BÁO CÁO\nTÌNH HÌNH THỰC HIỆN NHIỆM VỤ KẾ HOẠCH NĂM 2004")
    assert "\nPhần thứ nhất\n" in record.text  # a .VnTime heading keeps its case
    assert "166,9 nghìn tỷ đồng" in record.text
    assert record.doc_type == "BC"


def test_pdf_text_layer_without_fonts_is_detected():
    """The same page read as bare text (no font information): detection and conversion."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(DATA / "037_pages1-2.pdf"))
    text = pdf[0].get_textpage().get_text_range()
    pdf.close()
    converted, encoding = legacy.convert_if_legacy(text)
    assert encoding == "tcvn3"
    assert converted.startswith("Báo cáo\r\nTình hình thực hiện nhiệm vụ kế hoạch năm 2004")


def test_decode_by_font():
    text = "bé tµi chÝnh\nSè: 1/Q§"
    fonts = ["ABCDEF+.VnTimeH,Bold"] * 12 + [None] + [".VnTime"] * 8
    assert legacy.decode_by_font(text, fonts) == ("BỘ TÀI CHÍNH\nSố: 1/QĐ", "tcvn3")
    assert legacy.decode_by_font("Coäng hoøa", ["VNI-Times"] * 10) == ("Cộng hòa", "vni")
    assert legacy.decode_by_font("Céng", ["Times New Roman"] * 4) == ("Céng", None)


# --- detection ------------------------------------------------------------------------------------

TCVN3_SAMPLE = "Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\nSè: 35/KH-UBND"
VNI_SAMPLE = "UÛY BAN NHAÂN DAÂN\nCOÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM\nÑoäc laäp - Töï do - Haïnh phuùc"


def test_detect_and_convert_samples():
    text, enc = legacy.convert_if_legacy(TCVN3_SAMPLE)
    assert enc == "tcvn3"
    assert text.split("\n")[1:] == ["Độc lập - Tự do - Hạnh phúc", "Số: 35/KH-UBND"]
    text, enc = legacy.convert_if_legacy(VNI_SAMPLE)
    assert enc == "vni"
    assert text == "ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"


PHRASES = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
    "Theo đề nghị của Giám đốc Sở Tài chính tại Tờ trình số 12/TTr-STC,\n"
    "UBND tỉnh ban hành Kế hoạch thực hiện như sau:\n"
)


def test_tcvn3_text_file(tmp_path):
    """A .txt in TCVN3 bytes (made by glibc's iconv): not UTF-8, read as Windows-1258 first.

    Only letters of VN3 (the ABC fonts) are used: capitals with tone marks exist in it
    only through the capitals fonts.
    """
    path = tmp_path / "tcvn3.txt"
    path.write_bytes(iconv_to_tcvn("cộng hoà xã hội chủ nghĩa Việt Nam\n" + PHRASES))
    record = extract_file(path)
    assert record.encoding == "tcvn3"
    assert "legacy:tcvn3" in record.normalization
    assert PHRASES.strip() in record.text
    # the motto line, lower case in the bytes, was set in a capitals font
    assert record.text.startswith("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")


def test_vni_text_file(tmp_path):
    path = tmp_path / "vni.txt"
    path.write_bytes(VNI_SAMPLE.encode("cp1252"))
    raw = read(path)
    norm = normalize(raw)
    assert norm.encoding == "vni"
    assert norm.text.startswith("ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")


def test_mojibake_saved_as_utf8_is_detected(tmp_path):
    path = tmp_path / "utf8.txt"
    path.write_text(TCVN3_SAMPLE, encoding="utf-8")
    assert "Độc lập - Tự do - Hạnh phúc" in extract_file(path).text


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_unicode_documents_are_left_alone(seed):
    text = seed.read_text(encoding="utf-8")
    assert legacy.convert_if_legacy(text) == (text, None)


@pytest.mark.parametrize("text", [
    "Chào các bạn, có thể là vì thế",  # Unicode words made only of Latin-1 letters
    "Café crème à la carte, déjà vu",  # French
    "Size 10 µm, 5 °C, ± 2 ‰, © 2023",
    "",
])
def test_other_text_is_not_legacy(text):
    assert legacy.detect(text) is None


def test_unicode_line_inside_legacy_document_is_kept():
    text = TCVN3_SAMPLE + "\nHà Nội, ngày 5 tháng 3 năm 2004"
    converted, enc = legacy.convert_if_legacy(text)
    assert enc == "tcvn3"
    assert converted.endswith("\nHà Nội, ngày 5 tháng 3 năm 2004")


def test_pdf_substitutes():
    assert legacy.decode_tcvn3("n\u2212íc") == "nước"
    assert legacy.decode_tcvn3("x\u2219 héi") == "xã hội"
    assert legacy.decode_tcvn3("®Çu t\ufffecßn") == "đầu tư\ncòn"


# --- capitals of the .VnTimeH fonts -----------------------------------------------------------------


def test_heading_case_restored_in_header_only():
    text = "\n".join([
        "bé tµi chÝnh",
        "céng hoµ x· héi chñ nghÜa ViÖt nam",
        "Sè: 144/2002/Q§/BTC",
        "quyÕt ®Þnh cña bé tr­ëng bé tµi chÝnh",
        "vÒ viÖc söa ®æi møc thuÕ suÊt",
        "C¨n cø NghÞ ®Þnh sè 86/2002/N§-CP ngµy 05/11/2002 cña ChÝnh phñ quy ®Þnh chøc n¨ng, nhiÖm vô;",
        "bé m¸y nhµ n­íc",
        "quyÕt ®Þnh:",
    ])
    converted, enc = legacy.convert_if_legacy(text)
    lines = converted.split("\n")
    assert enc == "tcvn3"
    assert lines[0] == "BỘ TÀI CHÍNH"
    assert lines[1] == "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert lines[3] == "QUYẾT ĐỊNH CỦA BỘ TRƯỞNG BỘ TÀI CHÍNH"
    assert lines[4] == "về việc sửa đổi mức thuế suất"  # the subject is not a capitals line
    assert lines[6] == "bộ máy nhà nước"  # after the header: a wrapped body line
    assert lines[7] == "QUYẾT ĐỊNH:"


@pytest.mark.parametrize("font,encoding,capitals", [
    (".VnTime", "tcvn3", False), (".VnTimeH", "tcvn3", True), (".VnArialH", "tcvn3", True),
    (".VnArial Narrow", "tcvn3", False), ("VNI-Times", "vni", False), ("VNI-Helve", "vni", False),
    ("AARIQC+.VnTimeH,Bold", "tcvn3", True), ("AARIQC+.VnTime,Italic", "tcvn3", False),
    ("Times New Roman", None, False), ("Vni", None, False), (None, None, False),
])
def test_font_names(font, encoding, capitals):
    assert legacy.font_encoding(font) == encoding
    assert legacy.font_is_capitals(font) == capitals


@pytest.mark.parametrize("word,ok", [
    ("nghiêng", True), ("khuyến", True), ("quốc", True), ("Việt", True), ("gì", True),
    ("céng", True), ("hoµ", False), ("nghÜa", False), ("ViÖt", False), ("chñ", False), ("tiếếng", False),
])
def test_is_syllable(word, ok):
    assert legacy.is_syllable(word) is ok


def test_unicode_text_skips_the_legacy_tables():
    from vanban.extractors.normalize.legacy import detect, is_plainly_unicode

    unicode_text = "Ủy ban nhân dân tỉnh Nghệ An ban hành Kế hoạch thực hiện Chương trình mục tiêu quốc gia. " * 5
    assert is_plainly_unicode(unicode_text)
    assert detect(unicode_text) is None
    tcvn3 = "Céng hoµ x· héi chñ nghÜa ViÖt Nam " * 5
    assert not is_plainly_unicode(tcvn3)
