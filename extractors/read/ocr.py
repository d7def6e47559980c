"""Scanned pages: PDF pages without a text layer, and images (.png, .jpg, .tif).

Tesseract (Debian's ``tesseract-ocr`` with the Vietnamese data ``tesseract-ocr-vie``)
reads each page; PDF pages are rasterized with pypdfium2 first. Text is rebuilt from
Tesseract's word table (TSV) so that each page also gets a mean word confidence. The
record's ``ocr`` field says which pages came from OCR and how sure it was. Without
Tesseract, ``OcrUnavailableError`` says what to install.
"""
from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

import regex as re

from vanban.extractors import limits
from vanban.extractors.errors import CorruptFileError, ImageTooLargeError, OcrUnavailableError
from vanban.extractors.read.base import RawText
from vanban.extractors.read.columns import column_block, header_split, opens_foot
from vanban.extractors.read.receipt_stamp import strip_receipt_stamp

LANGUAGE = "vie"
DPI = 300
PAGE_TIMEOUT_S = 180
# Words without a letter or digit read with less confidence than this are dropped.
JUNK_CONFIDENCE = 40
# Files with at least this many pages to OCR show a progress bar (on a terminal).
PROGRESS_MIN_PAGES = 3
# Images larger than this are refused (a 600 dpi A3 scan is about 70 million pixels).
MAX_IMAGE_PIXELS = limits.MAX_IMAGE_PIXELS
INSTALL_HINT = "install Tesseract with its Vietnamese data (Debian: apt-get install tesseract-ocr tesseract-ocr-vie; scripts/setup.sh does it)"


@lru_cache(maxsize=1)
def _tesseract() -> tuple[str, str]:
    """(path of the tesseract program, its version); raises when OCR cannot run."""
    exe = os.environ.get("VANBAN_TESSERACT") or shutil.which("tesseract")
    if not exe or not Path(exe).exists():
        raise OcrUnavailableError(f"OCR needed but Tesseract is not installed: {INSTALL_HINT}")
    try:
        langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30)
        version = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise OcrUnavailableError(f"OCR needed but Tesseract does not run ({exc}): {INSTALL_HINT}")
    available = {line.strip() for line in (langs.stdout + langs.stderr).splitlines()}
    if LANGUAGE not in available:
        raise OcrUnavailableError(f"OCR needed but Tesseract has no Vietnamese data ('{LANGUAGE}'): {INSTALL_HINT}")
    first = (version.stdout or version.stderr).splitlines()
    return exe, first[0].strip() if first else "tesseract"


def ocr_available() -> bool:
    try:
        _tesseract()
    except OcrUnavailableError:
        return False
    return True


def _tsv_words(tsv: str) -> tuple[list[dict], float]:
    """Words of Tesseract's TSV with their line identity, box and confidence; page width."""
    words: list[dict] = []
    width = 0.0
    reader = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in reader:
        try:
            level = int(row.get("level") or 0)
            left, top = float(row["left"]), float(row["top"])
            w, h = float(row["width"]), float(row["height"])
            conf = float(row.get("conf") or -1)
        except (KeyError, TypeError, ValueError):
            continue
        if level == 1:
            width = max(width, left + w)
        text = (row.get("text") or "").strip()
        if level != 5 or not text or conf < 0:
            continue
        if conf < JUNK_CONFIDENCE and not any(c.isalnum() for c in text):
            continue  # specks of a seal or a signature read as punctuation
        key = (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        words.append({"text": text, "x0": left, "x1": left + w, "top": top, "bottom": top + h,
                      "conf": conf, "line": key})
    return words, width


def text_from_tsv(tsv: str) -> tuple[str, list[float]]:
    """Rebuild text from Tesseract's TSV; returns the text and its word confidences (0-100).

    Words go in visual rows, top to bottom, with a blank line where Tesseract starts a new
    paragraph. The two blocks an official document prints side by side, the header
    (issuing body left, national motto right) and the foot ("Nơi nhận" left, signature
    right), come one column after the other instead of interleaved.
    """
    words, width = _tsv_words(tsv)
    confs = [w["conf"] for w in words]
    rows = _rows(words)
    out: list[str] = []
    i, previous = 0, None
    while i < len(rows):
        if i == 0:  # the header: its first rows may hold one column only
            split = header_split(rows, width)
            block = column_block(rows, 0, width, split=split) if split is not None else None
        else:
            block = column_block(rows, i, width) if opens_foot(rows[i]) else None
        if block:
            end, left, right, addressed = block
            out.extend(["", *left, "", *right, "", *addressed, ""] if addressed else ["", *left, "", *right, ""])
            i, previous = end, None
            continue
        row = rows[i]
        if previous is not None and row[0]["line"][:2] != previous:
            out.append("")  # a new paragraph or block
        out.append(" ".join(w["text"] for w in row))
        previous = row[-1]["line"][:2]
        i += 1
    text = "\n".join(out).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text), confs


