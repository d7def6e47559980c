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
- [heading] also a duty heading or lead-in over items (``Điều 10. Trách nhiệm của Sở Y tế``,
  ``Đối với X:``, ``X có trách nhiệm:``; ``headings.py``), and [table] the rows of a task
  matrix (``tables.py``). Requests (``requests.py``) also go to the addressees
  (``Đề nghị quý cơ quan …``) and to the members an intro names in the items below it.

Roles: ``support`` for "Phối hợp …"/"Tham gia …" unless the partners are followed by a task
of the subject's own ("phối hợp với Sở Y tế hướng dẫn …"); "Giao X phối hợp …" makes X a lead.
Requests recounted from a cited document ("có Công văn số … đề nghị …") give no task. The
drafts naming one body two ways ("UBND tỉnh", "Ủy ban nhân dân tỉnh Nghệ An") take one name.

An agency merely mentioned is no assignment; groups that name no body ("các cơ quan,
đơn vị, địa phương") lead nothing, and their closing requirements (deadline, report,
recurrence) are passed to the assignments that lack their own. Groups described by their
assignment ("các sở … được phân công chủ trì …") refer back to bodies named elsewhere and
are left out. Text in parentheses is an aside and assigns nothing.
"""
from __future__ import annotations

import bisect

import regex as re

from vanban.schemas import Assignment

from vanban.extractors.extract.agencies.ids import document_agency_id
from vanban.extractors.extract.agencies.lexicon import canonical_agency
from vanban.extractors.extract.agencies.recognize import find_agencies
from vanban.extractors.extract.assignments.cues import cues, fold
from vanban.extractors.extract.assignments.details import deadline_in, recurrence_in, targets_in, without_parens
from vanban.extractors.extract.assignments.drafts import (
    Draft, _first_sentence, body_of, can_hold_task, described_by_assignment, is_vague, reach, task_spans,
)
from vanban.extractors.extract.assignments.paragraphs import (
    Para, Paragraphs, block_end_of, only_spans, outside_distribution,
)
from vanban.extractors.extract.assignments.headings import HeadingRules
from vanban.extractors.extract.assignments.naming import fuller_names, names_read_on, one_name_per_body
from vanban.extractors.extract.assignments.requests import RequestRules
from vanban.extractors.extract.assignments.tables import find_tables
from vanban.extractors.extract.assignments.reader import Found, Reader, clean, is_predicate, starts_with

__all__ = ["extract_assignments", "deadline_in", "recurrence_in", "targets_in", "body_of", "can_hold_task", "is_vague"]

_SPACE = re.compile(r"\s+")
_SENTENCE_STOP = re.compile(r"\. ")

# --- assignments ----------------------------------------------------------------------------------


class Extractor(HeadingRules, RequestRules):
    def __init__(self, ctx):
        self.ctx = ctx
        self.text = ctx.text
        segs = ctx.segments
        # the body and what follows it: a decision's attached plan comes after its signature
        start = segs.body[0] if segs.body and segs.body[1] > segs.body[0] else 0
        body = (start, len(self.text))
        self.body = body
        # the recognizer reads only the paragraphs that can hold a task; the paragraphs are
        # then read again with the names it found (a name hard-wrapped over a line break)
        read = Paragraphs(self.text, *body)
        rough = outside_distribution(read(), segs)
        self.tables = find_tables(self.text, *body)
        spans = sorted(task_spans(rough) + [(t.start, t.end) for t in self.tables])
        readable = only_spans(self.text, _merged(spans))
        for t in self.tables:  # one cell per line: no name runs on over a line break
            if t.kind == "flat":
                readable = readable[:t.start] + readable[t.start:t.end].replace("\n", ";") + readable[t.end:]
        mentions = find_agencies(readable)
        self.paras = outside_distribution(read(mentions), segs)
        self.reader = Reader(self.text, mentions)
        self.drafts: list[Draft] = []
        self.closing: list[list[tuple[int, int]]] = []  # requirements addressed to everyone
        self.covered: set[int] = set()              # paragraph indexes read as a heading's block
        self.headings: set[int] = set()             # paragraph indexes of agency headings
        self._executes_at: dict[int, int] = {}      # where the closing formula starts in a paragraph (-1: none)
        self.sections = self._assignment_sections()
        self.requested = self._requested_items()   # items under "… trân trọng đề nghị:"
        # documents that direct (not reports or news): their sentences "X <verb> …" give tasks
        self.directive = ctx.genre != "news" and (ctx.doc_type or "") not in cues().non_directive_types

    # -- structure

    def _assignment_sections(self) -> list[tuple[int, int]]:
        """Paragraph index ranges of the "Tổ chức thực hiện" parts."""
        out = []
        for i, p in enumerate(self.paras):
            if len(p.text) > 160 or not cues().section_title.search(p.text):
                continue
            if p.kind in (None, "dash") and not (p.text.isupper() or len(p.text) < 60):
                continue
            end = block_end_of(self.paras, i) if p.kind not in (None,) else len(self.paras)
            out.append((i + 1, end))
        return out

    def _requested_items(self) -> set[int]:
        """Indexes of the items under a request addressed to no one in particular ("Văn phòng
        Chính phủ trân trọng đề nghị:"): each item's subject is asked ("1. Bộ Công an báo cáo …")."""
        out: set[int] = set()
        for i, p in enumerate(self.paras):
            if len(p.text) < 200 and cues().request_intro.search(p.text):
                out.update(q.index for q in self._items_under(i))
        return out

    def in_section(self, i: int) -> bool:
        return any(a <= i < b for a, b in self.sections)

    # -- rules

    def run(self) -> list[Assignment]:
        self._table_rows()
        self._duty_headings()
        self._headings()
        for i, p in enumerate(self.paras):
            if i in self.headings:
                continue
            if self._field(p, i):
                # "Cơ quan thực hiện: Sở A rà soát …; các sở và UBND các xã rà soát …"
                self._clauses(p, i, heading_block=True)
                continue
            if self._colon(p, i) or self._sent_on(p):
                continue
            self._clauses(p, i, heading_block=i in self.covered or i in self.requested)
        self._closing_sentences()
        return self._finish()

    def _colon(self, p: Para, i: int) -> bool:
        """'Sở Y tế: Chủ trì, …'"""
        colon = self.text.find(":", p.body, min(p.end, p.body + 160))
        if colon < 0:
            return False
        found = self.reader.agency_list(p.body, colon)
        if not found or self.reader.skip_space(found[-1].span[1], colon) != colon:
            return False
        if self.reader.distributed(found[-1].span[0], p.end) or (
                all(f.group for f in found) and self._group_members(found, colon, p.end)):
            return False  # "Các Bộ: Tài chính, Công an …": members of the group, read as a clause
        task_text = self.text[colon + 1:p.end]
        task_f = fold(task_text.strip())
        if not task_f or task_f[:1].isdigit() or cues().person.match(task_text):
            return False  # "Văn phòng UBND tỉnh: Ông Trần Văn A - Phó Chánh Văn phòng": a member, no task
        # "UBND các phường: Nam Gia Nghĩa, Bắc Gia Nghĩa": a list of names, no task
        pieces = [x.strip() for x in re.split(r"[,;]", re.split(r"\.\s|\.$", task_text.strip())[0]) if x.strip()]
        if len(pieces) > 1 and all(x[:1].isupper() for x in pieces) \
                and not is_predicate(self.text, self.reader.skip_space(colon + 1, p.end), p.end):
            return False
        role = self._role_at(self.reader.skip_space(colon + 1, p.end), p.end)
        scope = (colon + 1, p.end)
        targets = targets_in(task_text)
        self._add(found, role, "colon", scope, _first_sentence(task_text), self._partners(*scope), targets)
        self.covered.add(i)
        return True

    def _field(self, p: Para, i: int) -> bool:
        m = cues().field.match(self.text, p.body, p.end)
        if not m:
            return False
        what = fold(m.group("what") or m.group("what2"))
        role = "support" if what in cues().support_verbs else "lead"
        found = self.reader.agency_list(m.end(), p.end)
        if not found:
            return True
        # the task is the item this field belongs to: the nearest paragraph of a higher rank
        parent = next((q for q in reversed(self.paras[:i]) if q.rank < p.rank), None)
        task = _first_sentence(parent.text) if parent else None
        sib_end = block_end_of(self.paras, parent.index) if parent else i + 1
        scope = (p.start, self.paras[sib_end - 1].end)
        self._add(found, role, "field", scope, task, [], [])
        return True

    def _clauses(self, p: Para, i: int, heading_block: bool = False) -> None:
        """'Giao X …', 'Đề nghị X …', 'X chủ trì …' anywhere in the paragraph."""
        text = without_parens(self.text[p.body:p.end])
        base = p.body
        # where each partner list ends ("phối hợp với A; B"), by the position of its intro
        intros = {m.start(): self._list_end(base + m.end(), p.end) - base for m in cues().partner_intro.finditer(text)}
        starts = sorted(intros)
        stops = [m.start() for m in _SENTENCE_STOP.finditer(text)]
        # clause starts: the paragraph start and after ; . :
        breaks = [(0, 0), *(m.span() for m in cues().clause_break.finditer(text))]
        for start, end in breaks:
            k = bisect.bisect_left(starts, start) - 1
            if start and k >= 0 and intros[starts[k]] > start \
                    and bisect.bisect_left(stops, start) == bisect.bisect_left(stops, starts[k]):
                continue  # "phối hợp với Chủ tịch UBND huyện; thủ trưởng các ngành …": still partners
            self._clause_at(base + end, p, i, heading_block)
        # "giao" / "đề nghị" / "yêu cầu" inside a clause
        for m in cues().request_in_clause.finditer(text):
            before = fold(text[max(0, m.start() - 25):m.start()])
            if cues().not_request_before.search(before) or (fold(m.group("verb")) != "giao" and self._quoted(text, m.start(), base + m.start())):
                continue
            if fold(m.group("verb")) == "kính trình" and not re.search(r"\p{L}", text[max(0, m.start() - 3):m.start()]):
                continue  # the closing formula "Kính trình HĐND tỉnh xem xét, quyết định" (a submitter asks: "Sở X kính trình …")
            self._request_at(base + m.end(), fold(m.group("verb")), p, i)
        # "… chỉ đạo Sở Tài chính chủ trì …": the body directed leads too
        for m in cues().directing.finditer(text):
            found = self.reader.agency_list(base + m.end(), p.end)
            if not found or all(is_vague(f.text) for f in found):
                continue
            after = self.reader.skip_space(found[-1].span[1], p.end)
            if starts_with(fold(self.text[after:after + 40]), cues().lead_verbs):
                stop = reach(after, p.end)
                self._add([f for f in found if not is_vague(f.text)], "lead", "subject", (after, stop),
                          _first_sentence(self.text[after:stop]), self._partners(after, stop),
                          targets_in(self.text[after:stop]))

    def _list_end(self, pos: int, end: int) -> int:
        """Where the agency list at ``pos`` ends (``pos`` when there is none)."""
        found = self.reader.agency_list(pos, end)
        return found[-1].span[1] if found else pos

    def _clause_at(self, pos: int, p: Para, i: int, heading_block: bool) -> None:
        pos = self.reader.skip_space(pos, p.end)
        lead_in = cues().leading_adverbial.match(self.text, pos, p.end)  # "Trong thời hạn 60 ngày, X …"
        if lead_in:
            pos = lead_in.end()
        topic = cues().topic_intro.match(self.text, pos, p.end)  # "Đối với Sở Y tế, tổ chức …"
        found = self.reader.agency_list(topic.end() if topic else pos, p.end)
        if not found:
            return
        after = self.reader.skip_space(found[-1].span[1], p.end)
        if topic:
            if not self.text.startswith(",", after) or not is_predicate(self.text, self.reader.skip_space(after + 1, p.end), p.end):
                return  # "Đối với Sở Y tế:" heads a block (headings.py); "Đối với X, Y …" is no task of X
            after = self.reader.skip_space(after + 1, p.end)
        if all(f.group for f in found):
            named = self._group_members(found, after, p.end)
            if named:
                found, after = named
        after = self._skip_apposition(after, p.end)
        aside = cues().function_aside.match(self.text, after, p.end)
        if aside and is_predicate(self.text, aside.end(), p.end):
            after = aside.end()  # "… căn cứ chức năng, nhiệm vụ phối hợp …"
        if not all(is_vague(f.text) for f in found):
            found = [f for f in found if not is_vague(f.text)]  # "X và các cơ quan …": X leads
        # "Sở Tài chính, trên cơ sở đề xuất của …, chủ trì …": one aside between commas
        rest = self.text[after:min(p.end, after + 200)]
        if rest.startswith(","):
            # the aside runs to the comma before the duty verb ("…, trên cơ sở đề xuất của các
            # cơ quan, đơn vị, địa phương, chủ trì …")
            aside = next((c.end() for c in re.finditer(r",\s*", rest[1:160]) if not re.search(r"[;.]", rest[:c.start() + 1])
                          and starts_with(fold(rest[1 + c.end():]), cues().lead_verbs + cues().support_verbs)), None)
            if aside is None:
                return
            after += 1 + aside
        rest_f = fold(self.text[after:min(p.end, after + 60)])
        if starts_with(rest_f, ("chủ trì",)) and starts_with(rest_f[len("chủ trì"):].strip(), cues().chair_objects):
            return
        modal = starts_with(self.text[after:after + 10], cues().modals)
        if starts_with(rest_f, cues().lead_verbs):
            role = "lead"
        elif modal and (self.directive or self.in_section(i) or heading_block) and not self._is_issuer(found[0].text):
            role = "lead"  # "Các lực lượng chức năng phải …"
        elif starts_with(rest_f, cues().support_verbs):
            role = self._role_at(after, p.end)
        elif (self.in_section(i) or heading_block) and rest_f and starts_with(rest_f, cues().predicate_words):
            role = "lead"
        elif self.directive and starts_with(rest_f, cues().predicate_words) and not starts_with(rest_f, cues().not_tasks) \
                and not self._is_issuer(found[0].text):
            # a directive's sentence that starts with an agency and its task
            role = "lead"
        else:
            return
        if "thi hành" in rest_f[:40] and "này" in rest_f[:60] or self._in_executes(p, after):
            return  # the closing formula: see _executes
        stop = reach(after, p.end)
        # the lead-in's time ("Hằng năm, X báo cáo …") is the task's recurrence or deadline
        scope = (lead_in.start() if lead_in else after, stop)
        # "X … thực hiện một số nhiệm vụ sau:": the items below are X's, their deadline too
        more = [(q.start, q.end) for q in self._task_list(i)] \
            if cues().task_list_intro.search(self.text[after:stop].rstrip()) else []
        self._add(found, role, "subject", scope, _first_sentence(self.text[after:stop]), self._partners(after, stop),
                  targets_in(self.text[after:stop]), more=more)

    def _in_executes(self, p: Para, pos: int) -> bool:
        """Whether ``pos`` is in the subject list of the closing formula: 'Thủ trưởng các đơn vị
        thực hiện dịch vụ vệ sinh môi trường, … chịu trách nhiệm thi hành Quyết định này' (the
        sentence goes on to the formula)."""
        if p.index not in self._executes_at:
            m = cues().executes.search(self.text, p.body, p.end)
            self._executes_at[p.index] = m.start() if m else -1
        at = self._executes_at[p.index]
        return pos < at and not _SENTENCE_STOP.search(self.text, pos, at)

    def _group_members(self, groups: list[Found], pos: int, end: int) -> tuple[list[Found], int] | None:
        """The members a group names after a colon or in parentheses, and where the text goes on:
        'Các sở, ngành: Văn phòng UBND tỉnh, Sở Tư pháp chuẩn bị …', 'Các sở được phân công
        (Nội vụ, Tư pháp) tăng cường …' (a member without a head takes the group's)."""
        words = fold(groups[0].text).split()
        nouns = {fold(n): n for n in cues().distributive_nouns}
        noun = nouns.get(words[1].strip(",")) if len(words) > 1 and words[0] == "các" else None
        if self.text.startswith(":", pos):
            start, stop = pos + 1, end
        else:
            m = re.match(r"[^.;:()]{0,160}\(", self.text[pos:end])
            close = self.text.find(")", pos + m.end(), end) if m else -1
            if close < 0:
                return None
            start, stop = pos + m.end(), close
        members = self.reader.members(noun, start, stop) if noun else self.reader.agency_list(start, stop)
        if not members:
            return None
        after = self.reader.skip_space(stop + 1 if stop < end else members[-1].span[1], end)
        return (members, after) if is_predicate(self.text, after, end) else None

    def _skip_apposition(self, pos: int, end: int) -> int:
        """Past an apposition that ends at the predicate: 'Bộ Tài chính - Phó Trưởng ban Thường
        trực Ban Chỉ đạo 389 quốc gia | tập trung …'; ``pos`` itself when there is none."""
        m = cues().apposition.match(self.text, pos, end)
        if not m:
            return pos
        for n, w in enumerate(re.finditer(r"[^\s,;.:]+|[,;.:]", self.text[m.end():min(end, m.end() + 200)])):
            at = m.end() + w.start()
            if w.group(0) in ",;.:" or n > 15:
                return pos
            if n and self.text[at].islower() and is_predicate(self.text, at, end):
                return at
        return pos

    def _role_at(self, pos: int, end: int) -> str:
        """The role a task starting at ``pos`` gives: support for "Phối hợp …"/"Tham gia …",
        unless the partners are followed by a task of the subject's own ("Phối hợp với Sở Y tế
        hướng dẫn …"); lead otherwise."""
        if not starts_with(fold(self.text[pos:pos + 40]), cues().support_verbs):
            return "lead"
        m = cues().partner_intro.match(self.text, pos, end)
        found = self.reader.agency_list(m.end(), end) if m else []
        place = cues().partner_place.match(self.text, m.end(), end) if m and not found else None
        if found or place:  # "phối hợp với Sở Y tế …", "phối hợp chặt chẽ với Tỉnh để …"
            # past the rest of the partners ("các Bộ, ngành, lực lượng chức năng tăng …")
            after = found[-1].span[1] if found else place.end()
            for w in re.finditer(r"[^\s,.;:()]+|[.;:()]", self.text[after:min(end, after + 80)]):
                if w.group(0) in ".;:()":
                    break
                if starts_with(fold(self.text[after + w.start():after + w.start() + 40]), cues().own_task_verbs):
                    return "lead"
        return "support"

    def _is_issuer(self, name: str) -> bool:
        if not self.ctx.issuer:
            return False
        jur = self.ctx.jurisdiction
        return canonical_agency(name, jur)[0] == canonical_agency(self.ctx.issuer, jur)[0]

    def _executes(self) -> list[Assignment]:
        out = []
        bodies = [q.body for q in self.paras]
        for m in cues().executes.finditer(self.text, *self.body):
            # the subject list runs back to the start of the paragraph
            k = bisect.bisect_right(bodies, m.start()) - 1  # the paragraphs do not overlap
            para = self.paras[k] if k >= 0 and m.start() < self.paras[k].end else None
            if para is None:
                continue
            start = para.body
            subject = self.text[start:m.start()]
            subject = re.sub(r"^\s*(?:Điều\s+\d+\s*[.:]?\s*)", "", subject)
            lead_in = len(self.text[start:m.start()]) - len(subject)
            for piece in re.finditer(r"[^,;]+?(?=\s*(?:,|;|\bvà\b|$))", subject):
                raw = clean(piece.group(0))
                raw = re.sub(r"^(?:và|các)\s+(?=\p{Lu})", "", raw).strip()
                if not raw or len(raw) < 3:
                    continue
                body_name = body_of(raw)
                if not body_name:
                    continue
                s = start + lead_in + piece.start() + piece.group(0).find(raw.split()[0])
                agency_id = document_agency_id(body_name, self.ctx.jurisdiction.id)
                out.append(Assignment(agency=body_name, agency_id=agency_id, role="executes",
                                      task=_SPACE.sub(" ", m.group(0)), section=self._path(m.start()),
                                      span=(s, s + len(raw)), rule="executes"))
        return out

    # -- helpers

    def _partners(self, start: int, end: int) -> list[str]:
        text = without_parens(self.text[start:end])
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
            if described_by_assignment(ff):
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

    def _finish(self) -> list[Assignment]:
        out: list[Assignment] = []
        seen: set[tuple] = set()
        names_read_on(self.drafts, self.text)
        fuller_names(self.drafts)
        one_name_per_body(self.drafts, self.ctx.jurisdiction.id)
        for d in sorted(self.drafts, key=lambda d: d.agency.span[0]):
            key = (d.agency.span, d.role)
            if key in seen:
                continue
            seen.add(key)
            pieces = [d.scope, *d.more]
            scope_text = "\n".join(self.text[a:b] for a, b in pieces)
            agency_id = document_agency_id(d.agency.text, self.ctx.jurisdiction.id)
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
                deadline=d.deadline or deadline_in(scope_text),
                recurrence=recurrence_in(without_parens(scope_text)),
                report_to=report_to,
                section=self._path(d.agency.span[0]),
                span=d.agency.span,
                rule=d.rule,
            ))
        # requirements addressed to everyone ("Yêu cầu các đơn vị, địa phương … trước ngày …")
        for pieces in self.closing:
            scope_text = "\n".join(self.text[a:b] for a, b in pieces)
            deadline = deadline_in(scope_text)
            recurrence = recurrence_in(without_parens(scope_text))
            report_to = self._report_to(pieces)
            for a in out:
                if a.role == "executes":
                    continue
                # set only what changes: a document of thousands of tasks has hundreds of these
                if not a.deadline and a.deadline is not deadline:
                    a.deadline = deadline
                if not a.recurrence and a.recurrence is not recurrence:
                    a.recurrence = recurrence
                if report_to and not a.report_to and fold(report_to) not in fold(a.agency):
                    a.report_to = report_to
        out += self._executes()
        return out

    def _report_to(self, pieces: list[tuple[int, int]]) -> str | None:
        for start, end in pieces:
            text = without_parens(self.text[start:end])
            for pat in (cues().report_to, cues().report_direct):
                for m in pat.finditer(text):
                    found = self.reader.agency_at(start + m.end(), end, bodies=False)
                    if found is not None and not is_vague(found.text):
                        return found.text
        return None


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def extract_assignments(ctx) -> list[Assignment]:
    """Every task the document gives to an agency, in text order, then the closing formula."""
    if not ctx.text.strip():
        return []
    return Extractor(ctx).run()
