"""The training uptake figures for `make bench` (issue 12), each beside its target.

scripts/bench.py calls `figures(env)` with the server's environment after `make_training_bench_data` has
made the standard service (2,000 people by 50 courses, 100,000 bookings). This measures it, then makes
the large one beside it (10,000 people by 100 courses, 1,000,000 bookings: a few minutes), measures
that and deletes it again. Everything is measured in-process through Django's test client, so the
figures are the server's own time without a network:

- the matrix's default view and the coverage page: the median of five requests after one to warm up,
  with the number of queries, and the page's size as sent (gzip, as a browser asks for it) and before;
- the CSV and Excel downloads of the whole large matrix: the time to make and send every byte, and
  the most memory the process grew by while doing it, each in a fresh process so nothing else counts.
  The same for the standard service shows that the memory stays flat as the matrix grows tenfold.
"""

import json

from bench_figures import Figure, server_timings
from serving import manage, shell

STANDARD = "bench-coordinator@example.org"  # make_training_bench_data: 2,000 x 50
LARGE_PEOPLE, LARGE_COURSES = 10_000, 100
LARGE = f"bench-coordinator-{LARGE_PEOPLE}x{LARGE_COURSES}@example.org"
MATRIX = "/training/uptake/"
COVERAGE = "/training/uptake/coverage/"
CSV = "/training/uptake/export.csv"
XLSX = "/training/uptake/export.xlsx"

# Signs the bench coordinator in as django.contrib.auth does (with the second factor noted, as after a
# real sign-in, so REQUIRE_MFA lets the pages open), then times `path`. Prints one line of JSON.
_CLIENT = """
import gzip, json, resource, statistics, sys, time
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from portal.signin_middleware import SESSION_HAS_SECOND_FACTOR
client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING="gzip")
client.force_login(get_user_model().objects.get(email={email!r}))
session = client.session
session[SESSION_HAS_SECOND_FACTOR] = True
session.save()
"""

# The whole download, every byte read as a browser would; the memory is the peak resident size less
# what the process held before it started (resource reports the peak in kilobytes on Linux).
DOWNLOAD_TIMING = (
    _CLIENT
    + """
def resident_kb():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() // 1024
client.get("/training/uptake/", secure=True)  # loads the views, templates and workbook writer first
before = resident_kb()
start = time.perf_counter()
response = client.get({path!r}, secure=True)
size = sum(len(part) for part in response) if response.streaming else len(response.content)
seconds = time.perf_counter() - start
if response.status_code != 200:
    raise SystemExit(f"{path} answered {{response.status_code}}")
grown = max(0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
print(json.dumps({{"s": seconds, "peak_mb": grown / 1024, "mb": size / 1024 / 1024}}))
"""
)


def _download(env: dict, email: str, path: str) -> dict:
    return json.loads(shell(env, DOWNLOAD_TIMING.format(email=email, path=path)))


def _large_service(env: dict, *options: str) -> None:
    """Make (nothing happens if it is there) or, with "--delete", delete the 10,000 x 100 service."""
    sizes = ["--people", str(LARGE_PEOPLE), "--courses", str(LARGE_COURSES)]
    manage({**env, "DATABASE_STATEMENT_TIMEOUT": "0"}, "make_training_bench_data", "--force", *options, *sizes)


def figures(env: dict) -> list[Figure]:
    """The training figures, each beside its target.

    The standard service is measured first, before the large one is made: the large one's million
    bookings, on courses shared with every service, would otherwise weigh on the standard coordinator's
    pages too (see `training.matrix._used_courses`). The large one is deleted at the end,
    so the database is left as `make bench` found it."""
    _large_service(env, "--delete")  # left over from an interrupted run
    matrix, coverage = server_timings(env, [(STANDARD, MATRIX), (STANDARD, COVERAGE)])
    csv_small, xlsx_small = _download(env, STANDARD, CSV), _download(env, STANDARD, XLSX)
    _large_service(env)
    try:
        (large_matrix,) = server_timings(env, [(LARGE, MATRIX)])
        csv_large, xlsx_large = _download(env, LARGE, CSV), _download(env, LARGE, XLSX)
    finally:
        _large_service(env, "--delete")
    rows = [
        Figure(
            "Training matrix 2,000 x 50, default view",
            f"{matrix['ms']:.0f} ms (fastest {matrix['fastest_ms']:.0f}), {matrix['queries']} queries",
            "under 100 ms",
            matrix["ms"] < 100,
        ),
        Figure(
            "Training matrix 2,000 x 50, size",
            f"{matrix['wire_bytes'] / 1024:.0f} KB sent gzipped, {matrix['bytes'] / 1024:.0f} KB before",
            "under 500 KB sent",
            matrix["wire_bytes"] < 500 * 1024,
        ),
        Figure(
            "Training coverage 2,000 x 50",
            f"{coverage['ms']:.0f} ms (fastest {coverage['fastest_ms']:.0f}), {coverage['queries']} queries",
            "under 100 ms",
            coverage["ms"] < 100,
        ),
        Figure(
            "Training matrix 10,000 x 100, default view",
            f"{large_matrix['ms']:.0f} ms (fastest {large_matrix['fastest_ms']:.0f}), "
            f"{large_matrix['queries']} queries",
            f"under 250 ms, {matrix['queries']} queries as at 2,000 x 50",
            large_matrix["ms"] < 250 and large_matrix["queries"] == matrix["queries"],
        ),
    ]
    for label, small, large in (("CSV", csv_small, csv_large), ("Excel", xlsx_small, xlsx_large)):
        rows.append(
            Figure(
                f"Training matrix {label} 10,000 x 100, whole",
                f"{large['s']:.1f} s, {large['mb']:.0f} MB sent, memory grew {large['peak_mb']:.0f} MB "
                f"(2,000 x 50: {small['s']:.1f} s, grew {small['peak_mb']:.0f} MB)",
                "within 10 s; memory flat (under 32 MB more than at 2,000 x 50)",
                large["s"] <= 10 and large["peak_mb"] - small["peak_mb"] < 32,
            )
        )
    return rows
