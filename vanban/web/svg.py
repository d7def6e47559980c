"""Pictures drawn on the server as inline SVG: no script, nothing fetched.

Each function takes plain values and returns ``Markup`` ready for a template:
``bar_chart`` (horizontal bars of ``Bar``s, each of one or more linked ``Part``s),
``column_chart`` (stacked columns) and ``diagram`` (a document between the groups of what
it rests on and acts on, and of what acts on it and cites it: its lược đồ).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from markupsafe import Markup, escape

FONT = "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif\""
MAX_GROUP = 5  # documents drawn in each group of the diagram; the rest are counted


def _clip(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _svg(width: int, height: int, label: str, body: list[str]) -> Markup:
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" aria-label="{escape(label)}" {FONT} font-size="12">'
        f"<title>{escape(label)}</title>{''.join(body)}</svg>"
    )


@dataclass(frozen=True)
class Part:
    """A piece of a bar or column: its value, colour, tooltip and link."""

    value: float
    color: str = "#2a7ab0"
    title: str = ""
    href: str | None = None


@dataclass(frozen=True)
class Bar:
    """A bar (or column) named ``name``, made of ``parts`` end to end; ``shown`` is printed
    at its end (default: the sum); ``href`` links its name."""

    name: str
    parts: tuple[Part, ...]
    shown: str | None = None
    href: str | None = None

    @property
    def value(self) -> float:
        return sum(p.value for p in self.parts)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}"


def _link(href: str | None, inner: str) -> str:
    return f'<a href="{escape(href)}">{inner}</a>' if href else inner


def _rect(part: Part, x: float, y: float, w: float, h: float) -> str:
    rect = f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{part.color}"/>'
    return _link(part.href, f"<g><title>{escape(part.title)}</title>{rect}</g>" if part.title else rect)


def bar_chart(bars: Sequence[Bar], *, label: str, width: int = 640, name_w: int = 230, value_w: int = 110) -> Markup:
    """One horizontal bar per ``Bar``, in the order given; its name on the left (clipped,
    whole in the tooltip), its figure at the end."""
    if not bars:
        return Markup("")
    bar_h, gap, top = 22, 8, 6
    height = top + len(bars) * (bar_h + gap)
    biggest = max(b.value for b in bars) or 1
    span = width - name_w - value_w
    body = []
    for i, bar in enumerate(bars):
        y = top + i * (bar_h + gap)
        x, pieces = float(name_w), []
        for part in bar.parts:
            w = max(1.5, span * part.value / biggest) if part.value else 0.0
            pieces.append(_rect(part, x, y, w, bar_h))
            x += w
        shown = bar.shown if bar.shown is not None else _num(bar.value)
        name = (f'<text x="{name_w - 8}" y="{y + bar_h * 0.7:.1f}" text-anchor="end" fill="#1a4f75">'
                f"{escape(_clip(bar.name, name_w // 7))}</text>")
        body.append(
            f'<g class="bar" data-value="{_num(bar.value)}"><title>{escape(bar.name)}: {escape(shown)}</title>'
            f'{_link(bar.href, name)}{"".join(pieces)}'
            f'<text x="{x + 6:.1f}" y="{y + bar_h * 0.7:.1f}" fill="#222">{escape(shown)}</text></g>'
        )
    return _svg(width, height, label, body)


def column_chart(columns: Sequence[Bar], *, label: str, width: int = 640, height: int = 230) -> Markup:
    """One column per ``Bar``, parts stacked from the bottom; totals above, names below
    (about twelve of them, evenly spaced)."""
    if not columns:
        return Markup("")
    left, bottom, top = 8, 44, 18
    plot_h = height - bottom - top
    slot = (width - left - 8) / len(columns)
    col_w = max(4.0, min(40.0, slot * 0.72))
    biggest = max(c.value for c in columns) or 1
    every = max(1, round(len(columns) / 12))
    body = [f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 4}" y2="{top + plot_h}" stroke="#999"/>']
    for i, column in enumerate(columns):
        x = left + i * slot + (slot - col_w) / 2
        y, pieces = float(top + plot_h), []
        for part in column.parts:
            h = plot_h * part.value / biggest
            y -= h
            pieces.append(_rect(part, x, y, col_w, h))
        cx = x + col_w / 2
        total = column.shown if column.shown is not None else _num(column.value)
        body.append(
            f'<g class="column" data-value="{_num(column.value)}"><title>{escape(column.name)}: {escape(total)}</title>'
            + "".join(pieces)
            + (f'<text x="{cx:.1f}" y="{y - 4:.1f}" text-anchor="middle" fill="#222" font-size="11">{escape(total)}</text>'
               if column.value else "")
            + (_link(column.href, f'<text x="{cx:.1f}" y="{top + plot_h + 15}" text-anchor="middle" fill="#444" '
                                  f'font-size="11">{escape(column.name)}</text>') if i % every == 0 else "")
            + "</g>"
        )
    return _svg(width, height, label, body)


@dataclass(frozen=True)
class Node:
    """A document in the diagram."""

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


@dataclass(frozen=True)
class Group:
    """A labelled group of documents on one side of the diagram (``key``: its CSS hook); the
    picture prints the label up to its English part in brackets, its tooltip all of it."""

    key: str
    label: str
    nodes: tuple[Node, ...]


def _side(groups: Sequence[Group], x: float, top: float, row_h: float, node_w: float, node_h: float):
    """Positions of each group's heading and of up to MAX_GROUP of its nodes ('+N …' for the rest)."""
    placed, body, y = [], [], top
    for g in groups:
        shown = list(g.nodes[:MAX_GROUP])
        parts = [f'<text class="group-label" x="{x + node_w / 2:.1f}" y="{y + row_h * 0.55:.1f}" text-anchor="middle" '
                 f'fill="#555" font-size="11">{escape(_clip(g.label.split(" (")[0], 28))} ({len(g.nodes)})</text>']
        y += row_h * 0.7
        for n in shown:
            placed.append((n, x, y))
            parts.append(_node(n, x, y, node_w, node_h))
            y += row_h
        if len(g.nodes) > len(shown):
            parts.append(f'<text x="{x + node_w / 2:.1f}" y="{y + node_h * 0.5:.1f}" text-anchor="middle" fill="#666">'
                         f"+{len(g.nodes) - len(shown)} …</text>")
            y += row_h * 0.7
        body.append(f'<g class="group" data-group="{escape(g.key)}"><title>{escape(g.label)}</title>{"".join(parts)}</g>')
        y += row_h * 0.3
    return placed, body, y


