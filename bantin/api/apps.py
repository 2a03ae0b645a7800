from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "bantin.api"
    label = "api"
    verbose_name = "API và dữ liệu mở"
