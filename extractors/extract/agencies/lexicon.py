"""Agencies: the lexicon, the matching key and the canonical identity (recognition in
text is ``recognize.py``).

Public API (small on purpose; the store and the header call it):

- ``agency_key(name) -> str``: the key two spellings of one agency share: case, diacritics
  and tone placement (Uỷ/Ủy, Hoá/Hóa) ignored, abbreviations expanded (UBND, HĐND,
  MTTQVN, Sở NN&PTNT, Ngân hàng CSXH, BCĐ, …), punctuation dropped.
  ``agency_key("Sở NN&PTNT") == agency_key("Sở Nông nghiệp và Phát triển nông thôn")``.
- ``canonical_agency(name, jurisdiction=None) -> (agency_id, canonical_name)``: the identity
  of the body a mention names. Local bodies take the jurisdiction the mention prints
  ("tỉnh Nghệ An", "huyện Kỳ Sơn") or, when it prints none or only the level ("tỉnh"),
  the document's: ``canonical_agency("Sở Y tế", Jurisdiction("tỉnh", "Nghệ An"))`` is
  ``("nghe-an/so-y-te", "Sở Y tế tỉnh Nghệ An")``. National bodies are ``vn/<slug>``.
  Groups stay groups: ``UBND các huyện, thị xã`` is ``nghe-an/group/uy-ban-nhan-dan-cac-huyen-thi-xa``.
- ``recognize.find_agencies(text) -> list[AgencyMention]``: every agency mention in
  ``text``, from the spaCy pipeline ``recognize.agency_nlp()``.
- ``province(name)`` and ``provinces()``: the table of ``models/provinces.json``.

Everything is loaded lazily, once. The lexicon is built by
``scripts/build_agency_lexicon.py``; ``models/AGENCIES.md`` says how.
"""
from __future__ import annotations

import json
from functools import lru_cache

import regex as re

from vanban import models
from vanban.extractors.common import vocabulary
from vanban.extractors.common.folding import fold_dashes, fold_for_match
from vanban.extractors.extract import jurisdiction as _jurisdiction

__all__ = [
    "agency_key",
    "canonical_agency",
    "expand_abbreviations",
    "province",
    "provinces",
]

MODELS = models.DIR

# --- tokens -------------------------------------------------------------------------------

# Tokens (of the matcher too): a run of letters/digits, or one other visible character.
TOKEN = re.compile(r"[\p{L}\p{M}\p{N}]+|\S")


def norm_token(token: str) -> str:
    """The NORM the matcher compares: folded; '&' reads as 'và'."""
    if token == "&":
        return "va"
    return fold_for_match(fold_dashes(token))


def norm_phrase(text: str) -> str:
    """Space-joined NORMs of the tokens of ``text`` (how patterns are written)."""
    return " ".join(norm_token(t) for t in TOKEN.findall(text))


# --- lexicon -------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """The content of ``models/agencies.json``."""
    return json.loads((MODELS / "agencies.json").read_text(encoding="utf-8"))


def _province_table() -> dict:
    return _jurisdiction.places()


def provinces() -> list[dict]:
    """Provinces and centrally-run cities, before and after 1 July 2025 (``current``)."""
    return _province_table()["provinces"]


@lru_cache(maxsize=1)
def _province_index() -> dict[str, dict]:
    index: dict[str, dict] = {}
    for p in provinces():
        for name in [p["name"], *p.get("aliases", [])]:
            index.setdefault(_key_tokens_str(name), p)
    return index


@lru_cache(maxsize=1)
def _district_index() -> dict[str, list[dict]]:
    index: dict[str, list[dict]] = {}
    for d in _province_table()["districts"]:
        index.setdefault(_key_tokens_str(d["name"]), []).append(d)
    return index


def province(name: str) -> dict | None:
    """The province row for a name as printed ('Nghệ An', 'tỉnh Nghệ An', 'TP.HCM'), or None."""
    index = _province_index()
    toks = [t for t in _plain_tokens(name) if t not in _PUNCT_TOKENS]
    while toks and " ".join(toks) not in index and toks[0] in ("tinh", "thanh", "pho", "tp"):
        toks = toks[1:]
    return index.get(" ".join(toks))


# --- abbreviations and keys -----------------------------------------------------------------

_PUNCT_TOKENS = {",", "-", ".", ";", ":", "(", ")", "/", "\"", "'", "“", "”", "*", "…"}


def _plain_tokens(text: str) -> list[str]:
    return [norm_token(t) for t in TOKEN.findall(text)]


def _key_tokens_str(text: str) -> str:
    return " ".join(t for t in _plain_tokens(text) if t not in _PUNCT_TOKENS)


