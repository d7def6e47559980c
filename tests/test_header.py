"""Header fields on small documents built for each rule, and on the seeds against gold."""
from __future__ import annotations

import json

import pytest

from vanban.extractors.extract.header import clean_number, compose_issuer, parse_signature_block, parse_vn_date, split_items, symbol_parts
from vanban.extractors.context import Jurisdiction
from vanban.extractors.pipeline import extract_text
from vanban.extractors.segment.parts import DISTRIBUTION_START, RECIPIENTS_START

from .conftest import GOLD, SEEDS


def header(text: str) -> dict:
    return extract_text(text).model_dump(exclude={"text"})


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("352 /KH-UBND", "352/KH-UBND"),
        ("837 / QĐ - BKH", "837/QĐ-BKH"),
        ("/UBND-VXNV", "/UBND-VXNV"),
        ("       /HD-MTTQ-BTT", "/HD-MTTQ-BTT"),
        ("…05…./2006/ QĐ-UBND", "05/2006/QĐ-UBND"),
        ("144 /2002/QĐ/BTC", "144/2002/QĐ/BTC"),
        ("04-NQ/TU", "04-NQ/TU"),
        ("11554/VPCP-V.I", "11554/VPCP-V.I"),
        ("2071/MTTQ–BTT", "2071/MTTQ-BTT"),
        ("12345", None),
    ],
)
def test_clean_number(raw, expected):
    assert clean_number(raw) == expected


@pytest.mark.parametrize(
    "number,code,issuers",
    [
        ("352/KH-UBND", "KH", ["UBND"]),
        ("04-NQ/TU", "NQ", ["TU"]),
        ("27/2022/NĐ-CP", "NĐ", ["CP"]),
        ("2071/MTTQ-BTT", None, ["MTTQ", "BTT"]),
        ("249/KHPH-UBND-MTTQ", "KH", ["UBND", "MTTQ"]),
        (None, None, []),
    ],
)
def test_symbol_parts(number, code, issuers):
    assert symbol_parts(number) == (code, issuers)


@pytest.mark.parametrize(
    "d,m,y,iso",
    [("16", "02", "2023", "2023-02-16"), ("", "3", "2023", "2023-03"), ("…25..", "01", "2006", "2006-01-25"),
     ("26", "0 6", "2018", "2018-06-26"), ("", "", "2023", "2023"), ("1", "13", "2023", "2023")],
)
def test_parse_vn_date(d, m, y, iso):
    assert parse_vn_date(d, m, y) == iso


