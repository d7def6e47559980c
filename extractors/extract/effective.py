"""When a document takes effect and when it ends, as its own text says.

Public API: ``find_effective(ctx) -> Validity`` (a pure function of the ``DocContext``).

Forms read (cue words in ``models/legal_effect.json``):
- "Quyết định này có hiệu lực (thi hành) kể từ ngày ký (ban hành)" -> the issued date;
- "… có hiệu lực (thi hành) (kể) từ ngày 01 tháng 7 năm 2025" / "từ ngày 15/3/2023" ->
  that date (read by ``dates.date_at``);
- "… có hiệu lực sau 10 ngày kể từ ngày ký" -> the issued date plus 10 days;
- "… có hiệu lực kể từ ngày thông qua / ban hành" -> the date of adoption ("thông qua
  ngày …" in the same sentence) or else the issued date;
- "… có hiệu lực từ ngày … đến (hết) ngày …" and "<this document> hết hiệu lực (kể) từ
  ngày …" -> the expiry date.

"kể từ" is also read as OCR often prints it ("kế từ", "kê từ"); "từ ngày (được) … thông qua" counts
from the adoption ("Nghị quyết này đã được … thông qua ngày …", in that sentence or
another), and so does "sau 10 ngày kể từ ngày thông qua".

A text whose clause OCR or a keyboard without diacritics damaged ("co hieu luc ke tu
ngay ky", "hiệu lục", "kê tù ngày", "nãm") is read again, when it gives no clause as
printed, with the words of the clause spelled right (``ocr_phrases``); the clause's text
stays as printed.

Only a sentence whose subject is the document itself counts ("Quyết định này", "Nghị
định này", or a type word opening an article's clause); "trước ngày Nghị định này có
hiệu lực" names the date, it does not set it. A plan's period ("giai đoạn 2021-2025")
sets nothing. Silence gives ``None``.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, replace
from functools import lru_cache

import regex as re

from vanban import models
from vanban.extractors.common.folding import fold_same_length
from vanban.extractors.extract import doc_types
from vanban.extractors.extract.amounts.numbers import NumberFormatError, parse_words
from vanban.extractors.extract.dates import date_at

__all__ = ["Validity", "Clause", "find_effective", "first_date_cue", "speaks_for", "cue_patterns"]

_DATA = "legal_effect.json"
# A blank line ends a sentence unless the words go on after it in lower case or with a
# day's number (a page or a paragraph broken inside the clause: "kể từ\n\nngày 01 …").
_SENTENCE_END = r"[.;](?=\s)|\.$|\n[ \t]*\n(?![ \t]*(?:\p{Ll}|\d{1,2}(?:[ \t]+tháng|/)))|\n(?=[ \t]*(?:\d+\.|Điều[ \t]+\d|[a-zđ]\)))"


@dataclass(frozen=True)
class Clause:
    date: str | None
    span: tuple[int, int]
    text: str
    rule: str
    """the form that gave the date: signing, issue, adoption, after_days, date, or
    until (an expiry that is the last day in force: "đến hết ngày …")"""


@dataclass(frozen=True)
class Validity:
    effective: Clause | None = None
    expiry: Clause | None = None


@lru_cache(maxsize=1)
def cue_patterns() -> dict[str, re.Pattern]:
    """The compiled cue patterns of ``models/legal_effect.json`` (type words filled in)."""
    data = models.load_json(_DATA)
    type_words = doc_types.type_word_regex().pattern

    def compile_(fragment: str, flags: int = re.IGNORECASE) -> re.Pattern:
        return re.compile(fragment.replace("ADOPTION", data["adoption"]).replace("TYPEWORD", type_words), flags)

    subject = data["self_subject"].replace("TYPEWORD", type_words)
    # "Điều 3. Nghị quyết có hiệu lực …": the own type word alone (checked in _is_self)
    subject = rf"{subject}|(?P<bare>{data['bare_subject'].replace('TYPEWORD', type_words)})"
    # "<this document> … có hiệu lực": no citation number and no sentence end between.
    gap = r"(?:(?!\d+[ \t]*/)[^.;\n]|\n(?![ \t]*\n)|\.(?=\d)){0,300}?"
    return {
        "in_force": compile_(rf"(?P<subj>{subject}){gap}(?P<cue>{data['in_force']})"),
        "expires": compile_(rf"(?P<subj>{subject}){gap}(?P<cue>{data['expires']})"),
        "in_force_cue": compile_(data["in_force"]),
        "expires_cue": compile_(data["expires"]),
        "until": compile_(data["until"]),
        "then_expires": compile_(rf";\s*(?:và\s+|đồng\s+thời\s+)?(?={data['expires']})"),
        "expires_at": compile_(r"\s*(?:thi\s+hành\s+)?(?:(?:k[ểếê]\s+)?từ\s+|vào\s+)?(?=ngày)"),
        "from_signing": compile_(data["from_signing"]),
        "from_issue": compile_(data["from_issue"]),
        "after_days": compile_(data["after_days"]),
        "from_date": compile_(data["from_date"]),
        "sentence_end": re.compile(_SENTENCE_END),
        "close": compile_(r"[\s,]*(?:(?:chính\s+thức|thi\s+hành|áp\s+dụng)[\s,]*)?"),
        "adopted": compile_(r"thông\s+qua\s+(?=ngày)"),
        "adoption_cue": compile_(r"thông\s+qua"),
        # "Nghị quyết này đã được Hội đồng nhân dân tỉnh … thông qua ngày …", anywhere
        "adopted_self": compile_(rf"(?P<subj>{data['self_subject']})(?:\s+đã)?\s+được[^.;]{{0,300}}?thông\s+qua\s+(?=ngày)"),
        "names_the_date": compile_(r"(?:ngày|khi|lúc|thời\s+điểm|trước|sau)\s*$"),
    }


# How far before its cue a clause can start: the gap of at most 300 characters and a
# subject ("Quyết định này", "Nghị quyết liên tịch này") well under the rest.
_CLAUSE_REACH = 2000


def _clauses(name: str, text: str):
    """``cue_patterns()[name]`` over ``text``: the same matches as ``finditer`` on the whole
    text, the pattern tried only near its cues (a clause holds its cue, a literal phrase
    found fast, and starts at most ``_CLAUSE_REACH`` before it; most of a text holds none).
    Each stretch of starts is searched with the text cut ``2 * _CLAUSE_REACH`` after its
    last cue, so a search that finds nothing there stops instead of reading on."""
    pats = cue_patterns()
    pattern = pats[name]
    pos = 0
    for lo, hi in _cue_windows(pats[f"{name}_cue"], text):
        while (m := pattern.search(text, max(pos, lo), min(len(text), hi + 2 * _CLAUSE_REACH))) is not None \
                and m.start() <= hi:
            yield m
            pos = m.end()


def _cue_windows(cue: re.Pattern, text: str) -> list[tuple[int, int]]:
    """The stretches ``[cue start - _CLAUSE_REACH, cue end]`` of the cues of ``text``,
    overlapping ones merged, in order: where a clause of that cue can start."""
    out: list[tuple[int, int]] = []
    for c in cue.finditer(text):
        lo = max(0, c.start() - _CLAUSE_REACH)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], c.end())
        else:
            out.append((lo, c.end()))
    return out


def _sentence_end(text: str, pos: int, limit: int = 600) -> int:
    m = cue_patterns()["sentence_end"].search(text, pos, min(len(text), pos + limit))
    return m.start() if m else min(len(text), pos + limit)


def _add_days(iso: str | None, days: int | None) -> str | None:
    if not iso or len(iso) != 10 or days is None:
        return None
    return (_dt.date.fromisoformat(iso) + _dt.timedelta(days=days)).isoformat()


def _days(n: str) -> int | None:
    """'10' or 'mười' -> 10; other words -> None."""
    if n.isdigit():
        return int(n)
    try:
        return parse_words(n)
    except NumberFormatError:
        return None


def _is_adoption(cue: str) -> bool:
    """Does the cue count from the day the document was adopted ("… thông qua")?"""
    return "thông qua" in " ".join(cue.lower().split())


def first_date_cue(text: str, start: int, end: int, issued: str | None, adopted
                    ) -> tuple[str | None, str, int] | None:
    """(date, rule, position) of the earliest date cue in ``text[start:end]``; ``adopted``
    is the date of adoption, or a function that reads it."""
    pats = cue_patterns()
    found: list[tuple[int, str | None, str]] = []
    if callable(adopted):  # read only when a cue counts from the adoption
        adopted = adopted() if pats["adoption_cue"].search(text, start, end) else None
    if m := pats["after_days"].search(text, start, end):
        base = (adopted or issued) if _is_adoption(m.group(0)) else issued
        found.append((m.start(), _add_days(base, _days(m.group("n"))), "after_days"))
    if m := pats["from_signing"].search(text, start, end):
        found.append((m.start(), issued, "signing"))
    if m := pats["from_issue"].search(text, start, end):
        adoption = _is_adoption(m.group(0))
        found.append((m.start(), (adopted or issued) if adoption else issued, "adoption" if adoption else "issue"))
    for m in pats["from_date"].finditer(text, start, end):
        d = date_at(text, m.end(), end)
        if d is not None:
            found.append((m.start(), d.value, "date"))
            break
    if not found:
        return None
    pos, value, rule = min(found, key=lambda f: f[0])
    return value, rule, pos


def speaks_for(subject: str, doc_type: str | None) -> int | None:
    """How well "<word> này" names the document of type ``doc_type``: 0 its own type (or
    the type is unknown), 1 a part issued with it ("Quy định này"), None another document
    ("Nghị định này" quoted in a công văn)."""
    word = " ".join(re.sub(r"\s+này$", "", subject.strip(), flags=re.IGNORECASE).split())
    code = doc_types.code_for(word)
    if doc_type is None or (code is not None and code == doc_type):
        return 0
    if word.lower() in models.load_json(_DATA)["part_subjects"]:
        return 1
    return None


def _is_self(m: re.Match, text: str, doc_type: str | None) -> bool:
    """The subject is this document: not "ngày Nghị định này có hiệu lực"."""
    if cue_patterns()["names_the_date"].search(text, max(0, m.start() - 20), m.start()):
        return False
    if m.group("bare"):  # no "này": only the document's own type names it
        return doc_type is not None and speaks_for(m.group("subj"), doc_type) == 0
    return speaks_for(m.group("subj"), doc_type) is not None


def _rank(m: re.Match, doc_type: str | None) -> int:
    return speaks_for(m.group("subj"), doc_type) or 0


def _adopted(text: str, start: int, end: int, doc_type: str | None) -> str | None:
    """The date of adoption: "thông qua ngày …" in the clause's sentence, or else the
    document's own "<this document> (đã) được … thông qua ngày …" anywhere."""
    pats = cue_patterns()
    m = pats["adopted"].search(text, start, end)
    d = date_at(text, m.end(), end) if m else None
    if d is None:
        for m in pats["adopted_self"].finditer(text):
            if speaks_for(m.group("subj"), doc_type) is not None:
                d = date_at(text, m.end(), _sentence_end(text, m.end()))
                if d is not None:
                    break
    return d.value if d else None


