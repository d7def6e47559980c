"""A document being written (its paragraphs and the gold collected while writing) and the
references it makes to other documents."""
from __future__ import annotations

import bisect
import random
from dataclasses import dataclass, field
from datetime import date

from .catalog import Catalog, Entry, format_number, subject_for
from .vocab import (
    FILLER, FILLER_OBJECTS, FILLER_TAILS, FILLER_VERBS, GIVEN, MIDDLE, NATIONAL_REFERENCES, SURNAMES, TOPICS, TYPE_NAMES,
    Money, iso,
)


# --- a document being written --------------------------------------------------------------------


@dataclass
class Reference:
    entry_type: str
    number: str
    date: str | None
    issuer: str
    about: str
    relation: str = "cites"
    mentions: int = 1
    phrase: str | None = None  # how the citing text names the issuer after "của"

    def gold(self) -> dict:
        return {"doc_type": self.entry_type, "number": self.number, "date": self.date, "issuer": self.issuer,
                "relation": self.relation, "mentions": self.mentions}


@dataclass
class Writer:
    """Text of one document, as paragraphs, with the gold collected while writing."""

    entry: Entry
    rng: random.Random
    target_chars: int
    left: list[str] = field(default_factory=list)
    right: list[str] = field(default_factory=list)
    title: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    distribution: list[str] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)
    references: dict[str, Reference] = field(default_factory=dict)
    amounts: list[dict] = field(default_factory=list)
    checks: list[dict] = field(default_factory=list)
    assignments: list[dict] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    dist_items: list[str] = field(default_factory=list)
    signer: dict = field(default_factory=dict)
    sections: list[str] = field(default_factory=list)  # current numbered path

    # -- text helpers ----------------------------------------------------------------------------

    def para(self, text: str) -> None:
        self.body.append(text)

    def size(self) -> int:
        return sum(len(p) + 1 for p in self.body)

    def filler(self, k: int, bullet: bool = True) -> None:
        for _ in range(k):
            s = filler_sentence(self.rng).format(topic=self.entry.topic)
            self.para(f"- {s}" if bullet else s)

    def section(self) -> str:
        return ".".join(self.sections)

    def money(self, m: Money, label: str) -> str:
        self.amounts.append({"value_vnd": m.value_vnd, "unit": m.unit, "label": label, "section": self.section() or None})
        return m.text

    # -- citations -----------------------------------------------------------------------------------

    def cite(self, ref: Reference, *, style: str | None = None, with_issuer: bool = True) -> str:
        """A citation as printed: 'Kế hoạch số 201/KH-UBND ngày 28/3/2023 của UBND tỉnh …'
        (without 'của …' when the sentence names the issuer already)."""
        rng = self.rng
        key = ref.number
        if key in self.references:
            self.references[key].mentions += 1
            prev = self.references[key]
            short = TYPE_NAMES[prev.entry_type][1]
            return f"{short} số {ref.number}" if prev.entry_type != "LUAT" else f"Luật số {ref.number}"
        self.references[key] = ref
        name = TYPE_NAMES[ref.entry_type][1]
        if ref.entry_type == "CV":
            name = rng.choice(("Công văn", "Công văn", "Văn bản"))
        dated = " " + date_phrase(date.fromisoformat(ref.date), rng, style) if ref.date else ""
        by = f" của {ref.phrase or ref.issuer}" if with_issuer else ""
        if ref.entry_type == "LUAT":
            return f"Luật {ref.about} số {ref.number}{dated}"
        if ref.entry_type == "PL":
            return f"Pháp lệnh {ref.about} số {ref.number}{dated}"
        number = ref.number if rng.random() < 0.92 else ref.number.replace("/", " /", 1)
        so = "số " if rng.random() < 0.9 else ""
        return f"{name} {so}{number}{dated}{by} {ref.about}"


def filler_sentence(rng: random.Random) -> str:
    """A sentence with no number, agency or task word: a stock one, or one or two built from pieces."""
    if rng.random() < 0.3:
        return rng.choice(FILLER)

    def clause() -> str:
        return f"{rng.choice(FILLER_VERBS)} {rng.choice(FILLER_OBJECTS)} {rng.choice(FILLER_TAILS)}"

    first = clause()
    if rng.random() < 0.5:
        second = clause()
        return f"{first}; {second[0].lower()}{second[1:]}."
    return f"{first}."


def date_phrase(d: date, rng: random.Random, style: str | None = None) -> str:
    style = style or rng.choice(("slash", "slash", "words", "slash0"))
    if style == "words":
        return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}" if rng.random() < 0.5 else \
            f"ngày {d.day} tháng {d.month} năm {d.year}"
    if style == "slash0":
        return f"ngày {d.day:02d}/{d.month:02d}/{d.year}"
    return f"ngày {d.day}/{d.month}/{d.year}"


