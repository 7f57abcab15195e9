"""Fixtures shared by every test."""

import os

import pytest


@pytest.fixture(scope="session")
def django_db_modify_db_settings():
    """Give each test run a database of its own.

    Two runs at once on one server (or a run beside `make run`) would otherwise
    both create and drop test_portal under each other.
    """
    from django.conf import settings

    for alias in settings.DATABASES.values():
        base = alias.get("TEST", {}).get("NAME") or f"test_{alias['NAME']}"
        alias.setdefault("TEST", {})["NAME"] = f"{base}_run{os.getpid()}"


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
