"""`make fault`: stop PostgreSQL for 10 seconds in the middle of the load test, and check the site copes.

Runs the load of scripts/load_test.py (FAULT_USERS people, default 50, for FAULT_SECONDS, default 60)
against gunicorn with production settings on 127.0.0.1, and FAULT_DOWN_AT seconds in (default 20)
stops PostgreSQL with `pg_ctl stop -m fast` for FAULT_DOWN_SECONDS (default 10), then starts it again
on the same data. Meanwhile a probe asks for /healthz, a guide page and a signed-in page four times a
second. It then checks, and prints as a PASS/FAIL table:

1. while the database is down, /healthz answers 503 within a second, every time;
2. while it is down, pages answer the styled "Sorry, there is a problem with the service" page (503);
3. no request sent while the database is down, or in the 5 seconds after, takes longer than 5 seconds
   (the table also counts slow requests over the whole run, which a busy machine can cause);
4. within 5 seconds of the database being back, /healthz and the pages answer 200, and every request
   that starts after that succeeds;
5. gunicorn was not restarted: the same master and the same workers served the whole run;
6. every write the site confirmed (a feedback comment thanked for, a supervision record saved and
   shown) is in the database, each with a unique marker, and no write is half-saved: every record
   carrying a marker has all of its fields and its audit entry, whether or not its answer got back.

The embedded server (no DATABASE_URL) is stopped and started through portal/devdb.py's own pg_ctl.
With DATABASE_URL, set PG_CTL (the pg_ctl program) and PGDATA (the server's data folder) for a server
this machine runs; without them the script says so and stops, as it cannot stop a managed database.
"""

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import load_test  # noqa: E402 - beside this file
import serving  # noqa: E402 - beside this file; sets up the path and the bench's database folder

from portal import devdb  # noqa: E402

USERS = int(os.environ.get("FAULT_USERS", "50"))
SECONDS = int(os.environ.get("FAULT_SECONDS", "60"))
DOWN_AT = float(os.environ.get("FAULT_DOWN_AT", "20"))
DOWN_SECONDS = float(os.environ.get("FAULT_DOWN_SECONDS", "10"))
HEALTH_LIMIT = 1.0
REQUEST_LIMIT = 5.0
RECOVERY_LIMIT = 5.0
SORRY = "Sorry, there is a problem with the service"
PROBE_PART = "/guide/what-to-expect-from-your-social-worker/"

# What the confirmed and attempted writes left in the database, by marker. Run with the server's environment.
CHECK_WRITES = """
import json, sys
from practice_guide.models import PageFeedback
from supervision.models import AuditEntry, RecordType, Session
markers = json.loads(sys.stdin.read())
found = {}
for marker in markers:
    feedback = list(PageFeedback.objects.filter(comment__contains=marker).values("pk", "useful", "part_id"))
    sessions = []
    for session in Session.objects.filter(notes__icontains=marker):
        audited = AuditEntry.objects.filter(
            record_type=RecordType.SESSION, record_id=session.pk, detail__startswith="Supervisor"
        ).exists()
        sessions.append({
            "pk": session.pk,
            "complete": bool(session.recorded_at and session.caseload_children is not None and audited),
        })
    found[marker] = {"feedback": feedback, "sessions": sessions}
sys.stdout.write(json.dumps(found) + "\\n")
"""


class DatabaseControl:
    """Stops and starts the PostgreSQL server the site uses, on the same data."""

    def __init__(self):
        self.pg_ctl, self.pgdata = os.environ.get("PG_CTL"), os.environ.get("PGDATA")
        self.embedded = not os.environ.get("DATABASE_URL")

    def why_not(self) -> str:
        if self.embedded or (self.pg_ctl and self.pgdata):
            return ""
        return (
            "DATABASE_URL is set: this script cannot stop a database it does not run. To test a server on this "
            "machine, set PG_CTL (its pg_ctl program) and PGDATA (its data folder) as well."
        )

    def stop(self) -> None:
        if self.embedded:
            devdb.stop_keeping_holders()
        else:
            subprocess.run([self.pg_ctl, "-D", self.pgdata, "-m", "fast", "-w", "stop"], check=True)

    def start(self) -> None:
        if self.embedded:
            devdb.start_again()
        else:
            subprocess.run([self.pg_ctl, "-D", self.pgdata, "-w", "start"], check=True)


