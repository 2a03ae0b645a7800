from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy

from bantin.leaders import views


class DigestMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_permission(request.user, "add")


@hooks.register("register_admin_urls")
def register_digest_url():
    return [path("tong-hop-tuan/", views.digest_view, name="bantin_weekly_digest")]


@hooks.register("register_admin_menu_item")
def register_digest_menu_item():
    return DigestMenuItem(
        "Tổng hợp tuần", reverse("bantin_weekly_digest"), icon_name="list-ul", order=250
    )
