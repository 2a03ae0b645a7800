from django.apps import AppConfig


class LeadersConfig(AppConfig):
    name = "bantin.leaders"
    label = "leaders"
    verbose_name = "Lãnh đạo tỉnh"

    def ready(self):
        from wagtail.admin.panels import InlinePanel

        from bantin.leaders import signals  # noqa: F401
        from bantin.leaders.mentions import article_leaders_link
        from bantin.news import annotations
        from bantin.news.models import ArticlePage

        annotations.register(article_leaders_link)
        # The article form shows the leaders it mentions; news itself knows nothing of them.
        ArticlePage.content_panels = [
            *ArticlePage.content_panels,
            InlinePanel(
                "leader_links",
                heading="Lãnh đạo được nhắc đến",
                label="Lãnh đạo",
                help_text="Tìm tự động khi lưu. Đánh dấu “Bỏ liên kết” để gỡ một người; "
                "liên kết đã bỏ không bị thêm lại ở lần lưu sau.",
            ),
        ]
