"""What a document's page shows: its header fields (signer, position and authority each on
a line, places by name, a link to the file it was loaded from, the Hiệu lực line: its
status today, date of effect and expiry), the bases that no longer stood when it was
issued (the rows of ``vanban check-bases`` for it), its text with every extracted span
highlighted by kind (references link to the cited document's page), its budget tree with
the audit result, its assignments, who it cites and who cites it, and its lược đồ (the
relations grouped by type and direction as vbpl.vn groups them, from ``vanban.status``);
and, for a name that is not a URI (``/doc/352/KH-UBND``), the documents it names.

Every function takes a ``sqlite_utils.Database`` and a ``pages.Links``; what they show
comes from the library's questions (``vanban.queries``): no SQL here.
"""
from __future__ import annotations

import json
from pathlib import Path

import regex as re
from markupsafe import Markup
from sqlite_utils import Database

from .. import queries, status
from ..store import DocumentNotFoundError
from . import labels, svg
from .pages import Links, Mark, doc_label, highlight, money, numbered


_CITER = {"id": "citing_id", "uri": "citing_uri", "number": "citing_number", "doc_type": "citing_doc_type",
          "issued_date": "citing_date", "source": "citing_source", "subject": "citing_subject",
          "issuer": "citing_issuer", "status": "citing_status"}


def _citations(db: Database, doc: dict) -> tuple[list[dict], list[dict]]:
    """What the document cites and who cites it (the library's ``cites`` and ``cited_by``
    of its URI, kept to this document: several may share the URI)."""
    cites = [c for c in queries.cites(db, doc["uri"]) if c["citing_id"] == doc["id"]]
    cited_by = [{**r, **{key: r[column] for key, column in _CITER.items()}}
                for r in queries.cited_by(db, doc["uri"]) if r["cited_id"] == doc["id"]]
    return cites, cited_by


def _reference_marks(text: str, cites: list[dict], links: Links) -> list[Mark]:
    marks = []
    taken: list[tuple[int, int]] = []
    for c in cites:
        status = "loaded" if c["target_status"] == "loaded" else "stub"
        title = f"{labels.relation_name(c['relation'])}: {c['number'] or ''}" + (
            "" if status == "loaded" else " (chưa nạp · not loaded)"
        )
        href = links.doc(c["target_uri"], c["target_id"])
        if c["span_start"] is not None:
            marks.append(Mark(c["span_start"], c["span_end"], f"ref hl-ref-{status}", title, href, f"ref-{c['position']}"))
            taken.append((c["span_start"], c["span_end"]))
        if (c["mentions"] or 1) > 1 and c["number"] and len(c["number"]) >= 4:
            for m in re.finditer(re.escape(c["number"]), text):
                if not any(s < m.end() and m.start() < e for s, e in taken):
                    marks.append(Mark(m.start(), m.end(), f"ref hl-ref-{status}", title, href))
                    taken.append((m.start(), m.end()))
    return marks


def _part(p: dict) -> dict:
    return {k: p.get(k) for k in ("value_vnd", "label", "text", "section", "span")}


def _total_of(check: dict) -> dict:
    return _part(check.get("total") or {"value_vnd": check.get("total_vnd"), "label": check.get("what"),
                                        "section": check.get("section"), "span": check.get("span")})


def _parts_of(check: dict) -> list[dict]:
    return [_part(p) for p in check.get("parts") or []] or [{"value_vnd": v} for v in check.get("parts_vnd") or []]


def _key(part: dict) -> tuple:
    span = part.get("span")
    return ("span", *span[:2]) if span else ("value", part.get("value_vnd"), part.get("section"), part.get("label"))


