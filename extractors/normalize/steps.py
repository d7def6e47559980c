"""Normalization: raw text to the canonical text every span indexes.

Each step is a small pure function ``str -> str`` that returns its input unchanged when
it does not apply; ``normalize`` records the names of the steps that changed something.
Pages are normalized one by one so that page starts survive.
"""
from __future__ import annotations

import re as std_re
import unicodedata
from dataclasses import dataclass, field

import regex as re

from vanban.extractors.common.prefilter import Scan, shortest_literals
from vanban.extractors.normalize import bullets, pages
from vanban.extractors.normalize.text_columns import split_foot_columns
from vanban.extractors.read.base import RawText


@dataclass
class NormalizedText:
    text: str
    steps: list[str] = field(default_factory=list)
    pages: list[int] = field(default_factory=lambda: [0])
    encoding: str | None = None


# --- character-level fixes -------------------------------------------------------------

# Letters that look like Latin capitals but are not (Cyrillic, Greek): written as the
# Latin letters they imitate inside numbers and symbols (``66/NQ-СР`` -> ``66/NQ-CP``).
HOMOGLYPHS = {
    "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "К": "K", "М": "M", "О": "O",
    "Р": "P", "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S",
    "а": "a", "с": "c", "е": "e", "о": "o", "р": "p", "х": "x", "у": "y", "і": "i",
    "Α": "A", "Β": "B", "Ε": "E", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Χ": "X", "Υ": "Y", "Ζ": "Z",
}
# Letters typed for Đ/đ by old keyboards and fonts.
D_VARIANTS = {"\u00d0": "Đ", "\u0189": "Đ", "\u00f0": "đ"}
# Space-like characters other than the plain space.
SPACES = dict.fromkeys(map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"), " ")
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# Hyphen look-alikes (the en and em dashes are real punctuation and are kept).
HYPHENS = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2212\ufe63\uff0d"), "-")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_D_TABLE = str.maketrans(D_VARIANTS)
_SPACES_TABLE = {**SPACES, **INVISIBLE, **HYPHENS}
# One scan says whether a step has anything to do; most texts have none of these characters.
# (The standard engine scans for a plain set of characters several times faster.)
_ANY_D_VARIANT = std_re.compile("[" + "".join(D_VARIANTS) + "]")
_ANY_SPACE_FIX = std_re.compile("[\r\t" + "".join(map(chr, _SPACES_TABLE)) + "\x00-\x08\x0b\x0e-\x1f\x7f]")
_ANY_HOMOGLYPH = std_re.compile("[" + "".join(sorted(HOMOGLYPHS)) + "]")

# Whole tokens, matched possessively: a long token without a look-alike must not make the
# search backtrack (quadratic time on "1.1.1.…").
_TOKEN_CHAR = r"[\p{L}\p{N}/\-.&]"
# Only the tokens holding a look-alike: a whole run of token characters, from its start
# (nothing of a token before it) to its end, with a look-alike in it. The other tokens are
# not matched, so a long text is not rebuilt piece by piece.
_MIXED_TOKEN = re.compile(
    rf"(?<!{_TOKEN_CHAR}){_TOKEN_CHAR}*?[{''.join(sorted(HOMOGLYPHS))}]{_TOKEN_CHAR}*+"
)
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9/]")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fix_d_variants(text: str) -> str:
    if not _ANY_D_VARIANT.search(text):
        return text
    return text.translate(_D_TABLE)


def fix_homoglyphs(text: str) -> str:
    """Map Cyrillic/Greek look-alikes to Latin inside tokens that also hold Latin or digits."""

    if not _ANY_HOMOGLYPH.search(text):
        return text

    def fix(m: re.Match) -> str:
        token = m.group(0)
        if _LATIN_OR_DIGIT.search(token):
            return "".join(HOMOGLYPHS.get(c, c) for c in token)
        return token

    return _MIXED_TOKEN.sub(fix, text)


def fix_spaces(text: str) -> str:
    if not _ANY_SPACE_FIX.search(text):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_SPACES_TABLE)
    text = CONTROL.sub(" ", text)
    return text.replace("\t", " ")


# --- word-segmented text ---------------------------------------------------------------

_WS_JOINER = re.compile(r"(?<=\p{L})_(?=\p{L})")
_SPACED_PUNCT = re.compile(r"(?<=\S) +([,;:.!?)])(?=\s|$)")
_SPACED_OPEN = re.compile(r"([(]) +(?=\S)")


def is_word_segmented(text: str) -> bool:
    joins = len(_WS_JOINER.findall(text[:50000]))
    words = max(1, len(text[:50000].split()))
    return joins >= 5 and joins / words > 0.05


