"""What the browser tests share: the demo portal's addresses, viewports, screenshots."""

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(os.environ.get("E2E_SCREENSHOTS", PROJECT_DIR / "var" / "screenshots"))
DEMO_PASSWORD = "kiem-thu-trinh-duyet"

DESKTOP = {"width": 1280, "height": 900}
PHONES = {"360x740": {"width": 360, "height": 740}, "414x896": {"width": 414, "height": 896}}

# The demo content's addresses, as a reader reaches them.
PAGES = {
    "home": "/",
    "section": "/tin-tuc-su-kien/",
    "article": (
        "/tin-tuc-su-kien/hoat-dong-cua-lanh-dao-tinh/"
        "diem-hoat-dong-noi-bat-cua-lanh-dao-tinh-trong-tuan-tu-3-2-7-2-2025/"
    ),
    "search": "/tim-kiem/?q=l%C3%A3nh+%C4%91%E1%BA%A1o",
    "leaders": "/lanh-dao-tinh/",
    "leader": "/lanh-dao-tinh/hoang-duy-chinh/",
}
OTHER_ARTICLE = "/tin-tuc-su-kien/kinh-te/bac-kan-day-nhanh-tien-do-gieo-cay-vu-xuan-nam-2025/"


def screenshot(page, name):
    """Keep a picture of ``page`` for a person to look at (the folder is git-ignored)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
