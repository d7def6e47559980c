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
import unicodedata
from functools import lru_cache
from pathlib import Path

import regex as re

UNKNOWN = "_"
NATIONAL = "vn"

# The 63 provinces and centrally-run cities (before the 2025 mergers, which archives
# of 2021-2024 documents name), each with the spellings met in documents.
PROVINCES: dict[str, tuple[str, ...]] = {
    "An Giang": (),
    "Bà Rịa - Vũng Tàu": ("Bà Rịa Vũng Tàu", "BR-VT"),
    "Bắc Giang": (),
    "Bắc Kạn": ("Bắc Cạn",),
    "Bạc Liêu": (),
    "Bắc Ninh": (),
    "Bến Tre": (),
    "Bình Định": (),
    "Bình Dương": (),
    "Bình Phước": (),
    "Bình Thuận": (),
    "Cà Mau": (),
    "Cần Thơ": (),
    "Cao Bằng": (),
    "Đà Nẵng": (),
    "Đắk Lắk": ("Đắc Lắc", "Daklak"),
    "Đắk Nông": ("Đắc Nông", "Daknong"),
    "Điện Biên": (),
    "Đồng Nai": (),
    "Đồng Tháp": (),
    "Gia Lai": (),
    "Hà Giang": (),
    "Hà Nam": (),
    "Hà Nội": (),
    "Hà Tĩnh": (),
    "Hải Dương": (),
    "Hải Phòng": (),
    "Hậu Giang": (),
    "Hòa Bình": (),
    "Hồ Chí Minh": ("TP.HCM", "TPHCM", "TP HCM"),
    "Hưng Yên": (),
    "Khánh Hòa": (),
    "Kiên Giang": (),
    "Kon Tum": ("Kontum",),
    "Lai Châu": (),
    "Lâm Đồng": (),
    "Lạng Sơn": (),
    "Lào Cai": (),
    "Long An": (),
    "Nam Định": (),
    "Nghệ An": (),
    "Ninh Bình": (),
    "Ninh Thuận": (),
    "Phú Thọ": (),
    "Phú Yên": (),
    "Quảng Bình": (),
    "Quảng Nam": (),
    "Quảng Ngãi": (),
    "Quảng Ninh": (),
    "Quảng Trị": (),
    "Sóc Trăng": (),
    "Sơn La": (),
    "Tây Ninh": (),
    "Thái Bình": (),
    "Thái Nguyên": (),
    "Thanh Hóa": (),
    "Thừa Thiên Huế": ("Thừa Thiên - Huế", "Huế"),
    "Tiền Giang": (),
    "Trà Vinh": (),
    "Tuyên Quang": (),
    "Vĩnh Long": (),
    "Vĩnh Phúc": (),
    "Yên Bái": (),
}

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

# Letters from other scripts typed for Latin ones in numbers (66/NQ-СР).
_LOOKALIKES = str.maketrans("СРТНВКМОАЕХсрохае", "CPTHBKMOAEXcpoxae")

_SUBDIVISION = re.compile(
    r"\b(?:huyen|quan|thi xa|thanh pho|tp\.?)\s+(?P<name>[a-z0-9]+(?:[ -](?!tinh\b)[a-z0-9]+){0,3})"
)
_PROVINCE_LEVEL = re.compile(r"\b(?:tinh|thanh pho|tp\.?)\b")
_LOCAL_LEVEL = re.compile(r"\b(?:huyen|quan|thi xa|xa|phuong|thi tran)\b")
_NUMBER = re.compile(r"^(?P<num>\d+)?(?:/(?P<year>(?:19|20)\d\d)(?=/))?")


# --- folding -------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(cp)
        base = unicodedata.normalize("NFD", ch)[0].lower()
        if len(base) == 1 and base != ch:
            table[cp] = base
    for ch in "đĐÐ":
        table[ord(ch)] = "d"
    return table


def fold(text: str | None) -> str:
    """Lower case without diacritics, ``đ`` -> ``d``: 'Sở Y tế' -> 'so y te'.

    One character in, one character out, so offsets in the folded text are offsets in
    the original (for the NFC text the store keeps).
    """
    if not text:
        return ""
    return unicodedata.normalize("NFC", text).translate(_fold_table()).lower()


