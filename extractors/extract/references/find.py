"""References: every other document a text cites, its relation, date, issuer and place.

Three stages, each a plain function:
- ``find_citations(text, ...)`` (here): every mention of a numbered document, with its
  type word, date, issuer phrase and pinpoint read from the words around the number;
- ``assign_relations`` (``relations.py``): the relation of each mention (``basis`` inside
  a "Căn cứ" clause, ``implements`` in the opening "Thực hiện …", else ``cites``; what the
  document does to one, ``replaces``/``amends``/``repeals``/``guides``, is put on the
  references from ``extract.effects`` by the pipeline);
- ``resolve_mentions(text, mentions)`` (``resolve.py``): short forms ("Quyết định số
  1719", "Nghị quyết nêu trên", "Luật Nhà ở ngày 27/11/2023") counted against the full
  citation they repeat, then one ``Reference`` per distinct number.
``extract_references(ctx)`` runs the three.

``references_to_spacy`` (``spacy_spans.py``) puts the spans on a spaCy ``Doc`` as
``doc.spans["references"]``. All patterns live in ``patterns.py``; dates come from ``dates.py``.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import regex as re

from vanban.schemas import Reference

from vanban.extractors.common import vocabulary
from vanban.extractors.common.prefilter import Scan
from vanban.extractors.common.doc_numbers import spelling_key
from vanban.extractors.extract.references import patterns as cp
from vanban.extractors.extract import doc_types
from vanban.extractors.extract.dates import DateMatch, date_at
from vanban.extractors.extract.references.relations import assign_relations
from vanban.extractors.extract.references.resolve import resolve_mentions
from vanban.extractors.extract.references.spacy_spans import references_to_spacy
from vanban.extractors.extract.references.spans import clause_start, date_after, sentence_start
from vanban.extractors.extract.jurisdiction import Jurisdiction as Place, citing_place

# Patterns used in the functions below, compiled once.
_AND = re.compile(r"\s+và\s+")
_CITY_TAIL = re.compile(r"(?i:thành\s+phố|tp\.?)$")
_TRAILING_DIGITS = re.compile(r"\d+$")
_SO_TAIL = re.compile(r"\s+(?i:số)[\s:]*$")
_QH = re.compile(r"QH\d*")
_UBTVQH = re.compile(r"UBTVQH\d*")
_DIGIT = re.compile(r"\d")

__all__ = ["Mention", "Place", "find_citations", "resolve_mentions", "extract_references", "references_to_spacy"]

_WINDOW = 260  # how far before a number its type word, pinpoint or subject may lie


@dataclass
class Mention:
    """One citation as printed: the lead (type word) through the number."""

    number: cp.CitationNumber
    start: int
    end: int
    doc_type: str | None
    type_word: str | None = None
    title: str | None = None
    date: DateMatch | None = None
    issuer: str | None = None
    pinpoint: str | None = None
    relation: str = "cites"
    tail_end: int = 0
    """end of the number, its date and its "của …" phrase"""
    repeats: list[tuple[int, int]] = field(default_factory=list)
    """spans of short forms resolved to this mention"""

    @property
    def key(self) -> str:
        return spelling_key(self.number.number)


# --- issuers -----------------------------------------------------------------------------

# Punctuation after a word that ends a name.
_NAME_BREAK = frozenset(".,;:!?()\"“”'‘’")
# Words a type word may follow inside a name: agency heads ("Bộ Kế hoạch và Đầu tư") and
# "Ban Chỉ đạo (các) Chương trình …".
_AGENCY_HEADS = frozenset("Bộ Sở Ban Vụ Phòng Cục Viện Văn các đạo".split())
# Joining words a name cannot end on ("Ủy ban nhân dân tỉnh và …", "… thành mức …").
_DANGLING = frozenset("và các cấp thành thị ban tổ chỉ thường chấp nhà mặt chương mục trung nhân".split())


@dataclass(frozen=True)
class _Layout:
    """How a text breaks its lines: hard-wrapped paragraphs continue across a line break."""

    wrapped: bool
    width: int

    @classmethod
    def of(cls, text: str) -> "_Layout":
        long_lines = [ln for ln in (raw.strip() for raw in text[:200_000].split("\n")) if len(ln) >= 40]
        if not long_lines:
            return cls(False, 0)
        open_ends = sum(1 for ln in long_lines if ln[-1] not in ".;:!?,)\"”*")
        widths = sorted(len(ln) for ln in long_lines)
        return cls(open_ends / len(long_lines) > 0.45, widths[len(widths) // 2])

    def continues(self, text: str, newline: int) -> bool:
        """Does the paragraph go on past the line break at ``newline``?"""
        if not self.wrapped:
            return False
        line_start = text.rfind("\n", 0, newline) + 1
        return newline - line_start >= 0.6 * self.width


def _read_issuer(text: str, pos: int, limit: int, layout: _Layout | None = None) -> tuple[str, int] | None:
    """The issuing body's name starting at ``pos``: ("Ủy ban nhân dân tỉnh Sóc Trăng", end)."""
    layout = layout or _Layout(False, 0)
    words: list[tuple[str, int, int]] = []
    chain = 0  # lower-case syllables continuing a capitalised word ("Tài chính")
    for m in cp.token_re().finditer(text, pos, min(limit, pos + 240)):
        tok = m.group("tok")
        rest = text[m.start(): m.start() + 40]
        if tok[0].islower() and cp.issuer_stop_re().match(rest) or tok in ("Về", "V/v"):
            break
        if words and words[-1][0] not in _AGENCY_HEADS and cp.type_word_re().match(rest):
            break  # "… Tỉnh ủy và Kế hoạch số 24"; but "Bộ Kế hoạch và Đầu tư" is a name
        if tok[0].isupper() or tok[0].isdigit():
            chain = 0
        elif tok.casefold() in cp.ISSUER_NAME_WORDS:
            chain = 0
        elif words and (words[-1][0][0].isupper() or chain) and chain < 3:
            chain += 1
        else:
            break
        words.append((tok, m.start(), m.start() + len(tok)))
        after = m.group("after")
        if any(c in _NAME_BREAK for c in after) or len(words) >= 16:
            break
        newline = after.find("\n")
        if newline >= 0 and not layout.continues(text, m.end("tok") + newline):
            break
    # a name does not end on a joining word ("và", "các", "thành" of "thành phố")
    while words and words[-1][0] in _DANGLING:
        words.pop()
    if not words:
        return None
    name = " ".join(w for w, _, _ in words)
    return name, words[-1][2]


