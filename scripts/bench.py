"""`make bench`: the site under gunicorn with production settings, driven by wrk on loopback.

Prints requests per second and p50/p95 latency for each page, and each page's
share of the ceiling: a static file served by the same server. Bounded: each
target runs for BENCH_SECONDS (default 10) with BENCH_CONNECTIONS (default 16).

Later features add their pages to TARGETS, or to SIGNED_IN_TARGETS for pages behind
sign-in: those are fetched with the session cookie of the Bench service's manager
(`make_supervision_bench_data`: 200 social workers, five years of sessions).
"""

import json
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

# The bench builds large data sets (thousands of people): without DATABASE_URL it uses its own
# embedded server, so they never land in the demo database that `make run` shows.
if not os.environ.get("DATABASE_URL"):
    os.environ.setdefault("PORTAL_DEVDB_DIR", str(ROOT / ".devdb-bench"))

from portal import devdb  # noqa: E402 - after the path is set

SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
PYTHON = sys.executable

# (label, path). "{static}" is replaced by the hashed name of the stylesheet.
TARGETS = [
    ("Static file (ceiling)", "{static}"),
    ("Home page", "/"),
    ("Sign-in page", "/sign-in/"),
    ("Health check", "/healthz"),
    ("Guide: contents", "/guide/"),
    ("Guide: a part", "/guide/what-to-expect-from-your-social-worker/"),
    ("Guide: glossary", "/guide/glossary/"),
    ("Guide: whole guide", "/guide/print/"),
    ("Guide: search", "/guide/search/?q=complaint"),
]

# (label, path, email): fetched signed in as that person.
BENCH_MANAGER = "bench-manager@example.org"
# The training coordinator of the Training bench service (`make_training_bench_data`: 2,000 people,
# 50 courses, 100,000 bookings).
BENCH_COORDINATOR = "bench-coordinator@example.org"
MATRIX_PATH = "/training/uptake/"
SIGNED_IN_TARGETS = [
    ("Supervision dashboard", "/supervision/dashboard/", BENCH_MANAGER),
    ("Supervision dashboard CSV", "/supervision/dashboard/export.csv", BENCH_MANAGER),
    ("Training uptake matrix (2,000 x 50)", MATRIX_PATH, BENCH_COORDINATOR),
    ("Training coverage", "/training/uptake/coverage/", BENCH_COORDINATOR),
]

# Makes a signed-in session the way django.contrib.auth.login does, and prints its cookie.
# Run with the server's environment: the session's hash is keyed on the same SECRET_KEY.
SESSION_FOR = """
import sys
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
person = get_user_model().objects.get(email={email!r})
session = import_module(settings.SESSION_ENGINE).SessionStore()
session[SESSION_KEY] = person._meta.pk.value_to_string(person)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = person.get_session_auth_hash()
session.save()
sys.stdout.write(settings.SESSION_COOKIE_NAME + "=" + session.session_key + "\\n")
"""


