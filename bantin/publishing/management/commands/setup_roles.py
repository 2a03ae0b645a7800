from django.core.management.base import BaseCommand

from bantin.news.management.arguments import section_argument
from bantin.publishing.roles import roles_apply


class Command(BaseCommand):
    help = (
        "Tạo (hoặc áp dụng lại) các vai trò biên tập, quyền và quy trình “Duyệt tin hai bước”. "
        "Với --section: tạo thêm nhóm vai trò chỉ có quyền trong chuyên mục đó."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--section", metavar="SECTION_SLUG", help="slug hoặc đường dẫn của chuyên mục"
        )

    def handle(self, *args, **options):
        section = section_argument(options["section"]) if options["section"] else None
        groups = roles_apply(section=section)
        for group in groups.values():
            self.stdout.write(f"{group.name}: {group.user_set.count()} người dùng")
        self.stdout.write(f"Đã áp dụng {len(groups)} vai trò.")
