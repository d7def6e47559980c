"""PDF files with a text layer.

pypdfium2 reads every page fast. Text that annotations show (the number and day an
e-signing service fills in as widgets) is put into the page text where it stands
(``pdf_annots``); signature-stamp lines go to the end of their page. The first page is
read again with pdfplumber, which knows where each word sits: the two-column header
(issuing body on the left, national motto on the right) is cut into its columns so that
their lines do not interleave.

A page is handed to OCR when its text layer is missing (no text, or a few characters over
a scanned image) or poor (``layer_quality``: a scan OCRed without Vietnamese, mojibake,
glyphs without Unicode); a short page of good text, such as the last page of a letter, is
kept. Where the first page still shows a blank number or day (``Số:   /…``, ``ngày   tháng``)
after that, the digits are drawn, not written: that strip of the page is OCRed alone
(``pdf_blanks``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import regex as re

from vanban.extractors import limits
from vanban.extractors.errors import CorruptFileError, OcrUnavailableError, PdfEncryptedError, VanbanError
from vanban.extractors.read import layer_quality
from vanban.extractors.read.base import RawText
from vanban.extractors.read.columns import column_block, column_gap, header_split, opens_foot
from vanban.extractors.read.pdf_annots import Char, Run, added_runs, insert_runs, move_stamps, page_chars, stamp_lines, words_of
from vanban.extractors.read.pdf_fonts import decode_pdfium_page, decode_words

# A page with fewer visible characters than this has no usable text layer, when it holds
# an image (a scan with a stray page number) or no character at all.
MIN_PAGE_CHARS = 20
# pdfium's mark for a hyphen at the end of a line, whose two lines it joined.
LINE_END_HYPHEN = "\ufffe"
NO_TEXT = "no text layer"


@dataclass
class PdfPage:
    """One page as the text layer gives it, with what the reader decides from it."""

    text: str
    layer_text: str = ""  # the text layer's own characters, one for each of ``chars``
    width: float = 0.0
    height: float = 0.0
    images: int = 0
    runs: list[Run] = field(default_factory=list)  # annotation text placed on a line
    chars: list[Char] = field(default_factory=list)  # the page's own characters
    quality: layer_quality.Quality | None = None
    notes: list[str] = field(default_factory=list)

    def ocr_reason(self) -> str | None:
        """Why this page must be read by OCR, or None when its text layer is good."""
        visible = sum(1 for c in self.text if not c.isspace())
        if visible < MIN_PAGE_CHARS and (self.images or not visible):
            return NO_TEXT
        if self.quality is not None and self.quality.poor:
            return f"poor text layer ({self.quality.describe()})"
        return None


def _open(path: Path):
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
        pdf.vanban_name = path.name
        return pdf
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg or "security" in msg:
            raise PdfEncryptedError(f"{path.name} is encrypted (password protected)", path=str(path))
        raise CorruptFileError(f"{path.name} is not a readable PDF: {exc}", path=str(path))


def _image_count(page) -> int:
    import pypdfium2.raw as pdfium_c

    return sum(1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3))


def _annotation_runs(pdf, index: int, page, own: list[Char], height: float):
    """Runs of annotation text on page ``index`` (the page flattened); and the page to use."""
    import pypdfium2.raw as pdfium_c

    if not own or pdfium_c.FPDFPage_GetAnnotCount(page.raw) == 0:
        return [], page
    if pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY) != pdfium_c.FLATTEN_SUCCESS:
        return [], page
    page.close()
    page = pdf[index]
    textpage = page.get_textpage()
    try:
        flattened = page_chars(textpage, textpage.get_text_range())
    finally:
        textpage.close()
    return added_runs(own, flattened, height), page


def _read_page(pdf, index: int, encodings: list[str]) -> PdfPage:
    page = pdf[index]
    try:
        width, height = page.get_size()
        limits.check_pdf_page_size(width, height, pdf_name(pdf), index + 1)
        textpage = page.get_textpage()
        try:
            raw_text = textpage.get_text_range()
            text, legacy_encoding = decode_pdfium_page(textpage, raw_text)
            own = page_chars(textpage, raw_text)
            unmapped = layer_quality.unmapped_chars(textpage)
        finally:
            textpage.close()
        if legacy_encoding:
            encodings.append(legacy_encoding)
        result = PdfPage(text, text.replace(LINE_END_HYPHEN, "-"), width, height, _image_count(page), chars=own)
        runs, page = _annotation_runs(pdf, index, page, own, height)
    finally:
        page.close()
    runs, stamp_runs = _stamp_runs(runs)
    if runs:
        if len(text) == len(raw_text):
            text, alone = insert_runs(text, own, runs, height)
        else:  # decoding changed the offsets: the runs cannot be placed
            alone = runs
        placed = [r for r in runs if r not in alone]
        if alone:
            text = text.rstrip("\n\r") + "\n" + " ".join(r.text for r in alone)
        result.runs = placed
        result.notes.append(f"text of {len(runs)} annotation runs read")
    text = text.replace(LINE_END_HYPHEN, "-").replace("\r\n", "\n").replace("\r", "\n")
    if stamp_runs:
        text = text.rstrip("\n") + "\n" + "\n".join(stamp_runs)
        result.notes.append(f"signature stamp of the annotations kept apart ({len(stamp_runs)} lines)")
    text, stamps = move_stamps(text)
    if stamps:
        result.notes.append(f"signature stamp moved to the end of the page ({len(stamps)} lines)")
    result.text = text
    result.quality = layer_quality.measure(text, unmapped)
    return result


def _stamp_runs(runs: list[Run]) -> tuple[list[Run], list[str]]:
    """The annotation runs less those of a signature stamp (read among the runs alone, so
    that a stamp beside a list item or the date is not taken into their line); and the
    stamp's lines."""
    if not runs:
        return runs, []
    words = [dict(r.as_word(), run=r) for r in runs]
    pieces: list[list[dict]] = []
    for line in _lines_of(words):
        piece = [line[0]]
        for a, b in zip(line, line[1:]):
            if b["x0"] - a["x1"] > RUN_LINE_GAP * max(a["bottom"] - a["top"], 1.0):
                pieces.append(piece)
                piece = []
            piece.append(b)
        pieces.append(piece)
    found = stamp_lines([_line_text(piece) for piece in pieces])
    if not found:
        return runs, []
    stamped = {id(w["run"]) for k in found for w in pieces[k]}
    return [r for r in runs if id(r) not in stamped], [_line_text(pieces[k]) for k in sorted(found)]


