"""The balance of the four functions and the length of sessions: recording them, the figures by person,
team and month, the team drift flag, short sessions under either standard, and the pages that show them.

The world (tests/conftest.py): `worker` is supervised by `supervisor` in `team`; `other_worker` is in
`other_team` of the same service; `service_manager` reads the whole service.
"""

import csv
import io
from datetime import date, timedelta
from fractions import Fraction

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from supervision import balance
from supervision.balance import MonthBalance, is_drifting
from supervision.dashboard import DashboardFilters, balance_figures, filtered_people, worker_rows
from supervision.models import Session, add_months
from supervision.standards import current_standard
from tests.factories import AgreementFactory, SessionFactory, UserFactory

DASHBOARD = reverse("supervision:dashboard")
SHORT_SESSIONS = reverse("supervision:dashboard-short-sessions")
CSV_URL = reverse("supervision:dashboard-csv")
MISMATCH = (
    "The four parts add up to 80 minutes but the session lasted 90 minutes. Make them add up, or leave all four empty"
)


@pytest.fixture
def today():
    return timezone.localdate()


def month_ago(today: date, months: int, day: int = 10) -> date:
    """A day in the calendar month `months` before this one (never after today)."""
    held_on = add_months(today.replace(day=1), -months).replace(day=day)
    return min(held_on, today)


def balanced(supervisee, supervisor, held_on, minutes, management, support, development, mediation, **fields):
    return SessionFactory(
        supervisee=supervisee,
        supervisor=supervisor,
        held_on=held_on,
        minutes=minutes,
        minutes_management=management,
        minutes_support=support,
        minutes_development=development,
        minutes_mediation=mediation,
        **fields,
    )


def text_of(response) -> str:
    return response.content.decode().replace("&#x27;", "'").replace("&quot;", '"')


# --- Recording the length and balance --------------------------------------------------------------


def record(client, session, **minutes) -> object:
    return client.post(
        reverse("supervision:session-record", args=[session.pk]),
        {
            "version": session.version,
            "frame": "4x4x4",
            "held_on": f"{session.held_on:%d %m %Y}",
            "note_experience": "Keep this text.",
            **minutes,
        },
    )


def test_the_supervisor_records_the_length_and_balance_and_the_session_page_shows_them(
    client, supervision_session, supervisor, worker
):
    client.force_login(supervisor)
    form = client.get(reverse("supervision:session-record", args=[supervision_session.pk])).content.decode()
    assert "Length and balance" in form
    assert "How the time was spent, in minutes" in form

    response = record(
        client,
        supervision_session,
        minutes="90",
        minutes_management="40",
        minutes_support="20",
        minutes_development="20",
        minutes_mediation="10",
    )
    assert response.status_code == 302
    session = Session.objects.get(pk=supervision_session.pk)
    assert (session.minutes, session.minutes_management, session.minutes_support) == (90, 40, 20)
    assert (session.minutes_development, session.minutes_mediation, session.reflective_minutes) == (20, 10, 40)
    assert session.version == supervision_session.version + 1

    client.force_login(worker)
    page = text_of(client.get(reverse("supervision:session-detail", args=[session.pk])))
    assert "90 minutes" in page
    # 40 of 90 minutes is 44%.
    assert "40 minutes, 44% of the session" in page
    assert "Short session" not in page

    # Opening the form again shows what was saved.
    client.force_login(supervisor)
    form = client.get(reverse("supervision:session-record", args=[session.pk])).content.decode()
    assert 'name="minutes_mediation" value="10"' in form


def test_the_length_alone_or_nothing_at_all_is_fine(client, supervision_session, supervisor):
    client.force_login(supervisor)
    assert record(client, supervision_session, minutes="75").status_code == 302
    session = Session.objects.get(pk=supervision_session.pk)
    assert session.minutes == 75
    assert not session.has_balance
    assert record(client, session, minutes="").status_code == 302
    assert Session.objects.get(pk=session.pk).minutes is None