def slug(text: str | None) -> str:
    """'Nghệ An' -> 'nghe-an'; 'MTTQ-BTT' -> 'mttq-btt'."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


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


def clean_printed_number(number: str | None) -> str | None:
    """The number as printed, spaces removed and look-alike letters made Latin."""
    if not number:
        return None
    s = unicodedata.normalize("NFC", number).translate(_LOOKALIKES)
    s = re.sub(r"\s+", "", s.replace("Ð", "Đ").replace("–", "-").replace("—", "-"))
    return s or None


def number_key(number: str | None) -> str | None:
    """What two printings of one number share: '352 /KH-UBND' and '352/KHUBND' -> '352/KHUBND'.

    Case, spaces, hyphens, diacritics and leading zeros are ignored. A number left blank
    (``/UBND-VXNV``) has no key: it cannot be cited.
    """
    s = clean_printed_number(number)
    if not s or not s[0].isdigit():
        return None
    key = re.sub(r"[^A-Z0-9/]", "", fold(s).upper())
    return re.sub(r"^0+(?=\d)", "", key)


def parse_number(number: str | None) -> dict:
    """'27/2022/NĐ-CP' -> {num: '27', year: 2022, type_code: 'NĐ', issuer_codes: ['CP']}."""
    from extractors.header import symbol_parts

    s = clean_printed_number(number)
    if not s:
        return {"num": None, "year": None, "type_code": None, "issuer_codes": []}
    m = _NUMBER.match(s)
    type_code, issuers = symbol_parts(s)
    num = m.group("num") if m else None
    return {
        "num": (num.lstrip("0") or "0") if num else None,
        "year": int(m.group("year")) if m and m.group("year") else None,
        "type_code": type_code,
        "issuer_codes": [p for p in issuers if p],
    }


def is_national(number: str | None, issuer: str | None = None) -> bool:
    """National documents (NĐ-CP, QĐ-TTg, TT-BTC, ../TW, Luật ../QH15) are unique by number and year."""
    from extractors.doc_types import NATIONAL_ISSUERS

    codes = {fold(c).upper() for c in parse_number(number)["issuer_codes"]}
    national = {fold(c).upper() for c in (*NATIONAL_ISSUERS, *MINISTRY_CODES)}
    if codes & national or any(re.fullmatch(r"(?:UBTV)?QH\d*", c) for c in codes):
        return True
    folded = fold(issuer)
    if folded and province_of(folded) is None:
        return folded.startswith(NATIONAL_ISSUER_WORDS) or "trung uong" in folded
    return False


# --- jurisdiction --------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _province_regex() -> tuple[re.Pattern, dict[str, str]]:
    names: dict[str, str] = {}
    for name, variants in PROVINCES.items():
        for spelling in (name, *variants):
            names[" ".join(re.split(r"[\s\-.]+", fold(spelling))).strip()] = slug(name)
    alternatives = sorted(names, key=len, reverse=True)
    body = "|".join(re.escape(a).replace(r"\ ", r"[\s\-.]*") for a in alternatives)
    return re.compile(rf"(?<![a-z0-9])(?:{body})(?![a-z0-9])"), {k.replace(" ", ""): v for k, v in names.items()}


def province_of(text: str | None, *, after_level_word: bool = False) -> str | None:
    """Slug of the province a text names: 'Ủy ban nhân dân tỉnh Nghệ An' -> 'nghe-an'.

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


def _subdivision_of(folded: str, province: str | None) -> str | None:
    m = _SUBDIVISION.search(folded)
    if not m:
        return None
    name = slug(m.group("name"))
    return None if province and name == province else name


def jurisdiction_of(*, issuer: str | None, place: str | None = None, text: str | None = None,
                    number: str | None = None) -> str | None:
    """Where a document's issuer sits: 'vn' (national), 'nghe-an', 'nghe-an/ky-son', or None."""
    if is_national(number, issuer):
        return NATIONAL
    folded = fold(issuer)
    province = province_of(issuer) or province_of(place)
    if province is None and text:
        province = province_of(text[:1500], after_level_word=True)
    if province is None:
        return None
    district = _subdivision_of(folded, province) if folded else None
    return f"{province}/{district}" if district else province


def cited_jurisdiction(*, number: str | None, issuer: str | None, citing: str | None) -> str | None:
    """Jurisdiction of a cited document: its own words first, then the citing document's.

    A bare ``201/KH-UBND`` or 'của UBND tỉnh' cited by a Nghệ An plan is Nghệ An's.
    """
    if is_national(number, issuer):
        return NATIONAL
    folded = fold(issuer)
    province = province_of(issuer)
    citing_province = citing.split("/")[0] if citing and citing != NATIONAL else None
    if province:
        district = _subdivision_of(folded, province)
        return f"{province}/{district}" if district else province
    if citing == NATIONAL:
        return None  # a local body cited from a national text: which province is unknown
    if folded and _PROVINCE_LEVEL.search(folded) and not _LOCAL_LEVEL.search(folded):
        return citing_province
    return citing


# --- URI -----------------------------------------------------------------------------------------


