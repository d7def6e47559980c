"""RTF files (often saved under a ``.doc`` name): the text of the body, read by a small
tokenizer, without a dependency.

Read: paragraphs and line breaks (``\\par``, ``\\line``, ``\\row``, ``\\cell``), tabs,
Unicode characters (``\\uN`` with the ``\\ucN`` replacement count), bytes in the document's
code page (``\\'hh`` after ``\\ansicpg``, Vietnamese 1258 included), escaped braces and
backslashes. Skipped: font, colour and style tables, document information, pictures,
objects, and every ``\\*`` destination. Groups are kept on an explicit stack (no recursion),
so nesting depth costs nothing but a list entry, and is bounded by ``limits.MAX_DEPTH``
only through memory, never the call stack.
"""
from __future__ import annotations

import codecs
from pathlib import Path

import regex as re

from vanban.extractors.errors import CorruptFileError
from vanban.extractors.read.base import RawText

_TOKEN = re.compile(rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|([\r\n]+)|([^\\{}\r\n]+)", re.S)
_SKIP = frozenset(b"fonttbl colortbl stylesheet info pict object header footer headerl headerr footerl footerr "
                  b"listtable listoverridetable rsidtbl generator xmlnstbl themedata colorschememapping "
                  b"datastore latentstyles filetbl revtbl pgptbl fldinst".split())
_BREAKS = {b"par": "\n", b"line": "\n", b"row": "\n", b"sect": "\n", b"page": "\n", b"cell": "\t", b"tab": "\t",
           b"emdash": "\u2014", b"endash": "\u2013", b"lquote": "\u2018", b"rquote": "\u2019",
           b"ldblquote": "\u201c", b"rdblquote": "\u201d", b"bullet": "\u2022", b"~": "\u00a0"}


def is_rtf(data: bytes) -> bool:
    return data.lstrip()[:5] == b"{\\rtf"


def rtf_to_text(data: bytes) -> str:
    """The body text of an RTF document."""
    encoding = "cp1252"
    m = re.search(rb"\\ansicpg(\d{3,5})", data[:4096])
    if m:
        try:
            encoding = codecs.lookup(f"cp{int(m.group(1))}").name
        except LookupError:
            pass
    out: list[str] = []
    pending = bytearray()  # \'hh bytes, decoded together (a code page may use two per character)
    stack: list[tuple[bool, int]] = []
    skip, uc, to_skip = False, 1, 0
    first_in_group = False

    def flush() -> None:
        if pending:
            out.append(pending.decode(encoding, errors="replace"))
            pending.clear()

    for tok in _TOKEN.finditer(data):
        word, arg, hexbyte, sym, brace, newline, text = tok.groups()
        if brace is not None:
            flush()
            if brace == b"{":
                stack.append((skip, uc))
                first_in_group = True
            else:
                skip, uc = stack.pop() if stack else (skip, uc)
                first_in_group = False
            to_skip = 0
            continue
        starts = first_in_group
        first_in_group = False
        if newline is not None:
            continue
        if to_skip and (hexbyte is not None or text is not None):
            if text is not None and len(text) > to_skip:
                text = text[to_skip:]
                to_skip = 0
            else:
                to_skip -= 1 if hexbyte is not None else len(text)
                to_skip = max(0, to_skip)
                continue
        if word is not None:
            if word in _SKIP:
                skip = True
            elif word == b"uc" and arg is not None:
                uc = int(arg)
            elif word == b"u" and arg is not None:
                flush()
                if not skip:
                    out.append(chr(int(arg) % 65536))
                to_skip = uc
            elif not skip and word in _BREAKS:
                flush()
                out.append(_BREAKS[word])
            continue
        if sym is not None:
            if sym == b"*" and starts:
                skip = True
            elif not skip and sym in b"\\{}":
                flush()
                out.append(sym.decode("ascii"))
            elif not skip and sym in (b"~", b"_", b"-"):
                flush()
                out.append({b"~": "\u00a0", b"_": "-", b"-": ""}[sym])
            continue
        if skip:
            continue
        if hexbyte is not None:
            pending.append(int(hexbyte, 16))
            continue
        flush()
        out.append(text.decode(encoding, errors="replace"))
    flush()
    return re.sub(r"[ \t]+\n", "\n", "".join(out))


def read_rtf(path: Path, data: bytes | None = None) -> RawText:
    data = path.read_bytes() if data is None else data
    if not is_rtf(data):
        raise CorruptFileError(f"{path.name} is not an RTF file", path=str(path))
    return RawText(text=rtf_to_text(data), format="rtf", encoding="rtf")
