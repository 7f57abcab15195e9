"""The guide's cache: rendered parts are kept until something families can see changes.

Every cached entry's key carries the guide's generation, kept in the shared
(database) cache. Publishing, unpublishing, reordering and any glossary change
start a new generation, so no worker serves anything stale and nothing has to be
found and deleted. Rendered pages live in each worker's memory ("guide" cache).
"""

import time

from django.core.cache import cache, caches

_GENERATION_KEY = "guide:generation"
TIMEOUT = 60 * 60 * 24


def generation() -> int:
    value = cache.get(_GENERATION_KEY)
    if value is None:
        value = time.time_ns()
        cache.set(_GENERATION_KEY, value, None)
    return value


def start_new_generation() -> None:
    cache.set(_GENERATION_KEY, time.time_ns(), None)


def get_or_render(current_generation: int, name: str, render, *key_parts):
    """The cached value for `name` and `key_parts` in this generation, rendering it if missing."""
    key = ":".join([str(current_generation), name, *map(str, key_parts)])
    rendered = caches["guide"].get(key)
    if rendered is None:
        rendered = render()
        caches["guide"].set(key, rendered, TIMEOUT)
    return rendered
