"""Fixtures shared by every test."""

import os

import pytest


def pytest_configure(config):
    # Transactional tests (the browser tests) end with a quick reset instead of a whole flush.
    from tests import database_reset

    database_reset.install()


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


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hashing passwords properly takes a deliberate ~0.1 s each; tests make hundreds."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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
