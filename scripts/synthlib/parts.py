"""The pieces every generated document is made of: header, recipients, bases, headings,
budgets, tasks, signature and distribution (``ComposerParts``)."""
from __future__ import annotations

import random
from datetime import timedelta

from .catalog import Catalog, Entry
from .vocab import (
    ACTIVITIES, DEPARTMENTS, DISTRICTS_GROUP, FRONT_GROUP, MINISTRIES, OTHER_BODIES, OTHER_MINISTRIES, PROJECTS, SOURCES,
    SUPPORT_GROUPS, TASKS, TYPE_NAMES, Money, in_words,
)
from .writer import Citer, Writer, deadline_phrase, person


# --- document bodies -----------------------------------------------------------------------------

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


class ComposerParts:
    """The pieces of one document; ``Composer`` (bodies.py) puts them together by type."""

    def __init__(self, catalog: Catalog, entry: Entry, *, seed: int, target_chars: int, bad_budget: bool):
        self.catalog = catalog
        self.e = entry
        self.rng = random.Random(f"doc:{seed}:{entry.index}")
        self.w = Writer(entry, self.rng, target_chars)
        self.citer = Citer(catalog, entry, self.rng)
        self.bad_budget = bad_budget
        self.level = entry.province.level if entry.province else "tỉnh"

    # -- names of bodies in the same province -------------------------------------------------------

    def body_name(self, template: str) -> str:
        return template.replace("{L}", self.level)

    def agencies(self, k: int) -> list[tuple[str, str]]:
        """k distinct bodies that receive tasks: (name as printed, full name); ministries
        for a national issuer, provincial bodies otherwise."""
        rng = self.rng
        if self.e.issuer.national:
            names = [m for m, _c, _u in MINISTRIES] + list(OTHER_MINISTRIES)
            names = [m for m in names if m not in self.e.issuer.name]
            return [(m, m) for m in rng.sample(names, k)]
        pool: list[tuple[str, str]] = []
        for name, abbr, _code, _units in DEPARTMENTS:
            if self.e.issuer.name.startswith(name + " "):
                continue  # a department does not write to itself
            printed = abbr if abbr and rng.random() < 0.35 else name
            pool.append((printed, name))
        for tpl, variant in OTHER_BODIES:
            full = self.body_name(tpl)
            printed = self.body_name(variant) if variant and rng.random() < 0.3 else full
            if "Ủy ban" in printed and rng.random() < 0.2:
                printed = printed.replace("Ủy ban", "Uỷ ban")  # the old tone placement
            pool.append((printed, full))
        return rng.sample(pool, k)

    # -- the parts -------------------------------------------------------------------------------------

    def header(self) -> None:
        e, w, rng = self.e, self.w, self.rng
        w.left = list(e.issuer.lines)
        if w.left[0].startswith("ỦY BAN") and rng.random() < 0.15:
            w.left[0] = w.left[0].replace("ỦY BAN", "UỶ BAN", 1)
        if e.issuer.kind not in ("tu",) and rng.random() < 0.4:
            w.left.append("-------")
        label = {"LUAT": "Luật số:", "PL": "Pháp lệnh số:"}.get(e.doc_type, "Số" if e.issuer.kind == "tu" else "Số:")
        number = e.printed_number or ""
        if e.draft:
            number = " " * rng.randint(4, 8) + number
        elif rng.random() < 0.12 and "/" in number:
            number = number.replace("/", " /", 1)  # a stray space, as printed
        sep = "" if label.endswith(":") and rng.random() < 0.1 else " "
        w.left.append(f"{label}{sep}{number}")
        if e.doc_type == "CV":
            w.left.append(f"V/v {e.subject}")
        if e.issuer.kind == "tu":
            w.right = ["ĐẢNG CỘNG SẢN VIỆT NAM"]
        else:
            motto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" if rng.random() < 0.8 else "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
            w.right = [motto, "Độc lập - Tự do - Hạnh phúc"]
            if rng.random() < 0.4:
                w.right.append("---------------")
        if e.issuer.place is not None:
            d = e.issued
            day = " " * rng.randint(2, 6) if e.draft else f"{d.day:02d}" if rng.random() < 0.5 else str(d.day)
            month = f"{d.month:02d}" if d.month < 3 and rng.random() < 0.5 else str(d.month)
            w.right.append(f"{e.issuer.place}, ngày {day} tháng {month} năm {d.year}")
        if e.doc_type != "CV":
            w.title = [TYPE_NAMES[e.doc_type][0], e.subject]

    def recipients(self, items: list[str], *, cable_from: str | None = None) -> None:
        """'Kính gửi: X.' or a list of '- X;' lines; a công điện lists them under 'CHỦ TỊCH … điện:'."""
        w = self.w
        w.recipients = list(items)
        if cable_from:
            w.para(f"{cable_from} điện:")
            for i, it in enumerate(items):
                w.para(f"- {it}{'.' if i == len(items) - 1 else ';'}")
        elif len(items) == 1:
            w.para(f"Kính gửi: {items[0]}.")
        else:
            w.para("Kính gửi:")
            for i, it in enumerate(items):
                w.para(f"- {it}{'.' if i == len(items) - 1 else ';'}")

    def bases(self, k: int) -> None:
        refs = self.citer.some(k)
        if not refs:
            return
        w, rng = self.w, self.rng
        for r in refs:
            r.relation = "basis"
        texts = [w.cite(r) for r in refs]
        if rng.random() < 0.3 and len(texts) > 1:
            w.para("Căn cứ " + "; ".join(texts) + ";")
        else:
            for t in texts:
                w.para(f"Căn cứ {t};")

    def opening(self) -> None:
        ref = self.citer.earlier() or self.citer.national()
        ref.relation = "implements"
        verb = self.rng.choice(("Thực hiện", "Triển khai thực hiện"))
        self.w.para(f"{verb} {self.w.cite(ref)}, {self.issuer_short()} ban hành {TYPE_NAMES[self.e.doc_type][1]} "
                    f"{self.e.subject[0].lower() + self.e.subject[1:]} như sau:")

    def issuer_short(self) -> str:
        """How the issuer names itself in its own text: 'Ủy ban nhân dân tỉnh', 'Sở Tài chính'."""
        level, party = self.level, "Tỉnh" if self.level == "tỉnh" else "Thành"
        names = {"ubnd": f"Ủy ban nhân dân {level}", "hdnd": f"Hội đồng nhân dân {level}",
                 "mttq": f"Ban Thường trực Ủy ban MTTQ Việt Nam {level}", "tu": f"Ban Thường vụ {party} ủy"}
        return names.get(self.e.issuer.kind, self.e.issuer.name.split(" tỉnh ")[0].split(" thành phố ")[0])

    def body_cite(self, *, bullet: bool = True) -> None:
        """A sentence citing a document already named, or a new one (relation 'cites')."""
        w, rng = self.w, self.rng
        dash = "- " if bullet else ""
        known = [r for r in w.references.values() if r.entry_type not in ("LUAT", "PL")]
        if known and rng.random() < 0.5:
            r = rng.choice(known)
            pin = f"khoản {rng.randint(1, 5)} Điều {rng.randint(2, 20)} " if r.entry_type in ("NĐ", "TT", "NQ") else ""
            w.para(f"{dash}Các nội dung thực hiện theo quy định tại {pin}{w.cite(r)}.")
            return
        r = self.citer.earlier() or self.citer.national()
        if r.number in w.references:
            return
        w.para(f"{dash}Tiếp tục triển khai các nội dung theo {w.cite(r)}.")

    # numbered parts ---------------------------------------------------------------------------------

    parts = 0  # top-level parts written so far
    arabic = False  # a letter's parts are "1.", "2." (their items "a)"); a plan's are "I.", "II." (items "1.")

    def heading(self, title: str) -> str:
        """Write the next top-level part's heading; returns its label."""
        label = str(self.parts + 1) if self.arabic else ROMAN[self.parts]
        self.parts += 1
        self.w.para(f"{label}. {title.capitalize() if self.arabic else title}")
        self.w.sections = [label]
        return label

    def item(self, i: int) -> str:
        """Marker of the i-th item (from 1) inside a part."""
        return f"{'abcdefghik'[i - 1]})" if self.arabic else f"{i}."

    # budgets ---------------------------------------------------------------------------------------

    def budget_program(self) -> None:
        """Total = đầu tư phát triển + sự nghiệp, each the sum over the Dự án (like a MTQG plan)."""
        w, rng = self.w, self.rng
        projects = rng.sample(range(len(PROJECTS)), rng.randint(2, 5))
        projects.sort()
        rows = []
        for p in projects:
            dtpt = rng.randint(2_000, 90_000) if rng.random() < 0.7 else 0
            sn = rng.randint(1_000, 60_000)
            rows.append((p, dtpt, sn))
        if not any(r[1] for r in rows):
            rows[0] = (rows[0][0], rng.randint(2_000, 90_000), rows[0][2])
        total_dtpt = sum(r[1] for r in rows)
        total_sn = sum(r[2] for r in rows)
        # a bad budget misprints the grand total or the investment subtotal
        delta = rng.choice((-1, 1)) * rng.randint(1, 900) if self.bad_budget else 0
        broken = rng.choice(("total", "dtpt")) if delta else None
        dtpt_printed = total_dtpt + (delta if broken == "dtpt" else 0)
        printed_total = total_dtpt + total_sn + (delta if broken == "total" else 0)
        y = self.e.issued.year
        self.heading("NGUỒN VỐN THỰC HIỆN")
        lead = rng.choice((f"Năm {y}, tổng kế hoạch vốn ngân sách trung ương thực hiện:",
                           f"Tổng kinh phí thực hiện năm {y}:", f"Kế hoạch vốn năm {y}:"))
        w.para(f"{lead} {w.money(Money.millions(printed_total), 'Tổng kinh phí')} (Vốn đầu tư phát triển: "
               f"{w.money(Money.millions(dtpt_printed), 'Vốn đầu tư phát triển')}; Vốn sự nghiệp: "
               f"{w.money(Money.millions(total_sn), 'Vốn sự nghiệp')}).")
        mln = 1_000_000
        w.checks += [
            {"what": "total = đầu tư phát triển + sự nghiệp", "layout": "inline", "total_vnd": printed_total * mln,
             "parts_vnd": [dtpt_printed * mln, total_sn * mln], "holds": printed_total == dtpt_printed + total_sn},
            {"what": "sum of Vốn đầu tư phát triển over the Dự án", "layout": "by_section",
             "total_vnd": dtpt_printed * mln, "holds": dtpt_printed == total_dtpt},
            {"what": "sum of Vốn sự nghiệp over the Dự án", "layout": "by_section", "total_vnd": total_sn * mln, "holds": True},
        ]
        w.filler(1, bullet=False)
        top = self.heading("NỘI DUNG, NHIỆM VỤ THỰC HIỆN")
        for i, (p, dtpt, sn) in enumerate(rows, 1):
            w.sections = [top, str(i)]
            w.para(f"{i}. Dự án {p + 1}: {PROJECTS[p]}")
            w.para("a) Kế hoạch vốn thực hiện")
            lines = []
            if dtpt:
                lines.append(f"Vốn đầu tư phát triển: {w.money(Money.millions(dtpt), 'Vốn đầu tư phát triển')}.")
            lines.append(f"Vốn sự nghiệp: {w.money(Money.millions(sn), 'Vốn sự nghiệp')}.")
            for ln in lines:
                w.para(f"- {ln}" if len(lines) > 1 or rng.random() < 0.5 else ln)
            w.para("b) Nội dung thực hiện")
            households = rng.randint(20, 900)
            w.para(f"- Hỗ trợ {households} hộ gia đình; đầu tư {rng.randint(2, 40)} công trình thiết yếu.")
            w.filler(1)
        w.sections = []

    def budget_list(self) -> None:
        """'Tổng kinh phí: X, trong đó:' then one line per source."""
        w, rng = self.w, self.rng
        k = rng.randint(2, 4)
        labels = rng.sample(SOURCES, k)
        unit = rng.choice(("triệu", "triệu", "tỷ"))
        if unit == "triệu":
            parts = [Money.millions(rng.randint(50, 30_000)) for _ in labels]
            total_v = sum(p.value_vnd for p in parts)
            delta = rng.choice((-1, 1)) * rng.randint(1, 200) * 1_000_000 if self.bad_budget else 0
            total = Money.millions((total_v + delta) // 1_000_000)
        else:
            parts = [Money.billions(rng.randint(3, 400)) for _ in labels]
            total_v = sum(p.value_vnd for p in parts)
            delta = rng.choice((-1, 1)) * rng.randint(1, 9) * 100_000_000 if self.bad_budget else 0
            total = Money.billions((total_v + delta) // 100_000_000)
        self.heading("KINH PHÍ THỰC HIỆN")
        w.para(f"Tổng kinh phí thực hiện: {w.money(total, 'Tổng kinh phí thực hiện')}, trong đó:")
        for i, (label, m) in enumerate(zip(labels, parts)):
            end = "." if i == len(parts) - 1 else ";"
            w.para(f"- {label}: {w.money(m, label)}{end}")
        w.checks.append({"what": "total = sum of sources", "layout": "list", "total_vnd": total.value_vnd,
                         "parts_vnd": [p.value_vnd for p in parts], "holds": total.value_vnd == total_v})
        w.sections = []

    def budget_activities(self) -> None:
        """Costs in đồng per activity, then 'Tổng cộng' and the total in words."""
        w, rng = self.w, self.rng
        labels = rng.sample(ACTIVITIES, rng.randint(2, 4))
        parts = [Money.dong(rng.randint(5, 400) * 1_000_000 + rng.choice((0, 0, 500_000))) for _ in labels]
        total_v = sum(p.value_vnd for p in parts)
        delta = rng.choice((-1, 1)) * rng.randint(1, 50) * 100_000 if self.bad_budget else 0
        total = Money.dong(total_v + delta)
        self.heading("KINH PHÍ")
        for i, (label, m) in enumerate(zip(labels, parts), 1):
            w.para(f"{self.item(i)} {label}: {w.money(m, label)}.")
        words = f" (Bằng chữ: {in_words(total.value_vnd)})" if rng.random() < 0.6 else ""
        w.para(f"Tổng cộng: {w.money(total, 'Tổng cộng')}{words}.")
        w.checks.append({"what": "total = sum of activities", "layout": "total_after", "total_vnd": total.value_vnd,
                         "parts_vnd": [p.value_vnd for p in parts], "holds": total.value_vnd == total_v})
        w.para(f"Nguồn kinh phí: từ dự toán ngân sách năm {self.e.issued.year} đã giao cho đơn vị.")
        w.sections = []

    def budget(self) -> None:
        r = self.rng.random()
        if r < 0.4 and not self.arabic:
            self.budget_program()
        elif r < 0.75:
            self.budget_list()
        else:
            self.budget_activities()

    # assignments -------------------------------------------------------------------------------------

    def deadline(self, weight: float = 0.5) -> tuple[str, str | None]:
        if self.rng.random() >= weight:
            return "", None
        d = self.e.issued + timedelta(days=self.rng.randint(20, 200))
        text, value = deadline_phrase(d, self.rng)
        return text, value

    def task(self) -> str:
        return self.rng.choice(TASKS).format(topic=self.e.topic)

    def assign(self, agency: str, role: str, task: str, deadline: str | None, partners: list[str] | None = None,
               recurrence: str | None = None) -> None:
        self.w.assignments.append({"agency": agency, "role": role, "task": task, "deadline": deadline,
                                   "partners": partners or [], "recurrence": recurrence,
                                   "section": self.w.section() or None})

    def organize(self, k: int) -> None:
        """The 'Tổ chức thực hiện' part: numbered agency headings, 'Giao … chủ trì', colon lines."""
        w, rng = self.w, self.rng
        top = self.heading("TỔ CHỨC THỰC HIỆN")
        bodies = self.agencies(k + 2)
        style = rng.choice(("heading", "giao", "colon"))
        i = 0
        for printed, _full in bodies[:k]:
            i += 1
            w.sections = [top, str(i)]
            partner_printed, _ = bodies[k + (i % 2)]
            task = self.task()
            dl_text, dl = self.deadline()
            tail = f"; hoàn thành {dl_text}" if dl_text else ""
            if style == "heading":
                w.para(f"{i}. {printed}")
                w.para(f"- Chủ trì, phối hợp với {partner_printed} {task}{tail}.")
                w.filler(1)
            elif style == "giao":
                w.para(f"{i}. Giao {printed} chủ trì, phối hợp với {partner_printed} {task}{tail}.")
            elif rng.random() < 0.7:
                w.para(f"{i}. {printed}: Chủ trì, phối hợp với {partner_printed} {task}{tail}.")
            else:  # bold agency names, as converters of .docx files print them
                w.sections = [top]
                w.para(f"- **{printed}:** Chủ trì, phối hợp với {partner_printed} {task}{tail}.")
            self.assign(printed, "lead", task, dl, [partner_printed])
        # the districts, the Front (requested), and the supporting bodies
        i += 1
        w.sections = [top, str(i)]
        districts = DISTRICTS_GROUP[rng.random() < 0.5]
        w.para(f"{i}. {districts}")
        task = self.task()
        w.para(f"- Chủ động {task}; bố trí nguồn lực để triển khai trên địa bàn quản lý.")
        self.assign(districts, "lead", task, None)
        if rng.random() < 0.6:
            i += 1
            w.sections = [top, str(i)]
            front = self.body_name(FRONT_GROUP[rng.random() < 0.5])
            w.para(f"{i}. Đề nghị {front} tuyên truyền, vận động Nhân dân tích cực tham gia; giám sát việc thực hiện.")
            self.assign(front, "lead", "tuyên truyền, vận động Nhân dân tích cực tham gia; giám sát việc thực hiện", None)
        i += 1
        w.sections = [top, str(i)]
        group = rng.choice(SUPPORT_GROUPS)
        w.para(f"{i}. {group}: Phối hợp triển khai các nội dung liên quan theo chức năng, nhiệm vụ được giao.")
        self.assign(group, "support", "Phối hợp triển khai các nội dung liên quan theo chức năng, nhiệm vụ được giao", None)
        w.sections = []
        report_to, _ = bodies[0]
        rec = rng.choice(("định kỳ hằng quý", "định kỳ 6 tháng", "định kỳ hàng tháng"))
        dl_text, _dl = self.deadline(weight=1.0)
        w.para(f"Yêu cầu các cơ quan, đơn vị, địa phương nghiêm túc triển khai thực hiện; {rec} báo cáo kết quả về "
               f"{report_to} để tổng hợp; báo cáo năm gửi {dl_text}.")

    # closings ---------------------------------------------------------------------------------------

    def sign(self) -> None:
        e, w, rng = self.e, self.w, self.rng
        k = e.issuer.kind
        name = person(rng)
        deputy = rng.random() < 0.6
        blocks = {
            "ubnd": (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH") if deputy else (["TM. ỦY BAN NHÂN DÂN"], "CHỦ TỊCH"),
            "hdnd": ([], "CHỦ TỊCH") if not deputy else (["KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH"),
            "mttq": (["TM. BAN THƯỜNG TRỰC", "KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH") if deputy else (["TM. BAN THƯỜNG TRỰC"], "CHỦ TỊCH"),
            "tu": (["T/M BAN THƯỜNG VỤ"], "PHÓ BÍ THƯ THƯỜNG TRỰC") if deputy else (["T/M BAN THƯỜNG VỤ"], "BÍ THƯ"),
            "so": (["KT. GIÁM ĐỐC"], "PHÓ GIÁM ĐỐC") if deputy else ([], "GIÁM ĐỐC"),
            "cp": (["TM. CHÍNH PHỦ", "KT. THỦ TƯỚNG"], "PHÓ THỦ TƯỚNG") if deputy else (["TM. CHÍNH PHỦ"], "THỦ TƯỚNG"),
            "ttg": (["KT. THỦ TƯỚNG"], "PHÓ THỦ TƯỚNG") if deputy else ([], "THỦ TƯỚNG"),
            "bo": (["KT. BỘ TRƯỞNG"], "THỨ TRƯỞNG") if deputy else ([], "BỘ TRƯỞNG"),
            "vpcp": (["KT. BỘ TRƯỞNG, CHỦ NHIỆM"], "PHÓ CHỦ NHIỆM"),
            "qh": ([], "CHỦ TỊCH QUỐC HỘI"),
            "ubtvqh": (["TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI"], "CHỦ TỊCH"),
            "joint": (["KT. BỘ TRƯỞNG BỘ TÀI CHÍNH"], "THỨ TRƯỞNG"),
        }
        if e.doc_type == "CV" and k == "ubnd":
            blocks["ubnd"] = (["TL. CHỦ TỊCH"], "CHÁNH VĂN PHÒNG") if not deputy else (["KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH")
        authority, position = blocks[k]
        w.signature = authority + [position, "", name]
        w.signer = {"name": name, "position": position, "authority": " ".join(authority) or None}

    def distribute(self, first: str = "Như trên") -> None:
        w, rng = self.w, self.rng
        tu = "Tỉnh ủy" if self.level == "tỉnh" else "Thành ủy"
        departments = "Các sở, ban, ngành cấp tỉnh" if self.level == "tỉnh" else "Các sở, ban, ngành thành phố"
        pool = [f"Thường trực {tu}", f"Thường trực HĐND {self.level}", f"Chủ tịch, các PCT UBND {self.level}",
                f"Ủy ban MTTQ Việt Nam {self.level}", departments, "UBND các huyện, thị xã, thành phố",
                "Bộ Tài chính (để b/c)", f"CVP, các PCVP UBND {self.level}", "Cổng thông tin điện tử tỉnh"]
        if self.e.issuer.national:
            pool = ["Thủ tướng, các Phó Thủ tướng Chính phủ", "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
                    "HĐND, UBND các tỉnh, thành phố trực thuộc trung ương", "Văn phòng Trung ương Đảng",
                    "Kiểm toán nhà nước", "Công báo"]
        items = [first] + rng.sample(pool, rng.randint(2, 5))
        units = rng.choice(("VT, TH", "VT, KT", "VT, VX", "VT, NC"))
        items.append(rng.choice((f"Lưu: {units}", f"Lưu VT, {units[4:]}")))
        w.dist_items = items
        w.distribution = ["Nơi nhận:"] + [f"- {it}{'.' if i == len(items) - 1 else ';'}" for i, it in enumerate(items)]