def budget_tree(checks: list[dict], anchors: dict[int, str]) -> list[dict]:
    """The document's budget checks as a tree: a total, its parts, and under a part the
    parts it is itself the total of; each total carries its audit result.

    ``checks`` are the record's ``budget_checks``; ``anchors`` maps an amount's start
    offset to its anchor in the highlighted text.
    """
    by_total: dict[tuple, dict] = {}
    for check in checks:
        by_total.setdefault(_key(_total_of(check)), check)
    part_keys = {_key(p) for c in checks for p in _parts_of(c)}

    def node(part: dict, parent: int | None, seen: frozenset) -> dict:
        key = _key(part)
        check = by_total.get(key) if key not in seen else None
        value = part.get("value_vnd") or 0
        span = part.get("span")
        return {
            "label": part.get("label") or "",
            "text": part.get("text") or money(value),
            "money": money(value),
            "section": part.get("section"),
            "anchor": anchors.get(span[0]) if span else None,
            "share": round(100 * value / parent, 1) if parent else None,
            "check": None if check is None else {
                "holds": bool(check.get("holds")),
                "found": money(check.get("found_vnd")),
                "difference": money(check.get("difference_vnd")),
                "what": check.get("what"),
            },
            "children": [node(p, value or None, seen | {key}) for p in _parts_of(check)] if check else [],
        }

    roots = [c for c in checks if _key(_total_of(c)) not in part_keys] or checks[:1]
    return [node(_total_of(c), None, frozenset()) for c in roots]


def _tree_spans(tree: list[dict]) -> set[str]:
    found = set()
    for n in tree:
        if n["anchor"]:
            found.add(n["anchor"])
        found |= _tree_spans(n["children"])
    return found


def _node(doc: dict, *, uri: str | None, doc_id: int | None, loaded: bool, links: Links) -> svg.Node:
    title = " · ".join(p for p in (doc.get("subject") or doc.get("title"), doc.get("issuer"), uri) if p)
    label = doc_label(doc) if numbered(doc) or not doc.get("title") else doc["title"]
    return svg.Node(label=label, title=title, href=links.doc(uri, doc_id), loaded=loaded)


def _item_node(item: dict, links: Links) -> svg.Node:
    """A document of a diagram group (``vanban.status.diagram``)."""
    return _node(item, uri=item.get("uri"), doc_id=item.get("id"), loaded=item.get("status") == "loaded", links=links)


def relations_diagram(doc: dict, groups: list[dict], cites: list[dict], cited_by: list[dict], links: Links) -> Markup:
    """The lược đồ: the status module's groups (what the document rests on and acts on to the
    left, what acts on it to the right), then the other documents it cites and that cite it."""
    direction = {key: d for key, _label, d, _relation in status.DIAGRAM_GROUPS}
    left, right, shown_left, shown_right = [], [], set(), set()
    for g in groups:
        nodes = tuple(_item_node(item, links) for item in g["documents"])
        ids = {item.get("id") for item in g["documents"]}
        (left if direction[g["key"]] == "out" else right).append(svg.Group(g["key"], g["label"], nodes))
        (shown_left if direction[g["key"]] == "out" else shown_right).update(ids)
    others, seen = [], set(shown_left) | {doc["id"], None}
    for c in cites:
        if c["target_id"] not in seen:
            seen.add(c["target_id"])
            target = {"number": c["number"], "doc_type": c["doc_type"], "subject": c["target_subject"],
                      "issuer": c["target_issuer"]}
            others.append(_node(target, uri=c["target_uri"], doc_id=c["target_id"], loaded=c["target_status"] == "loaded",
                                links=links))
    if others:
        left.append(svg.Group("cites", "Văn bản nhắc tới khác (other citations)", tuple(others)))
    citing, seen = [], set(shown_right) | {doc["id"]}
    for d in cited_by:
        if d["id"] not in seen:
            seen.add(d["id"])
            citing.append(_node(d, uri=d["uri"], doc_id=d["id"], loaded=d["status"] == "loaded", links=links))
    if citing:
        right.append(svg.Group("cited_by", "Văn bản trích dẫn (cited by)", tuple(citing)))
    center = _node(doc, uri=doc["uri"], doc_id=doc["id"], loaded=doc["status"] == "loaded", links=links)
    return svg.diagram(center, left, right)


def validity_line(state: dict) -> str:
    """The Hiệu lực line: the status on a date, the date of effect, the expiry (or what
    ended it)."""
    parts = [f"{state['label']}, ngày {state['on']}"]
    if state["effective_date"]:
        parts.append(f"có hiệu lực từ ngày {state['effective_date']}")
    if state["expiry_date"]:
        parts.append(f"hết hiệu lực ngày {state['expiry_date']}")
    for e in state["because"][:3]:
        by = e.get("number") or e.get("uri") or "?"
        parts.append(f"{labels.effect_name(e['relation'])} {by}" + (f" từ ngày {e['effect_date']}" if e.get("effect_date") else ""))
    return " · ".join(parts)


