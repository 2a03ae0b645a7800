from django.urls import include, path, re_path

from bantin.api import views

app_name = "api"

urlpatterns = [
    path("openapi.json", views.openapi_document, name="openapi"),
    path("", include(views.router.get_urlpatterns())),
    # Anything else under the API is a JSON 404, not the portal's HTML page.
    re_path(r"^", views.not_found),
]
