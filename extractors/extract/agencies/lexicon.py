"""Agencies: the lexicon, the matching key, the canonical identity, and recognition.

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
- ``find_agencies(text) -> list[AgencyMention]``: every agency mention in ``text``, from
  the spaCy pipeline ``agency_nlp()`` (``spacy.blank("vi")`` with a syllable tokenizer, a
  SpanRuler loaded from ``models/agency_patterns.jsonl`` and the ``agency_merger``
  component that writes ``doc.spans["agencies"]``).
- ``province(name)`` and ``provinces()``: the table of ``models/provinces.json``.

Everything is loaded lazily, once. The lexicon is built by
``scripts/build_agency_lexicon.py``; ``models/AGENCIES.md`` says how.
"""
from __future__ import annotations

import bisect

import json
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex as re

from vanban import models

__all__ = [
    "AgencyMention",
    "agency_key",
    "canonical_agency",
    "expand_abbreviations",
    "find_agencies",
    "agency_nlp",
    "fold",
    "province",
    "provinces",
]

MODELS = models.DIR
SPANS_KEY = "agencies"

# --- folding -----------------------------------------------------------------------------

_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "Đ": "D", "đ": "d", "Ð": "D", "ð": "d"})


def fold(text: str) -> str:
    """Lower case, no diacritics, đ -> d, dashes as '-': 'Ủy ban – Uỷ BAN' -> 'uy ban - uy ban'."""
    text = unicodedata.normalize("NFD", text.translate(_DASHES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", text).lower()


# Tokens: a run of letters/digits, or one other visible character.
_TOKEN = re.compile(r"[\p{L}\p{M}\p{N}]+|\S")


def norm_token(token: str) -> str:
    """The NORM the matcher compares: folded; '&' reads as 'và'."""
    if token == "&":
        return "va"
    return fold(token)


def norm_phrase(text: str) -> str:
    """Space-joined NORMs of the tokens of ``text`` (how patterns are written)."""
    return " ".join(norm_token(t) for t in _TOKEN.findall(text))


# --- lexicon -------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """The content of ``models/agencies.json``."""
    return json.loads((MODELS / "agencies.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _province_table() -> dict:
    return json.loads((MODELS / "provinces.json").read_text(encoding="utf-8"))


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
    return [norm_token(t) for t in _TOKEN.findall(text)]


def _key_tokens_str(text: str) -> str:
    return " ".join(t for t in _plain_tokens(text) if t not in _PUNCT_TOKENS)


@lru_cache(maxsize=1)
def _abbreviation_rules() -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(abbreviation tokens, expansion tokens), longest abbreviation first."""
    rules = []
    for row in lexicon()["abbreviations"]:
        expansion = tuple(t for t in _plain_tokens(row["expansion"]) if t not in _PUNCT_TOKENS)
        for form in row["forms"]:
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
    for row in lexicon()["abbreviations"]:
        for form in row["forms"]:
            if form in ("TP", "TP.", "TX.", "TTg") or " " in form.strip() and not form.isupper():
                continue
            forms[form] = row["expansion"]
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


def _doc_jurisdiction(doc_jur) -> tuple[str | None, str | None]:
    """(id prefix, label) of the document's jurisdiction: ('nghe-an', 'tỉnh Nghệ An')."""
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
    doc_prefix, doc_label = _doc_jurisdiction(doc_jur)
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
        if place and fold(place) in fold(head_name):
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


# --- recognition: spaCy ----------------------------------------------------------------------


@dataclass(frozen=True)
class AgencyMention:
    text: str
    span: tuple[int, int]
    label: str  # AGENCY or GROUP
    lexicon_id: str | None = None


class SyllableTokenizer:
    """Whitespace and punctuation tokenizer: one token per syllable or mark, NORM folded.

    Vietnamese agency names are matched syllable by syllable; pyvi's word segmentation
    would glue a verb to the name ('Giao Sở')."""

    def __init__(self, vocab):
        self.vocab = vocab
        self._normed: set[str] = set()

    def __call__(self, text: str):
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for m in _TOKEN.finditer(text):
            gap = text[pos:m.start()]
            if gap:
                if words and gap.startswith(" "):
                    spaces[-1] = True
                    gap = gap[1:]
                if gap:
                    words.append(gap)
                    spaces.append(False)
            words.append(m.group(0))
            spaces.append(False)
            pos = m.end()
        tail = text[pos:]
        if tail:
            if words and tail.startswith(" "):
                spaces[-1] = True
                tail = tail[1:]
            if tail:
                words.append(tail)
                spaces.append(False)
        for w in words:
            if w not in self._normed:
                self.vocab[w].norm_ = norm_token(w) if not w.isspace() else w
                self._normed.add(w)
        return Doc(self.vocab, words=words, spaces=spaces)

    # spaCy asks tokenizers for these when saving a pipeline; nothing is saved here.
    def to_bytes(self, **kwargs):
        return b""

    def from_bytes(self, data, **kwargs):
        return self


def _make_merger(nlp, name: str):
    return AgencyMerger()


def _register_factory() -> None:
    from spacy.language import Language

    if not Language.has_factory("agency_merger"):
        Language.factory("agency_merger", func=_make_merger)


class AgencyMerger:
    """Turns the ruler's pieces into agency mentions in ``doc.spans["agencies"]``.

    An AGENCY piece (a lexicon name) absorbs what follows it: a jurisdiction ('tỉnh Nghệ
    An', 'huyện Kỳ Sơn', a bare level word 'tỉnh', 'cấp tỉnh', 'chi nhánh tỉnh'), a place
    name, a group of levels ('các huyện, thị xã') or another AGENCY it belongs to
    ('Ban Dân tộc' + 'HĐND tỉnh'). 'các' + group words ('các sở, ban, ngành') is a GROUP.
    """

    def __call__(self, doc):
        from spacy.tokens import Span
        from spacy.util import filter_spans

        # token attributes read as arrays: building a Token object per token is the slow part
        strings = doc.vocab.strings
        self._n = [strings[h] for h in doc.to_array("NORM").tolist()]
        self._low = [strings[h] for h in doc.to_array("LOWER").tolist()]
        pieces = doc.spans.get("agency_parts", [])
        agencies = filter_spans([s for s in pieces if s.label_ == "AGENCY"])
        jurs = {s.start: s for s in filter_spans([s for s in pieces if s.label_ in ("JUR", "PLACE")])}
        starts = {s.start: s for s in agencies}
        out: list = []
        used_until = -1
        for span in agencies:
            if span.start < used_until:
                continue
            start, end = span.start, span.end
            label = "AGENCY"
            while True:
                nxt = self._tail(doc, end, jurs, starts)
                if nxt is None:
                    break
                end, is_group = nxt
                if is_group:
                    label = "GROUP"
            out.append(Span(doc, start, end, label=label, span_id=span.id_))
            used_until = end
        taken = [False] * len(doc)
        for s in out:
            for i in range(s.start, s.end):
                taken[i] = True
        for i, norm in enumerate(self._n):
            if norm == "cac" and not taken[i]:
                end = self._group(doc, i + 1)
                if end is not None:
                    out.append(Span(doc, i, end, label="GROUP"))
                    for k in range(i, end):
                        taken[k] = True
        doc.spans[SPANS_KEY] = sorted(filter_spans(out), key=lambda s: s.start)
        return doc

    # -- pieces

    def _seq_at(self, i: int, seq: list[str], *, exact: bool) -> bool:
        """Whether ``seq`` (NORMs, or lower-case words when ``exact``) is at token ``i``."""
        words = self._low if exact else self._n
        return words[i:i + len(seq)] == seq

    def _tail(self, doc, end: int, jurs: dict, starts: dict) -> tuple[int, bool] | None:
        if end >= len(doc):
            return None
        if end in jurs:
            return jurs[end].end, False
        for seq in (["chi", "nhanh"], ["cap"]):
            if self._seq_at(end, seq, exact=False):
                j = end + len(seq)
                if j in jurs:
                    return jurs[j].end, False
                level = self._level(doc, j)
                if level is not None:
                    return level, False
        if self._n[end] == "cac":
            g = self._group(doc, end + 1, levels_only=True)
            if g is not None:
                return g, True
        if self._seq_at(end, ["viet", "nam"], exact=False):
            return end + 2, False
        if self._seq_at(end, ["khu", "vuc"], exact=False) and end + 2 < len(doc) and doc[end + 2].text.isupper():
            return end + 3, False
        level = self._level(doc, end)
        if level is not None:
            more = None
            if self._n[level:level + 1] in ([","], ["va"]) and self._level_end(doc, level + 1) is not None:
                more = self._group(doc, level + 1, levels_only=True)
            return (more, True) if more is not None else (level, False)
        if end in starts:
            return starts[end].end, False
        return None

    @staticmethod
    @lru_cache(maxsize=1)
    def _vocab() -> dict[str, list[list[str]]]:
        """Group and level words as NORM sequences and as lower-case word sequences, longest first."""
        def seqs(words, how):
            return sorted((how(w) for w in words), key=len, reverse=True)

        lex = lexicon()
        return {
            "kinds": seqs(lex["group_kinds"], lambda w: [t.lower() for t in _TOKEN.findall(w)]),
            "levels": seqs(lex["level_words"], lambda w: [t.lower() for t in _TOKEN.findall(w)]),
            "levels_folded": seqs(lex["level_words"], lambda w: norm_phrase(w).split()),
        }

    def _followed_by_name_or_stop(self, doc, j: int) -> bool:
        return j >= len(doc) or not doc[j].is_alpha or doc[j].text[:1].isupper()

    def _level_end(self, doc, i: int) -> int | None:
        """End of a level word at ``i``: as printed, or (an OCR slip, 'tính' for 'tỉnh') folded
        when a name or punctuation follows."""
        vocab = self._vocab()
        for seq in vocab["levels"]:
            if self._seq_at(i, seq, exact=True):
                return i + len(seq)
        for seq in vocab["levels_folded"]:
            if self._seq_at(i, seq, exact=False) and self._followed_by_name_or_stop(doc, i + len(seq)):
                return i + len(seq)
        return None

    def _level(self, doc, i: int) -> int | None:
        """End of a bare level word at ``i`` ('tỉnh', 'thành phố') with the unknown place
        name that may follow it ('tỉnh Mường Xa')."""
        j = self._level_end(doc, i)
        if j is None:
            return None
        k = j
        while k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha and k - j < 4:
            k += 1
        return k

    def _group(self, doc, i: int, *, levels_only: bool = False) -> int | None:
        """End of 'sở, ban ngành[ liên quan]' starting at ``i`` (after 'các'), or None."""
        vocab = self._vocab()
        end = None
        j = i
        while j < len(doc):
            if levels_only:
                nxt = self._level_end(doc, j)
            else:
                nxt = next((j + len(s) for s in vocab["kinds"] if self._seq_at(j, s, exact=True)), None)
            if nxt is None:
                break
            j = end = nxt
            # separators between kinds: ',', 'và', '-', '/', or none ('ban ngành')
            while j < len(doc) and self._n[j] in (",", "va", "-", "/"):
                j += 1
        if end is None:
            return None
        for mod in (["co", "lien", "quan"], ["lien", "quan"], ["cap", "tinh"], ["cap", "huyen"], ["cap", "xa"],
                    ["thuoc", "tinh"], ["truc", "thuoc"]):
            if self._seq_at(end, mod, exact=False):
                return end + len(mod)
        level = self._level_end(doc, end)
        return level if level is not None else end


@lru_cache(maxsize=1)
def agency_nlp():
    """``spacy.blank("vi")`` with the syllable tokenizer, the agency SpanRuler and merger."""
    import spacy

    _register_factory()
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.tokenizer = SyllableTokenizer(nlp.vocab)
    ruler = nlp.add_pipe(
        "span_ruler",
        name="agency_ruler",
        config={"spans_key": "agency_parts", "phrase_matcher_attr": "NORM", "validate": False, "overwrite": True},
    )
    patterns = [json.loads(line) for line in (MODELS / "agency_patterns.jsonl").read_text(encoding="utf-8").splitlines() if line]
    ruler.add_patterns(patterns)
    nlp.add_pipe("agency_merger")
    return nlp


# What compaction changes: runs of two or more white-space characters, and any single one
# other than a plain space (a single space is kept as it is).
_WHITESPACE_TO_COMPACT = re.compile(r"\s{2,}|[^\S ]")


class _OffsetMap:
    """Offsets in the compacted text back to the original: compaction keeps runs of text
    and turns each run of white space into one character, so a sorted list of run starts
    is enough (no per-character table)."""

    def __init__(self, starts: list[int], origins: list[int], length: int):
        self.starts, self.origins, self.length = starts, origins, length

    def __getitem__(self, pos: int) -> int:
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.origins[i] + (pos - self.starts[i]) if i >= 0 else pos


def _compact(text: str) -> tuple[str, _OffsetMap]:
    """``text`` with each run of spaces and single line breaks as one space (a hard-wrapped
    name is still one name) and each paragraph break as one newline; and the map from
    offsets in the result back to offsets in ``text``."""
    parts: list[str] = []
    starts: list[int] = []
    origins: list[int] = []
    pos = out = 0
    for m in _WHITESPACE_TO_COMPACT.finditer(text):
        if m.start() > pos:
            starts.append(out), origins.append(pos)
            parts.append(text[pos:m.start()])
            out += m.start() - pos
        starts.append(out), origins.append(m.start())
        parts.append("\n" if m.group(0).count("\n") >= 2 else " ")
        out += 1
        pos = m.end()
    if pos < len(text):
        starts.append(out), origins.append(pos)
        parts.append(text[pos:])
        out += len(text) - pos
    starts.append(out), origins.append(len(text))
    return "".join(parts), _OffsetMap(starts, origins, out)


def find_agencies(text: str) -> list[AgencyMention]:
    """Agency mentions in ``text`` with their [start, end) character spans in ``text``;
    ``AgencyMention.text`` has its whitespace collapsed."""
    compact, offsets = _compact(text)
    doc = agency_nlp()(compact)
    out = []
    for s in doc.spans[SPANS_KEY]:
        start, end = offsets[s.start_char], offsets[s.end_char - 1] + 1
        out.append(AgencyMention(s.text, (start, end), s.label_, s.id_ or None))
    return out