def basis_warnings(db: Database, doc: dict, links: Links) -> list[dict]:
    """The bases of a loaded document that could no longer (or not yet) be one on its date
    of issue: the rows of ``vanban check-bases`` for it."""
    if doc["status"] != "loaded":
        return []
    out = []
    for w in status.basis_warnings(db, [doc["id"]]):
        b = w["basis"]
        out.append({**w, "href": links.doc(b["uri"], b["id"]), "label_basis": b["number"] or b.get("title") or b["uri"],
                    "by": [{**e, "relation_name": labels.effect_name(e["relation"]), "href": links.doc(e["uri"]),
                            "clause": " ".join((e.get("clause") or "").split())} for e in w["by"]]})
    return out


def _header(doc: dict, recipients: list[str], distribution: list[str], files: list[dict], links: Links,
            validity: str) -> list[dict]:
    kind = f"{doc['doc_type']} · {labels.type_name(doc['doc_type'])}" if doc.get("doc_type") else None
    downloads = [{"href": links.file(doc["id"], Path(f["path"]).name), "text": Path(f["path"]).name, "size": f["size"]}
                 for f in files]
    rows = [
        ("Số, ký hiệu", "Number", doc.get("number")),
        ("Loại văn bản", "Type", kind),
        ("Ngày ban hành", "Date", doc.get("issued_date")),
        ("Hiệu lực", "Validity", validity),
        ("Địa danh", "Place", doc.get("place")),
        ("Cơ quan ban hành", "Issuer", doc.get("issuer")),
        ("Địa bàn", "Jurisdiction", labels.place(doc.get("jurisdiction")) if doc.get("jurisdiction") else None),
        ("Thẩm quyền ký", "Signing authority", doc.get("signer_authority")),
        ("Chức vụ người ký", "Position", doc.get("signer_position")),
        ("Người ký", "Signed by", doc.get("signer_name")),
        ("Kính gửi", "To", recipients),
        ("Nơi nhận", "Distribution", "; ".join(distribution)),
        ("Tệp gốc", "Original file", downloads or doc.get("source")),
        ("Định danh", "URI", doc.get("uri")),
    ]
    return [{"vi": vi, "en": en, "value": value, "files": en == "Original file" and bool(downloads)}
            for vi, en, value in rows if value]


def _checks(db: Database, doc_id: int, record: dict) -> list[dict]:
    """The record's budget checks (with where each figure is), or the stored rows."""
    return record.get("budget_checks") or [
        {**c, "parts_vnd": json.loads(c["parts_vnd"] or "[]"),
         "span": (c["span_start"], c["span_end"]) if c["span_start"] is not None else None}
        for c in queries.children(db, "budget_checks", doc_id)
    ]


def _text_marks(text: str, *, cites: list[dict], amounts: list[dict], assignments: list[dict],
                failing: list[dict], links: Links) -> list[Mark]:
    """Every span to highlight: references (linked), amounts, assigned agencies, failing totals."""
    marks = _reference_marks(text, cites, links)
    for a in amounts:
        if a["span_start"] is not None:
            title = " · ".join(p for p in (a["label"], a["section"] and f"mục {a['section']}", money(a["value_vnd"])) if p)
            marks.append(Mark(a["span_start"], a["span_end"], "amount", title, None, f"amount-{a['position']}"))
    for a in assignments:
        if a["span_start"] is not None:
            marks.append(Mark(a["span_start"], a["span_end"], f"agency hl-role-{a['role']}",
                              f"{a['role_name']}: {a['task'] or ''}", None, f"task-{a['position']}"))
    for c in failing:
        span = _total_of(c).get("span")
        if span:
            title = f"Tổng không khớp · total does not add up: {c.get('what')} ({money(c.get('difference_vnd'))})"
            marks.append(Mark(span[0], span[1], "check-fail", title))
    return marks


