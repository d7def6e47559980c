"""A synthetic corpus of Vietnamese official documents, with a gold record for each.

Deterministic: the same ``--seed`` gives the same files, byte for byte, and a corpus of
``n`` documents is the prefix of a larger one (document ``i`` depends only on the seed and
on documents ``0..i``), so 1k, 10k and 100k corpora nest.

Every document follows the form of Nghị định 30/2020/NĐ-CP (issuing body, national motto,
"Số: 352/KH-UBND", "Nghệ An, ngày 25 tháng 5 năm 2023", type name and subject or V/v,
Kính gửi, Căn cứ, numbered parts I./1./a), budget lines, "Giao … chủ trì, phối hợp với …"
with deadlines, Nơi nhận, TM./KT. signature), for every type code of spec/OUTPUT.md and news
articles, from many issuers in every province, in .txt, .docx and .pdf. Documents cite
earlier ones (and national documents, and documents that are not in the corpus), so the
citation graph is real. A share of decisions and decrees replaces an earlier one of the same
kind of issuer ("… có hiệu lực kể từ ngày ký và thay thế Quyết định số …"), and later
documents may still cite the replaced one as a basis, so replacement chains, legal status
and basis warnings are there at scale. Budget sections add up, except for a chosen share
(``--bad-share``) whose total is off; the gold says which.

The gold comes from what the generator wrote, never from running the extractor. The
corpus is for scale and regression; it does not replace real documents.

    python scripts/synth.py --n 1000 --out /tmp/synth [--formats txt,docx,pdf] [--seed 1] [--bad-share 0.05]

writes ``OUT/docs/<id>.<ext>``, ``OUT/gold/<id>.json`` and ``OUT/manifest.json``; score it
with ``vanban evaluate OUT/gold``.
"""
from __future__ import annotations

import argparse
import bisect
import json
import random
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator

# --- vocabulary -----------------------------------------------------------------------------------

# The 63 provinces and centrally-run cities before the 2025 merger: (name, level).
PROVINCES: tuple[tuple[str, str], ...] = (
    ("Hà Nội", "thành phố"), ("Hồ Chí Minh", "thành phố"), ("Hải Phòng", "thành phố"),
    ("Đà Nẵng", "thành phố"), ("Cần Thơ", "thành phố"), ("An Giang", "tỉnh"),
    ("Bà Rịa - Vũng Tàu", "tỉnh"), ("Bắc Giang", "tỉnh"), ("Bắc Kạn", "tỉnh"), ("Bạc Liêu", "tỉnh"),
    ("Bắc Ninh", "tỉnh"), ("Bến Tre", "tỉnh"), ("Bình Định", "tỉnh"), ("Bình Dương", "tỉnh"),
    ("Bình Phước", "tỉnh"), ("Bình Thuận", "tỉnh"), ("Cà Mau", "tỉnh"), ("Cao Bằng", "tỉnh"),
    ("Đắk Lắk", "tỉnh"), ("Đắk Nông", "tỉnh"), ("Điện Biên", "tỉnh"), ("Đồng Nai", "tỉnh"),
    ("Đồng Tháp", "tỉnh"), ("Gia Lai", "tỉnh"), ("Hà Giang", "tỉnh"), ("Hà Nam", "tỉnh"),
    ("Hà Tĩnh", "tỉnh"), ("Hải Dương", "tỉnh"), ("Hậu Giang", "tỉnh"), ("Hòa Bình", "tỉnh"),
    ("Hưng Yên", "tỉnh"), ("Khánh Hòa", "tỉnh"), ("Kiên Giang", "tỉnh"), ("Kon Tum", "tỉnh"),
    ("Lai Châu", "tỉnh"), ("Lâm Đồng", "tỉnh"), ("Lạng Sơn", "tỉnh"), ("Lào Cai", "tỉnh"),
    ("Long An", "tỉnh"), ("Nam Định", "tỉnh"), ("Nghệ An", "tỉnh"), ("Ninh Bình", "tỉnh"),
    ("Ninh Thuận", "tỉnh"), ("Phú Thọ", "tỉnh"), ("Phú Yên", "tỉnh"), ("Quảng Bình", "tỉnh"),
    ("Quảng Nam", "tỉnh"), ("Quảng Ngãi", "tỉnh"), ("Quảng Ninh", "tỉnh"), ("Quảng Trị", "tỉnh"),
    ("Sóc Trăng", "tỉnh"), ("Sơn La", "tỉnh"), ("Tây Ninh", "tỉnh"), ("Thái Bình", "tỉnh"),
    ("Thái Nguyên", "tỉnh"), ("Thanh Hóa", "tỉnh"), ("Thừa Thiên Huế", "tỉnh"), ("Tiền Giang", "tỉnh"),
    ("Trà Vinh", "tỉnh"), ("Tuyên Quang", "tỉnh"), ("Vĩnh Long", "tỉnh"), ("Vĩnh Phúc", "tỉnh"),
    ("Yên Bái", "tỉnh"),
)