# Runs of one line of annotation text are less than this many heights apart.
RUN_LINE_GAP = 1.5


def _pdfium_pages(path: Path, encodings: list[str] | None = None) -> list[PdfPage]:
    pdf = _open(path)
    try:
        limits.check_pdf_pages(len(pdf), path.name)
        return [_read_page(pdf, i, encodings if encodings is not None else []) for i in range(len(pdf))]
    finally:
        pdf.close()


def pages_to_ocr(path: Path) -> list[int]:
    """The pages (0-based) ``read_pdf`` reads by OCR (``PdfPage.ocr_reason``), from the text layer alone."""
    return [i for i, page in enumerate(_pdfium_pages(path)) if page.ocr_reason()]


# Words of one line are of one size: a word less than this share of the line's height
# is other text over it (a signature stamp printed across the header or a list).
SAME_SIZE = 0.7


def _lines_of(words: list[dict], tolerance: float = 3.0, *, same_size: bool = False) -> list[list[dict]]:
    """Group words into lines: a word whose top is within ``tolerance`` of the line's
    first word, or whose middle is within that word's height, joins it (when
    ``same_size``, only a word of about that word's height)."""
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        middle = (w["top"] + w.get("bottom", w["top"])) / 2
        if lines:
            first = lines[-1][0]
            near = abs(first["top"] - w["top"]) <= tolerance or first["top"] <= middle <= first.get("bottom", first["top"])
            if near and (not same_size or _same_size(first, w)):
                lines[-1].append(w)
                continue
        lines.append([w])
    for line in lines:
        line.sort(key=lambda w: w["x0"])
    return lines