def document_page(db: Database, uri: str, *, doc_id: int | None = None, links: Links) -> dict | None:
    """Everything the page of the document at ``uri`` shows (None: no such document)."""
    found = queries.documents_at(db, uri)
    if not found:
        return None
    doc = next((d for d in found if d["id"] == doc_id), found[0])
    text = doc.get("text") or ""
    record = json.loads(doc["record"]) if doc.get("record") else {}
    cites, cited_by = _citations(db, doc)
    amounts = queries.children(db, "amounts", doc["id"])
    assignments = queries.children(db, "assignments", doc["id"])
    checks = _checks(db, doc["id"], record)
    anchors = {a["span_start"]: f"amount-{a['position']}" for a in amounts if a["span_start"] is not None}
    tree = budget_tree(checks, anchors)
    in_tree = _tree_spans(tree)
    for a in assignments:
        a["partners"] = json.loads(a["partners"]) if a["partners"] else []
        a["targets"] = json.loads(a["targets"]) if a["targets"] else []
        a["role_name"] = labels.role_name(a["role"])
    failing = [c for c in checks if not c.get("holds")]
    marks = _text_marks(text, cites=cites, amounts=amounts, assignments=assignments, failing=failing, links=links)
    kinds = [
        ("ref", "Trích dẫn", "reference", sum(1 for m in marks if m.kind.startswith("ref"))),
        ("amount", "Số tiền", "amount", len(anchors)),
        ("agency", "Cơ quan được giao việc", "assigned agency", sum(1 for m in marks if m.kind.startswith("agency"))),
        ("check-fail", "Tổng không khớp", "total that fails", len(failing)),
    ]
    citers = {d["id"]: d for d in cited_by}
    state = status.status_on(db, doc["id"])
    return {
        "doc": {k: v for k, v in doc.items() if k not in ("text", "record")},
        "label": doc_label(doc),
        "numbered": numbered(doc),
        "type_name": labels.type_name(doc.get("doc_type")),
        "loaded": doc["status"] == "loaded",
        "header": _header(doc, [r["text"] for r in queries.children(db, "recipients", doc["id"])],
                          [r["text"] for r in queries.children(db, "distribution", doc["id"])],
                          queries.files_of(db, doc["id"]) if doc["status"] == "loaded" else [], links, validity_line(state)),
        "validity": state,
        "warnings": basis_warnings(db, doc, links),
        "others": [{"id": d["id"], "status": d["status"], "source": d["source"], "href": links.doc(uri, d["id"])}
                   for d in found if d["id"] != doc["id"]],
        "text_html": highlight(text, marks) if text else None,
        "legend": kinds,
        "cites": [{**c, "relation_name": labels.relation_name(c["relation"]), "href": links.doc(c["target_uri"], c["target_id"]),
                   "in_text": f"ref-{c['position']}" if c["span_start"] is not None else None} for c in cites],
        "cited_by": [{**d, "label": doc_label(d), "numbered": numbered(d), "relation_name": labels.relation_name(d["relation"]),
                      "href": links.doc(d["uri"], d["id"]), "at": links.doc(d["uri"], d["id"], f"ref-{d['position']}")} for d in cited_by],
        "cited_as": sorted({d["cited_text"] or d["cited_as"] for d in cited_by if d["cited_text"] or d["cited_as"]}),
        "citing_documents": len(citers),
        "picture": relations_diagram(doc, status.diagram(db, doc["id"]), cites, cited_by, links),
        "budget": tree,
        "budget_holds": all(c.get("holds") for c in checks) if checks else None,
        "failing": len(failing),
        "other_amounts": [{**a, "money": money(a["value_vnd"]), "anchor": f"amount-{a['position']}"}
                          for a in amounts if f"amount-{a['position']}" not in in_tree],
        "assignments": assignments,
    }



def candidates(db: Database, name: str, *, links: Links) -> list[dict]:
    """The documents a name that is not a URI means (a number, a file name), loaded first:
    the library's ``find_documents``; [] when it names none."""
    try:
        found = queries.find_documents(db, name)
    except DocumentNotFoundError:
        return []
    for d in found:
        d.update(label=doc_label(d), numbered=numbered(d), href=links.doc(d["uri"], d["id"]),
                 type_name=labels.type_name(d["doc_type"]), place=labels.place(d["jurisdiction"]))
    return sorted(found, key=lambda d: (d["status"] != "loaded", d["uri"] or "", d["id"]))
