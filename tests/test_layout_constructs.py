"""Layouts of real documents met on sources the product was not developed on: each construct
as a table of invented examples, read through the whole pipeline (``extract_text``).

Each row is (construct, text, expected fields): a field named ``x`` is compared with the
record's ``x``; ``signer.name`` reads into the signer; ``references`` is the set of
(type, number) the record cites; ``amounts`` the list of values in đồng.
"""
from __future__ import annotations

import pytest

from vanban.extractors.pipeline import extract_text

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
SIGN = "\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n\nNguyễn Văn An\n"
BODY = "\nThực hiện chỉ đạo của cấp trên, Ủy ban nhân dân tỉnh yêu cầu các sở, ngành triển khai thực hiện.\n"


def _value(record, key: str):
    if key == "signer.name":
        return record.signer.name
    if key == "signer.position":
        return record.signer.position
    if key == "references":
        return {(r.doc_type, r.number) for r in record.references}
    if key == "amounts":
        return [a.value_vnd for a in record.amounts]
    return getattr(record, key)


def _check(text: str, expected: dict) -> None:
    record = extract_text(text)
    got = {k: _value(record, k) for k in expected}
    for key, want in expected.items():
        if key == "references":
            assert want <= got[key], f"{key}: {got[key]!r}"
        elif key == "references_not":
            continue
        else:
            assert got[key] == want, f"{key}: {got[key]!r} != {want!r}"


# --- the header -----------------------------------------------------------------------------

