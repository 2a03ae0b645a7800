import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.news.factories import make_article, make_section


@pytest.fixture
def news_portal(home, image_factory, settings):
    """Sections with published articles, and a draft, a private and an expired article."""
    settings.PAGE_CACHE_CLOCK_MARGIN = 0
    home.save_revision().publish()
    news = make_section(home, "Tin tức - Sự kiện", intro="Tin tức của tỉnh.")
    leaders = make_section(news, "Hoạt động của lãnh đạo tỉnh")
    economy = make_section(home, "Kinh tế")
    photo = image_factory(title="Hội nghị", size=(1200, 675))
    meeting = make_article(
        leaders,
        "Hội nghị tổng kết công tác năm 2024",
        date=datetime.date(2025, 2, 7),
        featured_image=photo,
        author="Bích Huệ",
        author_note="tổng hợp",
    )
    meeting.tags.add("Hội nghị", "Tổng kết")
    meeting.save_revision().publish()
    visit = make_article(news, "Thăm và chúc Tết", date=datetime.date(2025, 2, 3))
    market = make_article(economy, "Chợ phiên vùng cao", date=datetime.date(2025, 2, 5))
    draft = make_article(economy, "Bản nháp chưa duyệt", live=False)
    private_section = make_section(home, "Nội bộ")
    PageViewRestriction.objects.create(
        page=private_section,
        restriction_type=PageViewRestriction.GROUPS,
    ).groups.set([Group.objects.first()])
    private = make_article(private_section, "Tin nội bộ")
    expired = make_article(
        economy, "Tin đã hết hạn", expire_at=timezone.now() - datetime.timedelta(hours=1)
    )
    return {
        "home": home,
        "news": news,
        "leaders": leaders,
        "economy": economy,
        "private_section": private_section,
        "meeting": meeting,
        "visit": visit,
        "market": market,
        "draft": draft,
        "private": private,
        "expired": expired,
        "photo": photo,
    }