def _complete(name: str, place: Place) -> str:
    """Expand UBND/HĐND and add the jurisdiction to names that end at a level word."""
    name = vocabulary.expand_abbreviations(name, "citation_issuer")
    if not place.name or place.name in name:
        return name
    parts = _AND.split(name)
    done = []
    for part in parts:
        if cp.level_tail_re().search(part):
            part = _CITY_TAIL.sub("thành phố", part)
            part = f"{part} {place.name}"
        done.append(part)
    return " và ".join(done)


def _symbol_issuer(num: cp.CitationNumber, place: Place) -> str | None:
    """The issuer a number's symbol names: ``NĐ-CP`` -> Chính phủ, ``KH-UBND`` -> UBND of the place."""
    codes = list(num.issuer_symbols) if num.joint else list(num.issuer_symbols[:1])
    names = [n for n in (_issuer_for_code(c, num, place) for c in codes) if n]
    if not names:
        return None
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1]


def _issuer_for_code(code: str, num: cp.CitationNumber, place: Place) -> str | None:
    tables = cp.symbol_tables()
    bare = _TRAILING_DIGITS.sub("", code)
    national = tables["national_issuers"]
    if code in national or bare in national:
        return national.get(code) or national[bare]
    if num.party and code == "TU":
        template = tables["party_provincial_committee"].get(place.level or "tỉnh")
        return template.format(name=place.name) if template and place.name else None
    template = tables["local_issuers"].get(code)
    if template and place.name and place.level != "national":
        return template.format(j=place.label, name=place.name)
    return None


# --- finding -----------------------------------------------------------------------------


def _lead(text: str, num: cp.CitationNumber, type_words: Scan) -> tuple[int, str, str | None] | None:
    """The type word governing ``num``: (start, word, title)."""
    s = num.span[0]
    words = [
        m for m in type_words.finditer(max(0, s - _WINDOW), s)
        # "pháp luật" is a word of a title, not the type word
        if not (m.group(0) == "luật" and text[max(0, m.start() - 8): m.start()].rstrip().casefold().endswith("pháp"))
    ]
    for m in reversed(words):
        gap = text[m.end(): s]
        if cp.direct_gap_re().match(gap):
            return m.start(), m.group(0), None
        if cp.title_gap_re().match(gap):
            return m.start(), m.group(0), _title(gap)
    for m in reversed(words):
        gap = text[m.end(): s]
        if cp.loose_title_gap_re().match(gap) and doc_types.code_for(m.group(0)) == _type_from_symbol(num):
            return m.start(), m.group(0), _title(gap)
    return None


