from django.core.management.base import CommandError

from bantin.news.selectors import SectionNotFound, section_find


def section_argument(spec):
    """The section a command's argument names, or a ``CommandError`` listing the choices."""
    try:
        return section_find(spec)
    except SectionNotFound as error:
        raise CommandError(str(error)) from None
