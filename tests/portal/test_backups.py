"""`manage.py backup` and `manage.py restore`: a backup restores, whole and unchanged, into a fresh database.

pg_dump reads through a connection of its own, so these tests commit their data (transaction=True):
rows inside pytest-django's usual test transaction would be invisible to it.
"""

import io
import stat
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection as django_connection

from portal import audit, backups
from portal.models import AuditKind
from supervision.models import Addendum, CaseDiscussion, Session
from tests.factories import (
    ActionFactory,
    AgreementFactory,
    BookingFactory,
    GlossaryTermFactory,
    GroupSessionFactory,
    SessionFactory,
    UserFactory,
    draft_part,
    evaluation_of,
    past_course_date,
    published_part,
)
from training.services import attach_certificate

# The apps whose records matter most: every value of their tables must come back.
CHECKSUMMED_APPS = ["supervision", "training", "practice_guide"]


def checksummed_tables() -> list[str]:
    return sorted(
        model._meta.db_table
        for label in CHECKSUMMED_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    )


def make_records_in_every_app():
    editor = UserFactory(full_name="Siân Ní Bhriain", job_title="Practice Development Lead")
    supervisor = UserFactory(full_name="Tom Okafor", job_title="Team Manager")
    worker = UserFactory(team=supervisor.team, line_manager=supervisor, full_name="Zoë Adéyemí")
    audit.record(AuditKind.PERSON_ADDED, actor=editor, subject=worker, summary="Added Zoë Adéyemí")

    part = published_part("what-to-expect", "What to expect", by=editor, body="Your social worker — and you.")
    published_part("your-rights", "Your rights", by=editor)
    draft_part("secret-plans", "Secret draft plans", by=editor)
    GlossaryTermFactory(term="advocate", definition="Someone who helps you say what you think.")
    part.feedback.create(useful=False, comment="Too long; “plain words” please.")

    AgreementFactory(supervisee=worker, supervisor=supervisor)
    notes = {"experience": "A visit in Tower Hamlets: “Dad felt unheard”.", "support": "Tired — 24 children."}
    session = SessionFactory(supervisee=worker, supervisor=supervisor, notes=notes)
    CaseDiscussion.objects.create(session=session, case_reference="CS-10442", discussion="Planning a core group.")
    ActionFactory(session=session)
    Addendum.objects.create(session=session, author=worker, text="I disagree with the second point.\nSee below.")
    GroupSessionFactory(facilitator=supervisor).attendees.add(worker, editor)

    course_date = past_course_date(20)
    evaluation = evaluation_of(course_date, 5, person=worker)
    # A certificate is bytes in the database, NUL bytes and all.
    attach_certificate(evaluation.booking, content=b"%PDF-1.7\x00\xff\x10 end", name="cert.pdf", content_type="pdf")
    BookingFactory(person=supervisor)


@pytest.fixture
def source():
    return backups.Connection.from_django(django_connection.settings_dict)


@pytest.fixture
def fresh_database(source):
    """The name of a database that does not exist yet on the test server; dropped afterwards."""
    name = f"{source.dbname}_restored"[:63]
    backups.drop_database(source, name)
    yield source.to(name)
    backups.drop_database(source, name)


@pytest.fixture
def backup_file(transactional_db, tmp_path):
    make_records_in_every_app()
    path = tmp_path / "portal.dump"
    out = io.StringIO()
    call_command("backup", output=path, stdout=out)
    assert f"to {path}:" in out.getvalue()
    return path


def test_a_restored_backup_has_every_row_and_value_of_the_source(backup_file, source, fresh_database):
    assert stat.S_IMODE(backup_file.stat().st_mode) == 0o600
    assert not Path(f"{backup_file}.partial").exists()

    call_command("restore", str(backup_file), database_name=fresh_database.dbname)

    source_counts = backups.row_counts(source)
    assert backups.row_counts(fresh_database) == source_counts
    tables = checksummed_tables()
    for label in CHECKSUMMED_APPS:
        prefix = f"{label}_"
        assert any(source_counts[t] for t in tables if t.startswith(prefix)), f"no {label} records to compare"
    assert source_counts["supervision_session"] == 1
    assert source_counts["training_booking"] == 2
    assert backups.checksums(fresh_database, tables) == backups.checksums(source, tables)


def test_backup_refuses_to_overwrite_a_file(backup_file):
    before = backup_file.read_bytes()
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", output=backup_file)
    assert backup_file.read_bytes() == before


def test_restore_refuses_a_database_that_has_tables(backup_file):
    Session.objects.all().delete()

    with pytest.raises(CommandError, match="is not empty: it has .* tables"):
        call_command("restore", str(backup_file))
    assert not Session.objects.exists()


