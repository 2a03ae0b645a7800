"""Named reads of published news: what readers may see, in the order they see it."""

from django.db.models.functions import Coalesce, TruncDate
from django.utils.safestring import mark_safe

from bantin.core.cache import RESTRICTIONS, SHELL, remembered, remembered_showing
from bantin.core.models import readable
from bantin.news import models


def published_articles():
    """Live, public, unexpired articles, with their featured images ready to render.

    Image renditions come from Wagtail's rendition cache, not a query per listing.
    """
    return readable(models.ArticlePage.objects.all()).select_related("featured_image")


CARD_FIELDS = (
    "title",
    "slug",
    "path",
    "depth",
    "url_path",
    "live",
    "expire_at",
    "content_type",
    "first_published_at",
    "date",
    "lead",
    "featured_image__title",
    "featured_image__file",
    "featured_image__width",
    "featured_image__height",
    "featured_image__collection",
    "featured_image__focal_point_x",
    "featured_image__focal_point_y",
    "featured_image__focal_point_width",
    "featured_image__focal_point_height",
    "featured_image__file_size",
    "featured_image__file_hash",
    "featured_image__description",
)


def article_cards():
    """``published_articles()`` with only what lists and cards show (no bodies)."""
    return published_articles().only(*CARD_FIELDS)


def newest_first(articles):
    """Order ``articles`` by the date readers see (the editor's date, else first publication)."""
    return articles.annotate(sort_date=Coalesce("date", TruncDate("first_published_at"))).order_by(
        "-sort_date", "-first_published_at", "-pk"
    )


def section_articles(section):
    """Published articles anywhere under ``section``, newest first.

    Read through the listing index (``ListingEntry``): one index range per
    section, however many articles it holds.
    """
    return (
        article_cards()
        .filter(listing_entries__section=section.pk)
        .order_by(
            "-listing_entries__sort_date",
            "-listing_entries__published_at",
            "-listing_entries__article",
        )
    )


def section_count(section):
    """How many articles ``section`` lists; counted once per change of its listing."""
    return remembered(
        f"listing-count:{section.pk}",
        [f"list:{section.pk}", RESTRICTIONS],
        lambda: section_articles(section).count(),
    )


def related_summaries(article, limit=5):
    """``(items, tags)``: title, address and date of the articles ``related_articles()``
    gives, kept in the shared cache while the section's listing and those articles stay
    as they are; ``tags`` is what a page showing them depends on."""
    parent = breadcrumbs(article)[-1] if breadcrumbs(article) else None
    listing = [f"list:{parent.pk}"] if parent is not None else []

    def build():
        related = list(related_articles(article, limit=limit))
        items = [
            {
                "url": item.url,
                "title": item.title,
                "display_date": item.display_date,
                "expire_at": item.expire_at,
            }
            for item in related
        ]
        expiries = [item.expire_at.timestamp() for item in related if item.expire_at]
        return items, [f"page:{item.pk}" for item in related], min(expiries, default=None)

    items, shown = remembered_showing(
        f"related:{article.pk}:{limit}", [*listing, RESTRICTIONS], build
    )
    return items, [*listing, *shown]


def body_html(article):
    """``(html, tags)``: the article's rendered body, kept until the article or one of
    its images changes; ``tags`` for ``depends()``."""

    def build():
        images = [
            f"image:{block.value['image'].pk}"
            for block in article.body
            if block.block_type == "image" and block.value.get("image") is not None
        ]
        return mark_safe("".join(str(child.render_as_block()) for child in article.body)), images

    html, shown = remembered_showing(f"body:{article.pk}", [f"page:{article.pk}"], build)
    return html, [f"page:{article.pk}", *shown]


def tag_names(article):
    """The names of ``article``'s published tags, kept until the article changes."""
    return remembered(
        f"tags:{article.pk}",
        [f"page:{article.pk}"],
        lambda: [tag.name for tag in article.tags.all()],
    )


def latest_for(sections, limit=5):
    """``{section id: its newest articles}``: ids from the shared cache, articles in one query."""
    ids = {
        section.pk: remembered(
            f"latest:{section.pk}:{limit}",
            [f"list:{section.pk}", RESTRICTIONS],
            lambda section=section: list(
                section_articles(section).values_list("pk", flat=True)[:limit]
            ),
        )
        for section in sections
    }
    wanted = {pk for chosen in ids.values() for pk in chosen}
    articles = {article.pk: article for article in article_cards().filter(pk__in=wanted)}
    return {
        section_id: [articles[pk] for pk in chosen if pk in articles]
        for section_id, chosen in ids.items()
    }


def related_articles(article, limit=5):
    """The newest other published articles of ``article``'s own section."""
    return (
        article_cards()
        .filter(listing_entries__section__path=article.path[: -article.steplen])
        .exclude(pk=article.pk)
        .order_by(
            "-listing_entries__sort_date",
            "-listing_entries__published_at",
            "-listing_entries__article",
        )[:limit]
    )


def subsections(section):
    """Live, public sections directly under ``section``, in the editors' order."""
    return remembered(
        f"subsections:{section.pk}",
        [SHELL, RESTRICTIONS, f"children:{section.pk}"],
        lambda: list(readable(models.NewsIndexPage.objects.child_of(section))),
    )


def breadcrumbs(page):
    """The pages from the home page down to ``page``'s parent (kept in the shared cache)."""
    parent_path = page.path[: -page.steplen]
    return remembered(
        f"ancestors:{parent_path}",
        [SHELL],
        lambda: list(page.get_ancestors().filter(depth__gt=1)),
    )


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


def top_sections():
    """Live, public sections directly under a non-section page (the home page), by path.

    Every article lies under exactly one of them, so their listings together hold
    each published article once. Kept in the shared cache with the site's shell.
    """

    def build():
        sections = list(readable(models.NewsIndexPage.objects.all()).order_by("path"))
        paths = set(models.NewsIndexPage.objects.values_list("path", flat=True))
        return [section for section in sections if section.path[: -section.steplen] not in paths]

    return remembered("top-sections", [SHELL, RESTRICTIONS], build)


def all_articles():
    """Published articles of every section, newest first, through the listing index.

    Returns ``(articles, sections)``: the queryset, and the top sections it reads, whose
    ``list:<id>`` tags say when it changes.
    """
    sections = top_sections()
    articles = (
        article_cards()
        .filter(listing_entries__section__in=[section.pk for section in sections])
        .order_by(
            "-listing_entries__sort_date",
            "-listing_entries__published_at",
            "-listing_entries__article",
        )
    )
    return articles, sections


def readable_sections():
    """Every live, public section, in tree order."""
    return remembered(
        "readable-sections",
        [SHELL, RESTRICTIONS],
        lambda: list(readable(models.NewsIndexPage.objects.all()).order_by("path")),
    )


def section_at(root, path):
    """The live, public section at ``path`` (``tin-tuc-su-kien/kinh-te``) below ``root``,
    or ``None``; ``path`` may carry slashes at either end."""
    parts = [part for part in (path or "").split("/") if part]
    if not parts:
        return None
    url_path = root.url_path + "".join(f"{part}/" for part in parts)
    return next((section for section in readable_sections() if section.url_path == url_path), None)