@lru_cache(maxsize=1)
def _ocr_phrases() -> tuple[re.Pattern, dict[tuple[str, ...], list[str]]]:
    """(one pattern of the folded phrases, folded words of a phrase -> its spelling), a
    number written '#' ("kể" in "kể từ ngày" and "kế" in "kế hoạch này" fold alike)."""
    spelling: dict[tuple[str, ...], list[str]] = {}
    alternatives = []
    for phrase in models.load_json(_DATA)["ocr_phrases"]:
        words = phrase.split()
        spelling.setdefault(tuple(fold_same_length(w) for w in words), words)
        alternatives.append(r"[ \t]*\n?[ \t]*".join(r"\d{1,4}" if w == "#" else re.escape(fold_same_length(w))
                                                  for w in words))
    alternatives.sort(key=len, reverse=True)
    return re.compile(r"(?<![\p{L}\d])(?:" + "|".join(alternatives) + r")(?![\p{L}\d])"), spelling


# "hiệu lực" as OCR or a keyboard may print it ("hieu luc", "hiệu lục", "hiêu lực")
_DAMAGED_CUE = re.compile(r"h[iíìỉĩị][eêếềểễệẹéèẻẽ]u\s+l[uưứừửữựụúùủũ]c(?![\p{L}])", re.IGNORECASE)


