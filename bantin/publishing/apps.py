from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "bantin.publishing"
    label = "publishing"
    verbose_name = "Xuất bản và kiểm duyệt"

    def ready(self):
        from bantin.core import cache
        from bantin.publishing import signals  # noqa: F401
        from bantin.publishing.front import front_forget, front_remember

        cache.touch_listeners.append(front_forget)
        cache.store_listeners.append(front_remember)
