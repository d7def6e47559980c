"""Assignments: who must do what, by when, with whom.

``extract_assignments(ctx) -> list[Assignment]`` reads the body of a document as
paragraphs (hard-wrapped lines joined) and finds the forms in which Vietnamese documents
give tasks (rule names in brackets; ``Assignment.rule`` keeps them):

- [heading] a numbered heading that names an agency, in a "Tổ chức thực hiện" part or
  followed by a duty ("Chủ trì …"): ``1. Ban Dân tộc tỉnh`` then bullets. One assignment
  for the heading's block; ``support`` when its first duty is "Phối hợp"/"Tham gia".
- [colon] ``Sở Y tế: Chủ trì, …`` (bold already stripped by normalization).
- [giao] ``Giao Sở Tài chính chủ trì, phối hợp với …``, ``giao nhiệm vụ cho X là đơn vị chủ trì``.
- [request] ``Đề nghị X …``, ``… yêu cầu X, Y thực hiện một số nội dung sau:`` (the
  addressees lead the numbered tasks that follow).
- [subject] a clause that starts with an agency and goes on with ``chủ trì``, ``có trách
  nhiệm``, ``chịu trách nhiệm``, ``làm đầu mối`` (outside the "Tổ chức thực hiện" part), or
  with any duty verb inside it.
- [field] ``Cơ quan chủ trì: X`` / ``Cơ quan phối hợp: Y`` lines under a task item.
- [executes] the closing ``X, Y và Z chịu trách nhiệm thi hành Quyết định này``.

An agency merely mentioned is no assignment; groups that name no body ("các cơ quan,
đơn vị, địa phương") lead nothing, and their closing requirements (deadline, report,
recurrence) are passed to the assignments that lack their own. Groups described by their
assignment ("các sở … được phân công chủ trì …") refer back to bodies named elsewhere and
are left out. Text in parentheses is an aside and assigns nothing.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex as re

from vanban.schemas import Assignment

from vanban.extractors.extract.agencies.lexicon import canonical_agency, lexicon
from vanban.extractors.extract.agencies.recognize import AgencyMention, find_agencies
from vanban.extractors.common.folding import fold_case, fold_tones, squeeze_spaces
from vanban.extractors.extract.dates import find_dates

__all__ = ["extract_assignments"]

# --- vocabulary -------------------------------------------------------------------------------
# Folded (no diacritics, lower case) word sequences; longest alternatives first where it matters.

LEAD_VERBS = ("chủ trì", "có trách nhiệm", "chịu trách nhiệm", "làm đầu mối", "là cơ quan đầu mối",
              "là cơ quan chủ trì", "là cơ quan thường trực", "là đơn vị chủ trì", "là đầu mối", "đầu mối")
SUPPORT_VERBS = ("phối hợp", "tham gia")
# Words that end an agency name written out in running text (start of the predicate).
PREDICATE_WORDS = (
    "chủ trì", "phối hợp", "tham gia", "chỉ đạo", "tổ chức thực hiện", "tổ chức triển khai", "thực hiện",
    "triển khai", "hướng dẫn", "tham mưu", "xây dựng", "rà soát", "kiểm tra", "theo dõi", "có trách nhiệm",
    "chịu trách nhiệm", "làm đầu mối", "là cơ quan", "là đơn vị", "kịp thời", "khẩn trương", "chủ động",
    "tiếp tục", "nghiên cứu", "đề xuất", "báo cáo", "tăng cường", "đẩy mạnh", "tổng hợp", "căn cứ",
    "quan tâm", "tập trung", "bố trí", "phân bổ", "đảm bảo", "bảo đảm", "cung cấp", "cập nhật", "giám sát",
    "tuyên truyền", "vận động", "phát huy", "quán triệt", "ban hành", "trình", "đánh giá", "tổ chức thanh tra",
    "tổ chức", "làm việc", "xem xét", "xử lý", "giải quyết", "nghiêm túc", "thanh tra", "hoàn thành",
    "hoàn thiện", "đôn đốc", "phát hiện", "cử", "bố trí", "ưu tiên", "chuẩn bị", "thường xuyên",
)
# Short predicate words compared as printed (folded they are also names: 'cần' / 'Cần Thơ').
PREDICATE_EXACT = ("được", "đã", "sẽ", "cần", "phải", "trình", "làm", "có", "chịu", "là")
# What follows a name given no task: "theo đề nghị của Sở …", "dự toán giao cho Sở Y tế hàng năm".
NO_TASK_AFTER = ("của ", "tại ", "về ", "số ", "hàng ", "hằng ", "năm ", ".", ";", "để ", "theo ", "trong ")
# Predicates that say what a body is or did, not what it must do.
NOT_TASKS = ("ban hành", "báo cáo", "trình", "đề nghị", "yêu cầu", "giao", "là", "có", "được", "đã")
# Words a heading that names only agencies does not contain.
HEADING_STOP = ("chủ trì", "phối hợp", "thực hiện", "triển khai", "được phân công", "được giao", "nhiệm vụ",
                "giải pháp", "nội dung", "kết quả", "mục tiêu", "kinh phí", "tổ chức thực hiện", "dự án",
                "chương trình", "kế hoạch", "tình hình", "công tác", "về việc", "trách nhiệm")
# Groups that name no body of their own.
VAGUE_GROUP_WORDS = {"cơ quan", "đơn vị", "địa phương", "tổ chức", "cá nhân", "doanh nghiệp", "cấp", "ngành liên quan"}
# A meeting chaired is not a task led.
CHAIR_OBJECTS = ("buổi", "cuộc", "hội nghị", "phiên", "họp", "lễ", "tọa đàm", "đoàn công tác", "đoàn kiểm tra")
# Position titles in front of a body in the closing formula: "Giám đốc Sở Tài chính".
POSITION_PREFIX = re.compile(
    r"^(?:Chánh\s+Văn\s+phòng|Phó\s+Chánh\s+Văn\s+phòng|Giám\s+đốc|Thủ\s+trưởng|Chủ\s+tịch|Trưởng\s+ban|"
    r"Trưởng|Tổng\s+Giám\s+đốc|Chánh\s+Thanh\s+tra|Bộ\s+trưởng|Chỉ\s+huy\s+trưởng|Cục\s+trưởng|Chi\s+cục\s+trưởng|"
    r"Người\s+đứng\s+đầu)\s+(?:các\s+)?",
    re.IGNORECASE,
)
# "Văn phòng" keeps its name: "Chánh Văn phòng UBND tỉnh" is the office of the UBND.
KEEP_AFTER_TITLE = {"chánh văn phòng": "Văn phòng", "phó chánh văn phòng": "Văn phòng"}

SECTION_TITLE = re.compile(
    r"t[ổo]\s+ch[ứu]c\s+th[ựu]c\s+hi[ệe]n|tr[áa]ch\s+nhi[ệe]m\s+(?:th[ựu]c\s+hi[ệe]n|c[ủu]a|thi\s+h[àa]nh)|"
    r"ph[âa]n\s+c[ôo]ng\s+(?:nhi[ệe]m\s+v[ụu]|th[ựu]c\s+hi[ệe]n|tr[áa]ch\s+nhi[ệe]m)|"
    r"nhi[ệe]m\s+v[ụu]\s+c[ủu]a\s+c[áa]c",
    re.IGNORECASE,
)

MARKERS = [
    ("roman", 1, re.compile(r"(?:PHẦN\s+|Phần\s+)?[IVXLC]{1,6}\s*[.\-/)]\s+(?=\S)")),
    ("article", 1, re.compile(r"Điều\s+\d{1,3}\s*[.:]?\s*")),
    ("multi", 3, re.compile(r"\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+(?=\S)")),
    ("arabic", 2, re.compile(r"\d{1,2}\s*[.)/]\s+(?=\S)")),
    ("letter", 5, re.compile(r"[a-zđ]\s*\)\s+(?=\S)")),
    ("dash", 6, re.compile(r"[-+•–*]\s*(?=\S)")),
]

_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower case, whitespace collapsed, new tone placement ('uỷ' -> 'ủy', 'hoà' -> 'hòa'):
    how the vocabulary of this module is compared with the text."""
    return fold_tones(fold_case(squeeze_spaces(text)))