def unsegment_words(text: str) -> str:
    """``Kế_hoạch`` -> ``Kế hoạch``; ``rừng , cho`` -> ``rừng, cho``."""
    if not is_word_segmented(text):
        return text
    text = _WS_JOINER.sub(" ", text)
    text = _SPACED_PUNCT.sub(r"\1", text)
    return _SPACED_OPEN.sub(r"\1", text)


# --- markup left by converters ---------------------------------------------------------

_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_DECORATION = re.compile(r"^\s*[-_=~*.]{3,}\s*$")
_INLINE_DECORATION = re.compile(r"\s*(?<![\p{L}\p{N}])-{3,}(?![\p{L}\p{N}])\s*")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(\s+|$)")
_BOLD = re.compile(r"\*{2,}|(?<!\w)__|__(?!\w)")
_ITALIC = re.compile(r"(?<![\w*])\*(?=[^\s*])|(?<=[^\s*])\*(?![\w*])")
_STRAY_STARS = re.compile(r"(?<!\S)\*+(?!\S)")
_BULLET_STAR = re.compile(r"^(\s*)\*\s+")
_LINK = re.compile(r"!\[[^\]]*\]\([^)]*\)|\[([^\]]+)\]\([^)]*\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_HTML_BREAK = re.compile(r"<br\s*/?>", re.I)
_HTML_TAG = re.compile(r"</?(?:b|i|u|em|strong|span|sup|sub|p|div|font)(?:\s[^>]*)?>", re.I)
_MARKUP_HINT = re.compile(r"\*\*|^\s*\||^#{1,6}\s|\]\(|<br", re.M)
_MARKUP_CHARS = "*|#]<"  # a text with none of them has no markup: the hint is not looked for
_CELL_BAR = re.compile(r"(?<!\\)\|")


def _split_cells(line: str) -> list[str]:
    cells = _CELL_BAR.split(line.strip()) if "\\" in line else line.strip().split("|")
    return [c.strip() for c in cells]


def _sub(pattern: re.Pattern, repl, text: str, literals: str) -> str:
    """``pattern.sub(repl, text)``, not tried on a text holding none of ``literals`` (a
    character each match of ``pattern`` holds)."""
    return pattern.sub(repl, text) if any(c in text for c in literals) else text


def strip_markup(text: str) -> str:
    """Reduce markdown and converter debris to plain lines.

    Tables become one line per non-empty cell (headers of Vietnamese documents are often
    two-column tables); emphasis, headings, links, escapes and decorative rules go.
    """
    if not any(c in text for c in _MARKUP_CHARS) or not _MARKUP_HINT.search(text):
        return text
    text = _sub(_HTML_BREAK, "\n", text, "<")
    text = _sub(_HTML_TAG, "", text, "<")
    out: list[str] = []
    for line in text.split("\n"):
        if "|" in line and _TABLE_SEPARATOR.match(line):
            continue
        if line.lstrip().startswith("|") or line.count("|") >= 2 and line.rstrip().endswith("|"):
            cells = [c for c in _split_cells(line) if c]
            for cell in cells:
                if "---" in cell:  # a decorative rule inside the cell
                    out.extend(p for p in _INLINE_DECORATION.split(cell) if p.strip())
                else:
                    out.append(cell)
            if cells:
                out.append("")
            continue
        if line.strip() == "|":
            continue
        line = _sub(_HEADING, "", line, "#")
        line = _sub(_BULLET_STAR, r"\1- ", line, "*")
        out.append(line)
    text = "\n".join(out)
    del out  # the lines go before the next copies of the text are made
    text = _sub(_LINK, lambda m: m.group(1) or "", text, "]")
    text = _sub(_BOLD, "", text, "*_")
    text = _sub(_ITALIC, "", text, "*")
    text = _sub(_STRAY_STARS, "", text, "*")
    text = _sub(_ESCAPE, r"\1", text, "\\")
    return text


# --- layout ------------------------------------------------------------------------------

_COLUMN_GAP = re.compile(r"(?<=\S) {5,}(?=\S)")
_MOTTO_JOIN = re.compile(r"(VIỆT NAM|Việt Nam|VIET NAM)\s+(?=Độc lập|ĐỘC LẬP)")
# Header labels a hard-wrapping converter broke over two lines.
_WRAPPED_LABELS = re.compile(
    r"C[ỘO]NG\s+H[ÒO]A\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM"
    r"|Đ[ộo]c\s+l[ậa]p\s*[-–]\s*T[ựu]\s+do\s*[-–]\s*H[ạa]nh\s+ph[úu]c"
    r"|(?<![\p{L}])(?:Đồng[ \t]+)?K[íi]nh\s+g[ửu]i(?=\s*:)|(?<![\p{L}])N[ơo]i\s+nh[ậa]n(?=\s*:)",
    re.I,
)
# Every label above starts with one of these (case aside): the pattern is tried only there.
_WRAPPED_LABEL_LITERALS = shortest_literals(["cộng", "cong", "độc", "đoc", "đồng", "kính", "kinh", "nơi", "noi"])
_PLACE_WRAP = re.compile(r"(?m)^(\p{Lu}\p{Ll}+(?:(?:\s+\p{L}+){0,3}\s+\p{Lu}\p{Ll}*)?)[ \t]*\n[ \t]*(?=\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*)?\s*,\s*ngày\b)")
# A 'Place, ngày … tháng … năm YYYY' line broken anywhere by a hard-wrapping converter.
_DATE_WRAP = re.compile(r"(,[ \t]*ngày[^\n]{0,24}?)[ \t]*\n[ \t]*(?=[^\n]{0,24}?năm[ \t]+\d{4})", re.I)
_NUMBER_THEN_VV = re.compile(r"^(\s*Số\s*:?[^\n]*?\S)\s+(?=V/[vV]\b)", re.M)


def split_columns(text: str) -> str:
    """Lines holding two columns side by side (wide runs of spaces) become two lines; a
    two-column foot is read a column at a time (``text_columns``)."""
    if not _COLUMN_GAP.search(text):
        return text
    text = split_foot_columns(text)
    return "\n".join(_COLUMN_GAP.sub("\n", line) if line.strip() else line for line in text.split("\n"))


_NUMBER_WRAP = re.compile(r"(?m)^([ \t]*Số[ \t]*:)[ \t]*\n[ \t]*(?=[\d.…_ ]*/)")


def split_header_runs(text: str) -> str:
    """Header parts that a converter ran together go on lines of their own."""
    text = Scan(_WRAPPED_LABELS, text, _WRAPPED_LABEL_LITERALS).sub(lambda m: m.group(0).replace("\n", " "))
    text = _PLACE_WRAP.sub(r"\1 ", text)
    text = _NUMBER_WRAP.sub(r"\1 ", text)
    text = _DATE_WRAP.sub(r"\1 ", text)
    text = _MOTTO_JOIN.sub(r"\1\n", text)
    return _NUMBER_THEN_VV.sub(r"\1\n", text) if "V/" in text else text


# --- hard-wrapped text ---------------------------------------------------------------------
# Some converters break every paragraph at a fixed width ("Căn cứ Nghị quyết số\n57-NQ/TW
# ngày …", "4. Sở Khoa học\nvà Công nghệ"). Such text is recognised by its many lines that
# end mid-sentence and go on in lower case; their breaks are joined back.

_SENTENCE_END = re.compile(r"(?r)[.;:!?…”\")]\s*$")  # looked for from the end of the line
_LIST_START = re.compile(
    r"^\s*(?:[-+•*]\s|[a-zđ]\)|\d{1,2}(?:\.\d{1,2})*[.)/]\s|[IVXLC]{1,6}[.\-/]\s|Điều\s+\d|Chương\s|"
    r"Căn\s+cứ|Nơi\s+nhận|K[íi]nh\s+g[ửu]i|(?:TM|KT|TL|TUQ|Q)\.\s)"
)
# Header lines keep their own line (they are joined, where broken, by split_header_runs).
_KEEP_APART = re.compile(r",\s*ngày\b|^\s*(?:ngày|tháng|năm)\s+\d|^\s*Số\s*:|^\s*V/[vV]\b|NGH[ĨI]A\s+VI[ỆE]T\s+NAM|Hạnh\s+phúc", re.I)
_FIGURES = re.compile(r"^[\d\s.,%()/\-]+$")
_PARAGRAPH_START = re.compile(r"^\s*(?:Thực\s+hiện|Triển\s+khai|Giao|Đề\s+nghị|Yêu\s+cầu|Theo|Xét|Trên\s+cơ\s+sở)\b")
_NUMBER_ONLY = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*|[IVXLC]{1,6}|[a-zđ])\s*[.)]\s*$")


