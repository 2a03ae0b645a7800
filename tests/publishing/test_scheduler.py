import datetime
import threading
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from wagtail.models import PageLogEntry

from bantin.news.models import ArticlePage
from bantin.publishing.services import scheduled_publish_run
from tests.news.factories import make_article


def schedule(section, title, go_live):
    article = make_article(section, title, live=False)
    article.go_live_at = go_live
    article.save_revision().publish()
    return ArticlePage.objects.get(pk=article.pk)


# Two workers need two real connections and real commits, hence a transactional test.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_at_the_same_moment_publish_each_item_once(section):
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith(
        "file:memorydb"
    ):
        pytest.skip("the in-memory test database has no cross-connection locking")
    go_live = timezone.now() + datetime.timedelta(hours=1)
    pages = [schedule(section, f"Tin hẹn giờ {n}", go_live) for n in range(3)]
    assert not any(page.live for page in pages)
    barrier = threading.Barrier(2)
    results, errors = [], []

    def worker():
        try:
            with time_machine.travel(go_live + datetime.timedelta(minutes=1), tick=False):
                barrier.wait(timeout=10)
                results.append(scheduled_publish_run())
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    assert sorted(results) == [(0, 0), (3, 0)]
    for page in pages:
        assert ArticlePage.objects.get(pk=page.pk).live
        published = PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled")
        assert published.count() == 1


def test_run_scheduler_queues_a_run_that_publishes(section):
    go_live = timezone.now() + datetime.timedelta(minutes=5)
    page = schedule(section, "Tin hẹn giờ", go_live)
    with time_machine.travel(go_live + datetime.timedelta(seconds=1), tick=False):
        out = StringIO()
        call_command("run_scheduler", "--once", stdout=out)
    assert "Đã xếp một lượt" in out.getvalue()
    assert ArticlePage.objects.get(pk=page.pk).live
