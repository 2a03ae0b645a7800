"""The demo portal: a home page, the section tree, the legacy seed and other articles."""

import datetime
import io
import secrets
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from bantin.core.models import HomePage, PortalSettings
from bantin.demo.images import illustration
from bantin.leaders.models import LeaderIndexPage, LeaderPage, LeaderPosition
from bantin.news.models import ArticlePage, NewsIndexPage
from bantin.publishing import roles

CONTENT_DIR = Path(__file__).resolve().parent / "content"
BULLETINS_DIR = CONTENT_DIR / "bulletins"
SEED_LEGACY_ID = "000_f266ab5f928e3e3e"

# (title, slug, intro, children)
SECTIONS = [
    (
        "Tin tức - Sự kiện",
        "tin-tuc-su-kien",
        "Tin tức, sự kiện nổi bật trên địa bàn tỉnh.",
        [
            (
                "Hoạt động của lãnh đạo tỉnh",
                "hoat-dong-cua-lanh-dao-tinh",
                "Hoạt động của lãnh đạo Tỉnh ủy, HĐND, UBND tỉnh và Đoàn ĐBQH tỉnh.",
            ),
            ("Kinh tế", "kinh-te", "Nông nghiệp, công nghiệp, đầu tư, sản phẩm OCOP."),
            ("Văn hóa - Xã hội", "van-hoa-xa-hoi", "Giáo dục, y tế, văn hóa, an sinh xã hội."),
        ],
    ),
    ("Du lịch", "du-lich", "Điểm đến, lễ hội và dịch vụ du lịch của tỉnh.", []),
    (
        "Thông báo",
        "thong-bao",
        "Thông báo, lịch tiếp công dân, tuyển dụng, lấy ý kiến dự thảo.",
        [],
    ),
]

PORTAL = {
    "portal_name": "Cổng thông tin điện tử tỉnh Bắc Kạn",
    "agency_name": "Ủy ban nhân dân tỉnh Bắc Kạn",
    "governing_agency": "Ủy ban nhân dân tỉnh Bắc Kạn",
    "managing_unit": "Văn phòng UBND tỉnh Bắc Kạn",
    "responsible_person": "Chánh Văn phòng UBND tỉnh",
    "address": "Tổ 1, phường Đức Xuân, thành phố Bắc Kạn, tỉnh Bắc Kạn",
    "phone": "0209 3870 000",
    "email": "congthongtin@backan.gov.vn",
    "source_notice": "Ghi rõ nguồn “Cổng thông tin điện tử tỉnh Bắc Kạn” khi phát hành lại "
    "thông tin từ Cổng thông tin này.",
}


def _home_create():
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(
            title="Trang chủ",
            slug="trang-chu",
            intro="Kênh thông tin chính thức của chính quyền tỉnh: tin hoạt động, chỉ đạo điều "
            "hành, thông báo và dịch vụ cho người dân, doanh nghiệp.",
        )
    )
    site = Site.objects.filter(is_default_site=True).first()
    old_root = site.root_page if site else None
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = home
    site.site_name = PORTAL["portal_name"]
    site.save()
    # Wagtail's own "Welcome" page is no longer reachable; remove it if it is the stock one.
    if old_root is not None and old_root.pk != home.pk and old_root.specific_class is Page:
        old_root.delete()
    return home, site


def _sections_create(home):
    sections = {}
    for title, slug, intro, children in SECTIONS:
        parent = home.add_child(
            instance=NewsIndexPage(title=title, slug=slug, intro=intro, show_in_menus=True)
        )
        parent.save_revision().publish()
        sections[slug] = parent
        for child_title, child_slug, child_intro in children:
            child = parent.add_child(
                instance=NewsIndexPage(
                    title=child_title, slug=child_slug, intro=child_intro, show_in_menus=True
                )
            )
            child.save_revision().publish()
            sections[child_slug] = child
    return sections


