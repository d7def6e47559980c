"""The limits of one file's extraction, and the cheap checks that refuse a file before an
expensive parser meets it.

The default time and memory of one file in a bulk load (``vanban.extractors.bounded``
enforces them) are here so that the CLI can show them without importing the worker pool.
Every other limit is checked from what a file declares or holds in a few bytes, before the
reader builds anything from it, and has its own error code:

- ``pdf_too_many_pages``: the page count a PDF declares (``/Count``, then pdfium's count);
- ``pdf_page_too_large``: a page box wider or taller than the PDF format allows (200 in);
- ``pdf_stream_too_large``: a content stream that inflates past ``MAX_PDF_STREAM_BYTES``
  (measured by inflating it in pieces, never whole);
- ``image_too_large``: an image (a file, or one inside a PDF) of more pixels than
  ``MAX_IMAGE_PIXELS``, read from its header before it is decoded;
- ``xml_part_too_large``: a DOCX part larger than ``MAX_XML_PART_BYTES`` by the zip's
  directory (the reader stops at the declared size, so the directory cannot lie);
- ``too_deeply_nested``: elements nested deeper than ``MAX_DEPTH`` in a DOCX part or an
  HTML page, counted by a streaming parser that keeps no tree;
- ``text_too_long``: a text over ``MAX_TEXT_CHARS`` once read (texts over spaCy's
  1,000,000 characters are read, in pieces: a 500-page PDF is about 1.5 million).

This module imports nothing heavy: the parsers are imported inside the checks.
"""
from __future__ import annotations

import re
import zlib

from vanban.extractors.errors import (
    ImageTooLargeError,
    PdfPageTooLargeError,
    PdfStreamTooLargeError,
    PdfTooManyPagesError,
    TextTooLongError,
    TooDeeplyNestedError,
    XmlPartTooLargeError,
)

DEFAULT_TIMEOUT_S = 120.0  # seconds one file may take to extract
DEFAULT_MEMORY_MB = 2048  # megabytes of address space one extraction process may use

MAX_PDF_PAGES = 3_000  # a 500-page report is read; 100,000 declared pages are not
MAX_PDF_PAGE_POINTS = 14_400  # the PDF format's largest page side: 200 inches
MAX_PDF_STREAM_BYTES = 32 * 1024 * 1024  # one content stream inflated (a dense page: ~100 KB)
MAX_IMAGE_PIXELS = 120_000_000  # a 600 dpi A3 scan is about 70 million
MAX_XML_PART_BYTES = 48 * 1024 * 1024  # a 1,000-page DOCX's document.xml: ~20 MB
MAX_DEPTH = 200  # elements inside each other (real DOCX and HTML: under 40)
MAX_TEXT_CHARS = 12_000_000  # characters of one document's text (a 10 MB text: 7.6 million)

_INFLATE_PIECE = 1 << 20


# --- PDF -----------------------------------------------------------------------------------------

_COUNT = re.compile(rb"/Count\s+(\d{1,15})")
_BOX = re.compile(rb"/(?:MediaBox|CropBox)\s*\[\s*([-+0-9.eE\s]{1,200})\]")
_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_DICT_WIDTH = re.compile(rb"/Width\s+(\d{1,12})")
_DICT_HEIGHT = re.compile(rb"/Height\s+(\d{1,12})")


def check_pdf_pages(count: int, name: str) -> None:
    if count > MAX_PDF_PAGES:
        raise PdfTooManyPagesError(f"{name} declares {count:,} pages, over the limit of {MAX_PDF_PAGES:,}")


def check_pdf_page_size(width: float, height: float, name: str, page: int | None = None) -> None:
    if max(abs(width), abs(height)) > MAX_PDF_PAGE_POINTS:
        where = f"page {page}" if page else "a page"
        raise PdfPageTooLargeError(
            f"{name}: {where} is {abs(width) / 72:,.0f} × {abs(height) / 72:,.0f} inches, over the PDF format's "
            f"{MAX_PDF_PAGE_POINTS // 72} inches")


def check_pixels(width: int, height: int, name: str) -> None:
    if width * height > MAX_IMAGE_PIXELS:
        raise ImageTooLargeError(
            f"{name}: an image of {width:,} × {height:,} pixels, over the limit of {MAX_IMAGE_PIXELS:,} pixels")


