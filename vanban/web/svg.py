"""Pictures drawn on the server as inline SVG: no script, nothing fetched.

Each function takes plain values and returns ``Markup`` ready for a template:
``bar_chart`` (horizontal bars, for amounts by funding source), ``column_chart``
(columns, for documents per month) and ``neighbourhood`` (a document between what it
cites and what cites it).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from markupsafe import Markup, escape

FONT = "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif\""
MAX_SIDE = 10  # neighbours drawn on each side; the rest are counted


def _clip(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _svg(width: int, height: int, label: str, body: list[str]) -> Markup:
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" aria-label="{escape(label)}" {FONT} font-size="12">'
        f"<title>{escape(label)}</title>{''.join(body)}</svg>"
    )


def bar_chart(rows: Sequence[tuple[str, float]], *, label: str, fmt: Callable[[float], str] = str,
              width: int = 640) -> Markup:
    """One horizontal bar per (name, value), longest first as given; value printed at the end."""
    if not rows:
        return Markup("")
    name_w, value_w, bar_h, gap = 210, 150, 22, 8
    top = 6
    height = top + len(rows) * (bar_h + gap)
    biggest = max(v for _, v in rows) or 1
    span = width - name_w - value_w
    body = []
    for i, (name, value) in enumerate(rows):
        y = top + i * (bar_h + gap)
        w = max(2.0, span * value / biggest)
        body.append(
            f'<g class="bar" data-value="{value}"><title>{escape(name)}: {escape(fmt(value))}</title>'
            f'<text x="{name_w - 8}" y="{y + bar_h * 0.7:.1f}" text-anchor="end" fill="#333">{escape(_clip(name, 32))}</text>'
            f'<rect x="{name_w}" y="{y}" width="{w:.1f}" height="{bar_h}" rx="3" fill="#2a7ab0"/>'
            f'<text x="{name_w + w + 6:.1f}" y="{y + bar_h * 0.7:.1f}" fill="#222">{escape(fmt(value))}</text></g>'
        )
    return _svg(width, height, label, body)


def column_chart(rows: Sequence[tuple[str, int]], *, label: str, width: int = 640, height: int = 220) -> Markup:
    """One column per (name, count), in the order given; counts above, names below."""
    if not rows:
        return Markup("")
    left, bottom, top = 30, 42, 18
    plot_h = height - bottom - top
    slot = (width - left - 8) / len(rows)
    col_w = max(4.0, min(48.0, slot * 0.7))
    biggest = max(v for _, v in rows) or 1
    every = max(1, round(len(rows) / 12))  # at most about 12 names under the axis
    body = [f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 4}" y2="{top + plot_h}" stroke="#999"/>']
    for i, (name, value) in enumerate(rows):
        x = left + i * slot + (slot - col_w) / 2
        h = plot_h * value / biggest
        y = top + plot_h - h
        cx = x + col_w / 2
        body.append(
            f'<g class="column"><title>{escape(name)}: {value}</title>'
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{col_w:.1f}" height="{h:.1f}" rx="2" fill="#3b8f5a"/>'
            + (f'<text x="{cx:.1f}" y="{y - 4:.1f}" text-anchor="middle" fill="#222">{value}</text>' if value else "")
            + (f'<text x="{cx:.1f}" y="{top + plot_h + 16}" text-anchor="middle" fill="#444">{escape(name)}</text>'
               if i % every == 0 else "")
            + "</g>"
        )
    return _svg(width, height, label, body)


@dataclass(frozen=True)
class Node:
    """A document in the neighbourhood picture."""

    label: str  # short: the number, or the file name
    title: str  # tooltip: subject or issuer
    href: str | None
    loaded: bool


def _node(node: Node, x: float, y: float, w: float, h: float, *, center: bool = False) -> str:
    cls = "center" if center else ("loaded" if node.loaded else "stub")
    fill, stroke = ("#fdf1c7", "#b8860b") if center else (("#e6f0fa", "#2a7ab0") if node.loaded else ("#f4f4f4", "#999"))
    dash = "" if node.loaded or center else ' stroke-dasharray="4 3"'
    weight = ' font-weight="bold"' if center else ""
    shape = (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="6" fill="{fill}" stroke="{stroke}"{dash}/>'
        f'<text x="{x + w / 2:.1f}" y="{y + h * 0.68:.1f}" text-anchor="middle" fill="#111" font-size="13"'
        f'{weight}>{escape(_clip(node.label, 24))}</text>'
    )
    inner = f'<g class="node {cls}"><title>{escape(node.title)}</title>{shape}</g>'
    return f'<a href="{escape(node.href)}">{inner}</a>' if node.href and not center else inner


def _column(nodes: Sequence[Node], x: float, top: float, row_h: float, node_w: float, node_h: float):
    """Positions of up to MAX_SIDE nodes, and a '+N more' line for the rest."""
    shown = list(nodes[:MAX_SIDE])
    placed = [(n, x, top + i * row_h) for i, n in enumerate(shown)]
    more = len(nodes) - len(shown)
    extra = (
        f'<text x="{x + node_w / 2:.1f}" y="{top + len(shown) * row_h + node_h * 0.65:.1f}" text-anchor="middle" '
        f'fill="#666">+{more} …</text>'
        if more > 0 else ""
    )
    return placed, extra


def neighbourhood(center: Node, cited: Sequence[Node], citing: Sequence[Node], *, width: int = 620) -> Markup:
    """The document in the middle; what it cites on the left, what cites it on the right.

    An arrow goes from the citing document to the cited one; documents not loaded yet
    are dashed and grey; every neighbour links to its page.
    """
    node_w, node_h, row_h, head = 180.0, 26.0, 34.0, 26.0
    rows = max(min(len(cited), MAX_SIDE) + (len(cited) > MAX_SIDE), min(len(citing), MAX_SIDE) + (len(citing) > MAX_SIDE), 1)
    height = int(head + rows * row_h + 8)
    left_x, right_x = 8.0, width - node_w - 8
    cx, cy = (width - node_w) / 2, head + (rows * row_h - row_h) / 2
    body = [
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#777"/></marker></defs>',
        f'<text x="{left_x + node_w / 2}" y="14" text-anchor="middle" fill="#555">Trích dẫn · cites ({len(cited)})</text>',
        f'<text x="{right_x + node_w / 2}" y="14" text-anchor="middle" fill="#555">Được trích dẫn bởi · cited by ({len(citing)})</text>',
    ]
    left, left_more = _column(cited, left_x, head, row_h, node_w, node_h)
    right, right_more = _column(citing, right_x, head, row_h, node_w, node_h)
    mid = cy + node_h / 2
    for _, x, y in left:  # center -> cited
        body.append(
            f'<path d="M {cx:.1f} {mid:.1f} C {cx - 40:.1f} {mid:.1f}, {x + node_w + 40:.1f} {y + node_h / 2:.1f}, '
            f'{x + node_w + 2:.1f} {y + node_h / 2:.1f}" fill="none" stroke="#999" marker-end="url(#arrow)"/>'
        )
    for _, x, y in right:  # citing -> center
        body.append(
            f'<path d="M {x:.1f} {y + node_h / 2:.1f} C {x - 40:.1f} {y + node_h / 2:.1f}, {cx + node_w + 40:.1f} {mid:.1f}, '
            f'{cx + node_w + 2:.1f} {mid:.1f}" fill="none" stroke="#999" marker-end="url(#arrow)"/>'
        )
    body += [_node(n, x, y, node_w, node_h) for n, x, y in (*left, *right)]
    body += [left_more, right_more, _node(center, cx, cy, node_w, node_h, center=True)]
    return _svg(width, height, f"Trích dẫn quanh {center.label} · citation neighbourhood", body)