HEADER = [
    (
        "number and place/date on one line",
        f"ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\n{MOTTO}\nSố: 12/TB-UBND Hà Giang, ngày 3 tháng 4 năm 2024\n\n"
        f"THÔNG BÁO\nKết luận của Chủ tịch Ủy ban nhân dân tỉnh\n{BODY}{SIGN}",
        {"number": "12/TB-UBND", "place": "Hà Giang", "issued_date": "2024-04-03", "doc_type": "TB"},
    ),
    (
        "number and place/date on one line, blank number",
        f"ỦY BAN NHÂN DÂN\nHUYỆN MÈO VẠC\n{MOTTO}\nSố: /BC-UBND Mèo Vạc, ngày 15 tháng 12 năm 2025\n\n"
        f"BÁO CÁO\nTình hình kinh tế - xã hội năm 2025\n{BODY}{SIGN}",
        {"number": "/BC-UBND", "place": "Mèo Vạc", "issued_date": "2025-12-15"},
    ),
    (
        "number and place/date on one line, motto after",
        f"BỘ TÀI CHÍNH\nSố: 4521/BTC-NSNN Hà Nội, ngày 20 tháng 5 năm 2023\n{MOTTO}\n"
        f"V/v hướng dẫn lập dự toán\n\nKính gửi: Các bộ, ngành\n{BODY}",
        {"number": "4521/BTC-NSNN", "place": "Hà Nội", "issued_date": "2023-05-20", "doc_type": "CV"},
    ),
    (
        "place alone on its line, date on the next",
        f"ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\n{MOTTO}\nSố: 88/KH-UBND\nLào Cai,\nngày 7 tháng 8 năm 2024\n\n"
        f"KẾ HOẠCH\nPhòng, chống thiên tai năm 2024\n{BODY}{SIGN}",
        {"number": "88/KH-UBND", "place": "Lào Cai", "issued_date": "2024-08-07", "subject": "Phòng, chống thiên tai năm 2024"},
    ),
    (
        "a hard wrap inside a multi-word place name",
        f"ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\n{MOTTO}\nSố: 301/QĐ-UBND\nThành phố Hồ\nChí Minh, ngày 2 tháng 3 năm 2022\n\n"
        f"QUYẾT ĐỊNH\nVề việc thành lập Tổ công tác\n{BODY}{SIGN}",
        {"number": "301/QĐ-UBND", "place": "Thành phố Hồ Chí Minh", "issued_date": "2022-03-02"},
    ),
    (
        "công văn trích yếu with no V/v under the number",
        f"ỦY BAN NHÂN DÂN\nTỈNH YÊN BÁI\nSố: 1520/UBND-KT\nVề tăng cường công tác quản lý\nđất đai trên địa bàn tỉnh\n"
        f"{MOTTO}\nYên Bái, ngày 9 tháng 10 năm 2023\n\nKính gửi: Các sở, ban, ngành\n{BODY}{SIGN}",
        {"number": "1520/UBND-KT", "place": "Yên Bái", "issued_date": "2023-10-09", "doc_type": "CV",
         "subject": "Về tăng cường công tác quản lý đất đai trên địa bàn tỉnh"},
    ),
    (
        "OCR junk in the serial and the day",
        f"BỘ CÔNG AN\nCÔNG AN TỈNH ĐIỆN BIÊN\nSố: 4Jl2 /CAT-PC04(Đ1)\nV/v hỗ trợ kinh phí\n{MOTTO}\n"
        f"Điện Biên, ngày.$Ề tháng 11 năm 2025\n\nKính gửi: Ủy ban nhân dân tỉnh\n{BODY}",
        {"number": None, "place": "Điện Biên", "issued_date": None, "issuer": "Công an tỉnh Điện Biên"},
    ),
    (
        "a received stamp under the header names no issuer",
        f"BỘ CÔNG AN\nTỔ CÔNG TÁC LIÊN NGÀNH\nSó: 5 Ø/KH-TCT\n{MOTTO}\nHà Nội, ngày 4 tháng 2 năm 2026\n\n"
        f"UBND TỈNH LÂM ĐỒNG\n\nKẾ HOẠCH\nPhối hợp kiểm soát các hoạt động\n{BODY}",
        {"number": None, "issuer": "Tổ công tác liên ngành", "issued_date": "2026-02-04"},
    ),
    (
        "the motto cut off at a scan's edge is still the motto",
        f"BỘ CÔNG AN\nCÔNG AN TỈNH ĐIỆN BIÊN\nSố: 417/TTr-CAT\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT N\nĐộc lập - Tự do - Hạnh phúc\n"
        f"Điện Biên, ngày 8 tháng 11 năm 2025\n\nTỜ TRÌNH\nVề việc đề nghị ban hành văn bản\n\nKính gửi: Ủy ban nhân dân tỉnh\n{BODY}",
        {"issuer": "Công an tỉnh Điện Biên", "number": "417/TTr-CAT", "place": "Điện Biên"},
    ),
    (
        "a unit in brackets closing the symbol",
        f"BỘ CÔNG AN\nCÔNG AN TỈNH ĐIỆN BIÊN\nSố: 416/TTr-CAT(PC04)\n{MOTTO}\nĐiện Biên, ngày 8 tháng 11 năm 2025\n\n"
        f"TỜ TRÌNH\nVề việc đề nghị ban hành văn bản\n\nKính gửi: Ủy ban nhân dân tỉnh\n{BODY}",
        {"number": "416/TTr-CAT(PC04)", "doc_type": "TTr"},
    ),
    (
        "motto followed by a run of underscores",
        f"ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN\n_______\n{MOTTO}\n______________________\nSố: 45/TB-UBND\n"
        f"Bắc Kạn, ngày 1 tháng 2 năm 2024\n\nTHÔNG BÁO\nLịch tiếp công dân\n{BODY}{SIGN}",
        {"number": "45/TB-UBND", "place": "Bắc Kạn", "issued_date": "2024-02-01", "issuer": "Ủy ban nhân dân tỉnh Bắc Kạn"},
    ),
    (
        "motto and underscores glued on one line",
        f"ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc ___________\n"
        f"Số: 46/TB-UBND\nCao Bằng, ngày 1 tháng 2 năm 2024\n\nTHÔNG BÁO\nLịch tiếp công dân\n{BODY}{SIGN}",
        {"number": "46/TB-UBND", "place": "Cao Bằng", "issued_date": "2024-02-01"},
    ),
]


@pytest.mark.parametrize("construct,text,expected", HEADER, ids=[c for c, _, _ in HEADER])
def test_header(construct, text, expected):
    _check(text, expected)


# --- headerless web pages, news and documents without a header ----------------------------------

