import datetime

import pytest

from tests.leaders.factories import make_leader, make_leader_index
from tests.news.conftest import news_portal  # noqa: F401


@pytest.fixture
def api_portal(news_portal):  # noqa: F811
    """The news portal with a leader linked to the meeting article."""
    from bantin.leaders.models import ArticleLeader

    index = make_leader_index(news_portal["home"])
    leader = make_leader(
        index, "Nguyễn Đăng Bình", ["Chủ tịch UBND tỉnh"], start=datetime.date(2021, 7, 1)
    )
    ArticleLeader.objects.create(article=news_portal["meeting"], leader=leader)
    return {**news_portal, "leader": leader, "leader_index": index}
