"""Agency names and lists read from running text: the recognized mentions, and for names
the lexicon does not hold, a capitalised head word up to the predicate."""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache

import regex as re

from vanban.extractors.extract.agencies.lexicon import lexicon
from vanban.extractors.extract.agencies.recognize import AgencyMention
from vanban.extractors.extract.assignments.cues import alternation, cues, fold

_SPACE = re.compile(r"\s+")
_LETTERS = re.compile(r"[\p{L}\p{M}]+")
_ROMAN = re.compile(r"[IVXLC]+")
_KEY_WORD = re.compile(r"[\p{L}\p{M}\p{N}&]+")
# one word of a name, with the hyphen that may join it to the one before
_NAME_WORD = re.compile(r"(?:\s*[-–])?\s*([\p{L}\p{M}\p{N}&]+)")
_OF = re.compile(r"\s+(?:của|thuộc)\s+")
_JOINED = re.compile(r"\s*(?:,|\bvà\b)\s*(?=\p{Lu})")
_NEXT_MEMBER = re.compile(r"\s*(?:,|;|\bvà\b)\s*(?=\p{Lu})")
_LAST_WORD = re.compile(r"([\p{L}\p{M}]+)\s+$")
_LIST_SEP = re.compile(r"\s*(?:,|;|\bvà\b|\bcùng\b|&)\s*(?:với\s+)?")
_NAME_AFTER = re.compile(r"\s+(?:\p{Lu}|các\s)")

# The addressees of national documents, written with their heads: "Bộ trưởng, Thủ trưởng cơ quan
# ngang bộ, cơ quan thuộc Chính phủ" is the group "các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ".
GOVERNMENT_BODIES = re.compile(
    r"(?:(?:các\s+)?đồng\s+chí\s+)?(?:Bộ\s+trưởng(?:\s+các\s+bộ)?|các\s+bộ)\s*[,;]\s*(?:Thủ\s+trưởng\s+)?(?:các\s+)?"
    r"cơ\s+quan\s+ngang\s+bộ(?P<gov>\s*,\s*(?:Thủ\s+trưởng\s+)?(?:các\s+)?cơ\s+quan\s+(?P<direct>trực\s+)?thuộc\s+Chính\s+phủ)?",
    re.IGNORECASE,
)
# A hyphen inside a name: "Cơ quan Lao động - Thương binh và Xã hội".
NAME_HYPHEN = re.compile(r"\s*[-–]\s*(?=\p{Lu})")


