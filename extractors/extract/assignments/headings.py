"""The rules of the assignments stage that read an agency from a line above its tasks:
numbered headings that name agencies ("1. Ban Dân tộc tỉnh" then bullets), duty headings and
lead-ins ("Điều 10. Trách nhiệm của Sở Y tế", "Đối với X:", "X có trách nhiệm:"), and the
rows of task matrices. A mixin of ``find.Extractor``: it uses the extractor's paragraphs,
reader and drafts."""
from __future__ import annotations

from vanban.extractors.extract.assignments.cues import cues, fold
from vanban.extractors.extract.assignments.details import deadline_in, targets_in
from vanban.extractors.extract.assignments.drafts import Draft, _first_sentence, described_by_assignment, is_vague
from vanban.extractors.extract.assignments.paragraphs import Para, block_end_of
from vanban.extractors.extract.assignments.reader import Found, clean, has_word, head_at, starts_with
from vanban.extractors.extract.assignments.tables import rows


class HeadingRules:
    def _heading_candidates(self) -> dict[int, tuple]:
        """Numbered headings that name agencies and open a block, by paragraph index:
        (agencies, first paragraph of the block, block end, whether a duty verb or an
        address ('Đề nghị …') marks them as assignments)."""
        cands: dict[int, tuple] = {}
        for i, p in enumerate(self.paras):
            if p.kind in (None, "dash", "article") or len(p.text) > 200:
                continue
            block_end = block_end_of(self.paras, i)
            first = self.paras[i + 1] if i + 1 < block_end else None
            if first is None and not p.text.endswith(":"):
                continue
            m = cues().request_start.match(self.text[p.body:p.end])
            found = self.reader.agency_list(p.body + (m.end() if m else 0), p.end)
            if not found:
                continue
            # what is left after the names: modifiers of the last one ("… vùng đồng bào dân tộc
            # thiểu số và miền núi"), or words that make the heading a topic, not a name
            last = found[-1]
            rest = clean(self.text[last.span[1]:p.end])
            rest_f = fold(rest)
            if rest_f and (has_word(rest_f, cues().heading_stop_words) or head_at(rest, 0, len(rest)) is not None) \
                    and not described_by_assignment(rest_f):
                continue
            if rest_f:
                found[-1] = Found(clean(self.text[last.span[0]:p.end]), (last.span[0], p.end), last.group)
            marked = m is not None or (first is not None and starts_with(fold(first.text), cues().lead_verbs + cues().support_verbs))
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
            if i in self.headings:
                continue
            if not (marked or self.in_section(i) or (parent[i], self.paras[i].rank) in marked_families):
                continue
            scope = (first.start if first else self.paras[i].end, self.paras[block_end - 1].end)
            # support when every item of the block only joins another's task
            # support when the first item only joins another's task and no later item gives one
            items = [q for q in self.paras[i + 1:block_end] if first is not None and q.rank == first.rank]
            role = self._role_at(first.body, first.end) if first else "lead"
            if role == "support" and any(starts_with(fold(q.text[:40]), cues().lead_verbs + cues().own_task_verbs)
                                         for q in items[1:]):
                role = "lead"
            task = _first_sentence(first.text) if first else None
            targets = targets_in(self.text[scope[0]:scope[1]])
            self._add(found, role, "heading", scope, task, self._partners(*scope), targets)
            self.headings.add(i)
            self.covered.update(range(i + 1, block_end))

    def _table_rows(self) -> None:
        """The rows of the task matrices: the lead cell's agencies lead the row's task."""
        for table in self.tables:
            for row in rows(self.text, table, self._names_only):
                partners = [self.text[a:b] for a, b in row.partners]
                leads = [Found(clean(self.text[a:b]), (a, b), is_vague(self.text[a:b])) for a, b in row.leads]
                deadline = deadline_in(f"Thời gian: {row.time}") if row.time else None
                for f in leads:
                    if is_vague(f.text) and len(leads) > 1:
                        continue
                    self.drafts.append(Draft(f, "lead", "table", row.span, task=_first_sentence(row.task) or None,
                                             partners=[clean(x) for x in partners if clean(x) != f.text],
                                             targets=targets_in(row.task), deadline=deadline))

    def _names_only(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans of the agencies a cell holds, when it holds nothing else."""
        found = self.reader.agency_list(self.reader.skip_space(start, end), end)
        if not found or self.text[found[-1].span[1]:end].strip(" .;,*"):
            return []
        return [f.span for f in found]

    def _duty_headings(self) -> None:
        """'Điều 10. Trách nhiệm của Sở Y tế', 'Nhiệm vụ của X:', 'Đối với X:', 'X có trách
        nhiệm:', 'X thực hiện các nhiệm vụ sau:': the agencies lead the items below the line
        (the block of a marked heading, the marked items after a plain lead-in)."""
        for i, p in enumerate(self.paras):
            if len(p.text) > 200 or i in self.headings:
                continue
            # "Điều 2. Giao Giám đốc Sở Giáo dục và Đào tạo" over its clauses too
            m = cues().duty_start.match(self.text, p.body, p.end)
            asked = cues().request_start.match(self.text, p.body, p.end) if m is None else None
            m = m or asked
            start = m.end() if m else p.body
            found = self.reader.agency_list(start, p.end)
            members = None
            nxt = self.paras[i + 1] if i + 1 < len(self.paras) else None
            if found and nxt is not None and nxt.kind is None and self.text[found[-1].span[1]:p.end].strip() == ":":
                # 'Trách nhiệm của các Sở:' / 'Xây dựng, Tài chính, Nội vụ.': the members on the next line
                longer = self.reader.agency_list(start, nxt.end)
                if longer and longer[-1].span[1] > nxt.body and not self.text[longer[-1].span[1]:nxt.end].strip(" .;"):
                    found, members = longer, nxt.index
            if not found or all(is_vague(f.text) for f in found):
                continue
            end = cues().duty_end.match(self.text, found[-1].span[1], nxt.end if members else p.end)
            if end is None or (m is None and not self.text[end.start():end.end()].strip(" :.")):
                continue  # 'Sở Y tế' alone is no lead-in; 'Đối với Sở Y tế' is
            if asked and self.text[end.start():end.end()].strip(" :."):
                continue  # 'Yêu cầu X thực hiện các nội dung sau:' is a request (requests.py)
            items = [q for q in self._items_under(i) if q.index != members]
            # the items give tasks ('Chủ trì …', 'Hướng dẫn …'), not sub-headings or findings
            if not items or not starts_with(fold(items[0].text[:40]), cues().lead_verbs + cues().support_verbs
                                            + cues().predicate_words + cues().own_task_verbs):
                continue
            first = items[0]
            role = self._role_at(first.body, first.end)
            if role == "support" and any(starts_with(fold(q.text[:40]), cues().lead_verbs + cues().own_task_verbs)
                                         for q in items[1:] if q.rank == first.rank):
                role = "lead"
            scope = (first.start, items[-1].end)
            found = [f for f in found if not is_vague(f.text)]
            self._add(found, role, "heading", scope, _first_sentence(first.text), self._partners(*scope),
                      targets_in(self.text[scope[0]:scope[1]]))
            self.headings.add(i)
            self.covered.update(q.index for q in items)

    def _items_under(self, i: int) -> list[Para]:
        """The paragraphs a line heads: the block of a marked line; after a plain one, the marked
        items that follow it (up to a plain paragraph or one of a lower rank than the first)."""
        p = self.paras[i]
        if p.kind is not None:
            return self.paras[i + 1:block_end_of(self.paras, i)]
        items: list[Para] = []
        for q in self.paras[i + 1:]:
            if q.kind is None or (items and q.rank < items[0].rank):
                break
            items.append(q)
        return items
