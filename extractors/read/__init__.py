"""Readers: a file's bytes to text with page positions (``RawText``).

``read(path)`` picks the reader by extension, or by the file's first bytes when the
extension is missing or wrong, and raises a named ``ReadError`` for anything it cannot
read.
"""
from __future__ import annotations

import importlib
from pathlib import Path

from vanban.extractors import limits
from vanban.extractors.errors import EmptyFileError, FileTooLargeError, ReadError, UnsupportedFormatError
from vanban.extractors.extract.uri import content_hash
from vanban.extractors.read.base import RawText
from vanban.extractors.read.files import read_regular, readable_name, regular_size

# Files above this size are refused rather than read into memory.
MAX_FILE_BYTES = 64 * 1024 * 1024
# Text formats hold no images: above this size a file is not one document (a 4 000-page
# report is about 8 MB of text) and would only tie up the extractors.
MAX_TEXT_BYTES = 16 * 1024 * 1024
TEXT_READERS = ("text", "html")

# extension -> "module:function" of the reader (modules are imported on first use)
READERS = {
    ".txt": "text:read_text",
    ".md": "text:read_text",
    ".markdown": "text:read_text",
    ".ws": "text:read_text",
    ".text": "text:read_text",
    ".pdf": "pdf:read_pdf",
    ".docx": "docx:read_docx",
    ".html": "html:read_html",
    ".htm": "html:read_html",
    ".xhtml": "html:read_html",
    ".doc": "doc:read_doc",
    ".rtf": "rtf:read_rtf",
    ".png": "ocr:read_image",
    ".jpg": "ocr:read_image",
    ".jpeg": "ocr:read_image",
    ".tif": "ocr:read_image",
    ".tiff": "ocr:read_image",
}

SUPPORTED = sorted(READERS)


def sniff(data: bytes) -> str | None:
    """Guess a reader from the first bytes."""
    head = data[:2048]
    if head.startswith(b"%PDF"):
        return ".pdf"
    if head.startswith(b"PK\x03\x04") and b"word/" in data[:65536]:
        return ".docx"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return ".doc"
    if head.lstrip()[:5] == b"{\\rtf":
        return ".rtf"
    if head.startswith(b"\x89PNG") :
        return ".png"
    if head.startswith(b"\xff\xd8\xff"):
        return ".jpg"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return ".tif"
    low = head.lower()
    if b"<html" in low or b"<!doctype html" in low:
        return ".html"
    return None


def reader_for(path: Path, data: bytes) -> str:
    suffix = path.suffix.lower()
    sniffed = sniff(data)
    if suffix in READERS:
        # a binary format under a text name (or the reverse) is read by what it is
        if sniffed and sniffed != suffix and READERS[sniffed] != READERS[suffix]:
            # (a Word name over RTF or HTML, as Word itself saves them, is read as what it holds)
            if suffix in (".txt", ".md", ".html", ".htm", ".doc", ".docx") or sniffed in (".pdf", ".docx", ".doc"):
                return sniffed
        return suffix
    if sniffed:
        return sniffed
    if len(path.suffixes) > 1 and path.suffixes[-2].lower() in READERS:  # e.g. 031.txt.ws
        return path.suffixes[-2].lower()
    raise UnsupportedFormatError(
        f"{path.name}: unsupported file type {suffix or '(none)'}; supported: {', '.join(SUPPORTED)}",
        path=str(path),
    )


def read(path: str | Path) -> RawText:
    """Read any supported file. Raises a ``ReadError`` subclass on failure."""
    path = Path(path)
    try:
        size = regular_size(path)  # a FIFO or a device is refused here, never opened
    except OSError as exc:
        raise ReadError(f"{readable_name(str(path))}: cannot open ({exc.strerror})", path=readable_name(str(path)))
    if size == 0:
        raise EmptyFileError(f"{path.name} is empty", path=str(path))
    if size > MAX_FILE_BYTES:
        raise FileTooLargeError(
            f"{path.name} is {size / 2**20:.0f} MB, over the {MAX_FILE_BYTES // 2**20} MB limit",
            path=str(path),
        )
    data = read_regular(path)
    suffix = reader_for(path, data)
    module_name, func_name = READERS[suffix].split(":")
    if module_name in TEXT_READERS and size > MAX_TEXT_BYTES:
        raise FileTooLargeError(
            f"{path.name} is {size / 2**20:.0f} MB of text, over the {MAX_TEXT_BYTES // 2**20} MB limit for one document",
            path=str(path),
        )
    module = importlib.import_module(f"{__name__}.{module_name}")
    raw = getattr(module, func_name)(path, data)
    limits.check_text_length(raw.text, path.name)
    raw.sha256 = content_hash(data)
    return raw


__all__ = ["RawText", "read", "READERS", "SUPPORTED", "MAX_FILE_BYTES"]
