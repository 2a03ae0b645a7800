"""Generate a large, realistic archive of Vietnamese news articles straight into the database.

``archive_generate(count, seed=...)`` makes sure the portal has a home page and a tree of
sections (through Wagtail's normal API: about thirty pages), then inserts ``count``
articles in bulk: the treebeard materialised paths are computed here and rows go into
``wagtailcore_page`` and ``news_articlepage`` directly. Signals, revisions and search
indexing are bypassed on purpose; the caller builds the search index afterwards.

Text is built from the project's own Vietnamese articles (split into sentences, years
shifted to the article's year) mixed with templated sentences full of agencies, places,
people and figures, so common words are everywhere and names are rare.

CLI: ``python bench/archive.py --count 1000 --seed 1``.
"""

import argparse
import bisect
import datetime
import html
import itertools
import json
import os
import random
import re
import sys
import time
import unicodedata
import uuid
import zoneinfo
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
POOL_GLOBS = (
    "tests/search/relevance/articles/*.txt",
    "bantin/demo/content/bulletins/*/*.txt",
)

FIRST_DAY = datetime.date(2011, 1, 1)
LAST_DAY = datetime.date(2026, 10, 31)
# Density grows linearly with time: the last day gets (1 + GROWTH) times the first day's.
GROWTH = 2.0
BATCH_SIZE = 2000

# --------------------------------------------------------------------------------------
# Section tree: (title, slug, intro, [(title, slug, intro, weight, theme, since_year)]).
# Articles go to the subsections; a top-level section also gets a few of its own.
# --------------------------------------------------------------------------------------

SECTION_TREE = [
    (
        "Tin tức - Sự kiện",
        "tin-tuc-su-kien",
        "Tin tức, sự kiện nổi bật trên địa bàn tỉnh.",
        [
            (
                "Hoạt động của lãnh đạo tỉnh",
                "hoat-dong-cua-lanh-dao-tinh",
                "Hoạt động của lãnh đạo Tỉnh ủy, HĐND, UBND tỉnh và Đoàn ĐBQH tỉnh.",
                12,
                "lanh-dao",
                0,
            ),
            (
                "Tin địa phương",
                "tin-dia-phuong",
                "Tin từ các huyện, thành phố, xã, phường và thôn, bản.",
                12,
                "dia-phuong",
                0,
            ),
        ],
    ),
    (
        "Kinh tế",
        "kinh-te",
        "Nông nghiệp, công nghiệp, thương mại, đầu tư và môi trường.",
        [
            (
                "Nông nghiệp - Nông thôn",
                "nong-nghiep-nong-thon",
                "Sản xuất nông, lâm nghiệp, chăn nuôi, nông thôn mới, sản phẩm OCOP.",
                9,
                "nong-nghiep",
                0,
            ),
            (
                "Công nghiệp - Thương mại",
                "cong-nghiep-thuong-mai",
                "Sản xuất công nghiệp, thị trường, xúc tiến thương mại.",
                4,
                "cong-thuong",
                0,
            ),
            (
                "Đầu tư - Xây dựng",
                "dau-tu-xay-dung",
                "Đầu tư công, thu hút đầu tư, hạ tầng giao thông và đô thị.",
                5,
                "dau-tu",
                0,
            ),
            (
                "Tài nguyên - Môi trường",
                "tai-nguyen-moi-truong",
                "Đất đai, khoáng sản, môi trường, phòng chống thiên tai.",
                3,
                "moi-truong",
                0,
            ),
        ],
    ),
    (
        "Văn hóa - Xã hội",
        "van-hoa-xa-hoi",
        "Giáo dục, y tế, văn hóa, thể thao, lao động và an sinh xã hội.",
        [
            (
                "Giáo dục - Đào tạo",
                "giao-duc-dao-tao",
                "Trường lớp, thi cử, đào tạo nghề.",
                5,
                "giao-duc",
                0,
            ),
            (
                "Y tế",
                "y-te",
                "Khám chữa bệnh, phòng chống dịch bệnh, an toàn thực phẩm.",
                4,
                "y-te",
                0,
            ),
            (
                "Văn hóa - Thể thao",
                "van-hoa-the-thao",
                "Bảo tồn văn hóa các dân tộc, phong trào văn nghệ, thể dục thể thao.",
                4,
                "van-hoa",
                0,
            ),
            (
                "Lao động - An sinh xã hội",
                "lao-dong-an-sinh-xa-hoi",
                "Việc làm, giảm nghèo, chính sách người có công, bảo trợ xã hội.",
                4,
                "an-sinh",
                0,
            ),
        ],
    ),
    (
        "Du lịch",
        "du-lich",
        "Điểm đến, lễ hội và dịch vụ du lịch của tỉnh.",
        [
            (
                "Điểm đến",
                "diem-den",
                "Danh thắng, làng du lịch cộng đồng, homestay.",
                2,
                "du-lich",
                0,
            ),
            ("Lễ hội", "le-hoi", "Lễ hội truyền thống, ngày hội văn hóa, du lịch.", 2, "le-hoi", 0),
        ],
    ),
    (
        "Quốc phòng - An ninh",
        "quoc-phong-an-ninh",
        "Quốc phòng địa phương, an ninh trật tự, an toàn giao thông.",
        [
            (
                "Quân sự - Quốc phòng",
                "quan-su-quoc-phong",
                "Huấn luyện, diễn tập, tuyển quân, dân quân tự vệ.",
                3,
                "quoc-phong",
                0,
            ),
            (
                "An ninh - Trật tự",
                "an-ninh-trat-tu",
                "Phòng chống tội phạm, an toàn giao thông, phòng cháy chữa cháy.",
                3,
                "an-ninh",
                0,
            ),
        ],
    ),
    (
        "Chỉ đạo điều hành",
        "chi-dao-dieu-hanh",
        "Chỉ đạo, điều hành của Tỉnh ủy, UBND tỉnh.",
        [
            (
                "Văn bản chỉ đạo",
                "van-ban-chi-dao",
                "Kế hoạch, chỉ thị, công điện của UBND tỉnh.",
                4,
                "chi-dao",
                0,
            ),
            (
                "Cải cách hành chính",
                "cai-cach-hanh-chinh",
                "Thủ tục hành chính, một cửa, dịch vụ công.",
                3,
                "cchc",
                0,
            ),
            (
                "Chuyển đổi số",
                "chuyen-doi-so",
                "Chính quyền số, kinh tế số, xã hội số.",
                3,
                "cds",
                2020,
            ),
        ],
    ),
    (
        "Xây dựng Đảng - Chính quyền",
        "xay-dung-dang-chinh-quyen",
        "Công tác xây dựng Đảng, hoạt động HĐND các cấp.",
        [
            (
                "Công tác xây dựng Đảng",
                "cong-tac-xay-dung-dang",
                "Tổ chức, kiểm tra, tuyên giáo, dân vận.",
                4,
                "dang",
                0,
            ),
            (
                "Hoạt động HĐND",
                "hoat-dong-hdnd",
                "Kỳ họp, giám sát, tiếp xúc cử tri.",
                3,
                "hdnd",
                0,
            ),
        ],
    ),
    (
        "Thông báo",
        "thong-bao",
        "Thông báo, lịch tiếp công dân, tuyển dụng, lấy ý kiến dự thảo.",
        [
            ("Tuyển dụng", "tuyen-dung", "Tuyển dụng công chức, viên chức.", 1.5, "tuyen-dung", 0),
            (
                "Lịch tiếp công dân",
                "lich-tiep-cong-dan",
                "Lịch tiếp công dân của lãnh đạo tỉnh.",
                1,
                "tiep-dan",
                0,
            ),
            (
                "Lấy ý kiến dự thảo",
                "lay-y-kien-du-thao",
                "Dự thảo văn bản quy phạm pháp luật lấy ý kiến nhân dân.",
                1,
                "du-thao",
                0,
            ),
        ],
    ),
]
# Share of a top-level section's articles filed directly under it.
TOP_LEVEL_SHARE = 0.06
# A top-level section's own articles: its own theme if it has one, else a child's.
TOP_LEVEL_THEMES = {"thong-bao": "thong-bao"}

# --------------------------------------------------------------------------------------
# Vocabulary. A topic is a noun phrase; ``(phrase, from_year[, to_year])`` limits its era.
# ``keys`` pick the corpus sentences that suit the theme; ``titles`` are extra (or, with
# ``generic: False``, the only) title templates.
# --------------------------------------------------------------------------------------

