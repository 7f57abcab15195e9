"""Put the database back after a transactional test (the browser tests, live_server) in milliseconds.

Django ends each transactional test with `flush`: TRUNCATE of every table, then the post_migrate signal,
which writes back every content type and permission and the roles' groups. That took a third of each
browser test's time. The state it leaves is always the same, so the first flush on each test database is
Django's own, and what it leaves (the "baseline": the tables post_migrate fills, row for row) is
remembered. After that a reset reads, in one query, which tables hold rows and a checksum of each one:

* if every baseline table is exactly as the flush left it, only the other tables that hold rows are
  emptied (DELETE, in one transaction), which leaves the database as a flush would;
* if a test changed a baseline table (a group's permissions, say), Django's own flush runs again.

Tests that ask for reset sequences, serialized rollback or a subset of apps always get Django's flush.
tests/test_database_reset.py checks that a reset leaves what a flush leaves.
"""

from django.core.management import call_command
from django.db import connections, transaction

# Per test database: {table: (rows, checksum)} of the tables a flush leaves rows in.
_baselines: dict[tuple[str, str], dict[str, tuple[int, str]]] = {}
# Per test database: the tables a flush empties (they do not change during a run).
_tables: dict[tuple[str, str], list[str]] = {}


def _key(connection) -> tuple[str, str]:
    return connection.alias, connection.settings_dict["NAME"]


def tables(connection) -> list[str]:
    """The tables Django's flush empties: those of the installed, managed models (not the cache table)."""
    key = _key(connection)
    if key not in _tables:
        _tables[key] = sorted(connection.introspection.django_table_names(only_existing=True, include_views=False))
    return _tables[key]


def contents(connection) -> dict[str, tuple[int, str]]:
    """Each table's row count and a checksum of its rows, in one round trip."""
    names = tables(connection)
    quote = connection.ops.quote_name
    query = " UNION ALL ".join(
        f"SELECT %s, count(*), md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM {quote(name)} t"  # noqa: S608 - the models' own tables
        for name in names
    )
    with connection.cursor() as cursor:
        cursor.execute(query, names)
        return {name: (rows, checksum) for name, rows, checksum in cursor.fetchall()}


def flush(connection) -> None:
    """Django's own flush, as TransactionTestCase runs it, then remember what it left."""
    call_command(
        "flush",
        verbosity=0,
        interactive=False,
        database=connection.alias,
        reset_sequences=False,
        allow_cascade=False,
        inhibit_post_migrate=False,
    )
    _baselines[_key(connection)] = {name: found for name, found in contents(connection).items() if found[0]}


def reset(connection) -> bool:
    """Leave the database as Django's flush would. Returns False where it had to run the flush itself."""
    baseline = _baselines.get(_key(connection))
    if baseline is None:
        flush(connection)
        return False
    now = contents(connection)
    if any(now.get(name) != found for name, found in baseline.items()):
        flush(connection)
        return False
    filled = [name for name, (rows, _checksum) in now.items() if rows and name not in baseline]
    if filled:
        quote = connection.ops.quote_name
        # Django's foreign keys are DEFERRABLE INITIALLY DEFERRED, so the order of the deletes does not matter.
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            for name in filled:
                cursor.execute(f"DELETE FROM {quote(name)}")  # noqa: S608 - the models' own tables
    return True


def install() -> None:
    """Make TransactionTestCase (and so pytest-django's transactional_db and live_server) reset this way."""
    from django.test import TransactionTestCase

    django_teardown = TransactionTestCase._fixture_teardown
    if getattr(django_teardown, "quick_reset", False):
        return

    def _fixture_teardown(self):
        if self.available_apps is not None or self.serialized_rollback or self.reset_sequences:
            return django_teardown(self)
        for name in self._databases_names(include_mirrors=False):
            reset(connections[name])

    _fixture_teardown.quick_reset = True
    TransactionTestCase._fixture_teardown = _fixture_teardown