def year_of(number: str | None, date: str | None) -> int | None:
    year = parse_number(number)["year"]
    if year is None and date and re.match(r"^\d{4}", date):
        year = int(date[:4])
    return year


def document_uri(*, number: str | None, doc_type: str | None, jurisdiction: str | None,
                 year: int | None, sha256: str | None = None) -> str:
    """ELI-style URI: 'vn/nghe-an/ubnd/kh/2023/352', 'vn/cp/nd/2022/27'."""
    parts = parse_number(number)
    issuer = slug("-".join(parts["issuer_codes"])) or UNKNOWN
    kind = slug(doc_type or parts["type_code"]) or UNKNOWN
    tail = parts["num"] if parts["num"] and number_key(number) else (f"h{sha256[:10]}" if sha256 else UNKNOWN)
    segments = [NATIONAL]
    if jurisdiction != NATIONAL:
        segments.append(jurisdiction or UNKNOWN)
    segments += [issuer, kind, str(year) if year else UNKNOWN, tail]
    return "/".join(segments)


# --- agencies ------------------------------------------------------------------------------------

# Abbreviations of agency names, on folded text, longest first. Joined forms
# ("nn&ptnt", "ld-tb&xh") are matched before punctuation is dropped.
AGENCY_ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    (r"ld\s*-?\s*tb\s*(?:&|va)\s*xh|ldtbxh", "lao dong thuong binh va xa hoi"),
    (r"vh\s*,?\s*tt\s*(?:&|va)\s*dl|vhttdl", "van hoa the thao va du lich"),
    (r"nn\s*(?:&|va)\s*ptnt|nnptnt", "nong nghiep va phat trien nong thon"),
    (r"kh\s*(?:&|va)\s*dt|khdt", "ke hoach va dau tu"),
    (r"gd\s*(?:&|va)\s*dt|gddt", "giao duc va dao tao"),
    (r"tn\s*(?:&|va)\s*mt|tnmt", "tai nguyen va moi truong"),
    (r"tt\s*(?:&|va)\s*tt|tttt", "thong tin va truyen thong"),
    (r"kh\s*(?:&|va)\s*cn|khcn", "khoa hoc va cong nghe"),
    (r"gtvt", "giao thong van tai"),
    (r"nhcsxh", "ngan hang chinh sach xa hoi"),
    (r"csxh", "chinh sach xa hoi"),
    (r"ubmttqvn|ubmttq", "uy ban mat tran to quoc"),
    (r"mttqvn|mttq", "mat tran to quoc"),
    (r"ubnd", "uy ban nhan dan"),
    (r"hdnd", "hoi dong nhan dan"),
    (r"ub", "uy ban"),
    (r"bcd", "ban chi dao"),
    (r"dtts", "dan toc thieu so"),
)


@lru_cache(maxsize=1)
def _agency_abbreviation_regex() -> tuple[re.Pattern, dict[str, str]]:
    body = "|".join(f"(?P<a{i}>{pattern})" for i, (pattern, _) in enumerate(AGENCY_ABBREVIATIONS))
    return re.compile(rf"(?<![a-z0-9])(?:{body})(?![a-z0-9])"), {
        f"a{i}": full for i, (_, full) in enumerate(AGENCY_ABBREVIATIONS)
    }


def local_agency_key(name: str | None) -> str | None:
    """Fold an agency name for matching: case, diacritics, Ủy/Uỷ, abbreviations, punctuation.

    'Sở NN&PTNT' and 'Sở Nông nghiệp và Phát triển nông thôn' -> 'so nong nghiep va phat
    trien nong thon'; a trailing 'tỉnh' / 'tỉnh Nghệ An' is dropped (the store keeps the
    jurisdiction apart).
    """
    folded = fold(name)
    if not folded.strip():
        return None
    pattern, expansions = _agency_abbreviation_regex()
    folded = pattern.sub(lambda m: expansions[m.lastgroup], folded)
    words = re.sub(r"[^a-z0-9]+", " ", folded).split()
    key = " ".join(words).replace("mat tran to quoc viet nam", "mat tran to quoc")
    province = province_of(key)
    if province:
        key = re.sub(rf"(?:\s+(?:tinh|thanh pho))?\s+{re.escape(province.replace('-', ' '))}$", "", key)
    key = re.sub(r"\s+(?:tinh|cap tinh)$", "", key)
    return key or None


def agency_key(name: str | None) -> str | None:
    """The matching key of an agency name: ``extractors.agencies.agency_key`` when the
    product has it, else ``local_agency_key``."""
    return _agency_key_function()(name) if name else None


@lru_cache(maxsize=1)
def _agency_key_function():
    try:
        from extractors.agencies import agency_key as shared
    except ImportError:
        return local_agency_key
    return shared
