from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from bantin.search.models import Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = "Từ đồng nghĩa"
    menu_name = "tu-dong-nghia"
    add_to_admin_menu = False
    list_display = ["__str__", "note"]
    search_fields = ["expressions", "note"]


register_snippet(SynonymViewSet)
