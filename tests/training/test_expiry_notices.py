"""Before anything lapses: the person's emails 60 and 30 days before their training runs out, their manager's
weekly digest, and the recertification window (training.expiry and its two commands)."""

import re
from datetime import date, timedelta
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import resolve, reverse
from django.utils import timezone

from portal.dates import add_months
from portal.models import EmailSent
from portal.roles import Role
from tests.dates import half_past
from tests.factories import BookingFactory, CourseDateFactory, CourseFactory, ProgrammeFactory, UserFactory
from training import expiry, services
from training.manage_forms import CourseForm
from training.models import Booking, BookingStatus, Level
from training.services import BookingError

pytestmark = pytest.mark.django_db

MONTHS = 24


@pytest.fixture
def sos(db):
    """Signs of Safety: an introduction required for social workers and renewed every two years (booked again from
    90 days before it runs out), its refresher, and a date of each to come."""
    programme = ProgrammeFactory(name="Signs of Safety")
    intro = CourseFactory(
        programme=programme, title="Signs of Safety: introduction", refresh_months=MONTHS, recertify_from_days=90
    )
    intro.required_for.add(Group.objects.get(name=Role.SOCIAL_WORKER))
    refresher = CourseFactory(
        programme=programme, title="Signs of Safety: refresher", level=Level.REFRESHER, refresh_months=MONTHS
    )
    return {
        "intro": intro,
        "refresher": refresher,
        "intro_date": CourseDateFactory(course=intro, capacity=12),
        "refresher_date": CourseDateFactory(
            course=refresher,
            capacity=1,
            starts_at=half_past(9, days_from_now=20),
            ends_at=half_past(16, days_from_now=20),
        ),
    }


def holds(person, course, expires_on: date) -> Booking:
    """`person` completed `course` so that it runs out on `expires_on`."""
    completed_on = add_months(expires_on, -MONTHS)
    assert add_months(completed_on, MONTHS) == expires_on
    starts = half_past(9, days_from_now=(completed_on - timezone.localdate()).days)
    course_date = CourseDateFactory(course=course, starts_at=starts, ends_at=starts + timedelta(hours=7))
    return BookingFactory(
        course_date=course_date, person=person, attendance="attended", hours_attended=6, completed_on=completed_on
    )


def notices(on: date, *options) -> str:
    out = StringIO()
    call_command("send_training_expiry_notices", f"--date={on.isoformat()}", *options, stdout=out)
    return out.getvalue()


def digest(on: date, *options) -> str:
    out = StringIO()
    call_command("send_training_expiry_digest", f"--date={on.isoformat()}", *options, stdout=out)
    return out.getvalue()


def _expires_on(days: int) -> date:
    """The day `days` from today (the day after, should it be 29 February: two years back has none)."""
    day = timezone.localdate() + timedelta(days=days)
    return day + timedelta(days=1) if (day.month, day.day) == (2, 29) else day


# --- The person's notices ----------------------------------------------------------------------


def test_each_threshold_is_emailed_exactly_at_its_boundary_and_never_twice(worker, sos):
    runs_out = _expires_on(90)
    holds(worker, sos["intro"], runs_out)

    assert "Sent 0 training expiry emails." in notices(runs_out - timedelta(days=61))
    assert mail.outbox == []

    assert "Sent 1 training expiry email." in notices(runs_out - timedelta(days=60))
    assert [message.to for message in mail.outbox] == [[worker.email]]
    key = f"{worker.pk}:{sos['intro'].pk}:{runs_out.isoformat()}"
    assert list(EmailSent.objects.values_list("key", flat=True)) == [f"training-expiry-60:{key}"]

    for day in (59, 31):
        notices(runs_out - timedelta(days=day))
    assert len(mail.outbox) == 1

    notices(runs_out - timedelta(days=30))
    assert len(mail.outbox) == 2
    assert "in 30 days" in mail.outbox[1].body
    assert set(EmailSent.objects.values_list("key", flat=True)) == {
        f"training-expiry-60:{key}",
        f"training-expiry-30:{key}",
    }

    for day in (30, 29, 0):
        notices(runs_out - timedelta(days=day))
    assert len(mail.outbox) == 2
    # Once it has run out, it is the manager's digest that says so.
    notices(runs_out + timedelta(days=1))
    assert len(mail.outbox) == 2