THEMES = {
    "lanh-dao": {
        "topics": [
            "tiến độ các dự án trọng điểm",
            "giải ngân vốn đầu tư công",
            "công tác chuẩn bị Tết Nguyên đán",
            "thực hiện nhiệm vụ phát triển kinh tế - xã hội",
            "xây dựng nông thôn mới",
            "khắc phục hậu quả mưa lũ",
            "công tác giải phóng mặt bằng",
            "thu hút đầu tư",
            "thực hiện các chương trình mục tiêu quốc gia",
            ("sắp xếp đơn vị hành chính cấp xã", 2019),
            ("phòng, chống dịch COVID-19", 2020, 2022),
            ("xóa nhà tạm, nhà dột nát", 2024),
        ],
        "titles": [
            "{leader_title} {leader} làm việc tại {district_full}",
            "{leader_title} kiểm tra {topic} tại {place}",
            "Lãnh đạo tỉnh thăm, chúc Tết {tet_target}",
            "{leader_title} tiếp {guest}",
            "Đoàn công tác của tỉnh làm việc với {district_full} về {topic}",
            "{leader_title} chủ trì hội nghị về {topic}",
            "Thường trực Tỉnh ủy làm việc với {agency}",
            "Đồng chí {leader} dự {festive} tại {place}",
        ],
        "keys": [
            "lãnh đạo",
            "bí thư",
            "chủ tịch",
            "làm việc",
            "kiểm tra",
            "đoàn công tác",
            "kết luận",
        ],
    },
    "dia-phuong": {
        "topics": [
            "phát triển kinh tế hộ gia đình",
            "xây dựng nông thôn mới",
            "giảm nghèo bền vững",
            "làm đường giao thông nông thôn",
            "chuyển đổi cơ cấu cây trồng",
            "vệ sinh môi trường nông thôn",
            "phát huy vai trò người có uy tín",
            "xây dựng thôn, bản văn hóa",
            "bê tông hóa đường ngõ xóm",
            ("phát triển sản phẩm OCOP", 2018),
            ("xây dựng khu dân cư kiểu mẫu", 2021),
        ],
        "titles": [
            "{District}: {achieve} {topic}",
            "{Commune_full} đổi thay nhờ {topic}",
            "Người dân thôn {village} chung sức {topic}",
            "{District} hoàn thành {topic} năm {year}",
            "Thôn {village} ({commune}, {district}) khởi sắc",
            "Đổi thay ở {commune_full}",
        ],
        "keys": ["xã", "thôn", "bản", "huyện", "người dân", "hộ"],
    },
    "nong-nghiep": {
        "topics": [
            "sản xuất vụ xuân",
            "sản xuất vụ mùa",
            "trồng rừng gỗ lớn",
            "phòng chống dịch bệnh gia súc",
            ("phòng chống dịch tả lợn châu Phi", 2019),
            "phát triển cây cam quýt",
            "phát triển vùng chè Shan tuyết",
            ("phát triển sản phẩm OCOP", 2018),
            "xây dựng nông thôn mới",
            "phòng chống đói rét cho đàn gia súc",
            "phát triển hợp tác xã nông nghiệp",
            "ứng dụng khoa học kỹ thuật trong sản xuất",
            "bảo vệ và phát triển rừng",
            "chăn nuôi theo hướng hàng hóa",
            "phát triển cây dược liệu",
            "sản xuất miến dong",
        ],
        "titles": [
            "{District} gieo cấy {crop_area} ha lúa vụ {season}",
            "Hiệu quả mô hình {model} ở {commune_full}",
            "Nông dân {district} {achieve} {topic}",
        ],
        "keys": [
            "lúa",
            "vụ",
            "cây trồng",
            "chăn nuôi",
            "gia súc",
            "rừng",
            "ocop",
            "nông thôn mới",
            "nông dân",
            "hợp tác xã",
            "dịch tả",
            "cam",
            "quýt",
            "miến dong",
            "chè",
        ],
    },
    "cong-thuong": {
        "topics": [
            "phát triển thương mại nông thôn",
            "xúc tiến thương mại",
            "bình ổn thị trường dịp Tết",
            "chống buôn lậu, gian lận thương mại",
            "phát triển công nghiệp chế biến nông lâm sản",
            "tiêu thụ nông sản cho người dân",
            ("phát triển thương mại điện tử", 2019),
            "đưa hàng Việt về nông thôn",
            "cung ứng điện mùa khô",
            "phát triển tiểu thủ công nghiệp",
        ],
        "titles": [
            "Hội chợ {fair} thu hút đông đảo người dân",
            "Giá trị sản xuất công nghiệp {period} tăng {pct_small}%",
        ],
        "keys": ["thương mại", "thị trường", "doanh nghiệp", "hàng hóa", "tiêu thụ", "công nghiệp"],
    },
    "dau-tu": {
        "topics": [
            "giải ngân vốn đầu tư công",
            "thu hút đầu tư vào khu công nghiệp",
            "cải thiện môi trường đầu tư kinh doanh",
            "giải phóng mặt bằng các dự án trọng điểm",
            "xây dựng tuyến đường kết nối liên huyện",
            "đầu tư hạ tầng giao thông",
            "hỗ trợ doanh nghiệp nhỏ và vừa",
            "nâng cao chỉ số năng lực cạnh tranh cấp tỉnh",
            ("thi công đường cao tốc Chợ Mới - Bắc Kạn", 2021),
            "chỉnh trang đô thị",
        ],
        "titles": [
            "Khởi công xây dựng {project} tại {place}",
            "Khánh thành {project} ở {place}",
            "Trao giấy chứng nhận đầu tư dự án {investment} tại {district_full}",
        ],
        "keys": [
            "đầu tư",
            "dự án",
            "vốn",
            "giải ngân",
            "nhà đầu tư",
            "công trình",
            "thi công",
            "mặt bằng",
            "khu công nghiệp",
        ],
    },
    "moi-truong": {
        "topics": [
            "quản lý khai thác khoáng sản",
            "bảo vệ môi trường hồ Ba Bể",
            "thu gom, xử lý rác thải sinh hoạt",
            "cấp giấy chứng nhận quyền sử dụng đất",
            "quản lý đất đai",
            "phòng chống thiên tai",
            "ứng phó với biến đổi khí hậu",
            "bảo vệ nguồn nước sông Cầu",
            "kiểm kê đất đai",
        ],
        "titles": [
            "Mưa lớn gây sạt lở tại {place}",
            "{District} chủ động ứng phó mưa lũ",
        ],
        "keys": [
            "môi trường",
            "khoáng sản",
            "đất đai",
            "rác thải",
            "thiên tai",
            "sạt lở",
            "lũ",
            "mưa",
            "nguồn nước",
        ],
    },
    "giao-duc": {
        "topics": [
            "tổ chức kỳ thi tốt nghiệp THPT",
            "chuẩn bị năm học mới",
            "kiên cố hóa trường lớp học",
            ("thực hiện chương trình giáo dục phổ thông mới", 2020),
            "xây dựng trường đạt chuẩn quốc gia",
            "phổ cập giáo dục",
            "dạy học ở các điểm trường vùng cao",
            "bồi dưỡng học sinh giỏi",
            "giáo dục nghề nghiệp",
            "tuyển sinh vào lớp 10",
        ],
        "titles": [
            "Khai giảng năm học {school_year} tại {place}",
            "{n_small} học sinh đoạt giải kỳ thi chọn học sinh giỏi cấp tỉnh năm {year}",
            "Trường {school} đạt chuẩn quốc gia",
        ],
        "keys": ["học sinh", "giáo viên", "trường", "năm học", "giáo dục", "thi", "lớp học"],
    },
    "y-te": {
        "topics": [
            "tiêm chủng mở rộng",
            ("tiêm vắc xin phòng COVID-19", 2021, 2022),
            ("phòng, chống dịch COVID-19", 2020, 2022),
            "bảo đảm an toàn thực phẩm",
            "phòng chống sốt xuất huyết",
            "khám chữa bệnh bảo hiểm y tế",
            "nâng cao chất lượng y tế cơ sở",
            "chăm sóc sức khỏe bà mẹ và trẻ em",
            "phòng chống dịch bệnh mùa đông xuân",
            "vận động hiến máu tình nguyện",
            "khám bệnh miễn phí cho người nghèo",
        ],
        "titles": [
            "Bệnh viện Đa khoa tỉnh {hospital_news}",
            "Trung tâm Y tế {district} {achieve} {topic}",
        ],
        "keys": ["y tế", "bệnh", "dịch", "tiêm", "khám", "bệnh viện", "sức khỏe", "thực phẩm"],
    },
    "van-hoa": {
        "topics": [
            "bảo tồn văn hóa dân tộc Tày, Nùng, Dao",
            "phong trào Toàn dân đoàn kết xây dựng đời sống văn hóa",
            "tổ chức Đại hội Thể dục thể thao các cấp",
            "bảo tồn hát then, đàn tính",
            "xây dựng thiết chế văn hóa cơ sở",
            "phát triển phong trào văn nghệ quần chúng",
            "giữ gìn trang phục truyền thống",
            "phát triển phong trào đọc sách",
        ],
        "titles": [
            "Giải {sport} tỉnh năm {year} khép lại với nhiều bất ngờ",
            "Liên hoan hát then, đàn tính {district} năm {year}",
            "Nghệ nhân {person} và tâm huyết {topic}",
        ],
        "keys": ["văn hóa", "lễ hội", "then", "đàn tính", "thể thao", "văn nghệ", "truyền thống"],
    },
    "an-sinh": {
        "topics": [
            "giảm nghèo bền vững",
            ("xóa nhà tạm, nhà dột nát", 2024),
            "giải quyết việc làm cho lao động nông thôn",
            "đào tạo nghề cho lao động nông thôn",
            "chăm lo Tết cho người có công",
            "hỗ trợ hộ nghèo",
            "đưa lao động đi làm việc ở nước ngoài",
            "thực hiện chính sách bảo hiểm xã hội",
            "chăm sóc người cao tuổi",
            "bảo vệ trẻ em",
        ],
        "titles": [
            "Bàn giao nhà Đại đoàn kết cho hộ nghèo ở {place}",
            "Phiên giao dịch việc làm thu hút {n} lao động",
        ],
        "keys": ["hộ nghèo", "việc làm", "lao động", "an sinh", "hỗ trợ", "người có công", "nhà ở"],
    },
    "du-lich": {
        "topics": [
            "phát triển du lịch cộng đồng",
            "quảng bá du lịch hồ Ba Bể",
            "đón khách dịp nghỉ lễ",
            "nâng cao chất lượng dịch vụ homestay",
            "khai thác tiềm năng du lịch sinh thái",
            "xúc tiến du lịch",
            "kết nối tour du lịch liên tỉnh",
            "phát triển sản phẩm du lịch đặc trưng",
        ],
        "titles": [
            "Hồ Ba Bể đón {n} lượt khách dịp {holiday}",
            "Homestay bản {village} hút khách",
            "Khám phá {sight}",
        ],
        "keys": ["du lịch", "du khách", "homestay", "ba bể", "điểm đến", "quảng bá"],
    },
    "le-hoi": {
        "generic": False,
        "topics": [
            "lễ hội Lồng tồng",
            ("Ngày hội cam quýt", 2014),
            "Ngày hội văn hóa các dân tộc",
            "lễ hội xuống đồng",
            "Tuần Văn hóa - Du lịch",
            "lễ hội đền Thắm",
            "Hội chợ nông sản",
            "Ngày hội Đại đoàn kết toàn dân tộc",
        ],
        "titles": [
            "Tưng bừng {topic} {district} năm {year}",
            "Khai mạc {topic} năm {year}",
            "Đặc sắc {topic} tại {place}",
        ],
        "keys": ["lễ hội", "ngày hội", "lồng tồng", "khai mạc", "văn nghệ", "trò chơi dân gian"],
    },
    "quoc-phong": {
        "topics": [
            "diễn tập khu vực phòng thủ",
            "tuyển chọn và gọi công dân nhập ngũ",
            "huấn luyện dân quân tự vệ",
            "xây dựng nền quốc phòng toàn dân",
            "giáo dục quốc phòng và an ninh",
            "tìm kiếm cứu nạn",
            "chính sách hậu phương quân đội",
        ],
        "titles": [
            "Lễ giao nhận quân năm {year} tại {district_full}",
            "Diễn tập khu vực phòng thủ {district_full} năm {year}",
        ],
        "keys": ["quân sự", "quốc phòng", "diễn tập", "dân quân", "nhập ngũ", "bộ đội", "vũ trang"],
    },
    "an-ninh": {
        "topics": [
            "bảo đảm trật tự an toàn giao thông",
            "đấu tranh phòng chống tội phạm ma túy",
            "phòng chống cháy rừng",
            "phong trào Toàn dân bảo vệ an ninh Tổ quốc",
            "phòng cháy chữa cháy",
            ("cấp căn cước công dân gắn chíp", 2021, 2024),
            ("phòng chống lừa đảo trên không gian mạng", 2020),
            "tấn công trấn áp tội phạm",
            "kiểm soát tải trọng phương tiện",
        ],
        "titles": [
            "Công an {district} bắt đối tượng {crime}",
            "Triệt phá đường dây {crime} tại {place}",
        ],
        "keys": [
            "công an",
            "tội phạm",
            "ma túy",
            "an ninh",
            "trật tự",
            "giao thông",
            "cháy",
            "vi phạm",
        ],
    },
    "chi-dao": {
        "topics": [
            "thực hiện nghị quyết của HĐND tỉnh",
            "điều hành ngân sách",
            "phòng chống thiên tai",
            "thực hành tiết kiệm, chống lãng phí",
            "tăng cường kỷ luật, kỷ cương hành chính",
            "quản lý giá",
            "bảo đảm an toàn trong mùa mưa lũ",
            "thu ngân sách nhà nước",
        ],
        "titles": [
            "UBND tỉnh ban hành kế hoạch {topic} năm {year}",
            "Chỉ thị của Chủ tịch UBND tỉnh về {topic}",
            "Công điện của Chủ tịch UBND tỉnh về {topic}",
            "Phiên họp UBND tỉnh thường kỳ tháng {m}/{year}",
        ],
        "keys": ["chỉ đạo", "yêu cầu", "kế hoạch", "triển khai", "nhiệm vụ", "đề nghị"],
    },
    "cchc": {
        "topics": [
            "cải cách thủ tục hành chính",
            "nâng cao chỉ số cải cách hành chính",
            "thực hiện cơ chế một cửa, một cửa liên thông",
            "cung cấp dịch vụ công trực tuyến",
            "nâng cao chỉ số hài lòng của người dân",
            "sắp xếp tổ chức bộ máy",
            "kiểm soát thủ tục hành chính",
            ("số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", 2021),
        ],
        "keys": ["thủ tục", "hành chính", "một cửa", "dịch vụ công", "hồ sơ", "cải cách"],
    },
    "cds": {
        "topics": [
            ("chuyển đổi số", 2019),
            ("triển khai Đề án 06", 2022),
            "xây dựng chính quyền điện tử",
            "phát triển hạ tầng viễn thông",
            "thanh toán không dùng tiền mặt",
            "ứng dụng công nghệ thông tin",
            ("đào tạo kỹ năng số cho người dân", 2021),
            ("hoạt động của tổ công nghệ số cộng đồng", 2022),
        ],
        "keys": ["số", "trực tuyến", "công nghệ", "điện tử", "dữ liệu", "phần mềm"],
    },
    "dang": {
        "topics": [
            "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            "công tác kiểm tra, giám sát",
            "phát triển đảng viên",
            "công tác cán bộ",
            "học tập, quán triệt nghị quyết",
            "công tác dân vận",
            "phòng, chống tham nhũng, tiêu cực",
            "công tác tuyên giáo",
        ],
        "titles": [
            "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ {n_small}",
            "Đảng bộ {district_full} kết nạp {n_small} đảng viên mới",
        ],
        "keys": ["đảng", "đảng viên", "tỉnh ủy", "chi bộ", "nghị quyết", "ban chấp hành", "cấp ủy"],
    },
    "hdnd": {
        "topics": [
            "giám sát việc thực hiện chính sách",
            "tiếp xúc cử tri",
            "hoạt động chất vấn và trả lời chất vấn",
            "tiếp công dân",
            "thẩm tra dự thảo nghị quyết",
            "giám sát giải quyết khiếu nại, tố cáo",
        ],
        "titles": [
            "Kỳ họp thứ {n_small} HĐND tỉnh khóa {council_term}",
            "Đại biểu HĐND tỉnh tiếp xúc cử tri {district_full}",
            "Thường trực HĐND tỉnh giám sát {topic} tại {place}",
        ],
        "keys": [
            "hđnd",
            "hội đồng nhân dân",
            "đại biểu",
            "cử tri",
            "kỳ họp",
            "giám sát",
            "chất vấn",
        ],
    },
    "tuyen-dung": {
        "generic": False,
        "short": True,
        "topics": ["tuyển dụng viên chức", "xét tuyển công chức", "thi tuyển viên chức"],
        "titles": [
            "Thông báo tuyển dụng viên chức {rec_agency} năm {year}",
            "Thông báo kết quả xét tuyển viên chức {rec_agency} năm {year}",
            "Danh sách thí sinh đủ điều kiện dự tuyển vào {rec_agency} năm {year}",
            "Thông báo thi tuyển công chức {rec_agency} năm {year}",
        ],
        "keys": ["tuyển dụng", "thí sinh", "hồ sơ", "viên chức", "xét tuyển", "dự tuyển"],
    },
    "tiep-dan": {
        "generic": False,
        "short": True,
        "topics": ["tiếp công dân", "giải quyết khiếu nại, tố cáo"],
        "titles": [
            "Thông báo lịch tiếp công dân định kỳ tháng {mm}/{year} của Chủ tịch UBND tỉnh",
            "Lịch tiếp công dân của Thường trực HĐND tỉnh tháng {mm}/{year}",
            "Lịch tiếp công dân của Bí thư Tỉnh ủy tháng {mm}/{year}",
            "Thông báo kết quả tiếp công dân quý {q}/{year}",
        ],
        "keys": ["tiếp công dân", "khiếu nại", "tố cáo", "kiến nghị", "phản ánh"],
    },
    "du-thao": {
        "generic": False,
        "short": True,
        "topics": [
            "chính sách hỗ trợ phát triển du lịch cộng đồng",
            "bảng giá đất",
            "chính sách thu hút bác sĩ về công tác tại tỉnh",
            "hỗ trợ phát triển sản xuất hàng hóa",
            "mức thu học phí",
            "phí bảo vệ môi trường đối với khai thác khoáng sản",
        ],
        "titles": [
            "Lấy ý kiến góp ý dự thảo Nghị quyết về {topic}",
            "Công khai dự thảo Quyết định quy định {topic}",
            "Lấy ý kiến nhân dân về dự thảo {topic} giai đoạn {year}-{next5}",
        ],
        "keys": ["dự thảo", "góp ý", "ý kiến", "nghị quyết", "quy định"],
    },
    "thong-bao": {
        "generic": False,
        "short": True,
        "topics": [
            "nghỉ lễ Quốc khánh 2/9",
            "tạm ngừng cung cấp điện",
            "phân luồng giao thông",
            "đấu giá quyền sử dụng đất",
            "nghỉ Tết Nguyên đán",
            "công bố tình huống khẩn cấp về thiên tai",
        ],
        "titles": ["Thông báo về việc {topic}", "Thông báo {topic} năm {year}"],
        "keys": ["thông báo", "đề nghị", "thời gian", "địa điểm"],
    },
}