# Provincial departments: (full name, abbreviation used in running text or None, symbol code, CV units).
DEPARTMENTS: tuple[tuple[str, str | None, str, tuple[str, ...]], ...] = (
    ("Sở Tài chính", None, "STC", ("NS", "QLG", "TCDN")),
    ("Sở Kế hoạch và Đầu tư", "Sở KH&ĐT", "SKHĐT", ("TH", "ĐKKD")),
    ("Sở Y tế", None, "SYT", ("NVY", "KHTC")),
    ("Sở Giáo dục và Đào tạo", "Sở GD&ĐT", "SGDĐT", ("GDTrH", "KHTC")),
    ("Sở Nội vụ", None, "SNV", ("TCBC", "CCVC")),
    ("Sở Tư pháp", None, "STP", ("PBGDPL", "VP")),
    ("Sở Xây dựng", None, "SXD", ("QLXD", "KTVL")),
    ("Sở Công Thương", None, "SCT", ("QLTM", "KTAT")),
    ("Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT", "SNN", ("KHTC", "TL")),
    ("Sở Lao động - Thương binh và Xã hội", "Sở LĐTB&XH", "SLĐTBXH", ("BTXH", "GDNN")),
    ("Sở Tài nguyên và Môi trường", "Sở TN&MT", "STNMT", ("ĐĐBĐ", "MT")),
    ("Sở Giao thông vận tải", None, "SGTVT", ("QLKCHT", "VT")),
    ("Sở Thông tin và Truyền thông", None, "STTTT", ("BCVT", "TTBCXB")),
    ("Sở Văn hóa, Thể thao và Du lịch", None, "SVHTTDL", ("QLVH", "QLDL")),
    ("Sở Khoa học và Công nghệ", None, "SKHCN", ("QLKH", "VP")),
)
# Other provincial bodies that receive tasks: (name in running text, variant or None); "{L}" is the level.
OTHER_BODIES: tuple[tuple[str, str | None], ...] = (
    ("Ban Dân tộc {L}", None),
    ("Công an {L}", None),
    ("Bộ Chỉ huy Quân sự {L}", None),
    ("Ngân hàng Chính sách xã hội chi nhánh {L}", "Ngân hàng CSXH chi nhánh {L}"),
    ("Hội Liên hiệp Phụ nữ {L}", None),
    ("Đài Phát thanh và Truyền hình {L}", None),
    ("Liên minh Hợp tác xã {L}", None),
    ("Văn phòng Ủy ban nhân dân {L}", "Văn phòng UBND {L}"),
    ("Thanh tra {L}", None),
)
OTHER_MINISTRIES = ("Bộ Công an", "Bộ Quốc phòng", "Bộ Xây dựng", "Bộ Nông nghiệp và Phát triển nông thôn",
                    "Bộ Thông tin và Truyền thông", "Ngân hàng Nhà nước Việt Nam",
                    "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương")
DISTRICTS_GROUP = ("Ủy ban nhân dân các huyện, thị xã, thành phố", "UBND các huyện, thị xã, thành phố")
FRONT_GROUP = ("Ủy ban Mặt trận Tổ quốc Việt Nam {L}", "Ủy ban MTTQ Việt Nam {L}")
SUPPORT_GROUPS = (
    "Các sở, ban, ngành, đơn vị có liên quan",
    "Các cơ quan, đơn vị liên quan",
    "Các sở, ngành liên quan",
)

# National issuers: key -> (header lines, name, symbol code, CV units, signer blocks).
MINISTRIES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Bộ Tài chính", "BTC", ("NSNN", "HCSN", "QLCS")),
    ("Bộ Nội vụ", "BNV", ("CQĐP", "CCVC")),
    ("Bộ Kế hoạch và Đầu tư", "BKHĐT", ("TCTT", "KTĐPLT")),
    ("Bộ Lao động - Thương binh và Xã hội", "BLĐTBXH", ("VPQGGN", "BTXH")),
    ("Bộ Y tế", "BYT", ("KH-TC", "DP")),
    ("Bộ Giáo dục và Đào tạo", "BGDĐT", ("GDDT", "KHTC")),
    ("Ủy ban Dân tộc", "UBDT", ("VP", "CSDT")),
)