class Probe(threading.Thread):
    """Asks for /healthz, a guide page and a signed-in page in turn, four times a second, timing each."""

    def __init__(self, base: str, cookie: str):
        super().__init__(daemon=True)
        self.base, self.cookie = base, cookie
        self.results, self.stopping = [], threading.Event()

    def run(self):
        paths = [("healthz", "/healthz", ""), ("guide page", PROBE_PART, ""), ("staff page", "/staff/", self.cookie)]
        while not self.stopping.is_set():
            for name, path, cookie in paths:
                self.results.append(self.fetch(name, path, cookie))
            self.stopping.wait(0.25)

    def fetch(self, name: str, path: str, cookie: str) -> dict:
        headers = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "10.0.0.1"}
        if cookie:
            headers["Cookie"] = cookie
        request = urllib.request.Request(self.base + path, headers=headers)  # noqa: S310 - loopback only
        started = time.time()
        status, body = 0, ""
        try:
            with urllib.request.urlopen(request, timeout=REQUEST_LIMIT + 5) as response:  # noqa: S310
                status, body = response.status, response.read().decode(errors="replace")
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read().decode(errors="replace")
        except OSError as error:
            body = str(error)
        return {
            "name": name,
            "start": started,
            "seconds": time.time() - started,
            "status": status,
            "sorry": SORRY in body and "govuk-template__body" in body,
        }


def process_ids(server: subprocess.Popen) -> set[int]:
    import psutil

    master = psutil.Process(server.pid)
    return {master.pid, *(child.pid for child in master.children())}


def check(results: list, name: str, passed: bool, detail: str) -> None:
    results.append((name, passed, detail))


def analyse(events, probes, times, writes, same_processes) -> list:
    down_from, down_until = times["stop_called"], times["start_returned"]
    back_by = down_until + RECOVERY_LIMIT
    # Surely down: from pg_ctl stop's return until pg_ctl start is called.
    surely_down = (times["stop_returned"], times["start_called"])
    results = []

    health_down = [p for p in probes if p["name"] == "healthz" and surely_down[0] <= p["start"] < surely_down[1]]
    bad = [p for p in health_down if p["status"] != 503 or p["seconds"] > HEALTH_LIMIT]  # noqa: PLR2004
    slowest = max((p["seconds"] for p in health_down), default=0)
    check(
        results,
        "While down, /healthz answers 503 within 1 s",
        bool(health_down) and not bad,
        f"{len(health_down)} probes, {len(bad)} not 503 in time, slowest {slowest * 1000:.0f} ms",
    )

    pages_down = [p for p in probes if p["name"] != "healthz" and surely_down[0] <= p["start"] < surely_down[1]]
    bad = [p for p in pages_down if p["status"] != 503 or not p["sorry"]]  # noqa: PLR2004
    slowest = max((p["seconds"] for p in pages_down), default=0)
    load_down = [e for e in events if surely_down[0] <= e["t"] - e["ms"] / 1000 < surely_down[1]]
    not_sorry = [e for e in load_down if e["status"] not in (200, 302, 503)]  # noqa: PLR2004
    check(
        results,
        "While down, pages answer the styled 503 page",
        bool(pages_down) and not bad and not not_sorry,
        f"{len(pages_down)} probes ({len(bad)} not the styled 503, slowest {slowest * 1000:.0f} ms); "
        f"{len(load_down)} load requests, {len(not_sorry)} answered neither 503 nor the page",
    )

    # (start, end, name) of every request. The limit is for those sent while the database was down or
    # coming back: a request sent earlier may already have waited its turn behind a busy machine.
    spans = [(p["start"], p["start"] + p["seconds"], f"probe {p['name']}") for p in probes]
    spans += [(e["t"] - e["ms"] / 1000, e["t"], e["name"]) for e in events]
    around = [span for span in spans if down_from <= span[0] < back_by]
    slow = sorted(((end - start, name) for start, end, name in around if end - start > REQUEST_LIMIT), reverse=True)
    overall = [span for span in spans if span[1] - span[0] > REQUEST_LIMIT]
    slowest = max(spans, key=lambda span: span[1] - span[0])
    check(
        results,
        "No request sent while down takes longer than 5 s",
        not slow,
        f"{len(around)} requests, {len(slow)} over 5 s{': ' + ', '.join(n for _s, n in slow[:3]) if slow else ''}; "
        f"whole run: {len(overall)} over 5 s, slowest {slowest[1] - slowest[0]:.2f} s ({slowest[2]})",
    )

    recovered = {}
    for name in ("healthz", "guide page", "staff page"):
        after = sorted((p for p in probes if p["name"] == name and p["start"] >= down_until), key=lambda p: p["start"])
        first_good = next((p for p in after if p["status"] == 200), None)  # noqa: PLR2004
        recovered[name] = (first_good["start"] + first_good["seconds"] - down_until) if first_good else None
    late = [e for e in events if e["t"] - e["ms"] / 1000 >= back_by and not e["ok"]]
    back = ", ".join(
        f"{name} {value:.2f} s" if value is not None else f"{name} never" for name, value in recovered.items()
    )
    check(
        results,
        "Within 5 s of the database returning, all answer 200",
        all(v is not None and v <= RECOVERY_LIMIT for v in recovered.values()) and not late,
        f"back after: {back}; {len(late)} failed load requests started after that",
    )

    check(
        results,
        "No restart of gunicorn",
        same_processes,
        "the same master and workers before and after" if same_processes else "processes changed",
    )

    confirmed = {e["marker"] for e in events if e.get("marker")}
    missing = [m for m in confirmed if not (writes[m]["feedback"] or writes[m]["sessions"])]
    half = [m for m, found in writes.items() if any(not s["complete"] for s in found["sessions"])]
    during = {e["marker"] for e in events if e.get("marker") and down_from - 1 <= e["t"] <= back_by}
    check(
        results,
        "Every confirmed write is saved",
        bool(confirmed) and not missing,
        f"{len(confirmed)} confirmed ({len(during)} around the outage), {len(missing)} missing",
    )
    attempted = {e["write"] for e in events if e.get("write")}
    check(
        results,
        "No write is half-saved",
        not half,
        f"{len(attempted)} writes tried, {sum(bool(f['feedback'] or f['sessions']) for f in writes.values())} "
        f"in the database, {len(half)} incomplete",
    )
    return results


