"""The supervision dashboard's server time at two sizes, for `make bench`.

`scripts/bench.py` calls `dashboard_figures(env)` with the environment its server runs with, after
`make_supervision_bench_data` has made the usual Bench service (200 social workers, five years of
sessions). This makes the larger one beside it (`--workers 2000`: 2,000 workers, five years, about
130,000 sessions; it stays in the bench database, so only the first run spends the minute building
it), then times the dashboard for each service's manager in-process: no network and no other load,
the median of several requests after one to warm up, with the SQL queries each request made.
"""

from bench_figures import Figure, server_timings
from serving import manage

PATH = "/supervision/dashboard/"
REQUESTS = 7
# (social workers, target in milliseconds): 200 is the service `make bench` has always used.
SIZES = [(200, 50), (2000, 250)]


def manager_email(workers: int) -> str:
    # The bench command's own rule (supervision/management/commands/make_supervision_bench_data.py),
    # repeated so this script needs no Django settings of its own.
    return "bench-manager@example.org" if workers == 200 else f"bench-{workers}-manager@example.org"  # noqa: PLR2004


def dashboard_figures(env: dict) -> list[Figure]:
    """The dashboard at each size, beside its target. Makes the larger bench service first if it is not
    there yet (the 200-worker one is `make bench`'s own)."""
    # No statement time limit for the first run's bulk load: its inserts are large.
    build_env = {**env, "DATABASE_STATEMENT_TIMEOUT": "0"}
    for workers, _target in SIZES:
        manage(build_env, "make_supervision_bench_data", "--force", "--workers", str(workers), "--verbosity", "0")
    timings = server_timings(env, [(manager_email(workers), PATH) for workers, _target in SIZES], REQUESTS)
    figures = []
    for (workers, target), timing in zip(SIZES, timings, strict=True):
        same_queries = timing["queries"] == timings[0]["queries"]
        figures.append(
            Figure(
                f"Supervision dashboard, {workers:,} workers x 5 years",
                f"{timing['ms']:.0f} ms, {timing['queries']} queries (fastest {timing['fastest_ms']:.0f} ms)",
                f"< {target} ms" + ("" if workers == SIZES[0][0] else f", {timings[0]['queries']} queries"),
                timing["ms"] < target and same_queries,
            )
        )
    return figures
