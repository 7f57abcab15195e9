"""The managers' training matrix: statuses, filters, access, downloads and a fixed number of queries."""

import csv
import html
import io
import re
import zipfile
from datetime import date, datetime, time, timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portal.roles import Role
from tests.factories import BookingFactory, CourseDateFactory, CourseFactory, ProgrammeFactory, TeamFactory, UserFactory
from training.matrix import MatrixFilters, Sort, matrix_for
from training.matrix_cells import Status
from training.matrix_export import status_label
from training.models import Booking, BookingStatus, Course, CourseDate, Programme

URL = reverse("training:uptake")
CSV_URL = reverse("training:uptake-csv")
XLSX_URL = reverse("training:uptake-xlsx")
COVERAGE_URL = reverse("training:coverage")
TODAY = date(2026, 11, 16)
# Sign-in (session, person, permissions, their team) and the session's idle-time update: 8. The page: the
# courses, the teams and roles to filter by, the people, and their bookings grouped by person and course.
PAGE_QUERY_BUDGET = 13
INJECTION = '=HYPERLINK("http://evil.example","Click")'


def at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def course_date(course, day: date, **kwargs) -> CourseDate:
    return CourseDateFactory(course=course, starts_at=at(day, 9), ends_at=at(day, 16), **kwargs)


def completed(person, course, day: date) -> Booking:
    return BookingFactory(person=person, course_date=course_date(course, day), attendance="attended", completed_on=day)


def booked(person, course, day: date, status: str = BookingStatus.BOOKED) -> Booking:
    return BookingFactory(person=person, course_date=course_date(course, day), status=status)


def cell(user, person, course, today: date = TODAY) -> str:
    matrix = matrix_for(user, MatrixFilters(), today)
    row = next(row for row in matrix.people if row.pk == person.pk)
    column = next(column for column in matrix.columns if column.pk == course.pk)
    return status_label(matrix.status(row, column))


def download(response) -> bytes:
    """A download's bytes: the CSV and Excel downloads are streamed, so they have no `content`."""
    return b"".join(response.streaming_content)


def table(response) -> str:
    body = response.content.decode()
    return body[body.index('<table class="govuk-table portal-matrix">') :]


def people_shown(response) -> list[str]:
    """The names in the matrix's row headers, in order."""
    found = re.findall(r'<th scope="row"[^>]*><a [^>]*>([^<]+)</a>', response.content.decode())
    return [html.unescape(name) for name in found]


# --- Statuses -------------------------------------------------------------------------------


def test_a_completion_shows_its_date(coordinator, worker):
    course = CourseFactory()
    completed(worker, course, date(2026, 3, 3))
    assert cell(coordinator, worker, course) == "Completed 3 Mar 2026"


def test_the_latest_completion_counts(coordinator, worker):
    course = CourseFactory()
    completed(worker, course, date(2025, 3, 3))
    completed(worker, course, date(2026, 5, 7))
    assert cell(coordinator, worker, course) == "Completed 7 May 2026"


def test_training_that_runs_out_within_60_days_is_expiring(coordinator, worker):
    course = CourseFactory(refresh_months=24)
    completed(worker, course, date(2024, 12, 20))
    assert cell(coordinator, worker, course) == "Expiring 20 Dec 2026"
    # Sixty-one days before it runs out it is simply completed.
    assert cell(coordinator, worker, course, today=date(2026, 10, 19)) == "Completed 20 Dec 2024"


def test_training_past_its_refresh_date_has_expired(coordinator, worker):
    course = CourseFactory(refresh_months=24)
    completed(worker, course, date(2024, 10, 1))
    assert cell(coordinator, worker, course) == "Expired 1 Oct 2026"
    # On the day itself it is still current.
    assert cell(coordinator, worker, course, today=date(2026, 10, 1)).startswith("Expiring")


def test_a_refresher_in_the_same_programme_renews_the_course(coordinator, worker):
    programme = ProgrammeFactory(name="Signs of Safety")
    introduction = CourseFactory(programme=programme, refresh_months=24)
    refresher = CourseFactory(programme=programme, level="refresher", refresh_months=24)
    elsewhere = CourseFactory(programme=ProgrammeFactory(name="Other"), level="refresher")
    completed(worker, introduction, date(2024, 1, 10))
    completed(worker, refresher, date(2026, 2, 1))
    assert cell(coordinator, worker, introduction) == "Refreshed 1 Feb 2026"
    assert cell(coordinator, worker, refresher) == "Completed 1 Feb 2026"
    # A refresher of another programme renews nothing here.
    other = CourseFactory(programme=ProgrammeFactory(name="Third"), refresh_months=12)
    completed(worker, other, date(2024, 1, 10))
    completed(worker, elsewhere, date(2026, 2, 1))
    assert cell(coordinator, worker, other) == "Expired 10 Jan 2025"


