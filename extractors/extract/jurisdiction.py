"""Where a document's issuer sits: decided once per document, here.

A ``Jurisdiction`` has the level and name the document prints ('tỉnh', 'Nghệ An'), which
the header and the citations use to complete names, and its ``id``: 'vn' for a national
body, 'nghe-an' for a province, 'nghe-an/huyen-ky-son' below it, or None when the text
does not say. The record carries the id (``DocumentRecord.jurisdiction``); the URI and
the agency ids are made from it.

- ``printed(lines, place)``: the level and name the header's agency lines (else the
  place) print;
- ``of_document(printed, issuer=, place=, text=, number=)``: the same with its ``id``;
- ``cited(number=, issuer=, citing=)``: the jurisdiction id of a cited document;
- ``from_id(id)``: the level and name of a jurisdiction id (for naming agencies);
- ``citing_place(jurisdiction, text)``: the place citations are completed with (for
  news, the province the text names most).

Pure functions; the province table (``models/provinces.json``) is read on first use.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import regex as re

from vanban import models
from vanban.extractors.common.folding import fold_same_length as fold
from vanban.extractors.extract.names import proper_name
from vanban.extractors.extract.uri import NATIONAL, parse_number, slug

# Issuer codes (the symbol after the type code) of central bodies, beside
# doc_types.NATIONAL_ISSUERS: ministries and ministry-level agencies.
MINISTRY_CODES = frozenset(
    {
        "BCA", "BCT", "BGDĐT", "BGTVT", "BKHCN", "BKHĐT", "BLĐTBXH", "BNG", "BNNPTNT", "BNV",
        "BQP", "BTC", "BTNMT", "BTP", "BTTTT", "BVHTTDL", "BXD", "BYT", "UBDT", "NHNN",
        "KTNN", "TTCP", "TANDTC", "VKSNDTC", "BCĐTW",
    }
)

# Issuers named in words that are central (folded, matched at the start of the issuer).
NATIONAL_ISSUER_WORDS = (
    "chinh phu", "thu tuong", "quoc hoi", "uy ban thuong vu quoc hoi", "chu tich nuoc",
    "van phong chinh phu", "bo ", "ban chap hanh trung uong", "bo chinh tri", "ban bi thu",
    "uy ban dan toc", "ngan hang nha nuoc", "kiem toan nha nuoc", "toa an nhan dan toi cao",
    "vien kiem sat nhan dan toi cao",
)

# Jurisdiction words as a header prints them, longest first; the name that follows is a proper name.
JURISDICTION_WORDS = ("thành phố", "thị trấn", "thị xã", "tỉnh", "huyện", "quận", "phường", "xã", "tp.", "tp")
_JUR = r"(?:THÀNH\s+PHỐ|THỊ\s+TRẤN|THỊ\s+XÃ|TỈNH|HUYỆN|QUẬN|PHƯỜNG|XÃ|TP\.?)"
JURISDICTION_IN_LINE = re.compile(rf"(?:^|\s){_JUR}\s+(?P<name>[\p{{Lu}}\p{{Ll}}][\p{{L}}\s\-]*?)\s*$", re.IGNORECASE)
JURISDICTION_ONLY = re.compile(rf"^\s*(?P<level>{_JUR})\s+(?![ỦU][Ỷy]\b|[ỦU]Y\b|[Ủu]y\b)(?P<name>[\p{{L}}\s\-]+?)\s*$", re.IGNORECASE)

# Centrally-run cities: their place name means 'thành phố', every other province 'tỉnh'.
CENTRAL_CITIES = {"hà nội", "hồ chí minh", "hải phòng", "đà nẵng", "cần thơ", "huế"}

_SUBDIVISION = re.compile(
    r"(?<![a-z0-9])(?P<level>huyen|quan|thi xa|thanh pho|tp\.?)\s+(?P<name>[a-z0-9]+(?:[ -](?!tinh\b)[a-z0-9]+){0,3})"
)
_PROVINCE_LEVEL = re.compile(r"\b(?:tinh|thanh pho|tp\.?)\b")
_LOCAL_LEVEL = re.compile(r"\b(?:huyen|quan|thi xa|xa|phuong|thi tran)\b")
_WORD_BREAKS = re.compile(r"[\s\-.]+")
_WORD_BREAK = re.compile(r"[\s\-.]")
_ENDS_WITH_LEVEL = re.compile(r"(?:tinh|thanh pho|tp\.?)\s*$")
_NATIONAL_ASSEMBLY = re.compile(r"(?:UBTV)?QH\d*")
_PROVINCE_PREFIX = re.compile(r"^(?:TP\.?|Thành\s+phố|Tỉnh)\s*", re.IGNORECASE)
_LEVEL_WORD = re.compile(_JUR, re.IGNORECASE)


@dataclass
class Jurisdiction:
    """Where the issuing body sits: ``level`` is tỉnh/thành phố/huyện/xã/... or ``national``."""

    level: str | None = None
    name: str | None = None  # "Nghệ An"
    id: str | None = None  # "nghe-an", "nghe-an/huyen-ky-son", "vn"

    @property
    def label(self) -> str | None:
        if not self.name:
            return None
        return f"{self.level} {self.name}" if self.level and self.level != "national" else self.name


# --- the province table --------------------------------------------------------------------------


def places() -> dict:
    """The province and district table (``models/provinces.json``)."""
    return models.load_json("provinces.json")


def _words(text: str) -> str:
    return " ".join(_WORD_BREAKS.split(fold(text))).strip()


@lru_cache(maxsize=1)
def _province_regex() -> tuple[re.Pattern, dict[str, str]]:
    names: dict[str, str] = {}
    for row in places()["provinces"]:
        for spelling in (row["name"], *row.get("aliases", [])):
            names.setdefault(_words(spelling), row["id"])
    alternatives = sorted(names, key=len, reverse=True)
    body = "|".join(re.escape(a).replace(r"\ ", r"[\s\-.]*") for a in alternatives)
    return re.compile(rf"(?<![a-z0-9])(?:{body})(?![a-z0-9])"), {k.replace(" ", ""): v for k, v in names.items()}


@lru_cache(maxsize=1)
def _districts() -> dict[tuple[str, str], str]:
    """(province id, folded name) -> district id: ('nghe-an', 'ky son') -> 'nghe-an/huyen-ky-son'."""
    return {(d["province"], _words(d["name"])): d["id"] for d in places()["districts"]}


@lru_cache(maxsize=1)
def _place_rows() -> dict[str, tuple[str, str]]:
    """Jurisdiction id -> (level, name): 'nghe-an' -> ('tỉnh', 'Nghệ An')."""
    table = places()
    return {row["id"]: (row["level"], row["name"]) for row in (*table["provinces"], *table["districts"])}


def province_of(text: str | None, *, after_level_word: bool = False) -> str | None:
    """Id of the province a text names: 'Ủy ban nhân dân tỉnh Nghệ An' -> 'nghe-an'.

    With ``after_level_word`` only 'tỉnh X' / 'thành phố X' count (for free text).
    """
    folded = fold(text)
    if not folded:
        return None
    pattern, names = _province_regex()
    for m in pattern.finditer(folded):
        if after_level_word and not _ENDS_WITH_LEVEL.search(folded[: m.start()]):
            continue
        return names.get(_WORD_BREAK.sub("", m.group(0)))
    return None


def _subdivision_of(folded: str, province: str) -> str | None:
    """Id of the district, town or city below the province that an issuer names, or None."""
    for m in _SUBDIVISION.finditer(folded):
        words = m.group("name").replace("-", " ").split()
        for n in range(len(words), 0, -1):
            found = _districts().get((province, " ".join(words[:n])))
            if found:
                return found
        name = slug(" ".join(words))
        level = slug(m.group("level").replace("tp", "thanh pho").rstrip("."))
        if province_of(name) != province:
            return f"{province}/{level}-{name}"
    return None


def _within(province: str, folded_issuer: str) -> str:
    return (_subdivision_of(folded_issuer, province) if folded_issuer else None) or province


def place_name(jurisdiction: str | None) -> str | None:
    """The name of a jurisdiction id: 'nghe-an' -> 'Nghệ An', 'nghe-an/huyen-ky-son' ->
    'Kỳ Sơn, Nghệ An', 'vn' -> None (national); None for an id not in the table."""
    if not jurisdiction or jurisdiction == NATIONAL:
        return None
    rows = _place_rows()
    parts = jurisdiction.split("/")
    names = [rows[p][1] for p in ("/".join(parts[: i + 1]) for i in range(len(parts))) if p in rows]
    return ", ".join(reversed(names)) or None


def is_national(number: str | None, issuer: str | None = None) -> bool:
    """National documents (NĐ-CP, QĐ-TTg, TT-BTC, ../TW, Luật ../QH15) are unique by number and year."""
    from vanban.extractors.extract.doc_types import NATIONAL_ISSUERS

    codes = {fold(c).upper() for c in parse_number(number).issuer_codes}
    national = {fold(c).upper() for c in (*NATIONAL_ISSUERS, *MINISTRY_CODES)}
    if codes & national or any(_NATIONAL_ASSEMBLY.fullmatch(c) for c in codes):
        return True
    folded = fold(issuer)
    if folded and province_of(folded) is None:
        return folded.startswith(NATIONAL_ISSUER_WORDS) or "trung uong" in folded
    return False


# --- a document's jurisdiction -------------------------------------------------------------------


def printed(lines: list[str], place: str | None) -> Jurisdiction:
    """The level and name the header's agency lines print ('TỈNH NGHỆ AN'), else the place's."""
    for ln in lines:
        m = JURISDICTION_ONLY.match(ln) or JURISDICTION_IN_LINE.search(ln)
        if m:
            level_m = _LEVEL_WORD.search(m.group(0))
            level = level_m.group(0).lower().replace("tp.", "thành phố").replace("tp", "thành phố") if level_m else None
            return Jurisdiction(level=level, name=proper_name(m.group("name")))
    if place:
        name = _PROVINCE_PREFIX.sub("", place).strip()
        level = "thành phố" if name.lower() in CENTRAL_CITIES else "tỉnh"
        return Jurisdiction(level=level, name=proper_name(name))
    return Jurisdiction()


def document_id(*, issuer: str | None, place: str | None = None, text: str | None = None,
                number: str | None = None) -> str | None:
    """Where a document's issuer sits: 'vn' (national), 'nghe-an', 'nghe-an/huyen-ky-son', or None."""
    if is_national(number, issuer):
        return NATIONAL
    province = province_of(issuer) or province_of(place)
    if province is None and text:
        province = province_of(text[:1500], after_level_word=True)
    return _within(province, fold(issuer)) if province else None