def _title(gap: str) -> str:
    return " ".join(_SO_TAIL.sub("", gap).split())


def _type_from_symbol(num: cp.CitationNumber) -> str:
    if num.type_code:
        return num.type_code
    if any(_QH.fullmatch(c) for c in num.issuer_symbols):
        return "LUAT"
    if any(_UBTVQH.fullmatch(c) for c in num.issuer_symbols):
        return "NQ"
    return "CV"


_WRAPPED_BEFORE = re.compile(r"\p{Ll}[ \t]*\n[ \t]*(?:Luật|Pháp\s+lệnh)\s+số[ \t]*$")


def _is_own_label(text: str, num: cp.CitationNumber) -> bool:
    s = num.span[0]
    m = cp.own_number_label_re().search(text, max(0, s - 30), s)
    # '… một số điều của' / 'Luật số 45/2013/QH13': a sentence wrapped before the citation
    return bool(m) and not _WRAPPED_BEFORE.search(text, max(0, s - 60), s)


def _weak_bare_number(num: cp.CitationNumber) -> bool:
    """A number with no type word and no "số" that could be anything ("5/KP")."""
    if num.party or num.year or "-" in num.symbol or num.type_symbol:
        return False
    code = num.issuer_symbols[0] if num.issuer_symbols else ""
    return _TRAILING_DIGITS.sub("", code) not in cp.symbol_tables()["national_issuers"]


def _in_site_clutter(text: str, pos: int) -> bool:
    """Inside a web page's own notices or lists (the lines around ``pos`` say so)."""
    lo = pos
    for _ in range(3):
        lo = text.rfind("\n", 0, max(lo - 1, 0)) + 1 if lo > 0 else 0
    hi = pos
    for _ in range(2):
        nxt = text.find("\n", hi + 1)
        hi = len(text) if nxt < 0 else nxt
    return bool(cp.site_clutter_re().search(text, max(lo, pos - 400), min(hi, pos + 400)))


def _date_before(text: str, lead: int, starts: list[int]) -> DateMatch | None:
    """"Ngày 28/3/2023, Ban … ban hành Kế hoạch số 185/…": the date heading the sentence."""
    line_start = text.rfind("\n", 0, lead) + 1
    clause = clause_start(text, lead)
    after_comma = [m.end() for m in cp.comma_date_head_re().finditer(text, max(clause, lead - 200), lead)]
    for start in dict.fromkeys((clause, line_start, *after_comma[-1:])):
        head = cp.date_head_re().match(text, start, lead)
        if head:
            break
    else:
        return None
    d = date_at(text, head.end(), lead)
    if d is None or d.precision == "year":
        return None
    between = text[d.span[1]: lead]
    i = bisect.bisect_left(starts, d.span[1])
    if i < len(starts) and starts[i] < lead:
        return None  # another number stands between the date and this citation
    if cp.issue_verb_re().search(between) or cp.date_link_re().fullmatch(between):
        return d
    return None


def _subject_of_issuing_verb(text: str, clause: int, lead: int) -> tuple[int, int] | None:
    """Span of X in "X (đã) ban hành <citation>" (X starts with a capital, has no comma)."""
    verb = cp.issuing_verb_tail_re().search(text, max(clause, lead - 60), lead)
    if not verb:
        return None
    subject = cp.subject_re().search(text, max(clause, verb.start() - 151), verb.start())
    return (subject.start(), subject.end()) if subject else None


def _pinpoint(text: str, lead: int) -> str | None:
    lo = clause_start(text, lead, max(0, lead - 220))
    m = cp.pinpoint_tail_re().search(text, lo, lead)
    return " ".join(m.group("pin").split()) if m else None


