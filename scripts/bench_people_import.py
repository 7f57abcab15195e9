"""`make bench` (and on its own): how long a 2,000-row import from HR takes to check and to save.

Builds a service with 12 teams and 1,000 people, and a CSV file of 2,000 rows: those 1,000 people
with a changed job title, team or line manager, and 1,000 new people with roles, line managers (half
of them other new people in the same file) and dates. Then, in-process through Django's test client
(so the figures are the server's own time, without a network), it times:

- upload: reading and checking the file's headings;
- preview: checking every row against the portal and rendering the preview page;
- import: confirming, which checks the file again and saves it all in one transaction, with an
  invitation for each new person (emails go to Django's in-memory backend, not a mail server);
- preview again: the same file a second time, where every row is unchanged.

The people it makes are deleted at the end. Without DATABASE_URL it uses its own embedded server
(`.devdb-bench`), like scripts/bench.py, never the demo database.
"""

import csv
import io
import os
import statistics
import sys
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
    }
)

# Static files are served from the finders here; there is no collectstatic folder to find.
warnings.filterwarnings("ignore", message="No directory at")
ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "2000"))
TEAMS = 12
SERVICE = "People import bench service"


def build(Service, Team, User, Group, Role):  # noqa: N803 - the models, passed in after django.setup()
    from django.contrib.auth.hashers import make_password

    service, _created = Service.objects.get_or_create(name=SERVICE)
    teams = [Team.objects.get_or_create(service=service, name=f"Import bench team {n + 1}")[0] for n in range(TEAMS)]
    admin, _created = User.objects.get_or_create(
        email="bench-people-admin@example.org", defaults={"full_name": "Bench Administrator", "team": teams[0]}
    )
    admin.groups.set(Group.objects.filter(name=Role.SERVICE_MANAGER))
    existing = ROWS // 2
    User.objects.bulk_create(
        [
            User(
                email=f"bench-existing-{n}@example.org",
                full_name=f"Existing Person {n}",
                team=teams[n % TEAMS],
                job_title="Social Worker",
                password=make_password(None),
            )
            for n in range(existing)
        ]
    )
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Email", "Full name", "Team", "Job title", "Line manager email", "Roles", "Start date",
                     "ASYE start date", "Working hours", "Leaving date"])  # fmt: skip
    for n in range(existing):
        writer.writerow([f"bench-existing-{n}@example.org", f"Existing Person {n}", teams[(n + 1) % TEAMS].name,
                         "Senior Social Worker", admin.email, "Social worker", "1/9/2024", "", "37", ""])  # fmt: skip
    for n in range(ROWS - existing):
        manager = f"bench-new-{n - 1}@example.org" if n % 2 else f"bench-existing-{n % existing}@example.org"
        writer.writerow([f"bench-new-{n}@example.org", f"New Person {n}", teams[n % TEAMS].name, "Social Worker",
                         manager, "Social worker; Supervisor" if n % 10 == 0 else "Social worker", "5/1/2027",
                         "5/1/2027" if n % 3 == 0 else "", "22.5" if n % 4 == 0 else "", ""])  # fmt: skip
    return service, admin, out.getvalue().encode()


def timed(action):
    start = time.perf_counter()
    response = action()
    return response, time.perf_counter() - start


def main() -> int:
    from portal import devdb

    if not os.environ.get("DATABASE_URL"):
        devdb.hold_for_this_process()
    import django

    django.setup()
    from django.contrib.auth.models import Group
    from django.core import mail
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from portal.models import AuditEvent, Service, Team, User
    from portal.roles import Role

    call_command("migrate", "--noinput", verbosity=0)
    setup_test_environment()  # the in-memory mail outbox
    clean_up(Service, Team, User, AuditEvent)
    service, admin, content = build(Service, Team, User, Group, Role)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(admin)
    lines = [f"People import: a {ROWS:,}-row file ({len(content) / 1024:.0f} KB), {TEAMS} teams, in-process"]
    try:
        for label, action in [
            (
                "Upload (read and check headings)",
                lambda: client.post(
                    "/people/manage/import/", {"file": SimpleUploadedFile("hr.csv", content)}, secure=True
                ),
            ),
            ("Preview (check every row, render)", lambda: client.get("/people/manage/import/preview/", secure=True)),
        ]:
            with CaptureQueriesContext(connection) as queries:
                response, seconds = timed(action)
            if response.status_code not in (200, 302):
                raise SystemExit(f"{label} answered {response.status_code}")
            lines.append(f"{label:<40} {seconds:>7.2f} s {len(queries):>6} queries")
        plan = response.context["plan"]
        if plan.errors:
            raise SystemExit(f"The bench file has errors: {plan.errors[:3]}")
        with CaptureQueriesContext(connection) as queries:
            response, seconds = timed(
                lambda: client.post("/people/manage/import/confirm/", {"digest": plan.digest()}, secure=True)
            )
        saved = User.objects.filter(team__service=service).count()
        lines.append(
            f"{'Import (check again, save, invite)':<40} {seconds:>7.2f} s {len(queries):>6} queries "
            f"({plan.count('new'):,} added, {plan.count('changed'):,} changed, {len(mail.outbox):,} emails)"
        )
        client.post("/people/manage/import/", {"file": SimpleUploadedFile("hr.csv", content)}, secure=True)
        repeats = []
        for _ in range(3):
            response, seconds = timed(lambda: client.get("/people/manage/import/preview/", secure=True))
            repeats.append(seconds)
        unchanged = response.context["plan"].count("unchanged")
        lines.append(
            f"{'Preview of the same file again':<40} {statistics.median(repeats):>7.2f} s "
            f"(median of 3; {unchanged:,} of {ROWS:,} rows unchanged; {saved:,} people in the service)"
        )
    finally:
        clean_up(Service, Team, User, AuditEvent)
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def clean_up(Service, Team, User, AuditEvent):  # noqa: N803
    people = User.objects.filter(team__service__name=SERVICE)
    AuditEvent.objects.filter(subject__in=people).delete()
    AuditEvent.objects.filter(actor__email="bench-people-admin@example.org").delete()
    people.delete()
    Team.objects.filter(service__name=SERVICE).delete()
    Service.objects.filter(name=SERVICE).delete()


if __name__ == "__main__":
    sys.exit(main())