@dataclass(frozen=True)
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
        self._starts = sorted(self.by_start)
        self.mentions = mentions
        # what was read at each position: the rules ask again at the same places
        self._read_at: dict[tuple[int, int, bool], Found | None] = {}
        self._lists: dict[tuple[int, int], list[Found]] = {}

    def skip_space(self, pos: int, end: int | None = None) -> int:
        end = len(self.text) if end is None else end
        while pos < end and self.text[pos].isspace():
            pos += 1
        return pos

    def agency_at(self, pos: int, end: int, *, bodies: bool = True) -> Found | None:
        """The agency named at ``pos``; ``bodies``: the body its head stands for ("Chủ tịch
        Ủy ban nhân dân tỉnh" -> "Ủy ban nhân dân tỉnh"), else the name as written."""
        key = (pos, end, bodies)
        if key not in self._read_at:
            self._read_at[key] = self._agency_at(pos, end, bodies)
        return self._read_at[key]

    def _agency_at(self, pos: int, end: int, bodies: bool) -> Found | None:
        pos = self.skip_space(pos, end)
        gov = GOVERNMENT_BODIES.match(self.text, pos, end) if bodies else None
        if gov:
            name = "các Bộ, cơ quan ngang Bộ"
            if gov.group("gov"):
                name += ", cơ quan " + ("trực " if gov.group("direct") else "") + "thuộc Chính phủ"
            return Found(name, (pos, gov.end()), True)
        m = self.by_start.get(pos)
        # "Giám đốc, Thủ trưởng các sở, ban ngành": the body, not the office holders
        titles = (cues().head_titles if bodies else cues().titles).match(self.text, pos, end)
        if titles and (m is None or m.span[1] <= titles.end()):
            found = self.agency_at(titles.end(), end, bodies=bodies)
            if found is not None:
                return found
        if m is not None and m.span[1] <= end:
            group = m.label == "GROUP"
            stop = self._extend(self._verb_cut(m) if group else m.span[1], end)
            if group and bodies:
                stop = self._described(stop, end)
            if titles and titles.end() < m.span[1] and bodies:
                pos = titles.end()  # "Chủ tịch Ủy ban nhân dân các tỉnh": the body it heads
        else:
            head = head_at(self.text, pos, end)
            lower = head is None and starts_with(fold(self.text[pos:pos + 20]), cues().member_heads)
            if lower:
                head = pos + len(next(w for w in cues().member_heads if fold(self.text[pos:pos + 20]).startswith(w)))
            if head is None:
                return None
            stop = self._extend(head, end, limit=12)
            # "Văn phòng Thường trực Ban Chỉ đạo …", "các đại biểu Hội đồng nhân dân Thành phố":
            # a head that names a part or the members of the body named right after it
            inner = self.by_start.get(self.skip_space(stop, end))
            if inner is not None and inner.span[1] <= end and _SPACE.fullmatch(self.text, stop, inner.span[0]):
                stop = self._extend(inner.span[1], end, limit=12)
            elif lower:
                return None
            if stop == head:
                return None  # a head alone ("Đoàn kiểm tra …", "Cơ quan thanh tra …") names no body
            group = fold(self.text[pos:stop]).startswith("các ")
        # "các Ban của Hội đồng nhân dân Thành phố", "các cơ quan chuyên môn thuộc UBND tỉnh"
        of = _OF.match(self.text[stop:end])
        if of and self.by_start.get(stop + of.end()) is not None:
            stop = self.by_start[stop + of.end()].span[1]
        name = clean(self.text[pos:stop])
        return Found(name, (pos, stop), group) if name else None

    def _extend(self, pos: int, end: int, limit: int = 6) -> int:
        """Extend a name over following words up to a predicate word or punctuation:
        capitalised words after a known name ('… Cần Thơ', '… khu vực XII'), any word after
        an unknown head ('Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ')."""
        words = 0
        tail_left = 0
        over = False  # past the limit, on a name's place
        out = pos
        for m in _NAME_WORD.finditer(self.text[pos:end]):
            if m.start() != out - pos:
                break
            if "-" in m.group(0) or "–" in m.group(0):
                hyphen = pos + m.start()
                if not NAME_HYPHEN.match(self.text, hyphen, end) or cues().apposition.match(self.text, hyphen, end):
                    break
            word_pos = pos + m.start(1)
            rest = fold(self.text[word_pos:min(end, word_pos + 40)])
            if word_pos in self.by_start or is_predicate(self.text, word_pos, end) or rest.startswith(cues().name_stops):
                break
            if words >= limit and not tail_left and not (over and self.text[word_pos].isupper()):
                # a long unknown name ends in its place: "… và khu công nghiệp | thành phố Hà Nội"
                proper = self._proper_tail(word_pos, end, 3) if limit > 6 else 0
                if not proper:
                    break
                tail_left, over = proper, True
            if rest.startswith("và "):
                after_and = self.skip_space(word_pos + 2, end)
                if after_and in self.by_start or head_at(self.text, after_and, end) is not None or limit <= 6:
                    break
            elif tail_left:
                tail_left -= 1
            elif limit <= 6 and starts_with(rest, cues().name_tails):
                tail_left = len(next(t for t in cues().name_tails if starts_with(rest, (t,))).split()) - 1
            elif limit <= 6 and self._place_number(m, pos, word_pos, end):
                pass  # "UBND xã Bảo Lâm 2", "Ủy ban nhân dân Phường 2"
            elif limit <= 6 and not self.text[word_pos].isupper() and not is_roman(m.group(1)):
                # "Ban Quản lý Khu kinh tế | cửa khẩu quốc tế Bờ Y": lower-case words that end in
                # a proper name belong to the name
                proper = self._proper_tail(word_pos, end, limit - words)
                if not proper:
                    break
                tail_left = proper - 1
            words += 1
            out = pos + m.end(1)
        return out

    def _verb_cut(self, m: AgencyMention) -> int:
        """Where a group's name ends when its last word is the verb of the task: 'Các sở, ngành
        | tổ chức thực hiện' ('tổ chức' joined without a comma, a lower-case word after it); the
        mention's end otherwise ('các đơn vị, tổ chức liên quan')."""
        start, stop = m.span
        last = _last_group_verb().search(self.text, start, stop)
        if last is None or not is_predicate(self.text, last.start(1), min(len(self.text), stop + 40)) \
                or len(self.text[start:last.start()].split()) < 2:
            return stop  # "các tổ chức" alone is the group
        after = self.skip_space(stop)
        if after >= len(self.text) or not self.text[after].islower() \
                or starts_with(fold(self.text[after:after + 30]), cues().name_tails):
            return stop
        return last.start()

    def _place_number(self, m, pos: int, word_pos: int, end: int) -> bool:
        """Whether the word ``m`` (at ``word_pos``) is the number of a place named by the
        capitalised word before it ('Bảo Lâm 2', 'Phường 2'), ending the name: punctuation,
        the end or a predicate follows."""
        number = m.group(1)
        if not number.isdigit() or len(number) > 2:
            return False
        before = _LAST_WORD.search(self.text, max(0, word_pos - 30), word_pos)
        if not before or not before.group(1)[0].isupper():
            return False
        after = self.skip_space(word_pos + len(number), end)
        return after >= end or not self.text[after].isalnum() or is_predicate(self.text, after, end)

    def _described(self, stop: int, end: int) -> int:
        """Where a group described up to its duty ends: 'Các tổ chức, cá nhân và hộ gia đình khai
        thác nước dưới đất | có trách nhiệm'; ``stop`` when the words before the duty are no
        description (an adverb, a stop word, another body: 'Các sở, ngành | đều có trách nhiệm')."""
        if self.text.find("trách", stop, min(end, stop + 200)) < 0:
            return stop  # most groups are followed by no duty of this form (a scan in C)
        d = cues().described_group.match(self.text, stop, min(end, stop + 160))
        if not d or not d.group(1).strip(" ,") or not (self.text[d.start(1)].islower() or self.text[d.start(1)] == ","):
            return stop
        if cues().described_group_stop.search(fold(d.group(1))):
            return stop
        k = bisect.bisect_right(self._starts, stop)
        if k < len(self._starts) and self._starts[k] < d.end(1):
            return stop  # another body named in between
        return d.end(1)

    def _proper_tail(self, pos: int, end: int, room: int) -> int:
        """How many words from ``pos`` (lower case) run to a capitalised word that is no name of
        its own ('cửa khẩu quốc tế Bờ Y'), at most ``room`` words and none a predicate, a stop
        word or 'và'; 0 when they do not."""
        count = 0
        at = pos
        for m in _NAME_WORD.finditer(self.text, pos, min(end, pos + 80)):
            if m.start() != at or "-" in m.group(0) or "–" in m.group(0) or count >= room:
                return 0
            word_pos = m.start(1)
            if self.text[word_pos].isupper():
                # not the head of another body ("công nhận Ban vận động …")
                inner = word_pos in self.by_start or head_at(self.text, word_pos, end) is not None \
                    or m.group(1).lower() in cues().head_nouns
                return 0 if inner or not count else count
            rest = fold(self.text[word_pos:min(end, word_pos + 40)])
            if is_predicate(self.text, word_pos, end) or rest.startswith(("và ", "các ", *cues().name_stops)):
                return 0
            count += 1
            at = m.end(1)
        return 0

    def distributed(self, pos: int, end: int) -> list[Found]:
        """'các Tập đoàn: Bưu chính Viễn thông Việt Nam, Công nghiệp - Viễn thông Quân đội' ->
        'Tập đoàn Bưu chính Viễn thông Việt Nam', 'Tập đoàn Công nghiệp - Viễn thông Quân đội'."""
        m = cues().distributive.match(self.text, pos, end)
        if not m:
            return []
        noun = _SPACE.sub(" ", m.group("noun"))
        noun = noun[0].upper() + noun[1:]
        out = self.members(noun, m.end(), end, own_heads=False)
        if not m.group("colon") and len(out) < 2:
            return []  # "các Sở Tài chính" alone is read as written
        return out

    def members(self, noun: str, cur: int, end: int, *, own_heads: bool = True) -> list[Found]:
        """The names from ``cur`` that share the head ``noun`` ('Tài chính, Xây dựng' -> 'Sở Tài
        chính', 'Sở Xây dựng'); ``own_heads``: a member with a head of its own ('Văn phòng UBND
        tỉnh') is read as written and the list goes on, else the list ends before it."""
        out: list[Found] = []
        while True:
            cur = self.skip_space(cur, end)
            if cur >= end or not self.text[cur].isupper():
                break
            stop = self._piece_end(cur, end)
            headed = head_at(self.text, cur, end) is not None and not known_name(f"{noun} {self.text[cur:stop]}") \
                and not self._own_head(cur, noun)
            if headed and out and not own_heads:
                break  # "các Sở Tài chính, Ủy ban nhân dân tỉnh": the next name has its own head
            found = self.agency_at(cur, end) if headed and own_heads else None
            if found is not None:
                out.append(found)
                stop = found.span[1]
            else:
                # "Thông tin và Truyền thông", "Văn hóa, Thể thao và Du lịch": one name when the
                # lexicon knows it so
                longer = stop
                for _ in range(3):
                    joined = _JOINED.match(self.text[longer:end])
                    if not joined:
                        break
                    longer = self._piece_end(longer + joined.end(), end)
                    if known_name(f"{noun} {self.text[cur:longer]}"):
                        stop = longer
                if stop == cur:
                    break
                piece = clean(self.text[cur:stop])
                out.append(Found(piece if self._own_head(cur, noun) else f"{noun} {piece}", (cur, stop)))
            sep = _NEXT_MEMBER.match(self.text[stop:end])
            if not sep:
                break
            cur = stop + sep.end()
        return out

    def _own_head(self, pos: int, noun: str) -> bool:
        """Whether the member at ``pos`` writes the shared head noun itself: 'các hội: Hiệp hội
        Vận tải ô tô, Hội Tin học'."""
        first_two = fold(" ".join(self.text[pos:pos + 40].split()[:2]))
        noun = fold(noun)
        return first_two == noun or first_two.startswith(noun + " ") or first_two.endswith(" " + noun)

    def _piece_end(self, cur: int, end: int) -> int:
        """End of one name after a shared head noun: up to a separator, a predicate or a stop word."""
        stop = cur
        for w in _NAME_WORD.finditer(self.text[cur:min(end, cur + 120)]):
            wp = cur + w.start(1)
            if cur + w.start() != stop or (self.text[wp].islower() and (
                    is_predicate(self.text, wp, end) or fold(self.text[wp:wp + 20]).startswith(("và ", *cues().name_stops)))):
                break
            stop = cur + w.end(1)
        return stop

    def agency_list(self, pos: int, end: int) -> list[Found]:
        """'X, Y và Z' from ``pos``; stops at the first piece that is not an agency."""
        if (pos, end) not in self._lists:
            self._lists[pos, end] = self._agency_list(pos, end)
        return list(self._lists[pos, end])  # the caller's own list

    def _agency_list(self, pos: int, end: int) -> list[Found]:
        found: list[Found] = []
        cur = pos
        while True:
            shared = self.distributed(cur, end)
            a = shared[-1] if shared else self.agency_at(cur, end)
            if a is None:
                break
            found += shared or [a]
            cur = a.span[1]
            q = cues().name_qualifier.match(self.text, cur, end)
            if q:  # "Sở Y tế (cũ)": which of two bodies of one name
                found[-1] = Found(f"{found[-1].text} {_SPACE.sub(' ', q.group(0).strip())}", (found[-1].span[0], q.end()),
                                  found[-1].group)
                cur = q.end()
            m = _LIST_SEP.match(self.text[cur:end])
            if not m or not m.group(0).strip():
                break
            nxt = self.agency_at(cur + m.end(), end)
            if nxt is None:
                break
            cur = cur + m.end()
        return found