def test_someone_first_seen_within_30_days_gets_one_email_for_both_thresholds(worker, sos):
    runs_out = _expires_on(80)
    holds(worker, sos["intro"], runs_out)
    notices(runs_out - timedelta(days=20))
    notices(runs_out - timedelta(days=19))
    assert len(mail.outbox) == 1
    assert EmailSent.objects.count() == 2


def test_a_dry_run_lists_the_emails_and_sends_and_records_nothing(worker, sos):
    runs_out = _expires_on(40)
    holds(worker, sos["intro"], runs_out)
    output = notices(timezone.localdate(), "--dry-run")
    assert f"Would email {worker.email}: Your Signs of Safety: introduction training runs out on" in output
    assert "would send 1 training expiry email. Nothing was sent or recorded." in output
    assert mail.outbox == []
    assert not EmailSent.objects.exists()
    # The real run still sends it.
    notices(timezone.localdate())
    assert len(mail.outbox) == 1


def test_the_notice_says_what_runs_out_when_with_the_next_dates_and_links_that_work(client, worker, sos):
    today = timezone.localdate()
    runs_out = _expires_on(40)
    holds(worker, sos["intro"], runs_out)
    BookingFactory(course_date=sos["refresher_date"])  # the refresher date's only place is taken
    notices(today)
    (message,) = mail.outbox
    assert message.subject == f"Your Signs of Safety: introduction training runs out on {runs_out:%-d %B %Y}"
    text = message.body
    days = (runs_out - today).days
    assert f"runs out on {runs_out:%A %-d %B %Y}, in {days} days. Your role needs it" in text
    refresher_day = timezone.localtime(sos["refresher_date"].starts_at)
    intro_day = timezone.localtime(sos["intro_date"].starts_at)
    assert f"- Signs of Safety: refresher, {refresher_day:%A %-d %B %Y} at 09:30" in text
    assert "full (you can join the waiting list)" in text
    assert f"- Signs of Safety: introduction, {intro_day:%A %-d %B %Y} at 09:30" in text
    assert "12 places left" in text
    html, content_type = message.alternatives[0]
    assert content_type == "text/html"
    assert f"<strong>{runs_out:%A %-d %B %Y}</strong>, in {days} days" in html
    assert "Full: join the waiting list" in html

    links = re.findall(re.escape(settings.PORTAL_BASE_URL) + r"(/\S*)", text)
    assert {resolve(link).url_name for link in links} == {"confirm-request", "course", "mine"}
    assert sorted(re.findall(r'href="' + re.escape(settings.PORTAL_BASE_URL) + r'([^"]*)"', html)) == sorted(links)
    client.force_login(worker)
    for link in links:
        assert client.get(link).status_code == 200, link
    # Following a link changes nothing: asking takes the button on the page it opens.
    assert not Booking.objects.filter(person=worker, completed_on__isnull=True).exists()


def test_the_notice_marks_each_date_that_starts_after_the_training_runs_out(worker, sos):
    today = timezone.localdate()
    runs_out = _expires_on(17)  # after the introduction's date (14 days on), before the refresher's (20)
    holds(worker, sos["intro"], runs_out)
    days = (runs_out - today).days
    CourseDateFactory(
        course=sos["refresher"], starts_at=half_past(9, days_from_now=days), ends_at=half_past(16, days_from_now=days)
    )
    notices(today)
    (message,) = mail.outbox
    text = message.body
    assert 'a date marked "after your training runs out" leaves you without it until you have been.' in text
    intro_day = timezone.localtime(sos["intro_date"].starts_at)
    refresher_day = timezone.localtime(sos["refresher_date"].starts_at)
    assert f"- Signs of Safety: introduction, {intro_day:%A %-d %B %Y} at 09:30, " in text
    assert f"- Signs of Safety: refresher, {runs_out:%A %-d %B %Y} at 09:30 (after your training runs out), " in text
    assert f"- Signs of Safety: refresher, {refresher_day:%A %-d %B %Y} at 09:30 (after your training runs out), " in (
        text
    )
    assert text.count("(after your training runs out)") == 2
    # Those before it runs out come first.
    assert text.index(f"{intro_day:%A %-d %B %Y}") < text.index("(after your training runs out)")
    html = message.alternatives[0][0]
    assert html.count("<strong>After your training runs out</strong>") == 2


