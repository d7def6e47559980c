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
# a tier and its members are one body: "UBND cấp xã" and "UBND các xã, phường" ("… các huyện,
# thị xã, thành phố" and "… cấp huyện"), the first level word the tier's, the others of its level
# (a list of level words is the tier too: "Ủy ban nhân dân tỉnh, thành phố" is "… các tỉnh, thành phố")
_TIER = re.compile(r"^(?P<jur>[^/]+)/(?:group/)?(?P<body>[a-z-]+?)-(?P<each>ca[cp]-)?(?P<tier>xa|huyen|tinh)(?P<rest>(?:-[a-z]+)*)$")
_TIER_WORDS = {
    "xa": ("phuong", "thi-tran", "dac-khu"),
    "huyen": ("quan", "thi-xa", "thanh-pho"),
    "tinh": ("thanh-pho",),
}


def _body_key(agency_id: str) -> str:
    key = _MERGE_KEY.sub("-", agency_id)
    m = _TIER.match(key)
    if m and (m.group("each") or m.group("rest")) and _only_words(m.group("rest"), _TIER_WORDS[m.group("tier")]):
        return f"{m.group('jur')}/tier/{m.group('body')}-{m.group('tier')}"
    return key


def _only_words(rest: str, words: tuple[str, ...]) -> bool:
    """Whether ``rest`` ('-phuong-thi-tran') is made of ``words`` only."""
    while rest:
        word = next((w for w in words if rest.startswith(f"-{w}") and rest[len(w) + 1:len(w) + 2] in ("", "-")), None)
        if word is None:
            return False
        rest = rest[len(word) + 1:]
    return True


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


_WORD = re.compile(r"[\p{L}\p{M}\p{N}]+")


def names_read_on(drafts: list[Draft], text: str) -> None:
    """A name cut short at a word read as its task ('Trung tâm Điều hành chương | trình chống
    ngập nước Thành phố chịu trách nhiệm …') where the text goes on with the longer name of
    another draft takes that name and its span."""
    keys = {d.agency.text: _word_key(d.agency.text) for d in drafts}
    # the longer names by their first two words: a name is only cut from one that starts alike
    by_start: dict[str, list[tuple[str, str]]] = {}
    for kn, name in sorted({(k, n) for n, k in keys.items()}, key=lambda kn: -len(kn[0])):
        by_start.setdefault(" ".join(kn.split()[:2]), []).append((kn, name))
    for d in drafts:
        k = keys[d.agency.text]
        for kn, name in by_start.get(" ".join(k.split()[:2]), ()):
            if len(kn) <= len(k):
                break
            if not kn.startswith(k + " "):
                continue
            start = d.agency.span[0]
            words = list(_WORD.finditer(text, start, min(len(text), start + len(name) + 40)))[:len(kn.split())]
            if words and _word_key(text[start:words[-1].end()]) == kn:
                d.agency = Found(text[start:words[-1].end()].replace("\n", " "), (start, words[-1].end()), d.agency.group)
            break


def one_name_per_body(drafts: list[Draft], jur: str) -> None:
    """One body, one name: the drafts whose names give the same agency ("UBND tỉnh" and "Ủy
    ban nhân dân tỉnh Nghệ An"; "các sở, ngành liên quan" and "các sở, ngành có liên quan";
    "UBND cấp xã" and "UBND các xã, phường") take the fullest of them, the first letter as written."""
    by_body: dict[str, list[Draft]] = {}
    for d in sorted(drafts, key=lambda d: d.agency.span[0]):
        agency_id = document_agency_id(d.agency.text, jur)
        if agency_id:
            by_body.setdefault(_body_key(agency_id), []).append(d)
    for named in by_body.values():
        names = dict.fromkeys(d.agency.text for d in named)
        if len(names) < 2:
            continue
        full = max(names, key=lambda n: (len(expand_abbreviations(n).split()), -list(names).index(n)))
        for d in named:
            written = d.agency.text
            d.agency = Found(written[:1] + full[1:] if written[:1].lower() == full[:1].lower() else full,
                             d.agency.span, d.agency.group)