TITLE_TEMPLATES = [
    "{Agency} họp bàn về {topic}",
    "{Agency} triển khai nhiệm vụ năm {year}",
    "Đẩy mạnh {topic}",
    "Đẩy mạnh {topic} tại {place}",
    "{District}: tập trung {topic}",
    "{District} nỗ lực {topic}",
    "Nâng cao hiệu quả {topic}",
    "Sơ kết công tác {topic} {period}",
    "Hội nghị tổng kết công tác {topic} năm {report_year}",
    "Tháo gỡ khó khăn trong {topic}",
    "Kiểm tra {topic} tại {place}",
    "{District} tổ chức hội nghị về {topic}",
    "Tăng cường {topic} trên địa bàn tỉnh",
    "Chuyển biến tích cực trong {topic} ở {district}",
    "Hiệu quả từ {topic} ở {place}",
    "Triển khai kế hoạch {topic} giai đoạn {year}-{next5}",
    "{Agency} kiểm tra {topic} tại {district_full}",
    "Tập huấn {topic} cho cán bộ cơ sở",
    "{Topic}: cần sự vào cuộc của cả hệ thống chính trị",
    "{Topic} {period}: nhiều kết quả tích cực",
]

LEAD_TEMPLATES = [
    "{Time} {dm}, {agency} tổ chức {event} về {topic}, với sự tham dự của {attendees}.",
    "Thời gian qua, {district_full} đã tập trung {topic}, bước đầu mang lại kết quả tích cực.",
    "Năm {year}, {topic} trên địa bàn {district_full} tiếp tục có chuyển biến rõ nét, góp phần {goal}.",
    "{Time} {dm}, đồng chí {leader}, {leader_title}, dẫn đầu đoàn công tác của tỉnh kiểm tra "
    "{topic} tại {district_full}.",
    "Nhằm {goal}, {agency} vừa ban hành kế hoạch {topic} năm {year}.",
    "Với nhiều cách làm sáng tạo, {commune_full} ({district}) đang trở thành điểm sáng trong {topic}.",
    "{period_cap}, công tác {topic} của tỉnh đạt được nhiều kết quả quan trọng, "
    "nhiều chỉ tiêu đạt và vượt kế hoạch.",
    "Trong các ngày {dm_span}, {agency} phối hợp với {district_full} tổ chức {event} về {topic}.",
]

NOTICE_LEADS = [
    "{Agency} thông báo nội dung như sau.",
    "Thực hiện kế hoạch năm {year}, {agency} thông báo về {topic} như sau.",
    "{Agency} trân trọng thông báo để các cơ quan, đơn vị, tổ chức và người dân được biết.",
]

# Sentence templates for the body; volatile slots (figures, people, villages) vary per use.
BODY_TEMPLATES = [
    "Tính đến ngày {dm}, toàn tỉnh đã thực hiện {topic} đạt {pct}% kế hoạch năm {year}.",
    "Năm {year}, {district_full} có {n} hộ tham gia, thu nhập bình quân đạt khoảng {income} "
    "triệu đồng/hộ/năm.",
    "Tổng kinh phí thực hiện trên {money} tỷ đồng, trong đó ngân sách nhà nước hỗ trợ {money_small} "
    "tỷ đồng, còn lại do người dân đóng góp và huy động từ các nguồn hợp pháp khác.",
    "Theo {person_title}, thời gian tới địa phương sẽ tiếp tục {topic}, phấn đấu hoàn thành các chỉ "
    "tiêu đã đề ra.",
    "Tại thôn {village}, {commune_full}, nhiều hộ dân đã chủ động {household_action}.",
    "“{quote_text}”, {person_title} chia sẻ.",
    "Phát biểu kết luận, đồng chí {leader}, {leader_title}, ghi nhận những kết quả mà {unit} đã đạt "
    "được trong thời gian qua.",
    "Đồng chí đề nghị các sở, ngành liên quan phối hợp chặt chẽ với {district_full} để {topic} đạt "
    "hiệu quả cao hơn.",
    "Trong {period}, {agency} đã tổ chức {n_small} đợt kiểm tra, phát hiện và xử lý {n_small2} "
    "trường hợp vi phạm.",
    "Đến nay, {commune_full} đã có {n_small} thôn đạt chuẩn nông thôn mới, tỷ lệ hộ nghèo giảm còn "
    "{pct_small}%.",
    "Dự kiến đến hết năm {year}, toàn tỉnh sẽ hoàn thành {topic} theo đúng lộ trình.",
    "Ông {person_m}, {local_role}, cho biết: “{quote_text}.”",
    "Bà {person_f}, người dân thôn {village}, phấn khởi cho biết gia đình đã {household_result}.",
    "Hội nghị đã nghe báo cáo kết quả {topic} {period} và thảo luận, đề xuất nhiều giải pháp cho "
    "thời gian tới.",
    "Tham dự có đại diện lãnh đạo {agency}, {agency2} và UBND các huyện, thành phố.",
    "Diện tích thực hiện đạt {ha} ha, tăng {pct_small}% so với cùng kỳ năm {prev_year}.",
    "Đoàn công tác đã đi kiểm tra thực tế tại thôn {village} và trao đổi với người dân về {topic}.",
    "Theo kế hoạch, việc triển khai được thực hiện từ ngày {dmy} đến hết ngày {dmy2}.",
    "Trên cơ sở đó, {agency} chỉ đạo các đơn vị trực thuộc rà soát, đánh giá và có giải pháp tháo "
    "gỡ khó khăn, vướng mắc.",
    "Giai đoạn {year}-{next5}, tỉnh đặt mục tiêu {goal}.",
    "Ngay sau hội nghị, {district_full} đã giao chỉ tiêu cụ thể cho từng xã, thị trấn và phân công "
    "cán bộ phụ trách từng địa bàn.",
    "Những kết quả trên góp phần {goal}.",
    "Bên cạnh đó, vẫn còn một số khó khăn như {difficulty}.",
    "Nguyên nhân chủ yếu là do {difficulty}.",
    "Từ đầu năm đến nay, {unit} đã hỗ trợ {n} lượt người dân với tổng số tiền trên {money_small} "
    "tỷ đồng.",
    "Anh {person_m} ở thôn {village} là một trong những hộ đi đầu, mỗi năm thu về trên "
    "{income} triệu đồng.",
    "Năm {prev_year}, toàn huyện có {n} lượt người được tập huấn, chuyển giao kỹ thuật.",
    "{Agency} đề nghị {agency2} tiếp tục quan tâm, tạo điều kiện để địa phương {topic}.",
    "Để làm tốt công tác này, {district_full} đã thành lập {n_small} tổ công tác, trực tiếp xuống "
    "từng thôn, bản tuyên truyền, vận động người dân.",
    "Được biết, trong năm {year}, tỉnh được phân bổ {money} tỷ đồng để thực hiện {topic}.",
]

