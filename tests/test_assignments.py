"""Assignments: who must do what, by when, with whom (vanban.extractors.extract.assignments)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from vanban.extractors.extract.assignments.find import deadline_in, extract_assignments, recurrence_in, targets_in
from vanban.extractors.context import DocContext, Jurisdiction
from vanban.extractors.segment.parts import segment
from vanban.evaluate import name_key

ROOT = Path(__file__).resolve().parents[1]


def run(text: str, *, issuer: str | None = None, doc_type: str | None = "KH", genre: str = "official"):
    ctx = DocContext(text=text, segments=segment(text), issuer=issuer, doc_type=doc_type, genre=genre,
                     jurisdiction=Jurisdiction("tỉnh", "Nghệ An", "nghe-an"))
    return extract_assignments(ctx)


def roles(assignments, role=None):
    return {(a.agency, a.role) for a in assignments if role is None or a.role == role}


# --- forms that give tasks ----------------------------------------------------------------------

HEADED = """VI. TỔ CHỨC THỰC HIỆN

1. Ban Dân tộc tỉnh

- Chủ trì, phối hợp với Sở Kế hoạch và Đầu tư, Sở Tài chính tham mưu phân bổ vốn thực hiện Chương trình.

- Chủ trì, chỉ đạo UBND các huyện thực hiện các dự án: Dự án 1; Nội dung số 01 và 03, Tiểu dự án 2 - Dự án 3.

2. Các sở, ngành, đơn vị có liên quan

- Tham gia triển khai thực hiện Chương trình trong phạm vi quản lý.

3. Các sở, ban, ngành được phân công chủ trì nội dung thuộc Chương trình

- **Sở Y tế:** Chủ trì, chỉ đạo thực hiện Dự án 7.

4. UBND các huyện, thị xã vùng đồng bào dân tộc thiểu số và miền núi

- Chịu trách nhiệm toàn diện trong tổ chức thực hiện Chương trình.
"""


# The header columns arrive in either order; here the motto first.
HEADER = """CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
UBND TỈNH NGHỆ AN
Số: 18/KH-UBND
Vinh, ngày 02 tháng 3 năm 2024
KẾ HOẠCH
Triển khai Chương trình năm 2024

"""


def test_headed_paragraphs_of_the_organisation_part():
    found = run(HEADER + HEADED.replace("**", ""))
    assert roles(found) == {
        ("Ban Dân tộc tỉnh", "lead"),
        ("Các sở, ngành, đơn vị có liên quan", "support"),
        ("Sở Y tế", "lead"),
        ("UBND các huyện, thị xã vùng đồng bào dân tộc thiểu số và miền núi", "lead"),
    }
    ban = next(a for a in found if a.agency == "Ban Dân tộc tỉnh")
    assert ban.partners == ["Sở Kế hoạch và Đầu tư", "Sở Tài chính"]
    assert ban.targets == ["Dự án 1", "Dự án 3 / Tiểu dự án 2 / Nội dung số 01", "Dự án 3 / Tiểu dự án 2 / Nội dung số 03"]
    assert ban.section == "VI.1"
    assert ban.agency_id == "nghe-an/ban-dan-toc"
    assert next(a for a in found if a.agency == "Sở Y tế").targets == ["Dự án 7"]


def test_hard_wrapped_heading_is_one_name():
    text = "IV. TỔ CHỨC\nTHỰC HIỆN\n\n1. Sở\nKhoa học và Công nghệ\n\na) Chủ trì, tham mưu hoàn thiện thể chế.\n"
    assert roles(run(text)) == {("Sở Khoa học và Công nghệ", "lead")}


GIAO = (
    "Giao Sở Tài chính chủ trì, phối hợp với Sở Nông nghiệp và Phát triển nông thôn, Sở Lao động – Thương binh "
    "và Xã hội, Ban Dân tộc tỉnh, UBND các huyện, thành phố, khẩn trương có văn bản hướng dẫn thống nhất việc lồng "
    "ghép các nguồn lực; báo cáo kết quả cho Chủ tịch Ủy ban nhân dân tỉnh chậm nhất trong tháng 4/2023.\n"
)


def test_giao_with_partners_deadline_and_report():
    (a,) = run(GIAO)
    assert (a.agency, a.role, a.rule) == ("Sở Tài chính", "lead", "giao")
    assert a.partners == ["Sở Nông nghiệp và Phát triển nông thôn", "Sở Lao động – Thương binh và Xã hội",
                          "Ban Dân tộc tỉnh", "UBND các huyện, thành phố"]
    assert a.deadline == "2023-04"
    assert a.report_to == "Chủ tịch Ủy ban nhân dân tỉnh"


REQUEST = """Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các Sở, ban, ngành, Ủy ban nhân dân các huyện, thành phố khẩn trương tập trung chỉ đạo thực hiện một số nội dung sau:

1. Đẩy mạnh công tác tuyên truyền.

2. Tiếp tục quán triệt tinh thần Chỉ thị.

Giao Sở Lao động – Thương binh và Xã hội làm đầu mối theo dõi, tổng hợp; định kỳ hàng tháng báo cáo kết quả cho Chủ tịch Ủy ban nhân dân tỉnh.

3. Chú trọng công tác sơ kết.