def test_a_notice_with_every_date_before_expiry_flags_none(worker, sos):
    holds(worker, sos["intro"], _expires_on(59))
    sos["intro_date"].delete()
    notices(timezone.localdate())
    (message,) = mail.outbox
    assert "Signs of Safety: refresher" in message.body
    assert "after your training runs out" not in message.body.lower()
    assert "after your training runs out" not in message.alternatives[0][0].lower()


@pytest.mark.parametrize(
    ("expiring", "expired", "subject"),
    [
        (1, 0, "1 course runs out soon"),
        (2, 0, "2 courses run out soon"),
        (0, 1, "1 course has run out"),
        (0, 3, "3 courses have run out"),
        (1, 1, "1 course runs out soon and 1 course has run out"),
        (2, 3, "2 courses run out soon and 3 courses have run out"),
    ],
)
def test_the_digest_subject_agrees_with_its_numbers(expiring, expired, subject):
    assert expiry.digest_subject(expiring, expired) == f"Your people’s training: {subject}"


def test_the_required_training_box_says_a_place_is_requested_on_the_refresher(client, worker, sos):
    holds(worker, sos["intro"], _expires_on(40))
    client.force_login(worker)
    box = client.get(reverse("training:mine")).content.decode().split("Training you must do", 1)[1]
    box = box.split("Coming up", 1)[0]
    assert "Your role needs 1 course that you have not done, or that needs doing again." in box
    assert "Choose a date and ask for a place." in box

    services.request_place(worker, sos["refresher_date"], by=worker)
    box = client.get(reverse("training:mine")).content.decode().split("Training you must do", 1)[1]
    box = box.split("Coming up", 1)[0]
    day = timezone.localtime(sos["refresher_date"].starts_at)
    assert f"You have asked for a place on Signs of Safety: refresher for {day:%-d %B %Y}." in box
    assert "Choose a date" not in box

    Booking.objects.filter(person=worker, course_date=sos["refresher_date"]).update(status=BookingStatus.BOOKED)
    box = client.get(reverse("training:mine")).content.decode().split("Training you must do", 1)[1]
    assert f"You have a place on Signs of Safety: refresher for {day:%-d %B %Y}." in box.split("Coming up", 1)[0]


def test_the_required_training_box_agrees_with_several_courses(client, worker, sos):
    other = CourseFactory(title="Information governance", refresh_months=12)
    other.required_for.add(Group.objects.get(name=Role.SOCIAL_WORKER))
    BookingFactory(person=worker, course_date=CourseDateFactory(course=other), status=BookingStatus.WAITING)
    client.force_login(worker)
    box = client.get(reverse("training:mine")).content.decode().split("Training you must do", 1)[1]
    assert "Your role needs 2 courses that you have not done, or that need doing again." in box
    assert "You are on the waiting list for " in box
    assert "You are on the waiting list on Information governance" not in box


def test_leavers_and_inactive_people_get_nothing(worker, team_mate, team, sos):
    today = timezone.localdate()
    runs_out = _expires_on(40)
    leaving_soon = UserFactory(team=team, roles=[Role.SOCIAL_WORKER], leaving_date=today + timedelta(days=10))
    left = UserFactory(team=team, roles=[Role.SOCIAL_WORKER], leaving_date=today)
    worker.is_active = False
    worker.save()
    for person in (worker, left, leaving_soon):
        holds(person, sos["intro"], runs_out)
    notices(today)
    assert [message.to for message in mail.outbox] == [[leaving_soon.email]]