NOTICE_BODY_TEMPLATES = [
    "Thời gian nhận hồ sơ từ ngày {dmy} đến hết ngày {dmy2}, trong giờ hành chính các ngày làm "
    "việc.",
    "Địa điểm: Trụ sở {agency}, {street}, thành phố Bắc Kạn.",
    "Mọi chi tiết xin liên hệ {person_title}, số điện thoại {phone}.",
    "Thông báo này được đăng tải trên Cổng thông tin điện tử tỉnh và niêm yết công khai tại trụ sở "
    "{agency}.",
    "Ý kiến góp ý gửi về {agency} trước ngày {dmy2} để tổng hợp, hoàn thiện dự thảo.",
    "Tổng số chỉ tiêu là {n_small} người, gồm các vị trí việc làm tại {district_full} và các đơn vị "
    "trực thuộc.",
    "Công dân đến trình bày khiếu nại, tố cáo, kiến nghị, phản ánh cần mang theo giấy tờ tùy thân "
    "và các tài liệu có liên quan.",
    "Trường hợp có thay đổi về thời gian, {agency} sẽ thông báo cụ thể trên Cổng thông tin điện tử "
    "tỉnh.",
]

HEADINGS = [
    "Kết quả nổi bật năm {year}",
    "Nhiệm vụ trọng tâm thời gian tới",
    "Tháo gỡ khó khăn, vướng mắc",
    "Nhiều cách làm sáng tạo",
    "Huy động sức mạnh tổng hợp",
    "Chuyển biến từ cơ sở",
    "Còn nhiều việc phải làm",
    "Phát huy vai trò của người dân",
    "Giải pháp cho giai đoạn {year}-{next5}",
    "Những con số ấn tượng",
]

