"""`make bench`: every figure issue 12 asks for, each beside its target, in one table at the end.

1. In-process server times (no network, no other load; queries counted): the training uptake matrix and
   coverage, the supervision dashboard at 200 and 2,000 workers, the guide's search at 1,000 parts.
2. gunicorn with production settings, driven by wrk on loopback: requests per second, p50/p95, errors
   and timeouts for each page, and each page's share of the ceiling, a static file served by the same
   server. Each target runs for BENCH_SECONDS (default 10) with BENCH_CONNECTIONS (default 16). The practice
   handbook's pages are driven signed in, beside the guide's public pages.

The data: the demo content, `make_supervision_bench_data` (200 social workers over five years, and a
2,000-worker service beside it) and `make_training_bench_data` (2,000 people by 50 courses, 100,000
bookings), kept in the bench's own embedded server (`.devdb-bench/`) unless DATABASE_URL is set.
`make bench` then times a people import, and a backup and restore (their own scripts).

Later features add their pages to TARGETS, or to SIGNED_IN_TARGETS for pages behind sign-in.
"""

import json
import os
import subprocess
import sys
import urllib.request

import bench_guide
import bench_supervision
import bench_training
from bench_figures import Figure, figure_table
from serving import (
    ROOT,
    database_held,
    free_port,
    manage,
    production_env,
    session_cookie,
    start_gunicorn,
    stop,
    wait_until_up,
)

SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
GUIDE_SHARE_TARGET = 0.70

GUIDE_PART_LABEL = "Guide: a part"
# (label, path[, cookie]). "{static}" is replaced by the hashed name of the stylesheet.
TARGETS = [
    ("Static file (ceiling)", "{static}"),
    ("Home page", "/"),
    ("Sign-in page", "/sign-in/"),
    ("Health check", "/healthz"),
    ("Guide: contents", "/guide/"),
    (GUIDE_PART_LABEL, "/guide/what-to-expect-from-your-social-worker/"),
    ("Guide: glossary", "/guide/glossary/"),
    ("Guide: whole guide", "/guide/print/"),
    ("Guide: search", "/guide/search/?q=complaint"),
    ("Guide: what happens and when", "/guide/what-happens-and-when/"),
    ("Guide: a journey step", "/guide/what-happens-and-when/initial-child-protection-conference/"),
    ("Guide: a part, easy read", "/guide/what-to-expect-from-your-social-worker/", "guide_reader=easy-read"),
    ("Guide: a part in Arabic", "/ar/guide/what-to-expect-from-your-social-worker/"),
    ("Guide: tell us (questionnaire)", "/guide/tell-us/"),
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
    # The practice handbook (signed in), beside the guide's pages above: the same engine, not page-cached.
    ("Handbook: contents", "/handbook/", BENCH_MANAGER),
    ("Handbook: a tool page", "/handbook/signs-of-safety-mapping/", BENCH_MANAGER),
    ("Handbook: search", "/handbook/search/?q=supervision", BENCH_MANAGER),
    ("Handbook: whole handbook", "/handbook/print/", BENCH_MANAGER),
]


def check_signed_in(url: str, cookie: str) -> None:
    """Fail loudly rather than measure the sign-in page: a refused cookie redirects there."""
    request = urllib.request.Request(url, headers={"Cookie": cookie, "X-Forwarded-Proto": "https"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback only
        if response.status != 200 or response.url != url:
            raise SystemExit(f"{url} answered {response.status} at {response.url}, not the page: is the cookie right?")


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


def prepare(env: dict) -> None:
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    # Loading large data sets takes statements longer than the site's limit for a request.
    build_env = {**env, "DATABASE_STATEMENT_TIMEOUT": "0"}
    # The guide's pages need its demo content; --force because these are production settings.
    manage(build_env, "load_demo", "--force", "--verbosity", "0")
    # The supervision dashboard's pages need a large service to be a fair test.
    manage(build_env, "make_supervision_bench_data", "--force", "--verbosity", "0")
    # The training uptake pages need a large service too: 2,000 people by 50 courses.
    manage(build_env, "make_training_bench_data", "--force", "--verbosity", "0")


def page_table(results: list) -> tuple[list[str], list[Figure]]:
    ceiling = results[0][2]["rps"]
    workers = os.environ.get("GUNICORN_WORKERS", f"{os.cpu_count() * 2 + 1} (2 x cores + 1)")
    width = max(26, *(len(label) for label, _path, _row in results))
    lines = [
        f"gunicorn, production settings, {workers} workers; wrk -t2 -c{CONNECTIONS} -d{SECONDS}s on loopback",
        f"{'Page':<{width}} {'Path':<44} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7} {'timeouts':>9}"
        f" {'of ceiling':>11}",
    ]
    for label, path, row in results:
        lines.append(
            f"{label:<{width}} {path[:44]:<44} {row['rps']:>9.1f} {row['p50_ms']:>8.2f} {row['p95_ms']:>8.2f} "
            f"{row['errors']:>7} {row['timeouts']:>9} {row['rps'] / ceiling:>10.0%}"
        )
    failed = [label for label, _path, row in results if row["errors"] or row["timeouts"]]
    part = next(row for label, _path, row in results if label == GUIDE_PART_LABEL)
    share = part["rps"] / ceiling
    figures = [
        Figure(
            "Guide part, share of the static file's req/s (same gunicorn)",
            f"{share:.0%} ({part['rps']:,.0f} of {ceiling:,.0f})",
            f">= {GUIDE_SHARE_TARGET:.0%}",
            share >= GUIDE_SHARE_TARGET,
        ),
        Figure(
            f"Pages with errors or timeouts at {CONNECTIONS} connections",
            ", ".join(failed) or "none",
            "none",
            not failed,
        ),
    ]
    return lines, figures


def main() -> int:
    port = free_port()
    env = production_env(port)
    server = None
    figures: list[Figure] = []
    with database_held(env):
        try:
            prepare(env)
            figures += bench_training.figures(env)
            figures += bench_supervision.dashboard_figures(env)
            figures += bench_guide.search_figures(env)
            cookies = {email: session_cookie(env, email) for _label, _path, email in SIGNED_IN_TARGETS}
            server = start_gunicorn(env)
            base = f"http://127.0.0.1:{port}"
            wait_until_up(base)
            results = []
            for label, path, *cookie in TARGETS:
                path = path.replace("{static}", hashed_stylesheet())
                results.append((label, path, drive(base + path, *cookie)))
            for label, path, email in SIGNED_IN_TARGETS:
                check_signed_in(base + path, cookies[email])
                results.append((label, path, drive(base + path, cookies[email])))
        finally:
            stop(server)
    lines, page_figures = page_table(results)
    lines += ["", "In-process figures are medians after a warm-up, on this machine, with nothing else running.", ""]
    lines += figure_table([*figures, *page_figures])
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
