"""What the bench, load and fault scripts share: the site under gunicorn with production settings.

Each script imports this first. Without DATABASE_URL the scripts use their own embedded server,
`.devdb-bench/`, so their large data sets never land in the demo database that `make run` shows.
Everything they start listens on 127.0.0.1 only.
"""

import contextlib
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if not os.environ.get("DATABASE_URL"):
    os.environ.setdefault("PORTAL_DEVDB_DIR", str(ROOT / ".devdb-bench"))

PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))

# Makes a signed-in session the way django.contrib.auth.login and allauth do, and prints its cookie.
# Run with the server's environment: the session's hash is keyed on the same SECRET_KEY. Production asks
# every password user for a second factor (REQUIRE_MFA): the session records that it was given, as after
# a real two-factor sign-in, so the pages measured are the pages, not the set-up page.
SESSION_FOR = """
import sys, time
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from portal.signin_middleware import SESSION_HAS_SECOND_FACTOR
person = get_user_model().objects.get(email={email!r})
session = import_module(settings.SESSION_ENGINE).SessionStore()
session[SESSION_KEY] = person._meta.pk.value_to_string(person)
session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
session[HASH_SESSION_KEY] = person.get_session_auth_hash()
session[SESSION_HAS_SECOND_FACTOR] = True
session["account_authentication_methods"] = [
    {{"method": "password", "at": time.time(), "email": person.email}},
    {{"method": "mfa", "at": time.time(), "type": "totp"}},
]
session.save()
sys.stdout.write(settings.SESSION_COOKIE_NAME + "=" + session.session_key + "\\n")
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(port: int, **overrides: str) -> dict:
    """Production settings for a site on 127.0.0.1:port; `overrides` are each script's own differences."""
    return {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_MANIFEST": "true",
        "REQUIRE_MFA": "true",
        "PORT": str(port),
        "GUNICORN_ACCESS_LOG": "",
        "LOG_LEVEL": "WARNING",
        # The demo's and the pages' emails go nowhere: there is no mail server on a bench machine.
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        **overrides,
    }


def manage(env: dict, *args: str, stdin: str | None = None, quiet: bool = False) -> str:
    """Run a management command with the site's environment; returns what it printed."""
    return subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        stdout=subprocess.DEVNULL if quiet else subprocess.PIPE,
        text=True,
        check=True,
    ).stdout


def shell(env: dict, code: str, stdin: str | None = None) -> str:
    """Run Python code in `manage.py shell` with the site's environment; returns its last line of output."""
    return manage(env, "shell", "--no-imports", "-c", code, stdin=stdin).strip().splitlines()[-1]


def session_cookie(env: dict, email: str) -> str:
    """A "name=value" session cookie for `email`. Idle sessions end after 30 minutes: enough for a run."""
    return shell(env, SESSION_FOR.format(email=email))


def start_gunicorn(env: dict) -> subprocess.Popen:
    return subprocess.Popen([GUNICORN, "--config", "portal/gunicorn_config.py", "portal.wsgi"], cwd=ROOT, env=env)


def wait_until_up(base: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:  # noqa: S310 - loopback only
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer /healthz within {timeout:.0f} s")


@contextlib.contextmanager
def database_held(env: dict):
    """Keep the embedded server up for the script and the processes it starts (nothing to do with DATABASE_URL)."""
    if os.environ.get("DATABASE_URL"):
        yield
        return
    from portal import devdb

    devdb.acquire()
    env[devdb.HELD_ENV] = str(os.getpid())
    try:
        yield
    finally:
        devdb.release()


def stop(server: subprocess.Popen | None) -> None:
    if server:
        server.terminate()
        server.wait(timeout=30)