def _inflated_over(data: bytes, limit: int) -> bool:
    """Whether a Flate stream inflates past ``limit`` bytes (inflated a piece at a time)."""
    inflate = zlib.decompressobj()
    total, rest = 0, data
    try:
        while rest:
            total += len(inflate.decompress(rest, _INFLATE_PIECE))
            if total > limit:
                return True
            rest = inflate.unconsumed_tail
        while not inflate.eof:
            piece = inflate.decompress(b"", _INFLATE_PIECE)
            if not piece:
                break
            total += len(piece)
            if total > limit:
                return True
    except zlib.error:
        return False  # damaged: the reader says so
    return False


def check_pdf_bytes(data: bytes, name: str) -> None:
    """What a PDF's bytes declare, before pdfium reads it: page count, page boxes, the size
    of each stream once inflated, the pixels of each image."""
    counts = [int(m) for m in _COUNT.findall(data)]
    if counts:
        check_pdf_pages(max(counts), name)
    for m in _BOX.finditer(data):
        try:
            x0, y0, x1, y1 = (float(v) for v in m.group(1).split()[:4])
        except ValueError:
            continue
        check_pdf_page_size(x1 - x0, y1 - y0, name)
    for m in _STREAM.finditer(data):
        end = data.find(b"endstream", m.end())
        if end < 0:
            end = len(data)
        head = data[max(0, m.start() - 2048):m.start()]
        head = head[head.rfind(b" obj") + 1:] if b" obj" in head else head
        if b"/Image" in head:
            w, h = _DICT_WIDTH.search(head), _DICT_HEIGHT.search(head)
            if w and h:
                check_pixels(int(w.group(1)), int(h.group(1)), name)
            continue
        body = memoryview(data)[m.end():end]
        if len(body) > MAX_PDF_STREAM_BYTES or (b"/FlateDecode" in head and _inflated_over(body, MAX_PDF_STREAM_BYTES)):
            raise PdfStreamTooLargeError(
                f"{name}: a stream holds over {MAX_PDF_STREAM_BYTES // 2**20} MB once inflated: not read")


# --- DOCX ----------------------------------------------------------------------------------------


def check_docx(data: bytes, name: str) -> None:
    """Part sizes from the zip's directory, then the element depth of the document's text
    parts (streamed, no tree kept)."""
    import io
    import zipfile

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # not a zip: the reader says so
    with archive:
        parts = [i for i in archive.infolist() if i.filename.lower().endswith((".xml", ".rels"))]
        for info in parts:
            if info.file_size > MAX_XML_PART_BYTES:
                raise XmlPartTooLargeError(
                    f"{name}: the part {info.filename} is {info.file_size / 2**20:,.0f} MB, over the limit of "
                    f"{MAX_XML_PART_BYTES // 2**20} MB")
        for info in parts:
            if info.filename.startswith("word/") and info.filename.endswith(".xml"):
                try:
                    with archive.open(info) as stream:
                        _check_xml_depth(stream, f"{name} ({info.filename})")
                except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError):
                    return  # damaged or encrypted: the reader says so


def _check_xml_depth(stream, name: str) -> None:
    from lxml import etree

    depth = 0
    try:
        for event, element in etree.iterparse(stream, events=("start", "end"), resolve_entities=False,
                                              no_network=True, huge_tree=False, load_dtd=False):
            if event == "start":
                depth += 1
                if depth > MAX_DEPTH:
                    raise _too_deep(name)
            else:
                depth -= 1
                element.clear(keep_tail=False)
    except etree.XMLSyntaxError as exc:
        if "depth" in str(exc).lower():
            raise _too_deep(name) from None
        # other damage: the reader says so


def _too_deep(name: str) -> TooDeeplyNestedError:
    return TooDeeplyNestedError(f"{name}: elements nested over {MAX_DEPTH} deep: not read")


# --- HTML ----------------------------------------------------------------------------------------

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})\b[^<>]{0,4000}?(/?)>")
# elements with no end tag, or whose end tag HTML lets one leave out (a <p> ends at the next)
_NOT_NESTING = frozenset(
    "area base br col embed hr img input link meta param source track wbr p li dt dd tr td th option "
    "optgroup thead tbody tfoot colgroup rt rp caption".split())


def check_html_depth(html: str, name: str) -> None:
    """Element depth of an HTML page, by a scan of its tags (no tree built)."""
    depth = 0
    for m in _TAG.finditer(html):
        tag = m.group(2).lower()
        if tag in _NOT_NESTING or m.group(3):
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > MAX_DEPTH:
                raise _too_deep(name)


# --- text ----------------------------------------------------------------------------------------


def check_text_length(text: str, name: str) -> None:
    if len(text) > MAX_TEXT_CHARS:
        raise TextTooLongError(
            f"{name}: {len(text):,} characters of text, over the limit of {MAX_TEXT_CHARS:,} for one document")