@pytest.mark.parametrize(
    "lines,issuer",
    [
        (["ỦY BAN MTTQ VIỆT NAM", "TỈNH SÓC TRĂNG", "BAN THƯỜNG TRỰC"], "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Sóc Trăng"),
        (["ỦY BAN NHÂN DÂN", "TỈNH NINH THUẬN"], "Ủy ban nhân dân tỉnh Ninh Thuận"),
        (["ỦY BAN NHÂN", "DÂN", "THÀNH PHỐ HÀ NỘI"], "Ủy ban nhân dân thành phố Hà Nội"),
        (["UBND THÀNH PHỐ HÀ NỘI", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"], "Sở Giáo dục và đào tạo thành phố Hà Nội"),
        (["BỘ TÀI CHÍNH", "TỔNG CỤC THUẾ"], "Tổng cục Thuế"),
        (["VĂN PHÒNG CHÍNH", "PHỦ"], "Văn phòng Chính phủ"),
        (["THỦ TƯỚNG CHÍNH PHỦ"], "Thủ tướng Chính phủ"),
    ],
)
def test_compose_issuer(lines, issuer):
    assert compose_issuer(lines, Jurisdiction()) == issuer


@pytest.mark.parametrize(
    "block,authority,position",
    [
        (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
        (["TM. ỦY BAN", "NHÂN DÂN", "CHỦ TỊCH"], "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
        (["CHỦ TỊCH"], None, "CHỦ TỊCH"),
        (["KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG"], "KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG"),
        (["KT.", "TRƯỞNG THUẾ TỈNH", "PHÓ TRƯỞNG THUẾ TỈNH"], "KT. TRƯỞNG THUẾ TỈNH", "PHÓ TRƯỞNG THUẾ TỈNH"),
    ],
)
def test_signature_block(block, authority, position):
    assert parse_signature_block(block) == (authority, position)


@pytest.mark.parametrize(
    "block,label,items",
    [
        ("Kính gửi: Sở Tài chính.", RECIPIENTS_START, ["Sở Tài chính"]),
        ("Kính gửi:\n- Ủy ban MTTQVN tỉnh;\n- Các sở, ban ngành;", RECIPIENTS_START, ["Ủy ban MTTQVN tỉnh", "Các sở, ban ngành"]),
        ("Kính gửi: - Bộ Quốc phòng; - Bộ Lao động - Thương binh và Xã hội; - Bộ Tài chính", RECIPIENTS_START,
         ["Bộ Quốc phòng", "Bộ Lao động - Thương binh và Xã hội", "Bộ Tài chính"]),
        ("Nơi nhận:\n- Như trên;\n- Lãnh đạo Bộ\n(để báo cáo);\n- Lưu: VT. NVT.", DISTRIBUTION_START,
         ["Như trên", "Lãnh đạo Bộ (để báo cáo)", "Lưu: VT. NVT"]),
        ("Nơi nhận: - Bộ Y tế; (báo cáo) - Sở Y tế; - Lưu: VT.", DISTRIBUTION_START, ["Bộ Y tế (báo cáo)", "Sở Y tế", "Lưu: VT"]),
    ],
)
def test_split_items(block, label, items):
    assert split_items(block, label) == items


TWO_COLUMN_CV = """ỦY BAN MTTQ VIỆT NAM
TỈNH SÓC TRĂNG
BAN THƯỜNG TRỰC

Số: 2071/MTTQ-BTT
V/v phối hợp triển khai
thực hiện Chương trình MTQG

CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Sóc Trăng, ngày  16  tháng  02  năm 2023

Kính gửi: Ban Thường trực Ủy ban MTTQ Việt Nam các huyện.

Nội dung công văn.

Nơi nhận:
- Như kính gửi;
- Lưu VT.
"""

NO_HEADER_KH = """Số: 352 /KH-UBND

Nghệ An, ngày 25 tháng 5 năm 2023

KẾ HOẠCH

Thực hiện Chương trình năm 2023

Căn cứ Nghị định số 27/2022/NĐ-CP ngày 19/4/2022 của Chính phủ.

I. MỤC ĐÍCH

Nơi nhận:
- Lưu VT, VX.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Bùi Đình Long"""

TVPL_WRAPPED = """Bản dịch này thuộc quyền sở hữu của
THƯ VIỆN PHÁP LUẬT.
Số hiệu:
74/2025/QĐ-UBND
Đã biết
ỦY BAN NHÂN
DÂN
THÀNH PHỐ HÀ NỘI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA
VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số:
74/2025/QĐ-UBND
Hà Nội, ngày
04 tháng 12 năm 2025

QUYẾT ĐỊNH

BAN HÀNH QUY ĐỊNH VỀ PHÂN CẤP MỘT SỐ NỘI DUNG THUỘC
LĨNH VỰC XÂY DỰNG

Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;
"""

NEWS = """Chính trị

Kế hoạch công tác phối hợp giữa Ban Thường trực UB MTTQ Việt Nam tỉnh và Ban Dân tộc tỉnh

Thứ tư, 29/03/2023 17:00
(Baohoabinh.vn) - Ngày 28/3/2023, hai bên ban hành Kế hoạch số 185/KHPH-MTTQ-BDT.

Phối hợp trao đổi thông tin về tình hình dân tộc theo định kỳ./.

Minh Anh
banner
"""


@pytest.mark.parametrize(
    "text,expected",
    [
        (TWO_COLUMN_CV, {"doc_type": "CV", "number": "2071/MTTQ-BTT", "issued_date": "2023-02-16", "place": "Sóc Trăng",
                         "issuer": "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Sóc Trăng",
                         "subject": "phối hợp triển khai thực hiện Chương trình MTQG",
                         "recipients": ["Ban Thường trực Ủy ban MTTQ Việt Nam các huyện"],
                         "distribution": ["Như kính gửi", "Lưu VT"]}),
        (NO_HEADER_KH, {"doc_type": "KH", "number": "352/KH-UBND", "issued_date": "2023-05-25", "place": "Nghệ An",
                        "issuer": "Ủy ban nhân dân tỉnh Nghệ An", "subject": "Thực hiện Chương trình năm 2023",
                        "signer": {"name": "Bùi Đình Long", "position": "PHÓ CHỦ TỊCH",
                                   "authority": "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"}}),
        (TVPL_WRAPPED, {"doc_type": "QĐ", "number": "74/2025/QĐ-UBND", "issued_date": "2025-12-04", "place": "Hà Nội",
                        "issuer": "Ủy ban nhân dân thành phố Hà Nội",
                        "subject": "BAN HÀNH QUY ĐỊNH VỀ PHÂN CẤP MỘT SỐ NỘI DUNG THUỘC LĨNH VỰC XÂY DỰNG"}),
        (NEWS, {"genre": "news", "doc_type": "TIN", "number": None, "issued_date": "2023-03-29", "issuer": "Baohoabinh.vn",
                "subject": "Kế hoạch công tác phối hợp giữa Ban Thường trực UB MTTQ Việt Nam tỉnh và Ban Dân tộc tỉnh",
                "signer": {"name": "Minh Anh", "position": None, "authority": None}}),
        ("Số: /UBND-VXNV\n\nNinh Thuận, ngày   tháng 3 năm 2023\n\nV/v triển khai kế hoạch\n\nKính gửi: Sở Tài chính.",
         {"number": "/UBND-VXNV", "issued_date": "2023-03", "doc_type": "CV", "subject": "triển khai kế hoạch"}),
    ],
    ids=["two-column-cv", "issuer-from-symbol-and-signature", "tvpl-wrapped", "news", "blank-number-and-day"],
)
def test_header_fields(text, expected):
    got = header(text)
    for key, value in expected.items():
        assert got[key] == value, key


@pytest.mark.parametrize("path", SEEDS, ids=[p.name[:3] for p in SEEDS])
def test_seed_header_matches_gold(path):
    from vanban.evaluate import HEADER_FIELDS, fold_for_scoring as fold

    gold = json.loads((GOLD / (path.stem + ".json")).read_text(encoding="utf-8"))
    got = header(path.read_text(encoding="utf-8"))
    for name, same in HEADER_FIELDS.items():
        if gold.get(name) is None:
            assert got.get(name) in (None, ""), name
        else:
            assert same(gold[name], got[name]), name
    assert fold(gold["signer"].get("name")) == fold(got["signer"]["name"])
    assert sorted(map(fold, gold["recipients"])) == sorted(map(fold, got["recipients"]))
    assert sorted(map(fold, gold["distribution"])) == sorted(map(fold, got["distribution"]))


PARTY_DIRECTIVE = """TỈNH ỦY NINH THUẬN
*
Số 19-CT/TU

ĐẢNG CỘNG SẢN VIỆT NAM

Ninh Thuận, ngày 29 tháng 11 năm 2021

CHỈ THỊ
về tăng cường sự lãnh đạo của cấp ủy Đảng đối với công tác giảm nghèo bền vững

Những năm qua, công tác giảm nghèo đạt nhiều kết quả.

Nơi nhận:
- Các huyện ủy, thành ủy,
- Lưu Văn phòng Tỉnh ủy.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Nguyễn Đức Thanh
"""

DISTRICT_OFFICE = """UBND HUYỆN KỲ SƠN
PHÒNG TÀI CHÍNH - KẾ HOẠCH
Số: 45/TCKH
V/v hướng dẫn lập dự toán năm 2024
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Kỳ Sơn, ngày 05 tháng 7 năm 2023
Kính gửi: Các xã, thị trấn trên địa bàn huyện.
Phòng đề nghị các xã thực hiện.
Nơi nhận:
- Như trên;
- Lưu: VT.
TRƯỞNG PHÒNG
(Đã ký)
Lê Văn Bình"""


@pytest.mark.parametrize(
    "text,expected",
    [
        (PARTY_DIRECTIVE, {"doc_type": "CT", "number": "19-CT/TU", "issued_date": "2021-11-29", "issuer": "Tỉnh ủy Ninh Thuận",
                           "signer": {"name": "Nguyễn Đức Thanh", "position": "BÍ THƯ", "authority": "T/M BAN THƯỜNG VỤ"},
                           "distribution": ["Các huyện ủy, thành ủy", "Lưu Văn phòng Tỉnh ủy"]}),
        (DISTRICT_OFFICE, {"doc_type": "CV", "number": "45/TCKH", "place": "Kỳ Sơn", "issuer": "Phòng tài chính - kế hoạch huyện Kỳ Sơn",
                           "recipients": ["Các xã, thị trấn trên địa bàn huyện"],
                           "signer": {"name": "Lê Văn Bình", "position": "TRƯỞNG PHÒNG", "authority": None}}),
    ],
    ids=["party-directive", "district-office"],
)
def test_other_issuers(text, expected):
    got = header(text)
    for key, value in expected.items():
        assert got[key] == value, key


def test_attached_rules_take_the_date_of_their_decision():
    text = ("UỶ BAN NHÂN DÂN\nTỈNH CÀ MAU\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\n\n"
            "QUY ĐỊNH\nVỀ CHỨC NĂNG, NHIỆM VỤ CỦA ĐỘI KIỂM TRA\n( Ban hành kèm theo Quyết định số …05…./2006/ QĐ-UBND,\n"
            "ngày …25..tháng 01 năm 2006 của UBND tỉnh Cà Mau )\n\nChương I\nNHỮNG QUY ĐỊNH CHUNG\n")
    got = header(text)
    assert got["doc_type"] == "QyĐ" and got["number"] is None
    assert got["issued_date"] == "2006-01-25"
    assert got["subject"] == "VỀ CHỨC NĂNG, NHIỆM VỤ CỦA ĐỘI KIỂM TRA"