@pytest.mark.parametrize(
    ("minutes", "message"),
    [
        (
            {
                "minutes": "90",
                "minutes_management": "40",
                "minutes_support": "20",
                "minutes_development": "10",
                "minutes_mediation": "10",
            },
            MISMATCH,
        ),
        ({"minutes": "99999999999999999999999"}, "The length of the session must be 480 (8 hours) or fewer"),
        ({"minutes": "9" * 5000}, "Enter the length of the session as a whole number of minutes, like 90"),
        ({"minutes": "0"}, "The length of the session must be at least 1 minute"),
        ({"minutes": "an hour"}, "Enter the length of the session as a whole number of minutes, like 90"),
        ({"minutes": "90", "minutes_support": "-5"}, "The minutes of support cannot be less than 0"),
        ({"minutes": "90", "minutes_mediation": "1e3"}, "Enter the minutes of mediation as a whole number, like 30"),
        ({"minutes": "90", "minutes_development": "481"}, "The minutes of development must be 480 (8 hours) or fewer"),
        (
            {"minutes": "90", "minutes_management": "60", "minutes_development": "30"},
            "Enter the minutes spent on support, or leave all four parts empty",
        ),
        (
            {
                "minutes_management": "60",
                "minutes_support": "10",
                "minutes_development": "10",
                "minutes_mediation": "10",
            },
            "Enter the length of the session: the four parts add up to 90 minutes",
        ),
    ],
    ids=[
        "do not add up",
        "huge",
        "thousands of digits",
        "zero",
        "words",
        "negative",
        "exponent",
        "part too long",
        "some parts",
        "parts without length",
    ],
)
def test_bad_minutes_get_a_specific_error_and_save_nothing(client, supervision_session, supervisor, minutes, message):
    client.force_login(supervisor)
    response = record(client, supervision_session, **minutes)
    body = text_of(response)
    assert response.status_code == 200
    assert "There is a problem" in body
    assert body.count(message) == 2  # in the error summary and by the field
    assert "Keep this text." in body
    session = Session.objects.get(pk=supervision_session.pk)
    assert session.minutes is None
    assert session.version == supervision_session.version


def test_every_missing_part_of_the_balance_is_reported_at_once(client, supervision_session, supervisor):
    client.force_login(supervisor)
    response = record(client, supervision_session, minutes_management="60")
    body = text_of(response)
    assert response.status_code == 200
    for message in [
        "Enter the length of the session, or leave all four parts empty",
        "Enter the minutes spent on support, or leave all four parts empty",
        "Enter the minutes spent on professional development, or leave all four parts empty",
        "Enter the minutes spent on mediation, or leave all four parts empty",
    ]:
        assert body.count(message) == 2, message  # in the error summary and by the field
    assert "spent on case management" not in body
    assert Session.objects.get(pk=supervision_session.pk).minutes is None


# --- The figures ---------------------------------------------------------------------------------


def test_a_persons_months_add_up_the_minutes_in_the_database(db, worker, supervisor, today):
    this_month, last_month = month_ago(today, 0, day=1), month_ago(today, 1)
    balanced(worker, supervisor, this_month, 90, 40, 20, 20, 10)
    balanced(worker, supervisor, this_month, 60, 30, 10, 5, 15)
    SessionFactory(supervisee=worker, supervisor=supervisor, held_on=this_month, minutes=120)
    SessionFactory(supervisee=worker, supervisor=supervisor, held_on=last_month, minutes=None)
    months = balance.person_balance(Session.objects.filter(supervisee=worker), balance.balance_start(today), today)
    assert [month.month for month in months] == [add_months(today.replace(day=1), -n) for n in range(5, -1, -1)]
    latest = months[-1]
    # By hand: management 40 + 30, support 20 + 10, development 20 + 5, mediation 10 + 15.
    assert (latest.management, latest.support, latest.development, latest.mediation) == (70, 30, 25, 25)
    assert (latest.sessions_with_length, latest.sessions_with_balance, latest.short_sessions) == (3, 2, 1)
    assert latest.recorded == 150
    assert latest.reflective_share == Fraction(55, 150)
    assert latest.reflective_percent == 37
    assert months[-2] == MonthBalance(months[-2].month)
    assert months[-2].reflective_percent is None


def test_teams_and_everyone_by_month(db, service_manager, worker, supervisor, other_worker, other_supervisor, today):
    last_month = month_ago(today, 1)
    balanced(worker, supervisor, last_month, 90, 30, 30, 20, 10)
    balanced(other_worker, other_supervisor, last_month, 120, 90, 10, 10, 10)
    figures = balance_figures(filtered_people(service_manager, DashboardFilters()), today, today)
    teams = {team.team_name: team.months[-2] for team in figures.teams}
    assert teams[worker.team.name].reflective_percent == 56  # 50 of 90
    assert teams[other_worker.team.name].reflective_percent == 17  # 20 of 120
    everyone = figures.everyone[-2]
    # 70 of 210 minutes: exactly a third, which is not under a third.
    assert (everyone.recorded, everyone.reflective, everyone.reflective_share) == (210, 70, Fraction(1, 3))
    assert not everyone.is_crowded_out


