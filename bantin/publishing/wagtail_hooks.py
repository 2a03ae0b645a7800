from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from bantin.publishing import views
from bantin.publishing.signals import LOGIN, LOGOUT


@hooks.register("register_log_actions")
def register_login_actions(actions):
    actions.register_action(LOGIN, "Đăng nhập", "Đăng nhập trang quản trị")
    actions.register_action(LOGOUT, "Đăng xuất", "Đăng xuất khỏi trang quản trị")


@hooks.register("register_admin_urls")
def register_audit_urls():
    return [
        path("nhat-ky-bien-tap/", views.AuditLogView.as_view(), name="bantin_audit_log"),
        path(
            "nhat-ky-bien-tap/ket-qua/",
            views.AuditLogView.as_view(results_only=True),
            name="bantin_audit_log_results",
        ),
    ]


class AuditMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.AUDIT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_audit_menu_item():
    return AuditMenuItem(
        "Nhật ký biên tập", reverse("bantin_audit_log"), icon_name="history", order=50
    )