def _respelled(text: str) -> str | None:
    """``text`` with the clause phrases of ``ocr_phrases`` spelled right where OCR or a
    keyboard damaged them (the same length: offsets stay), or None when none is damaged.
    Only the text around each cue is read: a clause's subject is before it, its date after."""
    pattern, spelling = _ocr_phrases()
    fixes: dict[int, tuple[int, str]] = {}  # start -> (end, the word spelled right)
    last = 0
    for cue in _DAMAGED_CUE.finditer(text):
        lo, hi = max(last, cue.start() - 400), min(len(text), cue.end() + 700)
        if lo >= hi:
            continue
        last = hi
        folded = fold_same_length(text[lo:hi])
        if len(folded) != hi - lo:
            continue
        for m in pattern.finditer(folded, overlapped=True):
            words = list(re.finditer(r"\S+", m.group(0)))
            right = spelling.get(tuple("#" if w.group(0).isdigit() else w.group(0) for w in words))
            for w, word in zip(words, right or ()):
                a, b = lo + m.start() + w.start(), lo + m.start() + w.end()
                if word == "#" or len(word) != b - a or text[a:b].lower() == word:
                    continue
                fixes[a] = (b, word)
    if not fixes:
        return None
    # the text rebuilt from its slices and the mended words (no per-character copy of it)
    pieces, pos = [], 0
    for a in sorted(fixes):
        b, word = fixes[a]
        pieces += [text[pos:a], word]
        pos = b
    pieces.append(text[pos:])
    return "".join(pieces)


