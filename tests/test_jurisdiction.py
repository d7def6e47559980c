"""A document's jurisdiction, decided once: what the header prints, and its id."""
from __future__ import annotations

import pytest

from vanban.extractors.extract import jurisdiction as j
from vanban.extractors.extract.agencies.ids import agency_identity, document_agency_id, scope_of
from vanban.extractors.pipeline import extract_text, identify
from vanban.schemas import Assignment, DocumentRecord


@pytest.mark.parametrize("lines, place, level, name", [
    (["ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN"], None, "tỉnh", "Nghệ An"),
    (["UBND HUYỆN KỲ SƠN"], "Kỳ Sơn", "huyện", "Kỳ Sơn"),
    (["BỘ TÀI CHÍNH"], "Hà Nội", "thành phố", "Hà Nội"),
    (["BỘ TÀI CHÍNH"], None, None, None),
])
def test_printed_jurisdiction(lines, place, level, name):
    found = j.printed(lines, place)
    assert (found.level, found.name, found.id) == (level, name, None)


@pytest.mark.parametrize("issuer, place, number, expected", [
    ("Ủy ban nhân dân tỉnh Nghệ An", "Nghệ An", "352/KH-UBND", "nghe-an"),
    ("Ủy ban nhân dân huyện Kỳ Sơn tỉnh Nghệ An", None, "12/KH-UBND", "nghe-an/huyen-ky-son"),
    ("Ủy ban nhân dân huyện Kỳ Sơn", "Kỳ Sơn", "12/KH-UBND", None),
    ("Bộ Tài chính", "Hà Nội", "56/2022/TT-BTC", "vn"),
    ("Ban Thường trực", None, None, None),
])
def test_of_document_keeps_what_is_printed_and_adds_the_id(issuer, place, number, expected):
    printed = j.Jurisdiction("tỉnh", "Nghệ An")
    found = j.of_document(printed, issuer=issuer, place=place, number=number)
    assert (found.level, found.name, found.id) == ("tỉnh", "Nghệ An", expected)


def test_from_id_names_a_province_and_a_district():
    assert j.from_id("nghe-an") == j.Jurisdiction("tỉnh", "Nghệ An", "nghe-an")
    assert j.from_id("vn") is None and j.from_id(None) is None and j.from_id("nowhere") is None


def test_agencies_of_a_district_document_take_its_province():
    assert scope_of("nghe-an/huyen-ky-son") == "nghe-an" and scope_of(None) is None
    assert document_agency_id("Sở Y tế", "nghe-an/huyen-ky-son") == "nghe-an/so-y-te"
    assert agency_identity("Sở Y tế", "nghe-an") == ("nghe-an/so-y-te", "Sở Y tế tỉnh Nghệ An")
    assert document_agency_id("   ", "nghe-an") is None


def test_extraction_puts_the_identity_on_the_record():
    rec = extract_text("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 352/KH-UBND\nNghệ An, ngày 25 tháng 5 năm 2023\n"
                       "KẾ HOẠCH\nThực hiện chương trình\n\nGiao Sở Tài chính chủ trì, bố trí kinh phí.\n")
    assert rec.jurisdiction == "nghe-an"
    assert rec.uri == "vn/nghe-an/ubnd/kh/2023/352"
    assert [a.agency_id for a in rec.assignments] == ["nghe-an/so-tai-chinh"]


def test_identify_a_record_made_by_hand():
    rec = DocumentRecord(source="x.txt", number="/UBND-VXNV", doc_type="CV", issued_date="2023-03",
                         issuer="Ủy ban nhân dân tỉnh Ninh Thuận", assignments=[Assignment(agency="Sở Tài chính")])
    identify(rec, "ab" * 32)
    assert rec.jurisdiction == "ninh-thuan"
    assert rec.uri == "vn/ninh-thuan/ubnd-vxnv/cv/2023/h" + "ab" * 5
    assert rec.assignments[0].agency_id == "ninh-thuan/so-tai-chinh"
