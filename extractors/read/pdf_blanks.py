"""Digits a text layer lacks: the number and day drawn as graphics or written by hand.

Where the first page's text still reads ``Số:   /UBND-VP`` or ``ngày   tháng`` after the
annotations are read, the digits are on the page but not in the text layer. The blank
strip between the label and the next word (between ``Số:`` and ``/``, ``ngày`` and
``tháng``, ``tháng`` and ``năm``) is rendered alone and OCRed as one line; the digits found
go into the text. Without Tesseract nothing is done.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import regex as re

from vanban.extractors.errors import OcrUnavailableError, ReadError

# The header is in the first lines of the page.
HEADER_LINES = 25
# A blank narrower than this share of a line's height holds no digit.
MIN_BLANK_HEIGHTS = 0.8
# The strip is rendered at this resolution, with this margin (in line heights) around it.
DPI = 400
MARGIN = 0.15

# label, blank, next word: the blank is where the digits belong
_BLANKS = {
    "number": re.compile(r"(?<![\p{L}])(S[ốô]\u0301?\s*:\s*)(?=/)"),
    "day": re.compile(r"(?<![\p{L}])(ngày\s+)(?=tháng\b)"),
    "month": re.compile(r"(?<![\p{L}])(tháng\s+)(?=năm\b)"),
}
# What the strip must read as: digits, maybe with specks around them.
_DIGITS = re.compile(r"^\W*(\d{1,6})\W*$")


def blanks(text: str) -> list[str]:
    """The fields (number, day, month) whose digits are missing from a page's header lines."""
    head = "\n".join(text.split("\n")[:HEADER_LINES])
    return [name for name, pattern in _BLANKS.items() if pattern.search(head)]


def _strip_box(chars, name: str) -> tuple[float, float, float, float] | None:
    """Box (left, bottom, right, top in PDF space) of the blank strip after a field's label,
    found in the page's own characters."""
    text = "".join(c.text for c in chars)
    match = _BLANKS[name].search(text)
    if not match:
        return None
    label = [c for c in chars[match.start(1):match.end(1)] if c.box and not c.text.isspace()]
    after = next((c for c in chars[match.end(1):] if c.box and not c.text.isspace()), None)
    if not label or after is None:
        return None
    last = label[-1].box
    height = max(last[3] - last[1], 1.0)
    left, right = last[2], after.box[0]
    if right - left < MIN_BLANK_HEIGHTS * height:
        return None
    return left, min(last[1], after.box[1]) - MARGIN * height, right, max(last[3], after.box[3]) + MARGIN * height


def _ocr_strip(path: Path, box: tuple[float, float, float, float]) -> str:
    import pypdfium2 as pdfium

    from vanban.extractors.read import ocr

    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[0]
        try:
            width, height = page.get_size()
            left, bottom, right, top = box
            crop = (max(left, 0), max(bottom, 0), max(width - right, 0), max(height - top, 0))
            image = page.render(scale=DPI / 72, grayscale=True, crop=crop).to_pil()
        finally:
            page.close()
    finally:
        pdf.close()
    with tempfile.TemporaryDirectory(prefix="vanban-crop-") as tmp:
        png = Path(tmp) / "strip.png"
        image.save(png)
        text, _ = ocr.ocr_image_file(png, psm=7)
    return text


def fill_header_blanks(path: Path, page, warnings: list[str]) -> list[dict]:
    """Fill the blank number, day and month of the first page (``pdf.PdfPage``) by OCR of
    their strips; returns what was read, one entry per strip."""
    missing = blanks(page.text)
    if not missing or not page.chars:
        return []
    done: list[dict] = []
    for name in missing:
        box = _strip_box(page.chars, name)
        if box is None:
            continue
        try:
            read = _ocr_strip(path, box)
        except OcrUnavailableError:
            warnings.append(f"page 1: the {name} is not in the text layer; OCR unavailable")
            return done
        except ReadError as exc:
            warnings.append(f"page 1: OCR of the {name} failed ({exc})")
            continue
        digits = _DIGITS.findall(read.strip())
        entry = {"field": name, "box": [round(v, 1) for v in box], "text": read.strip(), "digits": digits[0] if digits else None}
        done.append(entry)
        if digits:
            page.text = _BLANKS[name].sub(lambda m, d=digits[0]: m.group(1).rstrip() + " " + d + " ", page.text, count=1)
            warnings.append(f"page 1: the {name} is not in the text layer; read {digits[0]!r} by OCR of its strip")
        else:
            warnings.append(f"page 1: the {name} is not in the text layer; OCR of its strip found no digits")
    return done
