"""The document record: the JSON contract of ../shared/spec/OUTPUT.md.

Extraction produces it, the store keeps it, evaluation compares it with gold.
Every model allows extra keys so the contract can grow without breaking readers.
"""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_serializer

Span = tuple[int, int]
"""[start, end) character offsets into the record's normalized ``text``."""

Relation = Literal["basis", "implements", "cites", "amends", "replaces", "repeals", "guides", "suspends"]
EffectRelation = Literal["amends", "replaces", "repeals", "guides", "suspends"]
Role = Literal["lead", "support", "executes"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class Signer(_Model):
    name: Optional[str] = None
    position: Optional[str] = Field(None, description="e.g. PHÓ CHỦ TỊCH")
    authority: Optional[str] = Field(None, description="the TM./KT./TL./TUQ./Q. lines, joined by a space")


class Reference(_Model):
    doc_type: Optional[str] = Field(None, description="type code of the cited document (NQ, QĐ, KH, ...)")
    number: Optional[str] = Field(None, description="as printed, spaces removed: 27/2022/NĐ-CP")
    date: Optional[str] = Field(None, description="ISO date of the cited document, or null")
    issuer: Optional[str] = None
    relation: Relation = "cites"
    pinpoint: Optional[str] = Field(None, description="e.g. khoản 2 Điều 7")
    span: Optional[Span] = None
    mentions: int = 1
    text: Optional[str] = Field(None, description="the citation as printed")


class TableCell(_Model):
    """Where a figure printed in a table cell sits."""

    table: int = Field(..., description="0-based number of the table in the document")
    row: int = Field(..., description="0-based row of the table")
    col: int = Field(..., description="0-based column among the row's figures")
    ncols: int = Field(..., description="number of figures in the row")
    stt: Optional[str] = Field(None, description="the row's number as printed (STT column: I, 1, 1.1, a)")
    total: bool = Field(False, description="the row is a Tổng cộng / Cộng row")


class Amount(_Model):
    value_vnd: int = Field(..., description="exact integer of đồng")
    unit: Optional[str] = Field(None, description="as printed: triệu đồng, tỷ đồng, nghìn đồng, đồng")
    text: Optional[str] = Field(None, description="the amount as printed")
    label: Optional[str] = Field(None, description="what it funds: Vốn đầu tư phát triển, Vốn sự nghiệp, ...")
    section: Optional[str] = Field(None, description="numbered section path, e.g. III.5.1")
    span: Optional[Span] = None
    # Detail of how the amount was read; left out of the JSON when unset.
    kind: Optional[Literal["digits", "range", "words", "cell"]] = Field(
        None, description="how it is printed: digits, words, one end of a range, or a bare table cell"
    )
    fund: Optional[str] = Field(None, description="the funding source its label names, as a key: dau_tu_phat_trien")
    approx: Optional[str] = Field(None, description="the qualifier printed before it (khoảng, trên, không quá, ...); 'range' for a range without one")
    per: Optional[str] = Field(None, description="what a rate is per, as printed after the unit: '/năm', '/hộ'")
    words: Optional[str] = Field(None, description="the amount restated in words beside its digits")
    warning: Optional[str] = Field(None, description="why the figure is doubtful (digits and words disagree, ...)")
    cell: Optional[TableCell] = Field(None, description="the table cell it is printed in")

    @model_serializer(mode="wrap")
    def _leave_out_unset_detail(self, handler):
        data = handler(self)
        for key in _AMOUNT_DETAIL:
            if key in data and data[key] is None:
                del data[key]
        return data


_AMOUNT_DETAIL = ("kind", "fund", "approx", "per", "words", "warning", "cell")


class BudgetPart(_Model):
    """One figure of a budget check (a part, or the total itself)."""

    value_vnd: int
    label: Optional[str] = None
    text: Optional[str] = Field(None, description="the figure as printed")
    unit: Optional[str] = Field(None, description="its unit (a table's header unit for a bare cell)")
    section: Optional[str] = None
    span: Optional[Span] = None
    line: Optional[int] = Field(None, description="1-based line of the figure in the normalized text")


class BudgetCheck(_Model):
    what: str
    total_vnd: int
    parts_vnd: list[int] = Field(default_factory=list)
    found_vnd: Optional[int] = None
    difference_vnd: Optional[int] = None
    holds: bool
    section: Optional[str] = None
    span: Optional[Span] = None
    # optional detail: where each figure is, so a failure can be found in the text
    kind: Optional[str] = Field(None, description="inline | list | by_section | table")
    total: Optional[BudgetPart] = None
    parts: list[BudgetPart] = Field(default_factory=list)
    line: Optional[int] = Field(None, description="1-based line of the total in the normalized text")
    tolerance_vnd: int = Field(0, description="rounding allowed by the total's printed precision")


class Assignment(_Model):
    agency: str = Field(..., description="the body given the task, as named in the text")
    agency_id: Optional[str] = Field(None, description="canonical identity in the database")
    role: Role = "lead"
    task: Optional[str] = None
    targets: list[str] = Field(default_factory=list)
    partners: list[str] = Field(default_factory=list)
    deadline: Optional[str] = None
    recurrence: Optional[str] = None
    report_to: Optional[str] = None
    section: Optional[str] = None
    span: Optional[Span] = None
    rule: Optional[str] = Field(None, description="the form that gave the task: heading, colon, giao, request, subject, field, executes")


class EffectClause(_Model):
    """The sentence that sets a date of effect or expiry."""

    date: Optional[str] = Field(None, description="ISO date, or null when it cannot be computed")
    span: Optional[Span] = None
    text: Optional[str] = Field(None, description="the clause as printed")
    rule: Optional[str] = Field(None, description="signing | issue | adoption | after_days | date | until (last day in force)")


class Effect(_Model):
    """What this document does to another one, from its own text."""

    number: Optional[str] = Field(None, description="the affected document's number, as in references")
    doc_type: Optional[str] = None
    relation: EffectRelation
    scope: Literal["whole", "part"] = "whole"
    pinpoints: list[str] = Field(default_factory=list, description="e.g. khoản 2 Điều 3, when only parts are affected")
    date: Optional[str] = Field(None, description="ISO date the effect takes hold (the clause's own, else effective_date)")
    span: Optional[Span] = None
    text: Optional[str] = Field(None, description="the clause that does it")


class ErrorInfo(_Model):
    code: str = Field(..., description="stable machine code, e.g. empty_file, pdf_encrypted")
    message: str


class Section(_Model):
    path: str = Field(..., description="e.g. III.5.1")
    title: str
    level: int
    span: Span


class DocumentRecord(_Model):
    source: str
    genre: Literal["official", "news", "other"] = Field(
        "official", description="official (a document), news (an article about documents), "
        "other (a file with no official header and no news shape: a README, a manifest)")
    doc_type: Optional[str] = None
    number: Optional[str] = None
    issued_date: Optional[str] = None
    place: Optional[str] = None
    issuer: Optional[str] = None
    jurisdiction: Optional[str] = Field(
        None, description="where the issuer sits: vn (national), nghe-an, nghe-an/huyen-ky-son, or null"
    )
    uri: Optional[str] = Field(None, description="ELI-style identity of the document, e.g. vn/nghe-an/ubnd/kh/2023/352")
    subject: Optional[str] = None
    recipients: list[str] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    amounts: list[Amount] = Field(default_factory=list)
    budget_checks: list[BudgetCheck] = Field(default_factory=list)
    assignments: list[Assignment] = Field(default_factory=list)
    effective_date: Optional[str] = Field(None, description="ISO date the document takes effect, or null when the text is silent")
    effective_clause: Optional[EffectClause] = None
    expiry_date: Optional[str] = Field(None, description="ISO date the document ends, where its text sets one")
    expiry_clause: Optional[EffectClause] = None
    effects: list[Effect] = Field(default_factory=list, description="what this document does to the documents it cites")
    distribution: list[str] = Field(default_factory=list)
    signer: Signer = Field(default_factory=Signer)
    sections: list[Section] = Field(default_factory=list)
    # provenance
    text: str = Field("", description="the normalized text every span indexes")
    format: Optional[str] = Field(None, description="reader used: txt, md, pdf, docx, html, doc, ocr")
    encoding: Optional[str] = Field(None, description="detected source encoding (utf-8, cp1258, tcvn3, vni, ...)")
    normalization: list[str] = Field(default_factory=list, description="cleaning steps applied, in order")
    pages: list[int] = Field(default_factory=list, description="offset in text where each page starts")
    ocr: Optional[dict] = None
    warnings: list[str] = Field(default_factory=list)
    error: Optional[ErrorInfo] = None


def json_schema() -> dict:
    return DocumentRecord.model_json_schema()