@cache
def _last_group_verb() -> re.Pattern:
    """The last word of a group's name when it is also a task verb ('tổ chức'), joined to the
    word before by a space only: 'các sở, ngành tổ chức'."""
    verbs = [w for w in cues().group_heads if is_predicate(w, 0, len(w))]
    return re.compile(rf"(?<=[\p{{L}}\p{{M}}])\s+({alternation(verbs)})$", re.IGNORECASE)


def is_roman(word: str) -> bool:
    return bool(_ROMAN.fullmatch(word))


def is_predicate(text: str, pos: int, end: int) -> bool:
    """Whether a predicate (the task, not the name) starts at ``pos``."""
    word = _LETTERS.match(text, pos, end)
    if word and word.group(0) in cues().predicate_words_exact:
        return True
    return starts_with(fold(text[pos:min(end, pos + 40)]), cues().predicate_words)


def has_word(folded: str, words: tuple[str, ...]) -> bool:
    return bool(_any_word(words).search(folded))


@cache
def _any_word(words: tuple[str, ...]) -> re.Pattern:
    """Any of ``words`` as a whole word."""
    return re.compile(rf"(?<!\p{{L}})(?:{'|'.join(re.escape(w) for w in words)})(?!\p{{L}})")


def starts_with(folded: str, words: tuple[str, ...]) -> bool:
    if not folded.startswith(words):  # one scan in C: most places start no such word
        return False
    return any(folded.startswith(w) and (len(folded) == len(w) or not folded[len(w)].isalnum()) for w in words)


