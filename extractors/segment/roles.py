"""The roles of the header lines: issuing body, motto, number, place and date, type and
subject, ``V/v``; the headline and date line of a news article."""
from __future__ import annotations

from typing import TYPE_CHECKING

import regex as re

from vanban.extractors.segment.outline import ARTICLE, ROMAN
from vanban.extractors.segment.patterns import (
    AUTHORITY,
    AUTHORITY_BODY,
    BASIS_START,
    DATE_ALONE,
    DATETIME_LINE,
    DECORATION,
    MOTTO,
    NUMBER_LINE,
    OPENING_START,
    PLACE_ALONE,
    PLACE_DATE,
    PARAGRAPH_OPENER,
    PLACE_HEAD,
    POSITION_LINE,
    PREAMBLE_LINE,
    RECIPIENTS_START,
    SLOGAN,
    STRIPPED_TITLE,
    TRICH_YEU,
    TYPE_LINE,
    TYPE_LINE_ANYCASE,
    VV_LINE,
    is_caps_line,
)

if TYPE_CHECKING:
    from vanban.extractors.segment.parts import Line, Lines, Segments

# Patterns used in the functions below, compiled once.
_LETTER_OR_DIGIT = re.compile(r"[\p{L}\d]")
_DIGIT_OR_MARK = re.compile(r"[\d:;.,]")
_SHORT_NAME = re.compile(r"(?i)^\s*\S+(?:\s+\S+){0,3}\s*(?:của\b.*)?$")
_OF = re.compile(r"(?i)^của\b")
_ENDS_WITH_MARK = re.compile(r"[.;:]$")


def motto_line(text: str, lines: Lines, limit: int) -> int | None:
    m = MOTTO.search(text, 0, lines[min(limit, len(lines) - 1)].end if lines else 0)
    if not m:
        return None
    return lines.index_at(m.start())


def header_like(line: str) -> bool:
    s = line.strip()
    return (
        not s
        or not _LETTER_OR_DIGIT.search(s)  # '*', '-0-' and other rules under a name
        or is_caps_line(s)
        or bool(NUMBER_LINE.match(s))
        or bool(VV_LINE.match(s))
        or bool(DECORATION.match(s))
        or bool(PLACE_DATE.search(s))
        or bool(SLOGAN.match(s))
    )


def opens_paragraph(lines: list[Line], i: int) -> bool:
    """Line ``i`` starts a paragraph of the body, not a subject: an opener word with a capital,
    and a clause ending in a comma before a capital, or a paragraph ending in ':' or '.' (a
    subject has no end mark)."""
    s = lines[i].stripped
    if not PARAGRAPH_OPENER.match(s) or len(s.split()) < 8:
        return False
    run = [s]
    for ln in lines[i + 1:i + 8]:  # the paragraph: up to a blank line or the start of another part
        t = ln.stripped
        if not t or is_caps_line(t) or any(p.match(t) for p in (BASIS_START, PREAMBLE_LINE, RECIPIENTS_START, ARTICLE, ROMAN)):
            break
        run.append(t)
    # 'Thực hiện …,' / 'Ủy ban nhân dân tỉnh tổ chức …': a clause, then the sentence's subject
    return any(r.endswith(",") and nxt[:1].isupper() for r, nxt in zip(run, run[1:])) or run[-1].endswith((":", "."))


def enacting_authority(lines: list[Line], i: int, roles: dict[int, str]) -> bool:
    """Line ``i`` (capitals, under the subject) names the enacting authority: 'CHỦ TỊCH <body>',
    or the issuing body of the header again ('ỦY BAN NHÂN DÂN TỈNH X')."""
    s = " ".join(lines[i].stripped.split())
    if POSITION_LINE.match(s) and AUTHORITY_BODY.match(POSITION_LINE.sub("", s).strip()):
        return True
    agency = " ".join(lines[k].stripped for k in sorted(roles) if roles[k] == "agency")
    agency = " ".join(agency.split())
    last = next((lines[k].stripped for k in sorted(roles, reverse=True) if roles[k] == "agency"), "")
    return bool(last) and len(last) > 3 and (s == agency or s.endswith(" " + " ".join(last.split())) and bool(AUTHORITY_BODY.match(s)))


def after_body(lines: list[Line], i: int) -> bool:
    """Line ``i`` comes after body content: a signature's authority line, or a 'Kính gửi'
    followed by a paragraph, stands above it (a header is never accepted there)."""
    addressed = False
    for ln in lines[:i]:
        s = ln.stripped
        if AUTHORITY.match(s) and is_caps_line(s):
            return True
        if RECIPIENTS_START.match(s):
            addressed = True
        elif addressed and len(s.split()) >= 20:
            return True
    return False


