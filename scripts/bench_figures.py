"""The figures `make bench` prints: each measured value beside the issue's target for it.

Also the in-process timing every figure of a signed-in page uses: server time without a network or
other load, with the SQL queries counted and the size on the wire.
"""

import json
from typing import NamedTuple

from serving import shell

# Server time in-process (no network, no other load) for signed-in pages, with SQL queries counted and
# the size on the wire: the median of several requests after one to warm up. Run with the server's
# environment, as SESSION_FOR is. Reads a JSON list of [email, path] on stdin; writes one JSON line.
SERVER_TIMING = """
import gzip, json, statistics, sys, time
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from portal.signin_middleware import SESSION_HAS_SECOND_FACTOR
results = []
for email, path in json.load(sys.stdin):
    client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING="gzip")
    if email:
        client.force_login(get_user_model().objects.get(email=email))
        session = client.session
        session[SESSION_HAS_SECOND_FACTOR] = True
        session.save()
    client.get(path, secure=True)
    times, counts = [], []
    for _ in range(REQUESTS):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(path, secure=True)
            body = response.getvalue() if response.streaming else response.content
            times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
        counts.append(len(queries))
    raw = gzip.decompress(body) if response.get("Content-Encoding") == "gzip" else body
    results.append({"path": path, "ms": statistics.median(times), "fastest_ms": min(times),
                    "queries": max(counts), "bytes": len(raw), "wire_bytes": len(body)})
sys.stdout.write(json.dumps(results) + "\\n")
"""


class Figure(NamedTuple):
    """One line of the closing table: what was measured, beside the issue's target for it."""

    name: str
    measured: str
    target: str
    met: bool | None  # None: a figure reported without a target


def figure_table(figures: list[Figure]) -> list[str]:
    width = max(len(f.name) for f in figures)
    measured = max(8, *(len(f.measured) for f in figures))
    target = max(6, *(len(f.target) for f in figures))
    lines = [f"{'Figure':<{width}}  {'Measured':<{measured}}  {'Target':<{target}}  Met"]
    for f in figures:
        met = "" if f.met is None else ("yes" if f.met else "NO")
        lines.append(f"{f.name:<{width}}  {f.measured:<{measured}}  {f.target:<{target}}  {met}")
    return lines


def server_timings(env: dict, pages: list[tuple[str, str]], requests: int = 5) -> list[dict]:
    """In-process server time, queries and sizes for each (email, path), the median of `requests`
    after one to warm up: see SERVER_TIMING. An empty email fetches the page signed out."""
    return json.loads(shell(env, SERVER_TIMING.replace("REQUESTS", str(requests)), stdin=json.dumps(pages)))