# (name before the 2025 reorganisation, name from 2025)
AGENCIES = [
    ("UBND tỉnh", "UBND tỉnh"),
    ("UBND tỉnh", "UBND tỉnh"),
    ("HĐND tỉnh", "HĐND tỉnh"),
    ("Tỉnh ủy", "Tỉnh ủy"),
    ("Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Tỉnh ủy"),
    ("Sở Nông nghiệp và Phát triển nông thôn", "Sở Nông nghiệp và Môi trường"),
    ("Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Môi trường"),
    ("Sở Kế hoạch và Đầu tư", "Sở Tài chính"),
    ("Sở Tài chính", "Sở Tài chính"),
    ("Sở Xây dựng", "Sở Xây dựng"),
    ("Sở Giao thông vận tải", "Sở Xây dựng"),
    ("Sở Công Thương", "Sở Công Thương"),
    ("Sở Y tế", "Sở Y tế"),
    ("Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo"),
    ("Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
    ("Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ"),
    ("Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ"),
    ("Sở Nội vụ", "Sở Nội vụ"),
    ("Sở Lao động - Thương binh và Xã hội", "Sở Nội vụ"),
    ("Sở Tư pháp", "Sở Tư pháp"),
    ("Ban Dân tộc tỉnh", "Sở Dân tộc và Tôn giáo"),
    ("Công an tỉnh", "Công an tỉnh"),
    ("Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Quân sự tỉnh"),
    ("Ủy ban MTTQ Việt Nam tỉnh", "Ủy ban MTTQ Việt Nam tỉnh"),
    ("Tỉnh đoàn", "Tỉnh đoàn"),
    ("Hội Nông dân tỉnh", "Hội Nông dân tỉnh"),
    ("Hội Liên hiệp Phụ nữ tỉnh", "Hội Liên hiệp Phụ nữ tỉnh"),
    ("Liên đoàn Lao động tỉnh", "Liên đoàn Lao động tỉnh"),
    ("Ban Quản lý các khu công nghiệp tỉnh", "Ban Quản lý các khu công nghiệp tỉnh"),
    ("Bảo hiểm xã hội tỉnh", "Bảo hiểm xã hội tỉnh"),
    ("Chi nhánh Ngân hàng Chính sách xã hội tỉnh", "Chi nhánh Ngân hàng Chính sách xã hội tỉnh"),
]
REORGANISED_FROM = 2025
_AGENCY_BY_OLD = {old: (old, new) for old, new in AGENCIES}
_S = {
    "nn": "Sở Nông nghiệp và Phát triển nông thôn",
    "tnmt": "Sở Tài nguyên và Môi trường",
    "khdt": "Sở Kế hoạch và Đầu tư",
    "vh": "Sở Văn hóa, Thể thao và Du lịch",
    "ld": "Sở Lao động - Thương binh và Xã hội",
}
# The agencies a theme's articles are mostly about (names as before 2025).
THEME_AGENCIES = {
    "lanh-dao": ["UBND tỉnh", "Tỉnh ủy", "HĐND tỉnh", "Ban Thường vụ Tỉnh ủy"],
    "dia-phuong": [
        "UBND tỉnh",
        "Hội Nông dân tỉnh",
        "Ủy ban MTTQ Việt Nam tỉnh",
        "Hội Liên hiệp Phụ nữ tỉnh",
    ],
    "nong-nghiep": [_S["nn"], "Hội Nông dân tỉnh", "Sở Khoa học và Công nghệ"],
    "cong-thuong": ["Sở Công Thương", "Ban Quản lý các khu công nghiệp tỉnh"],
    "dau-tu": [_S["khdt"], "Sở Xây dựng", "Sở Giao thông vận tải", "Sở Tài chính"],
    "moi-truong": [_S["tnmt"], _S["nn"]],
    "giao-duc": ["Sở Giáo dục và Đào tạo", "Tỉnh đoàn"],
    "y-te": ["Sở Y tế", "Bảo hiểm xã hội tỉnh"],
    "van-hoa": [_S["vh"], "Ban Dân tộc tỉnh"],
    "an-sinh": [
        _S["ld"],
        "Chi nhánh Ngân hàng Chính sách xã hội tỉnh",
        "Ủy ban MTTQ Việt Nam tỉnh",
    ],
    "du-lich": [_S["vh"]],
    "le-hoi": [_S["vh"]],
    "quoc-phong": ["Bộ Chỉ huy Quân sự tỉnh"],
    "an-ninh": ["Công an tỉnh"],
    "chi-dao": ["UBND tỉnh"],
    "cchc": ["Sở Nội vụ", "Sở Tư pháp", "UBND tỉnh"],
    "cds": ["Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ"],
    "dang": ["Tỉnh ủy", "Ban Thường vụ Tỉnh ủy"],
    "hdnd": ["HĐND tỉnh"],
    "tuyen-dung": ["Sở Nội vụ", "Sở Y tế", "Sở Giáo dục và Đào tạo"],
    "tiep-dan": ["UBND tỉnh", "HĐND tỉnh"],
    "du-thao": ["UBND tỉnh", "Sở Tư pháp", "Sở Tài chính"],
    "thong-bao": ["UBND tỉnh", "Sở Công Thương", "Sở Giao thông vận tải"],
}

# district: (full name, weight, communes: bare names are "xã ...")
DISTRICTS = {
    "Ba Bể": (
        "huyện Ba Bể",
        1.3,
        "Nam Mẫu, Khang Ninh, Cao Thượng, Quảng Khê, Đồng Phúc, Hoàng Trĩ, Bành Trạch, Phúc Lộc, "
        "Thượng Giáo, Địa Linh, Yến Dương, Mỹ Phương, Chu Hương, Hà Hiệu, Cao Trĩ, thị trấn Chợ Rã",
    ),
    "Pác Nặm": (
        "huyện Pác Nặm",
        0.8,
        "Bằng Thành, Nhạn Môn, Giáo Hiệu, Công Bằng, Cổ Linh, Cao Tân, Xuân La, An Thắng, Bộc Bố, "
        "Nghiên Loan",
    ),
    "Ngân Sơn": (
        "huyện Ngân Sơn",
        0.9,
        "Bằng Vân, Cốc Đán, Đức Vân, Hiệp Lực, Thuần Mang, Thượng Ân, Thượng Quan, Trung Hòa, "
        "thị trấn Nà Phặc, Vân Tùng",
    ),
    "Chợ Đồn": (
        "huyện Chợ Đồn",
        1.1,
        "Bằng Lãng, Bình Trung, Đại Sảo, Đồng Lạc, Lương Bằng, Nam Cường, Nghĩa Tá, Ngọc Phái, "
        "Phương Viên, Quảng Bạch, Tân Lập, Xuân Lạc, Yên Mỹ, Yên Phong, Yên Thịnh, Yên Thượng, "
        "Bản Thi, Bằng Phúc, thị trấn Bằng Lũng",
    ),
    "Bạch Thông": (
        "huyện Bạch Thông",
        1.0,
        "Cẩm Giàng, Cao Sơn, Dương Phong, Đôn Phong, Lục Bình, Mỹ Thanh, Nguyên Phúc, Quang Thuận, "
        "Quân Hà, Sĩ Bình, Tân Tú, Vi Hương, Vũ Muộn, thị trấn Phủ Thông",
    ),
    "Chợ Mới": (
        "huyện Chợ Mới",
        1.0,
        "Thanh Mai, Thanh Thịnh, Nông Hạ, Thanh Vận, Hòa Mục, Cao Kỳ, Yên Hân, Như Cố, Bình Văn, "
        "Quảng Chu, Tân Sơn, Yên Cư, Mai Lạp, thị trấn Đồng Tâm",
    ),
    "Na Rì": (
        "huyện Na Rì",
        1.1,
        "Côn Minh, Cư Lễ, Cường Lợi, Dương Sơn, Đổng Xá, Kim Hỷ, Kim Lư, Liêm Thủy, Lạng San, "
        "Lương Thượng, Quang Phong, Sơn Thành, Trần Phú, Văn Lang, Văn Minh, Văn Vũ, Xuân Dương, "
        "thị trấn Yến Lạc",
    ),
    "thành phố Bắc Kạn": (
        "thành phố Bắc Kạn",
        1.6,
        "phường Đức Xuân, phường Phùng Chí Kiên, phường Nguyễn Thị Minh Khai, phường Sông Cầu, "
        "phường Huyền Tụng, phường Xuất Hóa, Dương Quang, Nông Thượng",
    ),
}

VILLAGE_FIRST = [
    "Nà",
    "Nà",
    "Nà",
    "Khuổi",
    "Khuổi",
    "Pác",
    "Phiêng",
    "Lủng",
    "Cốc",
    "Khau",
    "Slam",
    "Nặm",
    "Pò",
    "Bó",
    "Kéo",
    "Đon",
    "Tổng",
    "Vằng",
    "Bản",
    "Thôm",
    "Phja",
    "Còi",
    "Lũng",
    "Bản",
]
VILLAGE_SECOND = [
    "Pài",
    "Mạ",
    "Slưn",
    "Nghịu",
    "Luông",
    "Lạn",
    "Cọ",
    "Ngòa",
    "Phấy",
    "Tàu",
    "Mu",
    "Chang",
    "Quang",
    "Hán",
    "Vạng",
    "Khét",
    "Lùng",
    "Puồng",
    "Hin",
    "Mản",
    "Sliến",
    "Đính",
    "Tậu",
    "Mòn",
    "Vài",
    "Nọi",
    "Duồng",
    "Cải",
    "Pục",
    "Ngần",
    "Lịa",
    "Bưa",
    "Slác",
    "Thốc",
    "Hao",
    "Tặc",
    "Pjạc",
    "Mèo",
    "Nưa",
    "Chủ",
    "Vẻn",
    "Hon",
    "Bẻ",
    "Đẩy",
]

# (surname, weight)
SURNAMES = [
    ("Nguyễn", 12),
    ("Hoàng", 10),
    ("Nông", 8),
    ("Triệu", 6),
    ("Hà", 6),
    ("Ma", 5),
    ("Lục", 4),
    ("Bế", 4),
    ("Trần", 4),
    ("Đàm", 3),
    ("Lý", 3),
    ("Đinh", 3),
    ("Lương", 3),
    ("Dương", 3),
    ("Phạm", 3),
    ("Lê", 3),
    ("Đặng", 3),
    ("Bàn", 2),
    ("Vi", 2),
    ("Lưu", 2),
    ("Hứa", 2),
    ("Chu", 2),
    ("Phùng", 2),
    ("Vũ", 2),
    ("Mông", 1),
    ("Đồng", 1),
    ("Lăng", 1),
    ("Sầm", 1),
    ("Hầu", 1),
    ("Lèo", 1),
    ("Ninh", 1),
    ("Tô", 1),
    ("Quách", 1),
    ("Âu", 1),
]
MIDDLE_M = ["Văn"] * 8 + [
    "Đức",
    "Minh",
    "Quang",
    "Thanh",
    "Hữu",
    "Xuân",
    "Đình",
    "Ngọc",
    "Mạnh",
    "Tiến",
]
MIDDLE_F = ["Thị"] * 8 + ["Thu", "Ngọc", "Hồng", "Bích", "Thanh", "Kim", "Minh", "Phương"]
GIVEN_M = [
    "Hùng",
    "Dũng",
    "Thắng",
    "Toàn",
    "Chinh",
    "Bình",
    "Lộc",
    "Hòa",
    "Phong",
    "Tuấn",
    "Sơn",
    "Khải",
    "Long",
    "Cường",
    "Hải",
    "Trung",
    "Kiên",
    "Thịnh",
    "Tú",
    "Quý",
    "Hiển",
    "Sáng",
    "Hợi",
    "Quyết",
    "Nghĩa",
    "Tâm",
    "Đoàn",
    "Luận",
    "Thái",
    "Hưng",
    "Vinh",
    "Khang",
    "Lâm",
    "Định",
    "Tài",
    "Đạt",
    "Phúc",
    "Quân",
    "Nam",
    "Huy",
    "Chức",
    "Dưỡng",
    "Kỳ",
    "Ích",
    "Nhất",
    "Thuận",
    "Bằng",
]
GIVEN_F = [
    "Lan",
    "Hương",
    "Hạnh",
    "Huyền",
    "Mai",
    "Nga",
    "Nhung",
    "Thủy",
    "Quỳnh",
    "Yến",
    "Vân",
    "Điệp",
    "Luyến",
    "Thoa",
    "Thanh",
    "Hoa",
    "Hằng",
    "Liên",
    "Loan",
    "Phượng",
    "Ngân",
    "Trang",
    "Thảo",
    "Hà",
    "Linh",
    "Dung",
    "Xuân",
    "Tuyết",
    "Hiền",
    "Nguyệt",
    "Lụa",
    "Thơm",
    "Sen",
    "Huệ",
]

# Provincial leaders per term (fictional for the earlier terms; the demo's for the latest).
EARLIER_TERMS = [
    (
        2011,
        {
            "Bí thư Tỉnh ủy": ["Hà Văn Quyết"],
            "Chủ tịch HĐND tỉnh": ["Nông Đức Tài"],
            "Phó Chủ tịch HĐND tỉnh": ["Lý Thị Hằng"],
            "Chủ tịch UBND tỉnh": ["Triệu Văn Phúc"],
            "Phó Chủ tịch UBND tỉnh": ["Đinh Quang Khải", "Lương Văn Hiển", "Hứa Thị Thoa"],
        },
    ),
    (
        2016,
        {
            "Bí thư Tỉnh ủy": ["Ma Văn Thái"],
            "Chủ tịch HĐND tỉnh": ["Đàm Văn Lâm"],
            "Phó Chủ tịch HĐND tỉnh": ["Hoàng Thị Nguyệt"],
            "Chủ tịch UBND tỉnh": ["Lục Minh Đạt"],
            "Phó Chủ tịch UBND tỉnh": ["Bế Quang Sáng", "Nông Thị Loan", "Dương Hữu Nghĩa"],
        },
    ),
]
LATEST_TERM_START = 2021
LATEST_VICE_CHAIRS = ["Lăng Văn Bằng", "Đặng Thị Kim Huệ", "Chu Xuân Kỳ"]
LEADER_TITLE_WEIGHTS = {
    "Bí thư Tỉnh ủy": 3,
    "Chủ tịch HĐND tỉnh": 2,
    "Phó Chủ tịch HĐND tỉnh": 1,
    "Chủ tịch UBND tỉnh": 4,
    "Phó Chủ tịch UBND tỉnh": 4,
    "Trưởng Đoàn ĐBQH tỉnh": 1,
}

WORDS = {
    "event": [
        "hội nghị",
        "buổi làm việc",
        "cuộc họp",
        "hội nghị trực tuyến",
        "buổi tọa đàm",
        "lớp tập huấn",
        "hội thảo",
    ],
    "attendees": [
        "lãnh đạo các sở, ban, ngành của tỉnh",
        "đại diện lãnh đạo UBND các huyện, thành phố",
        "các chủ đầu tư và nhà thầu thi công",
        "đông đảo cán bộ, đảng viên và nhân dân",
        "đại diện các hợp tác xã, doanh nghiệp trên địa bàn",
    ],
    "goal": [
        "nâng cao đời sống vật chất, tinh thần của người dân",
        "thúc đẩy phát triển kinh tế - xã hội của địa phương",
        "hoàn thành các chỉ tiêu kế hoạch năm",
        "tạo sinh kế bền vững cho đồng bào dân tộc thiểu số",
        "giảm tỷ lệ hộ nghèo bình quân mỗi năm từ 3 đến 4%",
        "bảo đảm quốc phòng, an ninh trên địa bàn",
        "xây dựng chính quyền phục vụ nhân dân",
        "thu hẹp khoảng cách giữa vùng thấp và vùng cao",
    ],
    "achieve": ["nỗ lực", "quyết tâm", "chú trọng", "đẩy mạnh", "tích cực", "chủ động"],
    "tet_target": [
        "các đơn vị trực Tết",
        "gia đình chính sách",
        "hộ nghèo vùng cao",
        "lực lượng vũ trang tỉnh",
        "các cơ sở tôn giáo",
        "người có uy tín trong đồng bào dân tộc",
    ],
    "guest": [
        "đoàn công tác của Bộ Nông nghiệp",
        "Đại sứ quán Nhật Bản",
        "các nhà đầu tư",
        "đoàn đại biểu người có uy tín",
        "đoàn cựu chiến binh",
        "học sinh tiêu biểu",
        "đoàn công tác tỉnh bạn",
        "đại diện Ngân hàng Thế giới",
    ],
    "festive": [
        "Ngày hội Đại đoàn kết toàn dân tộc",
        "lễ khánh thành nhà văn hóa thôn",
        "lễ kỷ niệm ngày thành lập huyện",
        "lễ hội Lồng tồng",
        "lễ khai giảng năm học mới",
    ],
    "time": ["Sáng", "Sáng", "Chiều", "Ngày", "Ngày"],
    "household_action": [
        "chuyển đổi đất trồng ngô kém hiệu quả sang trồng cây ăn quả",
        "hiến đất, góp công làm đường bê tông vào thôn",
        "đầu tư chuồng trại chăn nuôi lợn, gà theo hướng an toàn sinh học",
        "liên kết với hợp tác xã để tiêu thụ sản phẩm",
        "phá bỏ diện tích cam già cỗi để trồng mới bằng giống sạch bệnh",
        "trồng rừng keo, mỡ xen cây dược liệu dưới tán rừng",
        "làm homestay đón khách du lịch",
        "đăng ký tham gia bảo hiểm y tế, bảo hiểm xã hội tự nguyện",
    ],
    "household_result": [
        "thoát nghèo sau hai năm tham gia mô hình",
        "có nhà mới kiên cố trước mùa mưa bão",
        "có thu nhập ổn định từ chăn nuôi",
        "cho con đi học đầy đủ",
        "mua được máy cày phục vụ sản xuất",
        "mở rộng diện tích trồng chè lên gần một héc-ta",
    ],
    "difficulty": [
        "địa bàn rộng, địa hình chia cắt, giao thông đi lại khó khăn",
        "nguồn vốn bố trí còn chậm, chưa đáp ứng nhu cầu",
        "một bộ phận người dân còn tư tưởng trông chờ, ỷ lại",
        "thời tiết diễn biến phức tạp, mưa lũ kéo dài",
        "trình độ sản xuất của người dân còn hạn chế",
        "giá vật liệu xây dựng tăng cao",
        "thiếu cán bộ có chuyên môn ở cấp cơ sở",
        "thị trường tiêu thụ sản phẩm chưa ổn định",
    ],
    "quote_text": [
        "Chúng tôi xác định đây là nhiệm vụ trọng tâm, phải làm thường xuyên, liên tục",
        "Nhờ được hỗ trợ kịp thời, bà con đã yên tâm sản xuất",
        "Thời gian tới, xã sẽ tiếp tục vận động người dân cùng chung tay thực hiện",
        "Cái khó nhất là thay đổi nếp nghĩ, cách làm của bà con",
        "Chúng tôi mong muốn được tỉnh quan tâm hỗ trợ thêm về vốn và kỹ thuật",
        "Mỗi cán bộ phải bám sát cơ sở, nói đi đôi với làm",
    ],
    "local_role": [
        "Chủ tịch UBND xã",
        "Bí thư Đảng ủy xã",
        "Trưởng thôn",
        "Chủ nhiệm hợp tác xã",
        "Trưởng phòng Nông nghiệp huyện",
        "Chủ tịch Hội Nông dân xã",
        "Bí thư chi bộ thôn",
        "cán bộ địa chính xã",
        "Hiệu trưởng nhà trường",
        "Trưởng trạm y tế xã",
    ],
    "position": [
        "Giám đốc {agency_head}",
        "Phó Giám đốc {agency_head}",
        "Chủ tịch UBND {district_full}",
        "Bí thư Huyện ủy {district}",
        "Phó Chủ tịch UBND {district_full}",
        "Trưởng phòng Kinh tế {district_full}",
    ],
    "unit": [
        "các cấp, các ngành",
        "địa phương",
        "ngành nông nghiệp",
        "ngành y tế",
        "Hội Nông dân các cấp",
        "các đơn vị",
        "lực lượng chức năng",
    ],
    "model": [
        "trồng quýt sạch bệnh",
        "nuôi cá lồng trên hồ",
        "trồng gừng hữu cơ",
        "nuôi ong lấy mật",
        "trồng dong riềng",
        "nuôi gà thả đồi",
        "trồng nấm sò",
        "trồng hồng không hạt",
    ],
    "season": ["xuân", "mùa"],
    "fair": ["nông sản, sản phẩm OCOP", "thương mại vùng cao", "xúc tiến thương mại cam quýt"],
    "project": [
        "cầu treo thôn {village}",
        "đường giao thông liên xã",
        "trường mầm non xã {commune}",
        "trạm y tế xã {commune}",
        "nhà văn hóa thôn {village}",
        "hồ chứa nước thôn {village}",
        "kè chống sạt lở bờ sông",
        "chợ trung tâm {district}",
    ],
    "investment": [
        "nhà máy chế biến gỗ",
        "khu du lịch sinh thái",
        "nhà máy chế biến dong riềng",
        "trang trại chăn nuôi lợn công nghệ cao",
        "nhà máy may xuất khẩu",
        "thủy điện nhỏ",
    ],
    "hospital_news": [
        "triển khai thành công kỹ thuật mới",
        "tiếp nhận trang thiết bị y tế hiện đại",
        "nâng cao chất lượng khám chữa bệnh",
        "tổ chức khám sàng lọc cho người cao tuổi",
    ],
    "sport": ["bóng đá thanh niên", "việt dã", "bóng chuyền hơi", "cầu lông", "đẩy gậy", "bắn nỏ"],
    "crime": [
        "mua bán trái phép chất ma túy",
        "đánh bạc",
        "lừa đảo chiếm đoạt tài sản",
        "khai thác khoáng sản trái phép",
    ],
    "holiday": ["Tết Nguyên đán", "nghỉ lễ 30/4 - 1/5", "nghỉ lễ Quốc khánh", "cuối tuần"],
    "sight": [
        "động Puông",
        "thác Bạc",
        "ao Tiên",
        "đảo Bà Góa",
        "thác Đầu Đẳng",
        "động Hua Mạ",
        "khu di tích ATK Chợ Đồn",
        "đồi chè Bằng Phúc",
        "thác Nà Khoang",
    ],
    "rec_agency": [
        "Sở Y tế",
        "Sở Giáo dục và Đào tạo",
        "các đơn vị sự nghiệp thuộc UBND tỉnh",
        "Trung tâm Y tế huyện",
        "Sở Nông nghiệp và Môi trường",
        "Đài Phát thanh và Truyền hình tỉnh",
    ],
    "street": ["đường Trường Chinh", "đường Nguyễn Văn Tố", "đường Kon Tum", "đường Hùng Vương"],
    "school": [
        "Tiểu học {commune}",
        "THCS {commune}",
        "Mầm non {commune}",
        "Phổ thông dân tộc bán trú THCS {commune}",
    ],
}
AUTHOR_NOTES = [("", 85), ("tổng hợp", 8), ("theo Báo Bắc Kạn", 4), ("theo Đài PT-TH tỉnh", 3)]
NOTICE_AUTHORS = ["Văn phòng UBND tỉnh", "Ban Tiếp công dân tỉnh", "Sở Nội vụ", ""]

_YEAR = re.compile(r"(?<!\d)(19[89]\d|20[0-4]\d)(?!\d)")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[”\"]?\s+")


def _nfc(value):
    return unicodedata.normalize("NFC", value)


def _commune_names(entry):
    """``(short, full)`` names of a commune: bare entries are "xã ..."."""
    for prefix in ("phường ", "thị trấn ", "xã "):
        if entry.startswith(prefix):
            return entry[len(prefix) :], entry
    return entry, f"xã {entry}"


def _capitalise(value):
    return value[:1].upper() + value[1:] if value else value


# --------------------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------------------


class _Pools:
    """Sentences, leads, headings and bylines of the project's own articles."""

    def __init__(self):
        from bantin.importer.legacy_text import parse_bulletin

        self.sentences = []  # (text, has_year_slots)
        self.leads = []
        self.headings = []
        self.authors = []
        files = sorted(p for pattern in POOL_GLOBS for p in REPO_ROOT.glob(pattern))
        if not files:
            raise RuntimeError(f"không tìm thấy bài mẫu nào dưới {REPO_ROOT}")
        for path in files:
            bulletin = parse_bulletin(path.read_bytes(), 2 * 1024 * 1024)
            base_year = bulletin.date.year
            self.leads.append(self._template(bulletin.lead, base_year))
            if bulletin.author:
                self.authors.append(bulletin.author)
            for section in bulletin.sections:
                if section.heading:
                    self.headings.append(self._template(section.heading, base_year))
                for paragraph in section.paragraphs:
                    for sentence in self._split(paragraph):
                        self.sentences.append(self._template(sentence, base_year))
        self.by_theme = {}
        lowered = [text.lower() for text, _ in self.sentences]
        for theme, spec in THEMES.items():
            keys = [key.lower() for key in spec["keys"]]
            chosen = [s for s, low in zip(self.sentences, lowered) if any(k in low for k in keys)]
            self.by_theme[theme] = chosen if len(chosen) >= 12 else self.sentences

    @staticmethod
    def _split(paragraph):
        parts = [p.strip() for p in _SENTENCE_END.split(paragraph) if p.strip()]
        merged = []
        for part in parts:
            # A fragment starting in lower case continues the previous sentence.
            if merged and not part[:1].isupper() and not part[:1].isdigit() and part[:1] != "“":
                merged[-1] = f"{merged[-1]} {part}"
            else:
                merged.append(part)
        return merged

    @staticmethod
    def _template(text, base_year):
        """Escape for str.format and turn years into ``{y+N}`` slots relative to the source."""
        escaped = html.escape(_nfc(text), quote=False).replace("{", "{{").replace("}", "}}")
        if not _YEAR.search(escaped):
            return escaped, False
        return _YEAR.sub(lambda m: "{y%+d}" % (int(m.group(1)) - base_year), escaped), True


class _Slots(dict):
    """Lazy template slots for one article: each slot is drawn on first use and kept,
    except volatile ones (figures, people, villages), drawn anew at every use."""

    VOLATILE = frozenset(
        [
            "pct",
            "pct_small",
            "n",
            "n_small",
            "n_small2",
            "money",
            "money_small",
            "income",
            "ha",
            "person",
            "person_m",
            "person_f",
            "person_title",
            "village",
            "dmy",
            "dmy2",
            "quote_text",
            "household_action",
            "household_result",
            "difficulty",
            "local_role",
            "agency2",
            "phone",
            "unit",
            "model",
            "project",
            "school",
            "crop_area",
        ]
    )

    def __init__(self, writer, article):
        super().__init__()
        self.w = writer
        self.a = article

    def __missing__(self, key):
        if key[0].isupper():
            value = _capitalise(self[key[0].lower() + key[1:]])
        elif key[0] == "y" and key[1:2] in "+-" and len(key) > 2:
            value = str(self.a["year"] + int(key[1:]))
        else:
            value = self.w.slot(key, self)
        if key not in self.VOLATILE:
            self[key] = value
        return value

    def fill(self, template):
        return template.format_map(self)


class _Writer:
    """Draws titles, leads, bodies and bylines from templates and the corpus pools."""

    def __init__(self, rng, pools):
        self.rng = rng
        self.pools = pools
        self.tz = None
        self.districts = list(DISTRICTS)
        self.district_weights = list(itertools.accumulate(d[1] for d in DISTRICTS.values()))
        self.communes = {
            name: [_commune_names(c.strip()) for c in spec[2].split(",")]
            for name, spec in DISTRICTS.items()
        }
        self.surname_cum = list(itertools.accumulate(w for _, w in SURNAMES))
        self.note_cum = list(itertools.accumulate(w for _, w in AUTHOR_NOTES))
        self.terms = self._terms()
        self.reporters = self._reporters()
        self.topics = {}  # (theme, year) -> topics in use that year

    # -- people ---------------------------------------------------------------------

    def surname(self):
        return SURNAMES[bisect.bisect(self.surname_cum, self.rng.random() * self.surname_cum[-1])][
            0
        ]

    def person(self, female=None):
        rng = self.rng
        if female is None:
            female = rng.random() < 0.45
        if female:
            return f"{self.surname()} {rng.choice(MIDDLE_F)} {rng.choice(GIVEN_F)}"
        return f"{self.surname()} {rng.choice(MIDDLE_M)} {rng.choice(GIVEN_M)}"

    def _terms(self):
        from bantin.demo.services import LEADERS

        latest = {}
        for name, positions in LEADERS:
            for title in positions:
                if title in LEADER_TITLE_WEIGHTS:
                    latest.setdefault(title, []).append(name)
        latest.setdefault("Phó Chủ tịch UBND tỉnh", list(LATEST_VICE_CHAIRS))
        terms = [*EARLIER_TERMS, (LATEST_TERM_START, latest)]
        prepared = []
        for start, holders in terms:
            titles = [t for t in LEADER_TITLE_WEIGHTS if t in holders]
            cum = list(itertools.accumulate(LEADER_TITLE_WEIGHTS[t] for t in titles))
            prepared.append((start, titles, cum, holders))
        return prepared

    def leader(self, year):
        """``(name, title)`` of a provincial leader in office in ``year``."""
        term = self.terms[0]
        for candidate in self.terms:
            if candidate[0] <= year:
                term = candidate
        _, titles, cum, holders = term
        title = titles[bisect.bisect(cum, self.rng.random() * cum[-1])]
        return self.rng.choice(holders[title]), title

    def _reporters(self):
        """Reporters with the years they wrote in: corpus bylines and made-up ones."""
        rng = self.rng
        names = sorted(set(self.pools.authors))
        for _ in range(55):
            full = self.person()
            # Half sign with their given names only, as the old portal's bylines do.
            names.append(full if rng.random() < 0.5 else " ".join(full.split()[-2:]))
        reporters = []
        for name in names:
            start = rng.randint(FIRST_DAY.year - 4, LAST_DAY.year - 1)
            reporters.append((name, start, start + rng.randint(3, 14)))
        by_year = {}
        for year in range(FIRST_DAY.year, LAST_DAY.year + 1):
            active = [name for name, start, end in reporters if start <= year <= end]
            by_year[year] = active or names
        return by_year

    def byline(self, year, notice):
        rng = self.rng
        if notice:
            return rng.choice(NOTICE_AUTHORS), ""
        author = rng.choice(self.reporters[year])
        note = AUTHOR_NOTES[bisect.bisect(self.note_cum, rng.random() * self.note_cum[-1])][0]
        return author, note

    # -- slots ----------------------------------------------------------------------

    def theme_topics(self, theme, year):
        key = (theme, year)
        topics = self.topics.get(key)
        if topics is None:
            topics = []
            for entry in THEMES[theme]["topics"]:
                if isinstance(entry, str):
                    topics.append(entry)
                elif entry[1] <= year <= (entry[2] if len(entry) > 2 else 9999):
                    topics.append(entry[0])
            if not topics:
                topics = [e if isinstance(e, str) else e[0] for e in THEMES[theme]["topics"]]
            self.topics[key] = topics
        return topics

    def agency(self, year, theme=None):
        rng = self.rng
        if theme is not None and rng.random() < 0.7:
            old, new = _AGENCY_BY_OLD[rng.choice(THEME_AGENCIES[theme])]
        else:
            old, new = rng.choice(AGENCIES)
        return new if year >= REORGANISED_FROM else old

    def dm(self, day):
        return f"{day.day}/{day.month}"

    def slot(self, key, s):
        """Draw the value of slot ``key`` for the article whose slots are ``s``."""
        rng, a = self.rng, s.a
        year = a["year"]
        if key == "topic":
            return rng.choice(self.theme_topics(a["theme"], year))
        if key == "agency":
            return self.agency(year, a["theme"])
        if key == "agency2":
            return self.agency(year)
        if key == "agency_head":
            name = self.agency(year)
            return name if name.startswith("Sở") else "Sở Nội vụ"
        if key == "district":
            index = bisect.bisect(self.district_weights, rng.random() * self.district_weights[-1])
            return self.districts[index]
        if key == "district_full":
            return DISTRICTS[s["district"]][0]
        if key == "commune" or key == "commune_full":
            short, full = rng.choice(self.communes[s["district"]])
            s["commune"], s["commune_full"] = short, full
            return short if key == "commune" else full
        if key == "place":
            if rng.random() < 0.5:
                return s["district_full"]
            return f"{s['commune_full']} ({s['district']})"
        if key == "village":
            return f"{rng.choice(VILLAGE_FIRST)} {rng.choice(VILLAGE_SECOND)}"
        if key == "leader" or key == "leader_title":
            name, title = self.leader(year)
            s["leader"], s["leader_title"] = name, title
            return name if key == "leader" else title
        if key in ("person", "person_m", "person_f"):
            return self.person(None if key == "person" else key == "person_f")
        if key == "person_title":
            female = rng.random() < 0.4
            name = self.person(female)
            return f"{'bà' if female else 'ông'} {name}, {s.fill(rng.choice(WORDS['position']))}"
        if key == "year":
            return str(year)
        if key == "report_year":
            return str(year if a["day"].month >= 11 else year - 1)
        if key == "prev_year":
            return str(year - 1)
        if key == "next5":
            return str(year + 5)
        if key == "school_year":
            return f"{year}-{year + 1}"
        if key == "council_term":
            return {2011: "VIII", 2016: "IX", 2021: "X"}.get(year - (year - 2011) % 5, "XI")
        if key == "m":
            return str(a["day"].month)
        if key == "mm":
            return f"{a['day'].month:02d}"
        if key == "q":
            return str((a["day"].month - 1) // 3 + 1)
        if key == "dm":
            return self.dm(a["day"])
        if key == "dm_span":
            start = a["day"] - datetime.timedelta(days=rng.randint(1, 3))
            return f"{start.day}-{a['day'].day}/{a['day'].month}"
        if key in ("dmy", "dmy2"):
            offset = rng.randint(1, 20) if key == "dmy" else rng.randint(21, 60)
            d = a["day"] + datetime.timedelta(days=offset)
            return f"{d.day:02d}/{d.month:02d}/{d.year}"
        if key == "period":
            month = a["day"].month
            if month >= 10:
                return f"9 tháng năm {year}"
            if month >= 7:
                return f"6 tháng đầu năm {year}"
            if month >= 4:
                return f"quý I/{year}"
            return f"năm {year - 1}"
        if key == "period_cap":
            return _capitalise(s["period"])
        if key == "pct":
            return f"{rng.randint(55, 118)},{rng.randint(0, 9)}"
        if key == "pct_small":
            return f"{rng.randint(1, 14)},{rng.randint(0, 9)}"
        if key == "n":
            return f"{rng.randint(120, 9800):,}".replace(",", ".")
        if key in ("n_small", "n_small2"):
            return str(rng.randint(2, 48))
        if key == "money":
            return f"{rng.randint(12, 1450):,}".replace(",", ".")
        if key == "money_small":
            return f"{rng.randint(1, 95)},{rng.randint(1, 9)}"
        if key == "income":
            return str(rng.randint(30, 350))
        if key in ("ha", "crop_area"):
            return f"{rng.randint(40, 4800):,}".replace(",", ".")
        if key == "phone":
            return f"0209.{rng.randint(3800000, 3899999)}"
        if key in WORDS:
            return s.fill(rng.choice(WORDS[key]))
        raise KeyError(key)

    # -- article --------------------------------------------------------------------

    def sentence(self, slots, pool, used):
        """One body sentence: templated, or from the corpus (the theme's or any), not one
        the article already has if that can be helped."""
        rng = self.rng
        for _ in range(4):
            roll = rng.random()
            if roll < 0.22:
                text, has_slots = rng.choice(slots.a["body_templates"]), True
            else:
                text, has_slots = rng.choice(pool if roll < 0.62 else self.pools.sentences)
            if text not in used:
                break
        used.add(text)
        return slots.fill(text) if has_slots else text

    def article(self, day, theme):
        """Return ``(title, lead, body_blocks, author, author_note)`` for one article."""
        rng = self.rng
        spec = THEMES[theme]
        notice = spec.get("short", False)
        a = {
            "day": day,
            "year": day.year,
            "theme": theme,
            "body_templates": NOTICE_BODY_TEMPLATES if notice else BODY_TEMPLATES,
        }
        slots = _Slots(self, a)
        own = spec.get("titles", [])
        if spec.get("generic", True) and (not own or rng.random() < 0.7):
            title = slots.fill(rng.choice(TITLE_TEMPLATES))
        else:
            title = slots.fill(rng.choice(own))
        title = _capitalise(title)
        if notice:
            lead = slots.fill(rng.choice(NOTICE_LEADS))
        elif rng.random() < 0.1:
            text, has_slots = rng.choice(self.pools.leads)
            lead = html.unescape(slots.fill(text) if has_slots else text)
        else:
            lead = slots.fill(rng.choice(LEAD_TEMPLATES))
        pool = self.pools.by_theme[theme]
        if notice:
            paragraphs = int(rng.triangular(3, 10, 4))
        else:
            paragraphs = int(rng.triangular(5, 26, 6))
        heading_at = set()
        if not notice and paragraphs >= 6 and rng.random() < 0.3:
            heading_at = set(
                rng.sample(range(2, paragraphs), min(3, paragraphs - 2, rng.randint(1, 3)))
            )
        blocks = []
        used = set()
        for index in range(paragraphs):
            if index in heading_at:
                if rng.random() < 0.5:
                    text, has_slots = rng.choice(self.pools.headings)
                    heading = slots.fill(text) if has_slots else text
                else:
                    heading = slots.fill(rng.choice(HEADINGS))
                blocks.append(("heading", html.unescape(heading)))
            if index > 2 and not notice and rng.random() < 0.02:
                blocks.append(
                    (
                        "quote",
                        {
                            "text": slots.fill("{quote_text}."),
                            "attribution": slots.fill("{person}, {local_role}"),
                        },
                    )
                )
                continue
            count = rng.choices((1, 2, 3), cum_weights=(50, 88, 100))[0]
            text = " ".join(self.sentence(slots, pool, used) for _ in range(count))
            blocks.append(("paragraph", f"<p>{text}</p>"))
        author, note = self.byline(day.year, notice)
        return title, lead, blocks, author, note

    def block_id(self):
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))


