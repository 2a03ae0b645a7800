"""Signal receivers: keep the listing index in step with publishing (see news.listing)."""

from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import post_page_move

from bantin.core.cache import touch
from bantin.news.listing import list_tag, listing_rebuild, listing_refresh
from bantin.news.models import ArticlePage, ListingEntry


def _article(page):
    if isinstance(page, ArticlePage):
        return page
    if isinstance(page, Page) and page.specific_class is ArticlePage:
        return ArticlePage.objects.filter(pk=page.pk).first()
    return None


@receiver(post_save)
def _refresh_listing(sender, instance, raw=False, **kwargs):
    if raw or not isinstance(instance, Page):
        return
    article = _article(instance)
    if article is not None:
        listing_refresh(article)


@receiver(post_page_move)
def _moved(sender, instance, **kwargs):
    article = _article(instance)
    if article is not None:
        listing_refresh(article)
    else:
        listing_rebuild(under=instance)


@receiver(pre_delete)
def _deleted(sender, instance, **kwargs):
    if isinstance(instance, ArticlePage):
        sections = ListingEntry.objects.filter(article_id=instance.pk).values_list(
            "section_id", flat=True
        )
        touch(*(list_tag(section_id) for section_id in sections))