def of_document(found: Jurisdiction | None = None, *, issuer: str | None, place: str | None = None,
                text: str | None = None, number: str | None = None) -> Jurisdiction:
    """The document's jurisdiction: what its header prints (``found``) with its id."""
    found = found or Jurisdiction()
    return Jurisdiction(found.level, found.name, document_id(issuer=issuer, place=place, text=text, number=number))


def cited(*, number: str | None, issuer: str | None, citing: str | None) -> str | None:
    """Jurisdiction id of a cited document: its own words first, then the citing document's.

    A bare ``201/KH-UBND`` or 'của UBND tỉnh' cited by a Nghệ An plan is Nghệ An's;
    'UBND huyện Kỳ Sơn' cited there is 'nghe-an/huyen-ky-son'.
    """
    if is_national(number, issuer):
        return NATIONAL
    folded = fold(issuer)
    province = province_of(issuer)
    if province:
        return _within(province, folded)
    if citing in (None, NATIONAL):
        return None  # a local body cited from a national text: which province is unknown
    citing_province = citing.split("/")[0]
    if folded and _LOCAL_LEVEL.search(folded):
        district = _subdivision_of(folded, citing_province)
        return district or citing
    if folded and _PROVINCE_LEVEL.search(folded):
        return citing_province
    return citing


def from_id(jurisdiction_id: str | None) -> Jurisdiction | None:
    """The level and name of a jurisdiction id ('nghe-an' -> tỉnh Nghệ An); None for national or unknown."""
    if not jurisdiction_id or jurisdiction_id == NATIONAL:
        return None
    rows = _place_rows()
    row = rows.get(jurisdiction_id) or rows.get(jurisdiction_id.split("/")[0])
    return Jurisdiction(level=row[0], name=row[1], id=jurisdiction_id) if row else None


def citing_place(jurisdiction: Jurisdiction | None, text: str) -> Jurisdiction:
    """The place a document's citations are completed with: its own; for news, the
    province it names most."""
    from vanban.extractors.extract.references import patterns

    name, level = getattr(jurisdiction, "name", None), getattr(jurisdiction, "level", None)
    if name:
        return Jurisdiction(level, name)
    if level == "national":
        return Jurisdiction("national", None)
    counts = Counter((m.group("level"), m.group("name")) for m in patterns.place_in_text_re().finditer(text[:200_000]))
    if not counts:
        return Jurisdiction(None, None)
    (level, name), _ = counts.most_common(1)[0]
    return Jurisdiction(level, name)
