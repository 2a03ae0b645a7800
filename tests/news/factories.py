import datetime

from wagtail.rich_text import RichText

from bantin.news.models import ArticlePage, NewsIndexPage


def make_section(parent, title, slug=None, **fields):
    """A published section under ``parent``."""
    section = parent.add_child(instance=NewsIndexPage(title=title, slug=slug or "", **fields))
    section.save_revision().publish()
    return section


def make_article(section, title, date=datetime.date(2025, 2, 7), live=True, **fields):
    """An article under ``section``: published by default, a draft with ``live=False``."""
    fields.setdefault("lead", f"Sapo của bài {title}.")
    fields.setdefault("body", [("paragraph", RichText(f"<p>Nội dung bài {title}.</p>"))])
    article = ArticlePage(title=title, date=date, live=False, **fields)
    section.add_child(instance=article)
    revision = article.save_revision()
    if live:
        revision.publish()
        article.refresh_from_db()
    return article