HEADERLESS = [
    (
        "text starts at Kính gửi; no type word: a signed letter is a công văn",
        "Kính gửi: Các sở, ban, ngành tỉnh\n\nThực hiện chỉ đạo của Thủ tướng Chính phủ, đề nghị các cơ quan báo cáo.\n"
        f"{SIGN}",
        {"doc_type": "CV", "number": None},
    ),
    (
        "text starts at Kính gửi; the appendix caption names the document",
        "Kính gửi: Các sở, ban, ngành tỉnh\n\nThực hiện chỉ đạo của Thủ tướng Chính phủ, đề nghị các cơ quan báo cáo theo mẫu.\n"
        f"{SIGN}\n\nPhụ lục\n(Kèm theo Công văn số 15/UBND-VX ngày 3 tháng 4 năm 2024 của UBND tỉnh)\n\nSTT Nội dung\n",
        {"doc_type": "CV", "number": "15/UBND-VX", "issued_date": "2024-04-03"},
    ),
    (
        "a header-like block after body content is no header",
        "Kính gửi: Các sở, ban, ngành tỉnh\n\nThực hiện chỉ đạo của Thủ tướng Chính phủ, đề nghị các cơ quan báo cáo theo mẫu.\n"
        f"{SIGN}\n\nMẫu số 01\n{MOTTO}\nSố: ..../BC\n........, ngày ... tháng ... năm 2024\n\nBÁO CÁO\nKết quả thực hiện\n",
        {"doc_type": "CV", "number": None, "issued_date": None},
    ),
    (
        "headerless body with a surviving metadata table",
        "Số hiệu: 27/2024/QĐ-UBND\nLoại văn bản: Quyết định\nNơi ban hành: Tỉnh Sơn La\nNgày ban hành: 12/06/2024\n\n"
        "Điều 1. Ban hành kèm theo Quyết định này Quy định về quản lý.\nĐiều 2. Quyết định có hiệu lực kể từ ngày ký.\n" + SIGN,
        {"number": "27/2024/QĐ-UBND", "issued_date": "2024-06-12", "doc_type": "QĐ"},
    ),
    (
        "no header: issuer from a closing source line",
        "Tăng cường phòng chống dịch bệnh mùa mưa\n\nCác địa phương được yêu cầu rà soát, chuẩn bị vật tư.\n"
        "Người dân cần chủ động vệ sinh môi trường.\n\nNguồn: Sở Y tế tỉnh Đồng Nai\n",
        {"issuer": "Sở Y tế tỉnh Đồng Nai"},
    ),
    (
        "no header: issuer from a body self-reference",
        "Quy chế làm việc\n\nỦy ban nhân dân tỉnh Phú Thọ ban hành Quy chế làm việc nhiệm kỳ 2021 - 2026 như sau.\n"
        "Các thành viên thực hiện theo quy chế này.\n",
        {"issuer": "Ủy ban nhân dân tỉnh Phú Thọ"},
    ),
]


@pytest.mark.parametrize("construct,text,expected", HEADERLESS, ids=[c for c, _, _ in HEADERLESS])
def test_headerless(construct, text, expected):
    _check(text, expected)


NEWS = [
    (
        "markup surviving in a .txt",
        "<html><head><title>Tin tức</title></head><body>\n<h1>Hội nghị tổng kết công tác năm 2024 của ngành y tế</h1>\n"
        "<p>12/01/2025 08:30</p>\n<p>Sáng nay, Sở Y tế tổ chức hội nghị tổng kết công tác năm 2024.</p>\n"
        "<p>Hội nghị đã đánh giá kết quả và đề ra nhiệm vụ năm 2025./.</p>\n<p>Trần Minh</p>\n</body></html>\n",
        {"genre": "news", "subject": "Hội nghị tổng kết công tác năm 2024 của ngành y tế", "issued_date": "2025-01-12",
         "signer.name": "Trần Minh"},
    ),
    (
        "markdown front matter",
        "---\ntitle: \"Khánh thành cầu mới nối hai xã vùng cao\"\ndate: 2024-09-02\nauthor: Lê Hoa\n---\n\n"
        "# Khánh thành cầu mới nối hai xã vùng cao\n\n![Khánh thành cầu mới nối hai xã vùng cao](anh.jpg)\n\n"
        "Ngày 2/9, huyện tổ chức lễ khánh thành cầu dân sinh.\n",
        {"genre": "news", "subject": "Khánh thành cầu mới nối hai xã vùng cao", "issued_date": "2024-09-02"},
    ),
]


@pytest.mark.parametrize("construct,text,expected", NEWS, ids=[c for c, _, _ in NEWS])
def test_news(construct, text, expected):
    _check(text, expected)


# --- the subject ---------------------------------------------------------------------------------