def months_with(shares: list[tuple[int, int] | None]) -> list[MonthBalance]:
    """Months oldest first, each (reflective minutes, other minutes) or None for nothing recorded."""
    start = date(2026, 1, 1)
    return [
        MonthBalance(add_months(start, n))
        if share is None
        else MonthBalance(add_months(start, n), 1, 1, 0, share[1], share[0], 0, 0)
        for n, share in enumerate(shares)
    ]


@pytest.mark.parametrize(
    ("shares", "drifting"),
    [
        ([(29, 61), (29, 61), (29, 61)], True),
        ([(30, 60), (29, 61), (29, 61)], False),  # exactly a third is not under
        ([(29, 61), (30, 60), (29, 61)], False),
        ([(29, 61), (29, 61)], False),  # only two months recorded
        ([(50, 50), (29, 61), None, (29, 61), (29, 61), None], True),  # months with nothing are skipped
        ([(29, 61), (29, 61), (29, 61), (50, 50)], False),  # the latest month recovered
        ([None, None, None], False),
    ],
)
def test_the_drift_flag_needs_three_months_running_under_a_third(shares, drifting):
    assert is_drifting(months_with(shares)) is drifting


def test_the_dashboard_flags_the_team_where_management_crowds_out_reflection(
    client, service_manager, worker, supervisor, other_worker, other_supervisor, today
):
    for months in (2, 1, 0):
        balanced(worker, supervisor, month_ago(today, months, day=1), 90, 40, 20, 20, 10)
        balanced(other_worker, other_supervisor, month_ago(today, months, day=1), 90, 61, 15, 14, 0)
    client.force_login(service_manager)
    page = text_of(client.get(DASHBOARD))
    assert f"Case management has crowded out reflection in {other_worker.team.name}:" in page
    assert "Yes, 3 months running" in page
    assert page.count("Yes, 3 months running") == 1
    assert "Reflective share by team and month" in page
    assert "32%" in page  # 29 of 90

    # One month back at a third lifts the flag.
    Session.objects.filter(supervisee=other_worker, held_on=month_ago(today, 1, day=1)).update(
        minutes_management=60, minutes_support=15, minutes_development=15
    )
    page = text_of(client.get(DASHBOARD))
    assert "Case management has crowded out reflection" not in page
    assert "Yes, 3 months running" not in page


def test_the_person_page_shows_their_balance_to_them_and_their_supervisor(
    client, agreement, worker, supervisor, other_supervisor, today
):
    balanced(worker, supervisor, month_ago(today, 1), 90, 40, 30, 10, 10)
    # Led by someone else: the worker sees it, the supervisor does not.
    balanced(worker, other_supervisor, month_ago(today, 1, day=12), 60, 60, 0, 0, 0)
    url = reverse("supervision:agreement-detail", args=[agreement.pk])
    client.force_login(worker)
    page = text_of(client.get(url))
    assert f"The balance of {worker.full_name}’s supervision" in page
    assert "100 min" in page  # 40 + 60 of case management
    assert "27%" in page  # 40 of 150
    client.force_login(supervisor)
    page = text_of(client.get(url))
    assert "44%" in page  # 40 of 90
    assert "100 min" not in page


# --- Length against the standard ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("standard", "policy", "short"),
    [("lga-2020", 60, True), ("dfe-2024", 60, False), ("dfe-2024", 90, True)],
)
def test_a_short_session_is_flagged_by_the_standard_in_use(
    client, settings, agreement, worker, supervisor, service_manager, today, standard, policy, short
):
    settings.SUPERVISION_STANDARD, settings.SUPERVISION_POLICY_MINUTES = standard, policy
    session = SessionFactory(supervisee=worker, supervisor=supervisor, held_on=today - timedelta(days=3), minutes=75)
    name = current_standard().name
    client.force_login(worker)
    page = text_of(client.get(reverse("supervision:session-detail", args=[session.pk])))
    assert ("Short session: 75 minutes" in page) is short
    assert (name in page) is short

    client.force_login(service_manager)
    dashboard = text_of(client.get(DASHBOARD))
    assert current_standard().describe() in dashboard
    assert current_standard().citation in dashboard
    assert dashboard.count(name) == 1  # the introduction names the standard once, not again in its link
    minimum = current_standard().minimum_minutes
    assert f"shorter than {minimum} minutes" in dashboard
    (row,) = [row for row in worker_rows(service_manager, DashboardFilters(), today) if row.person_id == worker.pk]
    assert row.short_sessions == (1 if short else 0)
    listed = text_of(client.get(SHORT_SESSIONS))
    assert (worker.full_name in listed) is short
    assert listed.count(name) == 1
    rows = list(csv.reader(io.StringIO(b"".join(client.get(CSV_URL).streaming_content).decode("utf-8-sig"))))
    column = rows[0].index(f"Sessions shorter than {minimum} minutes in the period")
    assert next(line for line in rows if line[0] == worker.full_name)[column] == ("1" if short else "0")


