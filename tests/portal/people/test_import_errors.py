"""Bulk import of people from an HR spreadsheet: every error, by row and column."""

from datetime import timedelta

import pytest

from portal.models import User
from portal.roles import ROLES, Role
from tests.dates import as_shown
from tests.factories import TeamFactory, UserFactory
from tests.portal.people.import_helpers import TODAY, errors, plan, row

# --- Errors by row and column -------------------------------------------------------------


def test_every_error_is_given_by_row_and_column(people_admin, other_team):
    rows = [
        row("one@example.org", team="Nonexistent Team"),
        row("two@example.org", line_manager_email="nobody@example.org"),
        row("one@example.org", name="Someone Else"),
        row("four@example.org", start_date="31/02/2027"),
        row("five@example.org", roles="Social worker; Wizard"),
        row("six@example.org", name='=HYPERLINK("http://evil")'),
        row("not-an-email"),
        row("eight@example.org", working_hours="90"),
        row("nine@example.org", start_date="1/9/2026", leaving_date="1/8/2026"),
        row("ten@example.org", line_manager_email="ten@example.org"),
        row("eleven@example.org", working_hours="-5"),
    ]

    result = plan(rows, people_admin)

    assert errors(result) == [
        (2, "Team", "There is no team called “Nonexistent Team” in your service"),
        (3, "Line manager email", "There is no nobody@example.org in this file or in your service"),
        (4, "Email", "This email address is also on row 2: each person can be in the file once"),
        (5, "Start date", "“31/02/2027” is not a real date. Write it as day/month/year, like 27/3/2027"),
        (
            6,
            "Roles",
            "There is no role called “Wizard”. The roles are: " + ", ".join(sorted(ROLES)) + ". "
            "Separate them with semicolons",
        ),
        (
            7,
            "Full name",
            '“=HYPERLINK("http://evil")” starts with “=”, which a spreadsheet would run as a formula. '
            "Remove it, or save the cell as plain text",
        ),
        (8, "Email", "“not-an-email” is not an email address. Write it like name@example.gov.uk"),
        (9, "Working hours", "Working hours must be from 0.5 to 60 a week"),
        (10, "Leaving date", "The leaving date must be on or after the start date, 1 September 2026"),
        (11, "Line manager email", "A person cannot be their own line manager"),
        (
            12,
            "Working hours",
            "“-5” starts with “-”, which a spreadsheet would run as a formula. "
            "Remove it, or save the cell as plain text",
        ),
    ]
    assert not result.can_confirm


@pytest.mark.parametrize("start", ["+", "@", "-"])
def test_any_formula_like_cell_is_refused(people_admin, start):
    result = plan([row("a@example.org", job_title=f"{start}cmd|' /C calc'!A0")], people_admin)

    assert [error.column for error in result.errors] == ["Job title"]


def test_a_line_manager_may_be_another_row_or_someone_in_the_service(people_admin, supervisor):
    rows = [
        row("new.manager@example.org", name="Nia Manager"),
        row("a@example.org", line_manager_email="NEW.MANAGER@example.org"),
        row("b@example.org", line_manager_email=supervisor.email),
    ]

    result = plan(rows, people_admin)

    assert result.errors == []
    assert [r.values.get("line_manager") for r in result.rows] == [None, "new.manager@example.org", supervisor.email]


@pytest.mark.parametrize(("days", "when"), [(-10, "left on"), (0, "left on"), (30, "is leaving on")])
def test_a_line_manager_who_has_left_or_is_leaving_is_refused(people_admin, team, days, when):
    day = TODAY + timedelta(days=days)
    going = UserFactory(team=team, full_name="Tom Reyes", leaving_date=day)

    result = plan([row("a@example.org", line_manager_email=going.email)], people_admin)

    assert errors(result) == [
        (2, "Line manager email", f"Tom Reyes {when} {as_shown(day)}: choose someone who is staying")
    ]


def test_a_line_manager_who_is_leaving_may_stay_until_the_handover(people_admin, worker, supervisor):
    User.objects.filter(pk=supervisor.pk).update(leaving_date=TODAY + timedelta(days=30))

    result = plan(
        [row(worker.email, name=worker.full_name, line_manager_email=supervisor.email, job_title="Senior")],
        people_admin,
    )

    assert result.errors == []
    assert [r.status for r in result.rows] == ["changed"]


def test_someone_in_another_service_cannot_be_changed_or_be_a_line_manager(people_admin):
    stranger = UserFactory(team=TeamFactory(service__name="Adult Social Care"))

    result = plan([row(stranger.email), row("a@example.org", line_manager_email=stranger.email)], people_admin)

    assert [(e.row, e.column) for e in result.errors] == [(2, "Email"), (3, "Line manager email")]


def test_line_management_cannot_go_round_in_a_circle(people_admin, supervisor, worker):
    result = plan([row(supervisor.email, name=supervisor.full_name, line_manager_email=worker.email)], people_admin)

    assert errors(result) == [
        (
            2,
            "Line manager email",
            f"{worker.email} is managed by {supervisor.full_name}, directly or further down the line, "
            "so cannot be their line manager",
        )
    ]


def test_an_administrator_cannot_change_their_own_roles(people_admin):
    result = plan([row(people_admin.email, name=people_admin.full_name, roles="Service manager")], people_admin)

    assert [e.message for e in result.errors] == [
        "You cannot give the role Service manager: only a service manager can give a role with access you do not "
        "have yourself"
    ]
    result = plan([row(people_admin.email, name=people_admin.full_name, roles="Social worker")], people_admin)
    assert [e.message for e in result.errors] == ["You cannot change your own roles: ask another people administrator"]


def test_roles_an_administrator_cannot_give_stay_as_they_are(people_admin, service_manager):
    result = plan([row(service_manager.email, name=service_manager.full_name, roles="Social worker")], people_admin)

    assert result.errors == []
    assert result.rows[0].values["roles"] == (Role.SERVICE_MANAGER, Role.SOCIAL_WORKER)
