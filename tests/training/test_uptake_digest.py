"""The monthly training uptake digest: its figures, who gets it, once a month, and the email in both forms."""

import re
import smtplib
from datetime import date, datetime, time
from decimal import Decimal
from io import StringIO
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import Group
from django.core.mail import EmailMultiAlternatives
from django.core.management import CommandError, call_command
from django.urls import resolve
from django.utils import timezone

from portal.models import EmailSent
from portal.roles import Role
from tests.factories import BookingFactory, CourseDateFactory, CourseFactory, ProgrammeFactory, TeamFactory, UserFactory
from training.models import Budget, CoverageTarget, Spend
from training.uptake_digest import digest_for, month_before

TODAY = date(2026, 12, 1)
NOVEMBER = month_before(TODAY)
BASE = "http://127.0.0.1:8000"


def at(day: date, hour: int = 9) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 30)))


def course_date(course, day: date, **kwargs):
    return CourseDateFactory(course=course, starts_at=at(day), ends_at=at(day, 16), **kwargs)


def completed(person, course, day: date):
    return BookingFactory(person=person, course_date=course_date(course, day), attendance="attended", completed_on=day)


def run(*args, today=TODAY):
    out = StringIO()
    call_command("send_training_uptake_digest", f"--date={today.isoformat()}", *args, stdout=out)
    return out.getvalue()


def emails_to(mailoutbox, person):
    return [message for message in mailoutbox if message.to == [person.email]]


def html_of(message) -> str:
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


@pytest.fixture
def programme(db):
    """Two programmes, each with a course required of social workers and a coverage target; a budget and spend.

    - worker (Tom's team, managed by `supervisor`): systemic introduction done; Signs of Safety done on
      20 November 2024, so it ran out on 20 November 2026, in the month just ended.
    - team_mate (the same): Signs of Safety done in 2025, still current; booked on the systemic introduction
      on 12 January 2027.
    - other_worker (the other team): Signs of Safety ran out on 5 October 2026, before the month; booked
      on the systemic introduction on 12 January 2027.
    """
    social_worker = Group.objects.get(name=Role.SOCIAL_WORKER)
    systemic = CourseFactory(
        title="Introduction to systemic practice", programme=ProgrammeFactory(name="Systemic practice", position=1)
    )
    signs = CourseFactory(
        title="Signs of Safety: two-day introduction",
        programme=ProgrammeFactory(name="Signs of Safety", position=2),
        refresh_months=24,
    )
    systemic.required_for.add(social_worker)
    signs.required_for.add(social_worker)
    CoverageTarget.objects.create(
        programme=systemic.programme, level="introductory", role=social_worker, target_percent=100
    )
    CoverageTarget.objects.create(programme=signs.programme, level="introductory", role=None, target_percent=50)
    return {"systemic": systemic, "signs": signs}


@pytest.fixture
def training(programme, supervisor, worker, team_mate, other_worker, other_supervisor, coordinator):
    systemic, signs = programme["systemic"], programme["signs"]
    completed(worker, systemic, date(2025, 5, 1))
    completed(worker, signs, date(2024, 11, 20))
    completed(team_mate, signs, date(2025, 6, 1))
    january = course_date(systemic, date(2027, 1, 12), location="Guildhall, Committee Room 3")
    BookingFactory(person=team_mate, course_date=january)
    BookingFactory(person=other_worker, course_date=january)
    completed(other_worker, signs, date(2024, 10, 5))
    # Not places booked: a request waiting for approval, and a cancelled date.
    BookingFactory(person=worker, course_date=course_date(signs, date(2027, 2, 2)), status="pending")
    BookingFactory(person=worker, course_date=course_date(systemic, date(2027, 3, 2), is_cancelled=True))
    Budget.objects.create(year=2026, amount=Decimal("10000.00"))
    Spend.objects.create(
        spent_on=date(2026, 6, 1), amount=Decimal("1200.00"), description="Tavistock", recorded_by=coordinator
    )
    Spend.objects.create(
        spent_on=date(2026, 3, 15), amount=Decimal("500.00"), description="Last year", recorded_by=coordinator
    )
    return programme


# --- The figures ------------------------------------------------------------------------------


