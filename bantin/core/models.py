import copy

from django.db import models
from django.http import Http404
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction

from bantin.core import previews, text
from bantin.core.cache import RESTRICTIONS, SHELL, depends, remembered, until


def normalise_fields(instance):
    """Put every text field of ``instance`` (and every string in its StreamFields) in NFC."""
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname, None)
        if isinstance(field, StreamField):
            if value is not None and not isinstance(value, str | list):
                setattr(instance, field.name, text.normalise_data(list(value.get_prep_value())))
        elif isinstance(field, models.CharField | models.TextField) and value:
            setattr(instance, field.attname, text.normalise(value))


class NormalisedTextMixin:
    """Stores every text field in NFC, whichever keyboard typed it.

    Vietnamese arrives composed or decomposed depending on the input method;
    ``full_clean`` runs for admin forms and for ``Page.save`` of live pages.
    """

    def full_clean(self, *args, **kwargs):
        normalise_fields(self)
        super().full_clean(*args, **kwargs)


def restricted_paths():
    """Tree paths of every page carrying a view restriction, from the shared cache."""
    return remembered(
        "restricted-paths",
        [RESTRICTIONS],
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def readable(pages):
    """Narrow a page queryset to what anonymous readers may see: live, public, not expired.

    Expiry is checked here rather than left to the scheduled worker, so a page
    disappears at its expiry time even when the worker is late. Restricted
    subtrees come from the shared cache rather than a query per call.
    """
    pages = pages.live().exclude(expire_at__lte=timezone.now())
    for path in restricted_paths():
        pages = pages.exclude(path__startswith=path)
    return pages


def unique_slug(parent, base, page=None):
    """Return ``base``, or ``base-2``, ``base-3``..., whichever is free under ``parent``."""
    siblings = parent.get_children()
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    taken = set(siblings.filter(slug__startswith=base).values_list("slug", flat=True))
    candidate, suffix = base, 1
    while candidate in taken:
        suffix += 1
        candidate = f"{base}-{suffix}"
    return candidate


class PortalPageForm(WagtailAdminPageForm):
    """Admin form that folds a typed slug to ASCII and suffixes it when a sibling has it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            # Accept what the editor typed ("Điểm tin"), or nothing: clean_slug() makes the
            # slug (from the title when empty), which the model's own validation then checks.
            self.fields["slug"].validators = []
            self.fields["slug"].required = False

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or ""
        base = text.slugify(slug) or text.slugify(self.cleaned_data.get("title") or "")
        if not base:
            return slug
        return unique_slug(self.parent_page, base, page=self.instance)


class PortalPage(Page):
    """Base for the portal's page types: NFC text and Vietnamese-folded, clash-free slugs."""

    base_form_class = PortalPageForm
    # Whether the page shapes the site (menu, breadcrumbs): sections and indexes do;
    # leaf content such as an article does not, so publishing one leaves the menu cached.
    shapes_site = True

    class Meta:
        abstract = True

    def _set_portal_defaults(self):
        normalise_fields(self)
        parent = self.get_parent() if self.path else None
        base = text.slugify(self.slug or self.title)
        if parent is not None and base:
            self.slug = unique_slug(parent, base, page=self)

    # Wagtail validates live pages with full_clean() and drafts with minimal_clean():
    # both must see the Vietnamese slug before Wagtail derives one of its own.
    def full_clean(self, *args, **kwargs):
        self._set_portal_defaults()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        self._set_portal_defaults()
        super().minimal_clean()

    def link_preview(self, request):
        """Canonical URL, Open Graph and Twitter tags of this page (see ``core.previews``)."""
        return previews.website_preview(self, request, description=getattr(self, "intro", ""))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["preview"] = previews.page_preview(self, request)
        return context

    def get_view_restrictions(self):
        # Asked on every page view: answered from the cached list of restricted
        # subtrees, with Wagtail's own query only where a restriction applies.
        if self.alias_of_id is None and not any(
            self.path.startswith(path) for path in restricted_paths()
        ):
            # Already evaluated: Wagtail's serve hook iterates it without compiling a query.
            none = PageViewRestriction.objects.none()
            none._result_cache = []
            return none
        return super().get_view_restrictions()

    def serve(self, request, *args, **kwargs):
        # An expired page is gone for readers at once; previews still show it to editors.
        expired = self.expire_at is not None and self.expire_at <= timezone.now()
        if expired and not getattr(request, "is_preview", False):
            raise Http404("Trang đã hết hạn.")
        if self.expire_at is not None:
            until(request, self.expire_at)
        return super().serve(request, *args, **kwargs)


class HomePage(PortalPage):
    """The portal's front page: a featured article and the latest news of each section."""

    intro = models.TextField(
        "Lời giới thiệu",
        blank=True,
        help_text="Một hai câu giới thiệu cổng thông tin, hiện dưới tin nổi bật (không bắt buộc).",
    )
    featured_article = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Tin nổi bật",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Bài hiện lớn đầu trang chủ. Để trống: dùng bài mới nhất.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        PageChooserPanel("featured_article", "news.ArticlePage"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "Trang chủ"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Sections are any child pages whose type can list their latest articles
        # (``latest_for``); core knows them only by that ability, not by their type.
        depends(request, f"children:{self.pk}")
        children = remembered(
            f"home-children:{self.pk}",
            [f"children:{self.pk}", SHELL, RESTRICTIONS],
            lambda: list(readable(self.get_children()).specific()),
        )
        by_type = {}
        for child in children:
            if hasattr(type(child), "latest_for"):
                by_type.setdefault(type(child), []).append(child)
        latest = {}
        for page_type, group in by_type.items():
            latest.update(page_type.latest_for(group, request=request, limit=5))
        sections = [(child, latest[child.pk]) for child in children if child.pk in latest]
        featured = None
        if self.featured_article_id:
            depends(request, f"page:{self.featured_article_id}")
            featured = (
                remembered(
                    f"featured:{self.featured_article_id}",
                    [f"page:{self.featured_article_id}", RESTRICTIONS],
                    self._featured_load,
                )
                or None
            )
            if featured is not None and featured.expire_at is not None:
                until(request, featured.expire_at)
        if featured is None:
            heads = [items[0] for _, items in sections if items]
            if heads:
                featured = max(heads, key=lambda article: (article.display_date, article.pk))
        context["featured"] = featured
        newest = sorted(
            {item for _, items in sections for item in items},
            key=lambda article: (article.display_date, article.pk),
            reverse=True,
        )
        context["latest"] = newest[:6]
        context["sections"] = [
            (section, [item for item in items if item != featured][:4])
            for section, items in sections
        ]
        return context

    def _featured_load(self):
        chosen = readable(Page.objects.filter(pk=self.featured_article_id)).specific().first()
        if chosen is None:
            return False  # remembered: nothing to feature (None would be looked up again)
        getattr(chosen, "featured_image", None)  # kept with the page, as its card shows it
        return chosen


@register_setting(icon="site")
class PortalSettings(NormalisedTextMixin, BaseSiteSetting):
    """What the header and footer say about the agency that runs the portal."""

    select_related = ["emblem"]

    portal_name = models.CharField(
        "Tên cổng thông tin",
        max_length=200,
        default="Cổng thông tin điện tử",
        help_text="Hiện ở đầu mọi trang, cạnh biểu trưng.",
    )
    agency_name = models.CharField(
        "Tên cơ quan",
        max_length=200,
        blank=True,
        help_text="Dòng phụ dưới tên cổng, ví dụ “Ủy ban nhân dân tỉnh …”.",
    )
    emblem = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Biểu trưng",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Ảnh biểu trưng ở đầu trang. Để trống: dùng biểu trưng mặc định.",
    )
    governing_agency = models.CharField(
        "Cơ quan chủ quản", max_length=200, blank=True, help_text="Ví dụ: Ủy ban nhân dân tỉnh …"
    )
    managing_unit = models.CharField(
        "Đơn vị quản lý",
        max_length=200,
        blank=True,
        help_text="Đơn vị vận hành cổng, ví dụ Văn phòng UBND tỉnh (không bắt buộc).",
    )
    responsible_person = models.CharField(
        "Chịu trách nhiệm chính",
        max_length=200,
        blank=True,
        help_text="Họ tên và chức vụ người chịu trách nhiệm chính.",
    )
    licence = models.CharField(
        "Giấy phép",
        max_length=300,
        blank=True,
        help_text="Số giấy phép thiết lập trang thông tin điện tử, nếu có.",
    )
    address = models.CharField("Địa chỉ", max_length=300, blank=True)
    phone = models.CharField("Điện thoại", max_length=100, blank=True)
    email = models.EmailField("Thư điện tử", blank=True)
    source_notice = models.CharField(
        "Lưu ý khi phát hành lại",
        max_length=400,
        default="Ghi rõ nguồn “Cổng thông tin điện tử” khi phát hành lại thông tin "
        "từ Cổng thông tin này.",
        help_text="Dòng cuối chân trang.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("portal_name"), FieldPanel("agency_name"), FieldPanel("emblem")],
            heading="Đầu trang",
        ),
        MultiFieldPanel(
            [
                FieldPanel("governing_agency"),
                FieldPanel("managing_unit"),
                FieldPanel("responsible_person"),
                FieldPanel("licence"),
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("source_notice"),
            ],
            heading="Chân trang",
        ),
    ]

    class Meta:
        verbose_name = "Thông tin cổng"

    @classmethod
    def for_site(cls, site):
        # Read on every page (header and footer): kept in the shared cache until edited.
        load = super().for_site
        if site is None:
            return load(site)
        # A copy: Wagtail attaches the request to the instance it hands out.
        return copy.copy(remembered(f"portal-settings:{site.pk}", [SHELL], lambda: load(site)))