def diagram(center: Node, left: Sequence[Group], right: Sequence[Group], *, width: int = 620) -> Markup:
    """The lược đồ: the document in the middle; on the left, grouped, what it rests on and
    what it acts on; on the right, grouped, what acts on it and what cites it.

    An arrow goes from the acting (or citing) document to the one it acts on (or cites);
    documents not loaded yet are dashed and grey; every other document links to its page.
    """
    node_w, node_h, row_h, head = 180.0, 26.0, 34.0, 8.0
    left_nodes, left_body, left_y = _side(left, 8.0, head, row_h, node_w, node_h)
    right_x = width - node_w - 8
    right_nodes, right_body, right_y = _side(right, right_x, head, row_h, node_w, node_h)
    height = int(max(left_y, right_y, head + row_h * 2) + 8)
    cx, cy = (width - node_w) / 2, (height - node_h) / 2
    mid = cy + node_h / 2
    body = [
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#777"/></marker></defs>',
    ]
    for _, x, y in left_nodes:  # center -> what it rests on or acts on
        body.append(
            f'<path d="M {cx:.1f} {mid:.1f} C {cx - 40:.1f} {mid:.1f}, {x + node_w + 40:.1f} {y + node_h / 2:.1f}, '
            f'{x + node_w + 2:.1f} {y + node_h / 2:.1f}" fill="none" stroke="#999" marker-end="url(#arrow)"/>'
        )
    for _, x, y in right_nodes:  # what acts on it or cites it -> center
        body.append(
            f'<path d="M {x:.1f} {y + node_h / 2:.1f} C {x - 40:.1f} {y + node_h / 2:.1f}, {cx + node_w + 40:.1f} {mid:.1f}, '
            f'{cx + node_w + 2:.1f} {mid:.1f}" fill="none" stroke="#999" marker-end="url(#arrow)"/>'
        )
    body += left_body + right_body + [_node(center, cx, cy, node_w, node_h, center=True)]
    return _svg(width, height, f"Lược đồ của {center.label} · relations diagram", body)
