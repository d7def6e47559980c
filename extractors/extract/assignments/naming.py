"""One body, one name among the drafts of a document's assignments: a group written short
takes its full name where the document gives it, and names that give the same agency take
the fullest of them."""
from __future__ import annotations

import regex as re

from vanban.extractors.extract.agencies.ids import document_agency_id
from vanban.extractors.extract.agencies.lexicon import expand_abbreviations
from vanban.extractors.extract.assignments.drafts import Draft, _word_key
from vanban.extractors.extract.assignments.reader import Found

# words whose presence does not make another body: "các sở, ngành (có) liên quan"
_MERGE_KEY = re.compile(r"-co-(?=lien-quan)")


def fuller_names(drafts: list[Draft]) -> None:
    """A group named short where the document also names it in full ("Ủy ban nhân dân các
    tỉnh, thành phố" beside "… trực thuộc trung ương") takes the full name."""
    names = dict.fromkeys(d.agency.text for d in sorted(drafts, key=lambda d: d.agency.span[0]) if d.agency.group)
    keys = sorted(((_word_key(n), n) for n in names), key=lambda kn: -len(kn[0]))
    for d in drafts:
        written = d.agency.text
        k = _word_key(written)
        if not d.agency.group or len(k.split()) < 3:
            continue
        longer = next((n for kn, n in keys if len(kn) > len(k) and kn.startswith(k + " ")), None)
        if longer:
            # the first letter as written here: 'Các …' opens a line, 'các …' runs on
            d.agency = Found(written[:1] + longer[1:], d.agency.span, True)


def one_name_per_body(drafts: list[Draft], jur: str) -> None:
    """One body, one name: the drafts whose names give the same agency ("UBND tỉnh" and "Ủy
    ban nhân dân tỉnh Nghệ An"; "các sở, ngành liên quan" and "các sở, ngành có liên quan")
    take the fullest of them, the first letter as written."""
    by_body: dict[str, list[Draft]] = {}
    for d in sorted(drafts, key=lambda d: d.agency.span[0]):
        agency_id = document_agency_id(d.agency.text, jur)
        if agency_id:
            by_body.setdefault(_MERGE_KEY.sub("-", agency_id), []).append(d)
    for named in by_body.values():
        names = dict.fromkeys(d.agency.text for d in named)
        if len(names) < 2:
            continue
        full = max(names, key=lambda n: (len(expand_abbreviations(n).split()), -list(names).index(n)))
        for d in named:
            written = d.agency.text
            d.agency = Found(written[:1] + full[1:] if written[:1].lower() == full[:1].lower() else full,
                             d.agency.span, d.agency.group)
