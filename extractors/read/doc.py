"""Old Word (.doc, Word 97-2003) files, legacy Vietnamese fonts included.

The text is read straight from the binary file (an OLE compound file): the piece table
gives the characters, and the character and paragraph properties give the font of each
one. The font decides the encoding: text in ``.VnTime`` fonts is TCVN3, text in
``VNI-Times`` fonts is VNI, and text in the capitals fonts (``.VnTimeH``) is upper case,
which the bytes alone cannot say. Field codes (``PAGE``, ``HYPERLINK …``) are dropped and
their results kept; table cells go on lines of their own.

Files this parser cannot read (Word 6/95, damaged piece tables) go to ``antiword`` or
``catdoc`` when installed (Debian packages of the same names); their text is then left to
the encoding detection of normalization.
"""
from __future__ import annotations

import shutil
import struct
import subprocess
from dataclasses import dataclass
from pathlib import Path

from vanban.extractors.normalize import legacy
from vanban.extractors.errors import CorruptFileError, DocxProtectedError
from vanban.extractors.read.base import RawText

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
WORD_IDENT = 0xA5EC
FIB_ENCRYPTED = 0x0100
FIB_WHICH_TABLE = 0x0200
# Indexes into FibRgFcLcb97 (pairs of offset, length in the table stream).
FC_STSHF, FC_PLCFBTECHPX, FC_PLCFBTEPAPX, FC_STTBFFFN, FC_CLX = 1, 12, 13, 15, 33
# Property modifiers (sprm) read here.
SPRM_CRGFTC0 = 0x4A4F  # font of ASCII characters
SPRM_CFTC_OLD = 0x4A3D  # font (older writers)
SPRM_CISTD = 0x4A30  # character style
EXTERNAL_TIMEOUT_S = 60

# Characters of the text stream with a meaning of their own.
FIELD_BEGIN, FIELD_SEPARATOR, FIELD_END = "\x13", "\x14", "\x15"
SPECIAL = {
    "\r": "\n",  # paragraph end
    "\x0b": "\n",  # line break
    "\x0c": "\n",  # page or section break
    "\x07": "\n",  # table cell or row end
    "\x0e": "\n",  # column break
    "\x1e": "-",  # non-breaking hyphen
    "\x1f": "",  # optional hyphen
    "\x01": "", "\x02": "", "\x03": "", "\x04": "", "\x05": "", "\x08": "",
    "\xa0": " ",
}


@dataclass
class Run:
    text: str
    font: str | None


class WordFormatError(Exception):
    """The binary structure is not one this parser reads."""


def _u16(b: bytes, o: int) -> int:
    return struct.unpack_from("<H", b, o)[0]


def _u32(b: bytes, o: int) -> int:
    return struct.unpack_from("<I", b, o)[0]


def _sprms(grpprl: bytes):
    """Yield (sprm, operand bytes) of a property list."""
    i, n = 0, len(grpprl)
    while i + 2 <= n:
        sprm = _u16(grpprl, i)
        i += 2
        spra = sprm >> 13
        if spra in (0, 1):
            size = 1
        elif spra in (2, 4, 5):
            size = 2
        elif spra == 3:
            size = 4
        elif spra == 7:
            size = 3
        else:  # variable length
            if sprm == 0xD608 and i + 2 <= n:  # sprmTDefTable: 2-byte length
                size = _u16(grpprl, i) - 1
                i += 2
            elif i < n:
                size = grpprl[i]
                i += 1
            else:
                return
        if i + size > n:
            return
        yield sprm, grpprl[i:i + size]
        i += size


def _font_of(grpprl: bytes) -> int | None:
    ftc = None
    for sprm, op in _sprms(grpprl):
        if sprm in (SPRM_CRGFTC0, SPRM_CFTC_OLD) and len(op) >= 2:
            ftc = _u16(op, 0)
    return ftc


def _char_style_of(grpprl: bytes) -> int | None:
    istd = None
    for sprm, op in _sprms(grpprl):
        if sprm == SPRM_CISTD and len(op) >= 2:
            istd = _u16(op, 0)
    return istd


