"""Every entry of models/assignment_cues.json, used in an invented sentence, does what its
list says (vanban.extractors.extract.assignments)."""
from __future__ import annotations

import unicodedata

import pytest

from vanban import models
from vanban.extractors.context import DocContext, Jurisdiction
from vanban.extractors.extract.agencies.recognize import find_agencies
from vanban.extractors.extract.assignments.details import deadline_in, recurrence_in
from vanban.extractors.extract.assignments.find import body_of, extract_assignments, is_vague
from vanban.extractors.extract.assignments.reader import Reader, head_at
from vanban.extractors.segment.parts import segment

DATA = models.load_json("assignment_cues.json")
TESTED: set[str] = set()


def words(key: str) -> list[str]:
    TESTED.add(key)
    return DATA[key]["words"]


def run(text: str, doc_type: str = "BC"):
    """A report ('BC') unless told: there only the cues give tasks, not any verb after a name."""
    ctx = DocContext(text=text, segments=segment(text), doc_type=doc_type, jurisdiction=Jurisdiction("tỉnh", "Nghệ An"))
    return extract_assignments(ctx)


def roles(text: str, doc_type: str = "BC") -> set[tuple[str, str]]:
    return {(a.agency, a.role) for a in run(text, doc_type)}


def name_at_start(text: str, *, bodies: bool = True) -> str | None:
    found = Reader(text, find_agencies(text)).agency_at(0, len(text), bodies=bodies)
    return found.text if found else None


def capitalised(w: str) -> str:
    return w[0].upper() + w[1:]