def _same_size(a: dict, b: dict) -> bool:
    ha, hb = (max(w.get("bottom", w["top"]) - w["top"], 0.1) for w in (a, b))
    return min(ha, hb) >= SAME_SIZE * max(ha, hb)


def _size_groups(lines: list[list[dict]]) -> list[list[int]]:
    """Indexes of the lines, top to bottom, grouped by the size of their text."""
    groups: list[list[int]] = []
    for i, line in enumerate(lines):
        group = next((g for g in groups if _same_size(lines[g[0]][0], line[0])), None)
        if group is None:
            groups.append([i])
        else:
            group.append(i)
    return groups


def _line_text(words: list[dict]) -> str:
    return " ".join(w["text"] for w in words)


_VV_LINE = re.compile(r"^\s*V/[vV]\b")
# A line of the foot's list ends before this share of the width (running text goes on).
FOOT_LIST_MAX = 0.75
# For a text layer, words of a line this far apart (share of the width) part two columns.
PDF_COLUMN_GAP = 0.02


def _header_lines(lines: list[list[dict]], page_width: float) -> tuple[int, list[str]] | None:
    """The two-column header at the top of a page: (line after it, its lines, left column
    first). The split is ``columns.header_split``; the block (``columns.column_block``)
    runs to the first line across it (the centred type name, a body paragraph) or the
    ``Kính gửi`` line. The left column's ``V/v`` subject is read after the right column,
    as the page reads. None when the page does not start with two columns."""
    split = header_split(lines, page_width, PDF_COLUMN_GAP)
    if split is None:
        return None
    block = column_block(lines, 0, page_width, split=split, min_gap=PDF_COLUMN_GAP)
    if not block:
        return None
    end, left, right, addressed = block
    vv = next((i for i, line in enumerate(left) if _VV_LINE.match(line)), len(left))
    return end, left[:vv] + [""] + right + [""] + left[vv:] + ([""] + addressed if addressed else [])


def _foot_lines(lines: list[list[dict]], first: int, page_width: float) -> tuple[int, int, list[str]] | None:
    """The foot block (``Nơi nhận`` list left, the signature right) from line ``first`` on:
    (its first line, the line after it, its lines, left column first). The list is
    aligned on its left edge, and a line of it may run past the middle of the gap to the
    signature's column: each line is cut at its own column gap, and a line in one run
    goes to the list when it starts where the list does, to the signature when it starts
    right of the middle. The block runs to the end of the page or a line of running text
    across the page."""
    start = next((i for i in range(first, len(lines)) if opens_foot(lines[i])), None)
    if start is None:
        return None
    gap = column_gap(lines[start:], page_width, PDF_COLUMN_GAP)
    if gap is None:
        return None
    split = (gap[0] + gap[1]) / 2
    left: list[str] = []
    right: list[str] = []
    end = start
    for line in lines[start:]:
        cut = _column_cut(line, page_width)
        if cut is not None and line[cut]["x0"] >= split and line[cut - 1]["x1"] <= FOOT_LIST_MAX * page_width:
            sides = line[:cut], line[cut:]
        elif cut is None and line[0]["x0"] >= split:
            sides = [], line
        elif cut is None and line[0]["x0"] < gap[0] and line[-1]["x1"] <= FOOT_LIST_MAX * page_width:
            sides = line, []  # an item of the list, however long
        else:
            break  # running text across the page
        for side, out in zip(sides, (left, right)):
            if side:
                out.append(_line_text(side))
        end += 1
    if not left or not right:
        return None
    return start, end, left + [""] + right


def _column_cut(line: list[dict], width: float) -> int | None:
    """Index of the first word after the widest gap of a line, when it parts two columns."""
    gaps = [(b["x0"] - a["x1"], i + 1) for i, (a, b) in enumerate(zip(line, line[1:]))]
    size, cut = max(gaps, default=(0.0, None))
    return cut if size > PDF_COLUMN_GAP * width else None


