"""Who a document is: content hash, matching key of its number, jurisdiction, and URI.

A cited number is not unique (every province's UBND issues a ``352/KH-UBND``), so a
document's identity is (jurisdiction, issuing body, type, number, year), written as a
readable URI in the style of ELI:

    vn/nghe-an/ubnd/kh/2023/352        a Nghệ An plan
    vn/cp/nd/2022/27                   a national decree: unique by number and year
    vn/_/ubnd/kh/2023/201              a citation whose jurisdiction is unknown

``_`` stands for a part the text does not give (jurisdiction or year). Documents with no
number (news, drafts ``Số: /UBND-VXNV``) end in ``h<first 10 hex of the content hash>``.

Everything here is a pure function of strings; tables are built on first use.
"""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import regex as re

from vanban.extractors.common.doc_numbers import clean_printed_number, number_key
from vanban.extractors.common.folding import fold_same_length as fold

UNKNOWN = "_"
NATIONAL = "vn"

# Issuer codes (the symbol after the type code) of central bodies, beside
# extractors.doc_types.NATIONAL_ISSUERS: ministries and ministry-level agencies.
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


_SUBDIVISION = re.compile(
    r"(?<![a-z0-9])(?P<level>huyen|quan|thi xa|thanh pho|tp\.?)\s+(?P<name>[a-z0-9]+(?:[ -](?!tinh\b)[a-z0-9]+){0,3})"
)
_PROVINCE_LEVEL = re.compile(r"\b(?:tinh|thanh pho|tp\.?)\b")
_LOCAL_LEVEL = re.compile(r"\b(?:huyen|quan|thi xa|xa|phuong|thi tran)\b")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_NUMBER = re.compile(r"^(?P<num>\d+)?(?:/(?P<year>(?:19|20)\d\d)(?=/))?")


# --- folding -------------------------------------------------------------------------------------


# ``fold`` is ``folding.fold_same_length``: lower case without diacritics, ``đ`` -> ``d``
# ('Sở Y tế' -> 'so y te'), one character for one, so offsets carry over.


def slug(text: str | None) -> str:
    """'Nghệ An' -> 'nghe-an'; 'MTTQ-BTT' -> 'mttq-btt'."""
    return _NOT_SLUG.sub("-", fold(text)).strip("-")


