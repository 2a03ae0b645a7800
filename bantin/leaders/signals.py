"""Signal receivers: tell the page cache when a leader's list of activities changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from bantin.core.cache import touch
from bantin.leaders.models import LEADERS, ArticleLeader, LeaderPage, activities_tag
from bantin.news.models import ArticlePage


@receiver(post_save, sender=ArticleLeader)
@receiver(post_delete, sender=ArticleLeader)
def _link_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        touch(activities_tag(instance.leader_id))


@receiver(page_published, sender=ArticlePage)
@receiver(page_unpublished, sender=ArticlePage)
@receiver(post_delete, sender=ArticlePage)
def _article_changed(sender, instance, **kwargs):
    # The article's links as it holds them: read from the database unless just written.
    leaders = {link.leader_id for link in instance.leader_links.all()}
    touch(*(activities_tag(leader_id) for leader_id in leaders))


@receiver(page_published, sender=LeaderPage)
@receiver(page_unpublished, sender=LeaderPage)
@receiver(post_delete, sender=LeaderPage)
def _leader_changed(sender, instance, **kwargs):
    touch(LEADERS)
