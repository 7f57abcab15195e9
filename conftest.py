"""Fixtures shared by every test."""

import os

import pytest


def pytest_configure(config):
    # Transactional tests (the browser tests) end with a quick reset instead of a whole flush.
    from tests import database_reset

    database_reset.install()
    _share_the_static_files_between_test_clients()


# The settings WhiteNoise reads when it lists the static files: another value means another list.
_STATIC_SETTINGS = (
    "DEBUG",
    "FORCE_SCRIPT_NAME",
    "INSTALLED_APPS",
    "STATIC_ROOT",
    "STATIC_URL",
    "STATICFILES_DIRS",
    "STATICFILES_FINDERS",
    "STORAGES",
    "WHITENOISE_ADD_HEADERS_FUNCTION",
    "WHITENOISE_ALLOW_ALL_ORIGINS",
    "WHITENOISE_AUTOREFRESH",
    "WHITENOISE_CHARSET",
    "WHITENOISE_IMMUTABLE_FILE_TEST",
    "WHITENOISE_INDEX_FILE",
    "WHITENOISE_MAX_AGE",
    "WHITENOISE_MIMETYPES",
    "WHITENOISE_ROOT",
    "WHITENOISE_STATIC_PREFIX",
    "WHITENOISE_USE_FINDERS",
)


def _share_the_static_files_between_test_clients():
    """List the static files once per run instead of once per test client.

    Each test's `client` builds the middleware afresh, and WhiteNoise's middleware then lists every static
    file through the finders and reads each one's size and headers: 2,000-odd files (the pictures included),
    60-70 ms, more than most tests' own work. The files do not change during a run, so the first list is
    shared by every later middleware built with the same settings (the live server already keeps its one).
    """
    from django.conf import settings
    from whitenoise.middleware import WhiteNoiseMiddleware

    listed: dict[str, dict] = {}

    def shared(list_the_files):
        """`list_the_files`, run once per set of settings and arguments: later calls add what it added then."""

        def list_once(self, *args):
            key = repr([*args, *(getattr(settings, name, None) for name in _STATIC_SETTINGS)])
            if key not in listed:
                before = dict(self.files)
                list_the_files(self, *args)
                listed[key] = {url: found for url, found in self.files.items() if before.get(url) is not found}
            self.files.update(listed[key])

        return list_once

    # The finders' files, and STATIC_ROOT's once `collectstatic` has filled it (`make bench` does: some
    # 13,000 files with their compressed copies, 0.6 s a client).
    WhiteNoiseMiddleware.add_files_from_finders = shared(WhiteNoiseMiddleware.add_files_from_finders)
    WhiteNoiseMiddleware.update_files_dictionary = shared(WhiteNoiseMiddleware.update_files_dictionary)


@pytest.fixture(scope="session")
def django_db_modify_db_settings():
    """Give each test run a database of its own, whose commits do not wait for the disk.

    Two runs at once on one server (or a run beside `make run`) would otherwise
    both create and drop test_portal under each other. A test database is thrown away at the end, so
    its commits need not wait for the write-ahead log to reach the disk (synchronous_commit=off: other
    connections still see each commit at once; only a crash of the server could lose the last few).
    Each commit then takes ~0.2 ms instead of ~1.2 ms, and the migrations and browser tests make thousands.
    """
    from django.conf import settings

    for alias in settings.DATABASES.values():
        base = alias.get("TEST", {}).get("NAME") or f"test_{alias['NAME']}"
        alias.setdefault("TEST", {})["NAME"] = f"{base}_run{os.getpid()}"
        options = alias.setdefault("OPTIONS", {})
        options["options"] = f"{options.get('options', '')} -c synchronous_commit=off".strip()


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing():
    """Hashing passwords properly takes a deliberate ~0.2 s each; tests make thousands.

    For the whole session, so that the worlds made once for a module (and the demo they load) are quick too.
    """
    from django.test import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(scope="session", autouse=True)
def close_stray_connections(django_db_setup, django_db_blocker):
    """Before the test database is dropped, end connections that other threads left open.

    The live server's request threads can leave a connection behind; PostgreSQL then refuses to
    drop the database, and each run would leave a test database behind in .devdb/.
    """
    yield
    from django.db import connection

    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