SUBJECT = [
    (
        "an enacting authority in capitals right under the subject",
        f"ỦY BAN NHÂN DÂN\nTỈNH NAM ĐỊNH\n{MOTTO}\nSố: 10/2024/QĐ-UBND\nNam Định, ngày 5 tháng 5 năm 2024\n\n"
        "QUYẾT ĐỊNH\nBan hành Quy định quản lý chợ trên địa bàn tỉnh\nỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành.\n" + SIGN,
        {"subject": "Ban hành Quy định quản lý chợ trên địa bàn tỉnh", "issuer": "Ủy ban nhân dân tỉnh Nam Định"},
    ),
    (
        "CHỦ TỊCH <body> right under the subject",
        f"ỦY BAN NHÂN DÂN\nTỈNH NAM ĐỊNH\n{MOTTO}\nSố: 11/QĐ-UBND\nNam Định, ngày 5 tháng 5 năm 2024\n\n"
        "QUYẾT ĐỊNH\nVề việc phê duyệt danh sách\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\nQUYẾT ĐỊNH:\nĐiều 1. Phê duyệt.\n" + SIGN,
        {"subject": "Về việc phê duyệt danh sách"},
    ),
    (
        "the subject ends at the first sentence-case paragraph",
        f"ỦY BAN NHÂN DÂN\nTỈNH NAM ĐỊNH\n{MOTTO}\nSố: 12/KH-UBND\nNam Định, ngày 5 tháng 5 năm 2024\n\n"
        "KẾ HOẠCH\nTRIỂN KHAI CÔNG TÁC CHUYỂN ĐỔI SỐ NĂM 2024\nNhằm đẩy mạnh chuyển đổi số, Ủy ban nhân dân tỉnh ban hành kế hoạch như sau:\n"
        "I. MỤC ĐÍCH\n1. Nâng cao hiệu quả.\n" + SIGN,
        {"subject": "TRIỂN KHAI CÔNG TÁC CHUYỂN ĐỔI SỐ NĂM 2024"},
    ),
    (
        "a subject opening with 'Triển khai' wrapped after a comma is still the subject",
        f"ỦY BAN NHÂN DÂN\nTỈNH NAM ĐỊNH\n{MOTTO}\nSố: 14/KH-UBND\nNam Định, ngày 5 tháng 5 năm 2024\n\n"
        "KẾ HOẠCH\nTriển khai công tác thông tin, tuyên truyền bầu cử đại biểu Hội đồng nhân dân các cấp,\n"
        "nhiệm kỳ 2026 - 2031 trên địa bàn tỉnh\n\nCăn cứ Luật Bầu cử ngày 25 tháng 6 năm 2015;\n" + SIGN,
        {"subject": "Triển khai công tác thông tin, tuyên truyền bầu cử đại biểu Hội đồng nhân dân các cấp, nhiệm kỳ 2026 - 2031 trên địa bàn tỉnh"},
    ),
    (
        "a subject opening with 'Thực hiện', the bases right under it",
        f"ỦY BAN NHÂN DÂN\nTỈNH NAM ĐỊNH\n{MOTTO}\nSố: 16/KH-UBND\nNam Định, ngày 5 tháng 5 năm 2024\n\n"
        "KẾ HOẠCH\nThực hiện bảo đảm trật tự an toàn giao thông giai đoạn 2024 - 2026\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nI. MỤC ĐÍCH\n1. Bảo đảm an toàn.\n" + SIGN,
        {"subject": "Thực hiện bảo đảm trật tự an toàn giao thông giai đoạn 2024 - 2026"},
    ),
    (
        "a Giấy mời whose body starts under the type word has no subject",
        f"ỦY BAN NHÂN DÂN\nTỈNH NAM ĐỊNH\n{MOTTO}\nSố: 15/GM-UBND\nNam Định, ngày 5 tháng 5 năm 2024\n\n"
        "GIẤY MỜI\nThực hiện Chương trình công tác của Ủy ban nhân dân tỉnh tháng 5,\n"
        "Ủy ban nhân dân tỉnh tổ chức họp đánh giá công tác cải cách hành chính.\n1. Chủ trì: Chủ tịch.\n" + SIGN,
        {"subject": None, "doc_type": "GM"},
    ),
    (
        "type word and subject on one line with a capitals continuation",
        f"ỦY BAN NHÂN DÂN\nTỈNH NAM ĐỊNH\n{MOTTO}\nSố: 13/KH-UBND\nNam Định, ngày 5 tháng 5 năm 2024\n\n"
        "KẾ HOẠCH THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA\nGIẢM NGHÈO BỀN VỮNG NĂM 2024\n\nI. MỤC ĐÍCH\n1. Nâng cao.\n" + SIGN,
        {"doc_type": "KH", "subject": "THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG NĂM 2024"},
    ),
]


@pytest.mark.parametrize("construct,text,expected", SUBJECT, ids=[c for c, _, _ in SUBJECT])
def test_subject(construct, text, expected):
    _check(text, expected)


# --- the signature and Nơi nhận ----------------------------------------------------------------------

HEAD_QD = f"ỦY BAN NHÂN DÂN\nTỈNH THÁI BÌNH\n{MOTTO}\nSố: 20/2024/QĐ-UBND\nThái Bình, ngày 5 tháng 5 năm 2024\n\nQUYẾT ĐỊNH\nBan hành Quy định về quản lý\n\nĐiều 1. Ban hành kèm theo Quyết định này Quy định.\nĐiều 2. Hiệu lực.\n"
REGULATION = "\n".join(
    f"Điều {k}. Nội dung thứ {k}\nCác cơ quan, đơn vị thực hiện nội dung thứ {k} theo hướng dẫn." for k in range(1, 40)
)

