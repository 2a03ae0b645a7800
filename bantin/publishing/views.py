import datetime

import django_filters
from django.contrib.auth import get_user_model
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from bantin.news.models import NewsIndexPage
from bantin.publishing.models import AuditRecord

AUDIT_PERMISSION = "publishing.view_auditrecord"


def _users(request):
    ids = AuditRecord.objects.exclude(user=None).values_list("user_id", flat=True).distinct()
    return get_user_model().objects.filter(pk__in=ids).order_by("username")


class AuditFilterSet(WagtailFilterSet):
    user = django_filters.ModelChoiceFilter(
        label="Người thực hiện", queryset=_users, empty_label="Tất cả"
    )
    action = django_filters.ChoiceFilter(label="Thao tác", empty_label="Tất cả")
    section = django_filters.ChoiceFilter(
        label="Chuyên mục", method="filter_section", empty_label="Tất cả"
    )
    timestamp = django_filters.DateFromToRangeFilter(
        label="Thời gian", widget=DateRangePickerWidget
    )

    class Meta:
        model = AuditRecord
        fields = ["user", "action", "section", "timestamp"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["action"].extra["choices"] = list(
            AuditRecord.objects.order_by("action_label")
            .values_list("action", "action_label")
            .distinct()
        )
        self.filters["section"].extra["choices"] = [
            (section.path, "— " * (section.depth - 3) + section.title)
            for section in NewsIndexPage.objects.order_by("path")
        ]

    def filter_section(self, queryset, name, value):
        return queryset.filter(page_path__startswith=value)


class AuditLogView(ReportView):
    """ "Nhật ký biên tập": who did what to which content, and when; filterable, exportable."""

    page_title = "Nhật ký biên tập"
    header_icon = "history"
    template_name = "wagtailadmin/reports/base_report.html"
    results_template_name = "publishing/audit_log_results.html"
    index_url_name = "bantin_audit_log"
    index_results_url_name = "bantin_audit_log_results"
    filterset_class = AuditFilterSet
    permission_policy = ModelPermissionPolicy(AuditRecord)
    permission_required = "view"
    list_export = [
        "id",
        "timestamp",
        "user_label",
        "action_label",
        "object_label",
        "object_type",
        "object_id",
        "revision_id",
        "hash",
    ]
    export_headings = {
        "id": "Số thứ tự",
        "timestamp": "Thời điểm",
        "user_label": "Người thực hiện",
        "action_label": "Thao tác",
        "object_label": "Đối tượng",
        "object_type": "Loại",
        "object_id": "Mã đối tượng",
        "revision_id": "Phiên bản",
        "hash": "Mã băm",
    }

    def get_queryset(self):
        return AuditRecord.objects.select_related("user").order_by("-id")

    def get_filename(self):
        return f"nhat-ky-bien-tap-{datetime.date.today():%Y-%m-%d}"
