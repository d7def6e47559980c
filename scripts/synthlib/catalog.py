"""Who issues what: the issuers of each province and of the state, and the catalog that
gives every generated document its identity (issuer, type, number, date, subject)."""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from .vocab import DEPARTMENTS, MINISTRIES, PROVINCES, TOPICS, iso


# --- who issues what -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Province:
    name: str
    level: str  # tỉnh | thành phố

    @property
    def upper(self) -> str:
        return f"{self.level} {self.name}".upper()

    @property
    def full(self) -> str:
        return f"{self.level} {self.name}"

    @property
    def place(self) -> str:
        """The place name of the date line: 'Nghệ An'; 'Thành phố Hồ Chí Minh' (a person's name alone)."""
        return "Thành phố Hồ Chí Minh" if self.name == "Hồ Chí Minh" else self.name


@dataclass(frozen=True)
class Issuer:
    kind: str  # ubnd | hdnd | mttq | tu | so | cp | ttg | bo | vpcp | qh | ubtvqh | joint | news
    name: str  # full name with jurisdiction, as the gold has it
    lines: tuple[str, ...]  # header lines, top left
    code: str  # symbol code after the type code ("UBND", "STC", "TTg")
    units: tuple[str, ...] = ()  # drafting units of a công văn
    province: Province | None = None
    place: str | None = "Hà Nội"
    cite_as: tuple[str, ...] = ()  # how a document of the same province names it after "của"

    @property
    def national(self) -> bool:
        return self.province is None


def provincial_issuers(p: Province) -> list[Issuer]:
    up = p.upper
    out = [
        Issuer("ubnd", f"Ủy ban nhân dân {p.full}", ("ỦY BAN NHÂN DÂN", up), "UBND", ("VX", "KT", "TH", "NC", "KGVX", "VXNV"),
               p, p.place, (f"UBND {p.level}", f"Ủy ban nhân dân {p.level}", f"Ủy ban nhân dân {p.full}")),
        Issuer("hdnd", f"Hội đồng nhân dân {p.full}", ("HỘI ĐỒNG NHÂN DÂN", up), "HĐND", (), p, p.place,
               (f"HĐND {p.level}", f"Hội đồng nhân dân {p.level}", f"Hội đồng nhân dân {p.full}")),
        Issuer("mttq", f"Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam {p.full}",
               ("ỦY BAN MTTQ VIỆT NAM", up, "BAN THƯỜNG TRỰC"), "MTTQ", ("BTT",), p, p.place,
               (f"Ban Thường trực Ủy ban MTTQ Việt Nam {p.level}",)),
        Issuer("tu", f"{'Tỉnh' if p.level == 'tỉnh' else 'Thành'} ủy {p.name}",
               (f"{'TỈNH' if p.level == 'tỉnh' else 'THÀNH'} ỦY {p.name.upper()}", "*"), "TU", (), p, p.place,
               (f"{'Tỉnh' if p.level == 'tỉnh' else 'Thành'} ủy", f"Ban Thường vụ {'Tỉnh' if p.level == 'tỉnh' else 'Thành'} ủy")),
    ]
    for name, _abbr, code, units in DEPARTMENTS:
        out.append(Issuer("so", f"{name} {p.full}", (f"UBND {up}", name.upper()), code, units, p, p.place, (name,)))
    return out


