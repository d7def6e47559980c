"""Legacy Vietnamese font encodings (TCVN3/ABC, VNI): detection and conversion.

Before Unicode, Vietnamese text was typed in 8-bit font encodings. The bytes were
ordinary Windows text to every program but the font, so such text reaches us as
Latin-1/Windows-1252 characters that look like ``Céng hoµ x· héi`` (TCVN3, ``.VnTime``
fonts) or ``Coäng hoøa xaõ hoäi`` (VNI, ``VNI-Times`` fonts).

How it works:
1. every character is mapped back to the byte it came from (``legacy_byte``): the
   character as read through Latin-1, Windows-1252 or Windows-1258 (three views that
   never disagree), the private-use copies ``U+F0xx`` Word uses for symbol fonts, and a
   few substitutions PDF text layers make;
2. the bytes are decoded with a table (``TCVN3`` is one byte per letter; ``VNI`` is a
   base letter followed by a mark byte);
3. detection counts the words that are valid Vietnamese syllables before and after
   conversion; the encoding that turns most non-ASCII words into syllables wins;
4. lines are converted one by one, so a Unicode line inside a legacy document is left
   alone.

TCVN3 has no capitals with tone marks: headings were set in the ``.VnTimeH`` font, which
draws the lower-case bytes as capitals. ``restore_heading_case`` puts back the capitals of
the header lines such fonts were used for (a reader that knows the fonts, such as the
``.doc`` reader, does it exactly with ``font_is_capitals``).
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex as re

TCVN3_NAME = "tcvn3"
VNI_NAME = "vni"

# --- tables ------------------------------------------------------------------------------

# TCVN 5712:1993 "VN3" (the ABC fonts, .VnTime/.VnArial): byte -> Unicode letter.
# ASCII is unchanged. The seven base capitals have their own bytes; other capitals with
# tone marks exist only in the capitals fonts (.VnTimeH), drawn from the lower-case bytes.
TCVN3: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    # a: huyền, hỏi, ngã, sắc, nặng
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    # ă
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    # â
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    # e
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    # ê
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    # i
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    # o
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    # ô
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    # ơ
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    # u
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    # ư
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    # y
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}
# The full standard (VN1/VN2) puts capitals with tone marks in bytes VN3 leaves unused;
# documents typed with those fonts carry them. Its capitals at 0x80-0x9F are left out:
# in VN3 fonts those bytes are Windows punctuation (curly quotes, dashes, ellipsis).
TCVN3.update({
    0xAF: "Ằ", 0xBA: "Ẳ", 0xBF: "Ẵ", 0xC0: "Ắ", 0xC1: "Ầ", 0xC2: "Ẩ", 0xC3: "Ẫ", 0xC4: "Ấ",
    0xC5: "Ề", 0xCD: "Ể", 0xD9: "Ễ", 0xDA: "Ế", 0xDB: "Ồ", 0xE0: "Ổ", 0xF0: "Ỗ", 0xFF: "Ố",
})

# VNI Windows (VNI-Times and the other VNI- fonts): letters that have a byte of their own.
VNI_LETTERS: dict[int, str] = {
    0xD1: "Đ", 0xF1: "đ",
    0xD4: "Ơ", 0xF4: "ơ", 0xD6: "Ư", 0xF6: "ư",
    0xCC: "Ì", 0xEC: "ì", 0xCD: "Í", 0xED: "í", 0xC6: "Ỉ", 0xE6: "ỉ",
    0xD3: "Ĩ", 0xF3: "ĩ", 0xD2: "Ị", 0xF2: "ị",
    0xCE: "Ỵ", 0xEE: "ỵ",
}

# VNI mark bytes, written after the base letter: byte -> combining marks (NFD order:
# vowel shape first, then tone). Upper- and lower-case bytes mean the same mark.
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE = "\u0302", "\u0306"
_TONES = frozenset((_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT))
VNI_MARKS: dict[int, str] = {
    0xF9: _ACUTE, 0xF8: _GRAVE, 0xFB: _HOOK, 0xF5: _TILDE, 0xEF: _DOT,
    0xE2: _CIRC, 0xE1: _CIRC + _ACUTE, 0xE0: _CIRC + _GRAVE, 0xE5: _CIRC + _HOOK,
    0xE3: _CIRC + _TILDE, 0xE4: _CIRC + _DOT,
    0xEA: _BREVE, 0xE9: _BREVE + _ACUTE, 0xE8: _BREVE + _GRAVE, 0xFA: _BREVE + _HOOK,
    0xFC: _BREVE + _TILDE, 0xEB: _BREVE + _DOT,
}
VNI_MARKS.update({b - 0x20: m for b, m in list(VNI_MARKS.items())})

# Letters a VNI mark may follow, and the shape marks each accepts.
_VNI_BASES = {
    "a": (_CIRC, _BREVE), "e": (_CIRC,), "o": (_CIRC,), "u": (), "y": (), "i": (),
    "ơ": (), "ư": (),
}

# Characters PDF text layers put for legacy bytes (glyph names read through another
# encoding): minus for 0xAD, the bullet operator for 0xB7.
PDF_SUBSTITUTES: dict[str, int] = {"\u2212": 0xAD, "\u2219": 0xB7}
# pdfium reports a 0xAD byte at the end of a line as a soft hyphen that joins the lines
# (U+FFFE); in TCVN3 it is the letter ư, and the line ended there.
PDFIUM_LINE_END_HYPHEN = "\ufffe"

# Font names: ``.VnTime``, ``.VnArialH`` (TCVN3; the H fonts draw capitals), ``VNI-Times``.
_TCVN3_FONT = re.compile(r"^\.?Vn[A-Z]", re.I)
_VNI_FONT = re.compile(r"^VNI[- ]", re.I)


_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")


@lru_cache(maxsize=256)
def font_encoding(font_name: str | None) -> str | None:
    """The legacy encoding a font name implies, or None for a Unicode font.

    PDF names carry a subset prefix and a style (``AARIQC+.VnTimeH,Bold``): both ignored.
    """
    if not font_name:
        return None
    name = _SUBSET_PREFIX.sub("", font_name.strip())
    if _VNI_FONT.match(name):
        return VNI_NAME
    if name.startswith(".") and _TCVN3_FONT.match(name):
        return TCVN3_NAME
    return None


@lru_cache(maxsize=256)
def font_is_capitals(font_name: str | None) -> bool:
    """``.VnTimeH``, ``.VnArialH``…: TCVN3 fonts that draw every letter as a capital."""
    if font_encoding(font_name) != TCVN3_NAME:
        return False
    base = _SUBSET_PREFIX.sub("", font_name.strip()).split(",")[0]
    base = re.sub(r"[\s,-]*(Bold|Italic|BoldItalic|Regular)$", "", base, flags=re.I)
    return base.endswith("H")


# --- characters back to bytes -------------------------------------------------------------


@lru_cache(maxsize=1)
def _byte_of() -> dict[str, int]:
    table: dict[str, int] = {}
    for codec in ("latin-1", "cp1252", "cp1258"):
        for b in range(0x80, 0x100):
            try:
                ch = bytes([b]).decode(codec)
            except UnicodeDecodeError:
                continue
            table.setdefault(ch, b)
    for b in range(0x80, 0x100):
        table.setdefault(chr(0xF000 + b), b)
    table.update(PDF_SUBSTITUTES)
    return table


def legacy_byte(ch: str) -> int | None:
    """The 8-bit code a character stands for, or None for ASCII and true Unicode letters."""
    if ch < "\x80":
        return None
    return _byte_of().get(ch)


# --- decoding -----------------------------------------------------------------------------


def decode_tcvn3(text: str) -> str:
    """Read every character of ``text`` as a TCVN3 byte; others are kept."""
    out = []
    for ch in text:
        if ch == PDFIUM_LINE_END_HYPHEN:
            out.append("ư\n")
            continue
        b = legacy_byte(ch)
        out.append(TCVN3.get(b, ch) if b is not None else ch)
    return "".join(out)


def decode_vni(text: str) -> str:
    """Read ``text`` as VNI: own-byte letters, and marks combined with the letter before."""
    out: list[str] = []
    for ch in text:
        b = legacy_byte(ch)
        if b is None:
            out.append(ch)
            continue
        if b in VNI_LETTERS:
            out.append(VNI_LETTERS[b])
            continue
        marks = VNI_MARKS.get(b)
        if marks and out:
            combined = _combine(out[-1], marks)
            if combined:
                out[-1] = combined
                continue
        out.append(ch)
    return "".join(out)


def _combine(prev: str, marks: str) -> str | None:
    """``a`` + circumflex-acute -> ``ấ``; None when the marks cannot go on ``prev``."""
    if len(prev) != 1:
        return None
    decomposed = unicodedata.normalize("NFD", prev)
    if any(c in _TONES for c in decomposed):
        return None  # already has a tone
    base, existing = decomposed[0], decomposed[1:]
    shape_of_prev = unicodedata.normalize("NFC", base.lower() + existing)
    if shape_of_prev not in _VNI_BASES:
        return None
    shape = marks[0] if marks[0] in (_CIRC, _BREVE) else ""
    if shape and shape not in _VNI_BASES[shape_of_prev]:
        return None
    return unicodedata.normalize("NFC", base + existing + marks)


DECODERS = {TCVN3_NAME: decode_tcvn3, VNI_NAME: decode_vni}


def decode_by_font(text: str, fonts: list[str | None]) -> tuple[str, str | None]:
    """Decode each run of ``text`` by the font its characters are drawn in.

    ``fonts[i]`` is the font of ``text[i]`` (None for characters a reader generated, such
    as line ends: they go with the run before). Runs in legacy fonts are converted, runs
    in capitals fonts upper-cased. Returns the text and the legacy encoding most of its
    letters were in (None when there were none).
    """
    out: list[str] = []
    letters: dict[str, int] = {}
    run: list[str] = []
    key: tuple[str | None, bool] = (None, False)

    def flush() -> None:
        chunk = "".join(run)
        encoding, capitals = key
        if encoding:
            chunk = DECODERS[encoding](chunk)
            letters[encoding] = letters.get(encoding, 0) + sum(c.isalpha() for c in chunk)
            if capitals:
                chunk = chunk.upper()
        out.append(chunk)
        run.clear()

    for ch, font in zip(text, fonts):
        if font is not None:
            new_key = (font_encoding(font), font_is_capitals(font))
            if new_key != key:
                flush()
                key = new_key
        run.append(ch)
    flush()
    out.append(text[len(fonts):])
    return "".join(out), (max(letters, key=letters.get) if letters else None)


# --- Vietnamese syllables -------------------------------------------------------------------

_SYLLABLE = re.compile(
    r"""^(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnpqrstvx])?   # onset
        [aăâeêioôơuưy]{1,3}                                          # vowels
        (?:ch|ng|nh|[cmnpt])?$                                       # coda
    """,
    re.X,
)
# A word of the legacy text: letters and the symbols legacy bytes show as, no digits,
# no ASCII punctuation.
_WORD = re.compile(r"[^\s0-9!-/:-@\[-`{-~]+")


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """True when ``word`` is shaped like a Vietnamese syllable (one tone at most)."""
    nfd = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for c in nfd if c in _TONES)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES))
    return bool(_SYLLABLE.match(bare))


def _score(words: list[str]) -> int:
    return sum(1 for w in words if is_syllable(w))


def _legacy_words(text: str) -> list[str]:
    """Words of two letters or more holding a character a legacy byte may stand for."""
    return [w for w in _WORD.findall(text) if len(w) > 1 and any(legacy_byte(c) is not None for c in w)]


# --- detection ------------------------------------------------------------------------------

# How much better the converted text must read, as a share of its non-ASCII words.
MIN_GAIN = 0.3
MIN_WORDS = 3
SAMPLE_CHARS = 200_000


# Precomposed Vietnamese letters with a tone (ạ … ỹ, U+1EA0–U+1EF9): no legacy byte decodes
# to them, and they are about half of the non-ASCII letters of Vietnamese Unicode text.
_UNICODE_VIETNAMESE = re.compile(r"[\u1ea0-\u1ef9]")
UNICODE_SHARE = 0.35


def is_plainly_unicode(sample: str) -> bool:
    """Most of the text is Vietnamese Unicode already: no need to try the legacy tables."""
    tones = len(_UNICODE_VIETNAMESE.findall(sample))
    non_ascii = len(sample) - len(sample.encode("ascii", "ignore"))  # one code point each
    return tones >= 20 and tones >= UNICODE_SHARE * non_ascii


def detect(text: str) -> str | None:
    """Name of the legacy encoding ``text`` is in, or None."""
    sample = text[:SAMPLE_CHARS]
    if is_plainly_unicode(sample):
        return None
    words = _legacy_words(sample)
    if len(words) < MIN_WORDS:
        return None
    before = _score(words)
    best, best_score = None, before
    for name, decode in DECODERS.items():
        score = _score([decode(w) for w in words])
        if score > best_score:
            best, best_score = name, score
    if best is None or best_score - before < max(MIN_WORDS, MIN_GAIN * len(words)):
        return None
    return best


def _has_unicode_letters(line: str) -> bool:
    """Letters no 8-bit byte stands for (``ộ``, ``ư`` …): the line is Unicode already."""
    return any(c >= "\x80" and c.isalpha() and legacy_byte(c) is None for c in line)


def convert(text: str, encoding: str) -> str:
    """Convert ``text`` from ``encoding`` line by line, keeping lines that are Unicode."""
    decode = DECODERS[encoding]
    out = []
    for line in text.split("\n"):
        words = _legacy_words(line)
        if not words:
            out.append(line)
            continue
        new = decode(line)
        before, after = _score(words), _score([decode(w) for w in words])
        if after > before or (after == before and not _has_unicode_letters(line)):
            out.append(new)
        else:
            out.append(line)
    text = "\n".join(out)
    if encoding == TCVN3_NAME:
        text = restore_heading_case(text)
    return text


def mixed_encodings(text: str) -> str | None:
    """A warning when ``text`` holds lines of Vietnamese Unicode and lines in a legacy
    encoding (TCVN3, VNI) both: such a file was pasted together from two sources, and the
    lines of one may be converted wrong."""
    unicode_lines, legacy_lines = 0, {}
    for line in text[:SAMPLE_CHARS].split("\n"):
        if line.isascii():
            continue  # no word of it holds a character a legacy byte stands for
        first = _UNICODE_VIETNAMESE.search(line)
        if first and _UNICODE_VIETNAMESE.search(line, first.end()):  # two letters or more
            unicode_lines += 1
            continue
        words = _legacy_words(line)
        if len(words) < 3:
            continue
        before = _score(words)
        for name, decode in DECODERS.items():  # decoded, nearly every word is a syllable, and many more
            after = _score([decode(w) for w in words])
            if after * 5 >= len(words) * 4 and after - before >= max(3, len(words) // 2):
                legacy_lines[name] = legacy_lines.get(name, 0) + 1
                break
    if not unicode_lines or sum(legacy_lines.values()) < 2:
        return None
    name = max(legacy_lines, key=legacy_lines.get)
    return (f"the text mixes Unicode and {name.upper()} (a legacy font encoding): {unicode_lines} lines in Unicode, "
            f"{sum(legacy_lines.values())} in {name.upper()}; check the converted lines")


def convert_if_legacy(text: str) -> tuple[str, str | None]:
    """Return (unicode text, encoding name) when ``text`` is in a legacy encoding, else (text, None)."""
    encoding = detect(text)
    if encoding is None:
        return text, None
    return convert(text, encoding), encoding


# --- capitals lost with the .VnTimeH fonts --------------------------------------------------

# Lines that official documents always print in capitals. In TCVN3 text without font
# information, an all-lower-case line of this kind was set in a capitals font.
_HEADING_WORDS = r"""
    cộng\ hoà|cộng\ hòa|đảng\ cộng\ sản|
    quyết\ định|nghị\ định|nghị\ quyết|quyết\ nghị|kế\ hoạch|thông\ báo|thông\ tư|
    báo\ cáo|chỉ\ thị|tờ\ trình|hướng\ dẫn|quy\ định|quy\ chế|chương\ trình|công\ điện|
    bộ|uỷ\ ban|ủy\ ban|hội\ đồng|chính\ phủ|thủ\ tướng|quốc\ hội|văn\ phòng|tỉnh|thành\ phố|
    sở|ban|tổng\ cục|cục|nơi\ nhận|tm\.|kt\.|tl\.|tuq\.