def bare(text: str) -> str:
    """Without diacritics (đ kept): 'tổ chức' -> 'to chuc'."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


# An invented body: the reader knows it only by its head word 'Trung tâm'.
UNKNOWN = "Trung tâm Ươm tạo Xanh"


# --- roles -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("verb", words("lead_verbs"))
def test_lead_verb_gives_a_lead(verb):
    assert roles(f"Sở Tài chính {verb} việc rà soát kinh phí năm 2024.") == {("Sở Tài chính", "lead")}


@pytest.mark.parametrize("verb", words("support_verbs"))
def test_support_verb_gives_support(verb):
    assert roles(f"Sở Tài chính {verb} thực hiện kế hoạch năm 2024.") == {("Sở Tài chính", "support")}


@pytest.mark.parametrize("verb", words("request_verbs"))
def test_request_verb_gives_a_task(verb):
    assert roles(f"Sở Nội vụ {verb} Sở Y tế rà soát kế hoạch năm 2024.") == {("Sở Y tế", "lead")}


@pytest.mark.parametrize("word", words("predicate_words"))
def test_predicate_word_gives_a_task_in_the_organisation_part(word):
    text = f"IV. TỔ CHỨC THỰC HIỆN\n\nSở Y tế {word} các nội dung của kế hoạch.\n"
    role = "support" if word in DATA["support_verbs"]["words"] else "lead"
    assert ("Sở Y tế", role) in roles(text)


@pytest.mark.parametrize("modal", words("modals"))
def test_modal_after_a_subject_gives_a_lead_in_a_directive(modal):
    assert roles(f"Sở Y tế {modal} rà soát kế hoạch năm 2024.", "KH") == {("Sở Y tế", "lead")}
    assert roles(f"Sở Y tế {modal} rà soát kế hoạch năm 2024.") == set()


@pytest.mark.parametrize("title", words("section_titles"))
def test_section_title_opens_the_organisation_part(title):
    for printed in (title.upper(), bare(title)):
        text = f"IV. {printed}\n\nSở Y tế triển khai kế hoạch năm 2024.\n"
        assert ("Sở Y tế", "lead") in roles(text), printed
    assert roles("IV. NỘI DUNG\n\nSở Y tế triển khai kế hoạch năm 2024.\n") == set()


@pytest.mark.parametrize("code", words("non_directive_types"))
def test_non_directive_type_gives_no_task_to_a_subject(code):
    sentence = "Sở Y tế triển khai kế hoạch năm 2024."
    assert roles(sentence, code) == set()
    assert roles(sentence, "KH") == {("Sở Y tế", "lead")}


# --- what is no task ----------------------------------------------------------------------------------


@pytest.mark.parametrize("word", words("not_tasks"))
def test_not_task_predicate_gives_no_task_in_a_directive(word):
    assert roles(f"Sở Y tế {word} kế hoạch năm 2024.", "KH") == set()


@pytest.mark.parametrize("obj", words("chair_objects"))
def test_chairing_a_meeting_is_no_task(obj):
    assert roles(f"Sở Y tế chủ trì {obj} với các huyện.") == set()


@pytest.mark.parametrize("word", words("no_task_after"))
def test_no_task_after_a_name_given_something(word):
    glue = "" if word in (".", ";") else " "
    assert roles(f"Kinh phí giao cho Sở Y tế{glue}{word} kỳ này.") == set()


@pytest.mark.parametrize("word", words("person_honorifics"))
def test_person_after_a_colon_is_a_member_not_a_task(word):
    for printed in (word, capitalised(word)):
        text = f"Sở Y tế: {printed} Trần Văn An - Phó Giám đốc Sở.\n"
        assert roles(text, "QĐ") == set(), printed
    assert roles("Sở Y tế: Chủ trì, rà soát kế hoạch năm 2024.\n", "QĐ") == {("Sở Y tế", "lead")}


@pytest.mark.parametrize("word", words("described_group_stops"))
def test_described_group_stop_ends_the_description(word):
    text = f"Các đơn vị cấp nước {word} có trách nhiệm rà soát kế hoạch.\n"
    assert "Các đơn vị cấp nước" not in {a.agency for a in run(text, "QĐ")}
    assert ("Các đơn vị cấp nước", "lead") in roles("Các đơn vị cấp nước có trách nhiệm rà soát kế hoạch.\n", "QĐ")


@pytest.mark.parametrize("word", words("not_request_before"))
def test_word_before_a_request_verb_makes_it_no_request(word):
    assert roles(f"Nội dung {word} giao Sở Y tế rà soát kế hoạch.") == set()


@pytest.mark.parametrize(
    "word",
    [
        pytest.param(w, marks=pytest.mark.xfail(strict=True, reason="' liên quan' is cut off the group words before they are compared"))
        if w.endswith(" liên quan") else w
        for w in words("vague_group_words")
    ],
)
def test_vague_group_word_names_no_body(word):
    assert is_vague(f"các {word}")
    assert is_vague(f"các {word}, địa phương có liên quan")
    assert not is_vague(f"các {word}, Sở Y tế")


@pytest.mark.parametrize("word", words("heading_stop_words"))
def test_heading_stop_word_makes_a_heading_a_topic(word):
    text = f"IV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế {word}\n\n- Rà soát kế hoạch năm 2024.\n"
    assert not [a for a in run(text) if a.rule == "heading"]
    assert [a.rule for a in run("IV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế\n\n- Rà soát kế hoạch năm 2024.\n")] == ["heading"]


# --- names ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("word", words("predicate_words"))
def test_predicate_word_ends_a_name(word):
    assert name_at_start(f"{UNKNOWN} {word} các nội dung") == UNKNOWN


@pytest.mark.parametrize("word", words("predicate_words_exact"))
def test_exact_predicate_word_ends_a_name(word):
    assert name_at_start(f"{UNKNOWN} {word} các nội dung") == UNKNOWN


@pytest.mark.parametrize("word", words("name_stops"))
def test_name_stop_ends_a_name(word):
    assert name_at_start(f"{UNKNOWN} {word.strip()} tỉnh Nghệ An") == UNKNOWN


@pytest.mark.parametrize("tail", words("name_tails"))
def test_name_tail_goes_on_with_a_name(tail):
    name = f"Ủy ban nhân dân các tỉnh, thành phố trực thuộc {tail}"
    assert name_at_start(f"{name} chủ trì") == name


@pytest.mark.parametrize("head", words("member_heads"))
def test_member_head_names_the_members_of_a_body(head):
    name = f"{head} Hội đồng nhân dân tỉnh"
    assert name_at_start(f"{name} chủ trì") == name


@pytest.mark.parametrize("noun", words("head_nouns"))
def test_head_noun_names_a_body(noun):
    text = f"{capitalised(noun)} Ươm Tạo"
    assert head_at(text, 0, len(text)) == len(noun)
    assert head_at(f"{capitalised(noun)} hành", 0, 10) is None  # 'Ban hành' is no body


@pytest.mark.parametrize("head", words("name_heads"))
def test_name_head_starts_a_name(head):
    printed = head.upper() if " " not in head else capitalised(head)
    text = f"{printed} Ươm Tạo"
    assert head_at(text, 0, len(text)) == len(head)


@pytest.mark.parametrize("noun", words("group_heads"))
def test_group_head_starts_a_group(noun):
    text = f"các {noun} Ươm Tạo"
    assert head_at(text, 0, len(text)) == len(f"các {noun}")


@pytest.mark.parametrize("noun", words("distributive_nouns"))
def test_distributive_noun_heads_each_name_after_the_colon(noun):
    text = f"các {noun}: Alpha, Beta chủ trì"
    found = Reader(text, find_agencies(text)).distributed(0, len(text))
    assert [f.text for f in found] == [f"{noun} Alpha", f"{noun} Beta"]


@pytest.mark.parametrize("word", words("apposition_starts"))
def test_apposition_after_a_hyphen_is_not_the_name(word):
    text = f"Sở Tài chính - {word} Ban Chỉ đạo tỉnh chủ trì rà soát kế hoạch."
    assert roles(text) == {("Sở Tài chính", "lead")}


@pytest.mark.parametrize("title", words("head_titles"))
def test_head_title_stands_for_its_body(title):
    assert name_at_start(f"{title} Sở Tài chính chủ trì") == "Sở Tài chính"


@pytest.mark.parametrize("title", words("office_holder_titles"))
def test_office_holder_title_is_left_out_of_the_name(title):
    assert name_at_start(f"{title} Sở Tài chính chủ trì", bodies=False) == "Sở Tài chính"


@pytest.mark.parametrize("title", words("position_titles"))
def test_position_title_in_the_closing_formula(title):
    kept = DATA["titles_keeping_office"].get(title.lower())
    assert body_of(f"{title} Sở Tài chính") == (f"{kept} Sở Tài chính" if kept else "Sở Tài chính")


@pytest.mark.parametrize("title", [k for k in DATA["titles_keeping_office"] if not k.startswith("_")])
def test_title_keeping_office(title):
    TESTED.add("titles_keeping_office")
    assert body_of(f"{capitalised(title)} UBND tỉnh") == f"{DATA['titles_keeping_office'][title]} UBND tỉnh"


# --- lines and formulas --------------------------------------------------------------------------------


@pytest.mark.parametrize("role", words("field_roles"))
def test_field_role(role):
    text = f"1. Rà soát kế hoạch năm 2024.\n- Cơ quan {role}: Sở Y tế.\n"
    got = [(a.agency, a.role, a.rule) for a in run(text)]
    assert got == [("Sở Y tế", "support" if role == "phối hợp" else "lead", "field")]


@pytest.mark.parametrize("body", words("field_bodies"))
def test_field_body(body):
    got = [(a.agency, a.rule) for a in run(f"1. Rà soát kế hoạch năm 2024.\n- {body} chủ trì: Sở Y tế.\n")]
    assert got == [("Sở Y tế", "field")]


@pytest.mark.parametrize("role", words("field_roles_alone"))
def test_field_role_alone(role):
    got = [(a.agency, a.role, a.rule) for a in run(f"1. Rà soát kế hoạch năm 2024.\n- {role}: Sở Y tế.\n")]
    assert got == [("Sở Y tế", "support" if role == "Phối hợp" else "lead", "field")]


@pytest.mark.parametrize("noun", words("task_list_nouns"))
def test_task_list_noun_makes_the_items_after_it_the_tasks(noun):
    text = f"Yêu cầu Sở Y tế thực hiện một số {noun} sau:\n1. Rà soát kế hoạch.\n2. Tổng hợp kết quả.\n"
    assert [a.task for a in run(text) if a.agency == "Sở Y tế"] == ["thực hiện các nội dung 1-2"]


@pytest.mark.parametrize("doc", words("executes_documents"))
def test_closing_formula_names_the_document(doc):
    text = f"Điều 3. Giám đốc Sở Y tế chịu trách nhiệm thi hành {doc} này./.\n"
    assert [(a.agency, a.role) for a in run(text, "QĐ")] == [("Sở Y tế", "executes")]


@pytest.mark.parametrize("period", words("recurrence_periods"))
def test_recurrence_period(period):
    assert recurrence_in(f"định kỳ hàng {period} báo cáo kết quả") == f"hàng {period}"


@pytest.mark.parametrize("cue", words("deadline_cues"))
def test_deadline_cue(cue):
    assert deadline_in(f"hoàn thiện hồ sơ {cue} ngày 15/4/2024") == "2024-04-15"
    assert deadline_in("hoàn thiện hồ sơ năm ngày 15/4/2024") is None


def report_to(text: str) -> str | None:
    found = [a for a in run(text) if a.agency == "Sở Tài chính"]
    assert len(found) == 1
    return found[0].report_to


@pytest.mark.parametrize("prep", words("report_prepositions"))
def test_report_preposition_names_the_recipient(prep):
    assert report_to(f"Sở Tài chính chủ trì rà soát, báo cáo kết quả {prep} Ủy ban nhân dân tỉnh.") == "Ủy ban nhân dân tỉnh"


@pytest.mark.parametrize("word", words("report_not_recipients"))
def test_report_subject_is_no_recipient(word):
    assert report_to(f"Sở Tài chính chủ trì rà soát, báo cáo về {word} thực hiện nhiệm vụ.") is None


RECIPIENTS = {
    "Chủ tịch": "Chủ tịch Ủy ban nhân dân tỉnh", "Thủ tướng": "Thủ tướng Chính phủ", "Ủy ban": "Ủy ban nhân dân tỉnh",
    "Uỷ ban": "Uỷ ban nhân dân tỉnh", "UBND": "UBND tỉnh", "Ban": "Ban Dân tộc tỉnh", "Bộ": "Bộ Y tế", "Sở": "Sở Y tế",
    "Thường trực": "Thường trực Tỉnh ủy", "HĐND": "HĐND tỉnh", "Hội đồng": "Hội đồng nhân dân tỉnh",
}


@pytest.mark.parametrize("word", words("report_direct_recipients"))
def test_report_direct_recipient(word):
    name = RECIPIENTS[word]
    assert report_to(f"Sở Tài chính chủ trì rà soát và báo cáo {name} trước ngày 15/4/2024.") == name


@pytest.mark.parametrize("verb", words("own_task_verbs"))
def test_own_task_after_the_partners_makes_a_lead(verb):
    text = f"IV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế\n\n- Phối hợp với Sở Tài chính {verb} các nội dung của kế hoạch.\n"
    assert roles(text) == {("Sở Y tế", "lead")}
    alone = "IV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế\n\n- Phối hợp với Sở Tài chính trong việc thực hiện kế hoạch.\n"
    assert roles(alone) == {("Sở Y tế", "support")}


@pytest.mark.parametrize("cue", words("quarter_cues"))
def test_quarter_cue_makes_the_quarter_a_deadline(cue):
    assert deadline_in(f"trình Ủy ban nhân dân tỉnh {cue} quý III/2025") == "2025-09"
    assert deadline_in("kết quả quý III/2025 đạt 90%") is None


@pytest.mark.parametrize("cue", words("day_cues"))
def test_day_cue_makes_a_full_day_a_deadline(cue):
    assert deadline_in(f"gửi báo cáo về Văn phòng Chính phủ {cue} ngày 11 tháng 01 năm 2026") == "2026-01-11"
    assert deadline_in(f"gửi báo cáo về Văn phòng Chính phủ {cue} ngày 11/01/2026") == "2026-01-11"
    assert deadline_in(f"báo cáo Thủ tướng Chính phủ kết quả thực hiện {cue} tháng 12 năm 2025") == "2025-12"
    # a year after it is the period of the work, not its deadline
    assert deadline_in(f"tổ chức thực hiện {cue} năm 2026") is None
    assert deadline_in("gửi báo cáo về Văn phòng Chính phủ ngày 11/01/2026") is None


@pytest.mark.parametrize("verb", words("closing_submissions"))
def test_closing_submission_gives_its_deadline_to_the_tasks_before_it(verb):
    text = ("Kính gửi:\n- Sở Y tế;\n- Sở Tài chính.\n\n"
            "Ủy ban nhân dân tỉnh đề nghị Sở Y tế, Sở Tài chính rà soát số liệu theo phụ lục kèm theo.\n\n"
            f"Ý kiến xin {verb} Văn phòng Ủy ban nhân dân tỉnh trước ngày 11/02/2025.\n\n"
            "Trân trọng./.\n")
    got = {(a.agency, a.deadline) for a in run(text, "CV")}
    assert got == {("Sở Y tế", "2025-02-11"), ("Sở Tài chính", "2025-02-11")}
    # a deadline of its own stays; a dated sentence that sends nothing gives none
    own = text.replace("kèm theo.", "kèm theo, hoàn thành trước ngày 31/12/2024.")
    assert {a.deadline for a in run(own, "CV")} == {"2024-12-31"}
    told = text.replace(f"Ý kiến xin {verb} Văn phòng Ủy ban nhân dân tỉnh trước ngày 11/02/2025.",
                        "Hội nghị tổng kết đã diễn ra trước ngày 11/02/2025.")
    assert {a.deadline for a in run(told, "CV")} == {None}


@pytest.mark.parametrize("intro", words("topic_intros"))
def test_topic_intro_names_the_assignee(intro):
    text = f"IV. TỔ CHỨC THỰC HIỆN\n\n{capitalised(intro)} Sở Y tế, Sở Công Thương, tổ chức kiểm tra an toàn thực phẩm.\n"
    assert roles(text, "KH") == {("Sở Y tế", "lead"), ("Sở Công Thương", "lead")}
    # a topic with no task after it gives none
    assert roles(f"{capitalised(intro)} Sở Y tế, kết quả năm 2024 đạt 90%.\n", "KH") == set()


@pytest.mark.parametrize("word", words("name_qualifiers"))
def test_name_qualifier_is_part_of_the_name(word):
    text = f"Điều 4. Sở Y tế ({word}), Sở Tài chính\n({word}) có trách nhiệm chuyển giao toàn bộ hồ sơ.\n"
    assert roles(text, "QĐ") == {(f"Sở Y tế ({word})", "lead"), (f"Sở Tài chính ({word})", "lead")}


@pytest.mark.parametrize("phrase", words("leading_adverbials"))
def test_leading_adverbial_is_read_past(phrase):
    text = f"Điều 5. {capitalised(phrase)} kết thúc đợt kiểm tra, Ban Chỉ đạo tỉnh có trách nhiệm tổng hợp kết quả.\n"
    assert roles(text, "QĐ") == {("Ban Chỉ đạo tỉnh", "lead")}
    assert roles(f"Điều 5. {capitalised(phrase)} kết thúc đợt kiểm tra, kết quả được công bố công khai.\n", "QĐ") == set()


def test_leading_adverbial_gives_the_recurrence():
    got = run("Điều 5. Hằng năm, Sở Y tế có trách nhiệm tổng hợp, báo cáo kết quả về Ủy ban nhân dân tỉnh.\n", "QĐ")
    assert [(a.agency, a.recurrence) for a in got] == [("Sở Y tế", "hằng năm")]


@pytest.mark.parametrize("summary", words("closing_summaries"))
def test_closing_summary_asks_the_agency_it_is_sent_to(summary):
    text = f"Kính gửi: Sở Nội vụ\n\nSở Tư pháp thống nhất với dự thảo.\n\n{capitalised(summary)} ý kiến góp ý của Sở Tư pháp, gửi Sở Nội vụ\ntổng hợp./.\n"
    assert [(a.agency, a.role, a.task) for a in run(text, "CV")] == [("Sở Nội vụ", "lead", "tổng hợp")]
    # sent for information only: no task
    assert roles(f"{capitalised(summary)} báo cáo của Sở Y tế, gửi Sở Nội vụ và Sở Tài chính biết./.\n") == set()


@pytest.mark.parametrize("place", words("partner_places"))
def test_partner_place_is_read_past_to_the_own_task(place):
    text = f"IV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế phối hợp chặt chẽ với {capitalised(place)} để nghiên cứu, xử lý các kiến nghị.\n"
    assert roles(text) == {("Sở Y tế", "lead")}
    alone = f"IV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế phối hợp chặt chẽ với {capitalised(place)} trong quá trình thực hiện.\n"
    assert roles(alone) == {("Sở Y tế", "support")}


def test_closing_sentence_before_the_tasks_gives_no_deadline():
    text = ("Ý kiến xin gửi về Văn phòng Ủy ban nhân dân tỉnh trước ngày 11/02/2025.\n\n"
            "Ủy ban nhân dân tỉnh đề nghị Sở Y tế rà soát số liệu theo phụ lục kèm theo.\n")
    assert {a.deadline for a in run(text, "CV")} == {None}


@pytest.mark.parametrize("source", words("quoted_sources"))
def test_request_of_a_cited_document_is_recounted(source):
    text = f"Ngày 21/10/2024, Sở Nội vụ có {capitalised(source)} số 29/SNV đề nghị Sở Y tế rà soát danh sách.\n"
    assert roles(text, "CV") == set()
    assert roles("Sở Nội vụ đề nghị Sở Y tế rà soát danh sách.\n", "CV") == {("Sở Y tế", "lead")}


@pytest.mark.parametrize("start", words("duty_heading_starts"))
def test_duty_heading_start_gives_the_items_below(start):
    text = f"Điều 5. {capitalised(start)} Sở Xây dựng\n1. Chủ trì rà soát quy hoạch.\n2. Hướng dẫn các xã thực hiện.\n"
    assert ("Sở Xây dựng", "lead") in roles(text, "QĐ")


@pytest.mark.parametrize("end", words("duty_heading_ends"))
def test_duty_heading_end_gives_the_items_below(end):
    text = f"Sở Xây dựng {end}:\n- Rà soát quy hoạch chung.\n- Hướng dẫn các xã thực hiện.\n"
    assert ("Sở Xây dựng", "lead") in roles(text)


@pytest.mark.parametrize("word", words("addressee_words"))
def test_request_to_the_addressees(word):
    text = ("Kính gửi:\n- Sở Y tế;\n- Sở Tài chính.\n\n"
            f"Đề nghị {word} rà soát danh sách, báo cáo kết quả.\n")
    assert roles(text, "CV") == {("Sở Y tế", "lead"), ("Sở Tài chính", "lead")}


@pytest.mark.parametrize("word", words("members_intro"))
def test_members_named_alone_under_an_intro(word):
    text = f"Giao các cơ quan, đơn vị {word} thực hiện rà soát:\n- Sở Y tế;\n- Sở Tài chính.\n"
    assert roles(text, "CV") == {("Sở Y tế", "lead"), ("Sở Tài chính", "lead")}


@pytest.mark.parametrize("verb", words("directing_verbs"))
def test_the_body_directed_leads(verb):
    text = f"Ủy ban nhân dân tỉnh {verb} Sở Y tế chủ trì rà soát danh sách.\n"
    assert ("Sở Y tế", "lead") in roles(text, "CV")


def matrix(column: str, label: str) -> str:
    head = {"lead": "Cơ quan chủ trì", "partner": "Cơ quan phối hợp", "time": "Thời gian", "task": "Nội dung"}
    head[column] = capitalised(label)
    return (f"| TT | {head['task']} | {head['lead']} | {head['partner']} | {head['time']} |\n|---|---|---|---|---|\n"
            "| 1 | Rà soát quy hoạch | Sở Xây dựng | Sở Tài chính | Quý III/2025 |\n")


@pytest.mark.parametrize("column", ["lead", "partner", "time", "task"])
def test_task_matrix_column_labels(column):
    for label in words(f"table_{column}_columns"):
        got = [(a.agency, a.task, a.partners, a.deadline) for a in run(matrix(column, label), "KH") if a.rule == "table"]
        assert got == [("Sở Xây dựng", "Rà soát quy hoạch", ["Sở Tài chính"], "2025-09")], label


@pytest.mark.parametrize("word", words("table_ends"))
def test_table_end(word):
    text = ("TT\nNhiệm vụ\nCơ quan chủ trì\n1\nRà soát quy hoạch.\nSở Xây dựng\n"
            f"{word} khác\n2\nKiểm tra.\nSở Tài chính\n")
    got = [a.agency for a in run(text, "KH") if a.rule == "table"]
    assert got == ["Sở Xây dựng"]


@pytest.mark.parametrize("word", words("function_asides"))
def test_function_aside_is_skipped_before_the_duty(word):
    text = f"IV. TỔ CHỨC THỰC HIỆN\n\nSở Y tế {word} chức năng, nhiệm vụ được giao phối hợp thực hiện kế hoạch.\n"
    assert roles(text) == {("Sở Y tế", "support")}


def test_every_list_is_tested():
    lists = {k for k in DATA if not k.startswith("_")}
    assert lists == TESTED


def test_every_list_is_described():
    for key, value in DATA.items():
        if not key.startswith("_"):
            assert value.get("_about"), key
