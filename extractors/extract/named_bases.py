"""Legal bases cited by name and date only: "Căn cứ Luật Tổ chức chính quyền địa phương
ngày 19 tháng 6 năm 2015;".

Public API:
- ``find_named_bases(ctx) -> list[Reference]``: every Luật / Bộ luật / Pháp lệnh named in a
  "Căn cứ" clause without a number, as a reference with ``number`` null, ``title``,
  ``date`` and ``resolved_number`` (from ``models/laws.json`` by name and date of
  adoption, or null), relation ``basis``;
- ``merge_named_bases(references, named)``: ``references`` plus the named ones whose
  resolved number is not cited with its number already;
- ``resolve_law(kind, name, date) -> dict | None``: the table entry for a title and date.

"Luật sửa đổi, bổ sung một số điều của Luật A và Luật B ngày …" is one law; "Luật A
ngày …, Luật B ngày …" are two.
"""
from __future__ import annotations

from functools import lru_cache

import regex as re

from vanban import models
from vanban.schemas import Reference
from vanban.extractors.common.folding import fold_for_match
from vanban.extractors.extract import doc_types
from vanban.extractors.extract.dates import date_at
from vanban.extractors.common.doc_numbers import spelling_key

__all__ = ["find_named_bases", "merge_named_bases", "resolve_law", "law_table"]

_KIND = r"(?P<kind>Bộ\s+luật|Luật|Pháp\s+lệnh)"
# A name: from a capital (or "sửa đổi"), up to its date, a number, or the clause's end.
_NAME_CHAR = r"(?:[^;\n.:()]|\n(?![ \t]*\n)(?![ \t]*(?i:căn\s+cứ)))"
# What follows a name: its date, its number, the clause's end, or "được sửa đổi …".
_NAME_END = r"""(?:[ \t\n]*(?:,[ \t\n]*)?(?:(?P<ngay>ngày[ \t\n]+\d)|(?P<so>số[ \t\n]*:?[ \t\n]*\d)
    |(?P<nam>năm[ \t\n]+(?P<year>\d{4})(?!\d))|[;.:]|\n[ \t]*\n
    |\n[ \t]*(?i:căn\s+cứ)|$|[ \t\n]+(?:được|đã\s+được|đã)[ \t\n]+(?:sửa|bổ)))"""
_LAW = rf"""
    (?<![\p{{L}}]){_KIND}[ \t\n]+
    (?: (?P<name>\p{{Lu}}{_NAME_CHAR}{{1,220}}?)
        (?=[ \t\n]*(?:,|và)[ \t\n]+(?:Bộ\s+luật|Luật|Pháp\s+lệnh)[ \t\n]+\p{{Lu}}|{_NAME_END})
      | (?P<amending>sửa\s+đổi{_NAME_CHAR}{{1,320}}?)(?={_NAME_END})
      | (?P<name>(?!(?:số|này|và|của|các|hiện|quy|sửa)(?![\p{{L}}]))\p{{Ll}}{_NAME_CHAR}{{1,220}}?)
        (?=[ \t\n]*,?[ \t\n]*(?:(?P<ngay>ngày[ \t\n]+\d)|(?P<so>số[ \t\n]*:?[ \t\n]*\d))) )
"""
# (a name in lower case, as older documents print it, "Luật tổ chức Hội đồng nhân dân …", only
# with its date or number after it)
_BASIS = r"(?:^|(?<=[;.\n]))[ \t]*(?:[-+•*][ \t]*)?(?i:căn\s+cứ)(?![\p{L}])"
_CLAUSE_END = r";(?![ \t]*(?:Bộ\s+luật|Luật|Pháp\s+lệnh)[ \t]+(?:\p{Lu}|sửa))|\.[ \t]*(?:\n|$)|\n[ \t]*\n|\n(?=[ \t]*(?:[-+•*][ \t]*)?(?i:căn\s+cứ|xét|theo\s+đề\s+nghị))"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    return {
        "law": re.compile(_LAW, re.VERBOSE),
        "basis": re.compile(_BASIS, re.MULTILINE),
        "end": re.compile(_CLAUSE_END),
        "joint": re.compile(r"[\s,;:]*(?:(?:và|cùng)\s+)?(?:các\s+)?"),
        "number": re.compile(r"[ \t\n]*,?[ \t\n]*số[ \t\n]*:?[ \t\n]*[^\s,;]+"),
    }