def header_block(words: list[dict], page_width: float) -> tuple[list[str], list[dict]] | None:
    """The lines of a page's two-column header (``_header_lines``); and the words after it."""
    lines = _lines_of(words)
    block = _header_lines(lines, page_width)
    if block is None:
        return None
    end, text = block
    return text, [w for line in lines[end:] for w in line]


def split_header_columns(words: list[dict], page_width: float) -> str | None:
    """Text of a page whose top block is in two columns (``header_block``), the rest in
    lines by position. None when the page does not start with two columns."""
    block = header_block(words, page_width)
    if block is None:
        return None
    header, rest = block
    return "\n".join(header + [""] + [_line_text(line) for line in _lines_of(rest)])


def _without_stamps(words: list[dict]) -> tuple[list[dict], list[str]]:
    """Words outside the signature stamp's lines; and those lines' text. A stamp's lines
    are read apart from the larger text they are printed over."""
    lines = _lines_of(words, same_size=True)
    found: set[int] = set()
    for group in _size_groups(lines):
        found.update(group[k] for k in stamp_lines([_line_text(lines[i]) for i in group]))
    if not found:
        return words, []
    kept = [w for i, line in enumerate(lines) if i not in found for w in line]
    return kept, [_line_text(lines[i]) for i in sorted(found)]


def _plumber_words(path: Path) -> tuple[list[dict], float]:
    """Words of the first page as pdfplumber reads them (decoded by their fonts)."""
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        if not pdf.pages:
            return [], 0.0
        page = pdf.pages[0]
        words = decode_words(page.extract_words(keep_blank_chars=False, use_text_flow=False, extra_attrs=["fontname"]))
        for word in words:
            word["text"] = word["text"].replace(LINE_END_HYPHEN, "-")
        return words, page.width


def _first_page_layout(path: Path, page: PdfPage) -> str | None:
    """The first page's text with its two-column header read from word positions; when a
    legacy font changed the text's length, pdfplumber's words give the whole page by
    position."""
    try:
        if page.chars and len(page.layer_text) == len(page.chars):
            return _layout(page, header=True)
        words, width = _plumber_words(path)
        words, stamps = _without_stamps(words)
        text = split_header_columns(words, width) if words else None
        return text + "\n\n" + "\n".join(stamps) if text and stamps else text
    except Exception:  # layout is an improvement, never a reason to fail
        return None


def _layout(page: PdfPage, *, header: bool) -> str | None:
    """The page's text with its two-column blocks (the header when ``header``, the foot)
    read from word positions, one column after the other; the rest of the page stays in
    the text layer's order. Words come from pdfium's characters, with the annotation runs
    placed on the page. None when the page has no such block."""
    if not page.chars or len(page.layer_text) != len(page.chars):
        return None
    runs = [dict(r.as_word(), run=r) for r in page.runs]
    everything = words_of(page.chars, page.layer_text, page.height) + runs
    words, stamps = _without_stamps(everything)
    lines = _lines_of(words)
    head = _header_lines(lines, page.width) if header else None
    head_end = head[0] if head else 0
    foot = _foot_lines(lines, head_end, page.width)
    if not head and not foot:
        return None
    taken = [w for line in lines[:head_end] for w in line]
    foot_words = [w for line in lines[foot[0]:foot[1]] for w in line] if foot else []
    block_ids = {id(w) for w in taken + foot_words}
    removed = {i for w in everything if id(w) in block_ids or not any(w is k for k in words) for i in w.get("chars", ())}
    keep = _body_indexes(page.layer_text, removed)
    loose = [w["run"] for w in words if "run" in w and id(w) not in block_ids]
    at = min((i for w in foot_words for i in w.get("chars", ())), default=len(page.chars))
    parts, alone = [], loose
    for piece in ([i for i in keep if i < at], [i for i in keep if i >= at]):
        text, alone = insert_runs("".join(page.layer_text[i] for i in piece), [page.chars[i] for i in piece], alone, page.height)
        parts.append(text.replace("\r\n", "\n").replace("\r", "\n").strip("\n"))
    before, after = parts
    out = (head[1] + [""] if head else []) + [before] + ([""] + foot[2] + [""] if foot else []) + [after]
    if alone:
        out.append(" ".join(r.text for r in alone))
    if stamps:
        out += [""] + stamps
    return "\n".join(part for part in out if part is not None)


