"""CPD records: totals per financial year from courses, group reflective sessions and approved
external learning; who may read whose record; the CSV; query bounds."""

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from handbook import services
from tests.factories import (
    BookingFactory,
    CourseDateFactory,
    CourseFactory,
    GroupSessionFactory,
    ServiceFactory,
    TeamFactory,
    UserFactory,
    handbook_page,
)
from training.cpd import COURSE, EXTERNAL, GROUP_SESSION, HANDBOOK_READING, cpd_record
from training.models import Decision, Evaluation, ExternalLearning, financial_year_bounds, financial_year_of


@pytest.fixture
def this_year():
    return financial_year_of(timezone.localdate())


def _completed(person, day, *, hours="6", title=None):
    course = CourseFactory(**({"title": title} if title else {}))
    starts = timezone.make_aware(timezone.datetime(day.year, day.month, day.day, 9, 30))
    course_date = CourseDateFactory(course=course, starts_at=starts, ends_at=starts + timedelta(hours=7))
    return BookingFactory(
        course_date=course_date, person=person, attendance="attended", hours_attended=Decimal(hours), completed_on=day
    )


def _learning(person, day, *, hours="2", status=Decision.APPROVED, title="Reading a research briefing", **kwargs):
    return ExternalLearning.objects.create(
        person=person,
        title=title,
        kind="research",
        source="Research in Practice",
        completed_on=day,
        hours=Decimal(hours),
        reflection=kwargs.pop("reflection", "It changed how I write chronologies."),
        status=status,
        **kwargs,
    )


def _group_session(person, day, *, hours="3.5", theme="Working with fathers"):
    session = GroupSessionFactory(held_on=day, hours=Decimal(hours), theme=theme)
    session.attendees.add(person)
    return session


@pytest.fixture
def record(worker, this_year):
    """A year of the worker's learning, with things from last year and things that must not count."""
    starts, _ends = financial_year_bounds(this_year)
    last_starts, last_ends = financial_year_bounds(this_year - 1)
    booking = _completed(worker, starts + timedelta(days=10), hours="6", title="Systemic practice: introduction")
    Evaluation.objects.create(booking=booking, rating=5, was_useful="Circular questions.", will_use="In my visits.")
    _completed(worker, starts + timedelta(days=40), hours="3.5", title="Partly attended course")
    _completed(worker, last_ends, hours="7", title="Last year course")
    _group_session(worker, starts + timedelta(days=20), hours="3.5")
    _group_session(worker, last_starts, hours="2", theme="Last year session")
    GroupSessionFactory(held_on=starts + timedelta(days=25), theme="A session the worker missed")
    _learning(worker, starts + timedelta(days=30), hours="1.5")
    _learning(worker, starts + timedelta(days=31), hours="4", status=Decision.SUBMITTED, title="A conference")
    _learning(worker, starts + timedelta(days=32), hours="9", status=Decision.DECLINED, title="A declined book")
    return booking


# --- Totals -------------------------------------------------------------------------------


def test_totals_per_year_come_from_all_three_sources(worker, record, this_year):
    result = cpd_record(worker, worker, this_year)
    totals = {total.source: total.hours for total in result.totals}
    assert totals == {
        COURSE: Decimal("9.5"),
        GROUP_SESSION: Decimal("3.5"),
        EXTERNAL: Decimal("1.5"),
        HANDBOOK_READING: Decimal("0"),
    }
    assert result.total_hours == Decimal("14.5")
    assert [item.title for item in result.waiting] == ["A conference"]
    titles = [item.title for item in result.items]
    assert "A declined book" not in titles
    assert "Last year course" not in titles
    assert "A session the worker missed" not in titles

    last_year = cpd_record(worker, worker, this_year - 1)
    assert last_year.total_hours == Decimal("9")
    assert {item.title for item in last_year.items} == {"Last year course", "Last year session"}


