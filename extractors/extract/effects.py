"""What a document does to the documents it cites, read from its own clauses.

Public API: ``find_effects(ctx, references, effective_date=None) -> list[Effect]``, a
pure function of the context and the references already found (their ``mention_spans``
say where each cited number is printed).

A clause acts on another document when an effect verb (``models/legal_effect.json``:
thay thế, bãi bỏ, sửa đổi/bổ sung, hướng dẫn/quy định chi tiết, đình chỉ/tạm ngưng) is
in the document's own voice: it opens the clause ("Điều 2. Bãi bỏ …", "3. Sửa đổi …",
"Về việc bãi bỏ …", "Nay thay thế …") or follows "<this document> …" with no other
document between ("Quyết định này có hiệu lực … và thay thế Quyết định số …"). The
documents it acts on are those cited after the verb up to the end of its sentence (a
list after "thay thế:" included), except one only described by another ("… về việc …
theo Nghị định số …"). The passive "Nghị định số 117/2009/NĐ-CP … hết hiệu lực" acts on
the documents the clause opens with ("Các Quyết định số A và B hết hiệu lực": both).

Each effect has the pinpoints printed before the number ("bãi bỏ khoản 2 Điều 3
Quyết định số …": scope ``part``) and its date: the clause's own ("kể từ ngày …") or
else the citing document's effective date.
"""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

import regex as re

from vanban import models
from vanban.schemas import Effect, Reference
from vanban.extractors.extract import doc_types
from vanban.extractors.extract.effective import _DATA, first_date_cue, speaks_for
from vanban.extractors.common.doc_numbers import spelling_key
from vanban.extractors.extract.references import patterns as cp
from vanban.extractors.extract.references.resolve import RELATION_PRIORITY

__all__ = ["find_effects", "type_references"]

# Where a clause begins: after ".;:" and a space, a blank line, or a line that opens with
# a list marker, an article or a capital letter.
_CLAUSE_BOUNDARY = r"[.;:](?=\s)|\n[ \t]*\n|\n(?=[ \t]*(?:[-+•*]|\d+\.|[a-zđ]\)|\p{Lu}))"
# Where the sentence of an effect ends: a full stop before a capital or "./.", an article
# heading, a blank line not followed by a list.
_SCOPE_END = r"""
    (?<!^[ \t]*(?:\d{1,3}|[a-zđ]))\.(?=\s+\p{Lu})|\./\.|\.[ \t]*$
  | \n(?=[ \t]*Điều[ \t]+\d+[a-z]?[ \t]*[.:])
  | \n(?=[ \t]*(?:[-+•*][ \t]*)?(?:Căn\s+cứ|CĂN\s+CỨ|Xét|Theo\s+đề\s+nghị|QUYẾT\s+(?:ĐỊNH|NGHỊ)|Thực\s+hiện)(?![\p{L}]))
  | \n[ \t]*\n(?![ \t]*(?:[-+•*]|(?i:điều|khoản|điểm)\s|TYPEWORD))
"""
_PIECE_SPLIT = r"[;:\n,]|(?<![\p{L}])và(?![\p{L}])"
# A list the clause introduces ("Bãi bỏ các văn bản sau:" and items on their own lines,
# or the rows of a table, a number alone on the row's first line) ends at an article
# heading, at a blank line not followed by an item, or at a line that is no item after a
# line ending a sentence. "… như sau:" introduces new wording, not a list of documents.
_LIST_MARK = r"(?:[-+•*|]|\d{1,3}(?:[.)]|[ \t]*(?=\n))|[a-zđ]\))"
_LIST_END = rf"""
    \n(?=[ \t]*Điều[ \t]+\d)
  | \n[ \t]*\n(?![ \t]*{_LIST_MARK})
  | (?<=[.;][ \t]*)\n(?![ \t]*{_LIST_MARK})
"""


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    data = models.load_json(_DATA)
    tw = doc_types.type_word_regex().pattern
    fill = lambda s: s.replace("TYPEWORD", tw)  # noqa: E731
    cues = "|".join(rf"(?P<{name}>{fill(cue)})" for name, cue in data["effects"].items())
    passive = "|".join(rf"(?P<{name}>{fill(cue)})" for name, cue in data["passive_effects"].items())
    i = re.IGNORECASE
    return {
        "cue": re.compile(rf"(?<![\p{{L}}])(?:{cues})(?![\p{{L}}])", i),
        "passive": re.compile(rf"(?<![\p{{L}}])(?:{passive})(?![\p{{L}}])", i),
        "self": re.compile(data["self_prefix"].replace("SELF", fill(data["self_subject"])), i),
        "enacting": re.compile(fill(data["enacting"]), i),
        "coordinator": re.compile(r"(?:[,;]|(?<![\p{L}])(?:và|đồng\s+thời))\s*(?:(?:và|đồng\s+thời)\s+)?$", i),
        "prefix": re.compile(data["clause_prefix"]),
        "determiner": re.compile(data["subject_determiner"], i),
        "not_voice": re.compile(data["not_voice_before"], i),
        "detail": re.compile(data["detail_words"], i),
        "kept": re.compile(data["kept_detail"], i),
        "boundary": re.compile(_CLAUSE_BOUNDARY),
        "scope_end": re.compile(fill(_SCOPE_END), re.VERBOSE | re.MULTILINE),
        "item": re.compile(r"\n[ \t]*[-+•*]"),
        "list_open": re.compile(r"(?<!như\s+sau\s*):[ \t]*\n", i),
        "list_end": re.compile(_LIST_END, re.VERBOSE),
        "piece": re.compile(_PIECE_SPLIT, i),
        "names_the_date": re.compile(r"(?:ngày|khi|lúc|thời\s+điểm|trước|sau)\s*$", i),
    }


