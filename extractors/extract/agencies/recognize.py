"""Recognition of agency mentions with spaCy: ``find_agencies(text)`` runs ``agency_nlp()``
(``spacy.blank("vi")`` with a syllable tokenizer, a SpanRuler loaded from
``models/agency_patterns.jsonl`` and the ``agency_merger`` component that writes
``doc.spans["agencies"]``). spaCy is imported on first use.
"""
from __future__ import annotations

import bisect
import json
from array import array
from dataclasses import dataclass
from functools import lru_cache

import regex as re

from vanban.extractors.read import MAX_TEXT_BYTES

from vanban.extractors.extract.agencies.lexicon import MODELS, TOKEN, lexicon, norm_phrase, norm_token

__all__ = ["AgencyMention", "SPANS_KEY", "agency_nlp", "find_agencies", "syllables"]

SPANS_KEY = "agencies"


@dataclass(frozen=True)
class AgencyMention:
    text: str
    span: tuple[int, int]
    label: str  # AGENCY or GROUP
    lexicon_id: str | None = None


# One piece of text: a token (``TOKEN``) with the single space that may follow it, or a run
# of white space the tokens leave (a token of its own, as spaCy keeps extra spaces).
_PIECE = re.compile(rf"({TOKEN.pattern})( ?)|(\s+)")


def syllables(text: str) -> tuple[list[str], list[bool]]:
    """The words and spaces of the spaCy ``Doc`` of ``text``: each ``TOKEN``, with ``True``
    when one space follows it; any other white space is a word of its own (at the start,
    after a line break, the second of two spaces)."""
    pieces = _PIECE.findall(text)
    return [w or gap for w, _space, gap in pieces], [bool(space) for _w, space, _gap in pieces]


# What the tokenizer splits off a run of visible characters: any character that is not a
# letter, a mark or a digit, one at a time (at the start, the end, or inside the run).
_NOT_WORD = re.compile(r"[^\p{L}\p{M}\p{N}\s]")
# spaCy strips the marks at either end of a run one by one, copying the rest each time: a
# long run of them ('((((…') costs the square of its length, so a text holding one is
# tokenized by ``syllables`` instead (the same words, in linear time).
_LONG_MARK_RUN = re.compile(r"[^\p{L}\p{M}\p{N}\s]{32}")


class SyllableTokenizer:
    """One token per syllable or mark, NORM folded (``norm_token``; white space is its own
    NORM): the words and spaces of ``syllables``.

    Vietnamese agency names are matched syllable by syllable; pyvi's word segmentation
    would glue a verb to the name ('Giao Sở'). spaCy's own tokenizer, given these rules,
    splits the text as ``syllables`` does and caches the tokens of each run of visible
    characters, so a word seen once costs a lookup (``tests/test_agencies.py`` checks the
    two agree); a text with a long run of marks is read by ``syllables``."""

    def __init__(self, vocab):
        from spacy.attrs import NORM
        from spacy.tokenizer import Tokenizer

        self.vocab = vocab
        vocab.lex_attr_getters[NORM] = _norm
        for lexeme in vocab:  # words the vocabulary held before the getter was set
            lexeme.norm_ = _norm(lexeme.orth_)
        self._cached = Tokenizer(
            vocab,
            rules={},
            prefix_search=_NOT_WORD.match,
            suffix_search=_last_mark,
            infix_finditer=_NOT_WORD.finditer,
            token_match=None,
            url_match=None,
        )

    def __call__(self, text: str):
        if _LONG_MARK_RUN.search(text) is None:
            return self._cached(text)
        from spacy.tokens import Doc

        words, spaces = syllables(text)
        return Doc(self.vocab, words=words, spaces=spaces)

    # spaCy asks tokenizers for these when saving a pipeline; nothing is saved here.
    def to_bytes(self, **kwargs):
        return b""

    def from_bytes(self, data, **kwargs):
        return self


def _last_mark(word: str):
    """The mark ending ``word``, if one does (spaCy's suffix search, without a scan of the word)."""
    return _NOT_WORD.match(word, len(word) - 1) if word else None