def test_the_cpd_page_shows_totals_reflections_and_what_waits_for_approval(client, worker, record):
    client.force_login(worker)
    response = client.get(reverse("training:cpd"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "14.5</span> hours of learning counted" in body
    assert "Circular questions." in body
    assert "It changed how I write chronologies." in body
    assert "Waiting for approval: not counted" in body
    assert "A declined book" not in body
    assert "Social Work England" in body
    assert "portal-no-print" in body


def test_a_past_year_can_be_chosen(client, worker, record, this_year):
    client.force_login(worker)
    body = client.get(reverse("training:cpd"), {"year": this_year - 1}).content.decode()
    assert "Last year course" in body
    assert "Systemic practice: introduction" not in body


@pytest.mark.parametrize("year", ["1999", "garbage", "99999999999999999999"])
def test_a_wrong_year_shows_an_error_and_this_year(client, worker, record, year):
    client.force_login(worker)
    response = client.get(reverse("training:cpd"), {"year": year})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Choose a year from the list" in body
    assert "Systemic practice: introduction" in body


def test_group_sessions_show_their_theme_and_hours_never_the_learning_points(client, worker, supervisor, record):
    for viewer in (worker, supervisor):
        client.force_login(viewer)
        body = client.get(reverse("training:cpd-person", args=[worker.pk])).content.decode()
        assert "Working with fathers" in body
        assert "Invite fathers early" not in body


def test_a_manager_reads_reflections_but_not_course_evaluations(client, worker, supervisor, record):
    """Course evaluations are the person's and the coordinator's (access.evaluations_for), not their manager's."""
    client.force_login(supervisor)
    body = client.get(reverse("training:cpd-person", args=[worker.pk])).content.decode()
    assert "It changed how I write chronologies." in body
    assert "Circular questions." not in body


# --- Who may read whose record ------------------------------------------------------------


@pytest.mark.parametrize(
    ("viewer", "status"),
    [
        ("worker", 200),
        ("supervisor", 200),
        ("service_manager", 200),
        ("coordinator", 200),
        ("team_mate", 404),
        ("other_worker", 404),
        ("other_supervisor", 404),
    ],
)
def test_a_cpd_record_is_read_only_by_those_who_may_see_the_person(client, worker, request, viewer, status):
    client.force_login(request.getfixturevalue(viewer))
    assert client.get(reverse("training:cpd-person", args=[worker.pk])).status_code == status
    csv_status = client.get(reverse("training:cpd-csv"), {"person": worker.pk}).status_code
    assert csv_status == status


def test_a_manager_can_read_a_line_report_in_another_team(client, supervisor, other_team):
    report = UserFactory(team=other_team, line_manager=supervisor)
    client.force_login(supervisor)
    assert client.get(reverse("training:cpd-person", args=[report.pk])).status_code == 200


def test_someone_in_another_service_is_not_found_even_for_the_coordinator(client, coordinator):
    stranger = UserFactory(team=TeamFactory(service=ServiceFactory(name="Adult Social Care")))
    client.force_login(coordinator)
    assert client.get(reverse("training:cpd-person", args=[stranger.pk])).status_code == 404


def test_a_garbled_person_in_the_csv_address_is_not_found(client, worker):
    client.force_login(worker)
    assert client.get(reverse("training:cpd-csv"), {"person": "1 OR 1=1"}).status_code == 404


def test_cpd_pages_need_signing_in(client, worker):
    for url in (reverse("training:cpd"), reverse("training:cpd-csv"), reverse("training:cpd-person", args=[worker.pk])):
        response = client.get(url)
        assert response.status_code == 302
        assert reverse("login") in response.url


# --- The CSV ------------------------------------------------------------------------------


def _rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_csv_lists_the_year_and_marks_what_is_not_counted(client, worker, record, this_year):
    client.force_login(worker)
    response = client.get(reverse("training:cpd-csv"), {"year": this_year})
    assert response["Content-Type"].startswith("text/csv")
    assert f"-{this_year}-" in response["Content-Disposition"]
    rows = _rows(response)
    assert rows[0][0] == "Date"
    by_title = {row[1]: row for row in rows[1:]}
    assert set(by_title) == {
        "Systemic practice: introduction",
        "Partly attended course",
        "Working with fathers",
        "Reading a research briefing",
        "A conference",
    }
    assert by_title["A conference"][5] == "No: waiting for approval"
    assert by_title["Working with fathers"][2] == GROUP_SESSION
    assert "Circular questions." in by_title["Systemic practice: introduction"][6]


def test_the_csv_neutralises_formulas(client, worker, this_year):
    starts, _ends = financial_year_bounds(this_year)
    _learning(worker, starts, title='=HYPERLINK("http://evil.example","Click")', reflection="+SUM(A1:A9)")
    client.force_login(worker)
    rows = _rows(client.get(reverse("training:cpd-csv"), {"year": this_year}))
    assert rows[1][1] == '\'=HYPERLINK("http://evil.example","Click")'
    assert rows[1][6] == "'+SUM(A1:A9)"


def test_a_manager_downloads_their_reports_csv_but_not_another_teams(client, worker, other_worker, supervisor, record):
    client.force_login(supervisor)
    response = client.get(reverse("training:cpd-csv"), {"person": worker.pk})
    assert response.status_code == 200
    assert len(_rows(response)) == 6
    assert client.get(reverse("training:cpd-csv"), {"person": other_worker.pk}).status_code == 404


# --- Query bounds -------------------------------------------------------------------------


def test_the_cpd_page_reads_in_a_fixed_number_of_queries(client, worker, this_year, django_assert_max_num_queries):
    starts, _ends = financial_year_bounds(this_year)
    for index in range(25):
        day = starts + timedelta(days=index)
        booking = _completed(worker, day, hours="2")
        Evaluation.objects.create(booking=booking, rating=4, was_useful=f"Useful {index}")
        _group_session(worker, day, hours="2", theme=f"Theme {index}")
        _learning(worker, day, title=f"Book {index}")
    for index in range(10):
        services.confirm_read(worker, handbook_page(f"page-{index}", f"Page {index}", body="word " * 600))
    client.force_login(worker)
    # One query for each of the four sources, whatever their size.
    with django_assert_max_num_queries(13):
        response = client.get(reverse("training:cpd"))
    assert response.status_code == 200
    assert "150.5</span> hours of learning counted" in response.content.decode()

    with django_assert_max_num_queries(13):
        assert len(_rows(client.get(reverse("training:cpd-csv")))) == 86