def test_unknown_lengths_and_sessions_outside_the_period_are_not_short(db, service_manager, worker, supervisor, today):
    SessionFactory(supervisee=worker, supervisor=supervisor, held_on=today - timedelta(days=3), minutes=None)
    SessionFactory(supervisee=worker, supervisor=supervisor, held_on=add_months(today, -4), minutes=30)
    SessionFactory(supervisee=worker, supervisor=supervisor, held_on=today + timedelta(days=3), minutes=30)
    rows = worker_rows(service_manager, DashboardFilters(months=3), today)
    assert next(row for row in rows if row.person_id == worker.pk).short_sessions == 0
    people = filtered_people(service_manager, DashboardFilters())
    assert balance_figures(people, add_months(today.replace(day=1), -2), today).short_in_period == 0
    assert balance_figures(people, add_months(today.replace(day=1), -5), today).short_in_period == 1


def test_a_short_session_before_the_six_months_counts_in_a_longer_period_but_shows_no_team(
    db, service_manager, other_worker, other_supervisor, today
):
    SessionFactory(supervisee=other_worker, supervisor=other_supervisor, held_on=add_months(today, -8), minutes=30)
    people = filtered_people(service_manager, DashboardFilters())
    figures = balance_figures(people, add_months(today.replace(day=1), -11), today)
    assert figures.short_in_period == 1
    assert figures.teams == []
    assert [month.sessions_with_length for month in figures.everyone] == [0] * 6


def test_the_short_sessions_list_shows_only_people_the_supervisor_manages(
    client, supervisor, worker, other_worker, other_supervisor, today
):
    SessionFactory(supervisee=worker, supervisor=supervisor, held_on=today - timedelta(days=3), minutes=45)
    SessionFactory(supervisee=other_worker, supervisor=other_supervisor, held_on=today - timedelta(days=3), minutes=45)
    client.force_login(supervisor)
    page = text_of(client.get(SHORT_SESSIONS))
    assert worker.full_name in page
    assert other_worker.full_name not in page
    assert "45 minutes" in page


# --- Queries that do not grow with the data -----------------------------------------------------


def fill(team, supervisor, people: int, today: date) -> list:
    made = []
    for n in range(people):
        person = UserFactory(team=team, line_manager=supervisor, full_name=f"Balanced Worker {n:02}")
        agreement = AgreementFactory(supervisee=person, supervisor=supervisor)
        for months in range(6):
            balanced(person, supervisor, month_ago(today, months, day=1), 90 - n % 2 * 30, 30, 20, 10, 30 - n % 2 * 30)
        made.append(agreement)
    return made


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_dashboard_and_short_sessions_take_the_same_queries_whatever_the_data(
    client, service_manager, supervisor, team, today, django_assert_max_num_queries
):
    client.force_login(service_manager)
    fill(team, supervisor, 2, today)
    small = {url: count_queries(client, url) for url in (DASHBOARD, SHORT_SESSIONS)}
    fill(team, supervisor, 12, today)
    with django_assert_max_num_queries(small[DASHBOARD]):
        assert client.get(DASHBOARD).status_code == 200
    with django_assert_max_num_queries(small[SHORT_SESSIONS]):
        page = text_of(client.get(SHORT_SESSIONS))
    assert "Balanced Worker 11" in page


def test_the_person_page_takes_the_same_queries_whatever_the_data(
    client, supervisor, team, today, django_assert_max_num_queries
):
    (agreement,) = fill(team, supervisor, 1, today)
    url = reverse("supervision:agreement-detail", args=[agreement.pk])
    client.force_login(supervisor)
    few = count_queries(client, url)
    for months in range(6):
        for day in (3, 5, 7):
            balanced(agreement.supervisee, supervisor, month_ago(today, months, day=day), 90, 30, 20, 10, 30)
    with django_assert_max_num_queries(few):
        assert client.get(url).status_code == 200


def test_nobody_outside_the_dashboard_opens_the_short_sessions_list(client, worker, db):
    client.force_login(worker)
    assert client.get(SHORT_SESSIONS).status_code == 403
    client.logout()
    assert client.get(SHORT_SESSIONS).status_code == 302