def test_upcoming_bookings_show_the_best_one(coordinator, worker):
    course = CourseFactory()
    booked(worker, course, date(2027, 2, 1), BookingStatus.PENDING)
    assert cell(coordinator, worker, course) == "Awaiting approval"
    booked(worker, course, date(2027, 1, 12))
    assert cell(coordinator, worker, course) == "Booked 12 Jan 2027"
    waiting = CourseFactory()
    booked(worker, waiting, date(2027, 1, 12), BookingStatus.WAITING)
    assert cell(coordinator, worker, waiting) == "Waiting list"


def test_a_completion_comes_before_a_booking(coordinator, worker):
    course = CourseFactory()
    completed(worker, course, date(2026, 3, 3))
    booked(worker, course, date(2027, 1, 12))
    assert cell(coordinator, worker, course) == "Completed 3 Mar 2026"


def test_past_cancelled_and_declined_bookings_are_not_bookings(coordinator, worker):
    course = CourseFactory()
    booked(worker, course, date(2026, 10, 1))  # happened, not completed
    booked(worker, course, date(2027, 1, 12), BookingStatus.CANCELLED)
    booked(worker, course, date(2027, 1, 19), BookingStatus.DECLINED)
    cancelled_date = course_date(course, date(2027, 2, 2), is_cancelled=True)
    BookingFactory(person=worker, course_date=cancelled_date)
    assert cell(coordinator, worker, course) == "Not booked"


def test_a_course_required_for_a_persons_role_shows_as_missing(coordinator, worker, supervisor):
    course = CourseFactory()
    course.required_for.add(Group.objects.get(name=Role.SOCIAL_WORKER))
    for_supervisors = CourseFactory()
    for_supervisors.required_for.add(Group.objects.get(name=Role.SUPERVISOR))
    assert cell(coordinator, worker, course) == "Required: missing"
    assert cell(coordinator, worker, for_supervisors) == "Not booked"
    assert cell(coordinator, supervisor, for_supervisors) == "Required: missing"
    booked(worker, course, date(2027, 1, 12))
    assert cell(coordinator, worker, course) == "Booked 12 Jan 2027"


def test_gaps_count_required_courses_missing_or_expired(coordinator, worker):
    social_workers = Group.objects.get(name=Role.SOCIAL_WORKER)
    missing, lapsed, done, optional = (CourseFactory(refresh_months=12) for _ in range(4))
    for course in (missing, lapsed, done):
        course.required_for.add(social_workers)
    completed(worker, lapsed, date(2024, 1, 1))
    completed(worker, done, date(2026, 6, 1))
    matrix = matrix_for(coordinator, MatrixFilters(), TODAY)
    assert next(person for person in matrix.people if person.pk == worker.pk).gaps == 2
    assert optional


def test_every_status_has_words_and_the_page_shows_them(client, coordinator, worker):
    today = timezone.localdate()
    social_workers = Group.objects.get(name=Role.SOCIAL_WORKER)
    required = CourseFactory(title="Required course")
    required.required_for.add(social_workers)
    done = CourseFactory(title="Done course")
    completed(worker, done, date(2026, 3, 3))
    soon = CourseFactory(title="Soon course")
    booked(worker, soon, today + timedelta(days=20))
    empty = CourseFactory(title="Empty course")
    client.force_login(coordinator)
    response = client.get(URL)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Required: missing" in body
    assert "Completed 3 Mar 2026" in body
    assert f"Booked {(today + timedelta(days=20)).day}" in body
    assert '<span class="govuk-visually-hidden">Not booked</span>' in body
    assert empty.title in body
    # A real table: caption, column and row headers, in a focusable scrolling region.
    assert '<caption class="govuk-table__caption govuk-table__caption--m" id="matrix-caption">' in body
    assert 'role="region" aria-labelledby="matrix-caption" tabindex="0"' in body
    for header in ('<th scope="col"', '<th scope="row"', '<th scope="rowgroup"'):
        assert header in body
    assert body.count("<h1") == 1


def test_names_and_titles_are_escaped(client, coordinator, team):
    UserFactory(team=team, full_name="<script>alert(1)</script>")
    CourseFactory(title="Risk & <b>resilience</b>")
    client.force_login(coordinator)
    body = client.get(URL).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "Risk &amp; &lt;b&gt;resilience&lt;/b&gt;" in body


