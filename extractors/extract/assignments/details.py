"""The details of a task read from its text: deadline, recurrence, the program items it
concerns; parenthesised asides left out."""
from __future__ import annotations

import regex as re

from vanban.extractors.extract.assignments.cues import cues, fold
from vanban.extractors.extract.dates import find_dates


_PAREN = re.compile(r"[()]")


def without_parens(text: str) -> str:
    """Parenthesised asides blanked out (offsets kept); an unclosed '(' blanks the rest.
    Each ')' closes the last '(' still open; one pass over the brackets, so a text of
    thousands of nested brackets costs no more than its length."""
    if "(" not in text:
        return text
    open_at: list[int] = []
    pairs: list[tuple[int, int]] = []
    for m in _PAREN.finditer(text):
        if m.group(0) == "(":
            open_at.append(m.start())
        elif open_at:
            start = open_at.pop()
            while pairs and pairs[-1][0] > start:  # pairs inside this one
                pairs.pop()
            pairs.append((start, m.end()))
    if open_at:  # the first '(' never closed blanks the rest
        cut = open_at[0]
        pairs = [p for p in pairs if p[1] <= cut] + [(cut, len(text))]
    out, pos = [], 0
    for start, end in pairs:
        out.append(text[pos:start])
        out.append(" " * (end - start))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def recurrence_in(text: str) -> str | None:
    """How often a report is due: 'hàng tháng', 'định kỳ 6 tháng'; a frequency counts when it
    says 'định kỳ' or stands near 'báo cáo' ('tham mưu nguồn vốn hàng năm' is no recurrence)."""
    for m in cues().recurrence.finditer(text):
        periodic = bool(m.group("dk") or m.group("once"))
        if m.group("every"):
            if periodic or "báo cáo" in fold(text[max(0, m.start() - 80):m.end() + 80]):
                return fold(m.group("every"))
        elif periodic:
            return f"định kỳ {m.group('months')} tháng"
    return None


# "quý III/2025", "Quý 1 năm 2019": a quarter, due by its last month
_QUARTER = re.compile(r"(?<!\p{L})[Qq](?:uý|UÝ|uỹ)\s+(?P<q>IV|I{1,3}|[1-4])\s*(?:/|-|năm\s+)\s*(?P<y>(?:19|20)\d\d)(?!\d)")
_QUARTER_END = {"I": 3, "II": 6, "III": 9, "IV": 12, "1": 3, "2": 6, "3": 9, "4": 12}


def deadline_in(text: str, offset: int = 0) -> str | None:
    """The first date or quarter in ``text`` that a cue makes a deadline ('trước ngày
    15/4/2024', 'chậm nhất ngày …', 'Thời gian thực hiện: tháng 12/2025', 'trong quý
    III/2025' -> '2025-09')."""
    dates = find_dates(text)
    found = [(d.span[0], d.value, cues().deadline_cue) for d in dates]
    # "trong ngày 11/01/2026", "trong tháng 12 năm 2025": by that day or month (a year there
    # is the period of the work, not its deadline)
    found += [(d.span[0], d.value, cues().day_cue) for d in dates if len(d.value) >= 7]
    found += [(m.start(), f"{m.group('y')}-{_QUARTER_END[m.group('q')]:02d}", cues().quarter_cue)
              for m in _QUARTER.finditer(text)]
    for start, value, cue in sorted(found, key=lambda f: f[0]):
        if cue.search(text[max(0, start - 40):start]):
            return value
    return None


def targets_in(text: str) -> list[str]:
    """Program items: 'Nội dung số 01 và 03, Tiểu dự án 2 - Dự án 3' ->
    ['Dự án 3 / Tiểu dự án 2 / Nội dung số 01', 'Dự án 3 / Tiểu dự án 2 / Nội dung số 03']."""
    text = without_parens(text)
    out: list[str] = []
    for item in re.split(r";|\.\s|\bvà\s+(?=Dự\s+án)", text):
        projects = re.findall(r"(?<!Tiểu\s)(?<!tiểu\s)\bDự\s+án\s+(\d+)", item, flags=re.IGNORECASE)
        if not projects:
            continue
        project = projects[-1]
        subs = [s for s in re.findall(r"Tiểu\s+dự\s+án\s*(\d*)", item, flags=re.IGNORECASE) if s]
        contents = re.findall(r"Nội\s+dung\s+(?:số\s+)?(\d+)((?:\s*(?:,|và)\s*\d+)*)", item, flags=re.IGNORECASE)
        numbers = []
        for first, more in contents:
            numbers.append(first)
            numbers += re.findall(r"\d+", more)
        for sub in subs or [None]:
            for num in numbers or [None]:
                path = f"Dự án {project}"
                if sub:
                    path += f" / Tiểu dự án {sub}"
                if num:
                    path += f" / Nội dung số {num}"
                if path not in out:
                    out.append(path)
    return out

