"""What the web view's own pages show: plain functions from the store to template values.

- ``document_page``: a document's header fields, its text with every extracted span
  highlighted by kind (references link to the cited document's page), its budget tree with
  the audit result, its assignments, who it cites and who cites it, and the picture of
  that neighbourhood;
- ``home_page``: what the database holds, the charts, the latest documents;
- ``search_page``: documents, tasks and agencies matching a query, diacritics optional.

Each takes a ``sqlite_utils.Database`` (the web server wraps its read-only connection)
and a ``Links`` that knows the URL of a document's page. What they show comes from the
library's questions (``vanban.queries``): no SQL here.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Callable, Iterable

import regex as re
from markupsafe import Markup, escape
from sqlite_utils import Database

from vanban.extractors.extract.amounts.numbers import format_figure
from vanban.extractors.extract.doc_types import TYPE_WORDS

from .. import identity, queries
from . import svg

# --- small formatting helpers ----------------------------------------------------------------------

RELATIONS = {
    "basis": "căn cứ · basis",
    "implements": "thực hiện · implements",
    "cites": "nhắc tới · cites",
    "amends": "sửa đổi · amends",
    "replaces": "thay thế · replaces",
    "repeals": "bãi bỏ · repeals",
    "guides": "hướng dẫn · guides",
}
ROLES = {"lead": "chủ trì · lead", "support": "phối hợp · support", "executes": "thi hành · executes"}


def money(value_vnd: int | None) -> str:
    """1473139000000 -> '1.473.139.000.000 đ'."""
    return "" if value_vnd is None else f"{format_figure(Decimal(value_vnd))} đ"


def money_short(value_vnd: float) -> str:
    """A figure for a chart: in tỷ (10^9) or triệu (10^6) đồng, one decimal."""
    for scale, unit in ((9, "tỷ đ"), (6, "triệu đ")):
        if abs(value_vnd) >= 10**scale:
            return f"{format_figure(Decimal(int(value_vnd)).scaleb(-scale).quantize(Decimal('0.1')))} {unit}"
    return money(int(value_vnd))


@lru_cache(maxsize=1)
def _type_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for word, code in TYPE_WORDS.items():
        if code not in names or len(word) < len(names[code]):
            names[code] = word
    return {**names, "CV": "Công văn", "TIN": "Tin bài"}


def type_name(code: str | None) -> str:
    return _type_names().get(code or "", code or "")


def numbered(doc: dict) -> bool:
    """Whether the document has a number that names it (news and drafts do not)."""
    return bool(doc.get("number") and identity.number_key(doc["number"]))


def doc_label(doc: dict) -> str:
    """How a document is named in lists and pictures: its number, else type and date."""
    if numbered(doc):
        return doc["number"]
    return " ".join(p for p in (type_name(doc.get("doc_type")), doc.get("issued_date")) if p) or doc.get("uri") or "?"


@dataclass
class Links:
    """URLs of the pages: ``doc(uri, id)`` adds ``?id=`` only when several documents
    share the URI (``is_shared``)."""

    prefix: Callable[[str], str] = lambda path: path
    is_shared: Callable[[str], bool] = lambda uri: False

    def doc(self, uri: str | None, doc_id: int | None = None, anchor: str | None = None) -> str | None:
        if not uri:
            return None
        url = self.prefix("/doc/" + uri)
        if doc_id is not None and self.is_shared(uri):
            url += f"?id={doc_id}"
        return url + (f"#{anchor}" if anchor else "")

    @classmethod
    def for_db(cls, db: Database, prefix: Callable[[str], str] = lambda path: path) -> "Links":
        """Links that ask the store (once per URI, through its index) whether a URI is shared."""

        return cls(prefix=prefix, is_shared=lru_cache(maxsize=None)(lambda uri: queries.uri_is_shared(db, uri)))


# --- highlighted text ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mark:
    """A span of the text to highlight: ``kind`` is its CSS class suffix."""

    start: int
    end: int
    kind: str
    title: str
    href: str | None = None
    anchor: str | None = None


def highlight(text: str, marks: Iterable[Mark]) -> Markup:
    """The text as HTML with each mark wrapped (``<a>`` when it links, else ``<mark>``).

    Marks may nest or overlap: the text is cut at every boundary and each piece is wrapped
    in the marks covering it, shortest innermost; only the innermost link stays a link.
    """
    marks = sorted({m for m in marks if 0 <= m.start < m.end <= len(text)}, key=lambda m: (m.start, -m.end))
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[str] = []
    active: list[Mark] = []
    i = 0
    for a, b in zip(cuts, cuts[1:]):
        active = [m for m in active if m.end > a]
        while i < len(marks) and marks[i].start == a:
            active.append(marks[i])
            i += 1
        piece = str(escape(text[a:b]))
        linked = False
        for m in sorted(active, key=lambda m: (m.end - m.start, m.kind)):
            anchor = f' id="{escape(m.anchor)}"' if m.anchor and m.start == a else ""
            title = f' title="{escape(m.title)}"' if m.title else ""
            attrs = f'class="hl hl-{m.kind}"{title}{anchor}'
            if m.href and not linked:
                piece = f'<a {attrs} href="{escape(m.href)}">{piece}</a>'
                linked = True
            else:
                piece = f"<mark {attrs}>{piece}</mark>"
        out.append(piece)
    return Markup("".join(out))


_FTS_OPERATORS = re.compile(r'["*()]|\b(?:AND|OR|NOT|NEAR)\b')


def mark_words(text: str | None, query: str) -> Markup:
    """``text`` with the query marked, diacritics ignored: plain words are a phrase (as
    the search reads them); with FTS5 operators each word is marked."""
    if not text:
        return Markup("")
    words = [w for w in re.findall(r"[\p{L}\p{N}]+", identity.fold(query)) if w not in ("and", "or", "not", "near")]
    if not words:
        return escape(text)
    folded = identity.fold(text)  # one character per character: offsets carry over
    def whole(body: str) -> re.Pattern:
        return re.compile(r"(?<![\p{L}\p{N}])(?:" + body + r")(?![\p{L}\p{N}])")

    phrase = whole(r"[^\p{L}\p{N}]+".join(map(re.escape, words)))
    each = whole("|".join(map(re.escape, sorted(set(words), key=len, reverse=True))))
    found = (each if _FTS_OPERATORS.search(query) else phrase).finditer(folded)
    return highlight(text, [Mark(m.start(), m.end(), "match", "") for m in found])


# --- one document ----------------------------------------------------------------------------------

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
        title = f"{RELATIONS.get(c['relation'], c['relation'] or '')}: {c['number'] or ''}" + (
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


def _neighbour(doc: dict, *, uri: str | None, doc_id: int | None, loaded: bool, links: Links) -> svg.Node:
    title = " · ".join(p for p in (doc.get("subject"), doc.get("issuer"), uri) if p)
    return svg.Node(label=doc_label(doc), title=title, href=links.doc(uri, doc_id), loaded=loaded)


def neighbourhood(doc: dict, cites: list[dict], cited_by: list[dict], links: Links) -> Markup:
    cited, seen = [], set()
    for c in cites:
        if c["target_id"] is None or c["target_id"] in seen or c["target_id"] == doc["id"]:
            continue
        seen.add(c["target_id"])
        target = {"number": c["number"], "doc_type": c["doc_type"], "subject": c["target_subject"], "issuer": c["target_issuer"]}
        cited.append(_neighbour(target, uri=c["target_uri"], doc_id=c["target_id"], loaded=c["target_status"] == "loaded", links=links))
    citing, seen = [], set()
    for d in cited_by:
        if d["id"] in seen or d["id"] == doc["id"]:
            continue
        seen.add(d["id"])
        citing.append(_neighbour(d, uri=d["uri"], doc_id=d["id"], loaded=d["status"] == "loaded", links=links))
    center = _neighbour(doc, uri=doc["uri"], doc_id=doc["id"], loaded=doc["status"] == "loaded", links=links)
    return svg.neighbourhood(center, cited, citing)


def _header(doc: dict, recipients: list[str], distribution: list[str]) -> list[dict]:
    signer = " ".join(p for p in (doc.get("signer_authority"), doc.get("signer_position"), doc.get("signer_name")) if p)
    kind = f"{doc['doc_type']} · {type_name(doc['doc_type'])}" if doc.get("doc_type") else None
    rows = [
        ("Số, ký hiệu", "Number", doc.get("number")),
        ("Loại văn bản", "Type", kind),
        ("Ngày ban hành", "Date", doc.get("issued_date")),
        ("Địa danh", "Place", doc.get("place")),
        ("Cơ quan ban hành", "Issuer", doc.get("issuer")),
        ("Địa bàn", "Jurisdiction", doc.get("jurisdiction")),
        ("Người ký", "Signed by", signer),
        ("Kính gửi", "To", recipients),
        ("Nơi nhận", "Distribution", "; ".join(distribution)),
        ("Tệp nguồn", "Source file", doc.get("source")),
        ("Định danh", "URI", doc.get("uri")),
    ]
    return [{"vi": vi, "en": en, "value": value} for vi, en, value in rows if value]


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
        a["role_name"] = ROLES.get(a["role"], a["role"])
    failing = [c for c in checks if not c.get("holds")]
    marks = _text_marks(text, cites=cites, amounts=amounts, assignments=assignments, failing=failing, links=links)
    kinds = [
        ("ref", "Trích dẫn", "reference", sum(1 for m in marks if m.kind.startswith("ref"))),
        ("amount", "Số tiền", "amount", len(anchors)),
        ("agency", "Cơ quan được giao việc", "assigned agency", sum(1 for m in marks if m.kind.startswith("agency"))),
        ("check-fail", "Tổng không khớp", "total that fails", len(failing)),
    ]
    citers = {d["id"]: d for d in cited_by}
    return {
        "doc": {k: v for k, v in doc.items() if k not in ("text", "record")},
        "label": doc_label(doc),
        "numbered": numbered(doc),
        "type_name": type_name(doc.get("doc_type")),
        "loaded": doc["status"] == "loaded",
        "header": _header(doc, [r["text"] for r in queries.children(db, "recipients", doc["id"])],
                          [r["text"] for r in queries.children(db, "distribution", doc["id"])]),
        "others": [{"id": d["id"], "status": d["status"], "source": d["source"], "href": links.doc(uri, d["id"])}
                   for d in found if d["id"] != doc["id"]],
        "text_html": highlight(text, marks) if text else None,
        "legend": kinds,
        "cites": [{**c, "relation_name": RELATIONS.get(c["relation"], c["relation"]), "href": links.doc(c["target_uri"], c["target_id"]),
                   "in_text": f"ref-{c['position']}" if c["span_start"] is not None else None} for c in cites],
        "cited_by": [{**d, "label": doc_label(d), "numbered": numbered(d), "relation_name": RELATIONS.get(d["relation"], d["relation"]),
                      "href": links.doc(d["uri"], d["id"]), "at": links.doc(d["uri"], d["id"], f"ref-{d['position']}")} for d in cited_by],
        "cited_as": sorted({d["cited_text"] or d["cited_as"] for d in cited_by if d["cited_text"] or d["cited_as"]}),
        "citing_documents": len(citers),
        "picture": neighbourhood(doc, cites, cited_by, links),
        "budget": tree,
        "budget_holds": all(c.get("holds") for c in checks) if checks else None,
        "failing": len(failing),
        "other_amounts": [{**a, "money": money(a["value_vnd"]), "anchor": f"amount-{a['position']}"}
                          for a in amounts if f"amount-{a['position']}" not in in_tree],
        "assignments": assignments,
    }


# --- home ------------------------------------------------------------------------------------------


def _months(rows: list[dict]) -> list[tuple[str, int]]:
    """Documents per month, months without documents included (per year past 4 years)."""
    counts = {r["month"]: r["documents"] for r in rows if r["month"] and re.fullmatch(r"\d{4}-\d\d", r["month"])}
    if not counts:
        return []
    first, last = min(counts), max(counts)
    y, m = int(first[:4]), int(first[5:])
    months = []
    while f"{y:04d}-{m:02d}" <= last:
        months.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    if len(months) > 48:
        years: dict[str, int] = {}
        for month, n in counts.items():
            years[month[:4]] = years.get(month[:4], 0) + n
        return [(str(y), years.get(str(y), 0)) for y in range(int(first[:4]), int(last[:4]) + 1)]
    return [(month, counts.get(month, 0)) for month in months]


def charts(db: Database) -> dict:
    """The home page's charts: the library's ``amounts_by_source`` (by the records' fund
    keys, named by the reviewed table) and ``documents_per_month``, the questions the
    canned queries of the same names answer."""
    sources = queries.amounts_by_source(db)
    months = _months(queries.documents_per_month(db))
    return {
        "amounts_by_source": svg.bar_chart(
            [(r["source"], r["total_vnd"] or 0) for r in sources if r["total_vnd"]],
            label="Số tiền theo nguồn vốn · amounts by funding source", fmt=money_short,
        ),
        "documents_per_month": svg.column_chart(months, label="Số văn bản theo tháng · documents per month"),
    }


def home_page(db: Database, *, links: Links, latest: int = 20) -> dict:
    docs = queries.latest_documents(db, limit=latest)
    for d in docs:
        d.update(label=doc_label(d), numbered=numbered(d), href=links.doc(d["uri"], d["id"]), type_name=type_name(d["doc_type"]))
    return {"stats": queries.stats(db), "latest": docs, "charts": charts(db)}


# --- search ----------------------------------------------------------------------------------------


def search_page(db: Database, q: str, *, links: Links, limit: int = 50) -> dict:
    """Documents, tasks and agencies matching ``q`` ('so y te' finds 'Sở Y tế')."""
    q = (q or "").strip()
    if not q:
        return {"q": "", "documents": [], "tasks": [], "agencies": [], "error": None}
    try:
        documents = queries.search(db, q, limit=limit)
        tasks = queries.search_tasks(db, q, limit=limit)
    except sqlite3.OperationalError as exc:  # an FTS5 syntax error in the query: say so on the page
        return {"q": q, "documents": [], "tasks": [], "agencies": [], "error": str(exc)}
    for d in documents:
        d.update(label=doc_label(d), numbered=numbered(d), href=links.doc(d["uri"], d["id"]), type_name=type_name(d["doc_type"]),
                 excerpt_html=mark_words(d["excerpt"], q), subject_html=mark_words(d["subject"], q))
    for t in tasks:
        t.update(href=links.doc(t["uri"]), task_html=mark_words(t["task"], q), role_name=ROLES.get(t["role"], t["role"]))
    return {"q": q, "documents": documents, "tasks": tasks, "agencies": queries.matching_agencies(db, q), "error": None}
