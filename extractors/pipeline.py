"""File -> document record: read, normalize, segment, then each extractor in turn.

``extract_file`` never raises for a bad file: the record carries an ``error`` with a code
and the other fields empty, so a bulk load goes on.
"""
from __future__ import annotations

from pathlib import Path

from vanban.schemas import DocumentRecord, EffectClause, ErrorInfo

from vanban.extractors.extract import header as header_mod
from vanban.extractors.extract import jurisdiction as jurisdictions
from vanban.extractors.extract import uri as uris
from vanban.extractors.context import DocContext
from vanban.extractors.errors import VanbanError
from vanban.extractors.normalize import legacy
from vanban.extractors.normalize.steps import NormalizedText, normalize
from vanban.extractors.read import RawText, read
from vanban.extractors.read.files import readable_name, storable
from vanban.extractors.segment.parts import segment


def _run_extractors(ctx: DocContext, record: DocumentRecord) -> None:
    # Each extractor is a pure function of the context; imported here so that
    # a command that needs none of them (schema, help) loads none of them.
    from vanban.extractors.extract.amounts.find import extract_amounts
    from vanban.extractors.extract.assignments.find import extract_assignments
    from vanban.extractors.extract.amounts.budget import check_budget
    from vanban.extractors.extract.references.find import extract_references

    record.references = extract_references(ctx)
    _legal_status(ctx, record)
    record.amounts = extract_amounts(ctx)
    record.budget_checks = check_budget(record.amounts, ctx)
    record.assignments = extract_assignments(ctx)


def _legal_status(ctx: DocContext, record: DocumentRecord) -> None:
    """Bases cited by name only, the dates of effect, and what the document does to others."""
    from vanban.extractors.extract.effective import find_effective
    from vanban.extractors.extract.effects import find_effects, type_references
    from vanban.extractors.extract.named_bases import find_named_bases, merge_named_bases

    record.references = merge_named_bases(record.references, find_named_bases(ctx))
    validity = find_effective(ctx)
    for name, clause in (("effective", validity.effective), ("expiry", validity.expiry)):
        if clause is not None:
            setattr(record, f"{name}_date", clause.date)
            setattr(record, f"{name}_clause", EffectClause(date=clause.date, span=clause.span, text=clause.text, rule=clause.rule))
    record.effects = find_effects(ctx, record.references, record.effective_date)
    record.references = type_references(record.references, record.effects)


def identify(record: DocumentRecord, sha256: str | None) -> DocumentRecord:
    """Give a record made some other way than by extraction (by hand) the identity
    extraction gives: ``jurisdiction``, ``uri`` and its assignments' ``agency_id``."""
    jurisdiction = record.jurisdiction or jurisdictions.document_id(
        issuer=record.issuer, place=record.place, text=record.text, number=record.number
    )
    return _stamp(record, jurisdiction, sha256)


def _stamp(record: DocumentRecord, jurisdiction: str | None, sha256: str | None) -> DocumentRecord:
    """Put the document's jurisdiction and URI on the record (``sha256``, of the file's
    bytes, names a document with no number) and the agency ids its assignments lack."""
    from vanban.extractors.extract.agencies.ids import document_agency_id

    record.jurisdiction = jurisdiction
    number = uris.clean_printed_number(record.number)
    record.uri = uris.document_uri(
        number=number, doc_type=record.doc_type, jurisdiction=jurisdiction,
        year=uris.year_of(number, record.issued_date), sha256=sha256,
    )
    for a in record.assignments:
        if a.agency_id is None:
            a.agency_id = document_agency_id(a.agency, jurisdiction)
    return record


def extract_normalized(norm: NormalizedText, source: str, *, raw: RawText | None = None) -> DocumentRecord:
    """The record of normalized text; its ``uri`` uses the hash of the file's bytes
    (``raw.sha256``), or of the text's UTF-8 bytes when there is no file."""
    text = norm.text
    segs = segment(text)
    head = header_mod.extract_header(text, segs)
    record = DocumentRecord(
        source=source,
        text=text,
        format=raw.format if raw else "txt",
        encoding=norm.encoding,
        normalization=norm.steps,
        pages=norm.pages,
        ocr=raw.ocr if raw else None,
        warnings=list(raw.warnings) if raw else [],
        sections=segs.section_records(),
        **head.fields(),
    )
    ctx = DocContext(
        text=text,
        segments=segs,
        source=source,
        genre=record.genre,
        doc_type=record.doc_type,
        number=record.number,
        issued_date=record.issued_date,
        issuer=record.issuer,
        place=record.place,
        jurisdiction=head.jurisdiction,
    )
    _run_extractors(ctx, record)
    sha256 = raw.sha256 if raw and raw.sha256 else uris.content_hash(text.encode("utf-8"))
    return _stamp(record, head.jurisdiction.id, sha256)


def extract_text(text: str, source: str = "<text>") -> DocumentRecord:
    """Extract a record from text already in memory."""
    return extract_normalized(normalize(text), source)


def extract_file(path: str | Path) -> DocumentRecord:
    """Extract a record from a file; a file that cannot be read gives a record with ``error``."""
    path = Path(path)
    source = readable_name(path.name)  # a name of any bytes, shown and stored as text
    try:
        raw = read(path)
        mixed = legacy.mixed_encodings(raw.text)
        if mixed:
            raw.warnings.append(mixed)
        norm = normalize(raw)
        raw.text = ""  # only the normalized text is read from here on: a long text is not held twice
        return extract_normalized(norm, source, raw=raw)
    except VanbanError as exc:
        return DocumentRecord(source=source, error=ErrorInfo(code=exc.code, message=storable(exc.message)))
    except MemoryError:  # a memory limit's to report (vanban.extractors.bounded)
        raise
    except Exception as exc:  # a defect must not stop a bulk load; it is reported per file
        return DocumentRecord(
            source=source,
            error=ErrorInfo(code="extraction_failed", message=storable(f"{type(exc).__name__}: {exc}")),
        )
