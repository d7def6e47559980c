"""How well a page's text layer reads as Vietnamese, to tell a good layer from garbage.

A scan OCRed without Vietnamese ("QUYTTDINH", "Cdn c* Luqt"), a scanner app's mojibake
("BØCÔNG AN") or a font whose glyphs have no Unicode ("Sở ội vụ") all leave a text layer
that exists but cannot be used. The measure is the share of the page's words that are
Vietnamese syllables, read from the syllable list the word lexicon of the ``underthesea``
package holds (its Viet74K word list); without that package, the shape test of
``normalize.legacy`` (onset, vowels, coda, one tone mark) stands in. pdfium also says
which characters have no Unicode mapping: a page with many of them is poor too.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex as re

# A page whose words are Vietnamese syllables less often than this is read by OCR.
POOR_SHARE = 0.8
# Fewer words than this are too few to judge a layer by.
MIN_JUDGED_WORDS = 12
# A page where this share of the characters (and at least MIN_UNMAPPED of them) have no
# Unicode mapping is poor whatever its words read like.
POOR_UNMAPPED_SHARE = 0.005
MIN_UNMAPPED = 5
# Abbreviations (UBND, CCHC, KT) are no syllables and no sign of garbage.
ABBREVIATION_MAX = 5
LEXICON = ("underthesea", "corpus/data/Viet74K.txt")

_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def syllables() -> frozenset[str] | None:
    """The lower-case syllables of the installed word lexicon (None when it is missing)."""
    from importlib import resources

    package, name = LEXICON
    try:
        data = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return None
    return frozenset(s for line in unicodedata.normalize("NFC", data).lower().splitlines() for s in line.split())


def is_syllable(word: str) -> bool:
    known = syllables()
    if known is None:
        from vanban.extractors.normalize.legacy import is_syllable as shaped

        return shaped(word)
    return unicodedata.normalize("NFC", word).lower() in known


@dataclass
class Quality:
    words: int
    share: float  # of words that are syllables (1.0 with no words)
    unmapped: int = 0
    chars: int = 0

    @property
    def poor(self) -> bool:
        if self.unmapped >= MIN_UNMAPPED and self.unmapped > POOR_UNMAPPED_SHARE * max(self.chars, 1):
            return True
        return self.words >= MIN_JUDGED_WORDS and self.share < POOR_SHARE

    def describe(self) -> str:
        text = f"{self.share:.0%} of {self.words} words are Vietnamese syllables"
        return text + (f", {self.unmapped} characters without Unicode" if self.unmapped else "")


def measure(text: str, unmapped: int = 0) -> Quality:
    words = [w for w in _WORD.findall(unicodedata.normalize("NFC", text))
             if not (w.isupper() and len(w) <= ABBREVIATION_MAX)]
    good = sum(1 for w in words if is_syllable(w))
    return Quality(len(words), good / len(words) if words else 1.0, unmapped, len(text))


def unmapped_chars(textpage) -> int:
    """Characters of a pypdfium2 text page that have no Unicode mapping."""
    import pypdfium2.raw as pdfium_c

    return sum(1 for i in range(textpage.count_chars()) if pdfium_c.FPDFText_HasUnicodeMapError(textpage.raw, i))
