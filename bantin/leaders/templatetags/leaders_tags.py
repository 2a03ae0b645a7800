from django import template

from bantin.core.cache import depends
from bantin.leaders import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def article_leaders(context, article):
    leaders = selectors.article_leaders(article)
    request = context.get("request")
    if request is not None:
        depends(request, *(f"page:{leader.pk}" for leader in leaders))
    return leaders