def _clause_start(text: str, pos: int, limit: int = 600) -> int:
    lo = max(0, pos - limit)
    last = lo
    for m in _patterns()["boundary"].finditer(text, lo, pos):
        last = m.end()
    return last


def _scope_end(text: str, pos: int, limit: int = 2000) -> int:
    """Where the sentence of the cue at ``pos`` ends; a list it opens ("… sau:" then
    items) is part of it."""
    pats = _patterns()
    stop = min(len(text), pos + limit)
    m = pats["scope_end"].search(text, pos, stop)
    end = m.start() if m else stop
    if (opened := pats["list_open"].search(text, pos, end + 1)) is not None:
        m = pats["list_end"].search(text, opened.end(), stop)
        end = m.start() if m else stop
    return end


class _Mentions:
    """Every printed mention of a cited number: (start, end, reference), in order."""

    def __init__(self, references: list[Reference], own_number: str | None):
        own = spelling_key(own_number) if own_number else None
        items = []
        for ref in references:
            if not ref.number or (own and spelling_key(ref.number) == own):
                continue
            spans = getattr(ref, "mention_spans", None) or ([ref.span] if ref.span else [])
            items.extend((int(s[0]), int(s[1]), ref) for s in spans)
        self.items = sorted(items, key=lambda t: (t[0], t[1]))
        self._starts = [t[0] for t in self.items]

    def between(self, start: int, end: int) -> list[tuple[int, int, Reference]]:
        """The mentions that start in ``[start, end)``, in order (found by bisection)."""
        if start >= end:
            return []
        return self.items[bisect_left(self._starts, start):bisect_left(self._starts, end)]


def _voiced(text: str, cue: re.Match, mentions: _Mentions, doc_type: str | None) -> int | None:
    """The start of the cue's clause when the document itself speaks, else None."""
    pats = _patterns()
    start = _clause_start(text, cue.start())
    prefix = text[start:cue.start()]
    if pats["not_voice"].search(prefix):
        return None
    if pats["prefix"].match(prefix):
        return start
    if mentions.between(start, cue.start()):
        return None
    # "Quốc hội ban hành Luật sửa đổi, bổ sung …": the enacting formula names the document
    if (enacted := pats["enacting"].search(prefix)) is not None and speaks_for(enacted.group("subj"), doc_type) == 0:
        return start
    own = pats["self"].match(prefix)
    if own is None or speaks_for(own.group("subj"), doc_type) is None or pats["names_the_date"].search(prefix):
        return None
    return start


def _coordinated(text: str, cue: re.Match, last: tuple[int, int, int] | None) -> int | None:
    """The clause start of the voiced verb before ``cue`` when ``cue`` goes on with the
    same subject ("… thay thế Quyết định số A và bãi bỏ Quyết định số B"): in its scope,
    after "và"/","/"đồng thời", with no description of A between."""
    if last is None or not last[1] <= cue.start() < last[2]:
        return None
    pats = _patterns()
    head = pats["coordinator"].search(text, last[1], cue.start())
    if head is None or pats["detail"].search(pats["kept"].sub(" ", text[last[1]:head.start()]).split(" ngày ")[-1]):
        return None
    return last[0]


def _described(gap: str) -> bool:
    """Is the mention after ``gap`` only described by the one before (not acted on)?"""
    pats = _patterns()
    piece = pats["piece"].split(gap)[-1]
    return bool(pats["detail"].search(pats["kept"].sub(" ", piece)))