def _key(text: str) -> str:
    """Folded words only: "Phòng, chống tham nhũng" and "phòng chống tham nhũng" agree."""
    return " ".join(re.sub(r"[^\w]+", " ", fold_for_match(text)).split())


@lru_cache(maxsize=1)
def law_table() -> dict[tuple[str, str], list[dict]]:
    """(folded "kind name", adoption date) -> entries of ``models/laws.json``."""
    table: dict[tuple[str, str], list[dict]] = {}
    for entry in models.load_json("laws.json")["laws"]:
        table.setdefault((_key(f"{entry['kind']} {entry['name']}"), entry["adopted"]), []).append(entry)
    return table


@lru_cache(maxsize=1)
def _by_year() -> dict[tuple[str, str], list[dict]]:
    """(folded "kind name", year of adoption) -> entries."""
    table: dict[tuple[str, str], list[dict]] = {}
    for (key, adopted), entries in law_table().items():
        table.setdefault((key, adopted[:4]), []).extend(entries)
    return table


def resolve_law(kind: str, name: str, date: str | None) -> dict | None:
    """The entry for "<kind> <name>" adopted on ``date`` (a full ISO date, or a year when
    the table has one such law that year: "Luật Đất đai năm 2013"), or None."""
    if not date or len(date) not in (4, 10):
        return None
    hits = (law_table() if len(date) == 10 else _by_year()).get((_key(f"{kind} {name}"), date)) or []
    return hits[0] if len(hits) == 1 else None


def _tidy(name: str) -> str:
    return " ".join(name.split()).rstrip(" ,")


def find_named_bases(ctx) -> list[Reference]:
    """Laws, codes and ordinances named without a number in the "Căn cứ" clauses."""
    text = ctx.text or ""
    if getattr(ctx, "genre", "official") == "news" or not text:
        return []
    pats = _patterns()
    found: list[Reference] = []
    for basis in pats["basis"].finditer(text):
        end_m = pats["end"].search(text, basis.end(), min(len(text), basis.end() + 1500))
        end = end_m.start() if end_m else min(len(text), basis.end() + 1500)
        pos = prev = basis.end()
        while (m := pats["law"].search(text, pos, end)) is not None:
            pos = m.end()
            direct = pats["joint"].fullmatch(text, prev, m.start()) is not None
            if m.group("so"):  # a numbered law: the references extractor has it
                number = pats["number"].match(text, m.end())
                pos = prev = number.end() if number else m.end()
                continue
            if not direct:
                continue  # named inside another basis' description ("… của Luật …")
            kind = " ".join(m.group("kind").split())
            name = _tidy(m.group("name") or m.group("amending"))
            date = year = None
            if m.group("nam"):  # "Luật Đất đai năm 2013": the year only, the entry of that year
                year, pos = m.group("year"), m.end("year")
            elif m.group("ngay"):
                d = date_at(text, text.index("ngày", m.end()), end + 40)
                if d is not None:
                    date = d.value
                    pos = d.span[1]
            entry = resolve_law(kind, name, date or year)
            stop = pos if (date or year) else m.end()
            prev = stop
            found.append(Reference(
                doc_type=doc_types.code_for(kind),
                number=None, date=date, relation="basis", span=(m.start(), stop),
                text=" ".join(text[m.start():stop].split()), title=f"{kind} {name}" + (f" năm {year}" if year else ""),
                resolved_number=entry["number"] if entry else None,
            ))
    return found


def merge_named_bases(references: list[Reference], named: list[Reference]) -> list[Reference]:
    """``references`` and, after them, the named bases not already cited by number."""
    numbered = {spelling_key(r.number) for r in references if r.number}
    dated = {_key(r.title) for r in named if r.date}
    seen: set[str] = set()
    out = list(references)
    for ref in named:
        resolved = getattr(ref, "resolved_number", None)
        key = spelling_key(resolved) if resolved else _key(f"{ref.title} {ref.date}")
        if key in numbered or key in seen or (not ref.date and _key(ref.title) in dated):
            continue
        seen.add(key)
        out.append(ref)
    return out