def _subject_head(lines: list[Line], j: int) -> bool:
    """Line ``j`` starts a công văn's subject: 'V/v …', or 'Về …' right under the number."""
    s = lines[j].stripped
    return bool(VV_LINE.match(s) or (TRICH_YEU.match(s) and j and NUMBER_LINE.match(lines[j - 1].stripped)))


def find_header_start(lines: list[Line], motto: int) -> int:
    """Walk back from the motto over the left column: agency lines, number, V/v lines."""
    start = motto
    prev = next((j for j in range(motto - 1, max(-1, motto - 3), -1) if not lines[j].blank), None)
    if prev is not None and lines[prev].stripped == lines[prev].stripped.lower() and 1 < len(lines[prev].stripped.split()) <= 8 \
            and not _DIGIT_OR_MARK.search(lines[prev].stripped) and not any(_subject_head(lines, j) for j in range(max(0, prev - 6), prev)):
        return prev  # an issuing body in lower case (capitals lost with a legacy font)
    i = motto - 1
    while i >= 0 and motto - i <= 14:
        s = lines[i].stripped
        if VV_LINE.match(s) and not any(NUMBER_LINE.match(lines[j].stripped) for j in range(max(0, i - 3), i)):
            break  # a converter's title, not the header's V/v (which sits under the number)
        if header_like(s):
            if s and not DECORATION.match(s):
                start = i
            i -= 1
            continue
        # a wrapped V/v subject: its first line is a V/v line a few lines above
        vv = next((j for j in range(i - 1, max(-1, i - 7), -1) if _subject_head(lines, j)), None)
        if vv is not None and all(not lines[k].blank for k in range(vv, i + 1)):
            start = vv
            i = vv - 1
            continue
        break
    return start


