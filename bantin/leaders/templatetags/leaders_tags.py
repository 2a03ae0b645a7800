from django import template

from bantin.core.cache import depends
from bantin.leaders import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def article_leaders(context, article):
    """``[{"title", "url"}]`` of the leaders linked to ``article`` (see selectors)."""
    request = context.get("request")
    if request is not None and getattr(request, "is_preview", False):
        # A preview shows the draft's own links, never the published ones.
        return [
            {"title": leader.title, "url": leader.url}
            for leader in selectors.article_leaders(article)
        ]
    leaders, shown = selectors.article_leader_summaries(article)
    if request is not None:
        depends(request, *shown)
    return leaders