def test_the_month_is_the_calendar_month_before_todays():
    assert month_before(date(2026, 12, 1)) == month_before(date(2026, 12, 31))
    assert (NOVEMBER.first, NOVEMBER.last) == (date(2026, 11, 1), date(2026, 11, 30))
    assert NOVEMBER.key == "training-uptake-digest:2026-11"
    assert month_before(date(2027, 1, 15)).key == "training-uptake-digest:2026-12"
    assert month_before(date(2027, 3, 1)).last == date(2027, 2, 28)


def test_a_managers_figures_count_the_people_they_manage(training, supervisor, worker, team_mate, team):
    digest = digest_for(supervisor, NOVEMBER, TODAY)

    # Tom, the worker and the team mate: three social workers, as his matrix shows them.
    assert digest.people == 3
    assert not digest.whole_service
    assert digest.team_id == team.pk
    [systemic, signs] = [line.share for line in digest.targets]
    assert (systemic.population, systemic.trained, systemic.percent, systemic.met) == (3, 1, 33, False)
    # Only the team mate's Signs of Safety is current: the worker's ran out.
    assert (signs.population, signs.trained, signs.percent, signs.met) == (3, 1, 33, False)
    assert [(lapse.person, lapse.course, lapse.expired_on) for lapse in digest.lapses] == [
        (worker.full_name, "Signs of Safety: two-day introduction", date(2026, 11, 20))
    ]
    assert [(place.person, place.course, place.starts_on) for place in digest.booked] == [
        (team_mate.full_name, "Introduction to systemic practice", date(2027, 1, 12))
    ]
    assert digest.booked_people == 1
    assert digest.spend is None  # the coverage page shows a supervisor no spend


def test_the_coordinators_figures_count_the_whole_service(training, coordinator, worker, team_mate, other_worker):
    digest = digest_for(coordinator, NOVEMBER, TODAY)

    assert digest.whole_service
    assert digest.team_id is None
    assert digest.people == 6
    [systemic, signs] = [line.share for line in digest.targets]
    # Five social workers (both supervisors are too), one with the systemic introduction.
    assert (systemic.population, systemic.trained, systemic.percent) == (5, 1, 20)
    # Six staff, one with current Signs of Safety, against a target of half: 17%.
    assert (signs.population, signs.trained, signs.percent, signs.met) == (6, 1, 17, False)
    # The other worker's ran out in October: not this month's news.
    assert [lapse.person for lapse in digest.lapses] == [worker.full_name]
    assert sorted(place.person for place in digest.booked) == sorted([team_mate.full_name, other_worker.full_name])
    assert digest.booked_people == 2
    spend = digest.spend
    assert (spend.year, spend.budget, spend.spent, spend.remaining, spend.share_used) == (
        2026,
        Decimal("10000.00"),
        Decimal("1200.00"),
        Decimal("8800.00"),
        12,
    )


def test_a_target_met_by_the_area_says_so(training, supervisor, team_mate, worker):
    completed(team_mate, training["systemic"], date(2026, 9, 1))
    completed(supervisor, training["systemic"], date(2026, 9, 1))
    completed(worker, training["signs"], date(2026, 11, 25))

    digest = digest_for(supervisor, NOVEMBER, TODAY)

    [systemic, signs] = [line.share for line in digest.targets]
    assert (systemic.trained, systemic.percent, systemic.met) == (3, 100, True)
    assert (signs.trained, signs.percent, signs.met) == (2, 67, True)
    # Renewed within the month: nothing lapsed any more.
    assert digest.lapses == []
    assert digest.targets_met == 2


def test_the_april_digest_shows_the_spend_of_the_year_just_ended(training, coordinator):
    Spend.objects.create(
        spent_on=date(2027, 3, 20), amount=Decimal("300.00"), description="March", recorded_by=coordinator
    )

    digest = digest_for(coordinator, month_before(date(2027, 4, 1)), date(2027, 4, 1))

    assert (digest.spend.year, digest.spend.spent) == (2026, Decimal("1500.00"))


# --- Who gets one -----------------------------------------------------------------------------


