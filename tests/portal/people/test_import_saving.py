"""Bulk import of people from an HR spreadsheet: the preview, and saving it all in one transaction."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from portal.models import AuditEvent, AuditKind, Invitation, User
from portal.people import import_saving
from portal.people.import_checks import plan_import
from portal.people.import_saving import ImportNotSavedError, apply_import
from portal.roles import Role
from tests.factories import UserFactory
from tests.portal.people.import_helpers import TODAY, csv_text, plan, row, save, upload

# --- The preview --------------------------------------------------------------------------


def test_each_row_is_new_changed_with_before_and_after_or_unchanged(people_admin, worker, supervisor, other_team):
    unchanged = row(worker.email, name=worker.full_name, team=worker.team.name, job_title=worker.job_title)
    moved = row(supervisor.email, name=supervisor.full_name, team=other_team.name, working_hours="22.5")

    result = plan([row("new@example.org", roles="Social worker"), moved, unchanged], people_admin)

    assert [r.status for r in result.rows] == ["new", "changed", "unchanged"]
    assert result.rows[1].shown_changes == [
        ("Team", "Assessment and Family Support", "Children in Care"),
        ("Working hours", "37", "22.5"),
    ]
    assert ("Roles", "", "Social worker") in result.rows[0].shown_changes
    assert result.can_confirm


def test_an_empty_value_is_stored_empty_and_shown_as_not_set(client, people_admin, team):
    person = UserFactory(team=team, job_title="", email="sam@example.org")
    rows = [row(person.email, name=person.full_name, team=team.name, job_title="Senior Social Worker")]

    result = plan(rows, people_admin)
    assert result.rows[0].changes == [("job_title", "", "Senior Social Worker")]
    assert result.rows[0].shown_changes == [("Job title", "Not set", "Senior Social Worker")]
    client.force_login(people_admin)
    upload(client, csv_text(rows))
    assert "Job title: Not set → Senior Social Worker" in client.get(reverse("people:import-preview")).text

    save(rows, people_admin)
    event = AuditEvent.objects.get(kind=AuditKind.PERSON_CHANGED, subject=person)
    assert event.changes == {"job_title": ["", "Senior Social Worker"]}
    assert event.change_rows() == [("Job title", "Not set", "Senior Social Worker")]


def test_preview_queries_are_bounded_for_200_rows(client, people_admin, team, django_assert_max_num_queries):
    existing = [UserFactory(team=team, email=f"existing{n}@example.org") for n in range(100)]
    rows = [
        row(p.email, name=p.full_name, line_manager_email="hr@example.org", roles="Social worker") for p in existing
    ]
    rows += [
        row(f"new{n}@example.org", line_manager_email=existing[n].email, start_date="1/9/2026") for n in range(100)
    ]
    client.force_login(people_admin)
    session = client.session
    session["people_import"] = {"text": csv_text(rows), "name": "hr.csv"}
    session.save()

    with django_assert_max_num_queries(15):
        response = client.get(reverse("people:import-preview"))

    assert response.status_code == 200
    assert "New people (100)" in response.content.decode()
    assert "People who change (100)" in response.content.decode()


# --- Saving -------------------------------------------------------------------------------


def test_saving_creates_and_changes_people_with_roles_managers_and_invitations(
    service_manager, worker, other_team, django_capture_on_commit_callbacks, mailoutbox
):
    # A service manager may give any role (a people administrator only those whose access they hold).
    rows = [
        row("nia@example.org", name="Nia Manager", roles="Supervisor; social worker", start_date="1/9/2026"),
        row(
            "ana@example.org",
            name="Ana Lima",
            line_manager_email="nia@example.org",
            asye_start_date="1/9/2026",
            working_hours="30",
        ),
        row(worker.email, name=worker.full_name, team=other_team.name, line_manager_email="nia@example.org"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        result = save(rows, service_manager)

    assert (result.count("new"), result.count("changed")) == (2, 1)
    nia, ana = User.objects.get(email="nia@example.org"), User.objects.get(email="ana@example.org")
    assert sorted(nia.role_names) == [Role.SOCIAL_WORKER, Role.SUPERVISOR]
    assert (ana.line_manager, ana.working_hours, ana.asye_start_date) == (nia, Decimal("30.0"), date(2026, 9, 1))
    assert ana.is_newly_qualified
    assert not nia.has_usable_password()
    worker.refresh_from_db()
    assert (worker.team, worker.line_manager) == (other_team, nia)
    assert Invitation.objects.filter(person__in=[nia, ana]).count() == 2
    assert sorted(mail.to[0] for mail in mailoutbox) == ["ana@example.org", "nia@example.org"]
    assert "/people/manage/invitation/" in mailoutbox[0].body
    imported = AuditEvent.objects.get(kind=AuditKind.PEOPLE_IMPORTED)
    assert imported.summary == "Imported hr.csv: 2 added, 1 changed, 0 unchanged; 2 invited"
    changed = AuditEvent.objects.get(kind=AuditKind.PERSON_CHANGED, subject=worker)
    assert changed.changes["team"] == ["Assessment and Family Support", "Children in Care"]
    assert AuditEvent.objects.filter(kind=AuditKind.PERSON_ADDED).count() == 2


def test_importing_the_same_file_twice_changes_nothing(people_admin, worker):
    rows = [row("nia@example.org", roles="Social worker"), row(worker.email, name="Renamed Worker")]
    save(rows, people_admin)
    counts = (User.objects.count(), AuditEvent.objects.count(), Invitation.objects.count())

    again = plan(rows, people_admin)

    assert [r.status for r in again.rows] == ["unchanged", "unchanged"]
    assert not again.can_confirm
    with pytest.raises(ImportNotSavedError, match="there is nothing to save"):
        save(rows, people_admin)
    assert (User.objects.count(), AuditEvent.objects.count(), Invitation.objects.count()) == counts


def test_any_error_anywhere_means_nothing_is_saved(people_admin):
    text = csv_text([row("good@example.org"), row("bad@example.org", team="Nowhere")])

    with pytest.raises(ImportNotSavedError, match="The file has errors"):
        apply_import(text, by=people_admin, expected_digest="0" * 64, today=TODAY)

    assert not User.objects.filter(email="good@example.org").exists()


def test_a_file_that_now_means_something_else_than_its_preview_is_not_saved(people_admin, worker):
    text = csv_text([row(worker.email, name="New Name")])
    digest = plan_import(text, by=people_admin, today=TODAY).digest()
    User.objects.filter(pk=worker.pk).update(job_title="Changed meanwhile", full_name="Another Name")

    with pytest.raises(ImportNotSavedError, match="after you checked the file"):
        apply_import(text, by=people_admin, expected_digest=digest, today=TODAY)

    assert User.objects.get(pk=worker.pk).full_name == "Another Name"


def test_a_failure_while_saving_rolls_everything_back(people_admin, worker, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the mail queue table is locked")

    monkeypatch.setattr(import_saving, "_invite", broken)
    with pytest.raises(RuntimeError):
        save([row("nia@example.org"), row(worker.email, name="Renamed Worker")], people_admin)

    assert not User.objects.filter(email="nia@example.org").exists()
    assert User.objects.get(pk=worker.pk).full_name != "Renamed Worker"
    assert not AuditEvent.objects.exists()


def test_saving_200_rows_takes_a_bounded_number_of_queries(people_admin, team, django_assert_max_num_queries):
    existing = [UserFactory(team=team) for _ in range(50)]
    rows = [row(p.email, name=p.full_name + " Jr", roles="Social worker") for p in existing]
    rows += [row(f"new{n}@example.org", line_manager_email=existing[n % 50].email) for n in range(150)]
    text = csv_text(rows)
    digest = plan_import(text, by=people_admin, today=TODAY).digest()

    with django_assert_max_num_queries(30):
        apply_import(text, by=people_admin, expected_digest=digest, today=TODAY)

    assert User.objects.filter(email__startswith="new").count() == 150
