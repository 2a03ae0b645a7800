"""The JSON shapes of the API's objects (described in ``api.openapi``)."""

from django.urls import reverse
from django.utils import timezone

from bantin.news.previews import modified_moment, published_moment


def _absolute(request, path):
    return request.build_absolute_uri(path)


def section_path(section, root):
    """``tin-tuc-su-kien/kinh-te``: the section's address below the home page."""
    return section.url_path[len(root.url_path) : -1]


def section_brief(section, root):
    if section is None:
        return None
    return {"id": section.pk, "title": section.title, "path": section_path(section, root)}


def article_item(request, article, *, root, sections, tags, renditions):
    """An article as listed: what a card shows, with its section and tags."""
    rendition = renditions.get(article.featured_image_id)
    return {
        "id": article.pk,
        "title": article.title,
        "url": _absolute(request, article.get_url(request)),
        "detail_url": _absolute(request, reverse("api:articles:detail", args=[article.pk])),
        "date": article.display_date.isoformat(),
        "published_at": published_moment(article).isoformat(),
        "modified_at": modified_moment(article).isoformat(),
        "lead": article.lead,
        "author": article.byline,
        "section": section_brief(sections.get(article.path[: -article.steplen]), root),
        "tags": tags.get(article.pk, []),
        "image": (
            {
                "url": _absolute(request, rendition.url),
                "width": rendition.width,
                "height": rendition.height,
                "alt": article.featured_image.description or article.featured_image.title,
            }
            if rendition is not None
            else None
        ),
    }


def article_detail(request, article, item, leaders):
    """``item`` with the body as StreamField blocks and as HTML, and the linked leaders."""
    return {
        **item,
        "body": article.body.stream_block.get_api_representation(article.body, context={}),
        "body_html": str(article.body),
        "leaders": [
            {
                "id": leader.pk,
                "name": leader.title,
                "detail_url": _absolute(request, reverse("api:leaders:detail", args=[leader.pk])),
            }
            for leader in leaders
        ],
    }


def section_item(request, section, *, root, sections, count):
    parent = sections.get(section.path[: -section.steplen])
    return {
        "id": section.pk,
        "title": section.title,
        "path": section_path(section, root),
        "url": _absolute(request, section.get_url(request)),
        "detail_url": _absolute(request, reverse("api:sections:detail", args=[section.pk])),
        "rss_url": _absolute(request, reverse("feed_section", args=[section_path(section, root)])),
        "parent_id": parent.pk if parent is not None else None,
        "intro": section.intro,
        "article_count": count,
    }


def leader_item(request, leader):
    today = timezone.localdate()
    return {
        "id": leader.pk,
        "name": leader.title,
        "url": _absolute(request, leader.get_url(request)),
        "detail_url": _absolute(request, reverse("api:leaders:detail", args=[leader.pk])),
        "positions": [
            {
                "title": position.title,
                "body": position.body,
                "start_date": position.start_date.isoformat(),
                "end_date": position.end_date.isoformat() if position.end_date else None,
                "current": position.held_on(today),
            }
            for position in leader_selectors_positions(leader)
        ],
    }


def leader_selectors_positions(leader):
    return sorted(leader.positions.all(), key=lambda p: (p.start_date, p.pk))


def leader_detail(request, leader, activity_ids):
    return {**leader_item(request, leader), "recent_activity_ids": activity_ids}