def test_each_manager_and_the_coordinator_get_one_digest_each(
    training, supervisor, other_supervisor, coordinator, worker, service_manager, mailoutbox
):
    output = run()

    assert sorted(message.to[0] for message in mailoutbox) == sorted(
        [supervisor.email, other_supervisor.email, service_manager.email, coordinator.email]
    )
    assert output.strip() == "Sent 4 uptake digests for November 2026."
    assert "everyone in the service" in emails_to(mailoutbox, service_manager)[0].body
    assert set(EmailSent.objects.values_list("key", flat=True)) == {"training-uptake-digest:2026-11"}


def test_someone_both_manager_and_coordinator_gets_one_digest_of_the_whole_service(training, coordinator, mailoutbox):
    coordinator.groups.add(Group.objects.get(name=Role.SUPERVISOR))

    run()

    [message] = emails_to(mailoutbox, coordinator)
    assert "everyone in the service" in message.body


def test_a_manager_with_nobody_to_manage_gets_nothing(db, other_team, mailoutbox):
    lonely = UserFactory(team=TeamFactory(service=other_team.service), roles=[Role.SUPERVISOR])

    run()

    assert emails_to(mailoutbox, lonely) == []
    assert digest_for(lonely, NOVEMBER, TODAY) is None


def test_people_who_left_get_nothing(training, supervisor, mailoutbox):
    supervisor.is_active = False
    supervisor.save()

    run()

    assert emails_to(mailoutbox, supervisor) == []


def test_a_manager_sees_only_their_people(training, supervisor, other_supervisor, worker, other_worker, mailoutbox):
    run()

    [to_supervisor] = emails_to(mailoutbox, supervisor)
    [to_other] = emails_to(mailoutbox, other_supervisor)
    for body in (to_supervisor.body, html_of(to_supervisor)):
        assert worker.full_name in body
        assert other_worker.full_name not in body
        assert "Spend against budget" not in body
        assert "SPEND AGAINST BUDGET" not in body
    for body in (to_other.body, html_of(to_other)):
        assert other_worker.full_name in body
        assert worker.full_name not in body


# --- Once a month -----------------------------------------------------------------------------


def test_a_second_run_in_the_month_sends_nothing_and_the_next_month_sends_again(training, mailoutbox):
    run()
    output = run(today=date(2026, 12, 15))

    assert len(mailoutbox) == 3
    assert output.strip() == "Sent 0 uptake digests for November 2026."

    run(today=date(2027, 1, 1))

    assert len(mailoutbox) == 6
    assert {message.subject for message in mailoutbox[3:]} == {"Training uptake for December 2026"}
    assert EmailSent.objects.filter(key="training-uptake-digest:2026-12").count() == 3


def test_dry_run_lists_but_sends_and_records_nothing(training, supervisor, mailoutbox):
    output = run("--dry-run")

    assert mailoutbox == []
    assert not EmailSent.objects.exists()
    assert (
        f"Would email {supervisor.email}: Training uptake for November 2026 (training-uptake-digest:2026-11): "
        "3 people, 0 of 2 targets met, 1 lapsed, 1 booked"
    ) in output
    assert output.splitlines()[-1] == (
        "Dry run for 1 December 2026: would send 3 uptake digests for November 2026. Nothing was sent or recorded."
    )


def test_a_failed_send_records_nothing_so_the_next_run_tries_again(training, mailoutbox, monkeypatch):
    def refuse(self, fail_silently=False):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    with monkeypatch.context() as patch:
        patch.setattr(EmailMultiAlternatives, "send", refuse)
        with pytest.raises(CommandError, match="3 emails could not be sent"):
            run()
    assert not EmailSent.objects.exists()

    run()

    assert len(mailoutbox) == 3


def test_date_must_be_a_real_date():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send_training_uptake_digest", "--date=01/12/2026")


# --- The email ------------------------------------------------------------------------------


def links_in(text: str) -> list[str]:
    return re.findall(rf"{re.escape(BASE)}[^\s\"<]*", text)


def matrix_filters(link: str) -> dict:
    parts = urlsplit(link.replace("&amp;", "&"))
    match = resolve(parts.path)
    assert match.view_name == "training:uptake"
    return {name: values[0] for name, values in parse_qs(parts.query).items()}