SIGNATURE = [
    (
        "'(ĐÃ KÝ)' in capitals between the position and the name is no position",
        HEAD_QD + "\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n(ĐÃ KÝ)\nTrần Văn Bình\n",
        {"signer.name": "Trần Văn Bình", "signer.position": "THỨ TRƯỞNG"},
    ),
    (
        "a decision's signature before a long attached regulation",
        HEAD_QD + "\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nPhạm Văn Bình\n\n"
        "QUY ĐỊNH\nVề quản lý\n(Ban hành kèm theo Quyết định số 20/2024/QĐ-UBND)\n\n" + REGULATION
        + "\n\nNơi nhận:\n- Sở Nội vụ;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nLê Thị Cúc\n",
        {"signer.name": "Phạm Văn Bình", "distribution": ["Như Điều 3", "Lưu: VT"]},
    ),
    (
        "a decision signed before its attachment with no position line",
        HEAD_QD + "\nPhạm Văn Bình\n(Đã ký)\n\nQUY ĐỊNH\nVề quản lý\n(Ban hành kèm theo Quyết định số 20/2024/QĐ-UBND)\n\n" + REGULATION,
        {"signer.name": "Phạm Văn Bình"},
    ),
    (
        "a signer's name wrapped over two short lines",
        HEAD_QD + "\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Thị\nMinh Khai\n",
        {"signer.name": "Nguyễn Thị Minh Khai"},
    ),
    (
        "a rank before the signer's name",
        HEAD_QD + "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nGIÁM ĐỐC\n\nThiếu tướng Trần Văn Bình\n",
        {"signer.name": "Trần Văn Bình", "signer.position": "GIÁM ĐỐC"},
    ),
    (
        "a rank before the name under a position OCR could not read",
        HEAD_QD + "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nGIÁM ĐÓC\n\nThiếu tướng Trần Văn Bình\n",
        {"signer.name": "Trần Văn Bình"},
    ),
    (
        "two-column Nơi nhận and signature flattened, lines alternating",
        HEAD_QD + "\nNơi nhận:\nTM. ỦY BAN NHÂN DÂN\n- Bộ Tư pháp;\nCHỦ TỊCH\n- Thường trực Tỉnh ủy;\n- Lưu: VT.\nĐỗ Văn Dũng\n",
        {"signer.name": "Đỗ Văn Dũng", "signer.position": "CHỦ TỊCH", "distribution": ["Bộ Tư pháp", "Thường trực Tỉnh ủy", "Lưu: VT"]},
    ),
]


@pytest.mark.parametrize("construct,text,expected", SIGNATURE, ids=[c for c, _, _ in SIGNATURE])
def test_signature(construct, text, expected):
    _check(text, expected)