def main() -> int:
    control = DatabaseControl()
    if reason := control.why_not():
        sys.stdout.write(f"Database restart fault test: SKIPPED. {reason}\n")
        return 0
    port = serving.free_port()
    env = load_test.production_env(port)
    server = probe = None
    workdir = Path(tempfile.mkdtemp(prefix="portal-fault-"))
    events_file = workdir / "events.jsonl"
    times = {}
    with serving.database_held(env), contextlib.ExitStack() as cleanup:
        cleanup.callback(lambda: serving.stop(server))
        cleanup.callback(lambda: probe and probe.stopping.set())
        staff = load_test.prepare(env)
        cookie = serving.session_cookie(env, "bench-manager@example.org")
        server = serving.start_gunicorn(env)
        base = f"http://127.0.0.1:{port}"
        serving.wait_until_up(base)
        before = process_ids(server)
        load = load_test.run_locust(base, staff, events_file, USERS, SECONDS)
        probe = Probe(base, cookie)
        probe.start()
        time.sleep(DOWN_AT)
        times["stop_called"] = time.time()
        control.stop()
        times["stop_returned"] = time.time()
        time.sleep(DOWN_SECONDS)
        times["start_called"] = time.time()
        control.start()
        times["start_returned"] = time.time()
        load.wait(timeout=SECONDS + 120)
        probe.stopping.set()
        probe.join(timeout=REQUEST_LIMIT + 10)
        same_processes = server.poll() is None and process_ids(server) == before
        events = load_test.read_events(events_file)
        markers = sorted({e["write"] for e in events if e.get("write")})
        writes = json.loads(serving.shell(env, CHECK_WRITES, stdin=json.dumps(markers)))

    (workdir / "probes.json").write_text(json.dumps({"times": times, "probes": probe.results}))
    results = analyse(events, probe.results, times, writes, same_processes)
    lines = [
        f"Database restart under load: {USERS} people for {SECONDS} s; PostgreSQL stopped at {DOWN_AT:.0f} s "
        f"for {DOWN_SECONDS:.0f} s (stop took {times['stop_returned'] - times['stop_called']:.1f} s, "
        f"start {times['start_returned'] - times['start_called']:.1f} s)",
        f"{'Check':<55} {'Result':<6} Detail",
    ]
    lines += [f"{name:<55} {'PASS' if ok else 'FAIL':<6} {detail}" for name, ok, detail in results]
    passed = all(ok for _name, ok, _detail in results)
    lines.append(f"Overall: {'PASS' if passed else 'FAIL'}   (every request, and the probes: {workdir})")
    sys.stdout.write("\n".join(lines) + "\n")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