# --------------------------------------------------------------------------------------
# Site tree
# --------------------------------------------------------------------------------------


def _tree_ensure():
    """Return ``(home, [(section, theme_or_None, weight, since, child_themes)])``.

    Creates the home page (the demo's way) and the missing sections through Wagtail's API.
    """
    from wagtail.models import Site

    from bantin.core.models import HomePage, PortalSettings
    from bantin.demo import services as demo
    from bantin.news.models import NewsIndexPage

    home = HomePage.objects.first()
    if home is None:
        home, site = demo._home_create()
    else:
        site = Site.objects.filter(root_page=home).first()
    if site is not None:
        PortalSettings.objects.get_or_create(site=site, defaults=demo.PORTAL)

    def ensure(parent, title, slug, intro):
        existing = NewsIndexPage.objects.child_of(parent).filter(slug=slug).first()
        if existing is not None:
            return existing
        section = parent.add_child(
            instance=NewsIndexPage(title=title, slug=slug, intro=intro, show_in_menus=True)
        )
        section.save_revision().publish()
        return section

    sections = []
    for title, slug, intro, children in SECTION_TREE:
        top = ensure(home, title, slug, intro)
        child_themes = []
        total = 0.0
        for c_title, c_slug, c_intro, weight, theme, since in children:
            child = ensure(top, c_title, c_slug, c_intro)
            sections.append((child, theme, weight, since, None))
            child_themes.append((theme, weight))
            total += weight
        own = TOP_LEVEL_THEMES.get(slug)
        sections.append((top, own, total * TOP_LEVEL_SHARE, 0, child_themes))
    return home, sections