# Program themes documents are about (noun phrases, no numbers, no agency names).
TOPICS: tuple[str, ...] = (
    "Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi",
    "Chương trình mục tiêu quốc gia giảm nghèo bền vững",
    "Chương trình mục tiêu quốc gia xây dựng nông thôn mới",
    "công tác phòng, chống thiên tai và tìm kiếm cứu nạn",
    "công tác cải cách hành chính",
    "chuyển đổi số",
    "công tác phòng, chống dịch bệnh truyền nhiễm",
    "phát triển du lịch cộng đồng",
    "bảo vệ và phát triển rừng bền vững",
    "bảo đảm trật tự an toàn giao thông",
    "phổ biến, giáo dục pháp luật",
    "phát triển giáo dục nghề nghiệp và giải quyết việc làm",
    "chăm sóc sức khỏe Nhân dân",
    "bình đẳng giới và vì sự tiến bộ của phụ nữ",
    "phát triển kinh tế tập thể, hợp tác xã",
    "quản lý, sử dụng tài sản công",
    "thực hành tiết kiệm, chống lãng phí",
    "xây dựng xã hội học tập",
)

# Program parts with budget lines (as in a Kế hoạch of the MTQG).
PROJECTS: tuple[str, ...] = (
    "Giải quyết tình trạng thiếu đất ở, nhà ở, đất sản xuất, nước sinh hoạt",
    "Quy hoạch, sắp xếp, bố trí, ổn định dân cư ở những nơi cần thiết",
    "Phát triển sản xuất nông, lâm nghiệp bền vững gắn với nâng cao thu nhập cho người dân",
    "Đầu tư cơ sở hạ tầng thiết yếu, phục vụ sản xuất, đời sống",
    "Phát triển giáo dục, đào tạo nâng cao chất lượng nguồn nhân lực",
    "Bảo tồn, phát huy giá trị văn hóa truyền thống tốt đẹp gắn với phát triển du lịch",
    "Chăm sóc sức khỏe Nhân dân, phòng chống suy dinh dưỡng trẻ em",
    "Thực hiện bình đẳng giới và giải quyết những vấn đề cấp thiết đối với phụ nữ và trẻ em",
    "Truyền thông, tuyên truyền, vận động; kiểm tra, giám sát, đánh giá",
)
# Funding sources of a "list" budget: label as printed.
SOURCES: tuple[str, ...] = (
    "Ngân sách trung ương", "Ngân sách tỉnh", "Ngân sách cấp huyện", "Ngân sách cấp xã",
    "Vốn lồng ghép các chương trình", "Nguồn xã hội hóa", "Vốn tín dụng chính sách",
)
# Activities of an "activities" budget (costs in đồng).
ACTIVITIES: tuple[str, ...] = (
    "Chi tổ chức hội nghị triển khai", "Chi biên soạn, in ấn tài liệu tuyên truyền", "Chi tập huấn cho cán bộ cơ sở",
    "Chi kiểm tra, giám sát", "Chi hỗ trợ xây dựng mô hình điểm", "Chi khen thưởng", "Chi công tác phí",
)