def _caps(line: str) -> bool:
    letters = "".join(filter(str.isalpha, line))
    return len(letters) >= 2 and sum(map(str.isupper, letters)) / len(letters) > 0.85


def is_hard_wrapped(lines: list[str]) -> bool:
    long_lines = wrapped = 0
    for a, b in zip(lines, lines[1:]):
        if len(a) >= 40:
            long_lines += 1
            if b[:1].islower() and not _SENTENCE_END.search(a):
                wrapped += 1
    return long_lines >= 10 and wrapped / long_lines > 0.2


def unwrap_lines(text: str) -> str:
    """Join the lines of hard-wrapped paragraphs; leave headings, lists and short lines alone."""
    lines = text.split("\n")
    if not is_hard_wrapped(lines):
        return text
    out: list[str] = []
    for line in lines:
        prev = out[-1] if out else ""
        # Cheap tests first: most lines fail on their first letter or on being empty.
        joinable = (
            prev.strip() and line.strip()
            and (
                (_NUMBER_ONLY.match(prev) and not _LIST_START.match(line))  # '1.' alone, its heading below
                or line.lstrip()[:1].islower() and not _FIGURES.match(prev) and (
                    # a numbered heading or an opening phrase broken before its end:
                    # '4. Sở Khoa học' / 'và Công nghệ'. Other lines stay as they are:
                    # table cells arrive one per line and must not be merged.
                    (_LIST_START.match(prev) or _PARAGRAPH_START.match(prev))
                    and not _SENTENCE_END.search(prev) and not _LIST_START.match(line)
                    and not _caps(prev) and not _caps(line)
                )
            )
            and not _KEEP_APART.search(prev) and not _KEEP_APART.search(line)
            and not _FIGURES.match(line)
        )
        if joinable:
            out[-1] = prev.rstrip() + " " + line.lstrip()
        else:
            out.append(line)
    del lines  # only the joined lines are held while they are put together
    return "\n".join(out)


