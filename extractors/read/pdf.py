"""PDF files with a text layer.

pypdfium2 reads every page fast. The first page is read again with pdfplumber, which
knows where each word sits: the two-column header (issuing body on the left, national
motto on the right) is cut into its columns so that their lines do not interleave.
Pages with no text are handed to OCR when it is available.
"""
from __future__ import annotations

from pathlib import Path

from vanban.extractors.errors import CorruptFileError, OcrUnavailableError, PdfEncryptedError, PdfNoTextError
from vanban.extractors.read.base import RawText
from vanban.extractors.read.pdf_fonts import decode_pdfium_page, decode_words

# A page with fewer visible characters than this has no usable text layer.
MIN_PAGE_CHARS = 20


def _pdfium_pages(path: Path, encodings: list[str] | None = None) -> list[str]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg or "security" in msg:
            raise PdfEncryptedError(f"{path.name} is encrypted (password protected)", path=str(path))
        raise CorruptFileError(f"{path.name} is not a readable PDF: {exc}", path=str(path))
    try:
        pages = []
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            text, legacy_encoding = decode_pdfium_page(textpage, textpage.get_text_range())
            if legacy_encoding and encodings is not None:
                encodings.append(legacy_encoding)
            pages.append(text.replace("\r\n", "\n").replace("\r", "\n"))
            textpage.close()
            page.close()
        return pages
    finally:
        pdf.close()


def _lines_of(words: list[dict], tolerance: float = 3.0) -> list[list[dict]]:
    """Group pdfplumber words into lines by their top coordinate."""
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - w["top"]) <= tolerance:
            lines[-1].append(w)
        else:
            lines.append([w])
    for line in lines:
        line.sort(key=lambda w: w["x0"])
    return lines


def _line_text(words: list[dict]) -> str:
    return " ".join(w["text"] for w in words)


def split_header_columns(words: list[dict], page_width: float) -> str | None:
    """Text of a page whose top block is in two columns, left column first.

    The header block ends at the first line that crosses the middle of the page (the
    centred type name, or a body paragraph). Returns None when the page does not start
    with two columns.
    """
    mid = page_width / 2
    lines = _lines_of(words)
    header_end = None
    for i, line in enumerate(lines):
        crosses = any(w["x0"] < mid - 5 and w["x1"] > mid + 5 for w in line)
        left = [w for w in line if w["x1"] <= mid + 5]
        right = [w for w in line if w["x0"] >= mid - 5]
        if left and right and not crosses:
            gap = min(w["x0"] for w in right) - max(w["x1"] for w in left)
            crosses = gap < 12
        if crosses:
            header_end = i
            break
    if not header_end:
        return None
    left_lines, right_lines = [], []
    for line in lines[:header_end]:
        left = [w for w in line if w["x1"] <= mid + 5]
        right = [w for w in line if w not in left]
        if left:
            left_lines.append(_line_text(left))
        if right:
            right_lines.append(_line_text(right))
    if not left_lines or not right_lines:
        return None
    body = [_line_text(line) for line in lines[header_end:]]
    return "\n".join(left_lines + [""] + right_lines + [""] + body)


def _first_page_layout(path: Path) -> str | None:
    import pdfplumber

    try:
        with pdfplumber.open(str(path)) as pdf:
            if not pdf.pages:
                return None
            page = pdf.pages[0]
            words = decode_words(page.extract_words(keep_blank_chars=False, use_text_flow=False, extra_attrs=["fontname"]))
            if not words:
                return None
            return split_header_columns(words, page.width)
    except Exception:  # layout is an improvement, never a reason to fail
        return None


def read_pdf(path: Path, data: bytes | None = None, *, ocr: bool = True) -> RawText:
    encodings: list[str] = []
    pages = _pdfium_pages(path, encodings)
    warnings: list[str] = []
    if not pages:
        raise CorruptFileError(f"{path.name} has no pages", path=str(path))
    if len(pages[0].strip()) >= MIN_PAGE_CHARS:
        layout = _first_page_layout(path)
        if layout:
            pages[0] = layout
    empty = [i for i, p in enumerate(pages) if len(p.strip()) < MIN_PAGE_CHARS]
    ocr_info = None
    if empty:
        if not ocr:
            warnings.append(f"pages without a text layer: {[i + 1 for i in empty]}")
        else:
            try:
                from vanban.extractors.read import ocr as ocr_mod
            except ImportError:  # pragma: no cover - the OCR module ships with the package
                ocr_mod = None
            if ocr_mod is None:
                if len(empty) == len(pages):
                    raise PdfNoTextError(f"{path.name} has no text layer and OCR is not available", path=str(path))
            else:
                try:
                    texts, ocr_info = ocr_mod.ocr_pdf_pages(path, empty)
                    for i, t in zip(empty, texts):
                        pages[i] = t
                except OcrUnavailableError:
                    if len(empty) == len(pages):
                        raise
                    warnings.append(f"pages without a text layer, OCR unavailable: {[i + 1 for i in empty]}")
    raw = RawText.from_pages(pages, format="pdf", warnings=warnings)
    raw.ocr = ocr_info
    raw.encoding = max(set(encodings), key=encodings.count) if encodings else None
    return raw
