"""DOCX files: paragraphs, table cells and text boxes in reading order.

Only the text runs (``w:t``) are read, so the drawing positions of anchored shapes
(``wp:posOffset``) never leak into the text; alternate content is read once.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from vanban.extractors import limits
from vanban.extractors.errors import CorruptFileError, DocxProtectedError
from vanban.extractors.read.base import RawText

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _para_text(p) -> str:
    parts = []
    for el in p.iter():
        if el.tag == MC + "Fallback" or el.tag == W + "txbxContent":
            continue
        if el.tag == W + "t":
            if _inside(el, p, (W + "txbxContent", MC + "Fallback")):
                continue
            parts.append(el.text or "")
        elif el.tag in (W + "tab",):
            parts.append("\t")
        elif el.tag in (W + "br", W + "cr"):
            if not _inside(el, p, (W + "txbxContent", MC + "Fallback")):
                parts.append("\n")
    return "".join(parts)


def _inside(el, stop, tags) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


def _textboxes(p) -> list:
    """Text-box contents anchored in a paragraph, skipping mc:Fallback copies."""
    boxes = []
    for box in p.iter(W + "txbxContent"):
        if _inside(box, p, (MC + "Fallback",)):
            continue
        boxes.append(box)
    return boxes


def _block_lines(el, out: list[str]) -> None:
    if el.tag == W + "p":
        for box in _textboxes(el):
            for child in box:
                _block_lines(child, out)
        out.append(_para_text(el))
    elif el.tag == W + "tbl":
        for row in el.iter(W + "tr"):
            seen = set()
            for cell in row.iter(W + "tc"):
                if cell.getparent() is not row:
                    continue
                cell_lines: list[str] = []
                for child in cell:
                    _block_lines(child, cell_lines)
                key = "\n".join(cell_lines)
                if key in seen:
                    continue
                seen.add(key)
                out.extend(cell_lines)
                out.append("")
    elif el.tag == W + "sdt":
        for child in el.iter(W + "sdtContent"):
            for sub in child:
                _block_lines(sub, out)


def read_docx(path: Path, data: bytes | None = None) -> RawText:
    data = path.read_bytes() if data is None else data
    if data.startswith(OLE_MAGIC):
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in data:
            raise DocxProtectedError(f"{path.name} is password protected", path=str(path))
        raise CorruptFileError(f"{path.name} is an old Word (.doc) file with a .docx name", path=str(path))
    limits.check_docx(data, path.name)  # part sizes and element depth, before the tree is built
    try:
        import docx  # python-docx

        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise CorruptFileError(f"{path.name} is not a readable DOCX file: {exc}", path=str(path))
    except Exception as exc:  # python-docx raises its own PackageNotFoundError and others
        raise CorruptFileError(f"{path.name} is not a readable DOCX file: {exc}", path=str(path))
    lines: list[str] = []
    for el in document.element.body:
        _block_lines(el, lines)
    return RawText(text="\n".join(lines), format="docx", encoding="utf-8")