# --------------------------------------------------------------------------------------
# Bulk insertion
# --------------------------------------------------------------------------------------


def _article_days(rng, count, tz):
    """``count`` publication datetimes (aware, local), sorted, denser in later years and
    on weekdays."""
    span = (LAST_DAY - FIRST_DAY).days + 1
    scale = 1 + GROWTH / 2
    moments = []
    while len(moments) < count:
        u = rng.random()
        # Inverse CDF of the density 1 + GROWTH * x on [0, 1).
        x = ((1 + 2 * GROWTH * u * scale) ** 0.5 - 1) / GROWTH
        day = FIRST_DAY + datetime.timedelta(days=min(int(x * span), span - 1))
        weekday = day.weekday()
        if (weekday == 5 and rng.random() > 0.45) or (weekday == 6 and rng.random() > 0.3):
            continue
        hour = rng.choices(range(6, 23), cum_weights=_HOUR_CUM)[0]
        moments.append(
            datetime.datetime(
                day.year, day.month, day.day, hour, rng.randrange(60), rng.randrange(60), tzinfo=tz
            )
        )
    moments.sort()
    return moments


# Publication hours 6..22, most during office hours.
_HOUR_CUM = list(itertools.accumulate([1, 3, 6, 8, 8, 7, 4, 3, 6, 7, 7, 6, 3, 2, 2, 1, 1]))


