"""The guide's search at 1,000 parts, measured in-process: the query, and the search page's server time.

`scripts/bench.py` calls `search_figures(env)` with the server's environment
(before gunicorn starts, like the matrix timing) and prints them beside the other figures. It publishes 1,000 bench
parts (`make_guide_bench_data`), measures, and deletes them again, so the guide pages that wrk drives
are the demo guide's whatever the order. On its own:

    PORTAL_DEVDB_DIR=... .venv/bin/python -m portal.devdb run -- .venv/bin/python scripts/bench_guide.py

(that makes the bench parts first, so use a disposable database). Each figure is the median of
several runs after one to warm up, for a few everyday searches, with its target and PASS or FAIL.
"""

from bench_figures import Figure
from serving import manage, shell

PARTS = 1000
TARGET_MS = 10.0
QUERIES = ["complaint", "social worker", "child protection plan", "meeting"]

# Run with `manage.py shell -c` and the server's environment, like bench.py's MATRIX_TIMING.
# The page is fetched with a fresh query string each time, so no cache can answer it.
SEARCH_TIMING = """
import statistics, sys, time
from django.db import connection
from django.test import Client
from practice_guide import selectors
from practice_guide.models import GuidePart, Reader
published = GuidePart.objects.published().count()
if published < {parts}:
    raise SystemExit(f"Only {{published}} published parts: run make_guide_bench_data --parts {parts} first")
queries = {queries!r}
client = Client(HTTP_HOST="127.0.0.1")
query_ms, page_ms, found = [], [], {{}}
for query in queries:
    found[query] = len(selectors.search(query, Reader.PARENTS))
    client.get("/guide/search/", {{"q": query}}, secure=True)
    for _ in range(7):
        start = time.perf_counter()
        selectors.search(query, Reader.PARENTS)
        query_ms.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        response = client.get("/guide/search/", {{"q": query}}, secure=True)
        page_ms.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"The search page answered {{response.status_code}}")
results = ", ".join(str(count) for count in found.values())
sys.stdout.write(f"{{published}} {{statistics.median(query_ms):.2f}} {{statistics.median(page_ms):.2f}} {{results}}\\n")
"""


def search_figures(env: dict, parts: int = PARTS) -> list[Figure]:
    """The search query and the search page at `parts` published parts, beside their target."""
    manage(env, "make_guide_bench_data", "--parts", str(parts), "--force", "--verbosity", "0")
    try:
        output = shell(env, SEARCH_TIMING.format(parts=parts, queries=QUERIES))
    finally:
        manage(env, "make_guide_bench_data", "--delete", "--force", "--verbosity", "0")
    published, query_ms, page_ms, results = output.split(" ", 3)
    query_ms, page_ms = float(query_ms), float(page_ms)
    target = f"< {TARGET_MS:.0f} ms"
    size = f"{int(published):,} parts"
    return [
        Figure(f"Guide search query, {size}", f"{query_ms:.2f} ms ({results} found)", target, query_ms < TARGET_MS),
        Figure(f"Guide search page, server time, {size}", f"{page_ms:.2f} ms", target, page_ms < TARGET_MS),
    ]