def test_courses_no_longer_offered_appear_only_where_someone_did_them(client, coordinator, worker):
    retired = CourseFactory(title="Retired but done", is_active=False)
    CourseFactory(title="Retired and unused", is_active=False)
    completed(worker, retired, date(2026, 3, 3))
    client.force_login(coordinator)
    shown = table(client.get(URL))
    assert "Retired but done" in shown
    assert "Retired and unused" not in shown


# --- Filters and sorting ----------------------------------------------------------------------


@pytest.fixture
def two_teams(team, other_team, coordinator, worker, supervisor, other_worker):
    systemic = ProgrammeFactory(name="Systemic practice")
    safety = ProgrammeFactory(name="Signs of Safety")
    intro = CourseFactory(programme=systemic, title="Systemic introduction", level="introductory")
    advanced = CourseFactory(programme=systemic, title="Systemic advanced", level="advanced")
    safety_intro = CourseFactory(programme=safety, title="Safety introduction", level="introductory")
    safety_intro.required_for.add(Group.objects.get(name=Role.SOCIAL_WORKER))
    completed(worker, safety_intro, timezone.localdate() - timedelta(days=30))
    return {"intro": intro, "advanced": advanced, "safety": safety_intro, "systemic": systemic}


def test_team_filter_limits_the_people(client, coordinator, two_teams, team, worker, other_worker):
    client.force_login(coordinator)
    names = people_shown(client.get(URL, {"team": team.pk}))
    assert worker.full_name in names
    assert other_worker.full_name not in names


def test_role_filter_limits_the_people(client, coordinator, two_teams, supervisor, worker):
    client.force_login(coordinator)
    role = Group.objects.get(name=Role.SUPERVISOR)
    names = people_shown(client.get(URL, {"role": role.pk}))
    assert names == [supervisor.full_name]


def test_programme_and_level_filters_limit_the_courses(client, coordinator, two_teams):
    client.force_login(coordinator)
    shown = table(client.get(URL, {"programme": two_teams["systemic"].pk}))
    assert "Systemic introduction" in shown
    assert "Systemic advanced" in shown
    assert "Safety introduction" not in shown
    shown = table(client.get(URL, {"level": "advanced"}))
    assert "Systemic advanced" in shown
    assert "Systemic introduction" not in shown


def test_filters_that_match_no_course_or_nobody_say_so(client, coordinator, two_teams):
    client.force_login(coordinator)
    body = client.get(URL, {"level": "refresher"}).content.decode()
    assert "No courses match these filters" in body
    assert "portal-matrix" not in body
    body = client.get(URL, {"status": Status.WAITING}).content.decode()
    assert "There is nobody to show" in body


def test_course_and_status_filters_show_the_people_missing_a_course(client, coordinator, two_teams, worker):
    client.force_login(coordinator)
    names = people_shown(client.get(URL, {"course": two_teams["safety"].pk, "status": Status.MISSING}))
    # Every social worker but the one who did it; nobody whose role does not need it.
    assert worker.full_name not in names
    assert names
    assert coordinator.full_name not in names


def test_sorting_by_name_and_by_gaps(client, coordinator, team, other_team, two_teams):
    UserFactory(team=other_team, full_name="Aaron Abbott", roles=[Role.SOCIAL_WORKER])
    UserFactory(team=team, full_name="Zed Zimmer", roles=[Role.GUIDE_EDITOR])
    client.force_login(coordinator)
    by_name = people_shown(client.get(URL, {"sort": Sort.NAME}))
    assert by_name == sorted(by_name, key=str.casefold)
    by_gaps = people_shown(client.get(URL, {"sort": Sort.GAPS}))
    assert by_gaps.index("Aaron Abbott") < by_gaps.index("Zed Zimmer")


@pytest.mark.parametrize(
    "params",
    [
        {"team": "not-a-team"},
        {"team": "999999"},
        {"role": "1; DROP TABLE"},
        {"programme": "-1"},
        {"level": "expert"},
        {"course": "1e9"},
        {"status": "everything"},
        {"sort": "shoe size"},
    ],
)
def test_a_bad_filter_shows_an_error_summary_not_a_500(client, coordinator, two_teams, params):
    client.force_login(coordinator)
    response = client.get(URL, params)
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert "<title>Error: " in body
    assert "from the list" in body
    for url in (CSV_URL, XLSX_URL):
        assert client.get(url, params).status_code == 200