class Word97:
    """The parts of a Word 97-2003 binary file needed for its text and fonts."""

    def __init__(self, data: bytes):
        import olefile

        try:
            ole = olefile.OleFileIO(data)
        except Exception as exc:  # olefile raises OSError and its own errors
            raise WordFormatError(f"not an OLE file: {exc}") from exc
        try:
            if not ole.exists("WordDocument"):
                if ole.exists("EncryptedPackage"):
                    raise DocxProtectedError("the file is password protected")
                raise WordFormatError("no WordDocument stream")
            self.wd = ole.openstream("WordDocument").read()
            fib_flags = _u16(self.wd, 0x0A)
            if _u16(self.wd, 0) != WORD_IDENT:
                raise WordFormatError("not a Word document")
            if fib_flags & FIB_ENCRYPTED:
                raise DocxProtectedError("the file is password protected")
            table_name = "1Table" if fib_flags & FIB_WHICH_TABLE else "0Table"
            if not ole.exists(table_name):
                raise WordFormatError("no table stream (Word 6/95 file?)")
            self.table = ole.openstream(table_name).read()
        finally:
            ole.close()
        self._read_fib()

    def _read_fib(self) -> None:
        wd = self.wd
        pos = 32
        csw = _u16(wd, pos)
        pos += 2 + csw * 2
        cslw = _u16(wd, pos)
        pos += 2
        rglw = pos
        self.ccp_text = _u32(wd, rglw + 3 * 4)
        pos += cslw * 4
        cb_rgfclcb = _u16(wd, pos)
        pos += 2
        self.fclcb = [(_u32(wd, pos + 8 * i), _u32(wd, pos + 8 * i + 4)) for i in range(min(cb_rgfclcb, 93))]
        if len(self.fclcb) <= FC_CLX:
            raise WordFormatError("short file information block")

    def _table_slice(self, index: int) -> bytes:
        fc, lcb = self.fclcb[index]
        if lcb == 0 or fc + lcb > len(self.table):
            return b""
        return self.table[fc:fc + lcb]

    # --- pieces of text -------------------------------------------------------------------

    def pieces(self) -> list[tuple[int, int, int, bool]]:
        """(cp start, cp end, file offset, compressed) of each piece."""
        clx = self._table_slice(FC_CLX)
        i = 0
        while i < len(clx) and clx[i] == 0x01:  # Prc: property lists of complex files
            i += 3 + _u16(clx, i + 1)
        if i >= len(clx) or clx[i] != 0x02:
            raise WordFormatError("no piece table")
        lcb = _u32(clx, i + 1)
        plc = clx[i + 5:i + 5 + lcb]
        n = (lcb - 4) // 12
        cps = [_u32(plc, 4 * k) for k in range(n + 1)]
        out = []
        for k in range(n):
            pcd = plc[4 * (n + 1) + 8 * k:4 * (n + 1) + 8 * k + 8]
            fc = _u32(pcd, 2)
            compressed = bool(fc & 0x40000000)
            fc &= 0x3FFFFFFF
            if compressed:
                fc //= 2
            out.append((cps[k], cps[k + 1], fc, compressed))
        return out

    # --- fonts and styles -----------------------------------------------------------------

    def font_names(self) -> list[str]:
        data = self._table_slice(FC_STTBFFFN)
        if len(data) < 4:
            return []
        count = _u16(data, 0)
        pos, names = 4, []
        for _ in range(count):
            if pos >= len(data):
                break
            size = data[pos]
            ffn = data[pos + 1:pos + 1 + size]
            name_bytes = ffn[39:]
            name = name_bytes.decode("utf-16-le", errors="replace").split("\x00")[0]
            names.append(name)
            pos += 1 + size
        return names

    def styles(self) -> tuple[dict[int, tuple[int | None, int]], int | None]:
        """Per style: (its own font or None, base style); and the document default font."""
        data = self._table_slice(FC_STSHF)
        if len(data) < 2:
            return {}, None
        cb_stshi = _u16(data, 0)
        stshi = data[2:2 + cb_stshi]
        cstd = _u16(stshi, 0)
        cb_base = _u16(stshi, 2)
        default_font = _u16(stshi, 12) if len(stshi) >= 14 else None
        styles: dict[int, tuple[int | None, int]] = {}
        pos = 2 + cb_stshi
        for istd in range(cstd):
            if pos + 2 > len(data):
                break
            cb_std = _u16(data, pos)
            std = data[pos + 2:pos + 2 + cb_std]
            pos += 2 + cb_std
            if cb_std == 0 or len(std) < cb_base:
                continue
            stk = _u16(std, 2) & 0x000F
            base = _u16(std, 2) >> 4
            cupx = _u16(std, 4) & 0x000F
            p = cb_base
            cch = _u16(std, p)
            p += 2 + 2 * cch + 2
            font = None
            for u in range(cupx):
                if p + 2 > len(std):
                    break
                cb_upx = _u16(std, p)
                upx = std[p + 2:p + 2 + cb_upx]
                p += 2 + cb_upx + (cb_upx & 1)
                # paragraph styles: PAPX (istd first) then CHPX; character styles: CHPX
                is_chpx = (stk == 1 and u == 1) or (stk == 2 and u == 0)
                if is_chpx:
                    font = _font_of(upx)
            styles[istd] = (font, base)
        return styles, default_font

    def _fkp_runs(self, index: int, papx: bool) -> list[tuple[int, int, bytes]]:
        """(fc start, fc end, property bytes) from the formatted disk pages of a bin table."""
        plc = self._table_slice(index)
        if len(plc) < 4:
            return []
        n = (len(plc) - 4) // 8
        runs = []
        for k in range(n):
            pn = _u32(plc, 4 * (n + 1) + 4 * k) & 0x3FFFFF
            page = self.wd[pn * 512:(pn + 1) * 512]
            if len(page) < 512:
                continue
            crun = page[511]
            for r in range(crun):
                fc0, fc1 = _u32(page, 4 * r), _u32(page, 4 * r + 4)
                if papx:
                    off = page[4 * (crun + 1) + 13 * r] * 2
                    if off == 0:
                        runs.append((fc0, fc1, b""))
                        continue
                    cb = page[off]
                    if cb == 0:
                        cb = page[off + 1] * 2
                        props = page[off + 2:off + 2 + cb]
                    else:
                        props = page[off + 1:off + 1 + 2 * cb - 1]
                else:
                    off = page[4 * (crun + 1) + r] * 2
                    props = page[off + 1:off + 1 + page[off]] if off else b""
                runs.append((fc0, fc1, props))
        return runs

    # --- the text with its fonts ----------------------------------------------------------

    def runs(self) -> list[Run]:
        names = self.font_names()
        styles, default_font = self.styles()

        def style_font(istd: int | None) -> int | None:
            seen = set()
            while istd is not None and istd in styles and istd not in seen:
                seen.add(istd)
                font, base = styles[istd]
                if font is not None:
                    return font
                istd = base if base != 0x0FFF else None
            return None

        chpx = self._fkp_runs(FC_PLCFBTECHPX, papx=False)
        papx = self._fkp_runs(FC_PLCFBTEPAPX, papx=True)
        para_font = [(a, b, style_font(_u16(p, 0)) if len(p) >= 2 else style_font(0)) for a, b, p in papx]
        char_props = [(a, b, _font_of(p), _char_style_of(p)) for a, b, p in chpx]

        def font_at(fc: int) -> str | None:
            ftc = None
            for _a, _b, f, cs in _find(char_props, fc):
                ftc = f if f is not None else style_font(cs) if cs is not None else None
            if ftc is None:
                for _a, _b, f in _find(para_font, fc):
                    ftc = f
            if ftc is None:
                ftc = style_font(0) if style_font(0) is not None else default_font
            return names[ftc] if ftc is not None and ftc < len(names) else None

        out: list[Run] = []
        remaining = self.ccp_text
        for cp0, cp1, fc, compressed in self.pieces():
            if remaining <= 0:
                break
            count = min(cp1 - cp0, remaining)
            remaining -= count
            width = 1 if compressed else 2
            raw = self.wd[fc:fc + count * width]
            text = raw.decode("cp1252", errors="replace") if compressed else raw.decode("utf-16-le", errors="replace")
            if compressed:  # bytes Windows-1252 leaves undefined keep their value
                text = "".join(chr(b) if c == "\ufffd" else c for b, c in zip(raw, text))
            # split the piece where the font may change
            cuts = _boundaries(char_props, papx, fc, fc + len(raw))
            bounds = sorted({b for b in cuts if (b - fc) % width == 0} | {fc})
            for j, start in enumerate(bounds):
                end = bounds[j + 1] if j + 1 < len(bounds) else fc + len(raw)
                part = text[(start - fc) // width:(end - fc) // width]
                if part:
                    out.append(Run(part, font_at(start)))
        return out


def _find(runs, fc):
    """The runs covering file offset ``fc`` (bin tables are sorted; few match)."""
    lo, hi = 0, len(runs)
    while lo < hi:
        mid = (lo + hi) // 2
        if runs[mid][1] <= fc:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(runs) and runs[lo][0] <= fc < runs[lo][1]:
        yield runs[lo]


def _boundaries(char_props, papx, start: int, end: int) -> set[int]:
    out = set()
    for a, _b, *_ in char_props:
        if start <= a < end:
            out.add(a)
    for a, _b, _ in papx:
        if start <= a < end:
            out.add(a)
    return out


def _drop_field_codes(runs: list[Run]) -> list[Run]:
    """Keep field results, drop field instructions (``PAGE``, ``HYPERLINK "…"``)."""
    out: list[Run] = []
    # stack of booleans: True while in the instruction part of a field
    stack: list[bool] = []
    for run in runs:
        buf = []
        for ch in run.text:
            if ch == FIELD_BEGIN:
                stack.append(True)
            elif ch == FIELD_SEPARATOR:
                if stack:
                    stack[-1] = False
            elif ch == FIELD_END:
                if stack:
                    stack.pop()
            elif not (stack and stack[-1]):
                buf.append(ch)
        if buf:
            out.append(Run("".join(buf), run.font))
    return out


def text_of_runs(runs: list[Run]) -> tuple[str, str | None]:
    """Join runs into text, each decoded by its font; and the legacy encoding seen."""
    parts: list[str] = []
    fonts: list[str | None] = []
    for run in _drop_field_codes(runs):
        text = "".join(SPECIAL.get(c, c) for c in run.text)
        parts.append(text)
        fonts.extend([run.font] * len(text))
    return legacy.decode_by_font("".join(parts), fonts)


# --- external tools ---------------------------------------------------------------------------


def _external_text(path: Path) -> str | None:
    """Text from antiword or catdoc, when one is installed and succeeds."""
    commands = []
    if shutil.which("antiword"):
        commands.append(["antiword", "-m", "UTF-8.txt", "-w", "0", str(path)])
    if shutil.which("catdoc"):
        commands.append(["catdoc", "-d", "utf-8", "-w", str(path)])
    for cmd in commands:
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=EXTERNAL_TIMEOUT_S)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if proc.returncode == 0 and proc.stdout.strip():
            return proc.stdout.decode("utf-8", errors="replace")
    return None


def read_doc(path: Path, data: bytes | None = None) -> RawText:
    data = path.read_bytes() if data is None else data
    if not data.startswith(OLE_MAGIC):
        raise CorruptFileError(f"{path.name} is not a Word 97-2003 (.doc) file", path=str(path))
    warnings: list[str] = []
    try:
        text, encoding = text_of_runs(Word97(data).runs())
        if text.strip():
            return RawText(text=text, format="doc", encoding=encoding, warnings=warnings)
        warnings.append("no text in the document body")
    except DocxProtectedError:
        raise DocxProtectedError(f"{path.name} is password protected", path=str(path))
    except (WordFormatError, struct.error, IndexError, ValueError) as exc:
        warnings.append(f"binary reader failed ({exc}); text from an external converter")
    text = _external_text(path)
    if text is None or not text.strip():
        raise CorruptFileError(
            f"{path.name}: cannot read this Word file (install antiword or catdoc for Word 6/95 files)",
            path=str(path),
        )
    return RawText(text=text, format="doc", encoding=None, warnings=warnings)