def find_effective(ctx) -> Validity:
    """The effective and expiry clauses of the document in ``ctx`` (see module doc)."""
    text = ctx.text or ""
    if getattr(ctx, "genre", "official") == "news" or not text:
        return Validity()
    found = _find(text, ctx.doc_type, ctx.issued_date)
    if found.effective is None and found.expiry is None and (fixed := _respelled(text)) is not None:
        again = _find(fixed, ctx.doc_type, ctx.issued_date)

        def printed(c: Clause | None) -> Clause | None:
            return replace(c, text=text[c.span[0]:c.span[1]].strip()) if c else None
        found = Validity(printed(again.effective), printed(again.expiry))
    return found


def _find(text: str, doc_type: str | None, issued: str | None) -> Validity:
    pats = cue_patterns()
    candidates = []
    open_start = None  # "<this document> có hiệu lực đến hết ngày …": an end with no start
    for m in _clauses("in_force", text):
        if not _is_self(m, text, doc_type):
            continue
        end = _sentence_end(text, m.end())
        cue = first_date_cue(text, m.end("cue"), end, issued,
                             lambda m=m, end=end: _adopted(text, m.start(), end, doc_type))
        if cue is None:
            close = pats["close"].match(text, m.end("cue"), end)
            if open_start is None and (until := pats["until"].match(text, close.end(), end)) \
                    and (d := date_at(text, until.end(), end)):
                open_start = Clause(d.value, (m.start(), end), text[m.start():end].strip(), "until")
            continue
        if not pats["close"].fullmatch(text, m.end("cue"), cue[2]):
            continue  # "có hiệu lực thi hành và áp dụng cho … từ ngày …" dates something else
        candidates.append((_rank(m, doc_type), m, end, cue))
    effective, expiry = None, (None if candidates else open_start)
    if candidates:
        _, m, end, (value, rule, _pos) = min(candidates, key=lambda c: (c[0], c[1].start()))
        effective = Clause(value, (m.start(), end), text[m.start():end].strip(), rule)
        until = pats["until"].search(text, m.end("cue"), end)
        if until and (d := date_at(text, until.end(), end)):
            expiry = Clause(d.value, (m.start(), end), effective.text, "until")
        # "… có hiệu lực kể từ ngày ký; hết hiệu lực …": the clause after ";" has the same subject
        if (more := pats["then_expires"].match(text, end)) is not None:
            end = _sentence_end(text, more.end())
        # "… có hiệu lực kể từ ngày A và hết hiệu lực (kể từ) ngày B": the same sentence ends it
        ends = pats["expires_cue"].search(text, m.end("cue"), end)
        other = ends and re.search(r"(?<!\p{L})số\s+\d|\d+/\d{4}/", text[m.end("cue"):ends.start()])  # another's end
        if expiry is None and ends and not other and (at := pats["expires_at"].match(text, ends.end(), end)) \
                and (d := date_at(text, at.end(), end)):
            expiry = Clause(d.value, (m.start(), end), effective.text, "date")
    if expiry is None:
        for m in _clauses("expires", text):
            if not _is_self(m, text, doc_type):
                continue
            end = _sentence_end(text, m.end())
            cue = first_date_cue(text, m.end("cue"), end, issued, None)
            if cue and cue[0]:
                expiry = Clause(cue[0], (m.start(), end), text[m.start():end].strip(), cue[1])
                break
    return Validity(effective, expiry)
