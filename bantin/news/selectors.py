"""Named reads of published news: what readers may see, in the order they see it."""

from django.db.models.functions import Coalesce, TruncDate

from bantin.news import models


def published_articles():
    """Live articles without view restrictions, with their featured images ready to render."""
    return (
        models.ArticlePage.objects.live()
        .public()
        .select_related("featured_image")
        .prefetch_related("featured_image__renditions")
    )


def newest_first(articles):
    """Order ``articles`` by the date readers see (the editor's date, else first publication)."""
    return articles.annotate(sort_date=Coalesce("date", TruncDate("first_published_at"))).order_by(
        "-sort_date", "-first_published_at", "-pk"
    )


def section_articles(section):
    """Published articles anywhere under ``section``, newest first."""
    return newest_first(published_articles().descendant_of(section))


def related_articles(article, limit=5):
    """The newest other published articles of ``article``'s own section."""
    parent = article.get_parent()
    if parent is None:
        return models.ArticlePage.objects.none()
    return newest_first(published_articles().child_of(parent).not_page(article))[:limit]


def subsections(section):
    """Live, public sections directly under ``section``, in the editors' order."""
    return models.NewsIndexPage.objects.child_of(section).live().public()


def breadcrumbs(page):
    """The pages from the home page down to ``page``'s parent."""
    return page.get_ancestors().filter(depth__gt=1)