def test_the_managers_email_in_plain_text(training, supervisor, worker, team_mate, team, mailoutbox):
    run()

    [message] = emails_to(mailoutbox, supervisor)
    body = message.body
    assert message.subject == "Training uptake for November 2026"
    assert f"Hello {supervisor.get_short_name()}," in body
    assert f"the people you manage in {team.name} for November 2026" in body
    assert "COVERAGE AGAINST TARGETS\nOn 1 December 2026, 0 of 2 targets met." in body
    assert "- 100% of social workers at least introductory Systemic practice: 1 of 3 (33%). Below target." in body
    assert "- 50% of staff at least introductory Signs of Safety: 1 of 3 (33%). Below target." in body
    assert (
        f"LAPSED IN NOVEMBER 2026\n- {worker.full_name} ({team.name}): Signs of Safety: two-day introduction, "
        "ran out on 20 November 2026"
    ) in body
    assert "1 place booked for 1 person." in body
    assert (
        f"- 12 January 2027: {team_mate.full_name}, Introduction to systemic practice (Guildhall, Committee Room 3)"
    ) in body
    assert "&#x27;" not in body
    assert "&amp;" not in body


def test_the_coordinators_email_shows_spend_against_budget(training, coordinator, mailoutbox):
    run()

    [message] = emails_to(mailoutbox, coordinator)
    assert "the training uptake of everyone in the service for November 2026" in message.body
    assert "For the financial year from 1 April 2026 to 31 March 2027, so far." in message.body
    assert "- Budget: £10,000.00\n- Spent: £1,200.00 (12% of the budget)\n- Left to spend: £8,800.00" in message.body
    assert f"{BASE}/training/manage/spend/" in message.body
    html = html_of(message)
    assert ">Spend against budget</h2>" in html
    assert re.search(r'<th scope="row" style="[^"]*">Budget</th>', html)
    assert "£8,800.00" in html


def test_the_managers_email_in_html(training, supervisor, worker, team_mate, mailoutbox):
    run()

    [message] = emails_to(mailoutbox, supervisor)
    html = html_of(message)
    assert "<title>Training uptake for November 2026</title>" in html
    assert '<h1 style="font-size: 28px; margin: 0 0 16px 0;">Training uptake for November 2026</h1>' in html
    for heading in ("Coverage against targets", "Lapsed in November 2026", "Booked on dates to come"):
        assert f">{heading}</h2>" in html
    # Tables with headers, styles inline only, nothing that needs an image.
    assert html.count("<table") == 3
    assert html.count('<th scope="col"') == 10
    for unwanted in ("<style", "<link", "<img", "class="):
        assert unwanted not in html
    for shown in ("1 of 3", "33%", "Below target", worker.full_name, "20 November 2026"):
        assert shown in html
    for shown in (team_mate.full_name, "12 January 2027", "Guildhall, Committee Room 3"):
        assert shown in html


def test_the_links_open_the_matrix_filtered_to_the_managers_area(training, supervisor, team, mailoutbox, client):
    run()

    [message] = emails_to(mailoutbox, supervisor)
    text_links = links_in(message.body)
    html_links = [link.replace("&amp;", "&") for link in links_in(html_of(message))]
    assert sorted(set(text_links)) == sorted(set(html_links))
    team_id, role_id = str(team.pk), str(Group.objects.get(name=Role.SOCIAL_WORKER).pk)
    systemic, signs = training["systemic"].programme_id, training["signs"].programme_id
    filters = [matrix_filters(link) for link in text_links if "/training/uptake/?" in link or link.endswith("/uptake/")]
    assert filters == [
        {"team": team_id, "role": role_id, "programme": str(systemic)},
        {"team": team_id, "programme": str(signs)},
        {"team": team_id, "status": "expired"},
        {"team": team_id, "status": "booked"},
        {"team": team_id},
    ]
    assert resolve(urlsplit(text_links[-1]).path).view_name == "training:coverage"

    client.force_login(supervisor)
    response = client.get(urlsplit(text_links[-2]).path + "?" + urlsplit(text_links[-2]).query)
    assert response.status_code == 200


