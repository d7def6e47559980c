"""The rules of the assignments stage that read requests: "Giao X …", "Đề nghị X …",
"Đề nghị quý cơ quan …" (the addressees), a request to a group whose members are named in
the items below, and the numbered tasks a request introduces; requests recounted from a
cited document are left out. A mixin of ``find.Extractor``."""
from __future__ import annotations


from vanban.extractors.extract.assignments.cues import cues, fold
from vanban.extractors.extract.assignments.details import deadline_in, targets_in
from vanban.extractors.extract.assignments.drafts import _first_sentence, is_vague, reach
from vanban.extractors.extract.assignments.paragraphs import PLAIN, Para
from vanban.extractors.extract.assignments.reader import Found, clean, head_at, is_predicate
from vanban.extractors.extract.header import split_items
from vanban.extractors.segment.patterns import RECIPIENTS_START


# How far back an open quotation mark is looked for: a quoted passage of a few sentences.
_QUOTE_REACH = 1500


def _in_quotation(text: str, at: int) -> bool:
    """Whether ``at`` is inside a passage quoted from another document ('… báo cáo: “… đề nghị
    Ủy ban nhân dân tỉnh xử lý …”'): an opening mark before it that no closing mark has ended."""
    floor = max(0, at - _QUOTE_REACH)
    opened = text.rfind("“", floor, at)
    return opened >= 0 and text.find("”", opened, at) < 0


class RequestRules:
    def _quoted(self, text: str, at: int, offset: int) -> bool:
        """Whether the request at ``at`` of the paragraph ``text`` (at ``offset`` of the
        document) is an earlier document's, recounted: its sentence names that document ('Ngày
        21/10, Sở Nội vụ có Công văn số 29/SNV đề nghị …'), or it stands in a passage quoted
        between “ and ” (which may open paragraphs before)."""
        floor = max(0, at - 400)  # a sentence's own words; bounded, so many requests stay linear
        start = max(text.rfind(". ", floor, at), text.rfind(";", floor, at), floor)
        return bool(cues().quoted_request.search(text, start, at)) or _in_quotation(self.text, offset)

    def _request_at(self, pos: int, verb: str, p: Para, i: int) -> None:
        found = self.reader.agency_list(pos, p.end)
        if not found:
            addressed = cues().addressees.match(self.text, pos, p.end)
            found = self._addressees() if addressed else []
            if not found:
                return
            pos = addressed.end()
            found = [Found(f.text, f.span, f.group) for f in found]
            after = self.reader.skip_space(pos, p.end)
            stop = reach(after, p.end)
            self._add(found, "lead", "request", (after, stop), _first_sentence(self.text[after:stop]),
                      self._partners(after, stop), targets_in(self.text[after:stop]))
            return
        after = self.reader.skip_space(found[-1].span[1], p.end)
        rest_f = fold(self.text[after:min(p.end, after + 40)])
        no_task = not rest_f or rest_f.startswith(cues().no_task_after) and not is_predicate(self.text, after, p.end)
        if no_task and not (verb == "kính trình" and rest_f[:1] in ("", ".")):
            # "dự toán giao cho Sở Y tế hàng năm": no task follows ("Giao Sở Y tế theo dõi …" is a
            # task; "Kính trình UBND tỉnh." asks for the subject)
            return
        role = "lead"  # "Giao X phối hợp …", "Đề nghị X tham gia …": X is given the task
        stop = reach(after, p.end)
        tail = self.text[after:stop]
        scope = (after, stop)
        more: list[tuple[int, int]] = []
        task = _first_sentence(tail)
        if cues().task_list_intro.search(tail.rstrip()):
            items = self._task_list(i)
            if items:
                more = [(q.start, q.end) for q in items]
                numbered = [q for q in items if q.kind in ("arabic", "roman", "letter")]
                if len(numbered) > 1:
                    labels = [self.text[q.start:q.body].strip().rstrip(".)/") for q in numbered]
                    task = f"thực hiện các nội dung {labels[0]}-{labels[-1]}"
        if all(is_vague(f.text) for f in found):
            members = self._members_below(i) if cues().members_intro.search(tail.rstrip()) else []
            if members:
                self._add(members, role, "giao" if verb == "giao" else "request", scope, task, [], targets_in(tail))
                return
            self.closing.append([scope, *more])
            return
        found = [f for f in found if not is_vague(f.text)]
        self._add(found, role, "giao" if verb == "giao" else "request", scope, task, self._partners(after, stop),
                  targets_in(tail), more=more)

    def _closing_sentences(self) -> None:
        """'Ý kiến xin gửi về Bộ Tài chính trước ngày 11/02/2025.': after the last task and
        before the signature, a paragraph that asks for something to be sent by a date gives
        that deadline to the tasks before it that have none."""
        if not self.drafts:
            return
        last = max(d.agency.span[0] for d in self.drafts)
        sig = getattr(self.ctx.segments, "signature", None)
        stop = sig[0] if sig and sig[0] > last else len(self.text)
        for p in self.paras:
            if p.start <= last or p.start >= stop:
                continue
            if cues().closing_submission.search(self.text, p.body, p.end) and deadline_in(self.text[p.body:p.end]):
                self.closing.append([(p.body, p.end)])

    def _sent_on(self, p: Para) -> bool:
        """'Trên đây là ý kiến góp ý của Sở Tư pháp, gửi Sở Nội vụ tổng hợp./.': the agency the
        letter's closing summary is sent to, to act on it, is asked."""
        m = cues().sent_on.match(self.text, p.body, p.end)
        if not m:
            return False
        found = [f for f in self.reader.agency_list(m.end(), p.end) if not is_vague(f.text)]
        if not found:
            return False
        after = self.reader.skip_space(found[-1].span[1], p.end)
        if not is_predicate(self.text, after, p.end):
            return False
        stop = reach(after, p.end)
        self._add(found, "lead", "request", (after, stop), _first_sentence(self.text[after:stop]), [], [])
        return True

    def _members_below(self, i: int) -> list[Found]:
        """'Giao các cơ quan sau thực hiện:' / '- Sở Y tế;' / '- Sở Tài chính.': the agencies the
        items after paragraph ``i`` name alone."""
        out: list[Found] = []
        for q in self.paras[i + 1:]:
            if q.kind is None:
                break
            found = self.reader.agency_list(q.body, q.end)
            if not found or self.text[found[-1].span[1]:q.end].strip(" .;,"):
                break
            out += found
        return out

    def _addressees(self) -> list[Found]:
        """The agencies of the 'Kính gửi' list, each item as printed."""
        span = getattr(self.ctx.segments, "recipients", None)
        if not span:
            return []
        out: list[Found] = []
        pos = span[0]
        for name in split_items(self.text[span[0]:span[1]], RECIPIENTS_START):
            name = clean(name)
            at = self.text.find(name[:12], pos, span[1])
            if not name or len(name) > 150 or at < 0 or not head_at(name, 0, len(name)):
                continue
            pos = at + 1
            out.append(Found(name, (at, at + len(name)), name.lower().startswith("các ")))
        return out

    def _task_list(self, i: int) -> list[Para]:
        """The numbered items after paragraph ``i`` ("… thực hiện một số nội dung sau:") and the
        plain paragraphs among and after them, less those that give a task to someone else."""
        items: list[Para] = []
        rank = None
        for q in self.paras[i + 1:]:
            if q.rank == PLAIN:
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
        return bool(cues().gives_task.search(f))
