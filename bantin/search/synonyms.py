"""The synonym groups that queries are expanded with, cached until an editor changes them."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from bantin.search import analysis
from bantin.search.models import Synonym

CACHE_KEY = "search:synonym-groups"


def synonym_groups():
    """Return the groups as tuples of folded word sequences, e.g.
    ``(("ubnd",), ("uy", "ban", "nhan", "dan"))``; each group holds two or more."""
    groups = cache.get(CACHE_KEY)
    if groups is None:
        groups = []
        for synonym in Synonym.objects.all():
            variants = tuple(
                tuple(word.folded for word in analysis.words(variant))
                for variant in synonym.variants()
            )
            if len(variants) >= 2:
                groups.append(variants)
        cache.set(CACHE_KEY, groups, timeout=None)
    return groups


@receiver(post_save, sender=Synonym)
@receiver(post_delete, sender=Synonym)
def _synonyms_changed(**kwargs):
    cache.delete(CACHE_KEY)