# Sentences that fill a body without numbers, agencies or task words.
FILLER: tuple[str, ...] = (
    "Nâng cao nhận thức, trách nhiệm của các cấp, các ngành và Nhân dân về {topic}.",
    "Bảo đảm sự lãnh đạo, chỉ đạo thống nhất, đồng bộ; phát huy vai trò của người đứng đầu trong tổ chức triển khai.",
    "Xác định cụ thể nội dung công việc, lộ trình và kết quả cần đạt, bảo đảm tính khả thi và phù hợp với điều kiện thực tế của địa phương.",
    "Huy động và sử dụng hiệu quả các nguồn lực, ưu tiên địa bàn khó khăn, đối tượng yếu thế; bảo đảm công khai, minh bạch.",
    "Tăng cường công tác thông tin, tuyên truyền để tạo sự đồng thuận trong xã hội, khơi dậy tinh thần tự lực, tự cường của người dân.",
    "Lồng ghép các nội dung của {topic} với các chương trình, đề án khác đang triển khai trên địa bàn, tránh chồng chéo, lãng phí.",
    "Kịp thời nắm bắt khó khăn, vướng mắc phát sinh để tháo gỡ hoặc đề xuất cấp có thẩm quyền xem xét, xử lý.",
    "Đổi mới phương thức tổ chức, đa dạng hóa hình thức tuyên truyền, chú trọng ứng dụng công nghệ thông tin và mạng xã hội.",
    "Nâng cao chất lượng đội ngũ cán bộ, công chức làm công tác chuyên môn ở cơ sở, nhất là vùng sâu, vùng xa.",
    "Gắn kết quả thực hiện {topic} với công tác thi đua, khen thưởng và đánh giá, xếp loại cán bộ hằng năm.",
    "Chú trọng sơ kết, tổng kết, rút kinh nghiệm; nhân rộng các mô hình hay, cách làm hiệu quả, điển hình tiên tiến.",
    "Phát huy vai trò chủ thể của người dân và cộng đồng trong quá trình lập kế hoạch, tổ chức thực hiện và giám sát.",
    "Bảo đảm an toàn, tiết kiệm, hiệu quả; không để xảy ra thất thoát, lãng phí, tiêu cực trong quá trình triển khai.",
    "Cải thiện rõ nét đời sống vật chất và tinh thần của Nhân dân, thu hẹp khoảng cách giữa các vùng, miền.",
    "Rà soát, hoàn thiện cơ chế, chính sách phù hợp với thực tiễn, tạo điều kiện thuận lợi cho người dân và doanh nghiệp.",
    "Nội dung {topic} phải được cụ thể hóa thành chỉ tiêu, nhiệm vụ trong kế hoạch phát triển kinh tế - xã hội hằng năm.",
)
# Pieces of generated sentences: an opening verb, what it acts on, and a tail.
FILLER_VERBS = ("Nâng cao", "Tăng cường", "Đẩy mạnh", "Chú trọng", "Bảo đảm", "Đổi mới", "Phát huy", "Củng cố",
                "Quan tâm", "Cải thiện", "Duy trì", "Mở rộng")
FILLER_OBJECTS = (
    "chất lượng công tác tuyên truyền", "hiệu quả phối hợp giữa các cấp, các ngành", "vai trò của người đứng đầu",
    "công tác kiểm tra, giám sát", "sự tham gia của cộng đồng dân cư", "trách nhiệm nêu gương của cán bộ, đảng viên",
    "ứng dụng công nghệ thông tin", "chế độ thông tin, báo cáo", "công tác đào tạo, bồi dưỡng cán bộ",
    "việc huy động các nguồn lực xã hội", "chất lượng dịch vụ công", "việc nhân rộng các mô hình hiệu quả",
    "điều kiện sống của người dân", "kỷ luật, kỷ cương hành chính", "công tác thi đua, khen thưởng",
)
FILLER_TAILS = (
    "trong triển khai {topic}", "gắn với {topic}", "ở cơ sở, nhất là vùng sâu, vùng xa",
    "bảo đảm thực chất, hiệu quả, tránh hình thức", "phù hợp với điều kiện thực tế của từng địa phương",
    "góp phần hoàn thành các mục tiêu đã đề ra", "theo hướng công khai, minh bạch", "một cách thường xuyên, liên tục",
    "tạo chuyển biến rõ nét về nhận thức và hành động", "đáp ứng yêu cầu nhiệm vụ trong tình hình mới",
)

# Tasks given to an agency (a verb phrase, no agency inside).
TASKS: tuple[str, ...] = (
    "tham mưu bố trí kinh phí thực hiện {topic} theo quy định",
    "hướng dẫn các đơn vị lập dự toán, quản lý, sử dụng và thanh quyết toán kinh phí",
    "tổ chức kiểm tra, giám sát việc triển khai thực hiện tại các địa phương",
    "xây dựng kế hoạch chi tiết và tổ chức triển khai các nội dung được phân công",
    "tổng hợp kết quả thực hiện, tham mưu sơ kết, đánh giá tình hình triển khai",
    "đẩy mạnh công tác thông tin, tuyên truyền về {topic}",
    "rà soát, đề xuất sửa đổi, bổ sung các cơ chế, chính sách liên quan",
    "tổ chức tập huấn, bồi dưỡng nghiệp vụ cho đội ngũ cán bộ cơ sở",
    "theo dõi, đôn đốc tiến độ giải ngân vốn được giao",
    "cập nhật cơ sở dữ liệu và báo cáo tình hình thực hiện theo quy định",
)

SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
            "Dương", "Lý", "Đinh", "Lương", "Hà", "Trịnh")
MIDDLE = ("Văn", "Thị", "Đình", "Minh", "Quốc", "Hữu", "Thanh", "Ngọc", "Đức", "Xuân", "Thành", "Công", "Hồng", "Anh")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Long", "Nam", "Phong", "Quang", "Sơn", "Thắng", "Tuấn",
         "Hà", "Lan", "Hương", "Mai", "Hòa", "Khánh", "Trung", "Việt", "Thảo", "Linh", "Phúc", "Tâm", "Hiếu")

# type code -> (type name as printed in capitals, as cited in running text)
TYPE_NAMES: dict[str, tuple[str, str]] = {
    "NQ": ("NGHỊ QUYẾT", "Nghị quyết"), "QĐ": ("QUYẾT ĐỊNH", "Quyết định"), "CT": ("CHỈ THỊ", "Chỉ thị"),
    "QC": ("QUY CHẾ", "Quy chế"), "QyĐ": ("QUY ĐỊNH", "Quy định"), "TB": ("THÔNG BÁO", "Thông báo"),
    "HD": ("HƯỚNG DẪN", "Hướng dẫn"), "CTr": ("CHƯƠNG TRÌNH", "Chương trình"), "KH": ("KẾ HOẠCH", "Kế hoạch"),
    "PA": ("PHƯƠNG ÁN", "Phương án"), "ĐA": ("ĐỀ ÁN", "Đề án"), "DA": ("DỰ ÁN", "Dự án"),
    "BC": ("BÁO CÁO", "Báo cáo"), "BB": ("BIÊN BẢN", "Biên bản"), "TTr": ("TỜ TRÌNH", "Tờ trình"),
    "HĐ": ("HỢP ĐỒNG", "Hợp đồng"), "CĐ": ("CÔNG ĐIỆN", "Công điện"), "GM": ("GIẤY MỜI", "Giấy mời"),
    "KL": ("KẾT LUẬN", "Kết luận"), "NĐ": ("NGHỊ ĐỊNH", "Nghị định"), "TT": ("THÔNG TƯ", "Thông tư"),
    "TTLT": ("THÔNG TƯ LIÊN TỊCH", "Thông tư liên tịch"), "LUAT": ("LUẬT", "Luật"), "PL": ("PHÁP LỆNH", "Pháp lệnh"),
    "CV": ("", "Công văn"), "TIN": ("", "bài"),
}
ALL_TYPES = tuple(TYPE_NAMES)

# National documents every corpus may cite (not generated: they are the stubs of the graph
# until a national document of the same number is generated).
NATIONAL_REFERENCES: tuple[tuple[str, str, str, str, str], ...] = (
    # type, number, ISO date, issuer, what it is about
    ("NĐ", "27/2022/NĐ-CP", "2022-04-19", "Chính phủ", "quy định cơ chế quản lý, tổ chức thực hiện các chương trình mục tiêu quốc gia"),
    ("NĐ", "163/2016/NĐ-CP", "2016-12-21", "Chính phủ", "quy định chi tiết thi hành một số điều của Luật Ngân sách nhà nước"),
    ("NĐ", "30/2020/NĐ-CP", "2020-03-05", "Chính phủ", "về công tác văn thư"),
    ("NĐ", "38/2023/NĐ-CP", "2023-06-24", "Chính phủ", "sửa đổi, bổ sung một số điều của nghị định về chương trình mục tiêu quốc gia"),
    ("QĐ", "1719/QĐ-TTg", "2021-10-14", "Thủ tướng Chính phủ", "phê duyệt Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2021 - 2030"),
    ("QĐ", "90/QĐ-TTg", "2022-01-18", "Thủ tướng Chính phủ", "phê duyệt Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025"),
    ("QĐ", "263/QĐ-TTg", "2022-02-22", "Thủ tướng Chính phủ", "phê duyệt Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025"),
    ("TT", "15/2022/TT-BTC", "2022-03-04", "Bộ Tài chính", "quy định quản lý và sử dụng kinh phí sự nghiệp thực hiện chương trình mục tiêu quốc gia"),
    ("TT", "46/2022/TT-BTC", "2022-07-28", "Bộ Tài chính", "quy định quản lý, sử dụng và quyết toán kinh phí sự nghiệp thực hiện chương trình giảm nghèo"),
    ("NQ", "120/2020/QH14", "2020-06-19", "Quốc hội", "phê duyệt chủ trương đầu tư Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi"),
    ("LUAT", "83/2015/QH13", "2015-06-25", "Quốc hội", "Ngân sách nhà nước"),
    ("LUAT", "77/2015/QH13", "2015-06-19", "Quốc hội", "Tổ chức chính quyền địa phương"),
    ("LUAT", "39/2019/QH14", "2019-06-13", "Quốc hội", "Đầu tư công"),
    ("NQ", "88/NQ-CP", "2021-08-02", "Chính phủ", "ban hành Chương trình hành động thực hiện nghị quyết của Quốc hội"),
    ("TTLT", "04/2016/TTLT-BNV-BTC", "2016-06-29", "Bộ Nội vụ - Bộ Tài chính", "hướng dẫn quản lý, sử dụng kinh phí hoạt động"),
    ("PL", "02/2020/UBTVQH14", "2020-12-09", "Ủy ban Thường vụ Quốc hội", "Ưu đãi người có công với cách mạng"),
)