DISTRIBUTION = [
    (
        "a plain-text foot in two columns of spaces: the list left, the signature right",
        HEAD_QD + "\nĐiều 3. Thi hành.\n\n"
        + ("Nơi nhận:" + " " * 36 + "KT. BỘ TRƯỞNG\n"
            "- Văn phòng Chính phủ;" + " " * 18 + "THỨ TRƯỞNG\n"
            "- Các Bộ, cơ quan ngang Bộ,\n"
            "  cơ quan thuộc Chính phủ;" + " " * 16 + "(Đã ký)\n"
            "- Lưu: VT." + " " * 33 + "Trần Văn Bình\n"),
        {"distribution": ["Văn phòng Chính phủ", "Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ", "Lưu: VT"],
         "signer.name": "Trần Văn Bình"},
    ),
    (
        "a two-column foot whose signature has blank lines for the signing",
        HEAD_QD + "\nĐiều 3. Thi hành.\n\n"
        + "Nơi nhận:" + " " * 36 + "TM. ỦY BAN NHÂN DÂN\n" + "- Như Điều 3;" + " " * 36 + "CHỦ TỊCH\n"
        + "- Lưu: VT.\n\n\n" + " " * 46 + "Lê Thị Hoa\n",
        {"distribution": ["Như Điều 3", "Lưu: VT"], "signer.name": "Lê Thị Hoa"},
    ),
    (
        "an OCR'd foot: the signature's position between blank lines inside the list",
        HEAD_QD + "\nNơi nhận:\n- Như trên;\n- Văn phòng Bộ (để b/c);\n\nGIÁM ĐỐC\n\n- Sở Tài chính (để p/h):\n\n- Lưu: VT, P6.\n",
        {"distribution": ["Như trên", "Văn phòng Bộ (để b/c)", "Sở Tài chính (để p/h)", "Lưu: VT, P6"]},
    ),
    (
        "the archive item wrapped onto a line of unit codes in capitals",
        HEAD_QD + "\nNơi nhận:\n- Bộ Tài chính;\n- Lưu: VP (HC, TH)\nTCT (HC, NV3)\n" + SIGN,
        {"distribution": ["Bộ Tài chính", "Lưu: VP (HC, TH) TCT (HC, NV3)"], "signer.name": "Nguyễn Văn An"},
    ),
    (
        "a dash alone on its line belongs to the next",
        HEAD_QD + "\nNơi nhận:\n-\nBộ Tư pháp;\n-\nSở Nội vụ;\n- Lưu: VT.\n" + SIGN,
        {"distribution": ["Bộ Tư pháp", "Sở Nội vụ", "Lưu: VT"]},
    ),
    (
        "items wrapped onto continuation lines with no dash",
        HEAD_QD + "\nNơi nhận:\n- Văn phòng Chính phủ;\n- Cục Kiểm tra văn bản quy phạm\npháp luật - Bộ Tư pháp;\n- Lưu: VT.\n" + SIGN,
        {"distribution": ["Văn phòng Chính phủ", "Cục Kiểm tra văn bản quy phạm pháp luật - Bộ Tư pháp", "Lưu: VT"]},
    ),
    (
        "an item wrapped after its ';' onto a line with no dash",
        HEAD_QD + "\nNơi nhận:\n- Như trên;\n- VPCP: BTCN, các PCN;\nCác Vụ: TH, KTTH, NN;\n- Lưu: VT.\n" + SIGN,
        {"distribution": ["Như trên", "VPCP: BTCN, các PCN; Các Vụ: TH, KTTH, NN", "Lưu: VT"]},
    ),
    (
        "a note printed beside the list is no addressee",
        HEAD_QD + "\nNơi nhận:\n- Như trên;\n- Cổng thông tin điện tử Chính phủ;\nĐể đăng dự thảo\n- Lưu: VT.\n" + SIGN,
        {"distribution": ["Như trên", "Cổng thông tin điện tử Chính phủ", "Lưu: VT"]},
    ),
    (
        "a two-line note beside the list, its second line glued after the next item's ';'",
        HEAD_QD + "\nNơi nhận:\n- Như trên;\n- Cổng thông tin điện tử Chính phủ;\nĐể đăng dự thảo\n"
        "- Cổng thông tin điện tử Bộ Tư pháp; Quyết định xin ý kiến\n- Lưu: VT.\n" + SIGN,
        {"distribution": ["Như trên", "Cổng thông tin điện tử Chính phủ", "Cổng thông tin điện tử Bộ Tư pháp", "Lưu: VT"]},
    ),
    (
        "Kính gửi on one line, the body's first paragraph right under it",
        f"BỘ TƯ PHÁP\n{MOTTO}\nSố: 210/BTP-PLHS\nHà Nội, ngày 20 tháng 5 năm 2025\nV/v sắp xếp các tổ chức\n"
        "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố\nNgày 09/4/2025, Bộ Tư pháp đã có Công văn số 1866/BTP-PLHS gửi\n"
        "các địa phương hướng dẫn việc sắp xếp.\n" + SIGN,
        {"recipients": ["Ủy ban nhân dân các tỉnh, thành phố"]},
    ),
    (
        "an OCR-damaged Nơi nhận label",
        HEAD_QD + "\nNoi nhân:\n- Bộ Tư pháp;\n- Lưu: VT.\n" + SIGN,
        {"distribution": ["Bộ Tư pháp", "Lưu: VT"]},
    ),
    (
        "LaTeX wrappers left by a converter",
        HEAD_QD + "\n\\textbf{\\emph{Nơi nhận:}}\n\\- Bộ Tư pháp;\n\\- Lưu: VT.\n" + SIGN,
        {"distribution": ["Bộ Tư pháp", "Lưu: VT"]},
    ),
]


@pytest.mark.parametrize("construct,text,expected", DISTRIBUTION, ids=[c for c, _, _ in DISTRIBUTION])
def test_distribution(construct, text, expected):
    _check(text, expected)


# --- references and bases -----------------------------------------------------------------------------

def _qd(bases: str) -> str:
    return (f"ỦY BAN NHÂN DÂN\nTỈNH THÁI BÌNH\n{MOTTO}\nSố: 30/QĐ-UBND\nThái Bình, ngày 5 tháng 5 năm 2024\n\n"
            f"QUYẾT ĐỊNH\nVề việc phê duyệt\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH\n\n{bases}\n\nQUYẾT ĐỊNH:\nĐiều 1. Phê duyệt.\n" + SIGN)


