"""The details of a task read from its text: deadline, recurrence, the program items it
concerns; parenthesised asides left out."""
from __future__ import annotations

import regex as re

from vanban.extractors.extract.assignments.cues import cues, fold
from vanban.extractors.extract.dates import find_dates


_INNER_PARENS = re.compile(r"\([^()]*\)")


def without_parens(text: str) -> str:
    """Parenthesised asides blanked out (offsets kept); an unclosed '(' blanks the rest."""
    if "(" not in text:
        return text
    while True:
        new = _INNER_PARENS.sub(lambda m: " " * len(m.group(0)), text)
        if new == text:
            break
        text = new
    open_at = text.find("(")
    return text if open_at < 0 else text[:open_at] + " " * (len(text) - open_at)


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


def deadline_in(text: str, offset: int = 0) -> str | None:
    for d in find_dates(text):
        before = text[max(0, d.span[0] - 40):d.span[0]]
        if cues().deadline_cue.search(before):
            return d.value
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

