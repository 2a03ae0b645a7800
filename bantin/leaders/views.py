import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from bantin.leaders.digest import DEFAULT_SECTION, DigestError, digest_compile
from bantin.news.models import NewsIndexPage


class DigestForm(forms.Form):
    day = forms.DateField(
        label="Một ngày trong tuần",
        initial=datetime.date.today,
        widget=forms.DateInput(attrs={"type": "date"}),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        help_text="Tổng hợp các tin từ thứ Hai đến Chủ nhật của tuần chứa ngày này.",
    )
    section = forms.ModelChoiceField(
        label="Chuyên mục", queryset=NewsIndexPage.objects.order_by("path"), empty_label=None
    )
    force = forms.BooleanField(
        label="Tạo lại", required=False, help_text="Tạo bản nháp mới kể cả khi tuần đã xuất bản."
    )


def _can_compile(user, section):
    return section.permissions_for_user(user).can_add_subpage()


def digest_view(request):
    """ "Tổng hợp tuần": the admin button for the same ``digest_compile`` the command runs."""
    initial_section = NewsIndexPage.objects.filter(slug=DEFAULT_SECTION).first()
    form = DigestForm(request.POST or None, initial={"section": initial_section})
    if request.method == "POST" and form.is_valid():
        section = form.cleaned_data["section"]
        if not _can_compile(request.user, section):
            raise PermissionDenied
        try:
            result = digest_compile(
                day=form.cleaned_data["day"],
                section=section,
                user=request.user,
                force=form.cleaned_data["force"],
            )
        except DigestError as error:
            form.add_error(None, str(error))
        else:
            if result.page is None:
                messages.warning(request, result.message)
            else:
                messages.success(request, result.message)
                return redirect("wagtailadmin_pages:edit", result.page.pk)
    return TemplateResponse(request, "leaders/digest_form.html", {"form": form})
