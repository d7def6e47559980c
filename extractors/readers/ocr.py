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
from functools import lru_cache
from pathlib import Path

from ..errors import CorruptFileError, FileTooLargeError, OcrUnavailableError
from .base import RawText

LANGUAGE = "vie"
DPI = 300
PAGE_TIMEOUT_S = 180
# Files with at least this many pages to OCR show a progress bar (on a terminal).
PROGRESS_MIN_PAGES = 3
# Images larger than this are refused (a 600 dpi A3 scan is about 70 million pixels).
MAX_IMAGE_PIXELS = 120_000_000
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


def text_from_tsv(tsv: str) -> tuple[str, list[float]]:
    """Rebuild text from Tesseract's TSV: words in lines, blocks and paragraphs apart.

    Returns the text and the confidences (0-100) of its words.
    """
    lines: dict[tuple[int, int, int], list[str]] = {}
    order: list[tuple[int, int, int]] = []
    confs: list[float] = []
    reader = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in reader:
        if row.get("level") != "5":
            continue
        word = (row.get("text") or "").strip()
        try:
            conf = float(row.get("conf") or -1)
        except ValueError:
            conf = -1.0
        if not word or conf < 0:
            continue
        key = (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        if key not in lines:
            lines[key] = []
            order.append(key)
        lines[key].append(word)
        confs.append(conf)
    out: list[str] = []
    previous = None
    for key in order:
        if previous is not None and key[:2] != previous[:2]:
            out.append("")  # a new paragraph or block
        out.append(" ".join(lines[key]))
        previous = key
    return "\n".join(out), confs


def ocr_image_file(image_path: Path) -> tuple[str, list[float]]:
    """OCR one image file; returns its text and word confidences."""
    exe, _ = _tesseract()
    cmd = [exe, str(image_path), "stdout", "-l", LANGUAGE, "--psm", "3", "tsv"]
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=PAGE_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        raise CorruptFileError(f"OCR of {image_path.name} took over {PAGE_TIMEOUT_S} s")
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", errors="replace").strip().splitlines()
        raise CorruptFileError(f"OCR failed: {message[-1] if message else 'tesseract error'}")
    return text_from_tsv(proc.stdout.decode("utf-8", errors="replace"))


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


def ocr_pdf_pages(path: Path, page_indexes: list[int]) -> tuple[list[str], dict]:
    """OCR the given pages (0-based) of a PDF; returns their texts and the OCR record."""
    import pypdfium2 as pdfium

    _tesseract()  # fail fast, before rendering anything
    texts: list[str] = []
    confidences: list[list[float]] = []
    pdf = pdfium.PdfDocument(str(path))
    try:
        with tempfile.TemporaryDirectory(prefix="vanban-ocr-") as tmp:
            for index in _progress(page_indexes, len(page_indexes), f"OCR {Path(path).name}"):
                page = pdf[index]
                try:
                    bitmap = page.render(scale=DPI / 72, grayscale=True)
                    image = bitmap.to_pil()
                finally:
                    page.close()
                png = Path(tmp) / f"page-{index + 1}.png"
                image.save(png)
                text, confs = ocr_image_file(png)
                png.unlink()
                texts.append(text)
                confidences.append(confs)
    finally:
        pdf.close()
    return texts, _info([i + 1 for i in page_indexes], confidences)


def _image_frames(path: Path, data: bytes):
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except Image.DecompressionBombError:
        raise FileTooLargeError(f"{path.name}: image over {MAX_IMAGE_PIXELS:,} pixels", path=str(path))
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise CorruptFileError(f"{path.name} is not a readable image: {exc}", path=str(path))
    frames = getattr(image, "n_frames", 1)
    for i in range(frames):
        try:
            image.seek(i)
            frame = image.copy()
        except (OSError, EOFError) as exc:
            raise CorruptFileError(f"{path.name}: page {i + 1} cannot be read: {exc}", path=str(path))
        yield frame, frames


def read_image(path: Path, data: bytes | None = None) -> RawText:
    """OCR an image file (a multi-page TIFF gives one page per frame)."""
    data = path.read_bytes() if data is None else data
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
