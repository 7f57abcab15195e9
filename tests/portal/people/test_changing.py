"""Changing a person's team, line manager, ASYE start date and roles, with a reason, on the audit trail; who may
be a line manager, and edits made since the form opened."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.models import AuditEvent, AuditKind, User
from portal.people import selectors, services
from portal.roles import Role
from tests.dates import as_shown
from tests.factories import UserFactory
from tests.portal.people.helpers import add_form, change_form, errors, new_person

# --- Changing -----------------------------------------------------------------------------


def test_changing_team_and_line_manager_is_audited_with_before_after_and_reason(
    admin_client, admin, worker, other_team, other_supervisor
):
    old_team, old_manager = worker.team, worker.line_manager
    response = admin_client.post(
        reverse("people:change", args=[worker.pk]),
        change_form(worker, team=other_team.pk, line_manager=other_supervisor.pk, working_hours="22.5"),
    )
    assert response.status_code == 302
    worker.refresh_from_db()
    assert (worker.team, worker.line_manager, worker.working_hours) == (other_team, other_supervisor, Decimal("22.5"))
    event = AuditEvent.objects.get(subject=worker, kind=AuditKind.PERSON_CHANGED)
    assert event.actor == admin
    assert event.summary == "Moved to the Children in Care team from 1 March"
    assert event.changes == {
        "team": [old_team.name, other_team.name],
        "line_manager": [old_manager.full_name, other_supervisor.full_name],
        "working_hours": ["37", "22.5"],
    }


def test_the_asye_start_date_can_be_changed_and_is_audited_with_before_and_after(admin_client, worker):
    page = admin_client.get(reverse("people:change", args=[worker.pk]))
    assert 'name="asye_start_date"' in page.text

    admin_client.post(reverse("people:change", args=[worker.pk]), change_form(worker, asye_start_date="7 9 2026"))
    worker.refresh_from_db()
    assert (worker.asye_start_date, worker.is_newly_qualified) == (date(2026, 9, 7), True)
    event = AuditEvent.objects.get(subject=worker, kind=AuditKind.PERSON_CHANGED)
    assert event.changes == {"asye_start_date": [None, "2026-09-07"]}
    assert event.change_rows() == [("ASYE start date", "Not set", "7 September 2026")]

    # The form shows the date as the hint asks for it, and clearing it means they are no longer newly qualified.
    page = admin_client.get(reverse("people:change", args=[worker.pk]))
    assert page.context["form"]["asye_start_date"].value() == "7 9 2026"
    admin_client.post(reverse("people:change", args=[worker.pk]), change_form(worker, asye_start_date=""))
    worker.refresh_from_db()
    assert (worker.asye_start_date, worker.is_newly_qualified) == (None, False)
    latest = AuditEvent.objects.filter(subject=worker, kind=AuditKind.PERSON_CHANGED).latest("pk")
    assert latest.changes == {"asye_start_date": ["2026-09-07", None]}


def test_an_asye_start_date_changed_since_the_form_opened_is_a_conflict(admin_client, worker):
    stale = change_form(worker, job_title="Senior Social Worker")
    User.objects.filter(pk=worker.pk).update(asye_start_date=date(2026, 9, 7), is_newly_qualified=True)
    response = admin_client.post(reverse("people:change", args=[worker.pk]), stale)
    assert "Someone else changed" in response.text
    worker.refresh_from_db()
    assert (worker.job_title, worker.asye_start_date) == ("Social Worker", date(2026, 9, 7))


def test_a_reason_is_required(admin_client, worker, other_team):
    response = admin_client.post(reverse("people:change", args=[worker.pk]), change_form(worker, reason=""))
    assert "Enter the reason for the change" in errors(response)


def test_roles_change_is_audited_and_keeps_roles_the_administrator_cannot_touch(admin_client, team):
    person = UserFactory(team=team, roles=[Role.SUPERVISOR])
    admin_client.post(reverse("people:change", args=[person.pk]), change_form(person, roles=[Role.SOCIAL_WORKER]))
    assert sorted(User.objects.get(pk=person.pk).role_names) == [Role.SOCIAL_WORKER, Role.SUPERVISOR]
    event = AuditEvent.objects.get(subject=person, kind=AuditKind.ROLES_CHANGED)
    assert event.changes == {"roles": [[Role.SUPERVISOR], [Role.SOCIAL_WORKER, Role.SUPERVISOR]]}


def test_a_person_cannot_change_their_own_roles(admin_client, admin):
    response = admin_client.post(
        reverse("people:change", args=[admin.pk]), change_form(admin, roles=[Role.SOCIAL_WORKER])
    )
    assert "You cannot change your own roles" in errors(response)
    assert User.objects.get(pk=admin.pk).role_names == [Role.PEOPLE_ADMINISTRATOR]
    with pytest.raises(services.PersonError, match="your own roles"):
        services.change_person(
            admin,
            services.Changes(admin.team, None, admin.job_title, admin.working_hours, admin.asye_start_date),
            roles=[],
            reason="x",
            seen=services.fingerprint(admin),
            by=admin,
        )


def test_a_people_administrator_cannot_grant_a_role_they_do_not_hold(admin_client, worker):
    response = admin_client.post(
        reverse("people:change", args=[worker.pk]), change_form(worker, roles=[Role.SERVICE_MANAGER])
    )
    assert "You can only give the roles listed" in errors(response)
    assert User.objects.get(pk=worker.pk).role_names == [Role.SOCIAL_WORKER]


def test_a_service_manager_may_grant_any_role(client, service_manager, worker):
    client.force_login(service_manager)
    client.post(reverse("people:change", args=[worker.pk]), change_form(worker, roles=[Role.TRAINING_COORDINATOR]))
    assert User.objects.get(pk=worker.pk).role_names == [Role.TRAINING_COORDINATOR]


def test_a_line_manager_cannot_be_the_person_or_someone_they_manage(admin_client, supervisor, worker, team):
    report_of_report = UserFactory(team=team, line_manager=worker)
    response = admin_client.post(
        reverse("people:change", args=[supervisor.pk]), change_form(supervisor, line_manager=supervisor.pk)
    )
    assert "not the person themselves" in errors(response)
    for report in (worker, report_of_report):
        response = admin_client.post(
            reverse("people:change", args=[supervisor.pk]), change_form(supervisor, line_manager=report.pk)
        )
        assert "because" in errors(response)
        assert "manages them" in errors(response)
    assert User.objects.get(pk=supervisor.pk).line_manager is None


@pytest.mark.parametrize("days", [-30, 0, 30])
def test_someone_who_has_left_or_is_leaving_cannot_become_a_line_manager(admin_client, admin, worker, team, days):
    day = timezone.localdate() + timedelta(days=days)
    going = UserFactory(team=team, full_name="Tom Reyes", leaving_date=day)
    when = "is leaving on" if days > 0 else "left on"
    message = f"Tom Reyes {when} {as_shown(day)}: choose someone who is staying"

    changed = admin_client.post(reverse("people:change", args=[worker.pk]), change_form(worker, line_manager=going.pk))
    assert changed.context["form"].errors["line_manager"] == [message]
    assert User.objects.get(pk=worker.pk).line_manager != going

    added = admin_client.post(reverse("people:add"), add_form(team, line_manager=going.pk))
    assert added.context["form"].errors["line_manager"] == [message]
    assert not User.objects.filter(email="nia.roberts@example.org").exists()

    with pytest.raises(services.PersonError, match="choose someone who is staying"):
        services.add_person(new_person(team, line_manager=going), roles=[], by=admin)


def test_a_line_manager_who_is_leaving_may_stay_until_the_handover(admin_client, worker, supervisor):
    User.objects.filter(pk=supervisor.pk).update(leaving_date=timezone.localdate() + timedelta(days=30))
    response = admin_client.post(
        reverse("people:change", args=[worker.pk]), change_form(worker, job_title="Senior Social Worker")
    )
    assert response.status_code == 302
    worker.refresh_from_db()
    assert (worker.job_title, worker.line_manager) == ("Senior Social Worker", supervisor)


def test_a_change_made_since_the_form_opened_is_refused(admin_client, worker, other_team, team):
    stale = change_form(worker, job_title="Senior Social Worker")
    User.objects.filter(pk=worker.pk).update(team=other_team)
    response = admin_client.post(reverse("people:change", args=[worker.pk]), stale)
    assert "Someone else changed" in response.text
    worker.refresh_from_db()
    assert worker.job_title == "Social Worker"
    assert worker.team == other_team
    assert not AuditEvent.objects.filter(kind=AuditKind.PERSON_CHANGED).exists()
    # The form now shows the record as it is, with the reason kept, ready to save again.
    assert response.context["form"]["team"].value() == other_team.pk
    assert "Moved to the Children in Care team" in response.text


def test_saving_with_no_change_says_so(admin_client, worker):
    response = admin_client.post(reverse("people:change", args=[worker.pk]), change_form(worker))
    assert "You have not changed anything" in response.text


def test_reports_of_follows_the_whole_chain(team):
    top = UserFactory(team=team)
    middle = UserFactory(team=team, line_manager=top)
    bottom = UserFactory(team=team, line_manager=middle)
    UserFactory(team=team)
    assert selectors.reports_of(top) == {middle.pk, bottom.pk}