def _body_indexes(text: str, header: set[int]) -> list[int]:
    """Indexes of the characters outside the header, less the spaces and line breaks that
    trail a header word."""
    keep, trailing_header = [], False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not trailing_header:
                keep.append(i)
            continue
        trailing_header = i in header
        if not trailing_header:
            keep.append(i)
    return keep


def _ocr_pages(path: Path, pages: list[PdfPage], wanted: dict[int, str], warnings: list[str]) -> dict | None:
    """Replace the text of the ``wanted`` pages (index -> reason) with their OCR."""
    indexes = sorted(wanted)
    try:
        from vanban.extractors.read import ocr as ocr_mod

        texts, info = ocr_mod.ocr_pdf_pages(path, indexes)
    except OcrUnavailableError:
        if all(wanted.get(i) == NO_TEXT for i in range(len(pages))):
            raise
        warnings.append(f"pages to read by OCR, OCR unavailable: {[i + 1 for i in indexes]}")
        return None
    for i, text in zip(indexes, texts):
        pages[i].text = text
        warnings.append(f"page {i + 1}: {wanted[i]}, read by OCR")
    info["reasons"] = {str(i + 1): wanted[i] for i in indexes}
    return info


def pdf_name(pdf) -> str:
    return getattr(pdf, "vanban_name", "the PDF")


def read_pdf(path: Path, data: bytes | None = None, *, ocr: bool = True) -> RawText:
    """The text of a PDF, after the checks of ``vanban.extractors.limits``; whatever pdfium,
    pdfplumber or pdfminer raise on a damaged file is that file's ``corrupt_file``."""
    limits.check_pdf_bytes(path.read_bytes() if data is None else data, path.name)
    try:
        return _read_pdf(path, ocr=ocr)
    except (VanbanError, MemoryError):
        raise
    except Exception as exc:  # pdfium's, pdfplumber's and pdfminer's own errors
        raise CorruptFileError(f"{path.name} is not a readable PDF: {type(exc).__name__}: {exc}", path=str(path)) from exc


def _read_pdf(path: Path, *, ocr: bool) -> RawText:
    encodings: list[str] = []
    pages = _pdfium_pages(path, encodings)
    warnings: list[str] = []
    if not pages:
        raise CorruptFileError(f"{path.name} has no pages", path=str(path))
    for i, page in enumerate(pages):
        warnings.extend(f"page {i + 1}: {note}" for note in page.notes)
    wanted = {i: reason for i, page in enumerate(pages) if (reason := page.ocr_reason())}
    for i, page in enumerate(pages):
        if i in wanted:
            continue
        layout = _first_page_layout(path, page) if i == 0 else _layout(page, header=False)
        if layout:
            page.text = move_stamps(layout)[0]
    ocr_info = None
    if wanted:
        if not ocr:
            warnings.extend(f"page {i + 1}: {wanted[i]}, OCR not asked for" for i in sorted(wanted))
        else:
            ocr_info = _ocr_pages(path, pages, wanted, warnings)
    if ocr and 0 not in wanted:
        from vanban.extractors.read import pdf_blanks

        crop = pdf_blanks.fill_header_blanks(path, pages[0], warnings)
        if crop:
            ocr_info = dict(ocr_info or {}, header_crops=crop)
    raw = RawText.from_pages([p.text for p in pages], format="pdf", warnings=warnings)
    raw.ocr = ocr_info
    raw.encoding = max(set(encodings), key=encodings.count) if encodings else None
    return raw