def test_someone_already_booked_to_renew_it_is_not_emailed(worker, sos):
    runs_out = _expires_on(40)
    holds(worker, sos["intro"], runs_out)
    BookingFactory(course_date=sos["refresher_date"], person=worker, status=BookingStatus.PENDING, approved_at=None)
    notices(timezone.localdate())
    assert mail.outbox == []


def test_a_refresher_done_since_renews_the_course_and_is_not_emailed_twice(worker, sos):
    runs_out = _expires_on(40)
    holds(worker, sos["intro"], runs_out - timedelta(days=200))
    holds(worker, sos["refresher"], runs_out)
    notices(timezone.localdate())
    (message,) = mail.outbox
    assert message.subject.startswith("Your Signs of Safety: introduction training runs out on")
    assert f"{runs_out:%-d %B %Y}" in message.subject


def test_the_notices_are_read_in_a_fixed_number_of_queries(team, sos, django_assert_max_num_queries):
    runs_out = _expires_on(40)
    for _ in range(15):
        holds(UserFactory(team=team, roles=[Role.SOCIAL_WORKER]), sos["intro"], runs_out)
    with django_assert_max_num_queries(6):
        emails = expiry.expiry_notices(timezone.localdate())
    assert len(emails) == 15


# --- The manager's digest ----------------------------------------------------------------------


def test_each_line_manager_gets_one_digest_a_week_of_their_people_only(
    worker, team_mate, supervisor, other_worker, other_supervisor, sos
):
    monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    holds(worker, sos["intro"], monday + timedelta(days=40))
    holds(team_mate, sos["intro"], monday - timedelta(days=5))
    optional = CourseFactory(programme=sos["intro"].programme, title="Signs of Safety: advanced", refresh_months=MONTHS)
    holds(team_mate, optional, monday - timedelta(days=3))  # not required: not listed once run out
    # Far from running out: nothing to report for other_worker's manager.
    other_worker.line_manager = other_supervisor
    other_worker.save()
    holds(other_worker, sos["intro"], monday + timedelta(days=300))

    assert "Sent 1 training expiry digest for week" in digest(monday)
    (message,) = mail.outbox
    assert message.to == [supervisor.email]
    assert message.subject == "Your people’s training: 1 course runs out soon and 1 course has run out"
    text = message.body
    assert f"- {team_mate.full_name}: Signs of Safety: introduction, ran out on " in text
    assert f"{monday - timedelta(days=5):%-d %B %Y} (not booked)" in text
    assert (
        f"- {worker.full_name}: Signs of Safety: introduction, runs out on "
        f"{monday + timedelta(days=40):%-d %B %Y} (required), not booked"
    ) in text
    assert "advanced" not in text
    html = message.alternatives[0][0]
    assert f'<td style="padding: 4px 12px 4px 0;">{worker.full_name}</td>' in html
    assert "Required training that has run out" in html
    year, week, _ = monday.isocalendar()
    assert EmailSent.objects.get().key == f"training-expiry-digest:{year}-W{week:02d}"
    links = re.findall(re.escape(settings.PORTAL_BASE_URL) + r"(/\S*)", text)
    assert {resolve(link.split("?")[0]).url_name for link in links} == {"uptake"}

    digest(monday + timedelta(days=3))
    digest(monday + timedelta(days=6))
    assert len(mail.outbox) == 1
    digest(monday + timedelta(days=7))
    assert len(mail.outbox) == 2


def test_a_digest_dry_run_sends_and_records_nothing(worker, supervisor, sos):
    holds(worker, sos["intro"], _expires_on(20))
    output = digest(timezone.localdate(), "--dry-run")
    assert f"Would email {supervisor.email}: Your people’s training: 1 course runs out soon" in output
    assert "would send 1 training expiry digest. Nothing was sent or recorded." in output
    assert mail.outbox == []
    assert not EmailSent.objects.exists()