_TERMINAL = (".", ":", ";", "!", "?")


# Office holders named in front of their body: "Giám đốc, Thủ trưởng các sở, ban ngành".
TITLES = re.compile(
    r"(?:(?:Giám\s+đốc|Thủ\s+trưởng|Trưởng|Người\s+đứng\s+đầu|Lãnh\s+đạo)(?:\s*,\s*|\s+và\s+|\s+(?=\S)))+",
    re.IGNORECASE,
)
# The same for the bodies given a task, where the heads of a body stand for it too ("Bộ trưởng
# Bộ Tài chính", "Chủ tịch Ủy ban nhân dân các tỉnh"; the report of a task still goes to the
# person); "các đồng chí" / "các ông bà" in front of them is a form of address.
HEAD_TITLES = re.compile(
    r"(?:(?:các\s+)?(?:đồng\s+chí|ông\s*,?\s*bà)\s+)?"
    r"(?:(?:Giám\s+đốc|Thủ\s+trưởng|Bộ\s+trưởng|Chủ\s+tịch|Trưởng|Người\s+đứng\s+đầu|Lãnh\s+đạo)"
    r"(?:\s*,\s*|\s+và\s+|\s+(?=\S)))+",
    re.IGNORECASE,
)
# The addressees of national documents, written with their heads: "Bộ trưởng, Thủ trưởng cơ quan
# ngang bộ, cơ quan thuộc Chính phủ" is the group "các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ".
GOVERNMENT_BODIES = re.compile(
    r"(?:(?:các\s+)?đồng\s+chí\s+)?(?:Bộ\s+trưởng(?:\s+các\s+bộ)?|các\s+bộ)\s*[,;]\s*(?:Thủ\s+trưởng\s+)?(?:các\s+)?"
    r"cơ\s+quan\s+ngang\s+bộ(?P<gov>\s*,\s*(?:Thủ\s+trưởng\s+)?(?:các\s+)?cơ\s+quan\s+(?P<direct>trực\s+)?thuộc\s+Chính\s+phủ)?",
    re.IGNORECASE,
)
# Apposition after a name: "Bộ Tài chính - Phó Trưởng ban Thường trực Ban Chỉ đạo 389 quốc gia".
# It starts with a position or a role; any other capitalised word after a hyphen goes on with the
# name: "Cơ quan Lao động - Thương binh và Xã hội ở địa phương".
APPOSITION = re.compile(
    r"\s*[-–]\s*(?=(?:Phó|Trưởng|Chủ\s+tịch|Giám\s+đốc|Chánh|Ủy\s+viên|Uỷ\s+viên|Thành\s+viên|Cơ\s+quan|"
    r"Thường\s+trực|Tổ\s+trưởng)\b)"
)
NAME_HYPHEN = re.compile(r"\s*[-–]\s*(?=\p{Lu})")
# Modal words between a subject and its task: "Các lực lượng chức năng phải liên tục ra quân".
MODALS = ("cần phải", "phải", "cần")
# Lower-case nouns that name members or parts of the body named right after them:
# "đại biểu Hội đồng nhân dân tỉnh", "hệ thống các cơ quan báo chí".
MEMBER_HEADS = ("đại biểu", "các đại biểu", "hệ thống")
# Lower-case words that end a name: "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương".
NAME_TAILS = ("trung ương",)
# One head noun shared by the names listed after a colon: "các Tập đoàn: Bưu chính Viễn thông Việt
# Nam, Công nghiệp - Viễn thông Quân đội", "các Sở: Tài chính, Xây dựng".
DISTRIBUTIVE = re.compile(
    r"các\s+(?P<noun>Tổng\s+công\s+ty|Tập\s+đoàn|Công\s+ty|Ngân\s+hàng|Trường|Sở|Bộ|Ban|Hội|Cục)\s*:\s*",
    re.IGNORECASE,
)
# Words after which a name does not go on.
NAME_STOPS = ("của ", "về ", "tại ", "theo ", "với ", "trong ", "để ", "nhằm ", "trên cơ sở", "căn cứ", "hàng ",
              "hằng ", "định kỳ", "thuộc ", "trong phạm vi", "khi ", "nếu ", "sau ", "trước ", "gồm")

# --- paragraphs -----------------------------------------------------------------------------------


@dataclass
class Para:
    start: int            # first character of the marker (or text)
    body: int             # first character after the marker
    end: int
    kind: str | None      # marker kind, None for plain paragraphs
    rank: int             # 1 roman/article, 2 arabic, 3+ multi, 5 letter, 6 dash, 9 plain
    index: int = 0
    text: str = ""        # body text, whitespace collapsed