def test_replace_swaps_the_contents_of_a_database_for_the_backups(backup_file, source, fresh_database):
    call_command("restore", str(backup_file), database_name=fresh_database.dbname)
    with fresh_database.connect() as conn:
        conn.execute("DELETE FROM supervision_addendum")
        conn.execute("UPDATE supervision_session SET caseload_children = caseload_children + 1")
    changed = backups.checksums(fresh_database, ["supervision_session", "training_booking"])
    original = backups.checksums(source, ["supervision_session", "training_booking"])
    # The checksum notices one changed number, and only where it changed.
    assert changed["supervision_session"] != original["supervision_session"]
    assert changed["training_booking"] == original["training_booking"]

    with pytest.raises(CommandError, match="is not empty"):
        call_command("restore", str(backup_file), database_name=fresh_database.dbname)
    call_command("restore", str(backup_file), database_name=fresh_database.dbname, replace=True)

    assert backups.row_counts(fresh_database) == backups.row_counts(source)
    tables = checksummed_tables()
    assert backups.checksums(fresh_database, tables) == backups.checksums(source, tables)

    # A table made since the backup (a later migration) would be left behind: refused.
    with fresh_database.connect() as conn:
        conn.execute("CREATE TABLE added_later (id integer PRIMARY KEY)")
    with pytest.raises(CommandError, match=r"tables the backup does not \(added_later\)"):
        call_command("restore", str(backup_file), database_name=fresh_database.dbname, replace=True)


def test_a_failed_restore_into_a_new_database_leaves_no_database_behind(backup_file, source, fresh_database):
    """pg_restore stops at the first error, in one transaction; the database it was given is dropped."""
    truncated = backup_file.with_name("truncated.dump")
    truncated.write_bytes(backup_file.read_bytes()[:-100])

    with pytest.raises(CommandError, match="pg_restore failed"):
        call_command("restore", str(truncated), database_name=fresh_database.dbname)
    assert not backups.database_exists(source, fresh_database.dbname)


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("Supervision notes, not a backup.")

    with pytest.raises(CommandError, match="cannot be read as a backup made by pg_dump --format=custom"):
        call_command("restore", str(not_a_backup), database_name="portal_check")
    with pytest.raises(CommandError, match="There is no backup file"):
        call_command("restore", str(tmp_path / "missing.dump"), database_name="portal_check")


def test_restore_refuses_a_database_name_that_would_need_quoting(tmp_path):
    with pytest.raises(CommandError, match="not a database name this command accepts"):
        call_command("restore", str(tmp_path / "x.dump"), database_name="portal; DROP DATABASE portal")


def test_backup_says_which_pg_dump_to_install_when_none_is_new_enough(monkeypatch, tmp_path):
    monkeypatch.setattr(backups, "server_major", lambda connection: 99)

    with pytest.raises(CommandError, match=r"No pg_dump for PostgreSQL 99 or newer.*postgresql-client-99"):
        call_command("backup", output=tmp_path / "portal.dump")
    assert list(tmp_path.iterdir()) == []


def test_the_oldest_pg_dump_that_is_new_enough_is_chosen(monkeypatch):
    tools = [backups.Tool(Path(f"/pg{major}/pg_dump"), major) for major in (18, 15, 16)]
    monkeypatch.setattr(backups, "installed_tools", lambda name: tools)

    assert backups.find_tool("pg_dump", 16).major == 16
    assert backups.find_tool("pg_dump", 17).major == 18
    with pytest.raises(backups.BackupError, match="found: /pg18/pg_dump"):
        backups.find_tool("pg_dump", 19)


def test_the_password_goes_to_pg_dump_in_its_environment_not_its_command_line(monkeypatch, tmp_path):
    """A command line is visible to every user of the machine (ps); a process's environment is not."""
    connection = backups.Connection.from_django(
        {
            "NAME": "portal",
            "USER": "portal",
            "PASSWORD": "correct horse battery staple",
            "HOST": "db.internal",
            "PORT": 5432,
            "OPTIONS": {"sslmode": "require", "assume_role": "portal_owner", "options": "-c statement_timeout=4000"},
        }
    )
    runs = []

    def run(command, *, env, **kwargs):
        runs.append((command, env))
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(backups, "server_major", lambda connection: 16)
    monkeypatch.setattr(backups, "find_tool", lambda name, major: backups.Tool(Path("/pg16/pg_dump"), 16))
    monkeypatch.setattr(backups.subprocess, "run", run)

    backups.backup(connection, tmp_path / "portal.dump")

    [(command, env)] = runs
    assert not any("horse" in argument for argument in command)
    assert "--no-password" in command
    assert "--role=portal_owner" in command
    assert env["PGPASSWORD"] == "correct horse battery staple"
    assert (env["PGHOST"], env["PGPORT"], env["PGDATABASE"], env["PGSSLMODE"]) == (
        "db.internal",
        "5432",
        "portal",
        "require",
    )
    # The site's statement timeout would cut a long backup short: a later setting lifts it.
    assert env["PGOPTIONS"] == "-c statement_timeout=4000 -c statement_timeout=0"


def test_the_default_backup_file_is_named_for_the_database_and_the_utc_time():
    path = backups.default_backup_path("portal", datetime(2026, 12, 1, 4, 5, 6, tzinfo=UTC))

    assert path == backups.BACKUP_DIR / "portal-20261201T040506Z.dump"