def _rows(words: list[dict]) -> list[list[dict]]:
    """Words in visual rows, top to bottom (each Tesseract line at its median top)."""
    tops: dict[tuple, list[float]] = {}
    heights = []
    for w in words:
        tops.setdefault(w["line"], []).append(w["top"])
        heights.append(w["bottom"] - w["top"])
    tolerance = 0.6 * sorted(heights)[len(heights) // 2] if heights else 0
    line_top = {k: sorted(v)[len(v) // 2] for k, v in tops.items()}
    rows: list[list[dict]] = []
    row_top = None
    for w in sorted(words, key=lambda w: (line_top[w["line"]], w["x0"])):
        top = line_top[w["line"]]
        if rows and top - row_top <= tolerance:
            rows[-1].append(w)
        else:
            rows.append([w])
            row_top = top
    for row in rows:
        row.sort(key=lambda w: w["x0"])
    return rows


# --- slips of OCR that are safe to mend ------------------------------------------------------

_DOUBLED_D = re.compile("Đ[Ð\u0189]|[Ð\u0189]Đ")
# A day or month's digits read as letters ('ngày II tháng', 'ngàyO6', 'tháng 1] năm').
_DAY_DIGITS = re.compile(r"(?<=\bngày\s{0,3})([IlO|\]]{1,2}|[0-9][IlO|\]]|[IlO|\]][0-9])(?=\s{1,3}tháng\b)")
_MONTH_DIGITS = re.compile(r"(?<=\btháng\s{1,3})([IlO|\]]{1,2}|[0-9][IlO|\]]|[IlO|\]][0-9])(?=\s{1,3}năm\b)")
_VV = re.compile(r"^(\s*)[VW]\s*/\s*[vwVW](?=\s)", re.M)  # "V/v" (về việc) read as "V/w"
_DIGIT_OF = str.maketrans({"I": "1", "l": "1", "|": "1", "]": "1", "O": "0"})
# A line of specks alone ('_.S', '~ |'): no letters but one or two, marks OCR reads off
# a seal, a fold or a line drawn under the header.
_SPECK_LINE = re.compile(r"(?m)^[ \t]*(?=[^\n]*[_~^`|])[_~^`|.,:;'\"*\- \t]*[A-Za-z]{0,2}[_~^`|.,:;'\"*\- \t]*\n")


# Words that open the capitals lines of a header, where OCR drops or swaps marks
# (``QUYÉT ĐỊNH``, ``TÍNH SƠN LA``); with the type names of extractors.doc_types.
HEADING_WORDS = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM", "ỦY BAN NHÂN DÂN",
    "HỘI ĐỒNG NHÂN DÂN", "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM", "THỦ TƯỚNG CHÍNH PHỦ", "CHÍNH PHỦ",
    "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "TỈNH", "HUYỆN", "THÀNH PHỐ", "THỊ XÃ", "XÃ", "PHƯỜNG", "SỞ", "BỘ",
)


@lru_cache(maxsize=1)
def _heading_phrases() -> list[tuple[list[str], list[str]]]:
    from vanban.extractors.extract.doc_types import TYPE_WORDS
    from vanban.extractors.common.fuzzy import fold

    phrases = {p.upper() for p in TYPE_WORDS} | set(HEADING_WORDS)
    ordered = sorted(phrases, key=lambda p: -len(p.split()))
    return [(p.split(), fold(p).split()) for p in ordered]


def _mend_heading_line(line: str) -> str:
    """An all-capitals line opening with a heading phrase gets that phrase spelled right."""
    from vanban.extractors.common.fuzzy import fold

    letters = [c for c in line if c.isalpha()]
    if not letters or any(c.islower() for c in letters):
        return line
    words = line.split(" ")
    folded = [fold(w.rstrip(":")) for w in words]
    for canonical, key in _heading_phrases():
        n = len(key)
        if folded[:n] == key:
            tail = words[n - 1][len(words[n - 1].rstrip(":")):]
            return " ".join(canonical[:-1] + [canonical[-1] + tail] + words[n:])
    return line


# Lower-case letters, then maybe digits, as one word: two words a tight row glued together.
_GLUED_WORD = re.compile(r"(?<![\p{L}\d])(\p{Ll}{2,})(\d{2,})?(?![\p{L}\d])")
GLUED_MIN_LETTERS = 4


def _syllables_apart(word: str) -> str | None:
    """``đênnăm`` -> ``đên năm``: a word that is no syllable but two syllables glued (the
    split with the most even halves), else None."""
    from vanban.extractors.read.layer_quality import is_syllable

    if len(word) < GLUED_MIN_LETTERS or is_syllable(word):
        return None
    splits = [(min(i, len(word) - i), i) for i in range(2, len(word) - 1)
              if is_syllable(word[:i]) and is_syllable(word[i:])]
    if not splits:
        return None
    _, i = max(splits)
    return f"{word[:i]} {word[i:]}"


def _unglue(m: re.Match) -> str:
    letters, digits = m.group(1), m.group(2)
    apart = _syllables_apart(letters)
    if digits is None:
        return apart or letters
    from vanban.extractors.read.layer_quality import is_syllable

    if apart is None and not is_syllable(letters):
        return m.group(0)  # a code ('abc12'), not words
    return f"{apart or letters} {digits}"


def unglue_words(text: str) -> str:
    """Words OCR read without the space between them: ``đênnăm2030`` -> ``đên năm 2030``
    (two syllables glued, a syllable glued to a figure)."""
    return _GLUED_WORD.sub(_unglue, text)


# Specks of a seal or a fold read as one or two stray letters after a line's closing
# punctuation ('Như trên; z', 'ban hành. Aw ~'): no Vietnamese word is read so. Capitals
# alone are kept: a unit's code ('Lưu: VT', 'Như trên; UB', 'khu: A').
_TRAILING_SPECKS = re.compile(r"(?m)(?<=[;:.,])(?:[ \t]+(?:[a-z][A-Za-z]?|[A-Z][a-z]|[~#*^`—–]))+[ \t]*$")


def mend_ocr_slips(text: str) -> str:
    """``QĐÐ-UBND`` -> ``QĐ-UBND``; ``ngày II tháng`` -> ``ngày 11 tháng``; ``V/w`` -> ``V/v``;
    ``QUYÉT ĐỊNH`` -> ``QUYẾT ĐỊNH`` (capitals lines that open with a heading phrase);
    glued words apart (``unglue_words``); stray letters after a line's last punctuation
    and lines of specks alone; the receipt stamp's fields (``receipt_stamp``)."""
    text = strip_receipt_stamp(unglue_words(text))
    text = _TRAILING_SPECKS.sub("", text)
    text = _DOUBLED_D.sub("Đ", text)
    text = _DAY_DIGITS.sub(lambda m: m.group(1).translate(_DIGIT_OF), text)
    text = _MONTH_DIGITS.sub(lambda m: m.group(1).translate(_DIGIT_OF), text)
    text = _SPECK_LINE.sub("", text)
    text = _VV.sub(r"\1V/v", text)
    return "\n".join(_mend_heading_line(line) for line in text.split("\n"))


def ocr_image_file(image_path: Path, psm: int = 3) -> tuple[str, list[float]]:
    """OCR one image file; returns its text and word confidences. ``psm`` is Tesseract's
    page segmentation mode (3: a whole page; 7: a single line)."""
    exe, _ = _tesseract()
    cmd = [exe, str(image_path), "stdout", "-l", LANGUAGE, "--psm", str(psm), "tsv"]
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=PAGE_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        raise CorruptFileError(f"OCR of {image_path.name} took over {PAGE_TIMEOUT_S} s")
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", errors="replace").strip().splitlines()
        raise CorruptFileError(f"OCR failed: {message[-1] if message else 'tesseract error'}")
    text, confs = text_from_tsv(proc.stdout.decode("utf-8", errors="replace"))
    return mend_ocr_slips(text), confs


def _progress(items, total: int, desc: str):
    from tqdm import tqdm

    return tqdm(items, total=total, desc=desc, unit="page", leave=False,
                disable=True if total < PROGRESS_MIN_PAGES else None)


def _info(page_numbers: list[int], confidences: list[list[float]]) -> dict:
    _, version = _tesseract()
    words = [c for page in confidences for c in page]
    return {
        "engine": version,
        "language": LANGUAGE,
        "pages": page_numbers,
        "page_confidence": [round(sum(c) / len(c), 1) if c else 0.0 for c in confidences],
        "mean_confidence": round(sum(words) / len(words), 1) if words else 0.0,
        "words": len(words),
    }


_GIVEN: ContextVar[dict[int, tuple[str, list[float]]] | None] = ContextVar("vanban_ocr_pages_given", default=None)


@contextmanager
def pages_given(pages: dict[int, tuple[str, list[float]]]):
    """Within it, ``ocr_pdf_pages`` takes these pages (0-based index -> text and word
    confidences, as ``ocr_pdf_page`` gives them) as read instead of reading them again:
    the pages of one scan read in separate tasks, then the document assembled."""
    token = _GIVEN.set(pages)
    try:
        yield
    finally:
        _GIVEN.reset(token)


def _ocr_page(pdf, index: int, tmp: str) -> tuple[str, list[float]]:
    page = pdf[index]
    try:
        width, height = page.get_size()  # a page rendered at most MAX_IMAGE_PIXELS large
        scale = min(DPI / 72, (MAX_IMAGE_PIXELS / max(1.0, width * height)) ** 0.5)
        bitmap = page.render(scale=scale, grayscale=True)
        image = bitmap.to_pil()
    finally:
        page.close()
    png = Path(tmp) / f"page-{index + 1}.png"
    image.save(png)
    try:
        return ocr_image_file(png)
    finally:
        png.unlink()


def ocr_pdf_page(path: Path, index: int) -> tuple[str, list[float]]:
    """OCR one page (0-based) of a PDF: its text and word confidences."""
    import pypdfium2 as pdfium

    _tesseract()
    pdf = pdfium.PdfDocument(str(path))
    try:
        with tempfile.TemporaryDirectory(prefix="vanban-ocr-") as tmp:
            return _ocr_page(pdf, index, tmp)
    finally:
        pdf.close()


def ocr_pdf_pages(path: Path, page_indexes: list[int]) -> tuple[list[str], dict]:
    """OCR the given pages (0-based) of a PDF; returns their texts and the OCR record."""
    import pypdfium2 as pdfium

    given = _GIVEN.get() or {}
    _tesseract()  # fail fast, before rendering anything
    texts: list[str] = []
    confidences: list[list[float]] = []
    pdf = pdfium.PdfDocument(str(path))
    try:
        with tempfile.TemporaryDirectory(prefix="vanban-ocr-") as tmp:
            for index in _progress(page_indexes, len(page_indexes), f"OCR {Path(path).name}"):
                text, confs = given[index] if index in given else _ocr_page(pdf, index, tmp)
                texts.append(text)
                confidences.append(confs)
    finally:
        pdf.close()
    return texts, _info([i + 1 for i in page_indexes], confidences)


def _image_frames(path: Path, data: bytes):
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = 2 * MAX_IMAGE_PIXELS  # ours is checked first, with its own code
    try:
        image = Image.open(io.BytesIO(data))  # the header alone
        limits.check_pixels(*image.size, path.name)
        image.load()
    except Image.DecompressionBombError:
        raise ImageTooLargeError(f"{path.name}: image over {MAX_IMAGE_PIXELS:,} pixels", path=str(path))
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise CorruptFileError(f"{path.name} is not a readable image: {exc}", path=str(path))
    frames = getattr(image, "n_frames", 1)
    for i in range(frames):
        try:
            image.seek(i)
            limits.check_pixels(*image.size, f"{path.name} (page {i + 1})")
            frame = image.copy()
        except (OSError, EOFError) as exc:
            raise CorruptFileError(f"{path.name}: page {i + 1} cannot be read: {exc}", path=str(path))
        yield frame, frames


def _check_size(path: Path, data: bytes) -> None:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            limits.check_pixels(*image.size, path.name)
    except Image.DecompressionBombError as exc:  # PIL's own bound, over ours
        raise ImageTooLargeError(f"{path.name}: {exc}", path=str(path)) from None
    except (OSError, SyntaxError, ValueError):
        return  # not readable: _image_frames says so


def read_image(path: Path, data: bytes | None = None) -> RawText:
    """OCR an image file (a multi-page TIFF gives one page per frame)."""
    data = path.read_bytes() if data is None else data
    _check_size(path, data)  # from the header, before anything is decoded
    _tesseract()
    texts: list[str] = []
    confidences: list[list[float]] = []
    with tempfile.TemporaryDirectory(prefix="vanban-ocr-") as tmp:
        frames = _image_frames(path, data)
        first = next(frames, None)
        if first is None:
            raise CorruptFileError(f"{path.name} holds no image", path=str(path))
        total = first[1]

        def all_frames():
            yield first
            yield from frames

        for i, (frame, _) in enumerate(_progress(all_frames(), total, f"OCR {path.name}")):
            if frame.mode not in ("1", "L", "RGB"):
                frame = frame.convert("RGB")
            png = Path(tmp) / f"page-{i + 1}.png"
            frame.save(png)
            text, confs = ocr_image_file(png)
            texts.append(text)
            confidences.append(confs)
    raw = RawText.from_pages(texts, format="ocr")
    raw.ocr = _info(list(range(1, len(texts) + 1)), confidences)
    if not any(t.strip() for t in texts):
        raw.warnings.append("OCR found no text")
    return raw
