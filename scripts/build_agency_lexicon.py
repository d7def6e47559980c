"""Build the agency lexicon and the province table that ``extractors/extract/agencies/`` loads.

Writes, from the reviewed tables below and underthesea's offline administrative-unit list
(``underthesea/address/data/mapping.json``, effective 1 July 2025):

- ``models/provinces.json``: the 34 provinces and centrally-run cities in force from
  1 July 2025, the 63 units before it (with the unit each was merged into) and a few
  older names, and the districts (huyện, quận, thị xã, thành phố thuộc tỉnh) of the
  63-unit map.
- ``models/agencies.json``: one entry per kind of body (national, provincial, district,
  commune; State, Party, Front and mass organisations) with its canonical name, id,
  level and aliases; the tone pairs and the group words (the abbreviations behind
  ``agency_key`` are those of ``models/abbreviations.json``).
- ``models/agency_patterns.jsonl``: spaCy SpanRuler patterns generated from the two
  files above (phrase patterns over the folded ``NORM`` of the tokenizer in
  ``extractors/extract/agencies/``).

Run: ``.venv/bin/python scripts/build_agency_lexicon.py`` (a few seconds). The output is
deterministic; review the diff of ``models/`` before committing.
"""
from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MODELS = ROOT / "models"

# --- abbreviations ------------------------------------------------------------------------
# The abbreviations are those of ``models/abbreviations.json``: ``agency_key`` expands the
# ones marked ``agency_key``; the pattern generator writes each name once more with an
# abbreviation marked ``agency_display`` in place of its expansion ('&' and 'và' are
# interchangeable inside them).


def display_abbreviations() -> list[tuple[list[str], str]]:
    """(abbreviation forms, expansion) of the agency display abbreviations, grouped by
    expansion in the order of the table."""
    from vanban.extractors.common.vocabulary import abbreviations

    groups: dict[str, list[str]] = {}
    for form, expansion in abbreviations("agency_display"):
        groups.setdefault(expansion, []).append(form)
    return [(forms, expansion) for expansion, forms in groups.items()]


# Old and new tone placement on the same syllables (oa, oe, uy); folding makes them
# equal, the canonical names use the new placement (Ủy, Hóa, Hòa, Khỏe, Thủy).
TONE_PAIRS = [
    ("Uỷ", "Ủy"), ("uỷ", "ủy"), ("hoá", "hóa"), ("Hoá", "Hóa"), ("hoà", "hòa"), ("Hoà", "Hòa"),
    ("khoẻ", "khỏe"), ("thuỷ", "thủy"), ("Thuỷ", "Thủy"), ("hoả", "hỏa"), ("toà", "tòa"), ("Toà", "Tòa"),
]

# --- reviewed agency tables ----------------------------------------------------------------
# level: national | province | district | commune | local (any local level).
# kind: state | party | front | mass | bank | court | security | media | enterprise | person
# Names that are also common words are matched only with a level word after them.
NEEDS_LEVEL = {"Thanh tra", "Thuế"}
# Each row: (canonical name, level, kind, [aliases]). Aliases here are the ones no rule
# derives (short forms, older names); the abbreviation forms are generated.

