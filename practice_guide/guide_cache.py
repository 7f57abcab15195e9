"""The guide's cache: rendered pages and parts are kept until something families can see changes.

Every cached entry's key carries the guide's generation: one row in PostgreSQL (models.Generation)
that every change families could see writes in its own transaction. Publishing, unpublishing,
reordering and any glossary change therefore start a new generation at the moment they commit, on
every application server at once, and nothing has to be found and deleted. Rendered pages live in
each worker's memory (the "guide" cache); only the generation is shared.
"""

import time

from django.core.cache import caches
from django.db import InterfaceError, OperationalError, connection
from django.utils.translation import get_language

from practice_guide.models import Generation, GuidePart

TIMEOUT = 60 * 60 * 24
_ROW = 1


def generation() -> int:
    value = Generation.objects.filter(pk=_ROW).values_list("value", flat=True).first()
    if value is None:
        # The first read in a new database. A fresh timestamp, so it cannot match anything a worker kept.
        value = Generation.objects.get_or_create(pk=_ROW, defaults={"value": time.time_ns()})[0].value
    return value


def generation_and_due() -> tuple[int | None, bool]:
    """The generation (None before the first page is ever rendered) and whether any part is due to
    publish, in one round trip: a page served whole from the cache costs just this query.

    Django checks a kept connection with its own query before a request's first one (CONN_HEALTH_CHECKS).
    This query is as cheap and tells as much, so it stands in for that check, saving a round trip on
    every cached page: if the database dropped the connection (a restart), it is closed and the query
    runs once more on a new one, as the check would have arranged.
    """
    kept = connection.connection is not None and not connection.in_atomic_block
    if kept:
        connection.health_check_done = True
    try:
        return _read_generation_and_due()
    except (OperationalError, InterfaceError):
        if not kept:
            raise
        connection.close_if_unusable_or_obsolete()
        if connection.connection is not None:
            raise  # a live connection that failed (a statement timeout): nothing to retry
        return _read_generation_and_due()


def _read_generation_and_due() -> tuple[int | None, bool]:
    # statement_timestamp(), not now(): now() is when the transaction began, which in a test is long ago.
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT value FROM {Generation._meta.db_table} WHERE id = {_ROW}), "  # noqa: S608 - constants
            f"EXISTS (SELECT 1 FROM {GuidePart._meta.db_table} WHERE publish_at <= statement_timestamp())"
        )
        value, due = cursor.fetchone()
    return value, due


def start_new_generation() -> None:
    """Called inside the transaction that changes what families see, so both commit together."""
    value = time.time_ns()
    if not Generation.objects.filter(pk=_ROW).update(value=value):
        Generation.objects.update_or_create(pk=_ROW, defaults={"value": value})


def get_or_render(current_generation: int, name: str, render, *key_parts):
    """The cached value for `name` and `key_parts` in this generation and the page's language (rendered
    values hold translated words and addresses with the language's prefix), rendering it if missing."""
    key = ":".join([str(current_generation), get_language(), name, *map(str, key_parts)])
    rendered = caches["guide"].get(key)
    if rendered is None:
        rendered = render()
        caches["guide"].set(key, rendered, TIMEOUT)
    return rendered