4. Đề nghị Ủy ban MTTQVN tỉnh và các tổ chức chính trị - xã hội tỉnh tăng cường giám sát.
"""


def test_request_addressees_lead_the_numbered_tasks():
    found = run(REQUEST, doc_type="KH")
    assert roles(found, "lead") == {
        ("các Sở, ban, ngành", "lead"),
        ("Ủy ban nhân dân các huyện, thành phố", "lead"),
        ("Sở Lao động – Thương binh và Xã hội", "lead"),
        ("Ủy ban MTTQVN tỉnh", "lead"),
        ("các tổ chức chính trị - xã hội tỉnh", "lead"),
    }
    first = found[0]
    assert first.task == "thực hiện các nội dung 1-3"
    assert first.recurrence is None  # the report is the Sở's own task
    lao_dong = next(a for a in found if a.agency.startswith("Sở Lao động"))
    assert (lao_dong.recurrence, lao_dong.report_to) == ("hàng tháng", "Chủ tịch Ủy ban nhân dân tỉnh")


def test_de_nghi_with_monthly_report():
    text = (
        "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh đề nghị Ban Thường trực Ủy ban MTTQ Việt Nam các huyện, thị xã, "
        "thành phố triển khai thực hiện một số nội dung như sau:\n1. Công tác tuyên truyền:\n- Thực hiện tốt công tác "
        "tuyên truyền.\n2. Công tác phối hợp:\n- Tham gia những Dự án của Chương trình.\nTrong thực hiện nhiệm vụ báo "
        "cáo hàng tháng về Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh như quy định.\n"
    )
    (a,) = run(text, doc_type="CV", issuer="Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Sóc Trăng")
    assert a.agency == "Ban Thường trực Ủy ban MTTQ Việt Nam các huyện, thị xã, thành phố"
    assert (a.role, a.recurrence, a.report_to) == ("lead", "hàng tháng", "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh")


def test_colon_headed_paragraphs_in_news():
    text = (
        "Nội dung công tác phối hợp bao gồm:\n\nBan Thường trực Uỷ ban Mặt trận Tố quốc tỉnh: Tuyên truyền, vận động "
        "Nhân dân.\n\nBan Dân tộc tỉnh: Phối hợp tố chức thăm hỏi đồng bào.\n"
    )
    assert roles(run(text, doc_type="TIN", genre="news")) == {
        ("Ban Thường trực Uỷ ban Mặt trận Tố quốc tỉnh", "lead"), ("Ban Dân tộc tỉnh", "support")}


def test_field_lines_under_a_task():
    text = (
        "II. NỘI DUNG\n\na) Nghị định quy định chi tiết thi hành Luật.\n\n- Cơ quan chủ trì: Sở Khoa học\nvà Công nghệ."
        "\n\n- Cơ quan phối hợp: Các sở,\nngành có liên quan và UBND các xã, phường.\n\n- Thời gian thực hiện: Năm 2026.\n"
    )
    found = run(text)
    assert roles(found) == {("Sở Khoa học và Công nghệ", "lead"), ("Các sở, ngành có liên quan", "support"),
                            ("UBND các xã, phường", "support")}
    assert {a.task for a in found} == {"Nghị định quy định chi tiết thi hành Luật"}


def test_subject_of_a_clause_in_the_organisation_part():
    text = ("IV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Khoa học và Công nghệ có trách nhiệm giúp Chủ tịch Ủy ban nhân dân tỉnh "
            "theo dõi, báo cáo Chủ tịch Ủy ban nhân dân tỉnh kết quả thực hiện hằng năm.\n")
    (a,) = run(text)
    assert (a.agency, a.role, a.rule) == ("Sở Khoa học và Công nghệ", "lead", "subject")
    assert (a.report_to, a.recurrence) == ("Chủ tịch Ủy ban nhân dân tỉnh", "hằng năm")


def test_closing_formula_executes():
    text = ("Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tài chính, Chủ tịch UBND các huyện và Thủ trưởng các cơ "
            "quan liên quan chịu trách nhiệm thi hành Quyết định này./.\n")
    found = run(text, doc_type="QĐ")
    assert roles(found) == {("Văn phòng UBND tỉnh", "executes"), ("Sở Tài chính", "executes"),
                            ("UBND các huyện", "executes"), ("các cơ quan liên quan", "executes")}


def test_requirements_addressed_to_everyone_pass_to_the_assignments():
    text = (HEADED.replace("**", "") + "\nYêu cầu các đơn vị, địa phương căn cứ nhiệm vụ được giao chủ động triển khai "
            "thực hiện nghiêm túc; Định kỳ 6 tháng (trước ngày 15 tháng 6 năm 2023) và cả năm (trước ngày 15 tháng 11 "
            "năm 2023) báo cáo kết quả thực hiện về Ban Dân tộc để tổng hợp chung.\n")
    found = run(text)
    assert ("các đơn vị, địa phương", "lead") not in roles(found)
    sy_te = next(a for a in found if a.agency == "Sở Y tế")
    assert (sy_te.deadline, sy_te.recurrence, sy_te.report_to) == ("2023-06-15", "định kỳ 6 tháng", "Ban Dân tộc")
    ban = next(a for a in found if a.agency == "Ban Dân tộc tỉnh")
    assert ban.report_to is None  # not to itself


# --- what is no assignment ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Theo đề nghị của Sở Tài chính tại Tờ trình số 12/TTr-STC ngày 5/3/2023.\n",
        "Xét đề nghị Sở Y tế tại Tờ trình số 45/TTr-SYT.\n",
        "Thủ tướng Chính phủ chủ trì buổi làm việc với Thường trực Tỉnh ủy.\n",
        "UBND tỉnh ban hành Kế hoạch thực hiện Chương trình năm 2023 như sau:\n",
        "Công tác giám sát được thực hiện đối với các cơ quan, đơn vị được giao chủ trì các dự án.\n",
        "Kinh phí được bố trí trong dự toán giao cho Sở Y tế hàng năm.\n",
        "Thực hiện các dự án (trừ nội dung cho Sở Thông tin và Truyền thông; Liên minh Hợp tác xã tỉnh chủ trì).\n",
        "Ban hành danh mục ưu tiên đầu tư và phân bổ vốn.\n",
        "Đoàn kiểm tra, giám sát gồm: Lãnh đạo các Ban, ngành cùng cấp được giao nhiệm vụ.\n",
        "Yêu cầu các cơ quan, đơn vị, địa phương nghiêm túc triển khai thực hiện./.\n",
        # the closing formula's subjects, one described by what it does
        "Điều 3. Giám đốc Sở Y tế; Thủ trưởng các đơn vị thực hiện dịch vụ vệ sinh môi trường, thoát nước trên địa "
        "bàn tỉnh, Thủ trưởng các đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.\n",
    ],
)
def test_mentions_that_assign_nothing(text):
    assert [a for a in run(text, doc_type="KH") if a.role != "executes"] == []


@pytest.mark.parametrize(
    "text",
    [
        # a request quoted from another body's letter, between “ and ”
        "Hội Cựu giáo chức có Văn bản báo cáo: “Hội không đủ điều kiện. Vậy Hội đề nghị Ủy ban nhân dân tỉnh "
        "Nghệ An xem xét cho giải thể Hội”.\n",
        "Tại buổi làm việc, Hiệp hội Du lịch phát biểu: “kính đề nghị Sở Tài chính hỗ trợ kinh phí”.\n",
        # the quotation opens a paragraph before the request
        "Hội Làm vườn có Văn bản báo cáo: “Hội không còn hội viên.\nVậy Hội đề nghị Sở Nội vụ cho giải thể Hội”.\n",
    ],
)
def test_request_inside_a_quotation_assigns_nothing(text):
    assert [a for a in run(text, doc_type="TTr") if a.role != "executes"] == []


def test_request_after_a_closed_quotation_is_a_request():
    text = "Hội báo cáo: “không đủ điều kiện”. Đề nghị Sở Nội vụ rà soát, báo cáo trước ngày 15/6/2024.\n"
    assert roles(run(text, doc_type="TTr"), "lead") == {("Sở Nội vụ", "lead")}


@pytest.mark.parametrize(
    "sentence, name",
    [
        # a known head, lower-case words, then the proper name that ends it
        ("Ban Quản lý Khu kinh tế cửa khẩu quốc tế Hòa Bình chủ trì rà soát quy hoạch.",
         "Ban Quản lý Khu kinh tế cửa khẩu quốc tế Hòa Bình"),
        ("Ban Quản lý Khu kinh tế cửa khẩu Nam Sơn thực hiện các nhiệm vụ sau:\n\n1. Rà soát quy hoạch.\n",
         "Ban Quản lý Khu kinh tế cửa khẩu Nam Sơn"),
        # a long unknown name ends in its place
        ("Ban Quản lý các khu công nghệ cao và khu công nghiệp thành phố Hà Nội chủ trì thẩm định hồ sơ.",
         "Ban Quản lý các khu công nghệ cao và khu công nghiệp thành phố Hà Nội"),
        # lower-case words that run to another body are the task's, not the name's
        ("Sở Y tế khẩn trương báo cáo Ủy ban nhân dân tỉnh kết quả rà soát.", "Sở Y tế"),
        ("Sở Y tế kịp thời thông tin Sở Tài chính để phối hợp.", "Sở Y tế"),
        # a place's number ends its name
        ("UBND xã Hòa Bình 2: Rà soát hồ sơ của các hộ dân.", "UBND xã Hòa Bình 2"),
        ("Ủy ban nhân dân xã Tân Lập 3 rà soát hồ sơ của các hộ dân.", "Ủy ban nhân dân xã Tân Lập 3"),
        ("Điều 16. Trách nhiệm của Quỹ đầu tư phát triển tỉnh\n\nChịu trách nhiệm tiếp nhận hồ sơ vay vốn.",
         "Quỹ đầu tư phát triển tỉnh"),
        # nor to the head of another body ('công nhận' gives no task: no name run on over it)
        ("Ủy ban nhân dân tỉnh công nhận Ban vận động thành lập Hội Du lịch.", None),
    ],
)
def test_name_runs_to_its_proper_name(sentence, name):
    assert {a.agency for a in run(HEADER + sentence + "\n", doc_type="QĐ") if a.role == "lead"} == ({name} if name else set())


@pytest.mark.parametrize(
    "text, leads",
    [
        # a group described up to its duty is one assignee
        ("Các đơn vị cấp nước sạch trên địa bàn tỉnh có trách nhiệm đầu tư mạng lưới cấp nước.",
         {"Các đơn vị cấp nước sạch trên địa bàn tỉnh"}),
        ("Các tổ chức, cá nhân và hộ gia đình khai thác nước dưới đất có trách nhiệm kê khai công trình.",
         {"Các tổ chức, cá nhân và hộ gia đình khai thác nước dưới đất"}),
        ("12. Các đơn vị kinh doanh hạ tầng khu công nghiệp có trách nhiệm\n\na) Duy trì cấp nước tập trung.\n",
         {"Các đơn vị kinh doanh hạ tầng khu công nghiệp"}),
        ("Các sở, ngành và Ủy ban nhân dân các huyện có trách nhiệm rà soát kế hoạch.",
         {"Các sở, ngành", "Ủy ban nhân dân các huyện"}),
    ],
)
def test_group_described_up_to_its_duty(text, leads):
    assert {a.agency for a in run(HEADER + text + "\n", doc_type="QĐ") if a.role == "lead"} == leads


@pytest.mark.parametrize(
    "text",
    [
        "Các sở, ngành đều có trách nhiệm rà soát kế hoạch.",
        "Các sở, ngành theo chức năng có trách nhiệm rà soát kế hoạch.",
        "Các sở, ngành, trong phạm vi quản lý, có trách nhiệm rà soát kế hoạch.",
    ],
)
def test_words_before_a_duty_that_describe_no_group(text):
    # an adverb or a stop word is no description: no name runs on over it
    assert {a.agency for a in run(HEADER + text + "\n", doc_type="QĐ")} <= {"Các sở, ngành"}


@pytest.mark.parametrize(
    "text, names",
    [
        # a tier and its members are one body: the fuller name
        ("UBND cấp xã rà soát hồ sơ.\n\nUBND các xã, phường chủ trì tổng hợp kết quả.", {"UBND các xã, phường"}),
        ("Ủy ban nhân dân cấp huyện rà soát hồ sơ.\n\nỦy ban nhân dân các huyện, thị xã chủ trì tổng hợp kết quả.",
         {"Ủy ban nhân dân các huyện, thị xã"}),
        ("Đề nghị Ủy ban nhân dân tỉnh, thành phố rà soát hồ sơ.\n\nĐề nghị Ủy ban nhân dân các tỉnh, thành phố "
         "chỉ đạo thực hiện.", {"Ủy ban nhân dân các tỉnh, thành phố"}),
        # another tier is another body
        ("UBND cấp xã rà soát hồ sơ.\n\nUBND các huyện chủ trì tổng hợp kết quả.", {"UBND cấp xã", "UBND các huyện"}),
    ],
)
def test_a_tier_and_its_members_are_one_body(text, names):
    assert {a.agency for a in run(HEADER + text + "\n", doc_type="QĐ") if a.role == "lead"} == names


@pytest.mark.parametrize(
    "text, leads",
    [
        # several agencies in the subject slot after a ground or purpose phrase
        ("Căn cứ Kế hoạch này, Sở Y tế, Sở Tài chính và UBND các huyện xây dựng kế hoạch thực hiện.",
         {"Sở Y tế", "Sở Tài chính", "UBND các huyện"}),
        ("Trên cơ sở đó, các Sở Xây dựng, Tài chính tổ chức rà soát hồ sơ.", {"Sở Xây dựng", "Sở Tài chính"}),
        ("Để triển khai hiệu quả Chương trình, Sở Nội vụ chủ trì tổng hợp kết quả.", {"Sở Nội vụ"}),
        # no agency after the phrase: nothing
        ("Căn cứ kết quả rà soát, kinh phí được bố trí trong dự toán năm 2025.", set()),
    ],
)
def test_subjects_after_a_lead_in_phrase(text, leads):
    assert {a.agency for a in run(HEADER + text + "\n", doc_type="KH") if a.role == "lead"} == leads


@pytest.mark.parametrize(
    "text, leads",
    [
        # 'tổ chức' joined to a group without a comma is the task's verb, not a member of the group
        ("Các sở, ngành tổ chức thực hiện kế hoạch này.", {"Các sở, ngành"}),
        ("Trên cơ sở tài liệu, các phòng, ban tổ chức tuyên truyền pháp luật.", {"các phòng, ban"}),
        ("Các đơn vị, tổ chức liên quan thực hiện kế hoạch này.", {"Các đơn vị, tổ chức liên quan"}),
        ("Đề nghị các tổ chức chính trị - xã hội tham gia giám sát.", {"các tổ chức chính trị - xã hội"}),
        ("Các tổ chức tổ chức tuyên truyền pháp luật.", {"Các tổ chức"}),
        # a name cut at a word read as its task takes the full name the document gives it
        ("IV. TỔ CHỨC THỰC HIỆN\n\n1. Trung tâm Điều hành chương trình chống ngập nước tỉnh\n\na) Căn cứ quy định, "
         "Trung tâm Điều hành chương trình chống ngập nước tỉnh chịu trách nhiệm thu gom bùn thải.",
         {"Trung tâm Điều hành chương trình chống ngập nước tỉnh"}),
    ],
)
def test_where_a_name_ends_before_its_task(text, leads):
    assert {a.agency for a in run(HEADER + text + "\n", doc_type="KH") if a.role == "lead"} == leads


# --- details --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Dự án 1; Dự án 2", ["Dự án 1", "Dự án 2"]),
        ("Nội dung số 02, Tiểu dự án 2 - Dự án 3; Dự án 7", ["Dự án 3 / Tiểu dự án 2 / Nội dung số 02", "Dự án 7"]),
        ("Tiểu dự án 2, Tiểu dự án 4 - Dự án 5", ["Dự án 5 / Tiểu dự án 2", "Dự án 5 / Tiểu dự án 4"]),
        ("Tiểu dự án - Dự án 5", ["Dự án 5"]),
        ("Tiểu dự án 1 (trừ Dự án 9) - Dự án 10", ["Dự án 10 / Tiểu dự án 1"]),
        ("công tác tuyên truyền", []),
    ],
)
def test_targets_in(text, expected):
    assert targets_in(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("định kỳ hàng tháng báo cáo kết quả", "hàng tháng"),
        ("báo cáo hằng quý về Sở", "hằng quý"),
        ("Định kỳ 6 tháng (trước ngày 15/6) báo cáo", "định kỳ 6 tháng"),
        ("3 tháng một lần tổng hợp", "định kỳ 3 tháng"),
        ("tham mưu nguồn vốn đối ứng hàng năm", None),
    ],
)
def test_recurrence_in(text, expected):
    assert recurrence_in(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("báo cáo trước ngày 15 tháng 6 năm 2023", "2023-06-15"),
        ("báo cáo chậm nhất trong tháng 4/2023", "2023-04"),
        ("hoàn thành trước 30/11/2025", "2025-11-30"),
        ("Căn cứ kết quả thực hiện Nghị quyết trong năm 2026", None),
        ("Quyết định số 12 ngày 5/3/2023", None),
    ],
)
def test_deadline_in(text, expected):
    assert deadline_in(text) == expected


# --- seeds ----------------------------------------------------------------------------------------

SEEDS = sorted((ROOT / "corpus" / "gold").glob("0*.json"))


@pytest.mark.parametrize("gold_path", SEEDS, ids=[p.stem[:3] for p in SEEDS])
def test_seed_leads(gold_path):
    from vanban.extractors.pipeline import extract_file

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    record = extract_file(ROOT / "corpus" / "docs" / gold["source"])
    want = {name_key(a["agency"]) for a in gold["assignments"] if a.get("role", "lead") == "lead"}
    got = {name_key(a.agency) for a in record.assignments if a.role == "lead"}
    assert want == got


@pytest.mark.parametrize("stem, deadlines", [("001", {"2023-06-15"}), ("003", {"2023-04"})])
def test_seed_deadlines(stem, deadlines):
    from vanban.extractors.pipeline import extract_file

    (doc,) = (ROOT / "corpus" / "docs").glob(f"{stem}_*.txt")
    record = extract_file(doc)
    assert deadlines <= {a.deadline for a in record.assignments}


# --- heads of bodies, members, shared head nouns, modals (each case one vocabulary entry) --------

DIRECTIVE = HEADER + "{}\n"


@pytest.mark.parametrize(
    "sentence, leads",
    [
        # GOVERNMENT_BODIES and HEAD_TITLES ("Bộ trưởng", "Thủ trưởng", "Chủ tịch"); NAME_TAILS
        ("1. Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ và Chủ tịch Ủy ban nhân dân "
         "các tỉnh, thành phố trực thuộc Trung ương chỉ đạo các đơn vị quán triệt Chỉ thị.",
         {"các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ",
          "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"}),
        ("1. Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan trực thuộc Chính phủ chủ trì rà soát các dự án.",
         {"các Bộ, cơ quan ngang Bộ, cơ quan trực thuộc Chính phủ"}),
        # "các đồng chí" as a form of address
        ("Đề nghị các đồng chí Giám đốc Sở Y tế chỉ đạo quyết liệt việc phòng dịch.", {"Sở Y tế"}),
        # "ông, bà" as a form of address
        ("Các ông, bà Giám đốc Sở Tài chính có trách nhiệm thẩm định dự toán.", {"Sở Tài chính"}),
        # "Giám đốc"
        ("Giám đốc Sở Y tế chủ trì tổ chức kiểm tra.", {"Sở Y tế"}),
        # "Chủ tịch"
        ("Chủ tịch Ủy ban nhân dân các huyện chịu trách nhiệm rà soát hồ sơ.", {"Ủy ban nhân dân các huyện"}),
        # APPOSITION: a position after a hyphen is no part of the name; the predicate follows it
        ("3. Bộ trưởng Bộ Tài chính - Phó Trưởng ban Thường trực Ban Chỉ đạo 389 quốc gia tập trung chỉ đạo "
         "hoàn thiện Kế hoạch.", {"Bộ Tài chính"}),
        # NAME_HYPHEN: other capitalised words after a hyphen go on with the name
        ("3. Cơ quan Lao động - Thương binh và Xã hội ở địa phương có trách nhiệm thống kê, rà soát.",
         {"Cơ quan Lao động - Thương binh và Xã hội ở địa phương"}),
        # MODALS: "phải", "cần", "cần phải"
        ("2. Các lực lượng chức năng phải liên tục ra quân, xử lý nghiêm các đối tượng vi phạm.",
         {"Các lực lượng chức năng"}),
        ("2. Các lực lượng chức năng cần liên tục ra quân.", {"Các lực lượng chức năng"}),
        ("2. Các lực lượng chức năng cần phải liên tục ra quân.", {"Các lực lượng chức năng"}),
        # MEMBER_HEADS: "đại biểu", "các đại biểu", "hệ thống"; a head before the body it belongs to
        ("Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh và đại biểu Hội đồng nhân dân tỉnh giám sát việc "
         "triển khai thực hiện Nghị quyết này.",
         {"Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh", "đại biểu Hội đồng nhân dân tỉnh"}),
        ("Giao Thường trực Hội đồng nhân dân, các Tổ đại biểu và các đại biểu Hội đồng nhân dân tỉnh giám sát "
         "việc thực hiện Nghị quyết.",
         {"Thường trực Hội đồng nhân dân", "các Tổ đại biểu", "các đại biểu Hội đồng nhân dân tỉnh"}),
        ("4. Đài Truyền hình Việt Nam và hệ thống các cơ quan báo chí tăng cường tuyên truyền.",
         {"Đài Truyền hình Việt Nam", "hệ thống các cơ quan báo chí"}),
        ("5. Văn phòng Thường trực Ban Chỉ đạo 389 quốc gia tăng cường kiểm tra, đôn đốc.",
         {"Văn phòng Thường trực Ban Chỉ đạo 389 quốc gia"}),
        # DISTRIBUTIVE: one head noun shared by the names after a colon
        ("9. Đề nghị các Tập đoàn: Bưu chính Viễn thông Việt Nam, Công nghiệp - Viễn thông Quân đội tổ chức "
         "triển khai phủ sóng.",
         {"Tập đoàn Bưu chính Viễn thông Việt Nam", "Tập đoàn Công nghiệp - Viễn thông Quân đội"}),
        ("Đề nghị các Sở: Tài chính, Xây dựng chủ trì thẩm định hồ sơ.", {"Sở Tài chính", "Sở Xây dựng"}),
    ],
)
def test_heads_members_and_modals(sentence, leads):
    got = {a.agency for a in run(DIRECTIVE.format(sentence), doc_type="KH") if a.role == "lead"}
    assert {name_key(x) for x in got} == {name_key(x) for x in leads}


@pytest.mark.parametrize(
    "sentence, leads",
    [
        # a short group takes the fuller name the document gives it
        ("1. Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, "
         "thành phố trực thuộc Trung ương chủ trì rà soát.\n\n2. Đề nghị các đồng chí Bộ trưởng, Thủ trưởng "
         "các cơ quan ngang Bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố chỉ đạo quyết liệt.",
         {"các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ",
          "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"}),
        # a vague group beside a named body leads nothing
        ("Ủy ban nhân dân các huyện và các cơ quan căn cứ chức năng khẩn trương triển khai.",
         {"Ủy ban nhân dân các huyện"}),
        # an office holder the report goes to is no lead; "Chủ tịch nước" is a body
        ("Sở Y tế chủ trì kiểm tra, báo cáo Chủ tịch Ủy ban nhân dân tỉnh.", {"Sở Y tế"}),
    ],
)
def test_fuller_names_and_no_extras(sentence, leads):
    got = {a.agency for a in run(DIRECTIVE.format(sentence), doc_type="KH") if a.role == "lead"}
    assert {name_key(x) for x in got} == {name_key(x) for x in leads}


def test_report_goes_to_the_office_holder():
    (a,) = run(DIRECTIVE.format("Sở Y tế chủ trì kiểm tra, báo cáo Chủ tịch Ủy ban nhân dân tỉnh."), doc_type="KH")
    assert a.report_to == "Chủ tịch Ủy ban nhân dân tỉnh"


def test_evaluate_scores_role_and_deadline_of_matched_leads():
    from vanban.evaluate import compare

    gold = {"assignments": [
        {"agency": "Sở Tài chính", "role": "lead", "deadline": "2025-06-30"},
        {"agency": "Sở Y tế", "role": "lead", "deadline": "2025-12"},
        {"agency": "Sở Nội vụ", "role": "lead"},
        {"agency": "Sở Xây dựng", "role": "lead", "deadline": "2025-01-15"},  # not predicted: not scored
    ]}
    pred = {"assignments": [
        {"agency": "Sở Tài chính", "role": "lead", "deadline": "2025-06-30"},
        {"agency": "Sở Y tế", "role": "lead", "deadline": "2025-12-31"},
        {"agency": "Sở Nội vụ", "role": "support"},
    ]}
    scores: dict = {}
    compare(gold, pred, scores)
    role, deadline = scores["assignments.role"], scores["assignments.deadline"]
    assert (role.tp, role.fp, role.fn) == (2, 1, 1)
    assert (deadline.tp, deadline.fp, deadline.fn) == (2, 0, 0)


def test_only_spans_blanks_the_rest_and_keeps_offsets():
    from vanban.extractors.extract.assignments.paragraphs import only_spans

    text = "Bối cảnh chung.\nSở Y tế chủ trì.\nBảng số liệu 1 2 3.\nSở Nội vụ phối hợp."
    a = text.index("Sở Y tế")
    b = text.index("Sở Nội vụ")
    out = only_spans(text, [(a, a + len("Sở Y tế chủ trì.")), (b, len(text))])
    assert len(out) == len(text)
    assert out[a:a + 7] == "Sở Y tế" and out[b:] == text[b:]
    assert "Bối cảnh" not in out and "Bảng" not in out
    assert out.count("\n") >= 4  # each blanked gap holds a paragraph break


@pytest.mark.parametrize("line, holds", [
    ("1. Sở Tài chính", True),                                  # a short numbered heading
    ("Sở Y tế: tổng hợp số liệu", True),                         # a colon near the start
    ("Giao Sở Nội vụ thực hiện việc rà soát.", True),             # a request verb
    ("Ủy ban nhân dân tỉnh Nghệ An nằm ở Bắc Trung Bộ với dân số đông.", False),  # background
    ("Tổng số hộ nghèo năm 2024 là 1.234 hộ, chiếm 3,2 phần trăm.", False),
])
def test_which_paragraphs_can_hold_a_task(line, holds):
    from vanban.extractors.extract.assignments.find import can_hold_task
    from vanban.extractors.extract.assignments.paragraphs import paragraphs

    (p,) = paragraphs(line, 0, len(line))
    assert can_hold_task(p) is holds


def test_agency_in_a_paragraph_that_holds_no_task_is_not_read():
    from unittest import mock

    from vanban.extractors.extract.assignments import find

    text = "Tỉnh có Sở Công Thương hoạt động từ lâu, nay đông người.\nSở Y tế chủ trì tổng hợp số liệu."
    seen: list[str] = []
    real = find.find_agencies

    def spy(t):
        seen.append(t)
        return real(t)

    with mock.patch.object(find, "find_agencies", spy):
        out = run(text)
    assert ("Sở Y tế", "lead") in {(a.agency, a.role) for a in out}
    assert "Sở Công Thương" not in seen[0] and "Sở Y tế" in seen[0]


@pytest.mark.parametrize("sentence, leads", [
    ("Giao các Sở Tài chính, Xây dựng, Y tế chủ trì rà soát kinh phí.", {"Sở Tài chính", "Sở Xây dựng", "Sở Y tế"}),
    ("Các Sở Tài chính, Xây dựng và Y tế có trách nhiệm rà soát kinh phí.", {"Sở Tài chính", "Sở Xây dựng", "Sở Y tế"}),
    ("Đề nghị các Bộ: Nội vụ, Công an, Tư pháp rà soát quy định.", {"Bộ Nội vụ", "Bộ Công an", "Bộ Tư pháp"}),
    # a name the lexicon holds with 'và' inside stays one name
    ("Đề nghị các Sở: Thông tin và Truyền thông, Nội vụ rà soát quy định.", {"Sở Thông tin và Truyền thông", "Sở Nội vụ"}),
    ("Giao các Sở Kế hoạch và Đầu tư, Tài chính chủ trì rà soát kinh phí.", {"Sở Kế hoạch và Đầu tư", "Sở Tài chính"}),
    # the next name with its own head is not under the shared one
    ("Giao các Sở Tài chính, Nội vụ, Ủy ban nhân dân các xã chủ trì rà soát.",
     {"Sở Tài chính", "Sở Nội vụ", "Ủy ban nhân dân các xã"}),
])
def test_shared_head_noun_gives_each_name_its_head(sentence, leads):
    got = {a.agency for a in run(sentence) if a.role == "lead"}
    assert got == leads


# --- constructs: headings, lead-ins, tables, partners, addressees, aliases ---------------------------

def leads_of(text: str, doc_type: str = "KH", **kw) -> set[str]:
    return {a.agency for a in run(text, doc_type=doc_type, **kw) if a.role == "lead"}


@pytest.mark.parametrize("text, leads", [
    # an article heading names the agency; its clauses are the tasks
    ("Điều 10. Trách nhiệm của Sở Văn hóa và Thể thao\n1. Chủ trì hướng dẫn các huyện.\n2. Kiểm tra việc thực hiện.\n",
     {"Sở Văn hóa và Thể thao"}),
    ("Điều 16. Nhiệm vụ, quyền hạn của Ban Quản lý Khu kinh tế tỉnh\n1. Triển khai quy hoạch chung.\n",
     {"Ban Quản lý Khu kinh tế tỉnh"}),
    # 'Đối với X:' and 'X có trách nhiệm:' lead-ins over bullets
    ("3. Đối với Ủy ban nhân dân các huyện:\n- Rà soát danh sách hộ nghèo.\n- Báo cáo kết quả.\n",
     {"Ủy ban nhân dân các huyện"}),
    ("Sở Tài chính có trách nhiệm:\n- Bố trí kinh phí thực hiện.\n- Hướng dẫn thanh quyết toán.\n", {"Sở Tài chính"}),
    # the members of a group heading on the line below it
    ("2. Trách nhiệm của các Sở:\nXây dựng, Tài chính.\na) Chủ trì tham mưu kinh phí.\n", {"Sở Xây dựng", "Sở Tài chính"}),
    # 'Giao X' alone on an article line gives X the clauses below
    ("Điều 2. Giao Giám đốc Sở Giáo dục và Đào tạo\n1. Tổ chức thực hiện kế hoạch năm học.\n", {"Sở Giáo dục và Đào tạo"}),
    # the subjects of the items under a request addressed to no one in particular
    ("IV. Văn phòng Chính phủ trân trọng đề nghị:\n1. Bộ Công an báo cáo kết quả thực hiện.\n", {"Bộ Công an"}),
    # a group named with what it belongs to
    ("2. Các cơ quan chuyên môn thuộc UBND tỉnh chủ trì rà soát thủ tục hành chính.\n",
     {"Các cơ quan chuyên môn thuộc UBND tỉnh"}),
    # a group heading over agency sub-headings is no assignee; a topic heading of a report neither
    ("Điều 8. Trách nhiệm của các sở, ngành\n1. Trách nhiệm của Sở Y tế\na) Chủ trì kiểm tra.\n", {"Sở Y tế"}),
    ("1.1. Đối với các sở, ban, ngành\nKết quả: chỉ số trung bình đạt 84%.\n", set()),
])
def test_agency_named_in_a_heading_leads_the_items_below(text, leads):
    assert leads_of(text, doc_type="QĐ") == leads


@pytest.mark.parametrize("text, expected", [
    # the first item only joins another's task: support; a later item of its own makes it a lead
    ("VI. TỔ CHỨC THỰC HIỆN\n\n1. Bộ Ngoại giao\n\nPhối hợp với Bộ Quốc phòng trong việc tìm kiếm hài cốt.\n",
     {("Bộ Ngoại giao", "support")}),
    ("VI. TỔ CHỨC THỰC HIỆN\n\n1. Bộ Ngoại giao\n\n- Phối hợp với Bộ Quốc phòng trong việc tìm kiếm.\n\n"
     "- Chỉ đạo các cơ quan đại diện hỗ trợ thân nhân.\n", {("Bộ Ngoại giao", "lead")}),
    # 'phối hợp với <partners> <own task>': the subject acts itself
    ("Sở Tài nguyên và Môi trường phối hợp với các sở, ngành, lực lượng chức năng hướng dẫn các huyện thực hiện.",
     {("Sở Tài nguyên và Môi trường", "lead")}),
    # 'Giao X phối hợp …': X is given the task
    ("Giao Sở Y tế phối hợp với Sở Tài chính thực hiện kế hoạch.", {("Sở Y tế", "lead")}),
])
def test_partner_rules(text, expected):
    assert roles(run(text, doc_type="KH")) == expected


@pytest.mark.parametrize("text, leads", [
    # a request recounted from a cited letter is not this document's task
    ("Ngày 21/10/2024, Sở Nội vụ có Công văn số 2903/SNV-TCCC đề nghị các sở: Xây dựng, Tài chính có ý kiến về dự thảo.\n",
     set()),
    ("Theo đề nghị của Sở Tài chính tại Tờ trình số 12/TTr-STC, Ủy ban nhân dân tỉnh quyết định.\n", set()),
    # a directive recounted with 'giao' still names the body given the task
    ("Thực hiện Công văn số 656/TTg-KSTT của Thủ tướng Chính phủ, trong đó giao Bộ Tài chính chủ trì rà soát quy định.\n",
     {"Bộ Tài chính"}),
    # the body another is told to direct leads too
    ("Công an tỉnh đề nghị Chủ tịch Ủy ban nhân dân tỉnh chỉ đạo Sở Tài chính chủ trì tham mưu chính sách.\n",
     {"Ủy ban nhân dân tỉnh", "Sở Tài chính"}),
    # 'các hội: Hiệp hội A, Hội B' keep their own heads; a wrapped line after a bare head goes on
    ("Yêu cầu các hội: Hiệp hội Vận tải ô tô, Hội Nghề cá, Hiệp hội\nNước mắm Phan Thiết hoàn thành đại hội.\n",
     {"Hiệp hội Vận tải ô tô", "Hội Nghề cá", "Hiệp hội Nước mắm Phan Thiết"}),
    # a task verb that starts like a word after which no task follows ('theo dõi', not 'theo quy định')
    ("Giao Sở Nội vụ theo dõi việc thực hiện các nội dung trên.\n", {"Sở Nội vụ"}),
    ("Kinh phí giao cho Sở Nội vụ theo quy định.\n", set()),
    # a comma-joined name the lexicon holds stays one name under the shared head
    ("Giao các sở: Xây dựng, Văn hóa, Thể thao và Du lịch rà soát quy hoạch.\n",
     {"Sở Xây dựng", "Sở Văn hóa, Thể thao và Du lịch"}),
    # an aside with commas between the subject and its duty verb
    ("Sở Tài chính, trên cơ sở đề xuất của các cơ quan, đơn vị, địa phương, chủ trì tổng hợp kinh phí.\n",
     {"Sở Tài chính"}),
    # the members of a group after a colon or in parentheses; a member without a head takes the group's
    ("Các sở, ngành: Văn phòng UBND tỉnh, Sở Tư pháp, Sở Tài chính chuẩn bị báo cáo.\n",
     {"Văn phòng UBND tỉnh", "Sở Tư pháp", "Sở Tài chính"}),
    ("Các sở được phân công theo dõi các lĩnh vực (Nội vụ, Tư pháp, Văn phòng UBND tỉnh) tăng cường kiểm tra.\n",
     {"Sở Nội vụ", "Sở Tư pháp", "Văn phòng UBND tỉnh"}),
    ("Các Bộ: Thương mại, Quốc phòng, các cơ quan Trung ương liên quan theo chức năng, nhiệm vụ và quyền hạn "
     "của mình ủy quyền cho Ban Quản lý thực hiện.\n",
     {"Bộ Thương mại", "Bộ Quốc phòng", "các cơ quan Trung ương liên quan"}),
    # a list of names after a colon is no task; a list of partners goes on after ';'
    ("UBND các phường: Nam Gia Nghĩa, Bắc Gia Nghĩa, Đông Gia Nghĩa.\n", set()),
    ("Sở Y tế chủ trì, phối hợp với Chủ tịch Ủy ban nhân dân các huyện; thủ trưởng các ngành liên quan hướng dẫn "
     "thực hiện.\n", {"Sở Y tế"}),
    # a submission asks the body it is submitted to; the bare closing formula of one is no task
    ("Sở Nội vụ kính trình Ủy ban nhân dân tỉnh xem xét, phê duyệt Kế hoạch.\n", {"Ủy ban nhân dân tỉnh"}),
    ("Sở Nội vụ kính trình Ủy ban nhân dân tỉnh./.\n", {"Ủy ban nhân dân tỉnh"}),
    ("Quan tâm sự tham gia của cộng đồng.\nKính trình Hội đồng nhân dân tỉnh xem xét, quyết định./.\n", set()),
    # members named alone under an intro phrase lead its task
    ("Giao các cơ quan, đơn vị sau đây thực hiện rà soát quy hoạch:\n- Sở Xây dựng;\n- Sở Tài chính.\n",
     {"Sở Xây dựng", "Sở Tài chính"}),
])
def test_who_is_given_the_task(text, leads):
    assert leads_of(text, doc_type="CV") == leads


ADDRESSED = """BỘ TÀI CHÍNH
Số: 12/BTC-CST
V/v lấy ý kiến dự thảo Thông tư

