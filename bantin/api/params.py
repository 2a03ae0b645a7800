"""Reading the API's query parameters strictly: anything unknown, repeated or malformed
is refused with a message naming the parameter, before any query runs."""

import re

from django.conf import settings
from wagtail.api.v2.utils import BadRequestError

from bantin.core import text

MAX_OFFSET = 1_000_000
MAX_TEXT = 200
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class BadParameter(BadRequestError):
    """A query parameter the API cannot accept; ``parameter`` names it."""

    def __init__(self, parameter, message):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


def _shown(name):
    return _CONTROL.sub("?", name)[:40]


def query_read(query, allowed):
    """``{name: value}`` of ``query`` (a ``QueryDict``), empty values dropped.

    Raises ``BadParameter`` for a parameter not in ``allowed``, given twice, too long
    or holding control characters (NUL and the like).
    """
    values = {}
    for name in query:
        if name not in allowed:
            raise BadParameter(
                _shown(name),
                f"Tham số “{_shown(name)}” không được hỗ trợ. "
                f"Các tham số hợp lệ: {', '.join(sorted(allowed))}.",
            )
        given = query.getlist(name)
        if len(given) > 1:
            raise BadParameter(name, f"Tham số “{name}” chỉ được dùng một lần.")
        value = given[0]
        if _CONTROL.search(value):
            raise BadParameter(name, f"Tham số “{name}” chứa ký tự điều khiển không hợp lệ.")
        if len(value) > MAX_TEXT:
            raise BadParameter(name, f"Tham số “{name}” dài quá {MAX_TEXT} ký tự.")
        value = text.normalise(value.strip())
        if value:
            values[name] = value
    return values


def integer_read(values, name, default, minimum, maximum):
    """The integer ``values[name]`` (``default`` when absent), within ``minimum..maximum``."""
    raw = values.get(name)
    if raw is None:
        return default
    if not re.fullmatch(r"[0-9]{1,12}", raw):
        raise BadParameter(name, f"Tham số “{name}” phải là số nguyên không âm.")
    number = int(raw)
    if not minimum <= number <= maximum:
        raise BadParameter(name, f"Tham số “{name}” phải từ {minimum} đến {maximum}.")
    return number


def page_read(values):
    """``(limit, offset)`` of a listing request."""
    limit = integer_read(values, "limit", 20, 1, settings.API_MAX_LIMIT)
    offset = integer_read(values, "offset", 0, 0, MAX_OFFSET)
    return limit, offset


def date_read(values, name):
    """The date ``values[name]`` written ``07/02/2025`` or ``2025-02-07``, or ``None``."""
    raw = values.get(name)
    if raw is None:
        return None
    try:
        return text.parse_any_date(raw)
    except ValueError:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", raw):
            raise BadParameter(name, f"Tham số “{name}”: ngày “{raw}” không tồn tại.") from None
        raise BadParameter(
            name, f"Tham số “{name}” phải là ngày dạng 07/02/2025 hoặc 2025-02-07."
        ) from None
