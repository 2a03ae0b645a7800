"""Illustrations for the demo articles, drawn rather than shipped: mountains, a lake, a sky."""

import hashlib
import io
import random

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter

PALETTES = [
    # sky top, sky bottom, sun, far, middle, near, water
    ("#f7b267", "#fde4c3", "#fff3d6", "#8f9fb5", "#5b7290", "#2f4a66", "#6f8fae"),
    ("#7fb3d5", "#d6eaf8", "#fffbe6", "#8fb59a", "#5a8f6b", "#2e5e44", "#7fa9b8"),
    ("#c06c84", "#f8b195", "#ffe6cc", "#a07aa0", "#6c5b7b", "#355c7d", "#8a7ca0"),
    ("#9ad0ec", "#eaf6fb", "#ffffff", "#a7c4a0", "#6f9a6a", "#3d6b45", "#86b6c6"),
    ("#f6d186", "#fcf7de", "#fffdf3", "#b5b38f", "#8a8a5c", "#55603a", "#a8b98f"),
]


def _ridge(rng, width, base, amplitude, roughness):
    points, y = [], base + rng.uniform(-amplitude, amplitude)
    for x in range(0, width + 40, 40):
        y += rng.uniform(-roughness, roughness)
        y = max(base - amplitude, min(base + amplitude, y))
        points.append((x, y))
    return points


def illustration(key, size=(1200, 675)):
    """Return JPEG bytes of a landscape drawn from ``key`` (the same key, the same picture)."""
    seed = int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:12], 16)
    rng = random.Random(seed)
    width, height = size
    top, bottom, sun, *layers, water = PALETTES[seed % len(PALETTES)]
    img = PILImage.new("RGB", size, top)
    draw = ImageDraw.Draw(img)
    top_rgb, bottom_rgb = (
        PILImage.new("RGB", (1, 1), top).getpixel((0, 0)),
        PILImage.new("RGB", (1, 1), bottom).getpixel((0, 0)),
    )
    for y in range(height):
        t = y / height
        colour = tuple(int(a + (b - a) * t) for a, b in zip(top_rgb, bottom_rgb, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    sx, sy, r = rng.randint(150, width - 150), rng.randint(90, 220), rng.randint(45, 80)
    draw.ellipse([sx - r, sy - r, sx + r, sy + r], fill=sun)
    img = img.filter(ImageFilter.GaussianBlur(2))
    draw = ImageDraw.Draw(img)
    for depth, colour in enumerate(layers):
        base = height * (0.45 + 0.12 * depth)
        ridge = _ridge(rng, width, base, 60 - depth * 10, 38 - depth * 6)
        draw.polygon(ridge + [(width, height), (0, height)], fill=colour)
    lake_top = int(height * 0.82)
    draw.rectangle([0, lake_top, width, height], fill=water)
    for _ in range(14):
        y = rng.randint(lake_top + 6, height - 6)
        x = rng.randint(0, width - 200)
        draw.line([(x, y), (x + rng.randint(60, 200), y)], fill="#ffffff", width=2)
    buffer = io.BytesIO()
    img.save(buffer, format="JPEG", quality=82, optimize=True)
    return buffer.getvalue()
