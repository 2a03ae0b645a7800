from django import template

from bantin.leaders import selectors

register = template.Library()


@register.simple_tag
def article_leaders(article):
    return selectors.article_leaders(article)