def test_the_booked_link_does_not_promise_the_emails_count_where_someone_repeats_a_course(
    training, supervisor, worker, team_mate, mailoutbox, client
):
    # The worker has done the systemic introduction and is booked to do it again: the email lists the place,
    # the matrix shows the course as done.
    january = BookingFactory._meta.model.objects.get(person=team_mate, completed_on__isnull=True).course_date
    BookingFactory(person=worker, course_date=january)
    run()

    [message] = emails_to(mailoutbox, supervisor)
    assert "2 places booked for 2 people." in message.body
    assert "Everyone with a place booked" not in message.body
    assert (
        "The matrix of people booked on training they have not done yet (someone booked to repeat training "
        "they have already done shows there as done, so the matrix can list fewer people than this email):\n"
        f"{BASE}/training/uptake/?"
    ) in message.body
    html = html_of(message)
    assert ">The matrix of people booked on training they have not done yet</a>. Someone booked to repeat" in html
    assert "Everyone with a place booked" not in html
    [link] = [link for link in links_in(message.body) if "status=booked" in link]
    client.force_login(supervisor)
    matrix = client.get(link.removeprefix(BASE)).content.decode()
    assert team_mate.full_name in matrix
    assert worker.full_name not in matrix


def test_the_coordinators_matrix_link_is_the_whole_service(training, coordinator, mailoutbox):
    run()

    [message] = emails_to(mailoutbox, coordinator)
    assert f"The training matrix for everyone in the service:\n{BASE}/training/uptake/\n" in message.body
    assert f"{BASE}/training/uptake/?status=expired" in message.body


def test_long_lists_are_cut_short_with_a_count(training, supervisor, team, mailoutbox):
    date_to_come = course_date(training["systemic"], date(2027, 1, 20), capacity=100)
    for _ in range(27):
        BookingFactory(person=UserFactory(team=team, line_manager=supervisor), course_date=date_to_come)

    run()

    [message] = emails_to(mailoutbox, supervisor)
    assert "28 places booked for 28 people." in message.body
    assert "- and 3 more" in message.body
    assert message.body.count("Introduction to systemic practice (Guildhall") == 25
    assert "And 3 more." in html_of(message)


# --- Scale --------------------------------------------------------------------------------------


def _team_of(size: int, manager, training) -> None:
    systemic, signs = training["systemic"], training["signs"]
    lapsing = course_date(signs, date(2024, 11, 10))
    done = course_date(systemic, date(2026, 5, 5))
    coming = course_date(systemic, date(2027, 1, 25), capacity=200)
    for number in range(size):
        person = UserFactory(team=manager.team, line_manager=manager, roles=[Role.SOCIAL_WORKER])
        BookingFactory(person=person, course_date=lapsing, attendance="attended", completed_on=date(2024, 11, 10))
        if number % 2:
            BookingFactory(person=person, course_date=done, attendance="attended", completed_on=date(2026, 5, 5))
        else:
            BookingFactory(person=person, course_date=coming)


def test_the_number_of_queries_does_not_grow_with_the_team(
    training, supervisor, django_assert_max_num_queries, mailoutbox
):
    # The recipients; for each, at most 15: their permissions (2), whether they see anyone, their team, the
    # coverage page's figures (8 at most for the whole service), the courses, the bookings to come and the
    # matrix's expired cells (2); the emails already sent; then a savepoint, a row and its release per email.
    _team_of(40, supervisor, training)

    with django_assert_max_num_queries(1 + 3 * 15 + 1 + 3 * 3):
        output = run()

    assert output.strip() == "Sent 3 uptake digests for November 2026."
    [message] = emails_to(mailoutbox, supervisor)
    assert (
        "- 100% of social workers at least introductory Systemic practice: 21 of 43 (49%). Below target."
        in message.body
    )
    assert "- and 16 more" in message.body  # 41 lapsed: the worker and the 40


def test_a_bigger_team_takes_no_more_queries(training, supervisor, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _team_of(5, supervisor, training)
    with CaptureQueriesContext(connection) as small:
        run("--dry-run")
    _team_of(40, supervisor, training)

    with django_assert_max_num_queries(len(small.captured_queries)):
        run("--dry-run")
