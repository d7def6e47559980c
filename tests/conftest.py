"""Shared fixtures: paths to the bundled corpus and helpers that build real files."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DOCS = CORPUS / "docs"
GOLD = CORPUS / "gold"
SEEDS = sorted(p for p in DOCS.glob("00[0-4]_*.txt"))
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def script(name: str):
    """A script of scripts/ as a module (``script("synth")``), loaded once; scripts/ goes on
    the path as when a script runs, so its packages (synthlib/, benchlib/) import."""
    scripts = str(ROOT / "scripts")
    if scripts not in sys.path:
        sys.path.insert(0, scripts)
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    assert len(SEEDS) == 5, "the five seeds are bundled in corpus/docs"
    return SEEDS


def make_pdf(path: Path, lines: list[str], *, columns: list[tuple[list[str], list[str]]] | None = None) -> Path:
    """A real PDF: an optional two-column header block, then one paragraph per line."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=9)
    pdf.add_page()
    if columns:
        for left, right in columns:
            y = pdf.get_y()
            for text in left:
                pdf.set_x(10)
                pdf.cell(85, 5, text, align="C", new_x="LMARGIN", new_y="NEXT")
            y_left = pdf.get_y()
            pdf.set_y(y)
            for text in right:
                pdf.set_x(110)
                pdf.cell(90, 5, text, align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.set_y(max(y_left, pdf.get_y()) + 3)
    for text in lines:
        if text.strip():
            pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(3)
    pdf.output(str(path))
    return path


def make_docx(path: Path, lines: list[str], *, header_table: list[tuple[str, str]] | None = None) -> Path:
    """A real DOCX: an optional two-column header table, then one paragraph per line."""
    import docx

    document = docx.Document()
    if header_table:
        table = document.add_table(rows=len(header_table), cols=2)
        for r, (left, right) in enumerate(header_table):
            table.cell(r, 0).text = left
            table.cell(r, 1).text = right
    for text in lines:
        document.add_paragraph(text)
    document.save(str(path))
    return path
