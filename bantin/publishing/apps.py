from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "bantin.publishing"
    label = "publishing"
    verbose_name = "Xuất bản và kiểm duyệt"

    def ready(self):
        from bantin.publishing import signals  # noqa: F401
