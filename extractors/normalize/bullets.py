"""List bullets as word processors print them, to the two marks the segmenter reads.

Word turns a typed ``- `` into an en dash (``– Sở Tài chính;``), and its bullet lists
come out of a PDF text layer as the Symbol font's private-use characters (U+F02D for a
dash, U+F0B7 for a dot). At the start of a line, followed by a space, each is a list
item's mark: dashes become ``-`` and dots ``•``, one character for one, so that no
offset moves. The same goes for a dash right after ``Kính gửi:`` or ``Nơi nhận:``. A
dash inside a line (``2021 – 2025``) is left alone.
"""
from __future__ import annotations

import regex as re

# en dash, em dash, figure dash, horizontal bar, the Symbol font's dash
_DASHES = "\u2013\u2014\u2012\u2015\uf02d"
# the Symbol and Wingdings bullets of Word's lists: dot, square, arrowhead, diamond
_DOTS = "\uf0b7\uf0a7\uf0d8\uf076\uf0a8\uf0fc"
# at a line's start, or right after the label of a list ('Kính gửi: – Sở Tài chính;')
_DASH_BULLET = re.compile(rf"(?m)(^[ \t]*|(?i:g[ửu]i|nh[ậa]n)[ \t]*:[ \t]*)[{_DASHES}](?=[ \t]+\S)")
_DOT_BULLET = re.compile(rf"(?m)^([ \t]*)[{_DOTS}](?=[ \t]*\S)")


def plain_bullets(text: str) -> str:
    """'– Sở Tài chính;' -> '- Sở Tài chính;'; '\\uf0b7 Sở Nội vụ' -> '• Sở Nội vụ'."""
    if not any(c in text for c in _DASHES + _DOTS):
        return text
    return _DOT_BULLET.sub(r"\1•", _DASH_BULLET.sub(r"\1-", text))
