"""A generated document rendered as a text file, a .docx or a .pdf."""
from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from .catalog import Entry
from .writer import Writer


# --- rendering --------------------------------------------------------------------------------------


@dataclass
class SynthDoc:
    index: int
    entry: Entry
    writer: Writer
    gold: dict
    bad_budget: bool = False

    @property
    def stem(self) -> str:
        return f"synth-{self.index:06d}"

    def blocks(self) -> tuple[list[str], list[str], list[str], list[str], list[str], list[str]]:
        w = self.writer
        return w.left, w.right, w.title, w.body, w.distribution, w.signature

    def text(self, rng: random.Random | None = None) -> str:
        """The document as a plain-text file (layout varies with the document)."""
        rng = rng or random.Random(f"layout:{self.index}")
        w = self.writer
        if self.entry.doc_type == "TIN":
            boilerplate = ["Chia sẻ", "Bản quyền thuộc về cơ quan chủ quản."]
            parts = [w.title[0], "", w.right[0], ""] + _spaced(w.body, True) + ["", w.signature[0], ""] + boilerplate
            return "\n".join(parts) + "\n"
        gap = rng.random() < 0.6
        layout = rng.random()
        if layout < 0.45:
            head = w.left + [""] + w.right
        elif layout < 0.75:
            head = w.right + [""] + w.left
        else:
            head = _side_by_side(w.left, w.right, rng)
        lines = head + [""] + w.title + [""] + _spaced(w.body, gap) + [""]
        tail_sig = w.signature[:-1] + [""] + w.signature[-1:]
        if rng.random() < 0.5:
            lines += w.distribution + ["", ""] + tail_sig
        else:
            lines += tail_sig + ["", ""] + w.distribution
        return "\n".join(lines) + "\n"


def _spaced(paras: list[str], gap: bool) -> list[str]:
    if not gap:
        return list(paras)
    out: list[str] = []
    for p in paras:
        out += [p, ""]
    return out[:-1]


def _side_by_side(left: list[str], right: list[str], rng: random.Random) -> list[str]:
    """The two header columns on the same lines, as a layout-preserving converter prints them."""
    width = max(len(x) for x in left) + rng.randint(6, 12)
    rows = max(len(left), len(right))
    out = []
    for i in range(rows):
        a = left[i] if i < len(left) else ""
        b = right[i] if i < len(right) else ""
        out.append((a.ljust(width) + b).rstrip())
    return out


def write_docx(doc: SynthDoc, path: Path) -> None:
    """A .docx as offices write them: the header and the signature in two-column tables."""
    import docx
    from docx.shared import Pt

    left, right, title, body, distribution, signature = doc.blocks()
    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    if doc.entry.doc_type == "TIN":
        d.add_paragraph(title[0])
        d.add_paragraph(right[0])
        for p in body:
            d.add_paragraph(p)
        d.add_paragraph(signature[0])
        d.save(str(path))
        return
    table = d.add_table(rows=1, cols=2)
    _cell_lines(table.rows[0].cells[0], left)
    _cell_lines(table.rows[0].cells[1], right)
    for line in title:
        d.add_paragraph(line)
    for p in body:
        d.add_paragraph(p)
    table = d.add_table(rows=1, cols=2)
    _cell_lines(table.rows[0].cells[0], distribution)
    _cell_lines(table.rows[0].cells[1], signature)
    d.save(str(path))


def _cell_lines(cell, lines: list[str]) -> None:
    cell.paragraphs[0].text = lines[0] if lines else ""
    for line in lines[1:]:
        cell.add_paragraph(line)


FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def write_pdf(doc: SynthDoc, path: Path) -> None:
    """A .pdf with a text layer: header columns side by side, wrapped body lines."""
    from fpdf import FPDF

    left, right, title, body, distribution, signature = doc.blocks()
    pdf = FPDF(format="A4")
    pdf.set_margins(20, 15, 15)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_font("dejavu", "", FONT)
    pdf.set_font("dejavu", size=10)
    pdf.add_page()
    page_w = pdf.w - pdf.l_margin - pdf.r_margin
    col = page_w / 2 - 2
    if doc.entry.doc_type == "TIN":
        pdf.multi_cell(page_w, 6, title[0], new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(page_w, 5, right[0], new_x="LMARGIN", new_y="NEXT")
    else:
        top = pdf.get_y()
        pdf.multi_cell(col, 5, "\n".join(left), align="C", new_x="LMARGIN", new_y="NEXT")
        left_end = pdf.get_y()
        pdf.set_xy(pdf.l_margin + page_w / 2 + 2, top)
        pdf.multi_cell(col, 5, "\n".join(right), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(max(left_end, pdf.get_y()) + 4)
        for line in title:
            pdf.multi_cell(page_w, 5, line, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    for p in body:
        # "Kính gửi" stands in the middle of the page, as in the printed form
        pdf.multi_cell(page_w, 5, p, align="C" if p.startswith("Kính gửi") else "L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    if distribution:
        if pdf.get_y() > pdf.h - 70:
            pdf.add_page()
        top = pdf.get_y()
        pdf.multi_cell(col, 5, "\n".join(distribution), new_x="LMARGIN", new_y="NEXT")
        end = pdf.get_y()
        pdf.set_xy(pdf.l_margin + page_w / 2 + 2, top)
        pdf.multi_cell(col, 5, "\n".join(signature), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(max(end, pdf.get_y()))
    else:
        pdf.multi_cell(page_w, 5, "\n".join(signature), new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