def test_a_team_outside_ones_scope_cannot_be_chosen(client, supervisor, other_team, two_teams, other_worker):
    client.force_login(supervisor)
    response = client.get(URL, {"team": other_team.pk})
    assert "Select a team from the list" in response.content.decode()
    assert other_worker.full_name not in people_shown(response)


# --- Access -----------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [URL, CSV_URL, XLSX_URL, COVERAGE_URL])
@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("worker", 403),
        ("editor", 403),
        ("facilitator", 403),
        ("supervisor", 200),
        ("service_manager", 200),
        ("coordinator", 200),
    ],
)
def test_who_may_open_the_uptake_pages(client, request, url, role, status):
    client.force_login(request.getfixturevalue(role))
    assert client.get(url).status_code == status


@pytest.mark.parametrize("url", [URL, CSV_URL, XLSX_URL, COVERAGE_URL])
def test_signing_in_is_needed(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "sign-in" in response["Location"] or "login" in response["Location"]


def test_a_supervisor_sees_their_team_and_reports_only(client, supervisor, worker, other_worker, other_team, team):
    report_elsewhere = UserFactory(team=other_team, line_manager=supervisor, roles=[Role.SOCIAL_WORKER])
    CourseFactory()
    client.force_login(supervisor)
    names = people_shown(client.get(URL))
    assert set(names) == {supervisor.full_name, worker.full_name, report_elsewhere.full_name}
    assert other_worker.full_name not in names


@pytest.mark.parametrize("role", ["coordinator", "service_manager"])
def test_the_coordinator_and_service_manager_see_the_whole_service_and_no_other(
    client, request, role, worker, other_worker, supervisor
):
    elsewhere = UserFactory(team=TeamFactory(service__name="Adult Social Care"), full_name="Outside Person")
    CourseFactory()
    client.force_login(request.getfixturevalue(role))
    names = people_shown(client.get(URL))
    assert {worker.full_name, other_worker.full_name, supervisor.full_name} <= set(names)
    assert elsewhere.full_name not in names
    assert elsewhere.full_name not in download(client.get(CSV_URL)).decode("utf-8-sig")


# --- Downloads ----------------------------------------------------------------------------------


@pytest.fixture
def injected(team, worker):
    person = UserFactory(team=team, full_name=INJECTION, roles=[Role.SOCIAL_WORKER])
    course = CourseFactory(programme=ProgrammeFactory(name="@SUM(1+1)*cmd"), title="+SUM(A1:A9)")
    completed(person, course, date(2026, 3, 3))
    return person


def test_the_csv_has_the_matrix_and_neutralises_formulas(client, coordinator, injected, worker, two_teams):
    client.force_login(coordinator)
    response = client.get(CSV_URL, {"programme": two_teams["systemic"].pk})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(download(response).decode("utf-8-sig"))))
    assert rows[0][:3] == ["Name", "Team", "Gaps"]
    assert sorted(rows[0][3:]) == [
        "Systemic practice: Systemic advanced (Advanced)",
        "Systemic practice: Systemic introduction (Introductory)",
    ]
    names = [row[0] for row in rows[1:]]
    assert "'" + INJECTION in names
    assert INJECTION not in names
    assert worker.full_name in names
    assert {row[3] for row in rows[1:]} == {"Not booked"}


def test_the_csv_keeps_the_filters(client, coordinator, two_teams, worker, other_worker, team):
    client.force_login(coordinator)
    rows = list(csv.reader(io.StringIO(download(client.get(CSV_URL, {"team": team.pk})).decode("utf-8-sig"))))
    names = {row[0] for row in rows[1:]}
    assert worker.full_name in names
    assert other_worker.full_name not in names


