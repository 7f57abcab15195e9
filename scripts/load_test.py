"""`make load`: 50 simulated people for 60 seconds against gunicorn with production settings.

40 families read the guide, search it and say whether pages helped; 10 staff sign in (password and
authenticator code, as REQUIRE_MFA asks in production), write and sign off supervision records, ask for
places on courses and open the dashboards (bench/locustfile.py, run by locust in headless mode).
Prints requests, failures and p50/p95 for each kind of person and each request, beside the targets:
no failures, p95 under 500 ms for family pages and under 1 s for staff pages.

Bounded and local: gunicorn listens on 127.0.0.1 only, locust stops after LOAD_SECONDS (default 60)
with LOAD_USERS (default 50) people, and no email leaves the machine (EMAIL_BACKEND is the dummy).
Without DATABASE_URL it uses its own embedded server (.devdb-bench, shared with `make bench`).

Two things differ from a real deployment, both on purpose:
* each simulated person comes from an address of their own, sent as X-Forwarded-For by this script
  playing the TLS proxy (PROXY_COUNT=1), so the guide's feedback limit (10 an hour per address) and
  the sign-in lockouts count per person as they do in production, not for the whole load at once;
* session cookies are not marked Secure (SECURE_COOKIES=false): the load talks plain HTTP to gunicorn
  as the proxy does, and an HTTP client will not send a Secure cookie over plain HTTP.
"""

import json
import os
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import serving  # beside this file: the path, the bench's database folder, gunicorn
from serving import PYTHON, ROOT, free_port, start_gunicorn, wait_until_up

USERS = int(os.environ.get("LOAD_USERS", "50"))
SECONDS = int(os.environ.get("LOAD_SECONDS", "60"))
LOCUST = os.environ.get("LOCUST") or str(Path(PYTHON).with_name("locust"))
TARGET_P95_MS = {"family": 500, "staff": 1000}

# Who the staff are: the bench services' people (`make_supervision_bench_data`, `make_training_bench_data`),
# whose password is the bench's. Each gets an authenticator app with a secret made for this run.
BENCH_PASSWORD = "bench-password-2026"  # noqa: S105 - the bench data's own, disposable
STAFF = [
    *(("supervisor", f"bench-supervisor-{n:02d}@example.org") for n in range(1, 5)),
    *(("worker", f"bench-worker-{n:03d}@example.org") for n in (1, 2, 3, 4)),
    ("manager", "bench-manager@example.org"),
    ("coordinator", "bench-coordinator@example.org"),
]

# Gives each load-test person a TOTP authenticator with the given secret (replacing any earlier one), the
# way allauth stores one when a person sets up their app. Run with the server's environment.
GIVE_AUTHENTICATORS = """
import json, sys
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from axes.utils import reset
from django.contrib.auth import get_user_model
for email, secret in json.loads(sys.stdin.read()).items():
    person = get_user_model().objects.get(email=email)
    Authenticator.objects.filter(user=person, type=Authenticator.Type.TOTP).delete()
    TOTP.activate(person, secret)
    reset(username=email)
"""


def staff_count(users: int) -> int:
    """As bench/locustfile.py divides them: a fifth are staff, at least one at each of the four roles."""
    return max(4, users // 5)


def production_env(port: int) -> dict:
    return serving.production_env(port, PROXY_COUNT="1", SECURE_COOKIES="false")


def manage(env: dict, *args: str, stdin: str | None = None) -> None:
    # Their reports (the demo's sign-ins and the like) are not this script's: errors still show.
    serving.manage(env, *args, stdin=stdin, quiet=True)


def prepare(env: dict) -> list[dict]:
    """Data for the run, and the staff's sign-ins. Quick when the bench data is already there."""
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "load_demo", "--force", "--verbosity", "0")
    manage(env, "make_supervision_bench_data", "--force", "--verbosity", "0")
    manage(env, "make_training_bench_data", "--force", "--verbosity", "0")
    staff = [
        {"role": role, "email": email, "password": BENCH_PASSWORD, "totp_secret": _secret()} for role, email in STAFF
    ]
    secrets_by_email = {person["email"]: person["totp_secret"] for person in staff}
    manage(env, "shell", "--no-imports", "-c", GIVE_AUTHENTICATORS, stdin=json.dumps(secrets_by_email))
    return staff


def _secret() -> str:
    import base64

    return base64.b32encode(secrets.token_bytes(20)).decode().rstrip("=")


