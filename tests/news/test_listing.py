import datetime

from bantin.news.listing import listing_rebuild, listings_refresh
from bantin.news.models import ArticlePage, ListingEntry
from tests.news.factories import make_article, make_section


def entries():
    return set(ListingEntry.objects.values_list("section", "article", "sort_date"))


def test_refreshing_many_articles_together_lists_them_as_a_rebuild_would(home):
    news = make_section(home, "Tin tức - Sự kiện")
    economy = make_section(news, "Kinh tế")
    culture = make_section(home, "Văn hóa")
    moved = make_article(economy, "Giá lúa tăng", date=datetime.date(2025, 3, 1))
    redated = make_article(culture, "Lễ hội mùa xuân", date=datetime.date(2025, 2, 1))
    hidden = make_article(economy, "Bài gỡ xuống")
    kept = make_article(news, "Bài không đổi")
    draft = make_article(culture, "Bản nháp", live=False)
    # Changed behind the listing's back, as a bulk write does.
    ArticlePage.objects.filter(pk=redated.pk).update(date=datetime.date(2025, 4, 1))
    ArticlePage.objects.filter(pk=hidden.pk).update(live=False)
    ListingEntry.objects.filter(article=moved).delete()

    changed = listings_refresh(
        ArticlePage.objects.filter(pk__in=[moved.pk, redated.pk, hidden.pk, kept.pk, draft.pk])
    )

    assert changed == {news.pk, economy.pk, culture.pk}
    refreshed = entries()
    listing_rebuild()
    assert refreshed == entries()
    assert (culture.pk, redated.pk, datetime.date(2025, 4, 1)) in refreshed
    assert not ListingEntry.objects.filter(article__in=[hidden, draft]).exists()
    assert listings_refresh(ArticlePage.objects.all()) == set()