def _mention(text: str, num: cp.CitationNumber, prev: Mention | None, type_words: Scan) -> Mention | None:
    """The citation around ``num``: its type word, or the type of the list it continues,
    or the type its symbol names; None for a bare number that could be anything."""
    lead = _lead(text, num, type_words)
    if lead:
        start, word, title = lead
        code = doc_types.code_for(word)
        if word.casefold() == "văn bản" and num.type_code:
            code = num.type_code  # "văn bản" is generic; a typed symbol says more
        return Mention(number=num, start=start, end=num.span[1], doc_type=code, type_word=word, title=title)
    start = num.span[0]
    so = cp.so_before_re().search(text, max(0, start - 8), start)
    if so:
        start = so.start()
    chained = bool(
        prev and 0 <= num.span[0] - prev.tail_end < 40 and cp.chain_gap_re().match(text[prev.tail_end: num.span[0]])
    )
    if chained and num.type_code in (None, prev.doc_type):
        code = prev.doc_type
    elif not so and not chained and _weak_bare_number(num):
        return None
    else:
        code = _type_from_symbol(num)
    return Mention(number=num, start=start, end=num.span[1], doc_type=code)


def _read_date_and_issuer(text: str, mention: Mention, place: Place, layout: _Layout, starts: list[int]) -> None:
    """The date right after the number, "của <issuer>", a date after the issuer, or a date
    heading the sentence; ``tail_end`` is where the citation's words end."""
    num = mention.number
    mention.date = date_after(text, num.span[1])
    tail = mention.date.span[1] if mention.date else num.span[1]
    intro = cp.to_issuer_re().match(text, tail)
    got = _read_issuer(text, intro.end(), len(text), layout) if intro else None
    if got:
        mention.issuer = _complete(got[0], place)
        tail = got[1]
        if mention.date is None:
            mention.date = date_after(text, tail)
            tail = mention.date.span[1] if mention.date else tail
    if mention.date is None:
        mention.date = _date_before(text, mention.start, starts)
    mention.tail_end = tail


def _subject_issuer(
    text: str, mention: Mention, place: Place, layout: _Layout, subject: tuple[str, str, int] | None
) -> tuple[str, str, int] | None:
    """Issuer as the subject of "X (đã) ban hành <citation>"; the same X for the next
    citations of that sentence with the same issuer code. Returns the subject to carry."""
    code = (mention.number.issuer_symbols or ("",))[0]
    sentence = sentence_start(text, mention.start)
    sv = _subject_of_issuing_verb(text, clause_start(text, mention.start), mention.start)
    got = _read_issuer(text, sv[0], sv[1], layout) if sv else None
    if got and got[1] >= sv[1] - 1:
        mention.issuer = _complete(got[0], place)
        return mention.issuer, code, sentence
    if subject and subject[1:] == (code, sentence):
        mention.issuer = subject[0]
    return subject


def find_citations(
    text: str,
    *,
    own_number: str | None = None,
    place: Place | None = None,
    numbers: list[cp.CitationNumber] | None = None,
    type_words: Scan | None = None,
) -> list[Mention]:
    """Every mention of a numbered document in ``text``, in order, the document's own excluded
    (``type_words``: the text's ``doc_types.type_word_scan``, made here when not given)."""
    place = place or Place(None, None)
    own = spelling_key(own_number) if own_number and _DIGIT.search(own_number) else None
    numbers = cp.find_numbers(text) if numbers is None else numbers
    starts = [n.span[0] for n in numbers]
    layout = _Layout.of(text)
    type_words = type_words or doc_types.type_word_scan(text)
    mentions: list[Mention] = []
    subject = None  # (issuer, issuer code, sentence start) of "X đã ban hành …"
    for num in numbers:
        if own and spelling_key(num.number) == own:
            continue
        if _is_own_label(text, num) or _in_site_clutter(text, num.span[0]):
            continue
        mention = _mention(text, num, mentions[-1] if mentions else None, type_words)
        if mention is None:
            continue
        _read_date_and_issuer(text, mention, place, layout, starts)
        if mention.issuer is None:
            subject = _subject_issuer(text, mention, place, layout, subject)
        if mention.issuer is None:
            mention.issuer = _symbol_issuer(num, place)
        mention.pinpoint = _pinpoint(text, mention.start)
        mentions.append(mention)
    return mentions


def extract_references(ctx) -> list[Reference]:
    """Every document ``ctx.text`` cites, one ``Reference`` each (OUTPUT.md)."""
    text = ctx.text or ""
    if not text.strip():
        return []
    place = citing_place(getattr(ctx, "jurisdiction", None), ctx.text)
    numbers = cp.find_numbers(text)
    type_words = doc_types.type_word_scan(text)
    mentions = find_citations(text, own_number=ctx.number, place=place, numbers=numbers, type_words=type_words)
    assign_relations(
        text,
        mentions,
        genre=getattr(ctx, "genre", "official"),
        segments=getattr(ctx, "segments", None),
    )
    return resolve_mentions(text, mentions, type_words)
