"""The bodies of generated documents by type and the whole document (``Composer``)."""
from __future__ import annotations

import bisect
from datetime import timedelta

from .catalog import REPLACE_SHARE
from .parts import ComposerParts
from .render import SynthDoc
from .vocab import DISTRICTS_GROUP, Money, SOURCES, TYPE_NAMES
from .writer import filler_sentence, person


class Composer(ComposerParts):
    """Writes one document: header, opening, body by type, closing, signature, gold."""

    # bodies by type ---------------------------------------------------------------------------------


    def plan_body(self) -> None:
        """KH, CTr, PA, ĐA, DA, HD: aims, content (budget), organization."""
        w, rng = self.w, self.rng
        self.parts = 0
        self.heading("MỤC ĐÍCH, YÊU CẦU")
        w.para("1. Mục đích")
        w.filler(2)
        w.para("2. Yêu cầu")
        w.filler(2)
        self.body_cite()
        if rng.random() < 0.75:
            self.budget()
        else:
            self.heading("NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU")
            w.filler(3)
        budget_size = w.target_chars - 900
        while w.size() < budget_size:
            w.filler(2)
        self.organize(rng.randint(2, 5))

    def decision_body(self, article_word: str = "Điều", executes: bool = True) -> None:
        """QĐ, NQ, NĐ, TT, TTLT, LUAT, PL, QC, QyĐ: articles; the last one names who executes it."""
        w, rng = self.w, self.rng
        heads = {"QĐ": "QUYẾT ĐỊNH:", "NQ": "QUYẾT NGHỊ:", "NĐ": "Chính phủ ban hành Nghị định "
                 + self.e.subject[0].lower() + self.e.subject[1:] + ".", "TT": "Bộ trưởng ban hành Thông tư "
                 + self.e.subject[0].lower() + self.e.subject[1:] + "."}
        w.para(heads.get(self.e.doc_type, f"{TYPE_NAMES[self.e.doc_type][1]} này quy định như sau:"))
        n = 1
        w.para(f"{article_word} {n}. Phạm vi điều chỉnh và đối tượng áp dụng")
        w.sections = [f"Điều {n}"]
        w.filler(2, bullet=False)
        n += 1
        w.para(f"{article_word} {n}. Nội dung thực hiện")
        w.sections = [f"Điều {n}"]
        w.filler(2, bullet=False)
        self.body_cite()
        if rng.random() < 0.45:
            n += 1
            w.para(f"{article_word} {n}. Kinh phí thực hiện")
            w.sections = [f"Điều {n}"]
            saved = w.sections
            self.budget_list_inline()
            w.sections = saved
        while w.size() < w.target_chars - 700:
            w.filler(2, bullet=False)
        n += 1
        w.para(f"{article_word} {n}. Tổ chức thực hiện")
        w.sections = [f"Điều {n}"]
        bodies = self.agencies(3)
        for i, (printed, _full) in enumerate(bodies[:2], 1):
            task = self.task()
            dl_text, dl = self.deadline(0.4)
            tail = f", hoàn thành {dl_text}" if dl_text else ""
            w.para(f"{i}. Giao {printed} chủ trì, phối hợp với các cơ quan liên quan {task}{tail}.")
            w.sections = [f"Điều {n}", str(i)]
            self.assign(printed, "lead", task, dl)
            w.sections = [f"Điều {n}"]
        if executes:
            n += 1
            w.sections = [f"Điều {n}"]
            what = TYPE_NAMES[self.e.doc_type][1]
            replaced = self.replaced()
            if self.e.issuer.national:
                w.para(f"{article_word} {n}. Hiệu lực thi hành")
                w.para(f"{what} này có hiệu lực kể từ ngày ký{replaced}. Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban "
                       f"nhân dân các tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm thi hành {what} này./.")
            elif self.e.doc_type == "NQ":
                w.para(f"{article_word} {n}. Tổ chức thực hiện")
                w.para(f"Giao Ủy ban nhân dân {self.level} tổ chức triển khai thực hiện Nghị quyết này.")
                self.assign(f"Ủy ban nhân dân {self.level}", "lead", "tổ chức triển khai thực hiện Nghị quyết này", None)
                d = self.e.issued
                w.para(f"Nghị quyết này có hiệu lực kể từ ngày {rng.randint(1, 28)} tháng {d.month} năm {d.year}./.")
            else:
                third = bodies[2][0] if bodies[2][0].startswith("Sở") else "Sở Tài chính"
                w.para(f"{article_word} {n}. Quyết định này có hiệu lực kể từ ngày ký{replaced}.")
                w.para(f"Chánh Văn phòng UBND {self.level}, Giám đốc {third}, Thủ trưởng các cơ quan, đơn vị và các tổ "
                       f"chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.")
                for body in (f"Văn phòng UBND {self.level}", third):
                    self.assign(body, "executes", "thi hành Quyết định này", None)
        w.sections = []

    def replaced(self) -> str:
        """' và thay thế Quyết định số … ngày … của …' for a share of decisions and decrees: an
        earlier document of the same issuer and type, which a replacement chain then links
        (later documents may still cite the replaced one as a basis); '' for the others."""
        e, rng = self.e, self.rng
        if e.doc_type not in ("QĐ", "NĐ") or rng.random() >= REPLACE_SHARE:
            return ""
        pool = self.catalog.citable_by_province.get(e.province.name if e.province else None, [])
        pool = pool[: bisect.bisect_left(pool, e.index, key=lambda x: x.index)]
        same = [x for x in pool if x.issuer.kind == e.issuer.kind and x.doc_type == e.doc_type and x.issued < e.issued]
        if not same:
            return ""
        ref = self.citer._ref_of(same[rng.randrange(len(same))])
        if ref.number in self.w.references:
            return ""
        ref.relation = "replaces"
        return f" và thay thế {self.w.cite(ref)}"

    def budget_list_inline(self) -> None:
        """A budget inside an article: total and its sources."""
        w, rng = self.w, self.rng
        labels = rng.sample(SOURCES, 2)
        parts = [Money.millions(rng.randint(100, 20_000)) for _ in labels]
        total_v = sum(p.value_vnd for p in parts)
        delta = rng.choice((-1, 1)) * rng.randint(1, 99) * 1_000_000 if self.bad_budget else 0
        total = Money.millions((total_v + delta) // 1_000_000)
        w.para(f"Tổng kinh phí: {w.money(total, 'Tổng kinh phí')}, trong đó:")
        for i, (label, m) in enumerate(zip(labels, parts)):
            w.para(f"- {label}: {w.money(m, label)}{'.' if i else ';'}")
        w.checks.append({"what": "total = sum of sources", "layout": "list", "total_vnd": total.value_vnd,
                         "parts_vnd": [p.value_vnd for p in parts], "holds": total.value_vnd == total_v})

    def report_body(self) -> None:
        """BC: results (with disbursed amounts), shortcomings, tasks, proposals."""
        w, rng = self.w, self.rng
        self.parts = 0
        self.heading("KẾT QUẢ THỰC HIỆN")
        w.sections = ["I"]
        w.filler(2)
        disbursed = Money.millions(rng.randint(500, 90_000))
        w.para(f"- Giá trị giải ngân đến thời điểm báo cáo đạt {w.money(disbursed, 'Giá trị giải ngân')}, "
               f"bằng {rng.randint(20, 95)}% kế hoạch vốn được giao.")
        self.body_cite()
        w.sections = []
        if rng.random() < 0.5:
            self.budget()
        self.heading("TỒN TẠI, HẠN CHẾ")
        w.filler(2)
        while w.size() < w.target_chars - 600:
            w.filler(2)
        self.heading("KIẾN NGHỊ, ĐỀ XUẤT")
        w.filler(1)

    def letter_body(self) -> None:
        """CV, TB, CĐ, GM, TTr, CT, KL, BB, HĐ: paragraphs and requests."""
        w, rng = self.w, self.rng
        self.parts = 0
        t = self.e.doc_type
        bodies = self.agencies(3)
        if t in ("CV", "TB", "CĐ") and rng.random() < 0.5:
            ref = self.citer.earlier() or self.citer.national()
            ref.relation = "implements"
            verb = rng.choice(("Thực hiện", "Thực hiện chỉ đạo tại", "Triển khai"))
            w.para(f"{verb} {w.cite(ref)}, {self.issuer_short()} có ý kiến như sau:")
        w.filler(2, bullet=False)
        self.body_cite(bullet=False)
        if t == "GM":
            when = self.e.issued + timedelta(days=rng.randint(3, 20))
            w.para(f"Thời gian: 08 giờ 00 phút, ngày {when.day:02d}/{when.month:02d}/{when.year}.")
            w.para(f"Địa điểm: Hội trường {self.issuer_short()}.")
            w.para(f"Giao {bodies[0][0]} chủ trì, chuẩn bị tài liệu và các điều kiện phục vụ hội nghị.")
            self.assign(bodies[0][0], "lead", "chuẩn bị tài liệu và các điều kiện phục vụ hội nghị", None)
        elif t in ("TTr", "BB", "HĐ"):
            self.arabic = True
            if rng.random() < 0.5:
                self.budget()
            w.filler(2, bullet=False)
        else:
            self.arabic = True
            for i, (printed, _full) in enumerate(bodies[:2], 1):
                self.parts = i
                w.sections = [str(i)]
                task = self.task()
                dl_text, dl = self.deadline(0.6)
                tail = f"; báo cáo kết quả {dl_text}" if dl_text else ""
                if rng.random() < 0.5:
                    w.para(f"{i}. Giao {printed} chủ trì, phối hợp với {bodies[2][0]} {task}{tail}.")
                    self.assign(printed, "lead", task, dl, [bodies[2][0]])
                else:
                    w.para(f"{i}. Đề nghị {printed} {task}{tail}.")
                    self.assign(printed, "lead", task, dl)
            if t == "TB" and rng.random() < 0.5:
                self.budget()
        while w.size() < w.target_chars - 200:
            w.filler(2, bullet=False)
        if t == "TTr":
            w.para(f"Kính trình {self.recipient_of_submission()} xem xét, quyết định./.")
        else:
            w.para("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời phản ánh để được hướng dẫn, giải quyết./.")

    def recipient_of_submission(self) -> str:
        return f"Hội đồng nhân dân {self.level}" if self.e.issuer.kind == "ubnd" else f"Ủy ban nhân dân {self.level}"

    # news ----------------------------------------------------------------------------------------------

    def news(self) -> None:
        e, w, rng = self.e, self.w, self.rng
        weekday = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")[e.issued.weekday()]
        w.title = [e.subject + f" tại {e.province.name}"]
        d = e.issued
        w.right = [f"{weekday}, {d.day:02d}/{d.month:02d}/{d.year} {rng.randint(6, 21):02d}:{rng.randint(0, 59):02d}"]
        w.para(f"({e.issuer.name}) - Thời gian qua, {e.province.full} đã tập trung lãnh đạo, chỉ đạo triển khai đồng bộ "
               f"các giải pháp về {e.topic}, đạt được nhiều kết quả tích cực.")
        for _ in range(rng.randint(1, 3)):
            ref = self.citer.earlier()
            if ref is None or ref.number in w.references:
                continue
            ref.relation = "cites"
            w.para(f"Theo đó, {ref.issuer} đã ban hành {w.cite(ref, with_issuer=False)}. "
                   + filler_sentence(rng).format(topic=e.topic))
        w.filler(2, bullet=False)
        while w.size() < w.target_chars - 300:
            w.filler(2, bullet=False)
        if rng.random() < 0.5:
            w.body[-1] = w.body[-1].rstrip(".") + "./."
        author = person(rng)
        w.signature = [author]
        w.signer = {"name": author}
        w.dist_items = []

    # the whole document --------------------------------------------------------------------------------

    def compose(self) -> "SynthDoc":
        e, w, rng = self.e, self.w, self.rng
        t = e.doc_type
        if t == "TIN":
            self.news()
            return self.finish()
        self.header()
        if t == "CV" or t in ("TTr", "GM", "CĐ") or (t == "BC" and rng.random() < 0.3):
            if t == "TTr":
                items = [self.recipient_of_submission()]
            elif t == "CĐ":
                items = [b for b, _ in self.agencies(2)]
                if not e.issuer.national:
                    items.append(DISTRICTS_GROUP[1])
            else:
                items = [b for b, _ in self.agencies(rng.choice((1, 1, 2, 3)))]
            cable_from = None
            if t == "CĐ":
                cable_from = "THỦ TƯỚNG CHÍNH PHỦ" if e.issuer.national else f"CHỦ TỊCH ỦY BAN NHÂN DÂN {e.province.upper}"
            self.recipients(items, cable_from=cable_from)
        if t in ("QĐ", "NQ") and e.issuer.kind in ("ubnd", "hdnd"):
            who = {"ubnd": f"CHỦ TỊCH ỦY BAN NHÂN DÂN {e.province.upper}", "hdnd": f"HỘI ĐỒNG NHÂN DÂN {e.province.upper}"}
            w.para(who[e.issuer.kind])
        if t in ("LUAT", "PL"):
            w.para("Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;")
            w.para(f"Quốc hội ban hành {TYPE_NAMES[t][1]} {e.subject[0].lower() + e.subject[1:]}." if t == "LUAT" else
                   f"Ủy ban Thường vụ Quốc hội ban hành Pháp lệnh {e.subject[0].lower() + e.subject[1:]}.")
        if t in ("QĐ", "NQ", "NĐ", "TT", "TTLT", "KH", "HD", "CTr", "PA", "ĐA", "DA", "QC", "QyĐ", "CT") or rng.random() < 0.4:
            self.bases(rng.randint(1, 4))
        if t in ("KH", "CTr", "PA", "ĐA", "HD") and rng.random() < 0.5:
            self.opening()
        if t in ("KH", "CTr", "PA", "ĐA", "DA", "HD"):
            self.plan_body()
        elif t in ("QĐ", "NQ", "NĐ", "TT", "TTLT", "LUAT", "PL", "QC", "QyĐ"):
            self.decision_body()
        elif t == "BC":
            self.report_body()
        else:
            self.letter_body()
        if t in ("LUAT", "PL"):
            d = e.issued
            term = "XIV" if d.year <= 2020 else "XV"
            body = "Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam" if t == "LUAT" else "Ủy ban Thường vụ Quốc hội"
            body += f" khóa {term}"
            w.para(f"{TYPE_NAMES[t][1]} này đã được {body} thông qua ngày {d.day} tháng {d.month} năm {d.year}.")
        self.sign()
        first = {"QĐ": "Như Điều " + str(self._last_article()), "CV": "Như trên", "TTr": "Như trên"}.get(t, "Như trên")
        self.distribute(first)
        return self.finish()

    def _last_article(self) -> int:
        arts = [p for p in self.w.body if p.startswith("Điều ")]
        return max(2, len(arts))

    def finish(self) -> "SynthDoc":
        e, w = self.e, self.w
        gold = {
            "source": "",
            "genre": "news" if e.doc_type == "TIN" else "official",
            "doc_type": e.doc_type,
            "number": e.printed_number,
            "issued_date": e.gold_date,
            "place": e.issuer.place if e.doc_type != "TIN" else None,
            "issuer": e.issuer.name,
            "subject": w.title[0] if e.doc_type == "TIN" else e.subject,
            "recipients": w.recipients,
            "references": [r.gold() for r in w.references.values()],
            "amounts": w.amounts,
            "budget_checks": w.checks,
            "assignments": w.assignments,
            "distribution": w.dist_items,
            "signer": w.signer,
        }
        return SynthDoc(index=e.index, entry=e, writer=w, gold=gold,
                        bad_budget=any(not c["holds"] for c in w.checks))
