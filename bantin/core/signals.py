"""Signal receivers: tell the page cache what changed (see core.cache).

Each change touches the tags of exactly what it alters: the page itself, the
list of its parent's children, the address it is served at (a cached 404
there), and — only for pages that shape the site, such as sections — the
shell (menu, breadcrumbs) every page shows.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from bantin.core.cache import REDIRECTS, RESTRICTIONS, SHELL, SITES, touch
from bantin.core.routing import sites, url_tag


def page_tags(page, joins_or_leaves=True):
    """The tags a change to ``page`` (at its current place) makes stale.

    ``joins_or_leaves``: the change may add the page to, or take it from, its
    parent's live children (a publication, an unpublication), not just edit it.
    """
    tags = [f"page:{page.pk}"]
    if joins_or_leaves:
        parent_path = page.path[: -page.steplen]
        parent_id = Page.objects.filter(path=parent_path).values_list("pk", flat=True).first()
        if parent_id is not None:
            tags.append(f"children:{parent_id}")
    for site_id, _root, page_path in _addresses(page):
        tags.append(url_tag(site_id, page_path))
    if getattr(page.specific_class, "shapes_site", True):
        tags += [SHELL, SITES]
    return tags


def _addresses(page):
    parts = page.get_url_parts()
    return [parts] if parts else []


@receiver(page_published)
def _page_published(sender, instance, **kwargs):
    # Whether a publication adds the page to its parent's children (a first or renewed
    # publication) is not told by the signal; pages whose parent lists them through
    # another index (articles: news.listing) say so, and only then is it skipped.
    listed = getattr(instance.specific_class, "listed_with_children", True)
    touch(*page_tags(instance, joins_or_leaves=listed))


@receiver(page_unpublished)
def _page_unpublished(sender, instance, **kwargs):
    touch(*page_tags(instance))


@receiver(post_page_move)
def _page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    before = kwargs.get("url_path_before") or ""
    old_addresses = [
        url_tag(site.pk, before[len(site.root_page.url_path) :])
        for site in sites()
        if before.startswith(site.root_page.url_path)
    ]
    touch(
        *page_tags(instance),
        *old_addresses,
        f"children:{parent_page_before.pk}",
        f"children:{parent_page_after.pk}",
        # Every page beneath a moved page changes address; the shell tag covers them.
        *([SHELL] if instance.numchild else []),
    )


@receiver(post_delete)
def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        tags = [f"page:{instance.pk}"]
        if getattr(instance.specific_class, "shapes_site", True):
            tags += [SHELL, SITES]
        touch(*tags)


@receiver(post_save)
@receiver(post_delete)
def _image_changed(sender, instance, raw=False, **kwargs):
    # A replaced image file changes every card showing it.
    if not raw and sender is get_image_model():
        touch(f"image:{instance.pk}")


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def _site_changed(sender, **kwargs):
    touch(SITES, SHELL)


@receiver(post_save)
def _settings_changed(sender, instance, raw=False, **kwargs):
    if isinstance(instance, BaseSiteSetting):
        touch(SHELL)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def _restrictions_changed(sender, **kwargs):
    touch(RESTRICTIONS)


@receiver(post_save, sender=Redirect)
@receiver(post_delete, sender=Redirect)
def _redirects_changed(sender, **kwargs):
    touch(REDIRECTS)