class _Inserter:
    """Writes page rows and article rows with precomputed paths and ids."""

    def __init__(self, connection):
        from django.contrib.contenttypes.models import ContentType
        from wagtail.models import Locale, Page

        from bantin.news.models import ArticlePage

        self.connection = connection
        self.Page = Page
        self.vendor = connection.vendor
        ops = connection.ops
        self.adapt_dt = ops.adapt_datetimefield_value
        self.adapt_date = ops.adapt_datefield_value
        self.native_uuid = connection.features.has_native_uuid_field
        content_type = ContentType.objects.get_for_model(ArticlePage)
        locale = Locale.get_default()
        variable_page = {
            "id",
            "path",
            "depth",
            "title",
            "draft_title",
            "slug",
            "url_path",
            "translation_key",
            "first_published_at",
            "last_published_at",
            "latest_revision_created_at",
        }
        fixed_page = {
            "content_type": content_type.pk,
            "locale": locale.pk,
            "live": True,
            "has_unpublished_changes": False,
            "numchild": 0,
            "show_in_menus": False,
        }
        self.page_table = Page._meta.db_table
        self.page_columns, self.page_base, self.page_index = self._layout(
            Page._meta.concrete_fields, variable_page, fixed_page
        )
        variable_article = {"page_ptr", "date", "lead", "body", "author", "author_note"}
        fixed_article = {"is_roundup": False, "legacy_id": "", "legacy_url": ""}
        self.article_table = ArticlePage._meta.db_table
        self.article_columns, self.article_base, self.article_index = self._layout(
            ArticlePage._meta.local_concrete_fields, variable_article, fixed_article
        )

    def _layout(self, fields, variable, fixed):
        """Columns, a row of constant values (adapted for the database) and the positions of
        the variable ones. Fails loudly on a NOT NULL column nobody fills."""
        columns, base, index = [], [], {}
        for position, field in enumerate(fields):
            columns.append(field.column)
            if field.name in variable:
                index[field.name] = position
                base.append(None)
                continue
            if field.name in fixed:
                value = fixed[field.name]
            elif field.null:
                value = None
            elif field.has_default() or field.empty_strings_allowed:
                value = field.get_default()
            else:
                raise RuntimeError(
                    f"cột bắt buộc chưa có giá trị: {field.model.__name__}.{field.name}"
                )
            if value is not None and not field.is_relation:
                value = field.get_db_prep_save(value, self.connection)
            base.append(value)
        missing = variable - set(index)
        if missing:
            raise RuntimeError(f"không có cột: {sorted(missing)}")
        return columns, base, index

    def allocate_ids(self, cursor, count):
        """Reserve ``count`` page ids (call inside the batch's transaction)."""
        table = self.page_table
        if self.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [table, count],
            )
            return sorted(row[0] for row in cursor.fetchall())
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {self.connection.ops.quote_name(table)}")
        start = cursor.fetchone()[0]
        if self.vendor == "sqlite":
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
            row = cursor.fetchone()
            if row and row[0] and row[0] > start:
                start = row[0]
        return list(range(start + 1, start + 1 + count))

    def page_row(self, **values):
        row = list(self.page_base)
        index = self.page_index
        for name in ("id", "path", "depth", "title", "draft_title", "slug", "url_path"):
            row[index[name]] = values[name]
        key = values["translation_key"]
        row[index["translation_key"]] = key if self.native_uuid else key.hex
        for name in ("first_published_at", "last_published_at", "latest_revision_created_at"):
            row[index[name]] = self.adapt_dt(values[name])
        return row

    def article_row(self, **values):
        row = list(self.article_base)
        index = self.article_index
        row[index["page_ptr"]] = values["page_ptr"]
        row[index["date"]] = self.adapt_date(values["date"])
        for name in ("lead", "body", "author", "author_note"):
            row[index[name]] = values[name]
        return row

    def write(self, cursor, table, columns, rows):
        raw = getattr(cursor, "cursor", None)
        if self.vendor == "postgresql" and hasattr(raw, "copy"):
            names = ", ".join(self.connection.ops.quote_name(c) for c in columns)
            with raw.copy(
                f"COPY {self.connection.ops.quote_name(table)} ({names}) FROM STDIN"
            ) as copy:
                for row in rows:
                    copy.write_row(row)
            return
        quote = self.connection.ops.quote_name
        sql = "INSERT INTO {} ({}) VALUES ({})".format(
            quote(table), ", ".join(quote(c) for c in columns), ", ".join(["%s"] * len(columns))
        )
        cursor.executemany(sql, rows)


def _step_encode(number, alphabet, steplen):
    digits = []
    base = len(alphabet)
    while number:
        number, rest = divmod(number, base)
        digits.append(alphabet[rest])
    step = "".join(reversed(digits)).rjust(steplen, alphabet[0])
    if len(step) > steplen:
        raise RuntimeError("chuyên mục đã quá số trang con tối đa của cây trang")
    return step


def _step_decode(step, alphabet):
    base = len(alphabet)
    number = 0
    for char in step:
        number = number * base + alphabet.index(char)
    return number


def archive_generate(
    count: int, *, seed: int = 1, batch_size: int = BATCH_SIZE, progress=None
) -> dict:
    """Fill the database with ``count`` published articles; return
    ``{"articles": n, "sections": k, "seconds": t}``.

    Deterministic for a given ``seed`` and ``count`` (page ids, translation keys and
    publication of the ~30 section pages aside). ``progress(done, count)`` is called after
    each batch when given. Articles are added to whatever the database already holds.
    """
    from django.conf import settings
    from django.db import connection, transaction
    from wagtail.models import Page

    from bantin.core.text import slugify
    from bantin.news.models import ArticlePage

    started = time.perf_counter()
    rng = random.Random(seed)
    tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    with transaction.atomic():
        _, sections = _tree_ensure()
    pools = _Pools()
    writer = _Writer(rng, pools)
    inserter = _Inserter(connection)

    # Where each article goes: weighted sections, the newer ones muted before their year.
    years = range(FIRST_DAY.year, LAST_DAY.year + 1)
    cum_by_year = {
        year: list(
            itertools.accumulate(
                weight * (1 if year >= since else 0.1) for _, _, weight, since, _ in sections
            )
        )
        for year in years
    }
    moments = _article_days(rng, count, tz)

    alphabet, steplen = Page.alphabet, Page.steplen
    state = {}
    for section, _, _, _, _ in sections:
        last = (
            Page.objects.filter(path__startswith=section.path, depth=section.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        slugs = set(Page.objects.child_of(section).values_list("slug", flat=True))
        state[section.pk] = {
            "next": _step_decode(last[-steplen:], alphabet) + 1 if last else 1,
            "slugs": slugs,
        }
    sequence = ArticlePage.objects.count()

    written = 0
    for batch_start in range(0, count, batch_size):
        batch = moments[batch_start : batch_start + batch_size]
        pages, articles, added = [], [], {}
        with transaction.atomic(), connection.cursor() as cursor:
            ids = inserter.allocate_ids(cursor, len(batch))
            for page_id, moment in zip(ids, batch):
                year = moment.year
                cum = cum_by_year[year]
                pick = bisect.bisect(cum, rng.random() * cum[-1])
                section, theme, _, _, child_themes = sections[pick]
                if theme is None:
                    theme = rng.choices([t for t, _ in child_themes], [w for _, w in child_themes])[
                        0
                    ]
                title, lead, blocks, author, note = writer.article(moment.date(), theme)
                title = _nfc(title)[:255]
                sequence += 1
                info = state[section.pk]
                slug = f"{slugify(title, max_length=80)}-{sequence}"
                while slug in info["slugs"]:
                    slug = f"{slug}-{rng.randrange(10**6)}"
                info["slugs"].add(slug)
                path = section.path + _step_encode(info["next"], alphabet, steplen)
                info["next"] += 1
                added[section.pk] = added.get(section.pk, 0) + 1
                edited = moment
                if rng.random() < 0.15:
                    edited = moment + datetime.timedelta(minutes=rng.randint(5, 60 * 72))
                pages.append(
                    inserter.page_row(
                        id=page_id,
                        path=path,
                        depth=section.depth + 1,
                        title=title,
                        draft_title=title,
                        slug=slug,
                        url_path=f"{section.url_path}{slug}/",
                        translation_key=uuid.uuid4(),
                        first_published_at=moment,
                        last_published_at=edited,
                        latest_revision_created_at=edited,
                    )
                )
                body = [
                    {"type": kind, "value": value, "id": writer.block_id()}
                    for kind, value in blocks
                ]
                articles.append(
                    inserter.article_row(
                        page_ptr=page_id,
                        date=moment.date(),
                        lead=_nfc(lead),
                        body=_nfc(json.dumps(body, ensure_ascii=False)),
                        author=author[:200],
                        author_note=note[:100],
                    )
                )
            inserter.write(cursor, inserter.page_table, inserter.page_columns, pages)
            inserter.write(cursor, inserter.article_table, inserter.article_columns, articles)
            cursor.executemany(
                f"UPDATE {connection.ops.quote_name(inserter.page_table)} "
                "SET numchild = numchild + %s WHERE id = %s",
                [(n, pk) for pk, n in added.items()],
            )
        written += len(batch)
        if progress is not None:
            progress(written, count)
    return {
        "articles": written,
        "sections": len(sections),
        "seconds": round(time.perf_counter() - started, 2),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Tạo kho lưu trữ bản tin tiếng Việt ngẫu nhiên (có thể lặp lại) trong cơ sở dữ liệu."
    )
    parser.add_argument("--count", type=int, default=100_000, help="số bản tin (mặc định 100.000)")
    parser.add_argument("--seed", type=int, default=1, help="hạt giống ngẫu nhiên (mặc định 1)")
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE, help="số bản tin mỗi lô")
    parser.add_argument("--quiet", action="store_true", help="không in tiến độ")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(REPO_ROOT))
    os.environ.setdefault("BANTIN_LOCAL", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bantin.settings")
    import django

    django.setup()

    def progress(done, total):
        print(
            f"\r  {done:>9,}/{total:,} bản tin".replace(",", "."),
            end="",
            file=sys.stderr,
            flush=True,
        )

    result = archive_generate(
        args.count,
        seed=args.seed,
        batch_size=args.batch_size,
        progress=None if args.quiet else progress,
    )
    if not args.quiet:
        print(file=sys.stderr)
    articles = f"{result['articles']:,}".replace(",", ".")
    seconds = f"{result['seconds']:.2f}".replace(".", ",")
    print(f"Đã tạo {articles} bản tin trong {result['sections']} chuyên mục, {seconds} giây.")
    return result


if __name__ == "__main__":
    main()