def _marker(line: str) -> tuple[str | None, int, int]:
    """(kind, rank, length of the marker) of a line's list marker."""
    stripped = line.lstrip()
    lead = len(line) - len(stripped)
    for kind, rank, pattern in MARKERS:
        m = pattern.match(stripped)
        if m:
            if kind == "multi":
                rank = 2 + m.group(0).strip().rstrip(".").count(".")
            if kind == "roman" and not stripped[:m.end()].strip().rstrip(".-/)").replace("PHẦN", "").replace("Phần", "").strip().isupper():
                continue
            return kind, rank, lead + m.end()
    return None, 9, lead


_CONNECTOR_END = re.compile(r"(?:\b(?:và|của|các|cho|với|thuộc|về|tại)|[,\-–&])$")


def paragraphs(text: str, start: int, end: int, mentions: list[AgencyMention] = ()) -> list[Para]:
    """The paragraphs of ``text[start:end]``: a marker or a finished sentence starts one;
    a hard-wrapped line continues it when it starts in lower case, when a name runs over
    the line break ('1. Sở' / 'Khoa học và Công nghệ') or after a connector ('Báo và' /
    'Phát thanh'); a page break inside a sentence does not end it."""
    lines = text[start:end].split("\n")
    # hard-wrapped converters put a blank line between paragraphs: a line right under
    # another (no blank, no marker) then continues it whatever its first letter
    airy = sum(1 for ln in lines if not ln.strip()) >= 0.6 * sum(1 for ln in lines if ln.strip())
    breaks = set()
    for m in mentions:
        nl = text.find("\n", m.span[0], m.span[1])
        while nl >= 0:
            breaks.add(nl + 1)
            nl = text.find("\n", nl + 1, m.span[1])
    paras: list[Para] = []
    pos = start
    cur: Para | None = None
    blank_before = True
    for raw in lines:
        line_start, line_end = pos, pos + len(raw)
        pos = line_end + 1
        s = raw.strip()
        if not s:
            blank_before = True
            continue
        kind, rank, mlen = _marker(raw)
        prev = text[cur.start:cur.end].rstrip().rstrip("*").rstrip() if cur else ""
        first = s[0]
        continues = (
            cur is not None
            and kind is None
            and not prev.endswith(_TERMINAL)
            and (
                first.islower() or first.isdigit() or first in "(\"“"
                or (not blank_before and (airy or line_start in breaks or bool(_CONNECTOR_END.search(prev))))
            )
        )
        if continues and cur is not None:
            cur.end = line_end
        else:
            if cur is not None:
                paras.append(cur)
            cur = Para(line_start + (len(raw) - len(raw.lstrip())), line_start + mlen, line_end, kind, rank)
        blank_before = False
    if cur is not None:
        paras.append(cur)
    for i, p in enumerate(paras):
        p.index = i
        p.text = _SPACE.sub(" ", text[p.body:p.end]).strip()
    return paras


_DISTRIBUTION = re.compile(r"N[ơo]i\s+nh[ậa]n\s*:?", re.IGNORECASE)


def _outside_distribution(paras: list[Para], segs) -> list[Para]:
    """The paragraphs less the "Nơi nhận" lists (the one segmented and any later one)."""
    dist = getattr(segs, "distribution", None)
    out: list[Para] = []
    in_list = False
    for p in paras:
        if dist and dist[0] <= p.start < dist[1]:
            continue
        if _DISTRIBUTION.match(p.text):
            in_list = True
            continue
        if in_list and p.kind == "dash":
            continue
        in_list = False
        out.append(p)
    for i, p in enumerate(out):
        p.index = i
    return out


def _block_end(paras: list[Para], i: int) -> int:
    """Index (exclusive) of the end of paragraph ``i``'s block: up to the next paragraph of
    the same or a higher rank."""
    rank = paras[i].rank
    j = i + 1
    while j < len(paras) and paras[j].rank > rank:
        j += 1
    return j


# --- agency lists in running text -----------------------------------------------------------------


@dataclass
class Found:
    text: str
    span: tuple[int, int]
    group: bool = False


