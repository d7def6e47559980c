"""Dates of effect and expiry, and what a document does to others: invented sentences,
one per form, through the real pipeline."""
from __future__ import annotations

import pytest

from vanban.extractors.pipeline import extract_text


def decision(body: str, *, number: str = "12/2024/QĐ-UBND", date: str = "ngày 05 tháng 3 năm 2024",
             kind: str = "QUYẾT ĐỊNH", bases: str = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;") -> str:
    return (f"ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: {number}\nNghệ An, {date}\n\n{kind}\nVề việc ban hành quy định\n\n"
            f"{bases}\n\nQUYẾT ĐỊNH:\n{body}\n")


EFFECTIVE = [
    ("Điều 3. Quyết định này có hiệu lực kể từ ngày ký.", "2024-03-05", "signing"),
    ("Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.", "2024-03-05", "signing"),
    ("Điều 3. Quyết định này có hiệu lực từ ngày ký.", "2024-03-05", "signing"),
    ("Điều 3. Quyết định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025.", "2025-07-01", "date"),
    ("Điều 3. Quyết định này có hiệu lực kể từ ngày 15/3/2023.", "2023-03-15", "date"),
    ("Điều 3. Quyết định này có hiệu lực thi hành sau 10 ngày kể từ ngày ký.", "2024-03-15", "after_days"),
    ("Điều 3. Quyết định này có hiệu lực thi hành sau 15 ngày, kể từ ngày ký.", "2024-03-20", "after_days"),
    ("Điều 3. Quyết định này có hiệu lực kể từ ngày ban hành.", "2024-03-05", "issue"),
    ("Điều 3. Quy định này có hiệu lực kể từ ngày 01/4/2024.", "2024-04-01", "date"),
    ("Điều 3. Hiệu lực thi hành\n1. Quyết định này có hiệu lực thi hành kể từ ngày 20 tháng 3 năm 2024.", "2024-03-20", "date"),
    ("Điều 3. Quyết định này có hiệu lực sau mười ngày kể từ ngày ký.", "2024-03-15", "after_days"),
    ("Điều 3. Quyết định này có hiệu lực thi hành sau bốn mươi lăm ngày kể từ ngày ký.", "2024-04-19", "after_days"),
    # the own type word alone, opening the article or a sentence
    ("Điều 3. Quyết định có hiệu lực kể từ ngày ký và thay thế Quyết định số 7/2020/QĐ-UBND.", "2024-03-05", "signing"),
    ("Điều 3. Tổ chức thực hiện\nQuyết định có hiệu lực thi hành từ ngày 01/4/2024.", "2024-04-01", "date"),
    ("Điều 3. Quyết định này có hiệu lực thi hành sau mười lăm ngày kể từ ngày ký.", "2024-03-20", "after_days"),
    # hard-wrapped lines, markdown bold around the article number
    ("Điều 3. Quyết định này có hiệu lực\nthi hành kể từ\nngày 01 tháng 7\nnăm 2025.", "2025-07-01", "date"),
    ("**Điều 3.** Quyết định có hiệu lực kể từ ngày ký.", "2024-03-05", "signing"),
    # OCR reads "kể" as "kế" or "kê"
    ("Điều 2. Quyết định này có hiệu lực thi hành kế từ ngày ký ban hành.", "2024-03-05", "signing"),
    ("Điều 2. Quyết định này có hiệu lực thi hành kê từ ngày 01/4/2024.", "2024-04-01", "date"),
    # the clause sets the date and replaces another in one sentence
    ("Điều 3. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 7/2020/QĐ-UBND.", "2024-03-05", "signing"),
    # a numbered "Hiệu lực thi hành" article, with the other document's end after it
    ("Điều 4. Hiệu lực thi hành\n1. Quyết định này có hiệu lực từ ngày 01 tháng 5 năm 2024.\n2. Quyết định số "
     "7/2020/QĐ-UBND hết hiệu lực kể từ ngày Quyết định này có hiệu lực.", "2024-05-01", "date"),
    # the decision's own date, not the one of the regulation it issues
    ("Điều 1. Ban hành kèm theo Quyết định này Quy định về quản lý chợ.\nĐiều 2. Quyết định này có hiệu lực kể từ "
     "ngày 15 tháng 3 năm 2024.\n\nQUY ĐỊNH\nĐiều 10. Quy định này có hiệu lực từ ngày 01 tháng 5 năm 2024.", "2024-03-15", "date"),
    # the regulation's date when the decision has none of its own
    ("Điều 1. Ban hành kèm theo Quyết định này Quy định về quản lý chợ.\n\nQUY ĐỊNH\nĐiều 10. Hiệu lực\n"
     "Quy định này có hiệu lực từ ngày 01 tháng 5 năm 2024.", "2024-05-01", "date"),
]


@pytest.mark.parametrize("body, expected, rule", EFFECTIVE)
def test_effective_date_forms(body, expected, rule):
    rec = extract_text(decision(body))
    assert rec.effective_date == expected
    assert rec.effective_clause.rule == rule
    a, b = rec.effective_clause.span
    assert "hiệu lực" in rec.text[a:b] and rec.effective_clause.text.startswith(rec.text[a:b].strip()[:10])


_ADOPTED = "Nghị quyết này đã được Hội đồng nhân dân tỉnh khóa XVIII, kỳ họp thứ 20 thông qua ngày 10 tháng 12 năm 2024"
# (body, effective date, rule) of a resolution issued on 12/12/2024
RESOLUTION = [
    (f"Điều 3. {_ADOPTED} và có hiệu lực kể từ ngày thông qua.", "2024-12-10", "adoption"),
    (f"Điều 3. {_ADOPTED} và có hiệu lực từ ngày 01 tháng 01 năm 2025./.", "2025-01-01", "date"),
    (f"Điều 3. {_ADOPTED} và có hiệu lực thi hành sau 10 ngày kể từ ngày thông qua.", "2024-12-20", "after_days"),
    # the adoption said in a sentence of its own
    (f"Điều 3. Nghị quyết này có hiệu lực từ ngày được thông qua.\n{_ADOPTED}.", "2024-12-10", "adoption"),
    (f"Điều 3. Nghị quyết này có hiệu lực kể từ ngày Hội đồng nhân dân tỉnh thông qua.\n{_ADOPTED}.", "2024-12-10", "adoption"),
    (f"Điều 3. Nghị quyết này có hiệu lực kể từ ngày được Hội đồng nhân dân tỉnh khóa XVIII, kỳ họp thứ 20 thông qua."
     f"\n{_ADOPTED}.", "2024-12-10", "adoption"),
    # no adoption printed: the date of issue
    ("Điều 3. Nghị quyết này có hiệu lực từ ngày được thông qua.", "2024-12-12", "adoption"),
    ("Điều 3. Nghị quyết này có hiệu lực kể từ ngày ký ban hành.", "2024-12-12", "signing"),
]


@pytest.mark.parametrize("body, expected, rule", RESOLUTION)
def test_effective_date_of_a_resolution(body, expected, rule):
    rec = extract_text(decision(body, number="45/2024/NQ-HĐND", kind="NGHỊ QUYẾT", date="ngày 12 tháng 12 năm 2024"))
    assert (rec.doc_type, rec.effective_date, rec.effective_clause.rule) == ("NQ", expected, rule)


SILENT = [
    "Điều 3. Các sở, ngành chịu trách nhiệm thi hành Quyết định này.",
    # names the date of effect, does not set it
    "Điều 3. Các hồ sơ đã nộp trước ngày Quyết định này có hiệu lực thì giải quyết theo quy định cũ.",
    # another document's date, quoted
    "Điều 3. Nghị định số 13/2023/NĐ-CP có hiệu lực từ ngày 01/7/2023.",
    # another type's word alone is another document
    "Điều 3. Nghị định có hiệu lực từ ngày 01/7/2023 được áp dụng cho các hồ sơ mới.",
    # the own type word inside a sentence, not opening it, is some other decision
    "Điều 3. Các hồ sơ theo Quyết định có hiệu lực từ ngày 01/7/2023 được giữ nguyên.",
    # a plan's period is no date of effect or expiry
    "Điều 3. Thực hiện Kế hoạch giai đoạn 2021-2025.",
    # applies to something from a date: not the date of effect
    "Điều 3. Quyết định này có hiệu lực thi hành và áp dụng cho các tờ khai nộp từ ngày 1/1/2003.",
    # counted from a day the text does not give (publication in the Gazette)
    "Điều 2. Quyết định này có hiệu lực thi hành sau 15 ngày, kể từ ngày đăng Công báo.",
]


@pytest.mark.parametrize("body", SILENT)
def test_silence_gives_no_date(body):
    rec = extract_text(decision(body))
    assert rec.effective_date is None and rec.expiry_date is None


def test_effective_after_days_needs_a_full_issued_date():
    rec = extract_text(decision("Điều 3. Quyết định này có hiệu lực sau 10 ngày kể từ ngày ký.", date="ngày   tháng 3 năm 2024"))
    assert rec.effective_date is None and rec.effective_clause is not None and rec.effective_clause.rule == "after_days"


def test_quoted_decree_in_a_letter_sets_nothing():
    text = ("BỘ NỘI VỤ\nSố: 123/BNV-TCBC\nHà Nội, ngày 05 tháng 3 năm 2024\n\nKính gửi: Ủy ban nhân dân các tỉnh\n\n"
            "Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2024 đến hết ngày 31 tháng 12 năm 2025.\n")
    rec = extract_text(text)
    assert rec.doc_type == "CV" and rec.effective_date is None and rec.expiry_date is None


EXPIRY = [
    ("Điều 3. Quyết định này có hiệu lực từ ngày 01/01/2024 đến hết ngày 31/12/2025.", "2024-01-01", "2025-12-31", "until"),
    ("Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Quyết định này hết hiệu lực kể từ ngày 01 tháng 01 năm 2026.",
     "2024-03-05", "2026-01-01", "date"),
    ("Điều 3. Quyết định này có hiệu lực kể từ ngày 20/3/2024 và hết hiệu lực ngày 31/12/2026.", "2024-03-20", "2026-12-31", "date"),
    ("Điều 3. Quyết định này có hiệu lực kể từ ngày ký và hết hiệu lực thi hành kể từ ngày 01/01/2027.",
     "2024-03-05", "2027-01-01", "date"),
    # the clause after ";" has the same subject
    ("Điều 3. Quyết định này có hiệu lực kể từ ngày ký; hết hiệu lực kể từ ngày 31/12/2025.", "2024-03-05", "2025-12-31", "date"),
    ("Điều 3. Quyết định này có hiệu lực từ ngày ký đến hết ngày 31 tháng 12 năm 2025.", "2024-03-05", "2025-12-31", "until"),
    # an end with no start
    ("Điều 3. Quyết định này có hiệu lực đến hết ngày 31 tháng 12 năm 2025.", None, "2025-12-31", "until"),
]


def test_another_documents_end_in_the_same_sentence_is_not_this_ones():
    rec = extract_text(decision("Điều 3. Quyết định này có hiệu lực kể từ ngày ký, Quyết định số 12/2019/QĐ-UBND "
                                "hết hiệu lực từ ngày 01/5/2024."))
    assert (rec.effective_date, rec.expiry_date) == ("2024-03-05", None)


@pytest.mark.parametrize("body, effective, expiry, rule", EXPIRY)
def test_expiry_date(body, effective, expiry, rule):
    rec = extract_text(decision(body))
    assert (rec.effective_date, rec.expiry_date, rec.expiry_clause.rule) == (effective, expiry, rule)


# (clause, number, relation, scope, pinpoints, date)
EFFECTS = [
    ("Điều 3. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 16/2009/QĐ-UBND ngày 24/6/2009 của UBND tỉnh.",
     "16/2009/QĐ-UBND", "replaces", "whole", [], "2024-03-05"),
    ("Điều 2. Bãi bỏ khoản 2 Điều 3 Quyết định số 20/2019/QĐ-UBND ngày 01/4/2019 của UBND tỉnh.\n"
     "Điều 3. Quyết định này có hiệu lực từ ngày 01/4/2024.",
     "20/2019/QĐ-UBND", "repeals", "part", ["khoản 2 Điều 3"], "2024-04-01"),
    ("Điều 2. Bãi bỏ Quyết định số 21/2019/QĐ-UBND ngày 01/4/2019 của UBND tỉnh.",
     "21/2019/QĐ-UBND", "repeals", "whole", [], None),
    ("Điều 1. Sửa đổi, bổ sung một số điều của Quy định ban hành kèm theo Quyết định số 15/2022/QĐ-UBND ngày 30/3/2022.",
     "15/2022/QĐ-UBND", "amends", "whole", [], None),
    ("Điều 1. Sửa đổi khoản 1 Điều 5 Quyết định số 15/2022/QĐ-UBND ngày 30/3/2022 như sau:",
     "15/2022/QĐ-UBND", "amends", "part", ["khoản 1 Điều 5"], None),
    ("Điều 1. Quy định này hướng dẫn thi hành Nghị định số 34/2016/NĐ-CP ngày 14/5/2016 của Chính phủ.",
     "34/2016/NĐ-CP", "guides", "whole", [], None),
    ("Điều 1. Tạm đình chỉ thi hành Quyết định số 30/2023/QĐ-UBND ngày 01/6/2023 kể từ ngày 10/3/2024.",
     "30/2023/QĐ-UBND", "suspends", "whole", [], "2024-03-10"),
    ("Điều 1. Tạm ngưng hiệu lực Điều 4 Quyết định số 31/2023/QĐ-UBND ngày 01/6/2023.",
     "31/2023/QĐ-UBND", "suspends", "part", ["Điều 4"], None),
    ("Điều 3. Quyết định này có hiệu lực từ ngày 01/5/2024.\nQuyết định số 40/2020/QĐ-UBND ngày 01/6/2020 của UBND tỉnh hết hiệu lực kể từ ngày Quyết định này có hiệu lực thi hành.",
     "40/2020/QĐ-UBND", "repeals", "whole", [], "2024-05-01"),
    ("Điều 3. Quyết định này có hiệu lực từ ngày 01/5/2024 và thay thế:\n- Điều 14, 18 Quyết định số 15/2022/QĐ-UBND ngày 30/3/2022;\n- Điều 3 Quyết định số 07/2022/QĐ-UBND ngày 01/3/2022.",
     "07/2022/QĐ-UBND", "replaces", "part", ["Điều 3"], "2024-05-01"),
    # a numbered list the clause opens: every item
    ("Điều 2. Bãi bỏ các văn bản sau:\n1. Quyết định số 15/2022/QĐ-UBND ngày 30/3/2022 của UBND tỉnh về quản lý chợ.\n"
     "2. Quyết định số 07/2022/QĐ-UBND ngày 01/3/2022 của UBND tỉnh về phí.\nĐiều 3. Quyết định này có hiệu lực kể từ ngày ký.",
     "07/2022/QĐ-UBND", "repeals", "whole", [], None),
    # the passive with several subjects: each of them
    ("Điều 3. Quyết định này có hiệu lực kể từ ngày 01/7/2024. Các Quyết định số 15/2022/QĐ-UBND và 07/2022/QĐ-UBND hết hiệu lực.",
     "07/2022/QĐ-UBND", "repeals", "whole", [], None),
    ("Điều 3. Quyết định này có hiệu lực kể từ ngày 01/7/2024. Quyết định số 15/2022/QĐ-UBND và Quyết định số 07/2022/QĐ-UBND "
     "hết hiệu lực kể từ ngày Quyết định này có hiệu lực.", "07/2022/QĐ-UBND", "repeals", "whole", [], None),
    # a list "các Quyết định số A, B và C"
    ("Điều 3. Quyết định này có hiệu lực kể từ ngày 01/01/2025 và thay thế các Quyết định số 15/2022/QĐ-UBND, "
     "07/2022/QĐ-UBND và 33/2021/QĐ-UBND của UBND tỉnh.", "33/2021/QĐ-UBND", "replaces", "whole", [], None),
    # "Thông tư này hướng dẫn …", "Nghị định này quy định chi tiết …"
    ("Điều 1. Quy định này quy định chi tiết khoản 3 Điều 10 Nghị định số 32/2008/NĐ-CP ngày 19/3/2008 của Chính phủ.",
     "32/2008/NĐ-CP", "guides", "part", ["khoản 3 Điều 10"], None),
    # the rows of a table the clause opens (cells on lines of their own, as tables are read)
    ("Điều 1. Bãi bỏ toàn bộ 02 văn bản do Ủy ban nhân dân tỉnh ban hành, cụ thể:\n| STT | Tên văn bản |\n"
     "| 1 | Quyết định số 15/2022/QĐ-UBND ngày 30/3/2022 về quản lý chợ |\n| 2 | Quyết định số 07/2022/QĐ-UBND ngày "
     "01/3/2022 về phí |\nĐiều 2. Quyết định này có hiệu lực kể từ ngày 15 tháng 3 năm 2024.",
     "07/2022/QĐ-UBND", "repeals", "whole", [], None),
    # two verbs with one subject
    ("Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký, thay thế Quyết định số 1234/QĐ-UBND ngày 20/5/2020 "
     "và bãi bỏ Quyết định số 1235/QĐ-UBND ngày 21/5/2020.", "1235/QĐ-UBND", "repeals", "whole", [], None),
    ("Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký, thay thế Quyết định số 1234/QĐ-UBND ngày 20/5/2020 "
     "và bãi bỏ Quyết định số 1235/QĐ-UBND ngày 21/5/2020.", "1234/QĐ-UBND", "replaces", "whole", [], None),
    # supplements an article, adjusts
    ("Điều 1. Bổ sung Điều 5a vào Quyết định số 1234/QĐ-UBND ngày 20/5/2020 như sau:", "1234/QĐ-UBND", "amends", "whole", [], None),
    ("Điều 1. Điều chỉnh, bổ sung Quyết định số 1234/QĐ-UBND ngày 20/5/2020 của UBND tỉnh như sau:",
     "1234/QĐ-UBND", "amends", "whole", [], None),
    # the enacting formula names the document
    ("Ủy ban nhân dân tỉnh ban hành Quyết định sửa đổi, bổ sung một số điều của Quyết định số 15/2022/QĐ-UBND ngày "
     "30/3/2022.\nĐiều 1. Sửa đổi khoản 2 Điều 3 như sau:", "15/2022/QĐ-UBND", "amends", "whole", [], None),
]


@pytest.mark.parametrize("body, number, relation, scope, pinpoints, date", EFFECTS)
def test_effect_verbs(body, number, relation, scope, pinpoints, date):
    rec = extract_text(decision(body))
    found = [e for e in rec.effects if e.number == number]
    assert [(e.relation, e.scope, e.pinpoints) for e in found] == [(relation, scope, pinpoints)]
    assert found[0].date == (date or rec.effective_date)
    # the reference says the same: one reading of what the document does
    assert [r.relation for r in rec.references if r.number == number] == [relation]


NO_EFFECT = [
    # another document is the subject of the verb
    "Điều 2. Giao Sở Tư pháp hướng dẫn thực hiện Quyết định số 50/2020/QĐ-UBND ngày 01/6/2020.",
    "Điều 2. Quyết định số 50/2020/QĐ-UBND được sửa đổi, bổ sung bởi Quyết định số 51/2021/QĐ-UBND.",
    # a proposal, not an act
    "Điều 2. Sở Tư pháp đề xuất sửa đổi, bổ sung Quyết định số 50/2020/QĐ-UBND ngày 01/6/2020.",
    # a budget supplement is no amendment
    "Điều 2. Bổ sung 2.615 tỷ đồng theo Nghị quyết số 196/2025/QH15 ngày 17/6/2025.",
]


@pytest.mark.parametrize("body", NO_EFFECT)
def test_no_effect_when_the_document_does_not_act(body):
    assert extract_text(decision(body)).effects == []


DESCRIBED = [
    "Điều 2. Bãi bỏ Quyết định số 20/2019/QĐ-UBND ngày 01/4/2019 của UBND tỉnh về việc ban hành quy chế theo "
    "Nghị định số 32/2008/NĐ-CP ngày 19/3/2008.",
    "Điều 3. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 20/2019/QĐ-UBND ngày 01/4/2019 của UBND "
    "tỉnh về việc sửa đổi Quyết định số 07/2018/QĐ-UBND.",
    "Điều 3. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 20/2019/QĐ-UBND ngày 01/4/2019 của UBND "
    "tỉnh quy định chi tiết Nghị định số 32/2008/NĐ-CP.",
    "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Quyết định số 20/2019/QĐ-UBND ngày 01/4/2019 về việc thực hiện "
    "Nghị định số 32/2008/NĐ-CP hết hiệu lực.",
    # the new wording an amendment quotes is no list of documents it acts on
    "Điều 1. Sửa đổi, bổ sung Điều 5 Quyết định số 20/2019/QĐ-UBND ngày 01/4/2019 như sau:\n"
    "\"Điều 5. Hồ sơ\nHồ sơ gồm các giấy tờ\n- Tờ khai theo mẫu\n- Giấy tờ theo Nghị định số 32/2008/NĐ-CP.\"",
    # a verb in what describes the document acted on
    "Điều 3. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 20/2019/QĐ-UBND ngày 01/4/2019 về việc "
    "sửa đổi và bãi bỏ một số điều của Quyết định số 07/2018/QĐ-UBND.",
    # another body's law in a letter-like clause: the enacting formula of another type
    "Điều 1. Chính phủ đã ban hành Nghị định sửa đổi Nghị định số 32/2008/NĐ-CP; bãi bỏ Quyết định số 20/2019/QĐ-UBND.",
]


@pytest.mark.parametrize("body", DESCRIBED)
def test_a_described_document_is_not_acted_on(body):
    rec = extract_text(decision(body))
    assert [e.number for e in rec.effects] == ["20/2019/QĐ-UBND"]
    typed = {r.number: r.relation for r in rec.references if r.relation not in ("basis", "cites")}
    assert list(typed) == ["20/2019/QĐ-UBND"]


def test_two_documents_replaced_in_one_clause():
    rec = extract_text(decision(
        "Điều 3. Quyết định này có hiệu lực thi hành sau 10 ngày, kể từ ngày ký và thay thế Quyết định số "
        "16/2009/QĐ-UBND ngày 24/6/2009 về việc quy định chính sách hỗ trợ và Quyết định số 61/2012/QĐ-UBND ngày "
        "17/12/2012 sửa đổi, bổ sung một số điều của Quyết định 16/2009/QĐ-UBND ngày 24/6/2009."))
    assert [(e.number, e.relation, e.date) for e in rec.effects] == [
        ("16/2009/QĐ-UBND", "replaces", "2024-03-15"), ("61/2012/QĐ-UBND", "replaces", "2024-03-15")]


def test_every_verb_in_one_document():
    rec = extract_text(decision(
        "Điều 1: Sửa đổi mức thuế suất ban hành kèm theo Quyết định số 1803/1998/QĐ/BTC ngày 11/12/1998.\n"
        "Điều 2. Quyết định này có hiệu lực từ ngày ký và thay thế: Điều 3 Quyết định số 15/2022/QĐ-UBND ngày 30/3/2022; "
        "Điều 8 Quyết định số 33/2021/QĐ-UBND ngày 31/12/2021.\n"
        "Điều 3. Bãi bỏ Quyết định số 57/2005/QĐ-UB ngày 17/6/2005.\n"
        "Điều 4. Hướng dẫn thi hành Nghị định số 20/2021/NĐ-CP ngày 15/3/2021.\n"))
    expected = {"1803/1998/QĐ/BTC": "amends", "15/2022/QĐ-UBND": "replaces", "33/2021/QĐ-UBND": "replaces",
                "57/2005/QĐ-UB": "repeals", "20/2021/NĐ-CP": "guides"}
    assert {e.number: e.relation for e in rec.effects} == expected
    assert {r.number: r.relation for r in rec.references if r.relation != "basis"} == expected


def test_a_basis_stays_a_basis():
    rec = extract_text(decision("Điều 1. Sửa đổi Điều 2 Quyết định số 7/2020/QĐ-UBND như sau:",
                                bases="Căn cứ Quyết định số 7/2020/QĐ-UBND ngày 01/6/2020 của UBND tỉnh;"))
    assert [(r.number, r.relation) for r in rec.references] == [("7/2020/QĐ-UBND", "basis")]
    assert [(e.number, e.relation) for e in rec.effects] == [("7/2020/QĐ-UBND", "amends")]


@pytest.mark.parametrize("kind, number, body", [
    ("THÔNG TƯ", "05/2024/TT-BTC", "Điều 1. Phạm vi điều chỉnh\nThông tư này hướng dẫn Nghị định số 34/2016/NĐ-CP ngày 14/5/2016."),
    ("NGHỊ ĐỊNH", "10/2024/NĐ-CP", "Nghị định này quy định chi tiết và hướng dẫn thi hành Nghị định số 34/2016/NĐ-CP."),
])
def test_a_decree_or_circular_guides_in_its_own_voice(kind, number, body):
    rec = extract_text(decision(body, number=number, kind=kind))
    assert [(e.number, e.relation) for e in rec.effects] == [("34/2016/NĐ-CP", "guides")]
    assert [r.relation for r in rec.references if r.number == "34/2016/NĐ-CP"] == ["guides"]


def test_another_types_own_voice_is_quoted():
    rec = extract_text(decision("Điều 1. Thông tư này hướng dẫn Nghị định số 34/2016/NĐ-CP ngày 14/5/2016."))
    assert rec.doc_type == "QĐ" and rec.effects == []


# Clause shapes of the tuning documents, in invented variants (issued 05/03/2024).
VARIANTS = [
    ("Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành./.", "2024-03-05", None),
    ("Điều 3. Quyết định này có hiệu lực sau 45 ngày kể từ ngày ký.", "2024-04-19", None),
    # the number in words and figures
    ("Điều 3. Quyết định này có hiệu lực thi hành sau 10 (mười) ngày kể từ ngày ký.", "2024-03-15", None),
    ("Điều 3. Quyết định này có hiệu lực thi hành sau mười (10) ngày kể từ ngày ký.", "2024-03-15", None),
    ("Điều 3. Quyết định này có hiệu lực từ ngày 01/01/2026.", "2026-01-01", None),
    ("Điều 3. Quyết định này có hiệu lực kể từ ngày 15 tháng 3 năm 2024 và thay thế Quyết định số 7/2020/QĐ-UBND.",
     "2024-03-15", None),
    # the article's title on a line, the clause on the next one, with or without a blank line
    ("Điều 3. Hiệu lực thi hành\nQuyết định này có hiệu lực thi hành kể từ ngày 20 tháng 3 năm 2024.", "2024-03-20", None),
    ("Điều 3. Hiệu lực thi hành\n\nQuyết định này có hiệu lực thi hành kể từ ngày 20 tháng 3 năm 2024.", "2024-03-20", None),
    ("Điều 3. Hiệu lực thi hành\n1. Quyết định này có hiệu lực thi hành kể từ ngày 20 tháng 3 năm 2024.\n"
     "2. Quyết định này hết hiệu lực kể từ ngày 31 tháng 12 năm 2025.", "2024-03-20", "2025-12-31"),
    # the attached regulation's own clause is not the decision's
    ("Điều 1. Ban hành kèm theo Quyết định này Quy chế.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\n"
     "QUY CHẾ\nĐiều 12. Quy chế này có hiệu lực từ ngày 01/6/2024.", "2024-03-05", None),
    # an end that depends on another act sets no date
    ("Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Quyết định này hết hiệu lực khi có văn bản thay thế.", "2024-03-05", None),
    ("Điều 3. Quyết định này có hiệu lực kể từ ngày ký và hết hiệu lực khi Quyết định số 5/2025/QĐ-UBND có hiệu lực.",
     "2024-03-05", None),
    # a policy's period in another sentence is not the decision's end
    ("Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký. Chính sách được thực hiện từ ngày 01/01/2024 đến hết "
     "ngày 31/12/2025.", "2024-03-05", None),
    # the decision itself applied until a day: its end
    ("Điều 3. Quyết định này có hiệu lực kể từ ngày 01/01/2025 và được thực hiện đến hết ngày 31/12/2025.",
     "2025-01-01", "2025-12-31"),
    ("Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 01 năm 2025 đến hết ngày 31 tháng 12 năm 2030.",
     "2025-01-01", "2030-12-31"),
    # a part in force later, a start of application: the document's own date stays
    ("Điều 3. Quyết định này có hiệu lực kể từ ngày ký; riêng Điều 2 có hiệu lực từ ngày 01/01/2025.", "2024-03-05", None),
    ("Điều 3. Quyết định này có hiệu lực kể từ ngày ký và áp dụng từ ngày 01/01/2024.", "2024-03-05", None),
    ("Điều 3. Các quy định tại Quyết định này có hiệu lực từ ngày 01/4/2024.", "2024-04-01", None),
    ("Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày\n01 tháng 4 năm 2024.", "2024-04-01", None),
    ("Điều 3. Quyết định này có hiệu lực kể từ ngày 1-4-2024.", "2024-04-01", None),
    # "kí" for "ký"
    ("Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày kí.", "2024-03-05", None),
    ("Điều 3. Quyết định này có hiệu lực thi hành sau 10 ngày kể từ ngày kí ban hành.", "2024-03-15", None),
    # a page or paragraph broken inside the clause
    ("Điều 3. Quyết định này có hiệu lực thi hành kể từ\n\nngày 01 tháng 4 năm 2024.", "2024-04-01", None),
    ("Điều 3. Quyết định này có hiệu lực thi hành\n\nkể từ ngày ký.", "2024-03-05", None),
    ("Điều 3. Quyết định này có hiệu lực thi hành kể từ\n\nngày 01/4/2024.", "2024-04-01", None),
    # a blank line before a new sentence still ends the clause
    ("Điều 3. Quyết định này có hiệu lực thi hành\n\nQuyết định số 7/2020/QĐ-UBND có hiệu lực từ ngày 01/4/2024.", None, None),
]


@pytest.mark.parametrize("body, effective, expiry", VARIANTS)
def test_clause_variants(body, effective, expiry):
    rec = extract_text(decision(body))
    assert (rec.effective_date, rec.expiry_date) == (effective, expiry)


# OCR and keyboards without diacritics: the clause read as if spelled right, its text as printed
DAMAGED = [
    ("Điều 3. Quyết định này có hiệu lục thi hành kể từ ngày ký.", "2024-03-05", "signing"),
    ("Điều 3. Quyết định này có hiệu lưc kể từ ngày ký.", "2024-03-05", "signing"),
    ("Điều 3. Quyết định này có hiêu lực kể từ ngày 01/4/2024.", "2024-04-01", "date"),
    ("Điều 3. Quyết định này cỏ hiệu lực kể tù ngày ký.", "2024-03-05", "signing"),
    ("Điều 3. Quyết định nảy có hiệu lực kể từ ngày ký.", "2024-03-05", "signing"),
    ("Điều 3. Quyết định này có hiệu lực kể từ ngày 01 tháng 4 nãm 2024.", "2024-04-01", "date"),
    ("Điều 3. Quyết định này co hieu luc ke tu ngay ky.", "2024-03-05", "signing"),
    ("Dieu 3. Quyet dinh nay co hieu luc thi hanh ke tu ngay 01/4/2024.", "2024-04-01", "date"),
    ("Dieu 3. Quyet dinh nay co hieu luc sau 10 ngay ke tu ngay ky.", "2024-03-15", "after_days"),
]


@pytest.mark.parametrize("body, expected, rule", DAMAGED)
def test_damaged_clause(body, expected, rule):
    rec = extract_text(decision(body))
    assert (rec.effective_date, rec.effective_clause.rule) == (expected, rule)
    a, b = rec.effective_clause.span
    assert rec.effective_clause.text == rec.text[a:b].strip()  # as printed


def test_damaged_words_outside_a_clause_set_nothing():
    rec = extract_text(decision("Điều 3. Các hồ sơ đã nộp trước ngay khi Quyet dinh nay co hieu luc thì giữ nguyên."))
    assert rec.effective_date is None and rec.expiry_date is None


def _letter(body: str, number: str = "Số: 55/UBND-KT", kind: str = "V/v triển khai Nghị định") -> str:
    return (f"ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n{number}\nNghệ An, ngày 05 tháng 3 năm 2024\n\n{kind}\n\n{body}\n")


@pytest.mark.parametrize("text, doc_type", [
    # a plan: its period and a decree's date are not its own
    (_letter("I. MỤC ĐÍCH\nThực hiện giai đoạn 2021-2025.\nNghị định số 10/2024/NĐ-CP có hiệu lực từ ngày 01/4/2024.\n"
             "Kế hoạch thực hiện từ ngày 01/4/2024 đến hết ngày 31/12/2025.", "Số: 55/KH-UBND", "KẾ HOẠCH\nTriển khai"), "KH"),
    # a letter quoting a decree's clause
    (_letter("Kính gửi: Các sở\n\nTheo Điều 5 của Nghị định: \"Nghị định này có hiệu lực kể từ ngày 15 tháng 4 năm "
             "2024\"."), "CV"),
    (_letter("Kính gửi: Các sở\n\nNgày 01/3/2024, Chính phủ ban hành Nghị định số 10/2024/NĐ-CP. Nghị định này có hiệu "
             "lực thi hành kể từ ngày ký."), "CV"),
    (_letter("Kính gửi: Các sở\n\nQuyết định này có hiệu lực kể từ ngày 15 tháng 4 năm 2024."), "CV"),
    (_letter("Kính gửi: Các sở\n\nNghi dinh nay co hieu luc ke tu ngay 15/4/2024."), "CV"),
])
def test_a_plan_or_letter_has_no_clause_of_its_own(text, doc_type):
    rec = extract_text(text)
    assert (rec.doc_type, rec.effective_date, rec.expiry_date) == (doc_type, None, None)


# a time put first: the passive or the verb after it, the clause's own date when it gives one
FRONTED = [
    ("Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Kể từ ngày Quyết định này có hiệu lực, Quyết định số "
     "7/2020/QĐ-UBND hết hiệu lực.", "repeals", "2024-03-05"),
    ("Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Kể từ ngày 01/5/2024, Quyết định số 7/2020/QĐ-UBND ngày "
     "01/6/2020 hết hiệu lực thi hành.", "repeals", "2024-05-01"),
    ("Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Kể từ ngày 01/5/2024, bãi bỏ Quyết định số 7/2020/QĐ-UBND "
     "ngày 01/6/2020.", "repeals", "2024-05-01"),
]


@pytest.mark.parametrize("body, relation, date", FRONTED)
def test_effect_after_a_time_put_first(body, relation, date):
    rec = extract_text(decision(body))
    assert [(e.number, e.relation, e.date) for e in rec.effects] == [("7/2020/QĐ-UBND", relation, date)]


def test_what_a_time_put_first_names_is_not_acted_on():
    rec = extract_text(decision("Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Kể từ ngày 01/5/2024, các hồ sơ "
                                "theo Quyết định số 7/2020/QĐ-UBND hết hiệu lực."))
    assert rec.effects == []


@pytest.mark.parametrize("kind, number, body, expected", [
    # "kế" of "kế hoạch" and "kể" of "kể từ" fold alike: each phrase keeps its own spelling
    ("KẾ HOẠCH", "Số: 55/KH-UBND", "Ke hoach nay co hieu luc ke tu ngay ky.", "2024-03-05"),
    ("CHỈ THỊ", "Số: 05/CT-UBND", "Chi thi nay co hieu luc thi hanh ke tu ngay 01/4/2024.", "2024-04-01"),
])
def test_damaged_clause_of_a_plan_or_directive(kind, number, body, expected):
    text = f"ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n{number}\nNghệ An, ngày 05 tháng 3 năm 2024\n\n{kind}\nVề công tác\n\n{body}\n"
    rec = extract_text(text)
    assert rec.effective_date == expected
