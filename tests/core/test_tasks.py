from io import StringIO

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from wagtail.models import ReferenceIndex

from tests.news.factories import make_article, make_section


def references_to(image):
    return ReferenceIndex.get_references_to(image).count()


def test_wagtail_background_work_runs_in_tests(home, image_factory):
    image = image_factory()
    make_article(make_section(home, "Tin"), "Bài có ảnh", featured_image=image)
    assert references_to(image) >= 1


# The worker closes its database connection when it is done, as a real one does:
# this test commits its data instead of running inside a rolled-back transaction.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_queued_work_is_kept_and_done_by_the_worker(home, image_factory, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    image = image_factory()
    section = make_section(home, "Tin")
    DBTaskResult.objects.all().delete()
    make_article(section, "Bài có ảnh", featured_image=image)
    assert references_to(image) == 0
    queued = DBTaskResult.objects.count()
    assert queued > 0
    call_command(
        "db_worker",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        stdout=StringIO(),
        stderr=StringIO(),
    )
    assert references_to(image) >= 1
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == queued