class Reader:
    """Reads agency names and lists at given offsets, from the recognized mentions and,
    for names the lexicon does not hold, from a capitalised head word up to the predicate."""

    def __init__(self, text: str, mentions: list[AgencyMention]):
        self.text = text
        self.by_start = {m.span[0]: m for m in mentions}
        self.mentions = mentions

    def skip_space(self, pos: int, end: int | None = None) -> int:
        end = len(self.text) if end is None else end
        while pos < end and self.text[pos].isspace():
            pos += 1
        return pos

    def agency_at(self, pos: int, end: int, *, bodies: bool = True) -> Found | None:
        """The agency named at ``pos``; ``bodies``: the body its head stands for ("Chủ tịch
        Ủy ban nhân dân tỉnh" -> "Ủy ban nhân dân tỉnh"), else the name as written."""
        pos = self.skip_space(pos, end)
        gov = GOVERNMENT_BODIES.match(self.text, pos, end) if bodies else None
        if gov:
            name = "các Bộ, cơ quan ngang Bộ"
            if gov.group("gov"):
                name += ", cơ quan " + ("trực " if gov.group("direct") else "") + "thuộc Chính phủ"
            return Found(name, (pos, gov.end()), True)
        m = self.by_start.get(pos)
        # "Giám đốc, Thủ trưởng các sở, ban ngành": the body, not the office holders
        titles = (HEAD_TITLES if bodies else TITLES).match(self.text, pos, end)
        if titles and (m is None or m.span[1] <= titles.end()):
            found = self.agency_at(titles.end(), end, bodies=bodies)
            if found is not None:
                return found
        if m is not None and m.span[1] <= end:
            stop = self._extend(m.span[1], end)
            group = m.label == "GROUP"
            if titles and titles.end() < m.span[1] and bodies:
                pos = titles.end()  # "Chủ tịch Ủy ban nhân dân các tỉnh": the body it heads
        else:
            head = _head_at(self.text, pos, end)
            lower = head is None and _starts_with(fold(self.text[pos:pos + 20]), MEMBER_HEADS)
            if lower:
                head = pos + len(next(w for w in MEMBER_HEADS if fold(self.text[pos:pos + 20]).startswith(w)))
            if head is None:
                return None
            stop = self._extend(head, end, limit=12)
            # "Văn phòng Thường trực Ban Chỉ đạo …", "các đại biểu Hội đồng nhân dân Thành phố":
            # a head that names a part or the members of the body named right after it
            inner = self.by_start.get(self.skip_space(stop, end))
            if inner is not None and inner.span[1] <= end and re.fullmatch(r"\s+", self.text[stop:inner.span[0]]):
                stop = self._extend(inner.span[1], end, limit=12)
            elif lower:
                return None
            if stop == head:
                return None  # a head alone ("Đoàn kiểm tra …", "Cơ quan thanh tra …") names no body
            group = fold(self.text[pos:stop]).startswith("các ")
        # "các Ban của Hội đồng nhân dân Thành phố"
        of = re.match(r"\s+của\s+", self.text[stop:end])
        if of and self.by_start.get(stop + of.end()) is not None:
            stop = self.by_start[stop + of.end()].span[1]
        name = _clean(self.text[pos:stop])
        return Found(name, (pos, stop), group) if name else None

    def _extend(self, pos: int, end: int, limit: int = 6) -> int:
        """Extend a name over following words up to a predicate word or punctuation:
        capitalised words after a known name ('… Cần Thơ', '… khu vực XII'), any word after
        an unknown head ('Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ')."""
        words = 0
        tail_left = 0
        out = pos
        for m in re.finditer(r"(?:\s*[-–])?\s*([\p{L}\p{M}\p{N}&]+)", self.text[pos:end]):
            if m.start() != out - pos:
                break
            if "-" in m.group(0) or "–" in m.group(0):
                hyphen = pos + m.start()
                if not NAME_HYPHEN.match(self.text, hyphen, end) or APPOSITION.match(self.text, hyphen, end):
                    break
            word_pos = pos + m.start(1)
            rest = fold(self.text[word_pos:min(end, word_pos + 40)])
            if words >= limit or word_pos in self.by_start or _is_predicate(self.text, word_pos, end) \
                    or rest.startswith(NAME_STOPS):
                break
            if rest.startswith("và "):
                after_and = self.skip_space(word_pos + 2, end)
                if after_and in self.by_start or _head_at(self.text, after_and, end) is not None or limit <= 6:
                    break
            elif tail_left:
                tail_left -= 1
            elif limit <= 6 and _starts_with(rest, NAME_TAILS):
                tail_left = len(next(t for t in NAME_TAILS if _starts_with(rest, (t,))).split()) - 1
            elif limit <= 6 and not self.text[word_pos].isupper() and not _is_roman(m.group(1)):
                break
            words += 1
            out = pos + m.end(1)
        return out

    def distributed(self, pos: int, end: int) -> list[Found]:
        """'các Tập đoàn: Bưu chính Viễn thông Việt Nam, Công nghiệp - Viễn thông Quân đội' ->
        'Tập đoàn Bưu chính Viễn thông Việt Nam', 'Tập đoàn Công nghiệp - Viễn thông Quân đội'."""
        m = DISTRIBUTIVE.match(self.text, pos, end)
        if not m:
            return []
        noun = _SPACE.sub(" ", m.group("noun"))
        noun = noun[0].upper() + noun[1:]
        out: list[Found] = []
        cur = m.end()
        while True:
            cur = self.skip_space(cur, end)
            if cur >= end or not self.text[cur].isupper():
                break
            stop = cur
            for w in re.finditer(r"(?:\s*[-–])?\s*([\p{L}\p{M}\p{N}&]+)", self.text[cur:min(end, cur + 120)]):
                wp = cur + w.start(1)
                if cur + w.start() != stop or (self.text[wp].islower() and (
                        _is_predicate(self.text, wp, end) or fold(self.text[wp:wp + 20]).startswith(("và ", *NAME_STOPS)))):
                    break
                stop = cur + w.end(1)
            if stop == cur:
                break
            out.append(Found(f"{noun} {_clean(self.text[cur:stop])}", (cur, stop)))
            sep = re.match(r"\s*(?:,|;|\bvà\b)\s*(?=\p{Lu})", self.text[stop:end])
            if not sep:
                break
            cur = stop + sep.end()
        return out

    def agency_list(self, pos: int, end: int) -> list[Found]:
        """'X, Y và Z' from ``pos``; stops at the first piece that is not an agency."""
        found: list[Found] = []
        cur = pos
        while True:
            shared = self.distributed(cur, end)
            a = shared[-1] if shared else self.agency_at(cur, end)
            if a is None:
                break
            found += shared or [a]
            cur = a.span[1]
            m = re.match(r"\s*(?:,|;|\bvà\b|\bcùng\b|&)\s*(?:với\s+)?", self.text[cur:end])
            if not m or not m.group(0).strip():
                break
            nxt = self.agency_at(cur + m.end(), end)
            if nxt is None:
                break
            cur = cur + m.end()
        return found


def _is_roman(word: str) -> bool:
    return bool(re.fullmatch(r"[IVXLC]+", word))


def _is_predicate(text: str, pos: int, end: int) -> bool:
    """Whether a predicate (the task, not the name) starts at ``pos``."""
    word = re.match(r"[\p{L}\p{M}]+", text[pos:end])
    if word and word.group(0) in PREDICATE_EXACT:
        return True
    return _starts_with(fold(text[pos:min(end, pos + 40)]), PREDICATE_WORDS)


def _has_word(folded: str, words: tuple[str, ...]) -> bool:
    return any(re.search(rf"(?<!\p{{L}}){re.escape(w)}(?!\p{{L}})", folded) for w in words)


def _starts_with(folded: str, words: tuple[str, ...]) -> bool:
    return any(folded.startswith(w) and (len(folded) == len(w) or not folded[len(w)].isalnum()) for w in words)


def _clean(name: str) -> str:
    return _SPACE.sub(" ", name).strip(" ,;:.-–\t\n")


_HEADS: list[str] | None = None
# Nouns that name a body on their own, whatever follows (compared as printed, lower case).
HEAD_NOUNS = ("sở", "bộ", "ban", "cục", "phòng", "viện", "hội", "đoàn", "tòa", "toà", "kho")


