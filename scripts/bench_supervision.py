"""The supervision dashboard's server time at two sizes, for `make bench`.

`scripts/bench.py` calls `dashboard_lines(env)` with the environment its server runs with, after
`make_supervision_bench_data` has made the usual Bench service (200 social workers, five years of
sessions). This makes the larger one beside it (`--workers 2000`: 2,000 workers, five years, about
130,000 sessions; it stays in the bench database, so only the first run spends the minute building
it), then times the dashboard for each service's manager in-process: no network and no other load,
the median of several requests after one to warm up, with the SQL queries each request made.

Each line gives the figure, its target and whether it is met. `dashboard_figures(env)` gives the same
as (label, value, target, met) tuples for a table.

Run alone, it makes what it needs in the bench's own embedded server (or DATABASE_URL's database):

    .venv/bin/python scripts/bench_supervision.py
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PATH = "/supervision/dashboard/"
REQUESTS = 7
# (social workers, target in milliseconds): 200 is the service `make bench` has always used.
SIZES = [(200, 50), (2000, 250)]

# One request for the dashboard as `email` sees it, in-process, with its SQL queries counted: the median
# of several after one to warm up. The session says the person has signed in with their second factor,
# as a real manager would have, so the page is measured rather than the redirect to set one up.
TIMING = """
import statistics, sys, time
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from portal.signin_middleware import SESSION_HAS_SECOND_FACTOR
client = Client(HTTP_HOST="127.0.0.1")
client.force_login(get_user_model().objects.get(email={email!r}))
session = client.session
session[SESSION_HAS_SECOND_FACTOR] = True
session.save()
client.get({path!r}, secure=True)
times, counts = [], []
for _ in range({requests}):
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        response = client.get({path!r}, secure=True)
        times.append((time.perf_counter() - start) * 1000)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {{response.status_code}} for {email}")
    counts.append(len(queries))
sys.stdout.write(f"{{max(counts)}} {{statistics.median(times):.0f}} {{min(times):.0f}}\\n")
"""


def _manage(env: dict, *args: str) -> str:
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout


def _manager_email(workers: int) -> str:
    # The bench command's own rule (supervision/management/commands/make_supervision_bench_data.py),
    # repeated so this script needs no Django settings of its own.
    return "bench-manager@example.org" if workers == 200 else f"bench-{workers}-manager@example.org"


def _timing(env: dict, workers: int) -> tuple[int, int, int]:
    """(queries, median ms, fastest ms) for the dashboard of the bench service of this size."""
    code = TIMING.format(email=_manager_email(workers), path=PATH, requests=REQUESTS)
    output = _manage(env, "shell", "--no-imports", "-c", code)
    queries, median, fastest = output.strip().splitlines()[-1].split()
    return int(queries), int(median), int(fastest)


def dashboard_figures(env: dict) -> list[tuple[str, str, str, bool]]:
    """(label, value, target, met) for the dashboard at each size. Makes the larger bench service first
    if it is not there yet (the 200-worker one is `make bench`'s own)."""
    # No statement time limit for the first run's bulk load: its inserts are large.
    build_env = {**env, "DATABASE_STATEMENT_TIMEOUT": "0"}
    for workers, _target in SIZES:
        _manage(build_env, "make_supervision_bench_data", "--force", "--workers", str(workers), "--verbosity", "0")
    figures, counts = [], []
    for workers, target in SIZES:
        queries, median, fastest = _timing(env, workers)
        counts.append(queries)
        same_queries = queries == counts[0]
        figures.append(
            (
                f"Supervision dashboard, {workers:,} workers x 5 years",
                f"{median} ms, {queries} queries (fastest {fastest} ms; median of {REQUESTS}, in-process)",
                f"< {target} ms" + ("" if workers == SIZES[0][0] else f", {counts[0]} queries as at {SIZES[0][0]}"),
                median < target and same_queries,
            )
        )
    return figures


def dashboard_lines(env: dict) -> list[str]:
    """The figures as lines for the report: each with its target and PASS or FAIL."""
    return [
        f"{label}: {value}; target {target}: {'PASS' if met else 'FAIL'}"
        for label, value, target, met in dashboard_figures(env)
    ]


def main() -> int:
    sys.path.insert(0, str(ROOT))
    held = not os.environ.get("DATABASE_URL")
    if held:
        # The bench's own embedded server, as scripts/bench.py uses, so the large data sets stay out
        # of the demo database.
        os.environ.setdefault("PORTAL_DEVDB_DIR", str(ROOT / ".devdb-bench"))
    from portal import devdb

    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
        # Nothing is served over HTTP here, so no collectstatic manifest is needed.
        "STATIC_MANIFEST": "false",
    }
    if held:
        devdb.acquire()
        env[devdb.HELD_ENV] = str(os.getpid())
    try:
        _manage(env, "migrate", "--noinput", "--verbosity", "0")
        lines = dashboard_lines(env)
    finally:
        if held:
            devdb.release()
    sys.stdout.write("\n".join(lines) + "\n")
    return 0 if all(line.endswith("PASS") for line in lines) else 1


if __name__ == "__main__":
    sys.exit(main())
