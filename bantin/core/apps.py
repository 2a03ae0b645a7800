from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "bantin.core"
    label = "core"
    verbose_name = "Nền tảng cổng"

    def ready(self):
        from bantin.core import signals  # noqa: F401