def national_issuers() -> list[Issuer]:
    out = [
        Issuer("cp", "Chính phủ", ("CHÍNH PHỦ",), "CP", (), cite_as=("Chính phủ",)),
        Issuer("ttg", "Thủ tướng Chính phủ", ("THỦ TƯỚNG CHÍNH PHỦ",), "TTg", ("KGVX", "QHĐP", "KTTH"),
               cite_as=("Thủ tướng Chính phủ",)),
        Issuer("vpcp", "Văn phòng Chính phủ", ("VĂN PHÒNG CHÍNH PHỦ",), "VPCP", ("KGVX", "QHĐP"), cite_as=("Văn phòng Chính phủ",)),
        Issuer("qh", "Quốc hội", ("QUỐC HỘI",), "QH15", (), place=None, cite_as=("Quốc hội",)),
        Issuer("ubtvqh", "Ủy ban Thường vụ Quốc hội", ("ỦY BAN THƯỜNG VỤ QUỐC HỘI",), "UBTVQH15", (), place=None,
               cite_as=("Ủy ban Thường vụ Quốc hội",)),
        Issuer("joint", "Bộ Tài chính - Bộ Nội vụ", ("BỘ TÀI CHÍNH - BỘ NỘI VỤ",), "BTC-BNV", (),
               cite_as=("Bộ Tài chính và Bộ Nội vụ",)),
    ]
    for name, code, units in MINISTRIES:
        out.append(Issuer("bo", name, (name.upper(),), code, units, cite_as=(name,)))
    return out


# (issuer kind, type code, weight): what each kind of body issues, and how often.
PROFILES: tuple[tuple[str, str, float], ...] = (
    ("ubnd", "KH", 12), ("ubnd", "QĐ", 10), ("ubnd", "CV", 12), ("ubnd", "BC", 4), ("ubnd", "TB", 3),
    ("ubnd", "CT", 2), ("ubnd", "TTr", 2), ("ubnd", "PA", 1), ("ubnd", "ĐA", 1), ("ubnd", "CTr", 1),
    ("ubnd", "CĐ", 1), ("ubnd", "GM", 1),
    ("hdnd", "NQ", 4),
    ("mttq", "CV", 2), ("mttq", "KH", 1), ("mttq", "HD", 1), ("mttq", "QC", 0.5), ("mttq", "BC", 0.5),
    ("tu", "NQ", 1), ("tu", "CT", 0.5), ("tu", "KL", 0.5), ("tu", "CTr", 0.5), ("tu", "QyĐ", 0.3), ("tu", "KH", 0.5),
    ("so", "CV", 6), ("so", "HD", 2), ("so", "KH", 2), ("so", "BC", 2), ("so", "TB", 1), ("so", "QĐ", 1),
    ("so", "TTr", 1), ("so", "BB", 0.5), ("so", "HĐ", 0.5), ("so", "DA", 0.5), ("so", "GM", 0.5),
    ("cp", "NĐ", 1), ("cp", "NQ", 0.5), ("ttg", "QĐ", 1), ("ttg", "CT", 0.3), ("ttg", "CĐ", 0.3), ("ttg", "CV", 0.5),
    ("bo", "TT", 1), ("bo", "CV", 1), ("bo", "QĐ", 0.5), ("vpcp", "TB", 0.3), ("qh", "LUAT", 0.2),
    ("ubtvqh", "PL", 0.2), ("joint", "TTLT", 0.2),
    ("news", "TIN", 4),
)
NEWS_SITES = ("Baochinhphu.vn", "Dangcongsan.vn", "Nhandan.vn", "Dantoctongiao.vn", "Bienphong.com.vn")
# Share of decisions (QĐ) and decrees (NĐ) that replace an earlier one of their issuer.
REPLACE_SHARE = 0.35
# Types a later document may cite.
CITABLE = frozenset({"NQ", "QĐ", "KH", "CT", "CV", "TB", "HD", "KL", "CTr", "NĐ", "TT", "BC", "TTr", "ĐA", "PA"})


# --- the catalog: identity of every generated document ---------------------------------------------


@dataclass
class Entry:
    """Who issued what, when, under which number: known before any text is written."""

    index: int
    issuer: Issuer
    doc_type: str
    number: str | None
    issued: date
    topic: str
    subject: str = ""
    draft: bool = False  # number and day left blank ("Số:   /UBND-VX", "ngày   tháng 5 năm 2023")

    @property
    def printed_number(self) -> str | None:
        if self.draft and self.number:
            return self.number[self.number.index("/"):]
        return self.number

    @property
    def gold_date(self) -> str:
        return f"{self.issued.year}-{self.issued.month:02d}" if self.draft else iso(self.issued)

    @property
    def province(self) -> Province | None:
        return self.issuer.province