# --- small helpers -------------------------------------------------------------------------------


def thousands(n: int) -> str:
    """12345678 -> '12.345.678' (the Vietnamese thousands separator)."""
    return f"{n:,}".replace(",", ".")


_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def _three(n: int, full: bool) -> str:
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    words: list[str] = []
    if full or hundreds:
        words += [_DIGITS[hundreds], "trăm"]
    if tens > 1:
        words += [_DIGITS[tens], "mươi"]
    elif tens == 1:
        words.append("mười")
    elif ones and words:
        words.append("lẻ")
    if ones:
        if ones == 1 and tens > 1:
            words.append("mốt")
        elif ones == 5 and tens:
            words.append("lăm")
        elif ones == 4 and tens > 1:
            words.append("tư")
        else:
            words.append(_DIGITS[ones])
    return " ".join(words)


def in_words(n: int) -> str:
    """An amount of đồng in words, as "Bằng chữ" writes it: 350000000 -> 'Ba trăm năm mươi triệu đồng'."""
    scales = ("", "nghìn", "triệu", "tỷ")
    groups: list[int] = []
    while n:
        n, g = divmod(n, 1000)
        groups.append(g)
    words: list[str] = []
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if not g:
            continue
        words.append(_three(g, full=bool(words)))
        if scales[i]:
            words.append(scales[i])
    text = " ".join(words) + " đồng"
    return text[0].upper() + text[1:]


def iso(d: date) -> str:
    return d.isoformat()


@dataclass(frozen=True)
class Money:
    """An amount as the generator prints it and as the gold records it."""

    value_vnd: int
    unit: str  # triệu đồng | tỷ đồng | đồng
    text: str

    @classmethod
    def millions(cls, millions: int) -> "Money":
        return cls(millions * 1_000_000, "triệu đồng", f"{thousands(millions)} triệu đồng")

    @classmethod
    def billions(cls, tenths: int) -> "Money":
        """``tenths`` of a tỷ: 25 -> '2,5 tỷ đồng'."""
        whole, frac = divmod(tenths, 10)
        text = f"{thousands(whole)},{frac} tỷ đồng" if frac else f"{thousands(whole)} tỷ đồng"
        return cls(tenths * 100_000_000, "tỷ đồng", text)

    @classmethod
    def dong(cls, value: int) -> "Money":
        return cls(value, "đồng", f"{thousands(value)} đồng")


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


# --- document bodies -----------------------------------------------------------------------------

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


class Composer:
    """Writes one document: header, opening, body by type, closing, signature, gold."""

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


# --- rendering --------------------------------------------------------------------------------------


