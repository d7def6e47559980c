"""How vanban writes what it found for people: one language (Vietnamese), one number style.

Every command's plain-text output (and the web view's names of values) goes through
here, so that a figure, a position in a document, a role or a relation reads the same
everywhere:

- numbers with dotted thousands and a decimal comma: ``24.030.035.989``, ``157,8``;
- money in đồng: ``24.030.035.989 đồng`` (``+1.000 đồng`` for a difference);
- a position in a document as its section and line: ``mục II, dòng 41``;
- counts without English plurals: ``1 kiểm tra``, ``3 kiểm tra``;
- the store's codes by their Vietnamese names (``lead`` -> ``chủ trì``), and back: a role
  may be asked for as ``chủ trì``, ``chu tri`` or ``lead``.

A pair is ``(vi, en)``: the CLI prints the Vietnamese, the web view both.
"""
from __future__ import annotations

from decimal import Decimal

RELATIONS = {
    "basis": ("căn cứ", "basis"),
    "implements": ("thực hiện", "implements"),
    "cites": ("nhắc tới", "cites"),
    "amends": ("sửa đổi", "amends"),
    "replaces": ("thay thế", "replaces"),
    "repeals": ("bãi bỏ", "repeals"),
    "guides": ("hướng dẫn", "guides"),
    "suspends": ("đình chỉ", "suspends"),
}
ROLES = {"lead": ("chủ trì", "lead"), "support": ("phối hợp", "support"), "executes": ("thi hành", "executes")}
STATUSES = {"loaded": ("đã nạp", "loaded"), "stub": ("chưa nạp, chỉ được trích dẫn", "cited only"),
            "copy": ("tệp khác của cùng văn bản", "another file of the document")}
GENRES = {"official": ("văn bản", "official"), "news": ("tin bài", "news"), "other": ("không phải văn bản", "no document")}
VIA = {"assignment": ("được giao", "assigned"), "partner": ("phối hợp", "partner")}


# --- numbers -----------------------------------------------------------------------------------------


def number(value: int | float | Decimal | None, digits: int | None = None) -> str:
    """``24030035989`` -> ``24.030.035.989``; ``157.83, digits=1`` -> ``157,8``; None -> ``?``."""
    if value is None:
        return "?"
    d = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    if digits is not None:
        d = d.quantize(Decimal(1).scaleb(-digits)) if digits else d.quantize(Decimal(1))
    if d < 0:
        return "-" + number(-d)
    text = format(d, "f")
    whole, _, frac = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole or "0")
    return ".".join(groups) + ("," + frac if frac else "")


def money(vnd: int | Decimal | None, *, signed: bool = False) -> str:
    """``24030035989`` -> ``24.030.035.989 đồng``; ``signed``: ``+1.000 đồng`` for a difference."""
    if vnd is None:
        return "? đồng"
    sign = "+" if signed and vnd > 0 else ""
    return f"{sign}{number(vnd)} đồng"


def seconds(value: float) -> str:
    return f"{number(value, 1)} giây"


# --- positions in a document --------------------------------------------------------------------------


def line_of(text: str | None, offset: int | None) -> int | None:
    """1-based line of the character at ``offset`` of ``text``."""
    if text is None or offset is None:
        return None
    return text.count("\n", 0, max(offset, 0)) + 1


def position(section: str | None, line: int | None) -> str:
    """``('II', 41)`` -> ``mục II, dòng 41``; the parts not known are left out."""
    parts = []
    if section:
        parts.append(f"mục {section}")
    if line is not None:
        parts.append(f"dòng {line}")
    return ", ".join(parts) or "không rõ vị trí"


# --- words ---------------------------------------------------------------------------------------------


def counts(mapping: dict) -> str:
    """``{'CV': 15, 'QĐ': 13}`` -> ``CV 15, QĐ 13``."""
    return ", ".join(f"{k} {number(v)}" for k, v in mapping.items())


def clip(text: str | None, width: int = 100) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def pair(p: tuple[str, str] | list[str]) -> str:
    return f"{p[0]} · {p[1]}"


def _name(table: dict, code: str | None) -> str:
    return table[code][0] if code in table else (code or "")


def role(code: str | None) -> str:
    """``lead`` -> ``chủ trì``."""
    return _name(ROLES, code)


def relation(code: str | None) -> str:
    """``basis`` -> ``căn cứ``."""
    return _name(RELATIONS, code)


def status(code: str | None) -> str:
    """``loaded`` -> ``đã nạp``; ``stub`` -> ``chưa nạp``."""
    return "đã nạp" if code == "loaded" else "chưa nạp" if code == "stub" else (code or "?")


def _fold(text: str) -> str:
    from vanban.extractors.common.folding import fold_same_length

    return " ".join(fold_same_length(text).replace("-", " ").replace("_", " ").split())


def parse_code(table: dict, text: str) -> str | None:
    """The code a word means, in either language, with or without diacritics:
    ``parse_code(ROLES, 'chu tri')`` -> ``lead``; None for a word not in ``table``."""
    wanted = _fold(text)
    for code, names in table.items():
        if wanted in {_fold(code), *(_fold(n) for n in names)}:
            return code
    return None


def role_choices() -> str:
    return ", ".join(f"{vi} ({code})" for code, (vi, _) in ROLES.items())


def place(jurisdiction: str | None) -> str:
    """``nghe-an`` -> ``Nghệ An``; ``vn`` -> ``Trung ương``; ``local`` -> a name that says no place."""
    from vanban import identity

    if jurisdiction == identity.NATIONAL:
        return "Trung ương"
    if jurisdiction == "local":
        return "mọi nơi (tên không nêu địa danh)"
    return identity.place_name(jurisdiction) or (jurisdiction or "")
