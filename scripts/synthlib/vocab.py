"""The synthetic corpus's vocabulary: provinces, bodies, topics, sentences, names, type names,
and the small helpers that write figures and dates as documents print them."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


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