@dataclass
class SynthDoc:
    index: int
    entry: Entry
    writer: Writer
    gold: dict
    bad_budget: bool = False

    @property
    def stem(self) -> str:
        return f"synth-{self.index:06d}"

    def blocks(self) -> tuple[list[str], list[str], list[str], list[str], list[str], list[str]]:
        w = self.writer
        return w.left, w.right, w.title, w.body, w.distribution, w.signature

    def text(self, rng: random.Random | None = None) -> str:
        """The document as a plain-text file (layout varies with the document)."""
        rng = rng or random.Random(f"layout:{self.index}")
        w = self.writer
        if self.entry.doc_type == "TIN":
            boilerplate = ["Chia sẻ", "Bản quyền thuộc về cơ quan chủ quản."]
            parts = [w.title[0], "", w.right[0], ""] + _spaced(w.body, True) + ["", w.signature[0], ""] + boilerplate
            return "\n".join(parts) + "\n"
        gap = rng.random() < 0.6
        layout = rng.random()
        if layout < 0.45:
            head = w.left + [""] + w.right
        elif layout < 0.75:
            head = w.right + [""] + w.left
        else:
            head = _side_by_side(w.left, w.right, rng)
        lines = head + [""] + w.title + [""] + _spaced(w.body, gap) + [""]
        tail_sig = w.signature[:-1] + [""] + w.signature[-1:]
        if rng.random() < 0.5:
            lines += w.distribution + ["", ""] + tail_sig
        else:
            lines += tail_sig + ["", ""] + w.distribution
        return "\n".join(lines) + "\n"


def _spaced(paras: list[str], gap: bool) -> list[str]:
    if not gap:
        return list(paras)
    out: list[str] = []
    for p in paras:
        out += [p, ""]
    return out[:-1]


def _side_by_side(left: list[str], right: list[str], rng: random.Random) -> list[str]:
    """The two header columns on the same lines, as a layout-preserving converter prints them."""
    width = max(len(x) for x in left) + rng.randint(6, 12)
    rows = max(len(left), len(right))
    out = []
    for i in range(rows):
        a = left[i] if i < len(left) else ""
        b = right[i] if i < len(right) else ""
        out.append((a.ljust(width) + b).rstrip())
    return out


def write_docx(doc: SynthDoc, path: Path) -> None:
    """A .docx as offices write them: the header and the signature in two-column tables."""
    import docx
    from docx.shared import Pt

    left, right, title, body, distribution, signature = doc.blocks()
    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    if doc.entry.doc_type == "TIN":
        d.add_paragraph(title[0])
        d.add_paragraph(right[0])
        for p in body:
            d.add_paragraph(p)
        d.add_paragraph(signature[0])
        d.save(str(path))
        return
    table = d.add_table(rows=1, cols=2)
    _cell_lines(table.rows[0].cells[0], left)
    _cell_lines(table.rows[0].cells[1], right)
    for line in title:
        d.add_paragraph(line)
    for p in body:
        d.add_paragraph(p)
    table = d.add_table(rows=1, cols=2)
    _cell_lines(table.rows[0].cells[0], distribution)
    _cell_lines(table.rows[0].cells[1], signature)
    d.save(str(path))


def _cell_lines(cell, lines: list[str]) -> None:
    cell.paragraphs[0].text = lines[0] if lines else ""
    for line in lines[1:]:
        cell.add_paragraph(line)


FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def write_pdf(doc: SynthDoc, path: Path) -> None:
    """A .pdf with a text layer: header columns side by side, wrapped body lines."""
    from fpdf import FPDF

    left, right, title, body, distribution, signature = doc.blocks()
    pdf = FPDF(format="A4")
    pdf.set_margins(20, 15, 15)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_font("dejavu", "", FONT)
    pdf.set_font("dejavu", size=10)
    pdf.add_page()
    page_w = pdf.w - pdf.l_margin - pdf.r_margin
    col = page_w / 2 - 2
    if doc.entry.doc_type == "TIN":
        pdf.multi_cell(page_w, 6, title[0], new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(page_w, 5, right[0], new_x="LMARGIN", new_y="NEXT")
    else:
        top = pdf.get_y()
        pdf.multi_cell(col, 5, "\n".join(left), align="C", new_x="LMARGIN", new_y="NEXT")
        left_end = pdf.get_y()
        pdf.set_xy(pdf.l_margin + page_w / 2 + 2, top)
        pdf.multi_cell(col, 5, "\n".join(right), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(max(left_end, pdf.get_y()) + 4)
        for line in title:
            pdf.multi_cell(page_w, 5, line, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    for p in body:
        # "Kính gửi" stands in the middle of the page, as in the printed form
        pdf.multi_cell(page_w, 5, p, align="C" if p.startswith("Kính gửi") else "L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    if distribution:
        if pdf.get_y() > pdf.h - 70:
            pdf.add_page()
        top = pdf.get_y()
        pdf.multi_cell(col, 5, "\n".join(distribution), new_x="LMARGIN", new_y="NEXT")
        end = pdf.get_y()
        pdf.set_xy(pdf.l_margin + page_w / 2 + 2, top)
        pdf.multi_cell(col, 5, "\n".join(signature), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(max(end, pdf.get_y()))
    else:
        pdf.multi_cell(page_w, 5, "\n".join(signature), new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


# --- the corpus -------------------------------------------------------------------------------------

FORMATS = ("txt", "docx", "pdf")


def generate(n: int, *, seed: int = 1, bad_share: float = 0.05, kb: float = 10.0,
             catalog: Catalog | None = None, start: int = 0) -> Iterator[SynthDoc]:
    """Documents ``start .. n-1`` of the corpus of ``seed``. About ``kb`` KB of text each;
    among documents with a budget, a share ``bad_share`` has a total that does not add up."""
    catalog = catalog or Catalog(seed)
    catalog.ensure(n)
    target = int(kb * 1000 / 1.3)  # Vietnamese text is about 1.3 bytes per character in UTF-8
    for i in range(start, n):
        entry = catalog.entries[i]
        bad = random.Random(f"bad:{seed}:{i}").random() < bad_share
        doc = Composer(catalog, entry, seed=seed, target_chars=target, bad_budget=bad).compose()
        yield doc


def format_of(index: int, formats: tuple[str, ...], seed: int) -> str:
    return formats[0] if len(formats) == 1 else random.Random(f"format:{seed}:{index}").choice(formats)


def write_doc(doc: SynthDoc, docs_dir: Path, gold_dir: Path, fmt: str) -> Path:
    path = docs_dir / f"{doc.stem}.{fmt}"
    if fmt == "txt":
        path.write_text(doc.text(), encoding="utf-8")
    elif fmt == "docx":
        write_docx(doc, path)
    elif fmt == "pdf":
        write_pdf(doc, path)
    else:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    gold = dict(doc.gold, source=path.name)
    gold["synthetic"] = {"index": doc.index, "format": fmt, "bad_budget": doc.bad_budget}
    (gold_dir / f"{doc.stem}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def generator_version() -> str:
    """A digest of this file: a corpus written by another version of the generator is not reused."""
    import hashlib

    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]


def write_corpus(out: Path, n: int, *, formats: tuple[str, ...] = ("txt",), seed: int = 1, bad_share: float = 0.05,
                 kb: float = 10.0, progress: bool = False) -> dict:
    """Write ``n`` documents and their gold under ``out``; returns the manifest."""
    out = Path(out)
    docs_dir, gold_dir = out / "docs", out / "gold"
    docs_dir.mkdir(parents=True, exist_ok=True)
    gold_dir.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    by_type: dict[str, int] = {}
    by_format: dict[str, int] = {}
    budgets = bad = size = 0
    for doc in generate(n, seed=seed, bad_share=bad_share, kb=kb):
        fmt = format_of(doc.index, formats, seed)
        path = write_doc(doc, docs_dir, gold_dir, fmt)
        size += path.stat().st_size
        by_type[doc.entry.doc_type] = by_type.get(doc.entry.doc_type, 0) + 1
        by_format[fmt] = by_format.get(fmt, 0) + 1
        budgets += bool(doc.gold["budget_checks"])
        bad += doc.bad_budget
        if progress and (doc.index + 1) % 1000 == 0:
            print(f"  {doc.index + 1} documents", file=sys.stderr)
    manifest = {"n": n, "seed": seed, "formats": list(formats), "bad_share": bad_share, "kb": kb,
                "generator": generator_version(),
                "bytes": size, "by_type": dict(sorted(by_type.items())), "by_format": by_format,
                "with_budget": budgets, "bad_budget": bad, "seconds": round(time.monotonic() - started, 2)}
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, required=True, help="number of documents")
    ap.add_argument("--out", type=Path, required=True, help="output folder (docs/, gold/, manifest.json)")
    ap.add_argument("--formats", default="txt", help="comma-separated: txt,docx,pdf (default txt)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bad-share", type=float, default=0.05,
                    help="share of documents with a budget whose total does not add up (default 0.05)")
    ap.add_argument("--kb", type=float, default=10.0, help="approximate size of each document's text in KB (default 10)")
    args = ap.parse_args(argv)
    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        ap.error(f"unknown format(s) {', '.join(unknown)}; one of {', '.join(FORMATS)}")
    manifest = write_corpus(args.out, args.n, formats=formats, seed=args.seed, bad_share=args.bad_share,
                            kb=args.kb, progress=True)
    print(json.dumps(manifest, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