class Catalog:
    """Document identities in generation order, drawn from one random stream so that
    the first ``n`` entries never depend on how many follow."""

    START = date(2019, 1, 1)
    DAYS = 365 * 6 + 180  # to mid 2025

    def __init__(self, seed: int):
        self.rng = random.Random(f"catalog:{seed}")
        self.provinces = [Province(n, lvl) for n, lvl in PROVINCES]
        # archives are uneven: the first provinces of the list (the large cities) issue more
        self.province_weights = [1 / (i + 1) ** 0.6 for i in range(len(self.provinces))]
        self.by_province = {p.name: provincial_issuers(p) for p in self.provinces}
        self.national = national_issuers()
        self.entries: list[Entry] = []
        self.counters: dict[tuple, int] = {}
        self.citable_by_province: dict[str | None, list[Entry]] = {}
        kinds = [k for k, _, _ in PROFILES]
        self._profiles = list(PROFILES)
        self._weights = [w for _, _, w in PROFILES]
        assert set(kinds) >= {"ubnd", "so", "news"}

    def __len__(self) -> int:
        return len(self.entries)

    def ensure(self, n: int) -> None:
        while len(self.entries) < n:
            self.entries.append(self._next())

    def _issuer(self, kind: str) -> tuple[Issuer, Province | None]:
        rng = self.rng
        p = rng.choices(self.provinces, self.province_weights)[0]
        if kind == "news":
            return Issuer("news", rng.choice(NEWS_SITES), (), "", (), p, None), p
        national = [i for i in self.national if i.kind == kind]
        if national:
            return rng.choice(national), None
        return rng.choice([i for i in self.by_province[p.name] if i.kind == kind]), p

    def _number(self, issuer: Issuer, doc_type: str, year: int) -> str:
        """A fresh number: counters per (issuer, symbol, year) start at a random point."""
        key = (issuer.name, doc_type if doc_type != "CV" else "CV", year)
        if key not in self.counters:
            self.counters[key] = self.rng.randint(1, 400 if doc_type in ("CV", "KH", "QĐ", "BC") else 60)
        n = self.counters[key] = self.counters[key] + self.rng.randint(1, 4)
        return format_number(issuer, doc_type, n, year, self.rng)

    def _next(self) -> Entry:
        rng = self.rng
        kind, doc_type, _ = rng.choices(self._profiles, self._weights)[0]
        issuer, _p = self._issuer(kind)
        issued = self.START + timedelta(days=rng.randrange(self.DAYS))
        number = None if doc_type == "TIN" else self._number(issuer, doc_type, issued.year)
        entry = Entry(len(self.entries), issuer, doc_type, number, issued, rng.choice(TOPICS))
        entry.subject = subject_for(entry, random.Random(f"subject:{entry.index}:{issued}"))
        entry.draft = doc_type in ("CV", "KH", "BC") and not issuer.national and rng.random() < 0.02
        if doc_type in CITABLE and not entry.draft:
            self.citable_by_province.setdefault(issuer.province.name if issuer.province else None, []).append(entry)
        return entry


def legislature(code: str, year: int) -> str:
    """'QH15' -> 'QH14' for a year of the 14th National Assembly (2016-2020)."""
    return code[:-2] + ("14" if year <= 2020 else "15") if code.endswith("15") else code


