from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from bantin.core.cache import RESTRICTIONS, depends, until
from bantin.core.models import PortalPage
from bantin.news import annotations, previews, selectors
from bantin.news.blocks import ArticleBodyBlock


def shown(request, articles):
    """Record, for the page cache, that ``request``'s response shows ``articles``."""
    for article in articles:
        depends(request, f"page:{article.pk}")
        if article.expire_at is not None:
            until(request, article.expire_at)


class NewsIndexPage(PortalPage):
    """A section ("chuyên mục") listing its articles, subsections' included, newest first."""

    intro = models.TextField(
        "Giới thiệu chuyên mục",
        blank=True,
        help_text="Một hai câu hiện dưới tên chuyên mục (không bắt buộc).",
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro", boost=1.5)]

    parent_page_types = ["core.HomePage", "news.NewsIndexPage"]
    subpage_types = ["news.NewsIndexPage", "news.ArticlePage"]

    per_page = 12

    class Meta:
        verbose_name = "Chuyên mục"
        verbose_name_plural = "Chuyên mục"

    def latest_articles(self, limit=5):
        """The section's newest published articles."""
        return selectors.section_articles(self)[:limit]

    @classmethod
    def latest_for(cls, sections, request=None, limit=5):
        """``{section id: newest articles}`` for several sections, in one query once warm.

        The home page asks this; with ``request`` the page cache learns what it shows.
        """
        latest = selectors.latest_for(sections, limit=limit)
        if request is not None:
            for section in sections:
                depends(request, f"list:{section.pk}")
                shown(request, latest[section.pk])
        return latest

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        depends(request, f"list:{self.pk}", f"children:{self.pk}")
        paginator = Paginator(selectors.section_articles(self), self.per_page)
        # Counted once per change of the listing, not on every view.
        paginator.count = selectors.section_count(self)
        # get_page() turns a missing, non-numeric or out-of-range number into a real page.
        articles = paginator.get_page(request.GET.get("page"))
        # The cards of this page number are rendered (and their articles read) only when
        # the listing or one of them changed: see the card_list tag.
        context["articles"] = articles
        context["listing_key"] = f"section:{self.pk}:{articles.number}"
        context["listing_tags"] = [f"list:{self.pk}", RESTRICTIONS]
        context["subsections"] = selectors.subsections(self)
        context["breadcrumbs"] = selectors.breadcrumbs(self)
        return context


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePage(PortalPage):
    """A news bulletin ("bản tin"): toolbar (date, title, lead) and body, as on the old portal."""

    date = models.DateField(
        "Ngày đăng",
        null=True,
        blank=True,
        help_text="Ngày hiện cho bạn đọc. Để trống: ngày xuất bản lần đầu.",
    )
    lead = models.TextField(
        "Sapo",
        blank=True,
        help_text="Đoạn tóm tắt in đậm dưới tiêu đề, hiện cả ở danh sách tin.",
    )
    body = StreamField(ArticleBodyBlock(), verbose_name="Nội dung", blank=True)
    author = models.CharField(
        "Tác giả", max_length=200, blank=True, help_text="Ví dụ: Bích Huệ. Hiện cuối bài."
    )
    author_note = models.CharField(
        "Ghi chú tác giả",
        max_length=100,
        blank=True,
        help_text="Hiện trong ngoặc sau tên tác giả, ví dụ: tổng hợp, theo Báo Bắc Kạn.",
    )
    featured_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Ảnh đại diện",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Hiện ở danh sách tin và trang chủ.",
    )
    tags = ClusterTaggableManager(
        "Từ khóa", through=ArticlePageTag, blank=True, help_text="Các từ khóa, cách nhau dấu phẩy."
    )
    legacy_url = models.URLField(
        "Địa chỉ trên cổng cũ",
        max_length=500,
        blank=True,
        help_text="Điền tự động khi nhập từ cổng thông tin cũ.",
    )
    is_roundup = models.BooleanField(
        "Bài tổng hợp",
        default=False,
        help_text="Bài gom nhiều tin (như điểm tin tuần); không được đưa vào bài tổng hợp khác.",
    )
    legacy_id = models.CharField(
        "Mã trên cổng cũ",
        max_length=100,
        blank=True,
        db_index=True,
        help_text="Điền tự động khi nhập từ cổng thông tin cũ.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("featured_image"),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("author"), FieldPanel("author_note")], heading="Tác giả"),
        FieldPanel("tags"),
        FieldPanel("is_roundup"),
    ]
    promote_panels = Page.promote_panels + [
        MultiFieldPanel(
            [FieldPanel("legacy_id", read_only=True), FieldPanel("legacy_url", read_only=True)],
            heading="Nguồn cổng cũ",
        ),
    ]
    search_fields = Page.search_fields + [
        # Boosted fields rank as the lead: below the title, above the body.
        index.SearchField("lead", boost=1.5),
        index.SearchField("body"),
        index.SearchField("author"),
        index.FilterField("date"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    # An article is content, not structure: publishing one leaves the menu cached.
    shapes_site = False
    # Sections list their articles through ListingEntry, whose changes are tracked
    # precisely; a mere edit must not stale every page of the section.
    listed_with_children = False
    # Served from its cached rendering (selectors.body_html) unless that must be built.
    route_defer = ("body",)

    class Meta:
        verbose_name = "Bản tin"
        verbose_name_plural = "Bản tin"

    def _set_portal_defaults(self):
        super()._set_portal_defaults()
        annotations.annotate(self)

    @property
    def display_date(self):
        """The date readers see: the editor's date, else the day of first publication."""
        if self.date:
            return self.date
        if self.first_published_at:
            return timezone.localdate(self.first_published_at)
        return timezone.localdate()

    @property
    def byline(self):
        """``Bích Huệ (tổng hợp)``, ``Bích Huệ``, or ``""`` when there is no author."""
        if self.author and self.author_note:
            return f"{self.author} ({self.author_note})"
        return self.author

    def link_preview(self, request):
        return previews.article_preview(self, request, author=self.author)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        breadcrumbs = selectors.breadcrumbs(self)
        related, related_tags = selectors.related_summaries(self)
        depends(request, *related_tags)
        if self.featured_image_id:
            # The link preview in the head shows the featured image's rendition.
            depends(request, f"image:{self.featured_image_id}")
        for item in related:
            if item["expire_at"] is not None:
                until(request, item["expire_at"])
        context["related_articles"] = related
        if not getattr(request, "is_preview", False):
            body, body_tags = selectors.body_html(self)
            depends(request, *body_tags)
            context["body_html"] = body
        context["tag_names"] = (
            [tag.name for tag in self.tags.all()]
            if getattr(request, "is_preview", False)
            else selectors.tag_names(self)
        )
        context["breadcrumbs"] = breadcrumbs
        context["share_url"] = request.build_absolute_uri(self.get_url(request))
        return context


class ListingEntry(models.Model):
    """One row for each published article under each section that lists it.

    Section pages, the home page and related articles read their newest articles
    from here through one index, so a listing costs the same at page 1 and page
    500 of a section of 100,000 articles. Kept by ``news.listing``.
    """

    section = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    article = models.ForeignKey(
        ArticlePage, on_delete=models.CASCADE, related_name="listing_entries"
    )
    sort_date = models.DateField()
    published_at = models.DateTimeField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["section", "article"], name="news_listing_unique")
        ]
        indexes = [
            models.Index(
                fields=["section", "-sort_date", "-published_at", "-article"],
                name="news_listing_newest",
            )
        ]

    def __str__(self):
        return f"{self.article_id} trong {self.section_id} ({self.sort_date:%d/%m/%Y})"
