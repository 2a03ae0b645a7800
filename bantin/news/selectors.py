"""Named reads of published news: what readers may see, in the order they see it."""

from django.db.models.functions import Coalesce, TruncDate

from bantin.core.models import readable
from bantin.news import models


def published_articles():
    """Live, public, unexpired articles, with their featured images ready to render."""
    return (
        readable(models.ArticlePage.objects.all())
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
    return readable(models.NewsIndexPage.objects.child_of(section))


def breadcrumbs(page):
    """The pages from the home page down to ``page``'s parent."""
    return page.get_ancestors().filter(depth__gt=1)


class SectionNotFound(ValueError):
    """No single section matches what the caller named; the message lists the choices."""


def section_find(spec):
    """Return the section named by slug (``hoat-dong-cua-lanh-dao-tinh``) or path
    (``tin-tuc-su-kien/hoat-dong-cua-lanh-dao-tinh``).

    Raises ``SectionNotFound`` when none or several sections match.
    """
    spec = (spec or "").strip().strip("/")
    sections = models.NewsIndexPage.objects.all()
    if "/" in spec:
        matches = [
            s
            for s in sections.filter(slug=spec.rsplit("/", 1)[-1])
            if s.url_path.rstrip("/").endswith("/" + spec)
        ]
    else:
        matches = list(sections.filter(slug=spec))
    if len(matches) == 1:
        return matches[0]
    if not matches:
        known = ", ".join(sorted(sections.values_list("slug", flat=True))) or "(chưa có chuyên mục)"
        raise SectionNotFound(f"Không có chuyên mục “{spec}”. Các chuyên mục hiện có: {known}")
    paths = ", ".join(s.url_path.strip("/").split("/", 1)[-1] for s in matches)
    raise SectionNotFound(f"Có nhiều chuyên mục “{spec}”; hãy ghi rõ đường dẫn: {paths}")
