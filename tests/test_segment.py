"""Segmentation: the parts of a document and its numbered section tree."""
from __future__ import annotations

from vanban.extractors.normalize.steps import normalize
from vanban.extractors.segment.parts import segment

from .conftest import DOCS

PLAN = """ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 352/KH-UBND

Nghệ An, ngày 25 tháng 5 năm 2023

KẾ HOẠCH
Thực hiện Chương trình năm 2023

Căn cứ Nghị định số 27/2022/NĐ-CP ngày 19/4/2022 của Chính phủ;
Căn cứ Kế hoạch số 201/KH-UBND ngày 28/3/2023 của UBND tỉnh.

I. MỤC ĐÍCH
1. Mục đích
- Triển khai.
II. NGUỒN VỐN
III. NỘI DUNG
1. Dự án 1
a) Kế hoạch vốn
- Vốn sự nghiệp: 49.710 triệu đồng.
5. Dự án 5
5.1. Tiểu dự án 1
a) Vốn
5.2. Tiểu dự án 2
IV. TỔ CHỨC THỰC HIỆN
1. Sở Y tế
- Chủ trì.

Nơi nhận:
- Như trên;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Văn A
"""


def test_parts():
    text = normalize(PLAN).text
    segs = segment(text)
    assert segs.genre == "official"
    assert segs.part("bases").startswith("Căn cứ Nghị định") and segs.part("bases").endswith("của UBND tỉnh.")
    assert segs.part("distribution") == "Nơi nhận:\n- Như trên;\n- Lưu: VT."
    roles = {r for r in segs.header_roles.values()}
    assert {"agency", "motto", "slogan", "number", "place_date", "type", "subject"} <= roles
    assert segs.part("header").startswith("ỦY BAN NHÂN DÂN")


def test_section_tree_paths():
    text = normalize(PLAN).text
    segs = segment(text)
    paths = [s.path for s in segs.sections]
    assert paths == ["I", "I.1", "II", "III", "III.1", "III.1.a", "III.5", "III.5.1", "III.5.1.a", "III.5.2", "IV", "IV.1"]
    at = text.index("49.710")
    assert segs.path_at(at) == "III.1"
    assert segs.path_at(at, numbered_only=False) == "III.1.a"
    assert segs.path_at(text.index("a) Vốn")) == "III.5.1"
    iii = next(s for s in segs.sections if s.path == "III")
    assert text[iii.start:iii.end].startswith("III. NỘI DUNG") and "Tiểu dự án 2" in text[iii.start:iii.end]
    assert "IV." not in text[iii.start:iii.end]


def test_articles():
    text = normalize("QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành.\n1. Khoản một.\na) Điểm a.\nĐiều 2. Hiệu lực.\n").text
    paths = [s.path for s in segment(text).sections]
    assert paths == ["Điều 1", "Điều 1.1", "Điều 1.1.a", "Điều 2"]


def test_opening_and_recipients():
    text = normalize((DOCS / "003_e10532ee13340f9e.txt").read_text(encoding="utf-8")).text
    segs = segment(text)
    assert segs.part("opening").startswith("Thực hiện Kế hoạch phối hợp số 249/KHPH-UBND-MTTQ")
    assert segs.part("recipients").startswith("Kính gửi:")
    assert "Ủy ban nhân dân các huyện, thành phố." in segs.part("recipients")
    assert segs.bases is None


def test_news_has_headline_and_dateline():
    text = normalize((DOCS / "002_a9659113dbad71a4.txt").read_text(encoding="utf-8")).text
    segs = segment(text)
    assert segs.genre == "news"
    assert segs.part("headline").startswith("Công tác quản lý")
    assert segs.part("dateline") == "Thứ bảy, 04/11/2023 22:05"


def test_empty_and_plain_text_do_not_fail():
    assert segment("").sections == []
    segs = segment("Một dòng chữ bình thường không có gì đặc biệt.")
    assert segs.genre == "other" and segs.distribution is None  # no header, no news shape: no document


def test_appendix_starts_its_own_tree():
    text = normalize("Điều 1. Ban hành.\nĐiều 2. Hiệu lực.\n\nPHỤ LỤC I\nDANH MỤC\n1. Dòng một\nPhụ lục II\n2. Dòng hai\n").text
    segs = segment(text)
    assert [s.path for s in segs.sections] == ["Điều 1", "Điều 2", "Phụ lục I", "Phụ lục I.1", "Phụ lục II", "Phụ lục II.2"]
    assert segs.path_at(text.index("Dòng một")) == "Phụ lục I.1"


def test_section_at_is_innermost():
    text = normalize("I. A\n1. B\nx\n2. C\ny\nII. D\nz\n").text
    segs = segment(text)
    assert segs.path_at(text.index("x")) == "I.1"
    assert segs.path_at(text.index("y")) == "I.2"
    assert segs.path_at(text.index("z")) == "II"
    assert segs.path_at(0) == "I"
