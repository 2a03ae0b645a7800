from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from bantin.api import admin_views


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_staff


@hooks.register("register_admin_urls")
def register_export_urls():
    return [path("du-lieu-mo/", admin_views.open_data, name="bantin_open_data")]


@hooks.register("register_reports_menu_item")
def register_export_menu_item():
    return StaffMenuItem(
        "Xuất dữ liệu mở", reverse("bantin_open_data"), icon_name="download", order=900
    )
