"""Loaded by pytest before Django reads its settings (see `addopts` in pyproject.toml).

Sets the test environment, and holds the embedded PostgreSQL server for the
whole run when no DATABASE_URL is given.
"""

import os

# The settings are strict by default; tests run like production over plain HTTP.
os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SECURE_COOKIES", "false")
os.environ.setdefault("STATIC_MANIFEST", "false")
# Most tests sign in with force_login; tests of two-factor sign-in switch it on with `settings`.
os.environ.setdefault("REQUIRE_MFA", "false")
# Pages limit each statement to 4 s in production. Tests share two cores with many processes, and the
# limit would reach the run's own housekeeping (dropping the test database), so it is longer here; the
# test of the limit sets its own value.
os.environ.setdefault("DATABASE_STATEMENT_TIMEOUT", "30000")
# Playwright's sync API runs an event loop in the test thread; Django's ORM calls are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_configure(config):
    if not os.environ.get("DATABASE_URL"):
        from portal import devdb

        devdb.hold_for_this_process()