NATIONAL = [
    ("Quốc hội", "national", "state", []),
    ("Ủy ban Thường vụ Quốc hội", "national", "state", ["UBTVQH"]),
    ("Hội đồng Dân tộc", "national", "state", []),
    ("Văn phòng Quốc hội", "national", "state", []),
    ("Chủ tịch nước", "national", "state", []),
    ("Văn phòng Chủ tịch nước", "national", "state", []),
    ("Chính phủ", "national", "state", []),
    ("Thủ tướng Chính phủ", "national", "person", ["Thủ tướng"]),
    ("Văn phòng Chính phủ", "national", "state", []),
    ("Thanh tra Chính phủ", "national", "state", []),
    ("Kiểm toán Nhà nước", "national", "state", []),
    ("Tòa án nhân dân tối cao", "national", "court", []),
    ("Viện kiểm sát nhân dân tối cao", "national", "court", []),
    ("Ngân hàng Nhà nước Việt Nam", "national", "bank", []),
    ("Ủy ban Dân tộc", "national", "state", ["UBDT"]),
    ("Ủy ban Quản lý vốn nhà nước tại doanh nghiệp", "national", "state", []),
    ("Hội đồng Bầu cử quốc gia", "national", "state", []),
    ("Bảo hiểm xã hội Việt Nam", "national", "state", []),
    ("Ngân hàng Chính sách xã hội Việt Nam", "national", "bank", []),
    ("Tổng cục Thuế", "national", "state", []),
    ("Tổng cục Thống kê", "national", "state", []),
    ("Tổng cục Hải quan", "national", "state", []),
    ("Cục Thuế", "national", "state", []),
    ("Đài Truyền hình Việt Nam", "national", "media", []),
    ("Đài Tiếng nói Việt Nam", "national", "media", []),
    ("Thông tấn xã Việt Nam", "national", "media", []),
    ("Viện Hàn lâm Khoa học xã hội Việt Nam", "national", "state", []),
    ("Viện Hàn lâm Khoa học và Công nghệ Việt Nam", "national", "state", []),
    ("Đại học Quốc gia Hà Nội", "national", "state", []),
    ("Đại học Quốc gia Thành phố Hồ Chí Minh", "national", "state", []),
    ("Tập đoàn Điện lực Việt Nam", "national", "enterprise", ["EVN"]),
    ("Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam", "national", "enterprise", ["Petrovietnam"]),
    ("Tập đoàn Bưu chính Viễn thông Việt Nam", "national", "enterprise", ["VNPT"]),
    ("Tập đoàn Công nghiệp - Viễn thông Quân đội", "national", "enterprise", ["Viettel"]),
    ("Ban Chỉ đạo Trung ương các chương trình mục tiêu quốc gia", "national", "state", []),
    # Party, central
    ("Ban Chấp hành Trung ương Đảng", "national", "party", ["Ban Chấp hành Trung ương", "Trung ương Đảng"]),
    ("Bộ Chính trị", "national", "party", []),
    ("Ban Bí thư", "national", "party", []),
    ("Ủy ban Kiểm tra Trung ương", "national", "party", []),
    ("Văn phòng Trung ương Đảng", "national", "party", []),
    ("Ban Tổ chức Trung ương", "national", "party", []),
    ("Ban Tuyên giáo Trung ương", "national", "party", []),
    ("Ban Dân vận Trung ương", "national", "party", []),
    ("Ban Tuyên giáo và Dân vận Trung ương", "national", "party", []),
    ("Ban Kinh tế Trung ương", "national", "party", []),
    ("Ban Nội chính Trung ương", "national", "party", []),
    ("Ban Chính sách, chiến lược Trung ương", "national", "party", []),
    # Front and mass organisations, central
    ("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "national", "front", ["Ủy ban Trung ương MTTQ Việt Nam"]),
    ("Trung ương Hội Liên hiệp Phụ nữ Việt Nam", "national", "mass", ["Hội Liên hiệp Phụ nữ Việt Nam"]),
    ("Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh", "national", "mass", ["Trung ương Đoàn"]),
    ("Tổng Liên đoàn Lao động Việt Nam", "national", "mass", []),
    ("Trung ương Hội Nông dân Việt Nam", "national", "mass", ["Hội Nông dân Việt Nam"]),
    ("Trung ương Hội Cựu chiến binh Việt Nam", "national", "mass", ["Hội Cựu chiến binh Việt Nam"]),
    ("Liên minh Hợp tác xã Việt Nam", "national", "mass", []),
    ("Phòng Thương mại và Công nghiệp Việt Nam", "national", "mass", ["VCCI"]),
]

# Ministries in force and before the 2025 restructuring (successor in the note column).
MINISTRIES = [
    ("Bộ Quốc phòng", []), ("Bộ Công an", []), ("Bộ Ngoại giao", []), ("Bộ Nội vụ", []),
    ("Bộ Tư pháp", []), ("Bộ Tài chính", []), ("Bộ Công Thương", ["Bộ Công thương"]),
    ("Bộ Nông nghiệp và Môi trường", []), ("Bộ Xây dựng", []),
    ("Bộ Văn hóa, Thể thao và Du lịch", []), ("Bộ Khoa học và Công nghệ", []),
    ("Bộ Giáo dục và Đào tạo", []), ("Bộ Y tế", []), ("Bộ Dân tộc và Tôn giáo", []),
    # before 1 March 2025
    ("Bộ Kế hoạch và Đầu tư", []), ("Bộ Lao động - Thương binh và Xã hội", []),
    ("Bộ Giao thông vận tải", []), ("Bộ Tài nguyên và Môi trường", []),
    ("Bộ Nông nghiệp và Phát triển nông thôn", []), ("Bộ Thông tin và Truyền thông", []),
    # older
    ("Bộ Văn hóa - Thông tin", []), ("Bộ Thủy sản", []), ("Bộ Bưu chính, Viễn thông", []),
    ("Bộ Công nghiệp", []), ("Bộ Thương mại", []),
]

# Bodies of a province or centrally-run city; their identity takes the jurisdiction.
PROVINCIAL = [
    # State
    ("Ủy ban nhân dân", "local", "state", ["Ủy ban"]),
    ("Hội đồng nhân dân", "local", "state", []),
    ("Thường trực Hội đồng nhân dân", "local", "state", []),
    ("Chủ tịch Ủy ban nhân dân", "local", "person", []),
    ("Chủ tịch Hội đồng nhân dân", "local", "person", []),
    ("Văn phòng Ủy ban nhân dân", "local", "state", []),
    ("Văn phòng Hội đồng nhân dân", "local", "state", []),
    ("Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân", "province", "state", []),
    ("Đoàn đại biểu Quốc hội", "province", "state", ["Đoàn ĐBQH"]),
    ("Ban Kinh tế - Ngân sách Hội đồng nhân dân", "local", "state", []),
    ("Ban Văn hóa - Xã hội Hội đồng nhân dân", "local", "state", []),
    ("Ban Pháp chế Hội đồng nhân dân", "local", "state", []),
    ("Ban Dân tộc Hội đồng nhân dân", "local", "state", []),
    ("Ban Đô thị Hội đồng nhân dân", "local", "state", []),
    ("Sở Nội vụ", "province", "state", []),
    ("Sở Tư pháp", "province", "state", []),
    ("Sở Kế hoạch và Đầu tư", "province", "state", []),
    ("Sở Tài chính", "province", "state", []),
    ("Sở Công Thương", "province", "state", ["Sở Công thương"]),
    ("Sở Nông nghiệp và Phát triển nông thôn", "province", "state", []),
    ("Sở Nông nghiệp và Môi trường", "province", "state", []),
    ("Sở Giao thông vận tải", "province", "state", []),
    ("Sở Xây dựng", "province", "state", []),
    ("Sở Giao thông vận tải - Xây dựng", "province", "state", []),
    ("Sở Tài nguyên và Môi trường", "province", "state", []),
    ("Sở Thông tin và Truyền thông", "province", "state", []),
    ("Sở Lao động - Thương binh và Xã hội", "province", "state", []),
    ("Sở Văn hóa, Thể thao và Du lịch", "province", "state", []),
    ("Sở Văn hóa và Thể thao", "province", "state", []),
    ("Sở Văn hóa, Thể thao", "province", "state", []),
    ("Sở Du lịch", "province", "state", []),
    ("Sở Khoa học và Công nghệ", "province", "state", []),
    ("Sở Giáo dục và Đào tạo", "province", "state", []),
    ("Sở Y tế", "province", "state", []),
    ("Sở Ngoại vụ", "province", "state", []),
    ("Sở Dân tộc và Tôn giáo", "province", "state", []),
    ("Sở Quy hoạch - Kiến trúc", "province", "state", []),
    ("Sở An toàn thực phẩm", "province", "state", []),
    ("Thanh tra", "province", "state", ["Thanh tra tỉnh", "Thanh tra thành phố", "Thanh tra huyện"]),
    ("Ban Dân tộc", "province", "state", []),
    ("Ban Tôn giáo", "province", "state", []),
    ("Ban Quản lý Khu kinh tế", "province", "state", []),
    ("Ban Quản lý các khu công nghiệp", "province", "state", []),
    ("Ban Quản lý dự án đầu tư xây dựng", "local", "state", []),
    ("Công an", "local", "security", []),
    ("Bộ Chỉ huy Quân sự", "province", "security", ["Bộ CHQS"]),
    ("Bộ Chỉ huy Bộ đội Biên phòng", "province", "security", ["Bộ Chỉ huy BĐBP"]),
    ("Bộ Tư lệnh Thủ đô", "province", "security", []),
    ("Ban Chỉ huy Quân sự", "local", "security", ["Ban CHQS"]),
    ("Kho bạc Nhà nước", "province", "state", []),
    ("Thuế", "province", "state", ["Thuế tỉnh", "Thuế thành phố"]),
    ("Cục Thống kê", "province", "state", []),
    ("Chi cục Thống kê", "local", "state", []),
    ("Cục Hải quan", "province", "state", []),
    ("Cục Thi hành án dân sự", "province", "state", []),
    ("Bảo hiểm xã hội", "local", "state", []),
    ("Ngân hàng Nhà nước chi nhánh", "province", "bank", []),
    ("Ngân hàng Nhà nước khu vực", "province", "bank", []),
    ("Ngân hàng Chính sách xã hội chi nhánh", "province", "bank", ["Ngân hàng Chính sách xã hội"]),
    ("Phòng giao dịch Ngân hàng Chính sách xã hội", "district", "bank", []),
    ("Tòa án nhân dân", "local", "court", []),
    ("Viện kiểm sát nhân dân", "local", "court", []),
    ("Đài Phát thanh và Truyền hình", "local", "media", []),
    ("Báo và Phát thanh, Truyền hình", "province", "media", []),
    ("Trường Chính trị", "province", "state", []),
    ("Trung tâm Y tế", "local", "state", []),
    ("Trung tâm Kiểm soát bệnh tật", "province", "state", ["CDC"]),
    ("Trung tâm Phục vụ hành chính công", "local", "state", []),
    ("Trung tâm Văn hóa - Thể thao", "local", "state", []),
    ("Trung tâm Khuyến nông", "province", "state", []),
    ("Ban Chỉ đạo các chương trình mục tiêu quốc gia", "local", "state", []),
    ("Ban Chỉ đạo", "local", "state", []),
    ("Ban Thường trực", "local", "front", []),
    # Party
    ("Tỉnh ủy", "province", "party", []),
    ("Thành ủy", "local", "party", []),
    ("Huyện ủy", "district", "party", []),
    ("Thị ủy", "district", "party", []),
    ("Đảng ủy", "local", "party", []),
    ("Ban Thường vụ Tỉnh ủy", "province", "party", []),
    ("Ban Thường vụ Thành ủy", "local", "party", []),
    ("Ban Thường vụ Huyện ủy", "district", "party", []),
    ("Thường trực Tỉnh ủy", "province", "party", []),
    ("Thường trực Thành ủy", "local", "party", []),
    ("Thường trực Huyện ủy", "district", "party", []),
    ("Ban Chấp hành Đảng bộ", "local", "party", []),
    ("Ban Tuyên giáo Tỉnh ủy", "province", "party", []),
    ("Ban Tuyên giáo và Dân vận Tỉnh ủy", "province", "party", []),
    ("Ban Dân vận Tỉnh ủy", "province", "party", []),
    ("Ban Tổ chức Tỉnh ủy", "province", "party", []),
    ("Ban Nội chính Tỉnh ủy", "province", "party", []),
    ("Ủy ban Kiểm tra Tỉnh ủy", "province", "party", []),
    ("Văn phòng Tỉnh ủy", "province", "party", []),
    ("Ban Tuyên giáo Thành ủy", "local", "party", []),
    ("Ban Dân vận Thành ủy", "local", "party", []),
    ("Ban Tổ chức Thành ủy", "local", "party", []),
    ("Văn phòng Thành ủy", "local", "party", []),
    ("Đảng ủy Khối các cơ quan", "province", "party", []),
    ("Đảng ủy Ủy ban nhân dân", "province", "party", []),
    # Front and mass organisations
    ("Ủy ban Mặt trận Tổ quốc Việt Nam", "local", "front", ["Mặt trận Tổ quốc Việt Nam", "Ủy ban Mặt trận"]),
    ("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam", "local", "front", []),
    ("Ban Thường vụ Ủy ban Mặt trận Tổ quốc Việt Nam", "local", "front", []),
    ("Hội Liên hiệp Phụ nữ", "local", "mass", ["Hội Phụ nữ"]),
    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh", "local", "mass", ["Đoàn Thanh niên"]),
    ("Tỉnh đoàn", "province", "mass", []),
    ("Thành đoàn", "local", "mass", []),
    ("Huyện đoàn", "district", "mass", []),
    ("Hội Nông dân", "local", "mass", []),
    ("Hội Cựu chiến binh", "local", "mass", []),
    ("Liên đoàn Lao động", "local", "mass", []),
    ("Hội Chữ thập đỏ", "local", "mass", []),
    ("Hội Người cao tuổi", "local", "mass", []),
    ("Hội Khuyến học", "local", "mass", []),
    ("Hội Cựu thanh niên xung phong", "local", "mass", []),
    ("Liên hiệp các Hội Khoa học và Kỹ thuật", "province", "mass", []),
    ("Liên hiệp các tổ chức hữu nghị", "province", "mass", []),
    ("Hội Nhà báo", "local", "mass", []),
    ("Hội Luật gia", "local", "mass", []),
    ("Liên minh Hợp tác xã", "province", "mass", []),
    ("Hội đồng Bầu cử", "local", "state", []),
    ("Ủy ban Bầu cử", "local", "state", []),
]

# Offices of a district (and, from 1 July 2025, of a commune).
DISTRICT = [
    ("Phòng Tài chính - Kế hoạch", []), ("Phòng Giáo dục và Đào tạo", []),
    ("Phòng Lao động - Thương binh và Xã hội", []), ("Phòng Nông nghiệp và Phát triển nông thôn", []),
    ("Phòng Nông nghiệp và Môi trường", []), ("Phòng Kinh tế", []), ("Phòng Kinh tế - Hạ tầng", []),
    ("Phòng Kinh tế, Hạ tầng và Đô thị", []), ("Phòng Quản lý đô thị", []),
    ("Phòng Tài nguyên và Môi trường", []), ("Phòng Tư pháp", []), ("Phòng Nội vụ", []),
    ("Phòng Văn hóa và Thông tin", []), ("Phòng Văn hóa - Xã hội", []), ("Phòng Y tế", []),
    ("Phòng Dân tộc", []), ("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", []),
    ("Ban Quản lý dự án", []),
]

# Group words: "các sở, ban, ngành", "UBND các huyện, thị xã, thành phố".
GROUP_KINDS = [
    "bộ", "ngành", "sở", "ban", "cơ quan", "đơn vị", "địa phương", "đoàn thể", "tổ chức",
    "hội", "phòng", "tổ chức chính trị - xã hội", "tổ chức chính trị xã hội", "cơ quan ngang bộ",
    "cơ quan thuộc Chính phủ", "doanh nghiệp", "tập đoàn", "tổng công ty", "trường",
    "huyện", "quận", "thị xã", "thành phố", "xã", "phường", "thị trấn", "tỉnh",
    "đặc khu", "tổ đại biểu",
]
LEVEL_WORDS = ["tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "đặc khu"]


# --- provinces ------------------------------------------------------------------------------

# Names used before the 63-unit map, and spellings seen in documents.
OLD_NAMES_EXTRA = {
    "ha-noi": ["Hà Tây"],
    "hue": ["Thừa Thiên Huế", "Thừa Thiên - Huế"],
    "ho-chi-minh": ["TP.HCM", "TPHCM", "TP HCM", "Sài Gòn"],
    "ba-ria-vung-tau": ["Bà Rịa Vũng Tàu", "Bà Rịa-Vũng Tàu"],
    "dak-lak": ["Đăk Lăk", "Đắc Lắc", "Đắk Lăk"],
    "dak-nong": ["Đăk Nông", "Đắc Nông"],
    "kon-tum": ["Kontum"],
}


def slug(text: str) -> str:
    from vanban.extractors.common.folding import fold_dashes, fold_for_match

    return "-".join(fold_for_match(fold_dashes(text)).replace("&", " va ").replace(",", " ").replace("-", " ").replace(".", " ").split())


def build_provinces() -> dict:
    import underthesea

    path = Path(underthesea.__file__).parent / "address" / "data" / "mapping.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    new_names = data["province_names"]
    old_names = data["old_province_names"]
    mapping = data["province_mapping"]

    def level_of(full: str) -> str:
        return "thành phố" if full.lower().startswith("thành phố") else "tỉnh"

    units: dict[str, dict] = {}
    for key, info in old_names.items():
        sid = slug(info["short"])
        target = new_names[mapping[key]]["short"]
        units[sid] = {
            "id": sid,
            "name": info["short"],
            "level": level_of(info["name"]),
            "code_before_2025": info["code"],
            "current": False,
            "merged_into": slug(target) if slug(target) != sid else None,
            "aliases": [],
        }
    for key, info in new_names.items():
        sid = slug(info["short"])
        unit = units.setdefault(sid, {"id": sid, "name": info["short"], "aliases": [], "merged_into": None})
        unit.update(level=level_of(info["name"]), code=info["code"], current=True, merged_into=None)
        unit["merged_from"] = sorted(
            {slug(old_names[k]["short"]) for k, v in mapping.items() if v == key} - {sid}
        )
    for sid, extra in OLD_NAMES_EXTRA.items():
        if sid in units:
            units[sid]["aliases"] = extra
    units["ha-tay"] = {
        "id": "ha-tay", "name": "Hà Tây", "level": "tỉnh", "current": False, "merged_into": "ha-noi",
        "aliases": [], "note": "merged into Hà Nội on 1 August 2008",
    }
    units["ha-noi"]["aliases"] = []  # Hà Tây has its own row

    districts = {}
    for row in data["ward_mapping"]:
        full = row["old_district"]
        for level in ("Thành phố", "Thị xã", "Huyện", "Quận"):
            if full.startswith(level + " "):
                name = full[len(level) + 1:]
                prov = slug(old_names[row["old_province_key"]]["short"])
                did = f"{prov}/{slug(level)}-{slug(name)}"
                districts[did] = {"id": did, "name": name, "level": level.lower(), "province": prov}
                break
    return {
        "note": (
            "Provinces and centrally-run cities of Viet Nam: the 34 units in force from "
            "1 July 2025 (current: true, with merged_from) and the 63 units before it "
            "(merged_into: the unit that absorbed it), plus Hà Tây (2008). Districts of the "
            "63-unit map (abolished as a level on 1 July 2025, still named by older documents). "
            "Built by scripts/build_agency_lexicon.py from underthesea's offline "
            "administrative-unit list (vietnamadminunits 1.0.4)."
        ),
        "effective_date": data["metadata"]["effective_date"],
        "provinces": sorted(units.values(), key=lambda u: u["id"]),
        "districts": sorted(districts.values(), key=lambda d: d["id"]),
    }


# --- agencies --------------------------------------------------------------------------------


def _entry(name: str, level: str, kind: str, aliases: list[str]) -> dict:
    return {"id": slug(name), "name": name, "level": level, "kind": kind, "aliases": sorted(set(aliases))}


def build_agencies() -> dict:
    entries = [_entry(*row) for row in NATIONAL]
    entries += [_entry(name, "national", "state", aliases) for name, aliases in MINISTRIES]
    entries += [_entry(*row) for row in PROVINCIAL]
    entries += [_entry(name, "district", "state", aliases) for name, aliases in DISTRICT]
    ids = [e["id"] for e in entries]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise SystemExit(f"duplicate agency ids: {sorted(dupes)}")
    return {
        "note": (
            "Agency lexicon: canonical names (new tone placement), ids, level (national, "
            "province, district, local = any local level) and kind. Local bodies take the "
            "jurisdiction of the mention or of the document (extractors/extract/agencies/). "
            "Aliases list the forms no rule derives; the abbreviations of abbreviations.json "
            "and the tone pairs are the alias rules. Built by scripts/build_agency_lexicon.py; see AGENCIES.md."
        ),
        "tone_pairs": [list(p) for p in TONE_PAIRS],
        "group_kinds": GROUP_KINDS,
        "level_words": LEVEL_WORDS,
        "agencies": entries,
    }


# --- patterns ----------------------------------------------------------------------------------


def _abbreviated_variants(name: str) -> set[str]:
    """The name with each abbreviation applied in turn (and all together)."""
    variants = {name}
    for forms, expansion in display_abbreviations():
        for v in list(variants):
            low = v.lower()
            idx = low.find(expansion.lower())
            if idx < 0:
                continue
            for form in forms:
                variants.add(v[:idx] + form + v[idx + len(expansion):])
    return variants


def _punct_variants(name: str) -> set[str]:
    """'Lao động - Thương binh' also as 'Lao động Thương binh' and 'Lao động, Thương binh'."""
    import regex as re

    parts = re.split(r"\s*[,\-–]\s*(?=\S)", name)
    if len(parts) == 1 or len(parts) > 4:
        return {name}
    out = set()
    for seps in itertools.product([" - ", ", ", " "], repeat=len(parts) - 1):
        s = parts[0]
        for sep, part in zip(seps, parts[1:]):
            s += sep + part
        out.add(s.replace(" ,", ","))
    return out


def name_variants(name: str, aliases: list[str]) -> set[str]:
    bases = {name, *aliases}
    # "Mặt trận Tổ quốc" is often printed without "Việt Nam"
    bases |= {b.replace("Tổ quốc Việt Nam", "Tổ quốc") for b in bases}
    out = set()
    for base in bases:
        for v in _punct_variants(base):
            out |= _abbreviated_variants(v)
    return out


def build_patterns(agencies: dict, provinces: dict) -> list[dict]:
    from vanban.extractors.extract.agencies.lexicon import norm_phrase

    patterns: dict[tuple[str, str], dict] = {}

    def add(label: str, text: str, pid: str) -> None:
        key = norm_phrase(text)
        if key and (label, key) not in patterns:
            patterns[(label, key)] = {"label": label, "pattern": key, "id": pid}

    for e in agencies["agencies"]:
        names = e["aliases"] if e["name"] in NEEDS_LEVEL else [e["name"], *e["aliases"]]
        for v in name_variants(names[0], names[1:]):
            add("AGENCY", v, e["id"])
    for p in provinces["provinces"]:
        names = [p["name"], *p.get("aliases", [])]
        for n in names:
            add("PLACE", n, p["id"])
            add("JUR", f"{p['level']} {n}", p["id"])
            if p["level"] == "thành phố":
                for form in ("TP", "TP.", "Thành phố"):
                    add("JUR", f"{form} {n}", p["id"])
    for d in provinces["districts"]:
        add("JUR", f"{d['level']} {d['name']}", d["id"])
    return sorted(patterns.values(), key=lambda p: (p["label"], p["pattern"]))


def main() -> None:
    provinces = build_provinces()
    agencies = build_agencies()
    (MODELS / "provinces.json").write_text(json.dumps(provinces, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (MODELS / "agencies.json").write_text(json.dumps(agencies, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    patterns = build_patterns(agencies, provinces)
    with open(MODELS / "agency_patterns.jsonl", "w", encoding="utf-8") as fh:
        for p in patterns:
            fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    counts = {}
    for p in patterns:
        counts[p["label"]] = counts.get(p["label"], 0) + 1
    print(
        f"provinces: {len(provinces['provinces'])} ({sum(p['current'] for p in provinces['provinces'])} current), "
        f"districts: {len(provinces['districts'])}, agencies: {len(agencies['agencies'])}, patterns: {counts}"
    )


if __name__ == "__main__":
    main()
