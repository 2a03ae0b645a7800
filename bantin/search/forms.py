from django import forms
from django.core.exceptions import ValidationError

from bantin.core import text
from bantin.core.cache import RESTRICTIONS, SHELL, remembered
from bantin.core.models import readable
from bantin.leaders.models import LEADERS, LeaderPage
from bantin.news.models import NewsIndexPage


class VietnameseDateField(forms.DateField):
    """Accepts 07/02/2025 as readers write it and 2025-02-07 as date inputs send it."""

    def to_python(self, value):
        value = (value or "").strip()
        if not value:
            return None
        try:
            return text.parse_any_date(value)
        except ValueError:
            raise forms.ValidationError(
                f"“{value[:40]}” không phải một ngày (viết như 07/02/2025)."
            ) from None


class PageChoiceField(forms.ModelChoiceField):
    """A page chosen by id; anything but a plain id that fits the database is refused
    before it reaches the query (a 26-digit number overflows SQLite and PostgreSQL)."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).strip()
        if not text.isascii() or not text.isdigit() or len(text) > 18:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(text)


class SearchForm(forms.Form):
    q = forms.CharField(label="Từ khóa", required=False, strip=True)
    chuyen_muc = PageChoiceField(
        label="Chuyên mục",
        queryset=NewsIndexPage.objects.none(),
        required=False,
        empty_label="Tất cả chuyên mục",
        error_messages={"invalid_choice": "Không có chuyên mục này; đang tìm trong tất cả."},
    )
    tu_ngay = VietnameseDateField(label="Từ ngày", required=False)
    den_ngay = VietnameseDateField(label="Đến ngày", required=False)
    lanh_dao = PageChoiceField(
        label="Lãnh đạo",
        queryset=LeaderPage.objects.none(),
        required=False,
        empty_label="Mọi lãnh đạo",
        error_messages={"invalid_choice": "Không có lãnh đạo này; đang tìm với mọi lãnh đạo."},
    )

    def __init__(self, data=None):
        # The names readers see in the address bar use hyphens.
        data = {key.replace("-", "_"): value for key, value in (data or {}).items()}
        super().__init__(data)
        sections = readable(NewsIndexPage.objects.all()).order_by("path")
        leaders = readable(LeaderPage.objects.all()).order_by("title")
        # The querysets check a submitted value; the options shown come from the shared
        # cache (reading them scans the page tree, which costs on a large archive).
        self.fields["chuyen_muc"].queryset = sections
        self.fields["lanh_dao"].queryset = leaders
        self.section_options = remembered(
            "search-sections",
            [SHELL, RESTRICTIONS],
            lambda: [(page.pk, page.title, page.depth) for page in sections],
        )
        self.leader_options = remembered(
            "search-leaders",
            [LEADERS, RESTRICTIONS],
            lambda: [(page.pk, page.title) for page in leaders],
        )

    def filters(self):
        """The valid values, each bad one dropped (its message is in ``errors``)."""
        self.is_valid()
        values = {name: self.cleaned_data.get(name) for name in self.fields}
        # Whatever was typed is searched for; the query parser makes it safe.
        values["q"] = str(self.data.get("q") or "")
        self.errors.pop("q", None)
        if values["tu_ngay"] and values["den_ngay"] and values["tu_ngay"] > values["den_ngay"]:
            values["tu_ngay"], values["den_ngay"] = values["den_ngay"], values["tu_ngay"]
        return values
