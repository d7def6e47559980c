"""What people read instead of the store's codes: headings of columns, names of values
(roles, statuses, relations, document types, places, agencies), the filters' operators.

Headings come from ``metadata.yaml`` (``labels``, ``query_labels``, else the Vietnamese
part of a column's description); values from the reviewed tables the extractor uses
(document type words, the province table). A pair is ``(vi, en)``.
"""
from __future__ import annotations

from functools import lru_cache

from vanban.extractors.extract.doc_types import TYPE_WORDS

from ..formatting import GENRES, RELATIONS, ROLES, STATUSES, VIA, pair, place
from .metadata import load_spec

# What another document's effect (``vanban.status``) did to this one.
EFFECTS_BY = {
    "replaces": ("bị thay thế bởi", "replaced by"),
    "repeals": ("bị bãi bỏ bởi", "repealed by"),
    "amends": ("được sửa đổi, bổ sung bởi", "amended by"),
    "guides": ("được hướng dẫn bởi", "guided by"),
    "suspends": ("bị đình chỉ bởi", "suspended by"),
}
BOOLEAN_COLUMNS = {"holds": (("không khớp", "fails"), ("khớp", "holds")), "cycle": (("không", "no"), ("có", "yes"))}
LOOKUPS = {  # Datasette's filter operators
    "exact": "bằng · =", "not": "khác · ≠", "contains": "chứa · contains", "endswith": "kết thúc bằng · ends with",
    "startswith": "bắt đầu bằng · starts with", "gt": "lớn hơn · >", "gte": "từ · ≥", "lt": "nhỏ hơn · <",
    "lte": "đến · ≤", "like": "giống (like)", "notlike": "không giống (not like)", "glob": "khớp mẫu (glob)",
    "in": "thuộc · in", "notin": "không thuộc · not in", "arraycontains": "mảng chứa · array contains",
    "arraynotcontains": "mảng không chứa · array does not contain", "date": "ngày · date",
    "isnull": "trống · is null", "notnull": "có giá trị · not null", "isblank": "rỗng · is blank",
    "notblank": "không rỗng · not blank",
}


@lru_cache(maxsize=1)
def _type_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for word, code in TYPE_WORDS.items():
        if code not in names or len(word) < len(names[code]):
            names[code] = word
    return {**names, "CV": "Công văn", "TIN": "Tin bài"}


def type_name(code: str | None) -> str:
    """'KH' -> 'Kế hoạch'."""
    return _type_names().get(code or "", code or "")


def role_name(role: str | None) -> str:
    return pair(ROLES[role]) if role in ROLES else (role or "")


def relation_name(relation: str | None) -> str:
    return pair(RELATIONS[relation]) if relation in RELATIONS else (relation or "")


def effect_name(relation: str | None) -> str:
    """'replaces' -> 'bị thay thế bởi · replaced by': what the acting document did to this one."""
    return pair(EFFECTS_BY[relation]) if relation in EFFECTS_BY else relation_name(relation)


def value(column: str, raw, agencies: dict[str, str] | None = None) -> str | None:
    """How a stored value reads (None: as stored)."""
    if raw is None:
        return None
    if column == "status" and raw in STATUSES:
        return pair(STATUSES[raw])
    if column == "role" and raw in ROLES:
        return role_name(raw)
    if column == "relation" and raw in RELATIONS:
        return relation_name(raw)
    if column == "genre" and raw in GENRES:
        return pair(GENRES[raw])
    if column == "via" and raw in VIA:
        return pair(VIA[raw])
    if column in ("doc_type", "citing_doc_type") and isinstance(raw, str) and raw:
        name = type_name(raw)
        return f"{raw} · {name}" if name and name != raw else raw
    if column == "jurisdiction" and isinstance(raw, str):
        return place(raw)
    if column == "agency_id" and isinstance(raw, str) and agencies:
        return agencies.get(raw)
    if column in BOOLEAN_COLUMNS and raw in (0, 1, "0", "1"):
        return pair(BOOLEAN_COLUMNS[column][int(raw)])
    return None


def _short(description: list[str]) -> tuple[str, str]:
    vi, en = description
    cut = lambda s: s.split(" (")[0].split(":")[0].strip()  # noqa: E731
    return cut(vi), cut(en)


def column(name: str, *, table: str | None = None, query: str | None = None) -> tuple[str, str]:
    """The heading of a column of ``table`` or of the canned query ``query``."""
    spec = load_spec()
    found = (spec.get("query_labels", {}).get(query) or {}).get(name) if query else None
    if found is None:
        found = spec.get("labels", {}).get(name)
    if found is None and table:
        described = spec["tables"].get(table, {}).get("columns", {}).get(name)
        found = _short(described) if described else None
    return tuple(found) if found else (name, name)


def description(name: str, table: str | None) -> str | None:
    """A table column's full description (a heading's tooltip)."""
    described = load_spec()["tables"].get(table or "", {}).get("columns", {}).get(name) if table else None
    return pair(described) if described else None


def shown_columns(table: str | None) -> list[str] | None:
    """The columns a table grid shows, in order (None: every column)."""
    return load_spec().get("show", {}).get(table or "")


def param(name: str) -> dict:
    """A canned query parameter's label, hint and choices."""
    spec = load_spec().get("params", {}).get(name) or {}
    return {"label": tuple(spec.get("label") or (name, name)), "hint": spec.get("hint"),
            "choices": [(k, pair(v)) for k, v in (spec.get("choices") or {}).items()]}


def lookup(key: str, display: str) -> str:
    return LOOKUPS.get(key, display)