def run_locust(base: str, staff: list[dict], events_file: Path, users: int, seconds: int) -> subprocess.Popen:
    """Start locust headless; the caller waits for it. Its own summary goes to a log file, not the screen."""
    workdir = events_file.parent
    staff_file = workdir / "staff.json"
    staff_file.write_text(json.dumps(staff))
    env = {
        **os.environ,
        "LOAD_STAFF_FILE": str(staff_file),
        "LOAD_EVENTS_FILE": str(events_file),
        "LOAD_USERS": str(users),
        # A fresh block of addresses each run: the feedback limit's window is an hour.
        "LOAD_ADDRESS_PREFIX": f"10.{random.randint(1, 254)}",  # noqa: S311 - not a secret
    }
    spawn_rate = max(1, users // 10)  # everyone started within about ten seconds
    return subprocess.Popen(
        [
            LOCUST,
            "-f",
            str(ROOT / "bench" / "locustfile.py"),
            "--headless",
            "--host",
            base,
            "--users",
            str(users),
            "--spawn-rate",
            str(spawn_rate),
            "--run-time",
            f"{seconds}s",
            "--stop-timeout",
            "10",
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        cwd=workdir,
        env=env,
        stdout=(workdir / "locust.log").open("w"),
        stderr=subprocess.STDOUT,
    )


def read_events(events_file: Path) -> list[dict]:
    return [json.loads(line) for line in events_file.read_text().splitlines() if line.strip()]


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


def summary(events: list[dict]) -> tuple[list[str], bool]:
    """A table by kind of person, then by request, and whether every target is met."""
    by_kind, by_name = defaultdict(list), defaultdict(list)
    for event in events:
        by_kind[event["kind"]].append(event)
        by_name[event["name"]].append(event)
    lines = [f"{'Requests':<40} {'count':>6} {'failed':>7} {'429s':>5} {'p50 ms':>8} {'p95 ms':>8}  target"]
    passed = bool(events)

    def row(label: str, rows: list[dict], goal: int | None = None) -> str:
        nonlocal passed
        times = [r["ms"] for r in rows]
        failed = sum(not r["ok"] for r in rows)
        limited = sum(r["status"] == 429 for r in rows)  # noqa: PLR2004 - the rate limit's answer
        p50, p95 = percentile(times, 0.5), percentile(times, 0.95)
        target = ""
        if goal is not None:
            met = failed == 0 and p95 < goal
            passed &= met
            target = f"0 failed, p95 < {goal} ms: {'met' if met else 'MISSED'}"
        return f"{label:<40} {len(rows):>6} {failed:>7} {limited:>5} {p50:>8.0f} {p95:>8.0f}  {target}"

    for kind in sorted(by_kind):
        lines.append(row(f"All {kind} requests", by_kind[kind], TARGET_P95_MS.get(kind)))
    lines += [row(f"  {name}", rows) for name, rows in sorted(by_name.items())]
    return lines, passed


def failures(events: list[dict], limit: int = 10) -> list[str]:
    seen = defaultdict(int)
    for event in events:
        if not event["ok"]:
            seen[(event["name"], event["status"])] += 1
    return [f"  {count} x {name} (status {status})" for (name, status), count in sorted(seen.items())[:limit]]


def main() -> int:
    port = free_port()
    env = production_env(port)
    server = None
    workdir = Path(tempfile.mkdtemp(prefix="portal-load-"))
    events_file = workdir / "events.jsonl"
    with serving.database_held(env):
        try:
            staff = prepare(env)
            server = start_gunicorn(env)
            base = f"http://127.0.0.1:{port}"
            wait_until_up(base)
            started = time.monotonic()
            run_locust(base, staff, events_file, USERS, SECONDS).wait(timeout=SECONDS + 120)
            took = time.monotonic() - started
        finally:
            serving.stop(server)
    events = read_events(events_file)
    lines, passed = summary(events)
    workers = os.environ.get("GUNICORN_WORKERS", f"{os.cpu_count() * 2 + 1} (2 x cores + 1)")
    header = (
        f"Load: {USERS} people ({USERS - staff_count(USERS)} families, {staff_count(USERS)} staff) for {SECONDS} s "
        f"({took:.0f} s with start and stop); gunicorn, production settings, {workers} workers, 127.0.0.1"
    )
    out = [header, *lines]
    if problems := failures(events):
        out += ["Failures:", *problems]
    out.append(f"Targets: 0 failures, p95 < 500 ms family, < 1 s staff: {'PASS' if passed else 'FAIL'}")
    out.append(f"Every request: {events_file}; locust's own log: {workdir / 'locust.log'}")
    sys.stdout.write("\n".join(out) + "\n")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