def label_header(lines: list[Line], start: int, roles: dict[int, str]) -> int:
    """Label header lines from ``start``; return the index of the first body line."""
    i, n = start, len(lines)
    seen_type = seen_motto = False
    subject_open = False
    body_markers = (RECIPIENTS_START, BASIS_START, OPENING_START, PREAMBLE_LINE, ARTICLE, ROMAN)
    while i < n and i - start < 60:
        s = lines[i].stripped
        if not s:
            if roles.get(i - 1) in ("subject", "vv"):
                subject_open = False
            i += 1
            continue
        if AUTHORITY.match(s) and is_caps_line(s) or len(s.split()) >= 25 and not {"motto", "number", "type", "place_date"} & set(roles.values()):
            break  # a signature, or a paragraph before any header line: the header is behind
        if DECORATION.match(s) or not _LETTER_OR_DIGIT.search(s):
            roles[i] = "decoration"
        elif MOTTO.search(s) and len(s) < 80:
            roles[i] = "motto"
            seen_motto = True
            subject_open = False
        elif SLOGAN.match(s):
            roles[i] = "slogan"
            subject_open = False
        elif NUMBER_LINE.match(s) and len(s) < 90 and "number" not in roles.values():
            roles[i] = "number"
            subject_open = False
        elif PLACE_DATE.search(s) and "place_date" not in roles.values() and len(s) < 90:
            roles[i] = "place_date"
            subject_open = False
            if roles.get(i - 1) == "unknown" and PLACE_HEAD.match(lines[i - 1].text) and PLACE_DATE.match(s):
                roles[i - 1] = "place_date"  # 'Thành phố Hồ' / 'Chí Minh, ngày …': a place name wrapped
        elif PLACE_ALONE.match(s) and "place_date" not in roles.values() and i + 1 < n and DATE_ALONE.match(lines[i + 1].stripped):
            roles[i] = roles[i + 1] = "place_date"
            subject_open = False
            i += 1
        elif (VV_LINE.match(s) or TRICH_YEU.match(s) and roles.get(i - 1) == "number") and not seen_type and "vv" not in roles.values():
            roles[i] = "vv"
            subject_open = True
        elif not seen_type and len(s) < 200 and (
            (TYPE_LINE.match(s) and is_caps_line(TYPE_LINE.match(s).group("word")))
            # a title line in lower case, as left by fonts whose capitals were lost
            # (not while a V/v runs on: 'Nghị quyết số 76/NQ-CP' wrapped under it is the subject's)
            or (TYPE_LINE_ANYCASE.match(s) and ("number" in roles.values() or "place_date" in roles.values())
                and not (subject_open and roles.get(i - 1) == "vv")
                and (s == s.lower() or _SHORT_NAME.match(s)) and len(s) < 80)
        ):
            m = TYPE_LINE_ANYCASE.match(s)
            roles[i] = "type"
            seen_type = True
            rest = m.group("rest").strip()
            if rest and not _OF.match(rest):
                subject_open = True
            else:
                # the subject starts on the next non-blank line
                j = i + 1
                while j < n and lines[j].blank:
                    j += 1
                if j < n and not any(p.match(lines[j].stripped) for p in (RECIPIENTS_START, BASIS_START, PREAMBLE_LINE, ARTICLE)) \
                        and not opens_paragraph(lines, j):
                    roles[j] = "subject"
                    i = j
                    subject_open = True
        elif subject_open and roles.get(i - 1) in ("vv", "subject") and not is_caps_line(s) and len(s) < 160 and not s[:1].isupper() \
                and not s.endswith(":") and OPENING_START.match(s) and not any(p.match(s) for p in (RECIPIENTS_START, BASIS_START)):
            roles[i] = roles[i - 1]  # 'V/v phối hợp triển khai / thực hiện …': a wrapped subject, not an opening
        elif any(p.match(s) for p in body_markers) and (seen_type or seen_motto or "number" in roles.values()):
            break
        elif subject_open and roles.get(i - 1) == "vv" and is_caps_line(s) and len(s.split()) <= 2 and not MOTTO.search(s):
            roles[i] = "vv"  # an acronym wrapped onto its own line ('… thuế GTGT')
        elif subject_open and roles.get(i - 1) in ("subject", "vv", "type") and not s.endswith(":") and not opens_paragraph(lines, i) \
                and (len(s) < 160 or len(s) < 400 and lines[i - 1].stripped.endswith(",")) \
                and not (roles.get(i - 1) == "subject" and is_caps_line(lines[i - 1].stripped)) and not is_caps_line(s) or (
            subject_open and roles.get(i - 1) in ("subject", "type") and is_caps_line(s) and is_caps_line(lines[i - 1].stripped)
            and not enacting_authority(lines, i, roles)
        ):
            roles[i] = "subject" if roles.get(i - 1) in ("subject", "type") else "vv"
        elif (is_caps_line(s) or (i == start and s == s.lower())) and len(s) < 120:
            # a body named after the number and the date, a blank line between: a received stamp
            stamp = not seen_type and {"number", "place_date"} <= set(roles.values()) and lines[i - 1].blank
            roles[i] = "authority" if seen_type else "stamp" if stamp else "agency"
        elif seen_type and not subject_open and AUTHORITY_BODY.match(s) and len(s) < 100 and not s.endswith((".", ";", ":")):
            roles[i] = "authority"  # 'Chính phủ', 'Ủy ban nhân dân tỉnh X' above the bases
        elif not seen_type and "unknown" not in roles.values() and len(s) < 60 and not _ENDS_WITH_MARK.search(s):
            roles[i] = "unknown"  # one stray line (a typo'd motto, a seal caption) does not end the header
            subject_open = False
        elif seen_type or seen_motto:
            break
        else:
            roles[i] = "unknown"
        i += 1
    if not {"motto", "number", "type", "place_date", "vv"} & set(roles.values()):
        for k in [k for k in roles if k >= start]:
            del roles[k]  # nothing of a header here: the text starts with its body
        return start
    return i


def label_stripped_header(lines: list[Line], start: int, roles: dict[int, str]) -> int:
    """A header stripped to its title line ('Quyết định về việc …') and the issuing authority line."""
    s = lines[start].stripped if start < len(lines) else ""
    if not STRIPPED_TITLE.match(s) or len(s) > 300:
        return label_header(lines, start, roles)
    roles[start] = "type"
    nxt = start + 1
    while nxt < len(lines) and lines[nxt].blank:
        nxt += 1
    if nxt < len(lines) and AUTHORITY_BODY.match(lines[nxt].stripped) and len(lines[nxt].stripped) < 120:
        roles[nxt] = "authority"
        return nxt + 1
    return start + 1


def news_header(lines: list[Line], roles: dict[int, str], segs: Segments) -> int | None:
    """Headline + date line (+ source tag) of a news article; returns the first body line."""
    for i, ln in enumerate(lines[:40]):
        m = DATETIME_LINE.match(ln.stripped)
        if not m:
            continue
        head = next((j for j in range(i - 1, -1, -1) if len(lines[j].stripped.split()) >= 4), None)
        if head is None:
            continue
        roles[head] = "headline"
        roles[i] = "dateline"
        segs.headline = (lines[head].start, lines[head].end)
        segs.dateline = (ln.start, ln.end)
        return i + 1
    return None