Kính gửi:
- Các Bộ, cơ quan ngang Bộ; cơ quan thuộc Chính phủ;
- Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương;
- Liên đoàn Thương mại và Công nghiệp Việt Nam.

Bộ Tài chính dự thảo Thông tư quy định mức thu phí. Đề nghị quý cơ quan nghiên cứu, có ý kiến về dự thảo Thông tư.
"""


def test_request_to_the_addressees_gives_each_the_task():
    got = {name_key(a.agency) for a in run(ADDRESSED, doc_type="CV") if a.role == "lead"}
    assert got == {name_key(x) for x in ("Các Bộ, cơ quan ngang Bộ; cơ quan thuộc Chính phủ",
                                         "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
                                         "Liên đoàn Thương mại và Công nghiệp Việt Nam")}


PIPE_MATRIX = """PHỤ LỤC
| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |
|---|---|---|---|---|
| 1 | Rà soát quy hoạch sử dụng đất | Sở Xây dựng | Sở Tài chính | Quý III/2025 |
| 2 | Xây dựng cơ sở dữ liệu | Sở Khoa học và Công nghệ | Công an tỉnh; Sở Nội vụ | 30/6/2025 |
"""
FLAT_MATRIX = """PHỤ LỤC
TT
Nhiệm vụ
Cơ quan chủ trì
Cơ quan phối hợp
Thời gian hoàn thành
1
Rà soát quy hoạch sử dụng
đất trên địa bàn tỉnh.
Sở Xây dựng
Sở Tài chính
Quý III/2025
2
Xây dựng cơ sở dữ liệu.
Văn phòng UBND tỉnh
Công an tỉnh
Tháng 12/2025
"""


@pytest.mark.parametrize("text, expected", [
    (PIPE_MATRIX, [("Sở Xây dựng", "Rà soát quy hoạch sử dụng đất", ["Sở Tài chính"], "2025-09"),
                   ("Sở Khoa học và Công nghệ", "Xây dựng cơ sở dữ liệu", ["Công an tỉnh", "Sở Nội vụ"], "2025-06-30")]),
    (FLAT_MATRIX, [("Sở Xây dựng", "Rà soát quy hoạch sử dụng đất trên địa bàn tỉnh", ["Sở Tài chính"], "2025-09"),
                   ("Văn phòng UBND tỉnh", "Xây dựng cơ sở dữ liệu", ["Công an tỉnh"], "2025-12")]),
])
def test_task_matrix_rows(text, expected):
    got = [(a.agency, a.task, a.partners, a.deadline) for a in run(text) if a.rule == "table"]
    assert got == expected


def test_one_body_one_name():
    text = ("IV. TỔ CHỨC THỰC HIỆN\n\n1. Các sở, ngành có liên quan chủ trì rà soát quy hoạch.\n\n"
            "2. Các sở, ngành liên quan thực hiện báo cáo kết quả.\n\n3. UBND tỉnh chỉ đạo kiểm tra.\n\n"
            "4. Ủy ban nhân dân tỉnh Nghệ An chủ trì tổng kết.\n")
    got = [a.agency for a in run(text) if a.role == "lead"]
    assert got == ["Các sở, ngành có liên quan", "Các sở, ngành có liên quan", "Ủy ban nhân dân tỉnh Nghệ An",
                   "Ủy ban nhân dân tỉnh Nghệ An"]


@pytest.mark.parametrize("text, deadline", [
    ("Sở Y tế chủ trì trình Ủy ban nhân dân tỉnh trong quý III/2025.", "2025-09"),
    ("Sở Y tế chủ trì rà soát, hoàn thành chậm nhất ngày 31/12/2024.", "2024-12-31"),
    ("Sở Y tế chủ trì rà soát, báo cáo trước ngày 15 tháng 11 năm 2025.", "2025-11-15"),
    ("1. Rà soát hồ sơ.\n- Cơ quan chủ trì: Sở Y tế.\n- Thời gian thực hiện: Tháng 12/2025.\n", "2025-12"),
])
def test_deadline_forms(text, deadline):
    (a,) = [a for a in run(text) if a.agency == "Sở Y tế"]
    assert a.deadline == deadline


def test_task_is_not_cut_at_a_length():
    task = "rà soát " + ", ".join(f"hồ sơ số {n}" for n in range(60))
    (a,) = run(f"Giao Sở Y tế {task}.")
    assert a.task == task and len(task) > 300


def _paragraph_texts(text: str, mentions=()) -> list[str]:
    from vanban.extractors.extract.assignments.paragraphs import Paragraphs

    return [p.text for p in Paragraphs(text, 0, len(text))(mentions)]


@pytest.mark.parametrize("last_line, joined", [
    ("phối hợp với Sở", True),           # the head of a name cut by the wrap
    ("phối hợp với Ủy ban", True),       # a head of two words
    ("triển khai thực hiện và", True),   # a connector
    ("triển khai thực hiện.", False),    # a finished sentence
    ("triển khai thực hiện", False),
    ("nghiên cứu, đề xuất phương án, báo cáo", True),  # a verb waiting for its addressee
    ("hoàn thiện hồ sơ, gửi", True),
    ("hoàn thiện dự thảo, trình", True),
    ("CHẾ ĐỘ BÁO CÁO", False),            # a heading in capitals
    ("phối hợp với Sở ****   ", True),   # stars and spaces at the end are not read
])
def test_a_long_paragraph_is_read_by_how_it_ends(last_line, joined):
    # a paragraph of many hard-wrapped lines: only its end says whether the next line goes on it
    lines = ["- Giao các cơ quan tổ chức rà soát nội dung theo kế hoạch"]
    lines += [f"tiếp tục rà soát nội dung số {i} theo kế hoạch của tỉnh" for i in range(12)]
    text = "\n".join([*lines, last_line, "Nông nghiệp và Môi trường rà soát."])
    assert len(text) > 600
    assert (len(_paragraph_texts(text)) == 1) is joined


def test_a_paragraph_ending_in_a_long_run_of_stars_is_read_whole():
    text = "- Giao Sở Y tế phối hợp với Sở " + "*" * 300 + "\nNông nghiệp và Môi trường rà soát."
    assert len(_paragraph_texts(text)) == 1


def test_names_over_line_breaks_join_lines_and_a_reading_without_them_is_reused():
    from vanban.extractors.extract.agencies.recognize import find_agencies
    from vanban.extractors.extract.assignments.paragraphs import Paragraphs

    text = "- Giao Bộ Công\nThương rà soát.\n- Sở Y tế chủ trì.\nTổng hợp kết quả."
    read = Paragraphs(text, 0, len(text))
    plain = read()
    assert [p.text for p in plain] == ["Giao Bộ Công", "Thương rà soát.", "Sở Y tế chủ trì.", "Tổng hợp kết quả."]
    mentions = find_agencies(text)
    assert [p.text for p in read(mentions)] == ["Giao Bộ Công Thương rà soát.", "Sở Y tế chủ trì.",
                                                "Tổng hợp kết quả."]
    inside = [m for m in mentions if "\n" not in text[m.span[0]:m.span[1]]]
    again = read(inside)  # no name over a line break: the reading without names
    assert [p.text for p in again] == [p.text for p in plain]


@pytest.mark.parametrize("text, deadline", [
    # the report's addressee and deadline wrapped onto the next line
    ("giao Sở Tài chính chủ trì nghiên cứu, đề xuất phương án xử lý, báo cáo\n"
     "Ủy ban nhân dân tỉnh trong tháng 12 năm 2025.\n", "2025-12"),
    ("Giao Sở Xây dựng hoàn thiện hồ sơ dự án, gửi\nSở Tài chính thẩm định trước ngày 15/3/2026.\n", "2026-03-15"),
    ("Giao Sở Nội vụ hoàn thiện dự thảo đề án, trình\nỦy ban nhân dân tỉnh chậm nhất ngày 20/01/2026.\n", "2026-01-20"),
])
def test_a_deadline_wrapped_after_the_report_verb_is_the_tasks(text, deadline):
    (a,) = [a for a in run(text) if a.role == "lead"]
    assert a.deadline == deadline


@pytest.mark.parametrize("items, deadline", [
    ("- Hoàn thiện kế hoạch cao điểm;\n+ Báo cáo Ủy ban nhân dân tỉnh trước ngày 30/11/2025.\n", "2025-11-30"),
    ("a) Rà soát các điểm tồn đọng;\nb) Tổng hợp, báo cáo chậm nhất ngày 05/01/2026.\n", "2026-01-05"),
    ("- Rà soát các điểm tồn đọng;\n- Tổng hợp kết quả.\n", None),
])
def test_a_subject_lead_in_takes_the_deadline_of_its_items(items, deadline):
    text = "1. Sở Công Thương tập trung chỉ đạo các đơn vị thực hiện một số nhiệm vụ sau:\n" + items
    (a,) = [a for a in run(text) if a.agency == "Sở Công Thương"]
    assert a.role == "lead" and a.deadline == deadline