def _heads() -> list[str]:
    """Two-word starts of agency names (lower case), longest first: 'ủy ban', 'chủ tịch', …"""
    global _HEADS
    if _HEADS is None:
        heads = set()
        for e in lexicon()["agencies"]:
            for n in [e["name"], *e["aliases"]]:
                words = fold(n).split()
                if len(words) > 1:
                    heads.add(" ".join(words[:2]))
        heads |= {"trung tâm", "công ty", "tổng công ty", "chi cục", "tổng cục", "văn phòng", "cơ quan",
                  "ubnd", "hđnd", "ub", "ubmttq", "bcđ", "btv", "btt", "nhcsxh", "tập đoàn", "tổ công tác",
                  "hội đồng", "lực lượng", "mặt trận"}
        heads |= {f"các {w}" for w in ("sở", "bộ", "cơ quan", "đơn vị", "tổ chức", "hội", "đoàn thể", "ban",
                                          "ngành", "địa phương", "phòng", "trường", "doanh nghiệp", "tập đoàn",
                                          "lực lượng", "cơ sở", "tổ", "đại biểu", "thành viên")}
        _HEADS = sorted(heads, key=len, reverse=True)
    return _HEADS


def _head_at(text: str, pos: int, end: int) -> int | None:
    """End of an agency head word at ``pos`` (capitalised, or 'các'), or None."""
    if pos >= end or not (text[pos].isupper() or text[pos:pos + 3].lower() == "các"):
        return None
    word = re.match(r"[\p{L}\p{M}]+", text[pos:end])
    if word and word.group(0).lower() in HEAD_NOUNS and re.match(r"\s+(?:\p{Lu}|các\s)", text[pos + word.end():end]):
        return pos + word.end()  # "Sở Y tế", "Ban Quản lý …" (not "Ban hành", "Hội nghị")
    window = fold(text[pos:min(end, pos + 30)])
    for h in _heads():
        if window.startswith(h) and (len(window) == len(h) or not window[len(h)].isalnum()):
            return pos + len(h)
    return None


# --- details of a task ----------------------------------------------------------------------------

# "định kỳ hàng tháng", "hằng quý", "định kỳ 6 tháng", "3 tháng một lần"
RECURRENCE = re.compile(
    r"(?:(?P<dk>định\s+kỳ)\s+)?(?:(?P<every>(?:hàng|hằng)\s+(?:ngày|tuần|tháng|quý|năm))"
    r"|(?P<months>\d{1,2})\s+tháng(?P<once>\s*(?:một|1)\s+lần)?)",
    re.IGNORECASE,
)
DEADLINE_CUE = re.compile(
    r"(?:trước|chậm\s+nhất(?:\s+là)?|hoàn\s+thành|xong|hạn\s+chót|thời\s+hạn|thời\s+gian\s+hoàn\s+thành)"
    r"\s*(?:ngày|trong|là|vào|:)?\s*(?:ngày)?\s*$",
    re.IGNORECASE,
)
REPORT_TO = re.compile(r"(?:báo\s+cáo(?P<mid>[^.;:]{0,80}?)\s(?:về|cho|lên|tới|đến)|gửi\s+(?:báo\s+cáo\s+)?về)\s+(?!việc|tình|kết|các\s+nội)", re.IGNORECASE)
REPORT_DIRECT = re.compile(r"báo\s+cáo\s+(?=(?:Chủ\s+tịch|Thủ\s+tướng|Ủy\s+ban|Uỷ\s+ban|UBND|Ban\s+|Bộ\s+|Sở\s+|Thường\s+trực|HĐND|Hội\s+đồng))", re.IGNORECASE)
TARGET_ITEM = re.compile(r"(?:Nội\s+dung\s+(?:số\s+)?\d+|Tiểu\s+dự\s+án\s*\d*|Dự\s+án\s+\d+)", re.IGNORECASE)
TASK_LIST_INTRO = re.compile(r"(?:một\s+số|các)\s+(?:nội\s+dung|nhiệm\s+vụ|việc|công\s+việc)[^.;:]{0,40}?(?:sau|như\s+sau)\s*:?\s*$", re.IGNORECASE)


_INNER_PARENS = re.compile(r"\([^()]*\)")


def _without_parens(text: str) -> str:
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
    for m in RECURRENCE.finditer(text):
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
        if DEADLINE_CUE.search(before):
            return d.value
    return None


def targets_in(text: str) -> list[str]:
    """Program items: 'Nội dung số 01 và 03, Tiểu dự án 2 - Dự án 3' ->
    ['Dự án 3 / Tiểu dự án 2 / Nội dung số 01', 'Dự án 3 / Tiểu dự án 2 / Nội dung số 03']."""
    text = _without_parens(text)
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


# --- assignments ----------------------------------------------------------------------------------


@dataclass
class Draft:
    agency: Found
    role: str
    rule: str
    scope: tuple[int, int]          # the text the task is read from
    more: list[tuple[int, int]] = field(default_factory=list)  # further pieces of it
    task: str | None = None
    partners: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)


def _is_vague(name: str) -> bool:
    """'các cơ quan, đơn vị, địa phương': a group that names no body."""
    f = fold(name)
    if not f.startswith("các "):
        return False
    words = re.split(r"\s*(?:,|\bvà\b|-|/)\s*", f[4:])
    words = [w.replace(" có liên quan", "").replace(" liên quan", "").strip() for w in words]
    return all(w in VAGUE_GROUP_WORDS or not w for w in words)


def _word_key(name: str) -> str:
    """A name as its words: case and punctuation ignored."""
    return " ".join(re.findall(r"[\p{L}\p{M}\p{N}]+", fold(name)))


def _first_sentence(text: str, limit: int = 300) -> str:
    text = _SPACE.sub(" ", text).strip(" -+•:")
    m = re.search(r"(?<=[.;])\s|:\s*$", text)
    s = text[:m.start()] if m else text
    s = s.rstrip(".;: ")
    return s if len(s) <= limit else s[:limit].rsplit(" ", 1)[0] + "…"


def _role_of(task_start_folded: str, default: str = "lead") -> str:
    if _starts_with(task_start_folded, SUPPORT_VERBS):
        return "support"
    return default


