"""Scheduled publishing: go-live and expiry, run by the worker every minute."""

from io import StringIO

from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Revision

from bantin.publishing.models import SchedulerLock

LOCK_NAME = "publish_scheduled"


def scheduled_publish_run():
    """Publish the revisions whose go-live time has come and unpublish expired pages.

    Wagtail's ``publish_scheduled`` takes no lock; here it runs inside a
    transaction holding the scheduler's lock row, so two workers running at the
    same moment take turns and the second finds nothing left to do.

    Returns ``(published, expired)`` counts.
    """
    with transaction.atomic():
        SchedulerLock.objects.get_or_create(name=LOCK_NAME)
        lock = SchedulerLock.objects.select_for_update().get(name=LOCK_NAME)
        now = timezone.now()
        published = Revision.page_revisions.filter(approved_go_live_at__lt=now).count()
        expired = Page.objects.live().filter(expire_at__lt=now).count()
        call_command("publish_scheduled", stdout=StringIO())
        lock.last_run_at = now
        lock.save(update_fields=["last_run_at"])
    return published, expired