def content_hash(data: bytes | str | Path) -> str:
    """SHA-256 hex of a file's bytes (a path is read)."""
    if isinstance(data, (str, Path)):
        h = hashlib.sha256()
        with open(data, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        return h.hexdigest()
    return hashlib.sha256(data).hexdigest()


# --- numbers -------------------------------------------------------------------------------------


# ``clean_printed_number`` and ``number_key`` (the key the store links citations by) are
# those of ``extractors.common.doc_numbers``.


class NumberParts(NamedTuple):
    num: str | None  # '27' (leading zeros dropped)
    year: int | None  # 2022 for '27/2022/NĐ-CP'
    type_code: str | None  # 'NĐ'
    issuer_codes: tuple[str, ...]  # ('CP',)


@lru_cache(maxsize=1 << 16)
def parse_number(number: str | None) -> NumberParts:
    """'27/2022/NĐ-CP' -> NumberParts(num='27', year=2022, type_code='NĐ', issuer_codes=('CP',))."""
    from vanban.extractors.extract.header import symbol_parts

    s = clean_printed_number(number)
    if not s:
        return NumberParts(None, None, None, ())
    m = _NUMBER.match(s)
    type_code, issuers = symbol_parts(s)
    num = m.group("num") if m else None
    return NumberParts(
        num=(num.lstrip("0") or "0") if num else None,
        year=int(m.group("year")) if m and m.group("year") else None,
        type_code=type_code,
        issuer_codes=tuple(p for p in issuers if p),
    )


def is_national(number: str | None, issuer: str | None = None) -> bool:
    """National documents (NĐ-CP, QĐ-TTg, TT-BTC, ../TW, Luật ../QH15) are unique by number and year."""
    from vanban.extractors.extract.doc_types import NATIONAL_ISSUERS

    codes = {fold(c).upper() for c in parse_number(number).issuer_codes}
    national = {fold(c).upper() for c in (*NATIONAL_ISSUERS, *MINISTRY_CODES)}
    if codes & national or any(re.fullmatch(r"(?:UBTV)?QH\d*", c) for c in codes):
        return True
    folded = fold(issuer)
    if folded and province_of(folded) is None:
        return folded.startswith(NATIONAL_ISSUER_WORDS) or "trung uong" in folded
    return False


# --- jurisdiction --------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _places() -> dict:
    """The province and district table the agency lexicon uses (``models/provinces.json``)."""
    from vanban.extractors.extract.agencies.lexicon import MODELS

    return json.loads((MODELS / "provinces.json").read_text(encoding="utf-8"))


def _words(text: str) -> str:
    return " ".join(re.split(r"[\s\-.]+", fold(text))).strip()


@lru_cache(maxsize=1)
def _province_regex() -> tuple[re.Pattern, dict[str, str]]:
    names: dict[str, str] = {}
    for row in _places()["provinces"]:
        for spelling in (row["name"], *row.get("aliases", [])):
            names.setdefault(_words(spelling), row["id"])
    alternatives = sorted(names, key=len, reverse=True)
    body = "|".join(re.escape(a).replace(r"\ ", r"[\s\-.]*") for a in alternatives)
    return re.compile(rf"(?<![a-z0-9])(?:{body})(?![a-z0-9])"), {k.replace(" ", ""): v for k, v in names.items()}


@lru_cache(maxsize=1)
def _districts() -> dict[tuple[str, str], str]:
    """(province id, folded name) -> district id: ('nghe-an', 'ky son') -> 'nghe-an/huyen-ky-son'."""
    return {(d["province"], _words(d["name"])): d["id"] for d in _places()["districts"]}


def province_of(text: str | None, *, after_level_word: bool = False) -> str | None:
    """Id of the province a text names: 'Ủy ban nhân dân tỉnh Nghệ An' -> 'nghe-an'.

    With ``after_level_word`` only 'tỉnh X' / 'thành phố X' count (for free text).
    """
    folded = fold(text)
    if not folded:
        return None
    pattern, names = _province_regex()
    for m in pattern.finditer(folded):
        if after_level_word and not re.search(r"(?:tinh|thanh pho|tp\.?)\s*$", folded[: m.start()]):
            continue
        return names.get(re.sub(r"[\s\-.]", "", m.group(0)))
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


def jurisdiction_of(*, issuer: str | None, place: str | None = None, text: str | None = None,
                    number: str | None = None) -> str | None:
    """Where a document's issuer sits: 'vn' (national), 'nghe-an', 'nghe-an/huyen-ky-son', or None."""
    if is_national(number, issuer):
        return NATIONAL
    province = province_of(issuer) or province_of(place)
    if province is None and text:
        province = province_of(text[:1500], after_level_word=True)
    return _within(province, fold(issuer)) if province else None


def cited_jurisdiction(*, number: str | None, issuer: str | None, citing: str | None) -> str | None:
    """Jurisdiction of a cited document: its own words first, then the citing document's.

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


# --- URI -----------------------------------------------------------------------------------------


def year_of(number: str | None, date: str | None) -> int | None:
    year = parse_number(number).year
    if year is None and date and re.match(r"^\d{4}", date):
        year = int(date[:4])
    return year


def document_uri(*, number: str | None, doc_type: str | None, jurisdiction: str | None,
                 year: int | None, sha256: str | None = None) -> str:
    """ELI-style URI: 'vn/nghe-an/ubnd/kh/2023/352', 'vn/cp/nd/2022/27'."""
    parts = parse_number(number)
    issuer = slug("-".join(parts.issuer_codes)) or UNKNOWN
    kind = slug(doc_type or parts.type_code) or UNKNOWN
    tail = parts.num if parts.num and number_key(number) else (f"h{sha256[:10]}" if sha256 else UNKNOWN)
    segments = [NATIONAL]
    if jurisdiction != NATIONAL:
        segments.append(jurisdiction or UNKNOWN)
    segments += [issuer, kind, str(year) if year else UNKNOWN, tail]
    return "/".join(segments)


# --- agencies ------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _place_rows() -> dict[str, tuple[str, str]]:
    """Jurisdiction id -> (level, name): 'nghe-an' -> ('tỉnh', 'Nghệ An')."""
    places = _places()
    return {row["id"]: (row["level"], row["name"]) for row in (*places["provinces"], *places["districts"])}


def place_name(jurisdiction: str | None) -> str | None:
    """The name of a jurisdiction id: 'nghe-an' -> 'Nghệ An', 'nghe-an/huyen-ky-son' ->
    'Kỳ Sơn, Nghệ An', 'vn' -> None (national); None for an id not in the table."""
    if not jurisdiction or jurisdiction == NATIONAL:
        return None
    rows = _place_rows()
    parts = jurisdiction.split("/")
    names = [rows[p][1] for p in ("/".join(parts[: i + 1]) for i in range(len(parts))) if p in rows]
    return ", ".join(reversed(names)) or None


def _jurisdiction_arg(jurisdiction: str | None):
    from vanban.extractors.context import Jurisdiction

    if not jurisdiction or jurisdiction == NATIONAL:
        return None
    row = _place_rows().get(jurisdiction) or _place_rows().get(jurisdiction.split("/")[0])
    return Jurisdiction(level=row[0], name=row[1]) if row else None


@lru_cache(maxsize=1 << 16)
def agency_key(name: str | None) -> str | None:
    """Matching key of an agency name (case, diacritics, Ủy/Uỷ, abbreviations ignored)."""
    from vanban.extractors.extract.agencies.lexicon import agency_key as key_of

    return (key_of(name) or None) if name and name.strip() else None


@lru_cache(maxsize=1 << 16)
def agency_identity(name: str | None, jurisdiction: str | None) -> tuple[str, str] | None:
    """(agency id, canonical name) of an agency named in a document of ``jurisdiction``:
    ('Sở Y tế', 'nghe-an') -> ('nghe-an/so-y-te', 'Sở Y tế tỉnh Nghệ An')."""
    from vanban.extractors.extract.agencies.lexicon import canonical_agency

    if not agency_key(name):
        return None
    return canonical_agency(name, _jurisdiction_arg(jurisdiction))


def agency_parts(agency_id: str) -> tuple[str, str]:
    """(jurisdiction, head) of an agency id: 'nghe-an/group/ubnd-cac-huyen' -> ('nghe-an', 'ubnd-cac-huyen')."""
    jurisdiction, _, head = agency_id.rpartition("/")
    return re.sub(r"/group$", "", jurisdiction), head