def _norm(word: str) -> str:
    return word if word.isspace() else norm_token(word)


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

        # token attributes read as arrays of string hashes: building a Token object, or a
        # string, per token is the slow part; the words compared with are hashed once (_vocab)
        self._n = doc.to_array("NORM").tolist()
        self._low = doc.to_array("LOWER").tolist()
        v = self._vocab()
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
        cac = v["cac"]
        for i in [i for i, norm in enumerate(self._n) if norm == cac]:
            if not taken[i]:
                end = self._group(doc, i + 1)
                if end is not None:
                    out.append(Span(doc, i, end, label="GROUP"))
                    for k in range(i, end):
                        taken[k] = True
        doc.spans[SPANS_KEY] = sorted(filter_spans(out), key=lambda s: s.start)
        return doc

    # -- pieces

    def _seq_at(self, i: int, seq: list[int], *, exact: bool) -> bool:
        """Whether ``seq`` (NORM hashes, or lower-case word hashes when ``exact``) is at token ``i``."""
        words = self._low if exact else self._n
        return words[i:i + len(seq)] == seq

    def _tail(self, doc, end: int, jurs: dict, starts: dict) -> tuple[int, bool] | None:
        if end >= len(doc):
            return None
        v = self._vocab()
        if end in jurs:
            return jurs[end].end, False
        for seq in v["branch_or_level"]:
            if self._seq_at(end, seq, exact=False):
                j = end + len(seq)
                if j in jurs:
                    return jurs[j].end, False
                level = self._level(doc, j)
                if level is not None:
                    return level, False
        if self._n[end] == v["cac"]:
            g = self._group(doc, end + 1, levels_only=True)
            if g is not None:
                return g, True
        if self._seq_at(end, v["viet nam"], exact=False):
            return end + 2, False
        if self._seq_at(end, v["khu vuc"], exact=False) and end + 2 < len(doc) and doc[end + 2].text.isupper():
            return end + 3, False
        level = self._level(doc, end)
        if level is not None:
            more = None
            if self._n[level:level + 1] in v["comma or va"] and self._level_end(doc, level + 1) is not None:
                more = self._group(doc, level + 1, levels_only=True)
            return (more, True) if more is not None else (level, False)
        if end in starts:
            return starts[end].end, False
        return None

    @staticmethod
    @lru_cache(maxsize=1)
    def _vocab() -> dict:
        """The words the merger compares tokens with, as hashes of their NORMs or lower-case
        forms: group and level words by their first token, longest first; the words of the
        tails."""
        from spacy.strings import hash_string

        def seqs(words, how):
            by_first: dict[int, list[list[int]]] = {}
            for seq in sorted((how(w) for w in words), key=len, reverse=True):
                by_first.setdefault(seq[0], []).append(seq)
            return by_first

        def lower(w):
            return [hash_string(t.lower()) for t in TOKEN.findall(w)]

        def folded(w):
            return [hash_string(t) for t in norm_phrase(w).split()]

        lex = lexicon()
        return {
            "kinds": seqs(lex["group_kinds"], lower),
            "levels": seqs(lex["level_words"], lower),
            "levels_folded": seqs(lex["level_words"], folded),
            "cac": hash_string("cac"),
            "branch_or_level": [folded("chi nhanh"), folded("cap")],
            "viet nam": folded("viet nam"),
            "khu vuc": folded("khu vuc"),
            "comma or va": ([hash_string(",")], [hash_string("va")]),
            "separators": {hash_string(w) for w in (",", "va", "-", "/")},
            "modifiers": [folded(m) for m in ("co lien quan", "lien quan", "cap tinh", "cap huyen", "cap xa",
                                              "thuoc tinh", "truc thuoc")],
        }

    def _followed_by_name_or_stop(self, doc, j: int) -> bool:
        return j >= len(doc) or not doc[j].is_alpha or doc[j].text[:1].isupper()

    def _level_end(self, doc, i: int) -> int | None:
        """End of a level word at ``i``: as printed, or (an OCR slip, 'tính' for 'tỉnh') folded
        when a name or punctuation follows."""
        if i >= len(self._n):
            return None
        v = self._vocab()
        for seq in v["levels"].get(self._low[i], ()):
            if self._seq_at(i, seq, exact=True):
                return i + len(seq)
        for seq in v["levels_folded"].get(self._n[i], ()):
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
        v = self._vocab()
        end = None
        j = i
        while j < len(doc):
            if levels_only:
                nxt = self._level_end(doc, j)
            else:
                nxt = next((j + len(s) for s in v["kinds"].get(self._low[j], ()) if self._seq_at(j, s, exact=True)), None)
            if nxt is None:
                break
            j = end = nxt
            # separators between kinds: ',', 'và', '-', '/', or none ('ban ngành')
            while j < len(doc) and self._n[j] in v["separators"]:
                j += 1
        if end is None:
            return None
        for mod in v["modifiers"]:
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
    nlp.max_length = 2 * MAX_TEXT_BYTES  # the reader's own limit bounds the text, not spaCy's 1,000,000
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
    is enough (no per-character table); kept as arrays of machine integers (8 bytes a run,
    not a Python object each: a long text has hundreds of thousands of runs)."""

    def __init__(self, starts: array, origins: array, length: int):
        self.starts, self.origins, self.length = starts, origins, length

    def __getitem__(self, pos: int) -> int:
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.origins[i] + (pos - self.starts[i]) if i >= 0 else pos


def _compact(text: str) -> tuple[str, _OffsetMap]:
    """``text`` with each run of spaces and single line breaks as one space (a hard-wrapped
    name is still one name) and each paragraph break as one newline; and the map from
    offsets in the result back to offsets in ``text``."""
    parts: list[str] = []
    starts, origins = array("q"), array("q")
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


# Characters of compacted text given to spaCy at once: a long text is read in pieces cut
# after a paragraph break, so memory is bounded by the piece, not by the document.
CHUNK_CHARS = 100_000


def _pieces(compact: str, size: int = CHUNK_CHARS):
    """(offset, piece) of ``compact`` cut right after paragraph breaks into pieces of about
    ``size`` characters. No mention crosses a paragraph break (a token of its own), so the
    pieces give the mentions the whole text gives. A paragraph longer than ``size`` is cut
    after the last space of its first ``size`` characters."""
    pos, n = 0, len(compact)
    while n - pos > size:
        cut = compact.rfind("\n", pos, pos + size) + 1
        if cut <= pos:
            cut = compact.rfind(" ", pos, pos + size) + 1
        if cut <= pos:
            cut = pos + size
        yield pos, compact[pos:cut]
        pos = cut
    if pos < n or n == 0:
        yield pos, compact[pos:]


def find_agencies(text: str) -> list[AgencyMention]:
    """Agency mentions in ``text`` with their [start, end) character spans in ``text``;
    ``AgencyMention.text`` has its whitespace collapsed."""
    compact, offsets = _compact(text)
    nlp = agency_nlp()
    out = []
    for base, piece in _pieces(compact, CHUNK_CHARS):
        doc = nlp(piece)
        for s in doc.spans[SPANS_KEY]:
            a, b = s.start_char, s.end_char  # the span's text is the piece's: no token read again
            out.append(AgencyMention(piece[a:b], (offsets[base + a], offsets[base + b - 1] + 1), s.label_, s.id_ or None))
    return out