@lru_cache(maxsize=1)
def _abbreviation_rules() -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(abbreviation tokens, expansion tokens), longest abbreviation first."""
    rules = []
    for form, full in vocabulary.abbreviations("agency_key"):
        expansion = tuple(t for t in _plain_tokens(full) if t not in _PUNCT_TOKENS)
        toks = tuple(t for t in _plain_tokens(form) if t not in _PUNCT_TOKENS)
        if toks and toks != expansion:
            rules.append((toks, expansion))
    rules.sort(key=lambda r: -len(r[0]))
    return rules


@lru_cache(maxsize=1)
def _rules_by_first_token() -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]:
    """The abbreviation rules indexed by their first token, longest first."""
    index: dict[str, list] = {}
    for abbr, expansion in _abbreviation_rules():
        index.setdefault(abbr[0], []).append((abbr, expansion))
    return index


def _expand_tokens(tokens: list[str]) -> list[str]:
    rules = _rules_by_first_token()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for abbr, expansion in rules.get(tokens[i], ()):
            if tuple(tokens[i:i + len(abbr)]) == abbr:
                out.extend(expansion)
                i += len(abbr)
                break
        else:
            out.append(tokens[i])
            i += 1
    # "Mặt trận Tổ quốc" is always "… Việt Nam"
    fixed: list[str] = []
    for j, tok in enumerate(out):
        fixed.append(tok)
        if out[j - 3:j + 1] == ["mat", "tran", "to", "quoc"] and out[j + 1:j + 3] != ["viet", "nam"]:
            fixed.extend(["viet", "nam"])
    return fixed


@lru_cache(maxsize=65536)
def agency_key(name: str) -> str:
    """Matching key: folded, abbreviations expanded, punctuation dropped.

    >>> agency_key("Uỷ ban MTTQVN tỉnh") == agency_key("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh")
    True
    """
    tokens = [t for t in _plain_tokens(name) if t not in _PUNCT_TOKENS]
    return " ".join(_expand_tokens(tokens))


@lru_cache(maxsize=1)
def _display_abbreviations() -> re.Pattern:
    forms = {}
    for form, full in vocabulary.abbreviations("agency_display"):
        if " " in form.strip() and not form.isupper():
            continue  # "UB nhân dân", "MTTQ Việt Nam": written out in keys, not in names
        forms[form] = full
    alts = sorted(forms, key=len, reverse=True)
    pattern = r"(?<![\p{L}\p{N}])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![\p{L}\p{N}])"
    return re.compile(pattern), forms  # type: ignore[return-value]


def expand_abbreviations(name: str) -> str:
    """The name as printed with its known abbreviations written out:
    'UBND các huyện' -> 'Ủy ban nhân dân các huyện'."""
    pattern, forms = _display_abbreviations()  # type: ignore[misc]
    out = pattern.sub(lambda m: forms[m.group(0)], name)
    out = re.sub(r"\bTP\.?\s+(?=\p{Lu})", "thành phố ", out)
    return re.sub(r"\s+", " ", out).strip()


# --- canonical identity ----------------------------------------------------------------------


@lru_cache(maxsize=1)
def _entries_by_key() -> dict[str, dict]:
    out: dict[str, dict] = {}
    for e in lexicon()["agencies"]:
        for n in [e["name"], *e["aliases"]]:
            out.setdefault(agency_key(n), e)
    return out


def _slug(key: str) -> str:
    return "-".join(key.split())


def lookup(name: str) -> tuple[dict | None, list[str]]:
    """The lexicon entry whose name is the longest prefix of ``name``'s key, and the rest."""
    toks = agency_key(name).split()
    entries = _entries_by_key()
    for n in range(len(toks), 0, -1):
        e = entries.get(" ".join(toks[:n]))
        if e is not None:
            return e, toks[n:]
    return None, toks


_PROVINCE_LEVELS = (["thanh", "pho"], ["tinh"], ["tp"])
_LOWER_LEVELS = (["thi", "xa"], ["thi", "tran"], ["dac", "khu"], ["huyen"], ["quan"], ["xa"], ["phuong"])
_OWN_LEVEL_PREFIXES = (["chi", "nhanh"], ["cap"], ["truc", "thuoc"])


def _doc_scope(doc_jur) -> tuple[str | None, str | None]:
    """(id prefix, label) agency names take from the document's jurisdiction (a
    ``Jurisdiction`` or a province name): ('nghe-an', 'tỉnh Nghệ An')."""
    if doc_jur is None:
        return None, None
    if isinstance(doc_jur, str):
        name, level = doc_jur, None
    else:
        name, level = getattr(doc_jur, "name", None), getattr(doc_jur, "level", None)
    if not name or level == "national":
        return None, None
    p = province(name)
    if p is not None and level in (None, "tỉnh", "thành phố"):
        return p["id"], f"{p['level']} {p['name']}"
    return _slug(_key_tokens_str(name)), f"{level or ''} {name}".strip()