def deadline_phrase(d: date, rng: random.Random) -> tuple[str, str]:
    """('trước ngày 15 tháng 6 năm 2023', '2023-06-15'), or a month ('chậm nhất trong tháng 4/2023', '2023-04')."""
    r = rng.random()
    if r < 0.45:
        return f"trước ngày {d.day} tháng {d.month} năm {d.year}", iso(d)
    if r < 0.85:
        return f"trước ngày {d.day:02d}/{d.month:02d}/{d.year}", iso(d)
    return f"chậm nhất trong tháng {d.month}/{d.year}", f"{d.year}-{d.month:02d}"


def person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


# --- references a document makes ----------------------------------------------------------------


class Citer:
    """Chooses what a document cites: national documents, earlier documents of its own
    province, and documents that are not in the corpus."""

    def __init__(self, catalog: Catalog, entry: Entry, rng: random.Random):
        self.catalog, self.entry, self.rng = catalog, entry, rng

    def _ref_of(self, e: Entry) -> Reference:
        own = self.entry.province
        ref = Reference(e.doc_type, e.number or "", iso(e.issued), e.issuer.name, about_phrase(e))
        if e.issuer.national or (own is not None and own == e.province and self.entry.doc_type != "TIN"):
            ref.phrase = self.rng.choice(e.issuer.cite_as)
        elif e.issuer.kind in ("ubnd", "hdnd"):
            ref.phrase = e.issuer.cite_as[-1]
        elif e.issuer.kind == "so":
            ref.phrase = f"{e.issuer.cite_as[0]} {e.province.full}"
        else:
            ref.phrase = e.issuer.name
        return ref

    def national(self) -> Reference:
        """One of the national documents every corpus cites, issued before this one."""
        issued = iso(self.entry.issued)
        older = [r for r in NATIONAL_REFERENCES if r[2] < issued] or [min(NATIONAL_REFERENCES, key=lambda r: r[2])]
        t, number, d, issuer, about = self.rng.choice(older)
        return Reference(t, number, d, issuer, about, phrase=issuer if t != "TTLT" else "Bộ Nội vụ và Bộ Tài chính")

    def earlier(self, *, same_province: bool = True) -> Reference | None:
        """A generated document issued before this one (None when there is none yet)."""
        key = self.entry.province.name if same_province and self.entry.province else None
        pool = self.catalog.citable_by_province.get(key, [])
        # only documents generated before this one, so that a corpus is the prefix of a larger one
        pool = pool[: bisect.bisect_left(pool, self.entry.index, key=lambda e: e.index)]
        for _ in range(8):
            if not pool:
                return None
            e = pool[self.rng.randrange(len(pool))]
            if e.issued < self.entry.issued:
                return self._ref_of(e)
        return None

    def absent(self) -> Reference | None:
        """A document of the same province from before the corpus (a stub in the graph)."""
        p = self.entry.province
        if p is None or self.entry.doc_type == "TIN":
            return None
        rng = self.rng
        issuer = rng.choice([i for i in self.catalog.by_province[p.name] if i.kind in ("ubnd", "hdnd", "tu")])
        t = {"ubnd": rng.choice(("KH", "QĐ")), "hdnd": "NQ", "tu": rng.choice(("NQ", "CT"))}[issuer.kind]
        year = rng.randint(2012, 2018)
        d = date(year, rng.randint(1, 12), rng.randint(1, 28))
        number = format_number(issuer, t, rng.randint(1, 300), year, rng)
        e = Entry(-1, issuer, t, number, d, rng.choice(TOPICS))
        e.subject = subject_for(e, rng)
        return self._ref_of(e)

    def some(self, k: int) -> list[Reference]:
        out: list[Reference] = []
        seen: set[str] = set()
        for _ in range(k * 3):
            if len(out) >= k:
                break
            r = self.rng.random()
            if r < 0.25:
                ref = self.national()
            elif r < 0.4:
                ref = self.earlier(same_province=False)  # a generated national document
            elif r < 0.55:
                ref = self.absent()
            else:
                ref = self.earlier()
            if ref is None:
                ref = self.national()
            if ref.number not in seen:
                seen.add(ref.number)
                out.append(ref)
        return out


def about_phrase(e: Entry) -> str:
    """What a cited document is about, as a citation writes it after the issuer."""
    s = e.subject
    if e.doc_type == "CV":
        return f"về việc {s}"
    low = s[0].lower() + s[1:]
    if low.startswith("về"):
        return low
    if e.doc_type in ("KH", "CTr", "PA", "ĐA", "HD"):
        return f"về {low}"
    return f"về {low}" if not low.startswith(("quy định", "hướng dẫn", "phê duyệt")) else low
