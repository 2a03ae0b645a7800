import datetime

from bantin.leaders.models import LeaderIndexPage, LeaderPage, LeaderPosition

TERM = datetime.date(2021, 7, 1)
SEED_LEADERS = [
    (
        "Hoàng Duy Chinh",
        ["Ủy viên Ban Chấp hành Trung ương Đảng", "Bí thư Tỉnh ủy", "Trưởng Đoàn ĐBQH tỉnh"],
    ),
    ("Phương Thị Thanh", ["Chủ tịch HĐND tỉnh"]),
    ("Trần Thị Lộc", ["Phó Chủ tịch HĐND tỉnh"]),
    ("Đồng Văn Lưu", ["Phó Chủ tịch HĐND tỉnh"]),
    ("Nguyễn Đăng Bình", ["Chủ tịch UBND tỉnh"]),
]


def make_leader_index(home):
    index = home.add_child(instance=LeaderIndexPage(title="Lãnh đạo tỉnh", show_in_menus=True))
    index.save_revision().publish()
    return index


def make_leader(index, name, titles, start=TERM, end=None):
    leader = LeaderPage(
        title=name,
        positions=[LeaderPosition(title=t, start_date=start, end_date=end) for t in titles],
    )
    index.add_child(instance=leader)
    leader.save_revision().publish()
    return leader


def make_seed_leaders(index):
    return {name: make_leader(index, name, titles) for name, titles in SEED_LEADERS}
