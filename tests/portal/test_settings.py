"""The settings refuse to start unsafely, and production values pass Django's deployment checks."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# A server that is never contacted: none of these commands open a connection.
UNUSED_DATABASE = "postgresql://nobody@127.0.0.1:1/none"
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
    "ALLOWED_HOSTS": "portal.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://portal.example.org",
    "DATABASE_URL": UNUSED_DATABASE,
    "DAYTIME_PHONE": "020 7000 0000",
    "OUT_OF_HOURS_PHONE": "020 7000 0001",
}


def run_manage(*args, **env):
    clean = {k: v for k, v in os.environ.items() if k not in PRODUCTION and not k.startswith("SECURE_")}
    for test_only in ("STATIC_MANIFEST", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        clean.pop(test_only, None)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=60
    )


def test_missing_secret_key_with_debug_off_is_a_clear_startup_error():
    result = run_manage("check", DEBUG="false", DATABASE_URL=UNUSED_DATABASE)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_debug_is_off_unless_asked_for():
    result = run_manage(
        "shell", "-c", "from django.conf import settings; print(settings.DEBUG)", **PRODUCTION | {"DEBUG": ""}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_a_debug_value_that_is_not_true_or_false_is_refused():
    result = run_manage("check", DEBUG="maybe", DATABASE_URL=UNUSED_DATABASE)
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


def test_an_unknown_supervision_standard_is_refused():
    result = run_manage("check", SUPERVISION_STANDARD="lga-2019", **PRODUCTION)
    assert result.returncode != 0
    assert 'SUPERVISION_STANDARD must be "lga-2020" or "dfe-2024"' in result.stderr


def test_production_values_pass_check_deploy():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_while_the_guide_shows_placeholder_phone_numbers():
    placeholders = {k: v for k, v in PRODUCTION.items() if not k.endswith("_PHONE")}
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **placeholders)
    assert result.returncode != 0
    assert "practice_guide.W001" in result.stderr + result.stdout


SAFE_DEFAULTS = {
    "SECURE_SSL_REDIRECT": "True",
    "SESSION_COOKIE_SECURE": "True",
    "CSRF_COOKIE_SECURE": "True",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_PROXY_SSL_HEADER": "('HTTP_X_FORWARDED_PROTO', 'https')",
}


@pytest.fixture(scope="module")
def production_defaults():
    """What production settings make of each name in SAFE_DEFAULTS: one process (each takes a second or two)."""
    values = ", ".join(f"{name!r}: str(settings.{name})" for name in SAFE_DEFAULTS)
    code = f"import json; from django.conf import settings; print(json.dumps({{{values}}}))"
    result = run_manage("shell", "-c", code, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


# The group keeps these on one pytest-xdist worker (make test uses --dist loadgroup), so `production_defaults`
# starts its process once, not once on each worker. The module's other tests each start their own, and stay free.
@pytest.mark.xdist_group("portal-settings-production-defaults")
@pytest.mark.parametrize(("name", "expected"), SAFE_DEFAULTS.items())
def test_production_defaults_are_safe(production_defaults, name, expected):
    assert production_defaults[name] == expected


def test_database_url_is_used_when_given():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; d = settings.DATABASES['default']; print(d['HOST'], d['NAME'])",
        **PRODUCTION | {"DATABASE_URL": "postgresql://portal:secret@db.internal:5432/portal_live"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "db.internal portal_live"


def test_sessions_end_after_thirty_idle_minutes(settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