# One request for the whole matrix, in-process (no network, no other load), with its SQL queries counted.
# The median of five after one to warm up. Run with the server's environment, as SESSION_FOR is.
MATRIX_TIMING = """
import statistics, sys, time
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client(HTTP_HOST="127.0.0.1")
client.force_login(get_user_model().objects.get(email={email!r}))
client.get({path!r}, secure=True)
times, counts = [], []
for _ in range(5):
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        response = client.get({path!r}, secure=True)
        times.append((time.perf_counter() - start) * 1000)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {{response.status_code}}")
    counts.append(len(queries))
sys.stdout.write(f"{{max(counts)}} {{statistics.median(times):.0f}} {{min(times):.0f}}\\n")
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(port: int) -> dict:
    return {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_MANIFEST": "true",
        "PORT": str(port),
        "GUNICORN_ACCESS_LOG": "",
        "LOG_LEVEL": "WARNING",
    }


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def session_cookie(env: dict, email: str) -> str:
    """A "name=value" session cookie for `email`. Idle sessions end after 30 minutes: enough for a run."""
    output = subprocess.run(
        [PYTHON, "manage.py", "shell", "--no-imports", "-c", SESSION_FOR.format(email=email)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return output.strip().splitlines()[-1]


def matrix_timing(env: dict) -> str:
    """The full training matrix's server time and query count, as a line for the report."""
    output = subprocess.run(
        [
            PYTHON,
            "manage.py",
            "shell",
            "--no-imports",
            "-c",
            MATRIX_TIMING.format(email=BENCH_COORDINATOR, path=MATRIX_PATH),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    queries, median, fastest = output.strip().splitlines()[-1].split()
    return (
        f"Matrix 2,000 x 50: {queries} queries, {median} ms "
        f"(server time in-process: median of 5 requests, fastest {fastest} ms)"
    )


def check_signed_in(url: str, cookie: str) -> None:
    """Fail loudly rather than measure the sign-in page: a refused cookie redirects there."""
    request = urllib.request.Request(url, headers={"Cookie": cookie, "X-Forwarded-Proto": "https"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback only
        if response.status != 200 or response.url != url:
            raise SystemExit(f"{url} answered {response.status} at {response.url}, not the page: is the cookie right?")


def wait_until_up(base: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:  # noqa: S310 - loopback only
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not answer /healthz within 30 s")


def hashed_stylesheet() -> str:
    manifest = json.loads((ROOT / "staticfiles" / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["css/portal.css"]


def drive(url: str, cookie: str = "") -> dict:
    # Requests arrive as if through the TLS proxy, so SECURE_SSL_REDIRECT stays on as in production.
    extra = ["-H", f"Cookie: {cookie}"] if cookie else []
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{SECONDS}s",
            "--latency",
            "-s",
            str(ROOT / "bench" / "report.lua"),
            "-H",
            "X-Forwarded-Proto: https",
            *extra,
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=SECONDS + 30,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> int:
    port = free_port()
    env = production_env(port)
    held = not os.environ.get("DATABASE_URL")
    if held:
        devdb.acquire()
        env[devdb.HELD_ENV] = str(os.getpid())
    server = None
    try:
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        manage(env, "migrate", "--noinput", "--verbosity", "0")
        # The guide's pages need its demo content; --force because these are production settings.
        manage(env, "load_demo", "--force", "--verbosity", "0")
        # The supervision dashboard's pages need a large service to be a fair test.
        manage(env, "make_supervision_bench_data", "--force", "--verbosity", "0")
        # The training uptake pages need a large service too: 2,000 people by 50 courses.
        manage(env, "make_training_bench_data", "--force", "--verbosity", "0")
        matrix_line = matrix_timing(env)
        cookies = {email: session_cookie(env, email) for _label, _path, email in SIGNED_IN_TARGETS}
        server = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "gunicorn"), "--config", "portal/gunicorn_config.py", "portal.wsgi"],
            cwd=ROOT,
            env=env,
        )
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base)
        results = []
        for label, path in TARGETS:
            path = path.replace("{static}", hashed_stylesheet())
            results.append((label, path, drive(base + path)))
        for label, path, email in SIGNED_IN_TARGETS:
            check_signed_in(base + path, cookies[email])
            results.append((label, path, drive(base + path, cookies[email])))
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)
        if held:
            devdb.release()

    ceiling = results[0][2]["rps"]
    workers = os.environ.get("GUNICORN_WORKERS", f"{os.cpu_count() * 2 + 1} (2 x cores + 1)")
    width = max(26, *(len(label) for label, _path, _figures in results))
    lines = [
        f"gunicorn, production settings, {workers} workers; wrk -t2 -c{CONNECTIONS} -d{SECONDS}s on loopback",
        f"{'Page':<{width}} {'Path':<44} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7} {'of ceiling':>11}",
    ]
    for label, path, figures in results:
        lines.append(
            f"{label:<{width}} {path[:44]:<44} {figures['rps']:>9.1f} {figures['p50_ms']:>8.2f} "
            f"{figures['p95_ms']:>8.2f} {figures['errors']:>7} {figures['rps'] / ceiling:>10.0%}"
        )
    lines.append(matrix_line)
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