REFERENCES = [
    (
        "a Party number whose hyphen ends the line",
        _qd("Căn cứ Nghị quyết số 19-\nNQ/TW ngày 25 tháng 10 năm 2017 của Ban Chấp hành Trung ương và Chương trình số 07-\nCTr/TU ngày 3 tháng 3 năm 2021 của Tỉnh ủy;"),
        {"references": {("NQ", "19-NQ/TW"), ("CTr", "07-CTr/TU")}},
    ),
    (
        "a stray space after a dash in the symbol",
        _qd("Căn cứ Quyết định số 125/QĐ- UBND ngày 2 tháng 1 năm 2024 của UBND tỉnh;"),
        {"references": {("QĐ", "125/QĐ-UBND")}},
    ),
    (
        "a stray space after an ampersand",
        _qd("Căn cứ Thông tư số 12/2023/TT-BTNMT& BTC ngày 2 tháng 1 năm 2023;"),
        {"references": {("TT", "12/2023/TT-BTNMT&BTC")}},
    ),
    (
        "a number with a space before its symbol",
        _qd("Căn cứ Nghị định số 45 /2022/NĐ-CP ngày 7 tháng 7 năm 2022 của Chính phủ;"),
        {"references": {("NĐ", "45/2022/NĐ-CP")}},
    ),
    (
        "a symbol glued to the following lower-case word",
        _qd("Căn cứ Nghị định số 45/2022/NĐ-CPngày 7 tháng 7 năm 2022 của Chính phủ;"),
        {"references": {("NĐ", "45/2022/NĐ-CP")}},
    ),
    (
        "a symbol segment with a dot",
        _qd("Căn cứ Công văn số 118/VPCP-KTTH.TH ngày 7 tháng 7 năm 2022;"),
        {"references": {("CV", "118/VPCP-KTTH.TH")}},
    ),
    (
        "every item of 'Căn cứ các Nghị định: số A; số B' is a basis",
        _qd("Căn cứ các Nghị định của Chính phủ: số 15/2021/NĐ-CP ngày 3 tháng 3 năm 2021; số 10/2021/NĐ-CP ngày 9 tháng 2 năm 2021;"),
        {"references": {("NĐ", "15/2021/NĐ-CP"), ("NĐ", "10/2021/NĐ-CP")}},
    ),
    (
        "a descriptive phrase between the type word and 'số' keeps the type",
        _qd("Căn cứ Quyết định phê duyệt quy hoạch số 55/QĐ-TTg ngày 3 tháng 3 năm 2021 của Thủ tướng Chính phủ;"),
        {"references": {("QĐ", "55/QĐ-TTg")}},
    ),
    (
        "a wrapped line starting 'Luật số' is no own number",
        f"QUỐC HỘI\n{MOTTO}\nLuật số: 15/2023/QH15\n\nLUẬT\nSỬA ĐỔI MỘT SỐ ĐIỀU\n\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
        "Quốc hội ban hành Luật sửa đổi, bổ sung một số điều của Luật Đất đai\n"
        "Luật số 45/2013/QH13.\n\nĐiều 1. Sửa đổi.\n",
        {"number": "15/2023/QH15", "doc_type": "LUAT"},
    ),
    (
        "a stray space inside a capitals segment",
        _qd("Căn cứ Quyết định số 125/QĐ-UB ND ngày 2 tháng 1 năm 2024 của UBND tỉnh;"),
        {"references": {("QĐ", "125/QĐ-UBND")}},
    ),
    (
        "table cells glued: a year runs into the next number",
        _qd("Căn cứ các văn bản sau:\n- Quyết định số 12/QĐ-UBND ngày 03/4/202415/KH-UBND ngày 05/5/2024;"),
        {"references": {("QĐ", "12/QĐ-UBND"), ("KH", "15/KH-UBND")}},
    ),
    (
        "a wrapped line starting 'Luật số' in a law with no number line",
        "QUỐC HỘI\n\nLUẬT\nSỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT ĐẤT ĐAI\n\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
        "Quốc hội ban hành Luật sửa đổi, bổ sung một số điều của\nLuật số 45/2013/QH13.\n\nĐiều 1. Sửa đổi, bổ sung.\n",
        {"number": None, "doc_type": "LUAT", "references": {("LUAT", "45/2013/QH13")}},
    ),
    (
        "GP and VBHN type codes",
        _qd("Căn cứ Giấy phép số 12/GP-UBND ngày 2 tháng 1 năm 2024;\nCăn cứ Văn bản hợp nhất số 05/VBHN-BTC ngày 3 tháng 3 năm 2023;"),
        {"references": {("GP", "12/GP-UBND"), ("VBHN", "05/VBHN-BTC")}},
    ),
]