def _place(level: list[str], place: list[str], doc_prefix: str | None) -> tuple[str, str] | None:
    """(id, label) of a named province or district: 'tỉnh' + 'nghe an', 'huyện' + 'ky son'."""
    name = " ".join(place)
    if not name:
        return None
    if level in _PROVINCE_LEVELS or not level:
        p = _province_index().get(name)
        if p is not None:
            return p["id"], f"{p['level']} {p['name']}"
    hits = _district_index().get(name)
    if hits:
        pick = next((d for d in hits if d["province"] == doc_prefix), hits[0])
        return pick["id"], f"{pick['level']} {pick['name']}"
    return None


def _jurisdiction_of(tail: list[str], doc_jur) -> tuple[str | None, str | None, bool]:
    """(id prefix, label, own) for the words after an agency's name: a named place, the
    document's own level ('tỉnh', 'cấp tỉnh', 'chi nhánh tỉnh', nothing at all), else the
    document's jurisdiction with ``own`` False (the words name something inside it:
    'cấp xã', 'các huyện, thị xã', 'khu vực XII')."""
    doc_prefix, doc_label = _doc_scope(doc_jur)
    rest = list(tail)
    for pre in _OWN_LEVEL_PREFIXES:
        if rest[:len(pre)] == pre:
            rest = rest[len(pre):]
            break
    if not rest:
        return doc_prefix, doc_label, not tail
    for level in (*_PROVINCE_LEVELS, *_LOWER_LEVELS):
        if rest[:len(level)] == level:
            place = _place(level, rest[len(level):], doc_prefix)
            if place is not None:
                return place[0], place[1], True
            own = level in _PROVINCE_LEVELS and len(rest) == len(level)
            return doc_prefix, doc_label, own
    place = _place([], rest, doc_prefix)
    if place is not None:
        return place[0], place[1], True
    return doc_prefix, doc_label, False


def canonical_agency(name: str, jurisdiction=None) -> tuple[str, str]:
    """(agency_id, canonical name) of the body ``name`` names, in ``jurisdiction``
    (the document's ``Jurisdiction``, a province name, or None).

    >>> canonical_agency("Bộ Tài chính")
    ('vn/bo-tai-chinh', 'Bộ Tài chính')
    """
    entry, tail = lookup(name)
    key = agency_key(name)
    if entry is not None and entry["level"] == "national" and tail in ([], ["viet", "nam"]):
        return f"vn/{entry['id']}", entry["name"]
    if entry is None:
        head, tail = _split_head(key)
    prefix, label, own = _jurisdiction_of(tail, jurisdiction)
    display = expand_abbreviations(name)
    display = display[:1].upper() + display[1:]
    if key.startswith("cac ") or "cac" in tail:
        # groups stay groups: "các sở, ban, ngành", "UBND các huyện, thị xã"
        return f"{prefix or 'local'}/group/{_slug(key)}", display
    if own:
        # a body of the jurisdiction itself: "Sở Y tế" in a Nghệ An plan
        head_id = entry["id"] if entry is not None else _slug(head)
        head_name = entry["name"] if entry is not None else _display_head(name, len(head.split()))
        place = re.sub(r"^(?:thành phố|thị xã|thị trấn|tỉnh|huyện|quận|xã|phường|đặc khu)\s+", "", label or "")
        if place and fold_for_match(place) in fold_for_match(head_name):
            label = None  # "… Cần Thơ" already says where
        return f"{prefix or 'local'}/{head_id}", f"{head_name} {label}" if label else head_name
    # a body inside the jurisdiction ("UBND cấp xã", "… khu vực XII"): named as printed
    return f"{prefix or 'local'}/{_slug(key)}", display


def _split_head(key: str) -> tuple[str, list[str]]:
    """An unknown agency key split before the level word that starts its jurisdiction:
    ('ban quan ly du an', ['huyen', 'ky', 'son']). Folded keys are ambiguous ('quan' is
    quận and quản), so a level word counts only before a known place or at the end."""
    toks = key.split()
    for i in range(1, len(toks)):
        for level in (*_PROVINCE_LEVELS, *_LOWER_LEVELS):
            if toks[i:i + len(level)] != level:
                continue
            rest = toks[i + len(level):]
            if not rest or _place(level, rest, None) is not None:
                return " ".join(toks[:i]), toks[i:]
    return key, []


def _display_head(name: str, n_key_tokens: int) -> str:
    """The first words of ``name`` (abbreviations written out) that make ``n_key_tokens`` key tokens."""
    expanded = expand_abbreviations(name)
    words = expanded.split()
    for i in range(1, len(words) + 1):
        if len(agency_key(" ".join(words[:i])).split()) >= n_key_tokens:
            return " ".join(words[:i]).rstrip(",;:.")
    return expanded
