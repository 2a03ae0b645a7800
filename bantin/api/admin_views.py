from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from wagtail.models import Site

from bantin.api.export import FORMATS, articles_export_lines

CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}


def open_data(request):
    """The open-data page for staff: CSV and JSON downloads of published articles."""
    if not request.user.is_staff:
        raise PermissionDenied
    format = request.GET.get("format")
    if format not in FORMATS:
        return render(request, "api/open_data.html", {"formats": FORMATS})
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    response = StreamingHttpResponse(
        articles_export_lines(site=site, format=format), content_type=CONTENT_TYPES[format]
    )
    name = f"bai-viet-{timezone.localdate():%Y-%m-%d}.{format}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