def format_number(issuer: Issuer, doc_type: str, n: int, year: int, rng: random.Random) -> str:
    """'352/KH-UBND', '2071/MTTQ-BTT', '07/2022/NQ-HĐND', '04-NQ/TU', '83/2025/QH15' by the grammar of each kind."""
    num = f"{n:02d}" if n < 10 and rng.random() < 0.5 else str(n)
    if issuer.kind == "tu":
        code = "QĐi" if doc_type == "QyĐ" else doc_type
        return f"{num}-{code}/TU"
    if doc_type == "CV":
        return f"{num}/{issuer.code}-{rng.choice(issuer.units)}"
    if doc_type in ("LUAT", "PL"):
        return f"{num}/{year}/{legislature(issuer.code, year)}"
    normative = doc_type in ("NĐ", "TT", "TTLT") or (doc_type in ("NQ", "QĐ") and issuer.kind in ("hdnd", "ubnd")
                                                       and rng.random() < 0.3)
    code = issuer.code if issuer.kind != "mttq" else "MTTQ-BTT"
    if issuer.kind == "qh" and doc_type == "NQ":
        return f"{num}/{year}/{legislature(issuer.code, year)}"
    if normative:
        return f"{num}/{year}/{doc_type}-{code}"
    return f"{num}/{doc_type}-{code}"


def subject_for(e: Entry, rng: random.Random) -> str:
    """The trích yếu of a document, by type."""
    t, y, topic = e.doc_type, e.issued.year, e.topic
    area = "trên địa bàn tỉnh" if e.province and e.province.level == "tỉnh" else "trên địa bàn thành phố"
    if e.issuer.national:
        area = "trên phạm vi cả nước"
    options = {
        "KH": [f"Triển khai thực hiện {topic} {area} năm {y}", f"Thực hiện {topic} giai đoạn {y} - {y + 2}",
               f"Tổ chức thực hiện {topic} năm {y}"],
        "QĐ": [f"Về việc ban hành Kế hoạch thực hiện {topic} năm {y}", f"Về việc phê duyệt kế hoạch vốn thực hiện {topic} năm {y}",
               f"Về việc kiện toàn Ban Chỉ đạo {topic}"],
        "CV": [f"triển khai thực hiện {topic}", f"báo cáo kết quả thực hiện {topic} năm {y}",
               f"tăng cường {topic}", f"đôn đốc thực hiện {topic}"],
        "BC": [f"Kết quả thực hiện {topic} năm {y}", f"Tình hình thực hiện {topic} 6 tháng đầu năm {y}"],
        "TB": [f"Kết luận tại cuộc họp về {topic}", f"Về việc tổ chức sơ kết {topic}"],
        "CT": [f"Về việc tăng cường {topic}", f"Về đẩy mạnh {topic} trong tình hình mới"],
        "TTr": [f"Về việc đề nghị phê duyệt kinh phí thực hiện {topic} năm {y}"],
        "PA": [f"Tổ chức thực hiện {topic} năm {y}"], "ĐA": [f"Phát triển {topic} giai đoạn {y} - {y + 5}"],
        "CTr": [f"Hành động thực hiện {topic} giai đoạn {y} - {y + 5}"],
        "CĐ": [f"Về việc chủ động ứng phó, bảo đảm {topic}"], "GM": [f"Dự hội nghị triển khai {topic} năm {y}"],
        "NQ": [f"Quy định nội dung, mức chi thực hiện {topic} {area}", f"Về {topic} giai đoạn {y} - {y + 5}"],
        "HD": [f"Thực hiện {topic} năm {y}", f"Về việc triển khai {topic}"],
        "QC": [f"Phối hợp thực hiện {topic}"], "QyĐ": [f"Về thực hiện {topic} trong hệ thống chính trị"],
        "KL": [f"Về tiếp tục thực hiện {topic}"], "BB": [f"Hội nghị sơ kết {topic} năm {y}"],
        "HĐ": [f"Cung cấp dịch vụ tư vấn triển khai {topic}"], "DA": [f"Hỗ trợ thực hiện {topic} giai đoạn {y} - {y + 3}"],
        "NĐ": [f"Quy định chi tiết một số nội dung về {topic}"], "TT": [f"Hướng dẫn thực hiện {topic}"],
        "TTLT": [f"Hướng dẫn phối hợp thực hiện {topic}"], "LUAT": [f"Về {topic}"], "PL": [f"Về {topic}"],
        "TIN": [f"Đẩy mạnh {topic}", f"Kết quả bước đầu trong thực hiện {topic}"],
    }
    return rng.choice(options[t])