class Extractor:
    def __init__(self, ctx):
        self.ctx = ctx
        self.text = ctx.text
        segs = ctx.segments
        # the body and what follows it: a decision's attached plan comes after its signature
        start = segs.body[0] if segs.body and segs.body[1] > segs.body[0] else 0
        body = (start, len(self.text))
        self.body = body
        mentions = find_agencies(self.text)
        self.paras = _outside_distribution(paragraphs(self.text, *body, mentions), segs)
        self.reader = Reader(self.text, mentions)
        self.drafts: list[Draft] = []
        self.closing: list[list[tuple[int, int]]] = []  # requirements addressed to everyone
        self.covered: set[int] = set()              # paragraph indexes read as a heading's block
        self.headings: set[int] = set()             # paragraph indexes of agency headings
        self.sections = self._assignment_sections()
        # documents that direct (not reports or news): their sentences "X <verb> …" give tasks
        self.directive = ctx.genre != "news" and (ctx.doc_type or "") not in ("BC", "TIN", "BB", "TTr")

    # -- structure

    def _assignment_sections(self) -> list[tuple[int, int]]:
        """Paragraph index ranges of the "Tổ chức thực hiện" parts."""
        out = []
        for i, p in enumerate(self.paras):
            if len(p.text) > 160 or not SECTION_TITLE.search(p.text):
                continue
            if p.kind in (None, "dash") and not (p.text.isupper() or len(p.text) < 60):
                continue
            end = _block_end(self.paras, i) if p.kind not in (None,) else len(self.paras)
            out.append((i + 1, end))
        return out

    def in_section(self, i: int) -> bool:
        return any(a <= i < b for a, b in self.sections)

    # -- rules

    def run(self) -> list[Assignment]:
        self._headings()
        for i, p in enumerate(self.paras):
            if i in self.headings:
                continue
            if self._field(p, i) or self._colon(p, i):
                continue
            self._clauses(p, i, heading_block=i in self.covered)
        return self._finish()

    def _heading_candidates(self) -> dict[int, tuple]:
        """Numbered headings that name agencies and open a block, by paragraph index:
        (agencies, first paragraph of the block, block end, whether a duty verb or an
        address ('Đề nghị …') marks them as assignments)."""
        cands: dict[int, tuple] = {}
        for i, p in enumerate(self.paras):
            if p.kind in (None, "dash", "article") or len(p.text) > 200:
                continue
            block_end = _block_end(self.paras, i)
            first = self.paras[i + 1] if i + 1 < block_end else None
            if first is None and not p.text.endswith(":"):
                continue
            m = re.match(r"\s*(?:Đề\s+nghị|Giao|Yêu\s+cầu)\s+(?:cho\s+)?", self.text[p.body:p.end], flags=re.IGNORECASE)
            found = self.reader.agency_list(p.body + (m.end() if m else 0), p.end)
            if not found:
                continue
            # what is left after the names: modifiers of the last one ("… vùng đồng bào dân tộc
            # thiểu số và miền núi"), or words that make the heading a topic, not a name
            last = found[-1]
            rest = _clean(self.text[last.span[1]:p.end])
            rest_f = fold(rest)
            if rest_f and (_has_word(rest_f, HEADING_STOP) or _head_at(rest, 0, len(rest)) is not None) \
                    and not re.search(r"\bđược (?:phân công|giao)\b", rest_f):
                continue
            if rest_f:
                found[-1] = Found(_clean(self.text[last.span[0]:p.end]), (last.span[0], p.end), last.group)
            marked = m is not None or (first is not None and _starts_with(fold(first.text), LEAD_VERBS + SUPPORT_VERBS))
            cands[i] = (found, first, block_end, marked)
        return cands

    def _headings(self) -> None:
        """Accept the heading candidates in a "Tổ chức thực hiện" part, those marked, and
        their siblings (same rank, same parent) when one of them is marked."""
        cands = self._heading_candidates()
        parent = {}
        for i in cands:
            rank = self.paras[i].rank
            parent[i] = next((k for k in range(i - 1, -1, -1) if self.paras[k].rank < rank), -1)
        marked_families = {(parent[i], self.paras[i].rank) for i, c in cands.items() if c[3]}
        for i, (found, first, block_end, marked) in cands.items():
            if not (marked or self.in_section(i) or (parent[i], self.paras[i].rank) in marked_families):
                continue
            scope = (first.start if first else self.paras[i].end, self.paras[block_end - 1].end)
            role = _role_of(fold(first.text)) if first else "lead"
            task = _first_sentence(first.text) if first else None
            targets = targets_in(self.text[scope[0]:scope[1]])
            self._add(found, role, "heading", scope, task, self._partners(*scope), targets)
            self.headings.add(i)
            self.covered.update(range(i + 1, block_end))

    def _colon(self, p: Para, i: int) -> bool:
        """'Sở Y tế: Chủ trì, …'"""
        colon = self.text.find(":", p.body, min(p.end, p.body + 160))
        if colon < 0:
            return False
        found = self.reader.agency_list(p.body, colon)
        if not found or self.reader.skip_space(found[-1].span[1], colon) != colon:
            return False
        task_text = self.text[colon + 1:p.end]
        task_f = fold(task_text.strip())
        if not task_f or task_f[:1].isdigit():
            return False
        role = _role_of(task_f)
        scope = (colon + 1, p.end)
        targets = targets_in(task_text)
        self._add(found, role, "colon", scope, _first_sentence(task_text), self._partners(*scope), targets)
        self.covered.add(i)
        return True

    FIELD = re.compile(
        r"(?P<label>(?:Cơ\s+quan|Đơn\s+vị)\s+(?P<what>chủ\s+trì|phối\s+hợp|thực\s+hiện|đầu\s+mối|chủ\s+quản|quản\s+lý|thường\s+trực)"
        r"|(?P<what2>Chủ\s+trì|Phối\s+hợp))(?:\s+[\p{L}]+){0,3}?\s*:\s*",
        re.IGNORECASE,
    )

    def _field(self, p: Para, i: int) -> bool:
        m = self.FIELD.match(self.text, p.body, p.end)
        if not m:
            return False
        what = fold(m.group("what") or m.group("what2"))
        role = "support" if what == "phối hợp" else "lead"
        found = self.reader.agency_list(m.end(), p.end)
        if not found:
            return True
        # the task is the item this field belongs to: the nearest paragraph of a higher rank
        parent = next((q for q in reversed(self.paras[:i]) if q.rank < p.rank), None)
        task = _first_sentence(parent.text) if parent else None
        sib_end = _block_end(self.paras, parent.index) if parent else i + 1
        scope = (p.start, self.paras[sib_end - 1].end)
        self._add(found, role, "field", scope, task, [], [])
        return True

    def _clauses(self, p: Para, i: int, heading_block: bool = False) -> None:
        """'Giao X …', 'Đề nghị X …', 'X chủ trì …' anywhere in the paragraph."""
        text = _without_parens(self.text[p.body:p.end])
        base = p.body
        # clause starts: the paragraph start and after ; . :
        for m in re.finditer(r"(?:^|(?<=[;.:])\s+|(?<=,)\s+(?=(?:đồng\s+thời\s+)?(?:giao|đề\s+nghị|yêu\s+cầu)\b))", text, flags=re.IGNORECASE):
            self._clause_at(base + m.end(), p, i, heading_block)
        # "giao" / "đề nghị" / "yêu cầu" inside a clause
        for m in re.finditer(r"(?<![\p{L}])(?P<verb>giao|đề\s+nghị|yêu\s+cầu)\s+(?:nhiệm\s+vụ\s+)?(?:cho\s+)?", text, flags=re.IGNORECASE):
            before = fold(text[max(0, m.start() - 25):m.start()])
            if re.search(r"(?:được|đã được|xét|theo|về|các|những|kiến nghị|trên cơ sở|bàn|chuyển|tiếp|ký|tại|số)\s*$", before):
                continue
            self._request_at(base + m.end(), fold(m.group("verb")), p, i)

    def _clause_at(self, pos: int, p: Para, i: int, heading_block: bool) -> None:
        pos = self.reader.skip_space(pos, p.end)
        found = self.reader.agency_list(pos, p.end)
        if not found:
            return
        after = self.reader.skip_space(found[-1].span[1], p.end)
        after = self._skip_apposition(after, p.end)
        if not all(_is_vague(f.text) for f in found):
            found = [f for f in found if not _is_vague(f.text)]  # "X và các cơ quan …": X leads
        # "Sở Tài chính, trên cơ sở đề xuất của …, chủ trì …": one aside between commas
        rest = self.text[after:p.end]
        if rest.startswith(","):
            m = re.match(r",[^,;.]{0,120},\s*", rest)
            if m and _starts_with(fold(rest[m.end():]), LEAD_VERBS + SUPPORT_VERBS):
                after += m.end()
            else:
                return
        rest_f = fold(self.text[after:min(p.end, after + 60)])
        if _starts_with(rest_f, ("chủ trì",)) and _starts_with(rest_f[len("chủ trì"):].strip(), CHAIR_OBJECTS):
            return
        modal = _starts_with(self.text[after:after + 10], MODALS)
        if _starts_with(rest_f, LEAD_VERBS):
            role = "lead"
        elif modal and (self.directive or self.in_section(i) or heading_block) and not self._is_issuer(found[0].text):
            role = "lead"  # "Các lực lượng chức năng phải …"
        elif _starts_with(rest_f, SUPPORT_VERBS):
            role = "support"
        elif (self.in_section(i) or heading_block) and rest_f and _starts_with(rest_f, PREDICATE_WORDS):
            role = "lead"
        elif self.directive and _starts_with(rest_f, PREDICATE_WORDS) and not _starts_with(rest_f, NOT_TASKS) \
                and not self._is_issuer(found[0].text):
            # a directive's sentence that starts with an agency and its task
            role = "lead"
        else:
            return
        if "thi hành" in rest_f[:40] and "này" in rest_f[:60]:
            return  # the closing formula: see _executes
        scope = (after, p.end)
        self._add(found, role, "subject", scope, _first_sentence(self.text[after:p.end]), self._partners(after, p.end),
                  targets_in(self.text[after:p.end]))

    def _skip_apposition(self, pos: int, end: int) -> int:
        """Past an apposition that ends at the predicate: 'Bộ Tài chính - Phó Trưởng ban Thường
        trực Ban Chỉ đạo 389 quốc gia | tập trung …'; ``pos`` itself when there is none."""
        m = APPOSITION.match(self.text, pos, end)
        if not m:
            return pos
        for n, w in enumerate(re.finditer(r"[^\s,;.:]+|[,;.:]", self.text[m.end():min(end, m.end() + 200)])):
            at = m.end() + w.start()
            if w.group(0) in ",;.:" or n > 15:
                return pos
            if n and self.text[at].islower() and _is_predicate(self.text, at, end):
                return at
        return pos

    def _is_issuer(self, name: str) -> bool:
        if not self.ctx.issuer:
            return False
        jur = self.ctx.jurisdiction
        return canonical_agency(name, jur)[0] == canonical_agency(self.ctx.issuer, jur)[0]

    def _request_at(self, pos: int, verb: str, p: Para, i: int) -> None:
        found = self.reader.agency_list(pos, p.end)
        if not found:
            return
        after = self.reader.skip_space(found[-1].span[1], p.end)
        rest_f = fold(self.text[after:min(p.end, after + 40)])
        if not rest_f or rest_f.startswith(NO_TASK_AFTER):
            return  # "dự toán giao cho Sở Y tế hàng năm": no task follows
        role = "support" if _starts_with(rest_f, SUPPORT_VERBS) and verb == "giao" else "lead"
        tail = self.text[after:p.end]
        scope = (after, p.end)
        more: list[tuple[int, int]] = []
        task = _first_sentence(tail)
        if TASK_LIST_INTRO.search(tail.rstrip()):
            items = self._task_list(i)
            if items:
                more = [(q.start, q.end) for q in items]
                numbered = [q for q in items if q.kind in ("arabic", "roman", "letter")]
                if len(numbered) > 1:
                    labels = [self.text[q.start:q.body].strip().rstrip(".)/") for q in numbered]
                    task = f"thực hiện các nội dung {labels[0]}-{labels[-1]}"
        if all(_is_vague(f.text) for f in found):
            self.closing.append([scope, *more])
            return
        found = [f for f in found if not _is_vague(f.text)]
        self._add(found, role, "giao" if verb == "giao" else "request", scope, task, self._partners(after, p.end),
                  targets_in(self.text[after:p.end]), more=more)

    def _task_list(self, i: int) -> list[Para]:
        """The numbered items after paragraph ``i`` ("… thực hiện một số nội dung sau:") and the
        plain paragraphs among and after them, less those that give a task to someone else."""
        items: list[Para] = []
        rank = None
        for q in self.paras[i + 1:]:
            if q.rank == 9:
                if not self._gives_task(q):
                    items.append(q)
                continue
            if rank is None:
                rank = q.rank
            if q.rank < rank or (q.rank == rank and self._gives_task(q)):
                break
            items.append(q)
        return items

    def _gives_task(self, p: Para) -> bool:
        f = fold(p.text)
        return bool(re.search(r"(?:^|[;.:]\s*)(?:đồng thời\s+)?(?:giao|đề nghị|yêu cầu)\s", f))

    def _executes(self) -> list[Assignment]:
        out = []
        pat = re.compile(r"chịu\s+trách\s+nhiệm\s+thi\s+hành\s+(?:Quyết\s+định|Nghị\s+quyết|Chỉ\s+thị|Thông\s+tư|Nghị\s+định|văn\s+bản)?\s*này", re.IGNORECASE)
        for m in pat.finditer(self.text, *self.body):
            # the subject list runs back to the start of the paragraph
            para = next((q for q in self.paras if q.body <= m.start() < q.end), None)
            if para is None:
                continue
            start = para.body
            subject = self.text[start:m.start()]
            subject = re.sub(r"^\s*(?:Điều\s+\d+\s*[.:]?\s*)", "", subject)
            lead_in = len(self.text[start:m.start()]) - len(subject)
            for piece in re.finditer(r"[^,;]+?(?=\s*(?:,|;|\bvà\b|$))", subject):
                raw = _clean(piece.group(0))
                raw = re.sub(r"^(?:và|các)\s+(?=\p{Lu})", "", raw).strip()
                if not raw or len(raw) < 3:
                    continue
                body_name = _body_of(raw)
                if not body_name:
                    continue
                s = start + lead_in + piece.start() + piece.group(0).find(raw.split()[0])
                agency_id, _ = canonical_agency(body_name, self.ctx.jurisdiction)
                out.append(Assignment(agency=body_name, agency_id=agency_id, role="executes",
                                      task=_SPACE.sub(" ", m.group(0)), section=self._path(m.start()),
                                      span=(s, s + len(raw)), rule="executes"))
        return out

    # -- helpers

    def _partners(self, start: int, end: int) -> list[str]:
        text = _without_parens(self.text[start:end])
        out: list[str] = []
        for m in re.finditer(r"phối\s+hợp\s+(?:chặt\s+chẽ\s+)?(?:với\s+)?(?:các\s+cơ\s+quan\s+liên\s+quan\s+)?", text, flags=re.IGNORECASE):
            for f in self.reader.agency_list(start + m.end(), end):
                if f.text not in out:
                    out.append(f.text)
        return out

    def _add(self, found: list[Found], role: str, rule: str, scope: tuple[int, int], task, partners, targets,
             more: list[tuple[int, int]] | None = None) -> None:
        # "Ủy ban MTTQ … và các tổ chức chính trị - xã hội": the member organisations join the Front
        kept: list[Found] = []
        for f in found:
            ff = fold(f.text)
            if re.search(r"\bđược (?:phân công|giao)\b", ff):
                continue
            kept.append(f)
        for f in kept:
            self.drafts.append(Draft(f, role, rule, scope, more=more or [], task=task,
                                     partners=[x for x in partners if x != f.text], targets=targets))

    def _path(self, offset: int) -> str | None:
        try:
            return self.ctx.segments.path_at(offset)
        except Exception:
            return None

    def _fuller_names(self) -> None:
        """A group named short where the document also names it in full ("Ủy ban nhân dân các
        tỉnh, thành phố" beside "… trực thuộc trung ương") takes the full name."""
        names = {d.agency.text for d in self.drafts if d.agency.group}
        keys = sorted(((_word_key(n), n) for n in names), key=lambda kn: -len(kn[0]))
        for d in self.drafts:
            k = _word_key(d.agency.text)
            if not d.agency.group or len(k.split()) < 3:
                continue
            longer = next((n for kn, n in keys if len(kn) > len(k) and kn.startswith(k + " ")), None)
            if longer:
                d.agency = Found(longer, d.agency.span, True)

    def _finish(self) -> list[Assignment]:
        out: list[Assignment] = []
        seen: set[tuple] = set()
        self._fuller_names()
        for d in sorted(self.drafts, key=lambda d: d.agency.span[0]):
            key = (d.agency.span, d.role)
            if key in seen:
                continue
            seen.add(key)
            pieces = [d.scope, *d.more]
            scope_text = "\n".join(self.text[a:b] for a, b in pieces)
            agency_id, _ = canonical_agency(d.agency.text, self.ctx.jurisdiction)
            report_to = self._report_to(pieces)
            if report_to and fold(report_to) == fold(d.agency.text):
                report_to = None
            out.append(Assignment(
                agency=d.agency.text,
                agency_id=agency_id,
                role=d.role,  # type: ignore[arg-type]
                task=d.task,
                targets=d.targets,
                partners=d.partners,
                deadline=deadline_in(scope_text),
                recurrence=recurrence_in(_without_parens(scope_text)),
                report_to=report_to,
                section=self._path(d.agency.span[0]),
                span=d.agency.span,
                rule=d.rule,
            ))
        # requirements addressed to everyone ("Yêu cầu các đơn vị, địa phương … trước ngày …")
        for pieces in self.closing:
            scope_text = "\n".join(self.text[a:b] for a, b in pieces)
            deadline = deadline_in(scope_text)
            recurrence = recurrence_in(_without_parens(scope_text))
            report_to = self._report_to(pieces)
            for a in out:
                if a.role == "executes":
                    continue
                a.deadline = a.deadline or deadline
                a.recurrence = a.recurrence or recurrence
                if report_to and not a.report_to and fold(report_to) not in fold(a.agency):
                    a.report_to = report_to
        out += self._executes()
        return out

    def _report_to(self, pieces: list[tuple[int, int]]) -> str | None:
        for start, end in pieces:
            text = _without_parens(self.text[start:end])
            for pat in (REPORT_TO, REPORT_DIRECT):
                for m in pat.finditer(text):
                    found = self.reader.agency_at(start + m.end(), end, bodies=False)
                    if found is not None and not _is_vague(found.text):
                        return found.text
        return None


def _body_of(raw: str) -> str | None:
    """'Giám đốc Sở Tài chính' -> 'Sở Tài chính'; 'Chánh Văn phòng UBND tỉnh' -> 'Văn phòng UBND tỉnh'."""
    m = POSITION_PREFIX.match(raw)
    if not m:
        return raw if _head_at(raw, 0, len(raw)) else None
    title = fold(_SPACE.sub(" ", m.group(0)).strip())
    rest = raw[m.end():].strip()
    for key, keep in KEEP_AFTER_TITLE.items():
        if title.startswith(key):
            return f"{keep} {rest}".strip()
    if title.endswith("các"):
        rest = "các " + rest
    if title.startswith("chủ tịch"):
        return rest if rest else None
    return rest or None


def extract_assignments(ctx) -> list[Assignment]:
    """Every task the document gives to an agency, in text order, then the closing formula."""
    if not ctx.text.strip():
        return []
    return Extractor(ctx).run()
