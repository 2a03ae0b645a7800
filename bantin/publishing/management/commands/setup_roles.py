from django.core.management.base import BaseCommand, CommandError

from bantin.news.selectors import SectionNotFound, section_find
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
        section = None
        if options["section"]:
            try:
                section = section_find(options["section"])
            except SectionNotFound as error:
                raise CommandError(str(error)) from None
        groups = roles_apply(section=section)
        for group in groups.values():
            self.stdout.write(f"{group.name}: {group.user_set.count()} người dùng")
        self.stdout.write(f"Đã áp dụng {len(groups)} vai trò.")