def _pinpoint(text: str, start: int, end: int) -> str | None:
    m = cp.pinpoint_tail_re().search(text, start, end)
    return " ".join(m.group("pin").split()) if m else None


def _add(found: dict, ref: Reference, relation: str, pin: str | None, date: str | None, span, clause: str) -> None:
    key = (spelling_key(ref.number), relation)
    effect = found.get(key)
    if effect is None:
        effect = found[key] = Effect(number=ref.number, doc_type=ref.doc_type, relation=relation,
                                     date=date, span=span, text=clause)
    if pin and pin not in effect.pinpoints:
        effect.pinpoints.append(pin)
        effect.scope = "part"


def find_effects(ctx, references: list[Reference], effective_date: str | None = None) -> list[Effect]:
    """What the document in ``ctx`` does to the documents it cites (see module doc)."""
    text = ctx.text or ""
    if getattr(ctx, "genre", "official") == "news" or not text or not references:
        return []
    pats = _patterns()
    mentions = _Mentions(references, ctx.number)
    if not mentions.items:
        return []
    found: dict[tuple, Effect] = {}
    last = None  # (clause start, cue end, scope end) of the last voiced verb
    for cue in pats["cue"].finditer(text):
        clause_start = _voiced(text, cue, mentions, ctx.doc_type)
        if clause_start is None and (clause_start := _coordinated(text, cue, last)) is None:
            continue
        end = _scope_end(text, cue.end())
        item = pats["item"].search(text, cue.end(), end)
        if item and ":" not in text[cue.end():item.start()]:
            end = item.start()  # a list item ends where the next begins
        last = (clause_start, cue.end(), end)
        nxt = next((c for c in pats["cue"].finditer(text, cue.end(), end)
                    if _voiced(text, c, mentions, ctx.doc_type) is not None or _coordinated(text, c, last) is not None), None)
        end = nxt.start() if nxt else end
        dated = first_date_cue(text, clause_start, end, ctx.issued_date, None)
        date = (dated[0] if dated else None) or effective_date
        clause = " ".join(text[clause_start:end].split())
        anchor = cue.end()
        for start, stop, ref in mentions.between(cue.end(), end):
            if anchor > cue.end() and _described(text[anchor:start]):
                continue
            _add(found, ref, cue.lastgroup, _pinpoint(text, anchor, start), date, (clause_start, end), clause)
            anchor = stop
    for cue in pats["passive"].finditer(text):
        start = _clause_start(text, cue.start())
        if pats["names_the_date"].search(text, max(0, cue.start() - 20), cue.start()):
            continue
        subjects = mentions.between(start, cue.start())
        if not subjects or not pats["prefix"].match(pats["determiner"].sub("", text[start:subjects[0][0]])):
            continue
        end = _scope_end(text, cue.end())
        # the clause's date after the verb, or put first ("Kể từ ngày 01/5/2024, Quyết định số …")
        dated = first_date_cue(text, cue.end(), end, ctx.issued_date, None) \
            or first_date_cue(text, start, subjects[0][0], ctx.issued_date, None)
        date = (dated[0] if dated else None) or effective_date
        clause = " ".join(text[start:end].split())
        anchor = start
        for i, (m_start, m_stop, ref) in enumerate(subjects):
            if i and _described(text[anchor:m_start]):
                break  # "Quyết định số A về việc thực hiện Nghị định số B hết hiệu lực": A only
            _add(found, ref, cue.lastgroup, _pinpoint(text, anchor, m_start), date, (start, end), clause)
            anchor = m_stop
    return sorted(found.values(), key=lambda e: (e.span or (0, 0), e.relation))


def type_references(references: list[Reference], effects: list[Effect]) -> list[Reference]:
    """The references with the relation of what the document does to each one (its
    effects: the one reading of "thay thế", "bãi bỏ", "sửa đổi, bổ sung", "hướng dẫn",
    "đình chỉ"); a basis or an implemented document keeps its relation, as resolve ranks
    them."""
    acted: dict[str, str] = {}
    for e in effects:
        key = spelling_key(e.number)
        acted[key] = min(acted.get(key, "cites"), e.relation, key=RELATION_PRIORITY.index)
    out = []
    for ref in references:
        relation = acted.get(spelling_key(ref.number)) if ref.number else None
        if relation and RELATION_PRIORITY.index(relation) < RELATION_PRIORITY.index(ref.relation):
            ref = ref.model_copy(update={"relation": relation})
        out.append(ref)
    return out