def test_nobody_with_nothing_to_report_gets_a_digest(worker, supervisor, sos):
    holds(worker, sos["intro"], _expires_on(61))
    assert "Sent 0 training expiry digests" in digest(timezone.localdate())
    assert mail.outbox == []


def test_a_manager_who_has_left_gets_no_digest(worker, supervisor, sos):
    holds(worker, sos["intro"], _expires_on(20))
    supervisor.leaving_date = timezone.localdate()
    supervisor.save()
    digest(timezone.localdate())
    assert mail.outbox == []


def test_the_digests_are_read_in_a_fixed_number_of_queries(team, supervisor, sos, django_assert_max_num_queries):
    for index in range(15):
        person = UserFactory(team=team, line_manager=supervisor, roles=[Role.SOCIAL_WORKER])
        holds(person, sos["intro"], _expires_on(10 + index))
    with django_assert_max_num_queries(5):
        (digest_due,) = expiry.digests_due(timezone.localdate())
    assert len(digest_due.expiring) == 15


# --- The recertification window ----------------------------------------------------------------


def test_current_training_is_booked_again_only_from_its_window(client, worker, sos):
    runs_out = _expires_on(120)
    holds(worker, sos["intro"], runs_out)
    opens = runs_out - timedelta(days=90)
    for course_date in (sos["intro_date"], sos["refresher_date"]):
        with pytest.raises(BookingError, match=f"from {opens:%-d %B %Y}"):
            services.request_place(worker, course_date, by=worker)

    client.force_login(worker)
    response = client.post(reverse("training:request-place", args=[sos["intro_date"].pk]), follow=True)
    assert response.status_code == 200
    assert f"You can book Signs of Safety: introduction from {opens:%-d %B %Y}" in response.content.decode()
    assert not Booking.objects.filter(person=worker, completed_on__isnull=True).exists()

    course_page = client.get(reverse("training:course", args=[sos["intro"].pk])).content.decode()
    assert f"You can book this course from <strong>{opens:%-d %B %Y}</strong>" in course_page
    assert f"Book from {opens:%-d %B %Y}" in course_page
    assert "Request a place<span" not in course_page
    confirm = client.get(reverse("training:confirm-request", args=[sos["refresher_date"].pk])).content.decode()
    assert f"You can book this course from <strong>{opens:%-d %B %Y}</strong>" in confirm
    assert "Ask for a place</button>" not in confirm


def test_the_window_opens_exactly_recertify_from_days_before_expiry(worker, sos):
    runs_out = _expires_on(90)
    holds(worker, sos["intro"], runs_out)
    days_left = (runs_out - timezone.localdate()).days
    sos["intro"].recertify_from_days = days_left - 1
    sos["intro"].save()
    with pytest.raises(BookingError, match=f"from {timezone.localdate() + timedelta(days=1):%-d %B %Y}"):
        services.request_place(worker, sos["intro_date"], by=worker)
    sos["intro"].recertify_from_days = days_left
    sos["intro"].save()
    booking = services.request_place(worker, sos["intro_date"], by=worker)
    assert booking.status == BookingStatus.PENDING


def test_training_run_out_or_never_done_can_be_booked_at_once(worker, team_mate, sos):
    holds(worker, sos["intro"], timezone.localdate() - timedelta(days=1))
    assert services.request_place(worker, sos["intro_date"], by=worker)
    assert services.request_place(team_mate, sos["refresher_date"], by=team_mate)


def test_the_confirm_page_asks_with_a_button_and_changes_nothing_itself(client, worker, sos):
    client.force_login(worker)
    url = reverse("training:confirm-request", args=[sos["intro_date"].pk])
    page = client.get(url).content.decode()
    assert "Ask for a place on Signs of Safety: introduction" in page
    assert "12 places left" in page
    assert f'action="{reverse("training:request-place", args=[sos["intro_date"].pk])}"' in page
    assert not Booking.objects.exists()
    client.post(reverse("training:request-place", args=[sos["intro_date"].pk]))
    assert "You already have a place or a request on this date." in client.get(url).content.decode()


# --- The person's training page and the course form --------------------------------------------


