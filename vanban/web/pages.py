"""What the web view's own pages show: plain functions from the store to template values.

- the helpers every page uses: ``money``, ``doc_label``, ``Links`` (the URL of a document's
  page, of its file, of an agency's tasks), ``highlight`` and ``mark_words``;
- ``search_page``: documents, tasks and agencies matching a query, diacritics optional; a
  query that is a document's number links straight to that document.

The home page is ``vanban.web.home``, a document's ``vanban.web.document``, an agency's
tasks ``vanban.web.tasks``.
Each takes a ``sqlite_utils.Database`` (the web server wraps its read-only connection)
and a ``Links``. What they show comes from the library's questions (``vanban.queries``):
no SQL here.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Callable, Iterable
from urllib.parse import quote, urlencode

import regex as re
from markupsafe import Markup, escape
from sqlite_utils import Database

from vanban.extractors.extract.amounts.numbers import format_figure

from .. import identity, queries
from ..store import DocumentNotFoundError
from .labels import place, role_name, type_name

# --- small formatting helpers ----------------------------------------------------------------------


def money(value_vnd: int | None) -> str:
    """1473139000000 -> '1.473.139.000.000 đ'."""
    return "" if value_vnd is None else f"{format_figure(Decimal(value_vnd))} đ"


def money_short(value_vnd: float) -> str:
    """A figure for a chart: in tỷ (10^9) or triệu (10^6) đồng, one decimal."""
    for scale, unit in ((9, "tỷ đ"), (6, "triệu đ")):
        if abs(value_vnd) >= 10**scale:
            return f"{format_figure(Decimal(int(value_vnd)).scaleb(-scale).quantize(Decimal('0.1')))} {unit}"
    return money(int(value_vnd))


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
    share the URI (``is_shared``); ``file(id, name)`` downloads a document's file;
    ``tasks(agency, …)`` is an agency's tasks page."""

    prefix: Callable[[str], str] = lambda path: path
    is_shared: Callable[[str], bool] = lambda uri: False

    def doc(self, uri: str | None, doc_id: int | None = None, anchor: str | None = None) -> str | None:
        if not uri:
            return None
        url = self.prefix("/doc/" + uri)
        if doc_id is not None and self.is_shared(uri):
            url += f"?id={doc_id}"
        return url + (f"#{anchor}" if anchor else "")

    def file(self, doc_id: int, name: str) -> str:
        return self.prefix(f"/file/{doc_id}/{quote(name)}")

    def tasks(self, agency: str, *, province: str | None = None, role: str | None = None, csv: bool = False) -> str:
        args = {"agency": agency, **({"province": province} if province else {}), **({"role": role} if role else {})}
        return self.prefix("/tasks" + (".csv" if csv else "")) + "?" + urlencode(args)

    def table(self, table: str, **args) -> str:
        return self.prefix(f"/{DATABASE}/{table}") + ("?" + urlencode(args) if args else "")

    def query(self, name: str, **args) -> str:
        return self.table(name, **args)

    @classmethod
    def for_db(cls, db: Database, prefix: Callable[[str], str] = lambda path: path) -> "Links":
        """Links that ask the store (once per URI, through its index) whether a URI is shared."""

        return cls(prefix=prefix, is_shared=lru_cache(maxsize=None)(lambda uri: queries.uri_is_shared(db, uri)))


DATABASE = "vanban"  # the database's name in URLs (``vanban.web.metadata.NAME``)


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

# --- search ----------------------------------------------------------------------------------------


def search_page(db: Database, q: str, *, links: Links, limit: int = 50) -> dict:
    """Documents, tasks and agencies matching ``q`` ('so y te' finds 'Sở Y tế')."""
    q = (q or "").strip()
    if not q:
        return {"q": "", "documents": [], "tasks": [], "agencies": [], "error": None, "numbered": []}
    try:
        documents = queries.search(db, q, limit=limit)
        tasks = queries.search_tasks(db, q, limit=limit)
    except queries.SearchSyntaxError as exc:  # an FTS5 syntax error in the query: say how to quote on the page
        return {"q": q, "documents": [], "tasks": [], "agencies": [], "error": exc.message, "numbered": by_number(db, q, links)}
    for d in documents:
        d.update(label=doc_label(d), numbered=numbered(d), href=links.doc(d["uri"], d["id"]), type_name=type_name(d["doc_type"]),
                 excerpt_html=mark_words(d["excerpt"], q), subject_html=mark_words(d["subject"], q))
    for t in tasks:
        t.update(href=links.doc(t["uri"]), task_html=mark_words(t["task"], q), role_name=role_name(t["role"]))
    agencies = queries.matching_agencies(db, q)
    for a in agencies:
        a.update(href=links.tasks(a["name"], province=a["jurisdiction"] if a["jurisdiction"] != "local" else None),
                 place=place(a["jurisdiction"]))
    return {"q": q, "documents": documents, "tasks": tasks, "agencies": agencies, "error": None,
            "numbered": by_number(db, q, links)}


def by_number(db: Database, q: str, links: Links) -> list[dict]:
    """The documents whose number ``q`` is ('352/KH-UBND', '27/2022/NĐ-CP'), loaded first."""
    if not re.search(r"\d", q) or "/" not in q or not identity.number_key(q):
        return []
    try:
        found = queries.find_documents(db, q)
    except DocumentNotFoundError:
        return []
    return [{**d, "label": doc_label(d), "href": links.doc(d["uri"], d["id"]), "type_name": type_name(d["doc_type"])}
            for d in sorted(found, key=lambda d: (d["status"] != "loaded", d["uri"] or "", d["id"]))]
