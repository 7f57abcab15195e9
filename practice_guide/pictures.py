"""The pictures of the easy read version: OpenMoji's colour set (CC BY-SA 4.0), from npm.

scripts/build-assets.mjs copies the pictures editors may choose into static/dist/openmoji/ and writes
index.json beside them: [code, name, keywords] for each. It is read once per process, on first use.
"""

import functools
import json
import logging
import re
from dataclasses import dataclass

from django.conf import settings
from django.templatetags.static import static

logger = logging.getLogger(__name__)

INDEX = settings.BASE_DIR / "static" / "dist" / "openmoji" / "index.json"
SEARCH_LIMIT = 48


@dataclass(frozen=True)
class Picture:
    code: str
    name: str
    keywords: str

    @property
    def url(self) -> str:
        return static(f"openmoji/{self.code}.svg")


@functools.cache
def all_pictures() -> dict[str, Picture]:
    """Every picture by its code, in OpenMoji's own order (faces, people, nature, food, places, things)."""
    try:
        rows = json.loads(INDEX.read_text(encoding="utf-8"))
    except FileNotFoundError:
        # Without the built assets the guide still works: easy read lines show their words alone.
        logger.warning("No OpenMoji index at %s: run `make install` to build the assets", INDEX)
        return {}
    return {code: Picture(code, name, keywords) for code, name, keywords in rows}


def get(code: str) -> Picture | None:
    return all_pictures().get(code.upper())


def url(code: str) -> str | None:
    """The static address of a picture, or None for a code OpenMoji (as the guide ships it) does not have."""
    picture = get(code)
    return picture.url if picture else None


def search(query: str, *, limit: int = SEARCH_LIMIT) -> list[Picture]:
    """Pictures whose name or keywords have a word starting with each word of the query, best first: names
    that match come before keywords that do, and a whole word before the start of one. A code (like 1F3E0)
    finds itself."""
    words = re.findall(r"[a-z0-9]+", query.lower())
    if not words:
        return []
    exact = get(query.strip().strip("[]"))
    if exact is not None:
        return [exact]
    # Each word must start a word of the name or keywords: "house" finds "houses" but not "lighthouse".
    starts = [re.compile(rf"\b{re.escape(word)}") for word in words]
    scored = []
    for order, picture in enumerate(all_pictures().values()):
        name = picture.name.lower()
        haystack = f"{name} {picture.keywords}"
        if not all(start.search(haystack) for start in starts):
            continue
        name_words = name.replace(":", " ").replace(",", " ").split()
        score = sum(3 if word in name_words else 2 if word in name else 1 for word in words)
        scored.append((-score, len(name), order, picture))
    scored.sort(key=lambda row: row[:3])
    return [picture for *_rank, picture in scored[:limit]]
