"""A document record as the rows the store writes (pure: runs in the extraction workers).

The record's identity (``uri``, ``jurisdiction``, the assignments' ``agency_id``) is taken
as the extractor gave it; a record made without it (by hand) gets it from
``vanban.extractors.pipeline.identify``, by the same rules.
"""
from __future__ import annotations

import json
from typing import Any

from . import identity


def _dump(value: Any) -> str | None:
    return json.dumps(value, ensure_ascii=False) if value not in (None, [], {}) else None


def _span(span) -> dict:
    start, end = (span or (None, None))[:2] if span else (None, None)
    return {"span_start": start, "span_end": end}


def record_rows(record, *, sha256: str, extractor_version: str | None = None) -> dict:
    """The rows a ``DocumentRecord`` becomes, before ids are known.

    Children carry ``position`` (their index in the record); the writer adds
    ``document_id``. Partners' agency ids are made here, by the rule of the assignments'.
    """
    from .budgets import plan_total_rows
    from .status import effect_rows, validity_rows

    if record.uri is None and record.error is None:
        from vanban.extractors.pipeline import identify

        record = identify(record.model_copy(deep=True), sha256)
    data = record.model_dump(mode="json")
    text = data.pop("text", "") or ""
    number = identity.clean_printed_number(data.get("number"))
    jurisdiction = data.get("jurisdiction")
    year = identity.year_of(number, data.get("issued_date"))
    parts = identity.parse_number(number)
    signer = data.get("signer") or {}
    document = {
        "uri": data.get("uri"),
        "status": "loaded", "sha256": sha256, "source": data.get("source"), "genre": data.get("genre"),
        "doc_type": data.get("doc_type"), "number": number, "number_key": identity.number_key(number),
        "num": parts.num, "year": year, "issued_date": data.get("issued_date"), "place": data.get("place"),
        "issuer": data.get("issuer"), "jurisdiction": jurisdiction,
        "national": int(jurisdiction == identity.NATIONAL), "subject": data.get("subject"),
        "signer_name": signer.get("name"), "signer_position": signer.get("position"),
        "signer_authority": signer.get("authority"), "format": data.get("format"),
        "encoding": data.get("encoding"), "normalization": _dump(data.get("normalization")),
        "pages": _dump(data.get("pages")), "ocr": _dump(data.get("ocr")), "warnings": _dump(data.get("warnings")),
        "text": text, "record": json.dumps(data, ensure_ascii=False), "extractor_version": extractor_version,
    }
    citations = []
    for i, ref in enumerate(data.get("references") or []):
        ref_number = identity.clean_printed_number(ref.get("number"))
        citations.append({
            "position": i, "doc_type": ref.get("doc_type"), "number": ref_number,
            "number_key": identity.number_key(ref_number), "date": ref.get("date"),
            "year": identity.year_of(ref_number, ref.get("date")), "issuer": ref.get("issuer"),
            "jurisdiction": identity.cited_jurisdiction(number=ref_number, issuer=ref.get("issuer"), citing=jurisdiction),
            "relation": ref.get("relation"), "pinpoint": ref.get("pinpoint"), **_span(ref.get("span")),
            "mentions": ref.get("mentions"), "text": ref.get("text"),
        })
    amounts = [
        {"position": i, **{k: a.get(k) for k in ("value_vnd", "unit", "text", "label", "section")}, **_span(a.get("span"))}
        for i, a in enumerate(data.get("amounts") or [])
    ]
    checks = [
        {
            "position": i, **{k: c.get(k) for k in ("what", "total_vnd", "found_vnd", "difference_vnd", "section")},
            "parts_vnd": _dump(c.get("parts_vnd")), "holds": int(bool(c.get("holds"))), **_span(c.get("span")),
        }
        for i, c in enumerate(data.get("budget_checks") or [])
    ]
    scope = identity.agency_scope(jurisdiction)
    agencies: dict[str, str] = {}

    def agency(name: str | None, agency_id: str | None = None) -> str | None:
        """The agency's id (the record's, else from its name) and its canonical name."""
        found = identity.agency_identity(name, scope)
        agency_id = agency_id or (found[0] if found else None)
        if agency_id is not None:
            agencies.setdefault(agency_id, found[1] if found else name)
        return agency_id

    assignments = []
    for i, a in enumerate(data.get("assignments") or []):
        assignments.append({
            "position": i, "agency": a.get("agency"), "agency_id": agency(a.get("agency"), a.get("agency_id")),
            "role": a.get("role"), "task": a.get("task"), "targets": _dump(a.get("targets")),
            "partners": _dump(a.get("partners")),
            "partner_ids": [(p, agency(p)) for p in a.get("partners") or []],
            **{k: a.get(k) for k in ("deadline", "recurrence", "report_to", "section")}, **_span(a.get("span")),
        })
    return {
        "document": document,
        "citations": citations,
        "amounts": amounts,
        "budget_checks": checks,
        "assignments": assignments,
        "agencies": agencies,
        "recipients": [{"position": i, "text": t, "key": identity.agency_key(t)} for i, t in enumerate(data.get("recipients") or [])],
        "distribution": [{"position": i, "text": t, "key": identity.agency_key(t)} for i, t in enumerate(data.get("distribution") or [])],
        "sections": [
            {"position": i, "path": s.get("path"), "title": s.get("title"), "level": s.get("level"), **_span(s.get("span"))}
            for i, s in enumerate(data.get("sections") or [])
        ],
        "legal_effects": effect_rows(data),
        "plan_totals": plan_total_rows(data, document),
        "validity": validity_rows(data),
        "fts": {"subject": identity.fold(data.get("subject")), "body": identity.fold(text)},
    }
