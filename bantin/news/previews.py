"""What an article tells feed readers, link previews and search engines: when it
appeared and changed, Open Graph and Twitter tags, schema.org ``NewsArticle`` data."""

import datetime

from django.utils import timezone

from bantin.core.previews import (
    json_ld,
    open_graph,
    portal_settings,
    publisher_logo,
    share_image,
)


def published_moment(article):
    """When ``article`` appeared, in local time: its first publication on its own date,
    else the start of the date the editor gave it."""
    first = article.first_published_at
    day = article.display_date
    if first is not None and timezone.localdate(first) == day:
        return timezone.localtime(first)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def modified_moment(article):
    """When ``article`` last changed for readers, in local time."""
    latest = article.last_published_at or article.first_published_at
    published = published_moment(article)
    return max(timezone.localtime(latest), published) if latest else published


def article_preview(article, request, author=""):
    """Tags and ``NewsArticle`` data for ``article``, every URL absolute."""
    portal = portal_settings(request)
    url = request.build_absolute_uri(article.get_url(request))
    image = share_image(article.featured_image, request)
    published = published_moment(article).isoformat()
    modified = modified_moment(article).isoformat()
    title = article.seo_title or article.title
    description = article.search_description or article.lead
    og = open_graph("article", portal, title, url, description)
    if image:
        og += [
            ("og:image", image["url"]),
            ("og:image:type", image["type"]),
            ("og:image:width", str(image["width"])),
            ("og:image:height", str(image["height"])),
            ("og:image:alt", article.title),
        ]
    og += [("article:published_time", published), ("article:modified_time", modified)]
    if author:
        og.append(("article:author", author))
    twitter = [
        ("twitter:card", "summary_large_image" if image else "summary"),
        ("twitter:title", title),
    ]
    if description:
        twitter.append(("twitter:description", description))
    if image:
        twitter.append(("twitter:image", image["url"]))
    publisher_name = portal.agency_name or portal.portal_name
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": description,
        "datePublished": published,
        "dateModified": modified,
        "inLanguage": "vi",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "author": (
            {"@type": "Person", "name": author}
            if author
            else {"@type": "Organization", "name": publisher_name}
        ),
        "publisher": {
            "@type": "GovernmentOrganization",
            "name": publisher_name,
            "logo": {"@type": "ImageObject", **publisher_logo(portal, request)},
        },
    }
    if image:
        data["image"] = [
            {
                "@type": "ImageObject",
                "url": image["url"],
                "width": image["width"],
                "height": image["height"],
            }
        ]
    return {
        "canonical": url,
        "description": description,
        "og": og,
        "twitter": twitter,
        "json_ld": json_ld(data),
    }
