from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from bantin.core.cache import depends, next_midnight, until
from bantin.core.models import PortalPage
from bantin.news.models import shown

# The page-cache tag of which leaders are published (lists and choices of leaders).
LEADERS = "leaders"


def activities_tag(leader_id):
    """The page-cache tag of which articles a leader's profile lists."""
    return f"leader:{leader_id}"


class LeaderIndexPage(PortalPage):
    """The leadership list ("Lãnh đạo tỉnh")."""

    intro = models.TextField("Giới thiệu", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["leaders.LeaderPage"]
    max_count = 1

    class Meta:
        verbose_name = "Danh sách lãnh đạo"

    def get_context(self, request, *args, **kwargs):
        from bantin.leaders import selectors

        context = super().get_context(request, *args, **kwargs)
        leaders = selectors.leaders_with_current_positions(self)
        depends(request, f"children:{self.pk}", *(f"page:{leader.pk}" for leader in leaders))
        # Current positions are read for today: the cached page lasts until midnight.
        until(request, next_midnight())
        context["leaders"] = leaders
        return context


class LeaderPage(PortalPage):
    """A leader's profile: the title is the full name; positions are kept over time."""

    portrait = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Ảnh chân dung",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    biography = RichTextField(
        "Tiểu sử tóm tắt", blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )

    content_panels = Page.content_panels + [
        FieldPanel("portrait"),
        FieldPanel("biography"),
        InlinePanel("positions", heading="Chức vụ theo thời gian", label="Chức vụ"),
    ]
    search_fields = Page.search_fields + [index.SearchField("biography")]
    parent_page_types = ["leaders.LeaderIndexPage"]
    subpage_types = []
    per_page = 10
    # A profile is content, not structure: publishing one leaves the menu cached.
    shapes_site = False

    class Meta:
        verbose_name = "Lãnh đạo"
        verbose_name_plural = "Lãnh đạo"

    @property
    def full_name(self):
        return self.title

    def positions_on(self, day):
        return [p for p in self.positions.all() if p.held_on(day)]

    def get_context(self, request, *args, **kwargs):
        from bantin.leaders import selectors

        context = super().get_context(request, *args, **kwargs)
        month = selectors.parse_month(request.GET.get("thang"))
        activities = selectors.leader_activities(self, month=month)
        context["month"] = month
        context["months"] = selectors.activity_months(self)
        articles = Paginator(activities, self.per_page).get_page(request.GET.get("page"))
        depends(request, activities_tag(self.pk))
        shown(request, articles)
        until(request, next_midnight())
        context["articles"] = articles
        context["current_positions"] = self.positions_on(timezone.localdate())
        return context


class LeaderPosition(Orderable):
    """A title held in a body from one date to another (open-ended while still held)."""

    leader = ParentalKey(LeaderPage, on_delete=models.CASCADE, related_name="positions")
    title = models.CharField(
        "Chức vụ", max_length=200, help_text="Đúng như cách báo chí viết, ví dụ: Bí thư Tỉnh ủy."
    )
    body = models.CharField("Cơ quan", max_length=200, blank=True)
    start_date = models.DateField("Từ ngày")
    end_date = models.DateField(
        "Đến ngày", null=True, blank=True, help_text="Để trống nếu đang giữ."
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Chức vụ"
        verbose_name_plural = "Chức vụ"

    def __str__(self):
        return self.title

    def held_on(self, day):
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)


class ArticleLeader(Orderable):
    """An article's link to a leader it is about, found automatically or added by an editor."""

    AUTO, MANUAL = "auto", "manual"

    article = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="leader_links")
    leader = models.ForeignKey(
        LeaderPage, verbose_name="Lãnh đạo", on_delete=models.CASCADE, related_name="article_links"
    )
    origin = models.CharField(
        "Nguồn",
        max_length=10,
        choices=[(AUTO, "Tự động"), (MANUAL, "Biên tập viên thêm")],
        default=MANUAL,
    )
    excluded = models.BooleanField(
        "Bỏ liên kết", default=False, help_text="Gỡ người này khỏi bài và không tự thêm lại."
    )

    panels = [FieldPanel("leader"), FieldPanel("origin", read_only=True), FieldPanel("excluded")]

    class Meta(Orderable.Meta):
        verbose_name = "Lãnh đạo được nhắc đến"
        verbose_name_plural = "Lãnh đạo được nhắc đến"

    def __str__(self):
        return str(self.leader)


class WeeklyDigest(models.Model):
    """The round-up compiled for one week ("Điểm hoạt động nổi bật … trong tuần")."""

    week_start = models.DateField("Tuần bắt đầu (thứ Hai)", unique=True)
    page = models.ForeignKey(
        "news.ArticlePage", verbose_name="Bài tổng hợp", on_delete=models.CASCADE, related_name="+"
    )
    sources = models.ManyToManyField(
        "news.ArticlePage", verbose_name="Các tin nguồn", related_name="+", blank=True
    )
    compiled_at = models.DateTimeField("Tổng hợp lúc", auto_now=True)

    class Meta:
        verbose_name = "Điểm tin tuần"
        verbose_name_plural = "Điểm tin tuần"

    def __str__(self):
        return f"Tuần {self.week_start:%d/%m/%Y}"