"""
_HEADING_LINE = re.compile(rf"^\s*(?:{_HEADING_WORDS})(?:\s|:|$)", re.X)
# The header zone ends at the first long line or the first line that ends a sentence;
# heading lines are short and hold no commas.
_LONG_LINE = 90
_HEADING_MAX = 80
_SENTENCE_END = re.compile(r"[.;]\s*$")


def restore_heading_case(text: str) -> str:
    """Upper-case the all-lower-case heading lines of a converted TCVN3 header.

    Only lines in the header zone that start with a word official documents print in
    capitals and hold no capital themselves (the national motto may keep its ``Việt``),
    plus the issuing formula line (``quyết định:``) anywhere.
    """
    lines = text.split("\n")
    in_header = True
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        lowered = stripped.lower()
        heading = bool(_HEADING_LINE.match(lowered))
        if heading and (
            _is_issuing_formula(lowered)
            or (in_header and len(stripped) <= _HEADING_MAX and "," not in stripped
                and ";" not in stripped and _mostly_lower(stripped))
        ):
            lines[i] = line.upper()
        if len(stripped) > _LONG_LINE or _SENTENCE_END.search(stripped):
            in_header = False
    return "\n".join(lines)


_FORMULA = re.compile(r"^(?:quyết định|nghị định|quyết nghị|nghị quyết|chỉ thị)\s*:$")


def _is_issuing_formula(lowered: str) -> bool:
    return bool(_FORMULA.match(lowered))


_MOTTO_VIET_NAM = re.compile(r"\bViệt\s+(?:Nam|nam)\b")


def _mostly_lower(line: str) -> bool:
    """No capital letter, except the motto's ``Việt Nam``."""
    probe = _MOTTO_VIET_NAM.sub("", line)
    letters = [c for c in probe if c.isalpha()]
    return bool(letters) and not any(c.isupper() for c in letters)
