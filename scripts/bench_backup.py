"""`make bench` (and on its own): how long a backup and a restore take, and how big the backup is.

Two data sets, each in a database of its own (`bench_backup_source`) on the bench's server:

- the demo data (`load_demo`);
- the demo data and the bench data (`make_supervision_bench_data`: 200 workers with five years of
  supervision; `make_training_bench_data`: 2,000 people, 50 courses and 100,000 bookings).

For each, `manage.py backup`'s pg_dump and `manage.py restore`'s pg_restore into a new database
(`bench_backup_restored`) run BENCH_BACKUP_RUNS times (default 3) and the medians are printed, with
the time restore then spends gathering planner statistics (ANALYZE). The first restore of each set is
checked: every table's row count, and a checksum of every supervision, training and guide table, must
equal the source's. Both databases and the backup files are removed at the end.

Without DATABASE_URL it uses its own embedded server (`.devdb-bench`), like scripts/bench.py; with
DATABASE_URL it makes the two databases on that server (the role needs CREATEDB).
"""

import io
import os
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

if not os.environ.get("DATABASE_URL"):
    os.environ.setdefault("PORTAL_DEVDB_DIR", str(ROOT / ".devdb-bench"))
os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DEBUG": "false",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "bench-only-not-secret",
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_MANIFEST": "false",
        "REQUIRE_MFA": "false",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "LOG_LEVEL": "WARNING",
        # Making the bench data runs statements longer than the site's limit for requests.
        "DATABASE_STATEMENT_TIMEOUT": "0",
    }
)
warnings.filterwarnings("ignore", message="No directory at")

RUNS = int(os.environ.get("BENCH_BACKUP_RUNS", "3"))
SOURCE = "bench_backup_source"
RESTORED = "bench_backup_restored"
CHECKSUMMED_APPS = ["supervision", "training", "practice_guide"]


def main() -> int:
    from portal import devdb

    if not os.environ.get("DATABASE_URL"):
        devdb.hold_for_this_process()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections

    from portal import backups

    server = backups.Connection.from_django(connections["default"].settings_dict)
    major = backups.server_major(server)
    source, restored = server.to(SOURCE), server.to(RESTORED)
    for name in (SOURCE, RESTORED):
        backups.drop_database(server, name)
    backups.create_database(server, SOURCE)
    # Before Django's first query: from here on the site's own database is the bench's source.
    connections["default"].settings_dict["NAME"] = SOURCE
    work = Path(tempfile.mkdtemp(prefix="bench-backup-"))
    quiet = {"verbosity": 0, "stdout": io.StringIO()}
    results = []
    try:
        call_command("migrate", "--noinput", **quiet)
        call_command("load_demo", "--force", **quiet)
        results.append(measure("Demo data", backups, server, source, restored, work))
        call_command("make_supervision_bench_data", "--force", **quiet)
        call_command("make_training_bench_data", "--force", **quiet)
        results.append(measure("Demo and bench data", backups, server, source, restored, work))
    finally:
        connections.close_all()
        for name in (SOURCE, RESTORED):
            backups.drop_database(server, name)
        shutil.rmtree(work, ignore_errors=True)
    sys.stdout.write(report(results, major) + "\n")
    return 0


def measure(label, backups, server, source, restored, work) -> dict:
    from django.apps import apps

    tables = sorted(
        model._meta.db_table
        for app in CHECKSUMMED_APPS
        for model in apps.get_app_config(app).get_models(include_auto_created=True)
    )
    counts = backups.row_counts(source)
    sums = backups.checksums(source, tables)
    runs = []
    for run in range(RUNS):
        path = work / f"run{run}.dump"
        made = backups.backup(source, path)
        backups.drop_database(server, RESTORED)
        started = time.monotonic()
        put_back = backups.restore(restored, path)
        total = time.monotonic() - started
        if run == 0:
            check(label, backups.row_counts(restored), counts, backups.checksums(restored, tables), sums)
        runs.append((made.seconds, made.size, put_back.seconds, put_back.analyse_seconds, total))
        path.unlink()
    medians = [statistics.median(values) for values in zip(*runs, strict=True)]
    return {
        "label": label,
        "rows": sum(counts.values()),
        "tables": len(counts),
        "backup": medians[0],
        "size": medians[1],
        "restore": medians[2],
        "analyse": medians[3],
        "total": medians[4],
        "pg_dump": made.tool.path,
    }


def check(label, counts, expected_counts, sums, expected_sums) -> None:
    wrong = sorted(t for t in expected_counts if counts.get(t) != expected_counts[t])
    wrong += sorted(t for t in expected_sums if sums.get(t) != expected_sums[t])
    if wrong:
        raise SystemExit(f"{label}: the restored database differs from the source in {', '.join(wrong)}")


def report(results, major) -> str:
    lines = [
        f"Backup and restore (medians of {RUNS} runs; PostgreSQL {major}; restored copies match the source: "
        "row counts of every table, checksums of the supervision, training and guide tables)",
        f"{'Data set':<22} {'Rows':>10} {'Backup':>8} {'File':>9} {'Restore':>8} {'ANALYZE':>8} {'Whole restore':>14}",
    ]
    for r in results:
        lines.append(
            f"{r['label']:<22} {r['rows']:>10,} {r['backup']:>6.1f} s {r['size'] / 1e6:>6.1f} MB "
            f"{r['restore']:>6.1f} s {r['analyse']:>6.1f} s {r['total']:>12.1f} s"
        )
    lines.append(f"pg_dump: {results[-1]['pg_dump']}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
