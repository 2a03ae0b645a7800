"""Writing many articles at once: the work each saved article triggers, done once per batch.

Saving a page normally updates its search document and Wagtail's reference index
(a background task each) and stamps the page cache's tags, every time. Inside
``article_updates_deferred()`` the articles saved are indexed together at the end,
with the search backend's ``add_bulk``, their references are indexed once each (those
of new articles in one insert), and every tag touched is stamped once.
"""

import contextlib
import contextvars
import threading

from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.db.models.signals import post_save
from modelsearch import signal_handlers as search_signal_handlers
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update

from bantin.core.cache import touches_deferred
from bantin.news.models import ArticlePage

_deferring = contextvars.ContextVar("bantin_import_deferring", default=False)
_handler_lock = threading.Lock()
_handler_swapped = False


def _index_unless_deferred(sender, instance, **kwargs):
    if not _deferring.get():
        search_signal_handlers.post_save_signal_handler(instance, **kwargs)


def _swap_search_handler():
    """Route the search index's save handler for articles through ``_index_unless_deferred``.

    Done once, on first use: the handler is connected by the search app's ``ready()``,
    after this app's. Outside a deferred block the wrapper indexes as before, so other
    threads saving articles meanwhile are indexed as usual.
    """
    global _handler_swapped
    with _handler_lock:
        if _handler_swapped:
            return
        if post_save.disconnect(
            search_signal_handlers.post_save_signal_handler, sender=ArticlePage
        ):
            post_save.connect(
                _index_unless_deferred,
                sender=ArticlePage,
                dispatch_uid="bantin.importer.index_unless_deferred",
            )
        _handler_swapped = True


class Batch:
    """The articles written in a deferred block; ``add()`` each once its own writes are done,
    saying whether it was ``created`` in the block."""

    def __init__(self):
        self.articles = {}
        self.created = set()

    def add(self, article, *, created=False):
        self.articles[article.pk] = article
        if created:
            self.created.add(article.pk)


def references_index_new(objects):
    """Index the references of ``objects``, new and all of one model, as
    ``ReferenceIndex.create_or_update_for_object`` does for each; having none indexed yet,
    theirs are inserted together."""
    model = type(objects[0])
    content_types = [
        ContentType.objects.get_for_model(m, for_concrete_model=False)
        for m in [model, *model._meta.get_parent_list()]
    ]
    rows = [
        ReferenceIndex(
            content_type=content_types[0],
            base_content_type=content_types[-1],
            object_id=obj.pk,
            to_content_type_id=to_content_type_id,
            to_object_id=to_object_id,
            model_path=model_path,
            content_path=content_path,
            content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
        )
        for obj in objects
        for to_content_type_id, to_object_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(obj)
        )
    ]
    ReferenceIndex.objects.bulk_create(
        rows,
        batch_size=500,
        ignore_conflicts=connections[ReferenceIndex.objects.db].features.supports_ignore_conflicts,
    )


def batch_finish(batch):
    """Index ``batch``'s articles for search and references. Run inside its transaction."""
    articles = list(batch.articles.values())
    if not articles:
        return
    created = [article for article in articles if article.pk in batch.created]
    if created:
        references_index_new(created)
    for article in articles:
        if article.pk not in batch.created:
            ReferenceIndex.create_or_update_for_object(article)
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(ArticlePage, articles)


@contextlib.contextmanager
def article_updates_deferred():
    """Yield a ``Batch``; on leaving without error, index what was added to it (see above).

    Use it inside the batch's transaction: an error inside leaves the indexing undone,
    and the transaction must then be rolled back.
    """
    _swap_search_handler()
    batch = Batch()
    token = _deferring.set(True)
    try:
        with touches_deferred(), disable_reference_index_auto_update():
            yield batch
            batch_finish(batch)
    finally:
        _deferring.reset(token)