# The province's leaders named in the seed article, with the positions it gives them.
# Start dates are the beginning of the 2020–2025 term, for demonstration.
TERM_START = datetime.date(2021, 7, 1)
LEADERS = [
    (
        "Hoàng Duy Chinh",
        [
            "Ủy viên Ban Chấp hành Trung ương Đảng",
            "Bí thư Tỉnh ủy",
            "Trưởng Đoàn ĐBQH tỉnh",
        ],
    ),
    ("Phương Thị Thanh", ["Chủ tịch HĐND tỉnh"]),
    ("Trần Thị Lộc", ["Phó Chủ tịch HĐND tỉnh"]),
    ("Đồng Văn Lưu", ["Phó Chủ tịch HĐND tỉnh"]),
    ("Nguyễn Đăng Bình", ["Chủ tịch UBND tỉnh"]),
]


def _leaders_create(home):
    index = home.add_child(
        instance=LeaderIndexPage(
            title="Lãnh đạo tỉnh",
            slug="lanh-dao-tinh",
            intro="Thường trực Tỉnh ủy, HĐND, UBND tỉnh và Đoàn đại biểu Quốc hội tỉnh.",
            show_in_menus=True,
        )
    )
    index.save_revision().publish()
    for name, positions in LEADERS:
        leader = LeaderPage(
            title=name,
            positions=[LeaderPosition(title=title, start_date=TERM_START) for title in positions],
        )
        index.add_child(instance=leader)
        leader.save_revision().publish()
    return index


def _illustrate(article):
    Image = get_image_model()
    content = illustration(article.slug)
    image = Image(
        title=f"Ảnh minh họa: {article.title}"[:255],
        description=f"Ảnh minh họa cho bài “{article.title}”"[:255],
        file=ImageFile(io.BytesIO(content), name=f"{article.slug[:80]}.jpg"),
    )
    image.save()
    article.featured_image = image
    article.save_revision().publish()


def demo_load(*, stdout=None):
    """Build the demo portal unless the site already has content; return True if it did.

    Imports every dump under ``content/bulletins/<section-slug>/`` through the
    ``import_bulletins`` command, published, and gives each article an illustration.
    """
    if HomePage.objects.exists() or ArticlePage.objects.exists():
        return False
    with transaction.atomic():
        home, site = _home_create()
        PortalSettings.objects.update_or_create(site=site, defaults=PORTAL)
        sections = _sections_create(home)
        # Leaders first, so that imported articles link the leaders they mention.
        _leaders_create(home)
        for folder in sorted(p for p in BULLETINS_DIR.iterdir() if p.is_dir()):
            call_command(
                "import_bulletins",
                str(folder),
                into=sections[folder.name].slug,
                publish=True,
                stdout=stdout,
                verbosity=0,
            )
        for article in ArticlePage.objects.all():
            _illustrate(article)
        seed = ArticlePage.objects.filter(legacy_id=SEED_LEGACY_ID).first()
        home.featured_article = seed
        home.save_revision().publish()
    return True


# One account per editorial role, so a new user can walk the whole approval flow.
DEMO_USERS = [
    ("phongvien", "Minh", "Anh", roles.REPORTER),
    ("bientapvien", "Thu", "Trang", roles.EDITOR),
    ("truongban", "Quốc", "Khánh", roles.CHIEF_EDITOR),
    ("quantri", "Văn", "Tiến", roles.ADMINISTRATOR),
]


def demo_users_ensure(*, password=None):
    """Create the demo account of each role that does not exist yet.

    Uses ``password`` for all of them when given, else a random one each.
    Returns ``[(username, role, password)]`` for the accounts created now.
    """
    User = get_user_model()
    groups = roles.roles_apply()
    created = []
    for username, first_name, last_name, role in DEMO_USERS:
        if User.objects.filter(username=username).exists():
            continue
        secret = password or secrets.token_urlsafe(9)
        user = User.objects.create_user(
            username=username,
            password=secret,
            first_name=first_name,
            last_name=last_name,
            email=f"{username}@congthongtin.local",
        )
        user.groups.add(groups[role])
        created.append((username, role, secret))
    return created