def test_the_excel_download_writes_strings_never_formulas(client, coordinator, injected):
    client.force_login(coordinator)
    response = client.get(XLSX_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"].endswith('.xlsx"')
    with zipfile.ZipFile(io.BytesIO(download(response))) as workbook:
        names = workbook.namelist()
        xml = "".join(workbook.read(name).decode() for name in names if name.startswith("xl/worksheets/"))
        if "xl/sharedStrings.xml" in names:
            xml += workbook.read("xl/sharedStrings.xml").decode()
    assert "'=HYPERLINK(" in xml
    assert "'@SUM(1+1)*cmd: +SUM(A1:A9) (Introductory)" in xml
    assert "Completed 3 Mar 2026" in xml
    assert "<f>" not in xml
    assert "<f " not in xml


# --- Queries ------------------------------------------------------------------------------------


def _service(team, other_team, people: int, courses: int, tag: str = "A") -> None:
    """`people` social workers split across two teams, `courses` courses in two programmes, a completion
    and an upcoming booking each, and some required courses."""
    social_workers = Group.objects.get(name=Role.SOCIAL_WORKER)
    programmes = [Programme.objects.get_or_create(name=name)[0] for name in ("Systemic practice", "Signs of Safety")]
    made = [
        Course.objects.create(
            programme=programmes[n % 2],
            title=f"Course {tag}{n}",
            level=["introductory", "intermediate", "advanced", "refresher"][n % 4],
            provider="Provider",
            hours=6,
            refresh_months=24 if n % 3 == 0 else None,
        )
        for n in range(courses)
    ]
    for course in made[::3]:
        course.required_for.add(social_workers)
    today = timezone.localdate()
    past = {course.pk: course_date(course, today - timedelta(days=400), capacity=500) for course in made}
    future = {course.pk: course_date(course, today + timedelta(days=30), capacity=500) for course in made}
    staff = [UserFactory(team=team if n % 2 else other_team, roles=[Role.SOCIAL_WORKER]) for n in range(people)]
    bookings = []
    for n, person in enumerate(staff):
        for m, course in enumerate(made):
            if (n + m) % 3 == 0:
                bookings.append(
                    Booking(
                        person=person,
                        requested_by=person,
                        course_date=past[course.pk],
                        status="booked",
                        attendance="attended",
                        completed_on=today - timedelta(days=400),
                    )
                )
            elif (n + m) % 3 == 1:
                bookings.append(
                    Booking(person=person, requested_by=person, course_date=future[course.pk], status="pending")
                )
    Booking.objects.bulk_create(bookings)


def _count(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", [URL, CSV_URL, XLSX_URL])
def test_the_number_of_queries_does_not_grow_with_people_or_courses(
    client, coordinator, team, other_team, url, django_assert_max_num_queries
):
    client.force_login(coordinator)
    _service(team, other_team, people=5, courses=3)
    small = _count(client, url)
    filtered_small = _count(client, url, {"status": "missing", "sort": "gaps", "team": team.pk})
    _service(team, other_team, people=35, courses=7, tag="B")
    assert Course.objects.count() == 10
    assert _count(client, url) == small
    assert _count(client, url, {"status": "missing", "sort": "gaps", "team": team.pk}) == filtered_small
    with django_assert_max_num_queries(PAGE_QUERY_BUDGET):
        client.get(url)


def test_a_matrix_of_300_people_by_20_courses_renders(client, coordinator, team, other_team):
    _service(team, other_team, people=300, courses=20)
    client.force_login(coordinator)
    response = client.get(URL, {"page": "all"})  # a page shows 100 people; this asks for everyone
    body = response.content.decode()
    assert response.status_code == 200
    assert "301 people" in body  # the 300 and the coordinator
    assert body.count('<tr><th scope="row"') == 301
    assert body.count("Required: missing") > 0
    assert "Awaiting approval" in body


# --- The bench data -------------------------------------------------------------------------------


def test_the_bench_data_command_refuses_with_debug_off_unless_forced(db):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="DEBUG off"):
        call_command("make_training_bench_data", verbosity=0)


def test_the_bench_data_command_makes_a_small_service_once(db, monkeypatch, client):
    from django.core.management import call_command

    from training.management.commands import make_training_bench_data as bench

    monkeypatch.setattr(bench, "TEAMS", 3)
    monkeypatch.setattr(bench, "PEOPLE", 30)
    monkeypatch.setattr(bench, "PROGRAMMES", 2)
    monkeypatch.setattr(bench, "BOOKINGS", 500)
    call_command("make_training_bench_data", force=True, verbosity=0)
    people = UserFactory._meta.model.objects.filter(team__service__name=bench.SERVICE)
    assert people.count() == 30
    assert Course.objects.filter(programme__name__startswith=bench.PROGRAMME_PREFIX).count() == 20
    assert Booking.objects.filter(person__in=people).count() == 500
    call_command("make_training_bench_data", force=True, verbosity=0)  # already there: nothing new
    assert Booking.objects.filter(person__in=people).count() == 500
    call_command("make_training_bench_data", force=True, reset=True, verbosity=0)
    assert Booking.objects.filter(person__team__service__name=bench.SERVICE).count() == 500
    coordinator = people.get(email=bench.COORDINATOR_EMAIL)
    assert coordinator.check_password(bench.DEFAULT_PASSWORD)
    client.force_login(coordinator)
    response = client.get(URL)
    assert response.status_code == 200
    assert "30 people" in response.content.decode()