@pytest.mark.parametrize("construct,text,expected", REFERENCES, ids=[c for c, _, _ in REFERENCES])
def test_references(construct, text, expected):
    _check(text, expected)


def test_preamble_ends_bases_in_one_paragraph():
    """'Căn cứ …; Xét đề nghị …' in one paragraph: the proposal cited after 'Xét' is no basis."""
    record = extract_text(_qd(
        "Căn cứ Nghị định số 45/2022/NĐ-CP ngày 7 tháng 7 năm 2022 của Chính phủ; Xét đề nghị của Sở Tài chính tại Tờ trình số 77/TTr-STC ngày 1 tháng 4 năm 2024."
    ))
    rel = {r.number: r.relation for r in record.references}
    assert rel.get("45/2022/NĐ-CP") == "basis"
    assert rel.get("77/TTr-STC") != "basis"


# --- amounts ------------------------------------------------------------------------------------

AMOUNTS = [
    (
        "a list of figures sharing one unit at its end",
        f"{HEAD_QD}\nMức hỗ trợ lần lượt là 12.500, 11.000 và 9.800 đồng/giờ.\n{SIGN}",
        {"amounts": [12_500, 11_000, 9_800]},
    ),
    (
        "a range 'từ … lên …'",
        f"{HEAD_QD}\nNâng mức hỗ trợ từ 1,5 lên 2,1 triệu đồng.\n{SIGN}",
        {"amounts": [1_500_000, 2_100_000]},
    ),
    (
        "bare figures in a table whose column header gives the unit",
        f"{HEAD_QD}\nBảng phân bổ\nSTT\nĐơn vị\nKinh phí (triệu đồng)\n1\nHuyện A\n1.250\n2\nHuyện B\n2.400\n\n{SIGN}",
        {"amounts": [1_250_000_000, 2_400_000_000]},
    ),
    (
        "a words restatement after a per-unit suffix is the same amount",
        f"{HEAD_QD}\nMức chi 500.000 đồng/người/tháng (bằng chữ: Năm trăm nghìn đồng) cho mỗi đối tượng.\n{SIGN}",
        {"amounts": [500_000]},
    ),
    (
        "two figures joined by a slash share the unit after the second (done out of planned)",
        f"{HEAD_QD}\nGiải ngân vốn đầu tư công đạt 1.234/5.678 tỷ đồng, bằng 21,7% kế hoạch.\n{SIGN}",
        {"amounts": [1_234_000_000_000, 5_678_000_000_000]},
    ),
    (
        "decimal figures joined by a slash",
        f"{HEAD_QD}\nĐã giải ngân 12,5/40,25 triệu đồng.\n{SIGN}",
        {"amounts": [12_500_000, 40_250_000]},
    ),
    (
        "a date or a code before a slash is no figure",
        f"{HEAD_QD}\nTheo Quyết định số 12/2025 triệu đồng hỗ trợ được cấp ngày 10/12.\n{SIGN}",
        {"amounts": []},
    ),
    (
        "a figure at the end of a line with its unit on the next",
        f"{HEAD_QD}\nSố kiến nghị đã thực hiện là 1.234.567.890\nđồng, số còn lại là 45.000 đồng.\n{SIGN}",
        {"amounts": [1_234_567_890, 45_000]},
    ),
    (
        "a flattened table row, its unit cell before its value cell",
        f"{HEAD_QD}\nChỉ tiêu Đơn vị Giá trị\n1.1. Kế hoạch được giao Triệu đồng 17.454.000\n1.2. Tỷ lệ giải ngân % 51,8\n"
        f"1.3. Đã thực hiện Triệu đồng 9.037.000\n1.4. Năm hoàn thành Năm 2025\n{SIGN}",
        {"amounts": [17_454_000_000_000, 9_037_000_000_000]},
    ),
    (
        "a scale word on the next line",
        f"{HEAD_QD}\nTổng kinh phí dự kiến khoảng 28.611\ntỷ đồng cho cả giai đoạn.\n{SIGN}",
        {"amounts": [28_611_000_000_000]},
    ),
]


@pytest.mark.parametrize("construct,text,expected", AMOUNTS, ids=[c for c, _, _ in AMOUNTS])
def test_amounts(construct, text, expected):
    _check(text, expected)
