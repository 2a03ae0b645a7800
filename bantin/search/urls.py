from django.urls import path

from bantin.search import views

urlpatterns = [
    path("tim-kiem/", views.search_page, name="search"),
    path("api/v2/search/", views.search_api, name="search_api"),
]