_SPACE_RUN = re.compile(r"[ ]{2,}")
_INDENT = re.compile(r"\n[ ]+(?=\S)")
_BLANK_RUN = re.compile(r"\n{3,}")


def tidy_lines(text: str) -> str:
    text = "\n".join(["" if _DECORATION.match(line) else line.rstrip() for line in text.split("\n")])
    text = _SPACE_RUN.sub(" ", text)
    text = _INDENT.sub("\n", text)
    text = _BLANK_RUN.sub("\n\n", text)
    return text.strip("\n ")


def fix_legacy_encoding(text: str) -> tuple[str, str | None]:
    """TCVN3 / VNI text to Unicode; returns the text and the detected legacy encoding."""
    try:
        from vanban.extractors.normalize import legacy
    except ImportError:  # pragma: no cover
        return text, None
    return legacy.convert_if_legacy(text)


# Order matters: encodings first, then characters, then markup, then layout.
CHAR_STEPS = (
    ("nfc", nfc),
    ("d_variants", fix_d_variants),
    ("homoglyphs", fix_homoglyphs),
    ("spaces", fix_spaces),
    ("word_segmented", unsegment_words),
    ("html", pages.strip_html),
    ("front_matter", pages.read_front_matter),
    ("latex", pages.strip_latex),
    ("markup", strip_markup),
    ("columns", split_columns),
    ("header_runs", split_header_runs),
    ("unwrap", unwrap_lines),
    ("tidy", tidy_lines),
    ("bullets", bullets.plain_bullets),
)


def normalize_str(text: str, steps: list[str] | None = None) -> tuple[str, str | None]:
    """Normalize one piece of text; append the names of applied steps to ``steps``."""
    steps = [] if steps is None else steps
    text2, legacy = fix_legacy_encoding(text)
    if legacy:
        if f"legacy:{legacy}" not in steps:
            steps.append(f"legacy:{legacy}")
        text = text2
    for name, fn in CHAR_STEPS:
        new = fn(text)
        if new != text and name not in steps:
            steps.append(name)
        text = new
    return text, legacy


def normalize(raw: RawText | str) -> NormalizedText:
    if isinstance(raw, str):
        raw = RawText(text=raw, format="txt")
    steps: list[str] = []
    out, starts, pos, legacy_seen = [], [], 0, None
    # each page cut from the raw text when its turn comes: the pages are not a second copy of it
    for s, e in zip(raw.pages, raw.pages[1:] + [len(raw.text) + 1]):
        norm, legacy = normalize_str(raw.text[s:e].rstrip("\f"), steps)
        legacy_seen = legacy_seen or legacy
        starts.append(pos)
        out.append(norm)
        pos += len(norm) + 2
    text = "\n\n".join(out)
    encoding = legacy_seen or raw.encoding
    return NormalizedText(text=text, steps=steps, pages=starts, encoding=encoding)
