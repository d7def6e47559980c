"""The vocabulary of the assignments stage: the cue lists of models/assignment_cues.json
and the patterns built from them.

``cues()`` loads the lists once, on first use, with the patterns whose grammar lives
here and whose words come from the data. ``fold`` is how the lists are compared with
the text.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import regex as re

from vanban import models
from vanban.extractors.common.folding import fold_case, fold_tones, squeeze_spaces


def fold(text: str) -> str:
    """Lower case, whitespace collapsed, new tone placement ('uỷ' -> 'ủy', 'hoà' -> 'hòa'):
    how the cue lists are compared with the text."""
    return _fold_short(text) if len(text) <= _SHORT else _fold(text)


def _fold(text: str) -> str:
    return fold_tones(fold_case(squeeze_spaces(text)))


# The rules fold the same short windows of text (the 40 characters at a position) again and
# again: those are remembered; a long text is folded each time (it would fill the memory).
_SHORT = 64
_fold_short = lru_cache(maxsize=1 << 14)(_fold)


def alternation(words, *, loose: bool = False) -> str:
    """A regex alternation of ``words`` in their order, any run of spaces between words;
    ``loose``: each letter with diacritics also matches its bare letter ('t[ổo]')."""
    out = []
    for w in words:
        piece = re.escape(w).replace(r"\ ", r"\s+")
        if loose:
            piece = "".join(
                f"[{c}{base}]" if (base := unicodedata.normalize("NFD", c)[0]) != c else c for c in piece
            )
        out.append(piece)
    return "|".join(out)


@dataclass(frozen=True)
class Cues:
    lead_verbs: tuple[str, ...]
    support_verbs: tuple[str, ...]
    own_task_verbs: tuple[str, ...]
    predicate_words: tuple[str, ...]
    predicate_words_exact: tuple[str, ...]
    no_task_after: tuple[str, ...]
    not_tasks: tuple[str, ...]
    heading_stop_words: tuple[str, ...]
    vague_group_words: frozenset[str]
    chair_objects: tuple[str, ...]
    modals: tuple[str, ...]
    member_heads: tuple[str, ...]
    distributive_nouns: tuple[str, ...]
    name_tails: tuple[str, ...]
    name_stops: tuple[str, ...]
    head_nouns: tuple[str, ...]
    name_heads: tuple[str, ...]
    group_heads: tuple[str, ...]
    titles_keeping_office: dict[str, str]
    request_verbs: tuple[str, ...]
    non_directive_types: tuple[str, ...]
    # patterns
    position_prefix: re.Pattern
    titles: re.Pattern
    head_titles: re.Pattern
    apposition: re.Pattern
    distributive: re.Pattern
    section_title: re.Pattern
    duty_start: re.Pattern
    person: re.Pattern
    described_group: re.Pattern
    described_group_stop: re.Pattern
    duty_end: re.Pattern
    request_start: re.Pattern
    request_intro: re.Pattern
    request_in_clause: re.Pattern
    clause_break: re.Pattern
    not_request_before: re.Pattern
    quoted_request: re.Pattern
    gives_task: re.Pattern
    task_list_intro: re.Pattern
    field: re.Pattern
    executes: re.Pattern
    recurrence: re.Pattern
    deadline_cue: re.Pattern
    quarter_cue: re.Pattern
    day_cue: re.Pattern
    closing_submission: re.Pattern
    topic_intro: re.Pattern
    name_qualifier: re.Pattern
    leading_adverbial: re.Pattern
    sent_on: re.Pattern
    partner_place: re.Pattern
    report_to: re.Pattern
    report_direct: re.Pattern
    task_word: re.Pattern
    partner_intro: re.Pattern
    function_aside: re.Pattern
    directing: re.Pattern
    addressees: re.Pattern
    members_intro: re.Pattern
    table_columns: dict[str, tuple[str, ...]]
    table_lead_label: re.Pattern
    table_end: re.Pattern


def _words(data: dict, key: str) -> tuple[str, ...]:
    return tuple(data[key]["words"])


def _task_words(d: dict) -> list[str]:
    """The duty, request, modal and predicate words, folded, longest first."""
    keys = ("lead_verbs", "support_verbs", "predicate_words", "request_verbs", "modals",
            "field_roles_alone")
    return sorted({fold(x) for k in keys for x in _words(d, k)}, key=len, reverse=True)


@cache
def cues() -> Cues:
    """The cue lists and the patterns built from them (loaded once)."""
    d = models.load_json("assignment_cues.json")
    w = lambda key: _words(d, key)  # noqa: E731
    alt = lambda key, **kw: alternation(w(key), **kw)  # noqa: E731
    requests = alt("request_verbs")
    # a title and what joins it to the next one: "Giám đốc, Thủ trưởng các sở"
    joined = r"(?:\s*,\s*|\s+và\s+|\s+(?=\S))"
    return Cues(
        lead_verbs=w("lead_verbs"),
        support_verbs=w("support_verbs"),
        own_task_verbs=w("own_task_verbs"),
        predicate_words=w("predicate_words"),
        predicate_words_exact=w("predicate_words_exact"),
        no_task_after=w("no_task_after"),
        not_tasks=w("not_tasks"),
        heading_stop_words=w("heading_stop_words"),
        vague_group_words=frozenset(w("vague_group_words")),
        chair_objects=w("chair_objects"),
        modals=w("modals"),
        member_heads=w("member_heads"),
        distributive_nouns=w("distributive_nouns"),
        name_tails=w("name_tails"),
        name_stops=w("name_stops"),
        head_nouns=w("head_nouns"),
        name_heads=w("name_heads"),
        group_heads=w("group_heads"),
        titles_keeping_office={k: v for k, v in d["titles_keeping_office"].items() if not k.startswith("_")},
        request_verbs=w("request_verbs"),
        non_directive_types=w("non_directive_types"),
        position_prefix=re.compile(rf"^(?:{alt('position_titles')})\s+(?:các\s+)?", re.IGNORECASE),
        titles=re.compile(rf"(?:(?:{alt('office_holder_titles')}){joined})+", re.IGNORECASE),
        # "các đồng chí" / "các ông bà" in front of the heads is a form of address
        head_titles=re.compile(
            rf"(?:(?:các\s+)?(?:đồng\s+chí|ông\s*,?\s*bà)\s+)?(?:(?:{alt('head_titles')}){joined})+", re.IGNORECASE
        ),
        apposition=re.compile(rf"\s*[-–]\s*(?=(?:{alt('apposition_starts')})\b)"),
        # "các Tập đoàn: A, B" and "các Sở Tài chính, Xây dựng": one head noun shared by each name
        distributive=re.compile(
            rf"các\s+(?P<noun>{alt('distributive_nouns')})(?:\s*(?P<colon>:)\s*|\s+(?=\p{{Lu}}))", re.IGNORECASE
        ),
        section_title=re.compile(alt("section_titles", loose=True), re.IGNORECASE),
        duty_start=re.compile(rf"\s*(?:{alt('duty_heading_starts')})\s+", re.IGNORECASE),
        duty_end=re.compile(rf"\s*(?:{alt('duty_heading_ends')})?\s*(?:như\s+sau|sau)?\s*[:.]?\s*$", re.IGNORECASE),
        request_start=re.compile(rf"\s*(?:{requests})\s+(?:cho\s+)?", re.IGNORECASE),
        request_intro=re.compile(rf"(?<!\p{{L}})(?:{requests})(?:\s+(?:các\s+)?nội\s+dung\s+sau(?:\s+đây)?)?\s*:\s*$", re.IGNORECASE),
        request_in_clause=re.compile(rf"(?<![\p{{L}}])(?P<verb>{requests})\s+(?:nhiệm\s+vụ\s+)?(?:cho\s+)?", re.IGNORECASE),
        # where a clause starts inside a paragraph: the white space after ; . : (the
        # punctuation is read, not looked behind at: a scan for it is fast), and after a comma
        # before a request verb
        clause_break=re.compile(rf"[;.:]\K\s+|,\K\s+(?=(?:đồng\s+thời\s+)?(?:{requests})\b)", re.IGNORECASE),
        not_request_before=re.compile(rf"(?:{alt('not_request_before')})\s*$"),
        quoted_request=re.compile(rf"(?<!\p{{L}})(?:{alt('quoted_sources')})\s+số\s+\S", re.IGNORECASE),
        gives_task=re.compile(rf"(?:^|[;.:]\s*)(?:đồng thời\s+)?(?:{requests})\s"),
        task_list_intro=re.compile(
            rf"(?:một\s+số|các)\s+(?:{alt('task_list_nouns')})[^.;:]{{0,40}}?(?:sau|như\s+sau)\s*:?\s*$", re.IGNORECASE
        ),
        field=re.compile(
            rf"(?P<label>(?:{alt('field_bodies')})\s+(?P<what>{alt('field_roles')})|(?P<what2>{alt('field_roles_alone')}))"
            r"(?:\s+[\p{L}]+){0,4}?\s*:\s*",
            re.IGNORECASE,
        ),
        executes=re.compile(rf"chịu\s+trách\s+nhiệm\s+thi\s+hành\s+(?:{alt('executes_documents')})?\s*này", re.IGNORECASE),
        # "định kỳ hàng tháng", "hằng quý", "định kỳ 6 tháng", "3 tháng một lần"
        recurrence=re.compile(
            rf"(?:(?P<dk>định\s+kỳ)\s+)?(?:(?P<every>(?:hàng|hằng)\s+(?:{alt('recurrence_periods')}))"
            r"|(?P<months>\d{1,2})\s+tháng(?P<once>\s*(?:một|1)\s+lần)?)",
            re.IGNORECASE,
        ),
        deadline_cue=re.compile(rf"(?:{alt('deadline_cues')})\s*(?:ngày|trong|là|vào|:)?\s*(?:ngày)?\s*$", re.IGNORECASE),
        quarter_cue=re.compile(rf"(?:{alt('deadline_cues')}|{alt('quarter_cues')})\s*(?:là|vào|trong|:)?\s*$", re.IGNORECASE),
        day_cue=re.compile(rf"(?<!\p{{L}})(?:{alt('day_cues')})\s*$", re.IGNORECASE),
        # "Trên đây là ý kiến của …, gửi Sở Nội vụ tổng hợp": the summary, then who it goes to
        partner_place=re.compile(rf"(?:{alt('partner_places')})(?!\p{{L}})", re.IGNORECASE),
        sent_on=re.compile(rf"\s*(?:{alt('closing_summaries')})\s[^.;]{{0,300}}?,\s*gửi\s+(?:cho\s+|đến\s+)?", re.IGNORECASE),
        leading_adverbial=re.compile(rf"(?:{alt('leading_adverbials')})(?!\p{{L}})[^.;:,]{{0,80}},\s*", re.IGNORECASE),
        name_qualifier=re.compile(rf"\s*\(\s*(?:{alt('name_qualifiers')})\s*\)", re.IGNORECASE),
        topic_intro=re.compile(rf"(?:{alt('topic_intros')})\s+", re.IGNORECASE),
        closing_submission=re.compile(rf"(?<!\p{{L}})(?:{alt('closing_submissions')})(?!\p{{L}})", re.IGNORECASE),
        report_to=re.compile(
            rf"(?:báo\s+cáo(?P<mid>[^.;:]{{0,80}}?)\s(?:{alt('report_prepositions')})|gửi\s+(?:báo\s+cáo\s+)?về)"
            rf"\s+(?!{alt('report_not_recipients')})",
            re.IGNORECASE,
        ),
        # a word without which no paragraph holds a task (compared with folded text)
        task_word=re.compile(rf"(?<!\p{{L}})(?:{alternation(_task_words(d))})(?!\p{{L}})"),
        table_columns={c: tuple(sorted((fold(x) for x in w(f"table_{c}_columns")), key=len, reverse=True))
                       for c in ("lead", "partner", "time", "task")},
        table_lead_label=re.compile(rf"(?:^|\|)\s*\**(?:{alt('table_lead_columns')})\**\s*(?:$|\|)", re.IGNORECASE | re.MULTILINE),
        table_end=re.compile(rf"\s*(?:{alt('table_ends')})"),
        addressees=re.compile(rf"\s*(?:{alt('addressee_words')})(?!\p{{L}})", re.IGNORECASE),
        members_intro=re.compile(rf"(?<!\p{{L}})(?:{alt('members_intro')})(?!\p{{L}})[^.;:]{{0,200}}:\s*$", re.IGNORECASE),
        directing=re.compile(rf"(?<!\p{{L}})(?:{alt('directing_verbs')})\s+", re.IGNORECASE),
        # "Ông Trần Văn A": a person named, the honorific in any case, the name capitalised
        person=re.compile(rf"\s*(?i:{alt('person_honorifics')})\s+\p{{Lu}}"),
        # "Các đơn vị cấp nước sạch trên địa bàn | có trách nhiệm": a group described up to its duty
        described_group=re.compile(r"\s*([^.;:()]{1,150}?)\s*(?=(?:có|chịu)\s+trách\s+nhiệm(?!\p{L}))", re.IGNORECASE),
        described_group_stop=re.compile(
            rf"(?<!\p{{L}})(?:{alternation([*_words(d, 'described_group_stops'), *(w.strip() for w in _words(d, 'name_stops')), *_words(d, 'modals')])})(?!\p{{L}})"
        ),
        function_aside=re.compile(
            rf"\s*,?\s*(?:{alt('function_asides')})\s+(?:chức\s+năng|nhiệm\s+vụ)[\s,]+(?:(?:và\s+)?(?:nhiệm\s+vụ|quyền\s+hạn|"
            rf"thẩm\s+quyền|lĩnh\s+vực)[\s,]*)*(?:(?:được\s+giao|của\s+mình|quản\s+lý)\s*)?,?\s*",
            re.IGNORECASE,
        ),
        # "phối hợp chặt chẽ với …": what comes before the partners
        partner_intro=re.compile(rf"(?:{alt('support_verbs')})\s+(?:chặt\s+chẽ\s+)?(?:với\s+)?", re.IGNORECASE),
        report_direct=re.compile(rf"báo\s+cáo\s+(?=(?:{alt('report_direct_recipients')})(?!\p{{L}}))", re.IGNORECASE),
    )
