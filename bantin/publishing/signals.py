"""Signal receivers: only to mirror Wagtail's log entries into the audit chain and to log
logins/logouts, which Wagtail does not record; both call the same named functions."""

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, PageLogEntry

from bantin.publishing.audit import audit_record_append

LOGIN, LOGOUT = "bantin.login", "bantin.logout"


@receiver(post_save, sender=PageLogEntry)
@receiver(post_save, sender=ModelLogEntry)
def _chain_log_entry(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        audit_record_append(entry=instance)


@receiver(user_logged_in)
def _log_login(sender, request, user, **kwargs):
    log(instance=user, action=LOGIN, user=user)


@receiver(user_logged_out)
def _log_logout(sender, request, user, **kwargs):
    if user is not None:
        log(instance=user, action=LOGOUT, user=user)
