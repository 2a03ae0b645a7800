import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from bantin.core.models import HomePage, PortalSettings

PROJECT_DIR = Path(__file__).resolve().parent.parent
SEED_FILE = (
    PROJECT_DIR
    / "bantin/demo/content/bulletins/hoat-dong-cua-lanh-dao-tinh/000_f266ab5f928e3e3e.txt"
)


@pytest.fixture(autouse=True)
def _isolated_storage_and_cache(settings, tmp_path):
    # Tests render templates without running collectstatic first, and write
    # uploads to a folder of their own.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"
    # Password hashing is deliberately slow; tests create many accounts.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()


@pytest.fixture
def home(db):
    """A home page as the default site's root, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Trang chủ", slug="trang-chu"))
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    site.root_page = home
    site.hostname = "testserver"
    site.port = 80
    site.save()
    welcome.delete()
    PortalSettings.objects.create(
        site=site,
        portal_name="Cổng thông tin điện tử tỉnh Thử Nghiệm",
        agency_name="Ủy ban nhân dân tỉnh Thử Nghiệm",
        governing_agency="Ủy ban nhân dân tỉnh Thử Nghiệm",
        responsible_person="Chánh Văn phòng UBND tỉnh",
        address="Số 1 đường Trường Chinh",
        phone="0209 3870 000",
        email="cong@thunghiem.gov.vn",
        source_notice="Ghi rõ nguồn “Cổng thông tin điện tử tỉnh Thử Nghiệm” khi phát hành "
        "lại thông tin từ Cổng thông tin này.",
    )
    return home


@pytest.fixture
def image_factory(db):
    """Make a real image in the library: ``image_factory(title="...")``."""

    def make(title="Ảnh thử", colour="#9b1c1c", size=(640, 360)):
        buffer = io.BytesIO()
        PILImage.new("RGB", size, colour).save(buffer, format="PNG")
        image = get_image_model()(
            title=title, file=ImageFile(io.BytesIO(buffer.getvalue()), name="anh-thu.png")
        )
        image.save()
        return image

    return make


def run_manage(*args, env=None, drop=()):
    """Run ``manage.py`` in a fresh process with ``env`` added and ``drop`` removed."""
    environment = {key: value for key, value in os.environ.items() if key not in drop}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def run_python(script, env=None, drop=()):
    """Run ``script`` in ``manage.py shell`` in a fresh process (settings read anew)."""
    return run_manage("shell", "-v", "0", "-c", script, env=env, drop=drop)