def test_my_training_lists_what_runs_out_with_days_left_and_when_it_can_be_booked(client, worker, sos):
    today = timezone.localdate()
    soon = _expires_on(45)
    holds(worker, sos["intro"], soon)
    late_window = CourseFactory(
        programme=ProgrammeFactory(name="Safeguarding"),
        title="Safeguarding update",
        refresh_months=MONTHS,
        recertify_from_days=30,
    )
    later = _expires_on(50)
    holds(worker, late_window, later)
    holds(worker, CourseFactory(title="Not yet", refresh_months=MONTHS), _expires_on(61))
    client.force_login(worker)
    page = client.get(reverse("training:mine")).content.decode()
    assert "Training that runs out soon" in page
    rows = re.findall(r"<tr class=\"govuk-table__row\">\s*<th scope=\"row\".*?</tr>", page, re.S)
    running_out = [row for row in rows if "Days left" not in row and ("Signs of" in row or "Safeguarding" in row)]
    sos_row = next(row for row in running_out if "Signs of Safety: introduction" in row)
    assert f"{soon:%-d %B %Y}" in sos_row
    assert f">{(soon - today).days}<" in sos_row
    assert f'href="{reverse("training:course", args=[sos["intro"].pk])}"' in sos_row
    assert f'href="{reverse("training:course", args=[sos["refresher"].pk])}"' in sos_row
    safeguarding_row = next(row for row in running_out if "Safeguarding update" in row)
    assert f"Book a refresher from {later - timedelta(days=30):%-d %B %Y}" in safeguarding_row
    assert "Not yet" not in page


def test_the_course_form_sets_the_recertification_window(sos):
    data = {
        "programme": sos["intro"].programme_id,
        "title": "Signs of Safety: introduction",
        "level": "introductory",
        "provider": "Safer Futures",
        "format": "in_person",
        "hours": "12",
        "cost_per_place": "240",
        "refresh_months": "24",
        "description": "",
        "is_active": "yes",
    }
    form = CourseForm({**data, "recertify_from_days": "45"}, instance=sos["intro"])
    assert form.is_valid(), form.errors
    assert form.save().recertify_from_days == 45
    kept = CourseForm({**data, "recertify_from_days": ""}, instance=sos["intro"])
    assert kept.is_valid()
    assert kept.save().recertify_from_days == 45
    assert CourseForm({**data, "title": "New", "recertify_from_days": ""}).is_valid()
    wrong = CourseForm({**data, "recertify_from_days": "0"}, instance=sos["intro"])
    assert wrong.errors["recertify_from_days"] == ["Enter a number of days from 1 to 365"]


def test_the_course_page_for_the_coordinator_has_the_window_with_a_hint(client, coordinator, sos):
    client.force_login(coordinator)
    page = client.get(reverse("training:course-edit", args=[sos["intro"].pk])).content.decode()
    assert "Refresher can be booked from (days before it runs out)" in page
    assert "may book this course or its programme’s refresher. Leave empty for 90 days." in page
    assert 'name="recertify_from_days" value="90"' in page


# --- The demo ----------------------------------------------------------------------------------


def test_the_demo_attaches_a_certificate_to_the_expiring_signs_of_safety(sos):
    from training.demo import expiry as demo_expiry
    from training.demo.course_dates import KWAME

    kwame = UserFactory(email=KWAME, full_name="Kwame Asante", roles=[Role.SOCIAL_WORKER])
    assert demo_expiry.load(timezone.localdate()) is False  # nothing of his to attach it to yet
    booking = holds(kwame, sos["intro"], _expires_on(38))
    assert demo_expiry.load(timezone.localdate()) is True
    booking.refresh_from_db()
    assert bytes(booking.certificate).startswith(b"%PDF-1.4")
    assert b"Awarded to Kwame Asante" in bytes(booking.certificate)
    assert (booking.certificate_name, booking.certificate_type) == (
        "signs-of-safety-certificate.pdf",
        "application/pdf",
    )
    assert [email.recipient for email in expiry.expiry_notices(timezone.localdate())] == [kwame]
