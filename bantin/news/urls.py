from django.urls import path, re_path

from bantin.news import feeds, views

urlpatterns = [
    path("rss/", feeds.articles_feed, name="feed_all"),
    re_path(
        r"^rss/(?P<section_path>(?:[\w\-]+/)*[\w\-]+)/$", feeds.articles_feed, name="feed_section"
    ),
    path("kenh-rss/", views.feed_directory, name="feed_directory"),
    path("sitemap.xml", views.sitemap_xml, name="sitemap"),
    path("sitemap-<slug:section>.xml", views.sitemap_section, name="sitemap_section"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
