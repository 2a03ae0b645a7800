from django.apps import AppConfig


class ImporterConfig(AppConfig):
    name = "bantin.importer"
    label = "importer"
    verbose_name = "Nhập dữ liệu cổng cũ"