def clean(name: str) -> str:
    return _SPACE.sub(" ", name).strip(" ,;:.-–\t\n")




def _name_key(name: str) -> str:
    return " ".join(_KEY_WORD.findall(fold(name)))


@cache
def _known_names() -> frozenset[str]:
    return frozenset(_name_key(n) for e in lexicon()["agencies"] for n in [e["name"], *e["aliases"]])


def known_name(name: str) -> bool:
    """Whether the lexicon holds ``name`` (case, spacing and punctuation ignored)."""
    return _name_key(name) in _known_names()


@cache
def heads() -> list[str]:
    """Two-word starts of agency names (lower case), longest first: 'ủy ban', 'chủ tịch', …"""
    found = set()
    for e in lexicon()["agencies"]:
        for n in [e["name"], *e["aliases"]]:
            words = fold(n).split()
            if len(words) > 1:
                found.add(" ".join(words[:2]))
    found |= set(cues().name_heads)
    found |= {f"các {w}" for w in cues().group_heads}
    return sorted(found, key=len, reverse=True)


@cache
def _heads_by_start() -> dict[str, tuple[str, ...]]:
    """``heads()`` by their first two letters (each at least two long), longest first."""
    out: dict[str, list[str]] = {}
    for h in heads():
        out.setdefault(h[:2], []).append(h)
    return {k: tuple(v) for k, v in out.items()}


def head_at(text: str, pos: int, end: int) -> int | None:
    """End of an agency head word at ``pos`` (capitalised, or 'các'), or None."""
    if pos >= end or not (text[pos].isupper() or text[pos:pos + 3].lower() == "các"):
        return None
    word = _LETTERS.match(text, pos, end)
    if word and word.group(0).lower() in cues().head_nouns and _NAME_AFTER.match(text, word.end(), end):
        return word.end()  # "Sở Y tế", "Ban Quản lý …" (not "Ban hành", "Hội nghị")
    window = fold(text[pos:min(end, pos + 30)])
    for h in _heads_by_start().get(window[:2], ()):
        if window.startswith(h) and (len(window) == len(h) or not window[len(h)].isalnum()):
            return pos + len(h)
    return None
