"""Named reads behind the API: articles by section, dates and tag through the listing index."""

from taggit.models import Tag
from wagtail.images import get_image_model

from bantin.core import text
from bantin.core.cache import SHELL, remembered
from bantin.core.models import readable
from bantin.core.previews import SHARE_FILTER
from bantin.leaders.models import ArticleLeader, LeaderPage
from bantin.news import selectors as news_selectors
from bantin.news.models import ArticlePageTag


def articles_filtered(*, section=None, date_from=None, date_to=None, tag=None):
    """Published articles, newest first, of ``section`` (else of every section), dated
    within ``date_from..date_to`` and carrying ``tag`` (name or slug) when given.

    Returns ``(articles, sections)``; ``sections`` are those whose listing it reads.
    """
    sections = [section] if section is not None else news_selectors.top_sections()
    within = {"listing_entries__section__in": [s.pk for s in sections]}
    if date_from is not None:
        within["listing_entries__sort_date__gte"] = date_from
    if date_to is not None:
        within["listing_entries__sort_date__lte"] = date_to
    # One filter() call: the conditions hold on the same listing entry.
    articles = (
        news_selectors.article_cards()
        .only(*news_selectors.CARD_FIELDS, "author", "author_note", "last_published_at")
        .filter(**within)
        .order_by(
            "-listing_entries__sort_date",
            "-listing_entries__published_at",
            "-listing_entries__article",
        )
    )
    if tag is not None:
        tagged = ArticlePageTag.objects.filter(tag_id__in=tag_ids(tag))
        articles = articles.filter(pk__in=tagged.values("content_object_id"))
    return articles, sections


def tag_ids(spec):
    """Ids of the articles' tags named ``spec``, however it is accented or cased
    (``Hội nghị``, ``hoi nghi``, ``hoi-nghi``)."""
    wanted = text.slugify(spec)
    names = remembered(
        "article-tag-names",
        # Any publication changes the listing of a top section; edits of tags meanwhile
        # are seen within the timeout.
        [SHELL, *(f"list:{section.pk}" for section in news_selectors.top_sections())],
        lambda: list(
            Tag.objects.filter(
                pk__in=ArticlePageTag.objects.values("tag_id").distinct()
            ).values_list("pk", "name")
        ),
        timeout=300,
    )
    return [pk for pk, name in names if text.slugify(name) == wanted]


def articles_count(articles, sections, filtered):
    """How many ``articles`` there are: from the cached section counts when unfiltered."""
    if not filtered:
        return sum(news_selectors.section_count(section) for section in sections)
    return articles.count()


def tags_for(article_ids):
    """``{article id: [tag names]}`` in one query."""
    names = {}
    rows = ArticlePageTag.objects.filter(content_object_id__in=article_ids).values_list(
        "content_object_id", "tag__name"
    )
    for article_id, name in rows.order_by("tag__name"):
        names.setdefault(article_id, []).append(name)
    return names


def share_renditions(images):
    """``{image id: rendition}`` of the shared size for ``images``, in two queries."""
    ids = {image.pk for image in images if image is not None}
    if not ids:
        return {}
    loaded = get_image_model().objects.filter(pk__in=ids).prefetch_renditions(SHARE_FILTER)
    renditions = {}
    for image in loaded:
        try:
            renditions[image.pk] = image.get_rendition(SHARE_FILTER)
        except (OSError, ValueError):
            continue
    return renditions


def leaders_for(article_ids):
    """``{article id: [leaders]}`` of the published leaders each article is linked to."""
    links = (
        ArticleLeader.objects.filter(article_id__in=article_ids, excluded=False, leader__live=True)
        .select_related("leader")
        .only("article_id", "sort_order", "leader__id", "leader__title", "leader__url_path")
        .order_by("article_id", "sort_order")
    )
    leaders = {}
    for link in links:
        leaders.setdefault(link.article_id, []).append(link.leader)
    return leaders


def public_leaders():
    """Published, public leaders in the editors' order, with their positions."""
    return (
        readable(LeaderPage.objects.all())
        .order_by("path")
        .prefetch_related("positions")
        .only("id", "title", "url_path", "path", "depth", "slug", "live", "expire_at")
    )
