"""The training tracker in a real browser: each person's flows, by keyboard, with axe-core on every page."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.cache import caches
from django.utils import timezone
from playwright.sync_api import expect

from portal.roles import Role
from tests.factories import BookingFactory, CourseDateFactory, CourseFactory, ProgrammeFactory
from training.models import (
    Booking,
    BookingStatus,
    Course,
    CourseDate,
    CoverageTarget,
    Evaluation,
    ExternalLearning,
    Programme,
    Spend,
    financial_year_of,
)

TITLE_SUFFIX = " – Children's social care practice portal – City of London Corporation"
PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def empty_cache(transactional_db):
    """Start each test without the last one's sign-in counters or cached pages."""
    for name in settings.CACHES:
        caches[name].clear()


def is_focused(locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page, locator, *, presses=60):
    """Press Tab until `locator` has focus; fail after `presses`."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if is_focused(locator):
            return
    pytest.fail(f"The keyboard never reached {locator}")


def success_banner(page):
    return page.locator(".govuk-notification-banner--success")


def error_summary(page):
    return page.locator(".govuk-error-summary")


def wait_for_error_summary_focus(page):
    """GOV.UK Frontend moves focus to the error summary on load, so screen readers announce it."""
    page.wait_for_function("document.activeElement.classList.contains('govuk-error-summary')")


def heading(page):
    return page.get_by_role("heading", level=1)


def as_typed(day) -> str:
    return day.strftime("%d %m %Y")


def when(course_date) -> str:
    return f"{timezone.localtime(course_date.starts_at):%-d %B %Y}"


def _at(days: int) -> timezone.datetime:
    return (timezone.localtime() + timedelta(days=days)).replace(hour=9, minute=30, second=0, microsecond=0)


def dated(course, days: int, **kwargs) -> CourseDate:
    return CourseDateFactory(course=course, starts_at=_at(days), ends_at=_at(days) + timedelta(hours=7), **kwargs)


def completed(person, course_date, **kwargs) -> Booking:
    return BookingFactory(
        course_date=course_date,
        person=person,
        attendance="attended",
        hours_attended=course_date.course.hours,
        completed_on=timezone.localtime(course_date.starts_at).date(),
        **kwargs,
    )


@pytest.fixture
def programme(db):
    """Two programmes: systemic practice at two levels (each with a date to come), and trauma-informed practice."""
    systemic = ProgrammeFactory(name="Systemic practice", description="Working with the whole family system.")
    intro = CourseFactory(programme=systemic, title="Introduction to systemic practice", level="introductory")
    intermediate = CourseFactory(
        programme=systemic, title="Systemic practice: hypothesising", level="intermediate", position=1
    )
    trauma = ProgrammeFactory(name="Trauma-informed practice", position=1)
    basics = CourseFactory(programme=trauma, title="Trauma-informed practice: the basics", cost_per_place=0)
    dated(intro, 14)
    dated(intermediate, 30)
    dated(basics, 21)
    return {"intro": intro, "intermediate": intermediate, "basics": basics}


# --- Worker ------------------------------------------------------------------------------------


def test_worker_filters_the_catalogue_and_requests_a_place_by_keyboard(
    page, sign_in, worker, programme, assert_accessible
):
    sign_in(page, worker)
    page.get_by_role("link", name="Your training").first.click()
    page.wait_for_url("**/training/")
    expect(page).to_have_title(f"Your training{TITLE_SUFFIX}")
    expect(heading(page)).to_have_text("Your training")
    expect(page.get_by_text("You have no courses coming up.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Find a course and ask for a place").click()
    page.wait_for_url("**/training/courses/")
    expect(page).to_have_title(f"Find a course{TITLE_SUFFIX}")
    expect(page.get_by_text("3 courses.")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Programme").select_option(label="Systemic practice")
    page.get_by_label("Level").select_option(label="Intermediate")
    page.get_by_label("Level").focus()
    tab_to(page, page.get_by_role("button", name="Show courses"), presses=5)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/training/courses/\?.*level=intermediate"))
    expect(page.get_by_text("1 course match what you chose.")).to_be_visible()
    expect(page.get_by_role("link", name="Systemic practice: hypothesising")).to_be_visible()
    expect(page.get_by_role("link", name="Introduction to systemic practice")).to_have_count(0)
    assert_accessible(page)
    page.get_by_role("link", name="Show all courses").first.click()
    expect(page.get_by_text("3 courses.")).to_be_visible()

    course = programme["intro"]
    page.get_by_role("link", name=course.title).click()
    page.wait_for_url(f"**/training/courses/{course.pk}/")
    expect(page).to_have_title(f"{course.title}{TITLE_SUFFIX}")
    expect(page.get_by_text("10 places left")).to_be_visible()
    assert_accessible(page)

    course_date = course.dates.get()
    tab_to(page, page.get_by_role("button", name=f"Request a place on {when(course_date)}"), presses=80)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/training/bookings/\d+/$"))
    expect(success_banner(page)).to_contain_text(f"You have asked for a place on {course.title} on {when(course_date)}")
    expect(page).to_have_title(f"Your booking: {course.title}{TITLE_SUFFIX}")
    expect(page.locator(".govuk-tag", has_text="Waiting for approval")).to_be_visible()
    assert_accessible(page)
    assert Booking.objects.get(person=worker).status == BookingStatus.PENDING

    page.get_by_role("link", name="Back to your training").click()
    expect(page.get_by_role("table", name=re.compile("Your places and requests"))).to_contain_text(course.title)
    assert_accessible(page)


@pytest.fixture
def attended(worker, programme):
    """The worker went to the introduction last month: completed, not yet evaluated, no certificate."""
    return completed(worker, dated(programme["intro"], -30))


def test_worker_evaluates_a_course_choosing_the_rating_by_keyboard(page, sign_in, worker, attended, assert_accessible):
    course = attended.course_date.course
    sign_in(page, worker)
    page.goto("/training/")
    expect(page.get_by_role("heading", name="Courses to evaluate")).to_be_visible()
    page.get_by_role("link", name=f"Evaluate {course.title}").click()
    page.wait_for_url(f"**/training/bookings/{attended.pk}/evaluate/")
    expect(page).to_have_title(f"Evaluate {course.title}{TITLE_SUFFIX}")
    expect(heading(page)).to_have_text("Evaluate the course")
    assert_accessible(page)

    tab_to(page, page.get_by_role("button", name="Send evaluation"), presses=80)
    page.keyboard.press("Enter")
    expect(page).to_have_title(re.compile("^Error: Evaluate"))
    message = "Choose how useful the course was, from 1 to 5"
    expect(error_summary(page)).to_contain_text(message)
    wait_for_error_summary_focus(page)
    assert_accessible(page)

    # The error's link takes the keyboard to the first rating; the arrow keys choose another.
    tab_to(page, error_summary(page).get_by_role("link", name=message), presses=5)
    page.keyboard.press("Enter")
    first = page.get_by_label("5: very useful")
    expect(first).to_be_focused(timeout=2_000)
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("4: useful", exact=True)).to_be_checked()
    page.keyboard.press("Tab")
    assert is_focused(page.get_by_label("What was useful (optional)"))
    page.keyboard.type("Drawing a genogram with the family, not about them.")
    page.keyboard.press("Tab")
    assert is_focused(page.get_by_label("How you will use it (optional)"))
    page.keyboard.type("At my next visit to the Ahmed family.")
    page.keyboard.press("Tab")
    assert is_focused(page.get_by_role("button", name="Send evaluation"))
    page.keyboard.press("Enter")

    page.wait_for_url("**/training/")
    expect(success_banner(page)).to_contain_text(f"Thank you for evaluating {course.title}.")
    expect(page.get_by_role("heading", name="Courses to evaluate")).to_have_count(0)
    assert_accessible(page)
    evaluation = Evaluation.objects.get(booking=attended)
    assert (evaluation.rating, evaluation.will_use) == (4, "At my next visit to the Ahmed family.")


def test_worker_adds_a_certificate_to_a_completed_course(page, sign_in, worker, attended, assert_accessible):
    course = attended.course_date.course
    sign_in(page, worker)
    page.goto("/training/")
    page.get_by_role("link", name=course.title, exact=True).click()
    page.wait_for_url(f"**/training/bookings/{attended.pk}/")
    expect(page.locator(".govuk-tag", has_text="Booked")).to_be_visible()
    expect(page.get_by_text("None uploaded")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Add a certificate").click()
    page.wait_for_url(f"**/training/bookings/{attended.pk}/certificate/")
    expect(page).to_have_title(f"Add a certificate: {course.title}{TITLE_SUFFIX}")
    assert_accessible(page)
    page.get_by_label("Certificate").set_input_files(
        {"name": "certificate.txt", "mimeType": "text/plain", "buffer": b"not a certificate"}
    )
    page.get_by_role("button", name="Upload certificate").click()
    expect(error_summary(page)).to_contain_text("The certificate must be a PDF, PNG or JPEG file")
    wait_for_error_summary_focus(page)
    assert_accessible(page)

    page.get_by_label("Certificate").set_input_files(
        {"name": "systemic-certificate.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_role("button", name="Upload certificate").click()
    page.wait_for_url(f"**/training/bookings/{attended.pk}/")
    expect(success_banner(page)).to_contain_text("The certificate is saved with the booking.")
    expect(page.get_by_role("link", name="Download systemic-certificate.pdf")).to_be_visible()
    assert_accessible(page)
    attended.refresh_from_db()
    assert bytes(attended.certificate) == PDF


def test_worker_records_other_learning_fixing_errors_first(page, sign_in, worker, supervisor, assert_accessible):
    sign_in(page, worker)
    page.goto("/training/")
    page.get_by_role("link", name="Record other learning").first.click()
    page.wait_for_url("**/training/external/new/")
    expect(page).to_have_title(f"Record other learning{TITLE_SUFFIX}")
    assert_accessible(page)

    page.get_by_label("What was it called?").fill("Working with fathers")
    page.get_by_label("Date", exact=True).fill(as_typed(timezone.localdate() + timedelta(days=3)))
    page.get_by_label("Hours").fill("-2")
    page.get_by_role("button", name="Send to your manager").click()
    expect(page).to_have_title(re.compile("^Error: Record other learning"))
    for message in (
        "Choose what kind of learning it was",
        "The date must be today or in the past",
        "Hours cannot be negative",
        "Enter your reflection",
    ):
        expect(error_summary(page)).to_contain_text(message)
    wait_for_error_summary_focus(page)
    assert_accessible(page)

    # The kind by keyboard: Tab reaches the first choice, the arrow keys move on.
    tab_to(page, page.get_by_label("Conference or event"), presses=30)
    page.keyboard.press("Space")
    expect(page.get_by_label("Conference or event")).to_be_checked()
    page.get_by_label("Organiser, author or publisher (optional)").fill("Research in Practice")
    page.get_by_label("Date", exact=True).fill(as_typed(timezone.localdate() - timedelta(days=3)))
    page.get_by_label("Hours").fill("5.5")
    page.get_by_label("Your reflection").fill("Invite fathers by name, early, and ask what would help them come.")
    page.get_by_role("button", name="Send to your manager").click()
    page.wait_for_url(re.compile(r"/training/external/\d+/$"))
    expect(success_banner(page)).to_contain_text("Your learning is sent to your manager.")
    expect(heading(page)).to_have_text("Working with fathers")
    expect(page.locator(".govuk-tag", has_text="Waiting for approval")).to_be_visible()
    assert_accessible(page)
    learning = ExternalLearning.objects.get(person=worker)
    assert (learning.kind, str(learning.hours), learning.status) == ("conference", "5.5", "submitted")


@pytest.fixture
def cpd_year(worker, attended, facilitator):
    """A year with a course (evaluated), approved and waiting external learning, one with a long pasted link."""
    from tests.factories import GroupSessionFactory

    Evaluation.objects.create(booking=attended, rating=5, was_useful="Circular questions.", will_use="Every visit.")
    day = attended.completed_on
    ExternalLearning.objects.create(
        person=worker,
        title="Briefing on neglect",
        kind="research",
        completed_on=day,
        hours=2,
        status="approved",
        reflection="I read https://www.researchinpractice.org.uk/children/publications/2026/"
        "neglect-and-the-impact-on-adolescents-strategic-briefing-second-edition-final.pdf twice.",
    )
    ExternalLearning.objects.create(
        person=worker, title="A book on attachment", kind="book", completed_on=day, hours=4, reflection="Waiting."
    )
    session = GroupSessionFactory(facilitator=facilitator, held_on=day)
    session.attendees.add(worker)
    return financial_year_of(day)


def test_worker_reads_their_cpd_record_and_it_prints_without_menus(page, sign_in, worker, cpd_year, assert_accessible):
    sign_in(page, worker)
    page.get_by_role("link", name="Your CPD record").first.click()
    page.wait_for_url("**/training/cpd/")
    page.goto(f"/training/cpd/?year={cpd_year}")
    expect(heading(page)).to_have_text("Your CPD record")
    expect(page).to_have_title(re.compile(f"^Your CPD record, .*{re.escape(TITLE_SUFFIX)}$"))
    record = page.get_by_role("table", name=re.compile("^Learning from"))
    expect(record).to_contain_text("Introduction to systemic practice")
    expect(record).to_contain_text("What was useful: Circular questions.")
    expect(record).to_contain_text("Working with fathers")
    expect(page.locator(".govuk-tag", has_text="Waiting for approval: not counted")).to_be_visible()
    # 6 hours of course, 2 of approved learning and the group session's hours; the book waits.
    totals = page.get_by_role("table", name="Hours by type of learning")
    expect(totals).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("^Download as CSV"))).to_be_visible()
    assert_accessible(page)

    page.emulate_media(media="print")
    expect(page.locator(".portal-no-print").first).to_be_hidden()
    for hidden in page.locator(".portal-no-print").all():
        expect(hidden).to_be_hidden()
    expect(page.locator(".govuk-footer")).to_be_hidden()
    expect(page.get_by_role("navigation", name="Breadcrumb")).to_be_hidden()
    expect(heading(page)).to_be_visible()
    expect(record).to_be_visible()


# The innermost elements whose box or text reaches past the right edge of the screen, to say what breaks reflow.
WIDER_THAN_THE_SCREEN = """() => {
    const edge = document.documentElement.clientWidth + 1;
    const sticksOut = element => element.getBoundingClientRect().right > edge
        || element.getBoundingClientRect().left + element.scrollWidth > edge;
    return [...document.querySelectorAll("body *")]
        .filter(sticksOut)
        .filter(element => ![...element.children].some(sticksOut))
        .map(element => `<${element.tagName.toLowerCase()} class="${element.className}">`);
}"""


def test_the_cpd_record_reflows_on_a_320_pixel_screen(phone_page, sign_in, worker, cpd_year, assert_accessible):
    sign_in(phone_page, worker)
    phone_page.goto(f"/training/cpd/?year={cpd_year}")
    expect(heading(phone_page)).to_have_text("Your CPD record")
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    too_wide = phone_page.evaluate(WIDER_THAN_THE_SCREEN)
    assert width <= 320 + 1, f"the page is {width} CSS pixels wide at 320; too wide: {too_wide}"
    assert_accessible(phone_page)


# --- Supervisor --------------------------------------------------------------------------------


@pytest.fixture
def requests(worker, team_mate, programme, other_worker):
    """Two of the supervisor's people asked for places; someone in another team asked too."""
    intro_date = programme["intro"].dates.get()
    basics_date = programme["basics"].dates.get()
    return {
        "worker": BookingFactory(course_date=intro_date, person=worker, status="pending", approved_at=None),
        "team_mate": BookingFactory(course_date=basics_date, person=team_mate, status="pending", approved_at=None),
        "other": BookingFactory(course_date=intro_date, person=other_worker, status="pending", approved_at=None),
    }


def test_supervisor_approves_one_request_and_declines_another_with_a_reason(
    page, sign_in, supervisor, worker, team_mate, other_worker, requests, assert_accessible
):
    learning = ExternalLearning.objects.create(
        person=worker,
        title="Working with fathers conference",
        kind="conference",
        completed_on=timezone.localdate() - timedelta(days=4),
        hours=6,
        reflection="Invite fathers early and by name.",
    )
    sign_in(page, supervisor)
    page.get_by_role("link", name="Training approvals").first.click()
    page.wait_for_url("**/training/approvals/")
    expect(page).to_have_title(f"Training approvals{TITLE_SUFFIX}")
    table = page.get_by_role("table", name="2 requests to decide, soonest course first")
    expect(table.get_by_role("rowheader", name=re.compile(worker.full_name))).to_be_visible()
    expect(table.get_by_role("rowheader", name=re.compile(team_mate.full_name))).to_be_visible()
    expect(page.get_by_text(other_worker.full_name)).to_have_count(0)
    assert_accessible(page)

    tab_to(page, page.get_by_role("button", name=f"Approve {worker.full_name}"), presses=80)
    page.keyboard.press("Enter")
    page.wait_for_url("**/training/approvals/")
    expect(success_banner(page)).to_contain_text(f"Approved: {worker.full_name} on Introduction to systemic practice")
    expect(page.get_by_role("table", name=re.compile("^1 request to decide"))).to_be_visible()
    assert_accessible(page)
    assert Booking.objects.get(pk=requests["worker"].pk).status == BookingStatus.BOOKED

    tab_to(page, page.get_by_role("link", name=f"Decline {team_mate.full_name}"), presses=80)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/training/approvals/bookings/{requests['team_mate'].pk}/decline/")
    expect(page).to_have_title(f"Decline a request{TITLE_SUFFIX}")
    expect(heading(page)).to_have_text("Decline the request for Trauma-informed practice: the basics")
    assert_accessible(page)
    tab_to(page, page.get_by_role("button", name="Decline the request"))
    page.keyboard.press("Enter")
    expect(page).to_have_title(re.compile("^Error: Decline a request"))
    expect(error_summary(page)).to_contain_text("Enter the reason")
    wait_for_error_summary_focus(page)
    assert_accessible(page)
    tab_to(page, error_summary(page).get_by_role("link", name="Enter the reason"), presses=5)
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.id === 'id_reason'")
    page.keyboard.type("We are short-staffed that week. Please ask for the next date.")
    tab_to(page, page.get_by_role("button", name="Decline the request"), presses=5)
    page.keyboard.press("Enter")
    page.wait_for_url("**/training/approvals/")
    expect(success_banner(page)).to_contain_text(f"Declined: {team_mate.full_name} on Trauma-informed practice")
    expect(page.get_by_text("There are no course requests waiting for you.")).to_be_visible()
    assert_accessible(page)
    declined = Booking.objects.get(pk=requests["team_mate"].pk)
    assert (declined.status, declined.decline_reason) == (
        BookingStatus.DECLINED,
        "We are short-staffed that week. Please ask for the next date.",
    )

    # Other learning: decline needs a reason too; here the supervisor approves it on its own page.
    page.get_by_role("link", name=f"Decline {learning.title} for {worker.full_name}").click()
    page.wait_for_url(f"**/training/approvals/external/{learning.pk}/")
    expect(page).to_have_title(f"Decide on {learning.title}{TITLE_SUFFIX}")
    assert_accessible(page)
    tab_to(page, page.get_by_label("Yes, approve it"))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Save decision"), presses=10)
    page.keyboard.press("Enter")
    page.wait_for_url("**/training/approvals/")
    expect(success_banner(page)).to_contain_text(f"Approved: “{learning.title}” now counts in {worker.full_name}’s")
    learning.refresh_from_db()
    assert learning.status == "approved"


@pytest.fixture
def uptake(worker, team_mate, other_worker, programme):
    """Required training, a completion, a booking and a target, so the matrix and coverage have something to say."""
    from django.contrib.auth.models import Group

    social_workers = Group.objects.get(name=Role.SOCIAL_WORKER)
    programme["intro"].required_for.add(social_workers)
    completed(worker, dated(programme["intro"], -40))
    BookingFactory(course_date=programme["basics"].dates.get(), person=team_mate)
    completed(other_worker, dated(programme["basics"], -20))
    return CoverageTarget.objects.create(
        programme=programme["intro"].programme, level="introductory", target_percent=80
    )


def test_supervisor_reads_the_matrix_as_a_table_then_a_reports_cpd_record(
    page, sign_in, supervisor, worker, team_mate, other_worker, uptake, assert_accessible
):
    sign_in(page, supervisor)
    page.get_by_role("link", name="Training uptake").first.click()
    page.wait_for_url("**/training/uptake/")
    expect(page).to_have_title(f"Training uptake{TITLE_SUFFIX}")
    matrix = page.get_by_role("table", name="Training by person and course, by team, then name")
    expect(matrix).to_be_visible()
    # A real table: a caption, course headers for columns, each person a row header.
    expect(matrix.locator("caption")).to_have_count(1)
    expect(matrix.locator("thead th[scope=col]")).to_have_count(2 + 3)
    expect(matrix.locator("th[scope=colgroup]")).to_have_count(2)
    expect(matrix.locator("tbody th[scope=row]")).to_have_count(3)  # the supervisor, the worker and the team mate
    expect(matrix.get_by_role("rowheader", name=worker.full_name)).to_be_visible()
    expect(matrix.get_by_role("rowheader", name=team_mate.full_name)).to_be_visible()
    expect(matrix).not_to_contain_text(other_worker.full_name)
    expect(matrix).to_contain_text("Required: missing")
    expect(matrix).to_contain_text("Booked")
    assert_accessible(page)

    # The scrolling region is reached by keyboard, so it can be scrolled with the arrow keys.
    region = page.get_by_role("region", name="Training by person and course, by team, then name")
    tab_to(page, region, presses=120)

    page.get_by_label("Status").select_option(label="Required but missing")
    page.get_by_label("Sort by").select_option(label="Most gaps first")
    page.get_by_role("button", name="Show", exact=True).click()
    page.wait_for_url(re.compile(r"status=missing"))
    matrix = page.get_by_role("table", name="Training by person and course, most gaps first")
    expect(matrix.get_by_role("rowheader", name=re.compile(team_mate.full_name))).to_be_visible()
    expect(matrix.get_by_role("rowheader", name=re.compile(worker.full_name))).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name="Clear filters").click()
    page.get_by_role("table").get_by_role("link", name=worker.full_name).click()
    page.wait_for_url(f"**/training/cpd/{worker.pk}/")
    expect(heading(page)).to_have_text(f"CPD record for {worker.full_name}")
    expect(page.get_by_role("table", name=re.compile("^Learning from"))).to_contain_text(
        "Introduction to systemic practice"
    )
    assert_accessible(page)


def test_supervisor_reads_coverage_with_a_chart_and_its_data_table(
    page, sign_in, supervisor, uptake, team, assert_accessible
):
    sign_in(page, supervisor)
    page.goto("/training/uptake/")
    page.get_by_role("link", name="coverage against targets, gaps, spend, attendance and evaluations").click()
    page.wait_for_url("**/training/uptake/coverage/")
    expect(page).to_have_title(f"Training coverage{TITLE_SUFFIX}")
    chart = page.get_by_role("img", name=re.compile("against a target of 80%"))
    expect(chart).to_be_visible()
    expect(chart).to_have_accessible_name(re.compile("The table after the chart gives each team's figures."))
    data = page.get_by_role("table", name=re.compile("^By team: staff trained to at least introductory"))
    expect(data.locator("th[scope=col]")).to_have_count(4)
    expect(data.get_by_role("rowheader", name=team.name)).to_be_visible()
    expect(page.get_by_role("table", name=re.compile("^People a course is required for"))).to_be_visible()
    assert_accessible(page)
    tab_to(page, page.get_by_role("region", name=re.compile("^By team")), presses=80)

    # Each figure links to the people behind it.
    page.get_by_role("link", name=re.compile("missing Introduction to systemic practice: show them")).click()
    page.wait_for_url(re.compile(r"/training/uptake/\?.*status=missing"))
    expect(heading(page)).to_have_text("Training uptake")
    assert_accessible(page)


# --- Training coordinator ----------------------------------------------------------------------


def test_coordinator_adds_a_programme_and_a_course_choosing_roles_by_keyboard(
    page, sign_in, coordinator, programme, assert_accessible
):
    sign_in(page, coordinator)
    page.get_by_role("link", name="Run the training programme").first.click()
    page.wait_for_url("**/training/manage/")
    expect(page).to_have_title(f"Run the training programme{TITLE_SUFFIX}")
    expect(page.get_by_role("table", name="Dates not yet started, soonest first")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Add a programme").first.click()
    page.wait_for_url("**/training/manage/programmes/new/")
    expect(page).to_have_title(f"Add a programme{TITLE_SUFFIX}")
    assert_accessible(page)
    page.get_by_role("button", name="Save programme").click()
    expect(error_summary(page)).to_contain_text("Enter the programme’s name")
    wait_for_error_summary_focus(page)
    assert_accessible(page)
    page.get_by_label("Name").fill("Motivational interviewing")
    page.get_by_role("button", name="Save programme").click()
    page.wait_for_url("**/training/manage/")
    expect(success_banner(page)).to_contain_text("The programme “Motivational interviewing” is saved.")

    page.get_by_role("link", name="Add a course to Motivational interviewing").click()
    expect(page).to_have_title(f"Add a course{TITLE_SUFFIX}")
    expect(page.get_by_label("Programme")).to_have_value(
        str(Programme.objects.get(name="Motivational interviewing").pk)
    )
    assert_accessible(page)
    page.get_by_label("Title").fill("Motivational interviewing: foundations")
    page.get_by_label("Introductory").check()
    page.get_by_label("Provider").fill("In house")
    page.get_by_label("Online, live").check()
    page.get_by_label("Length in hours").fill("-3")
    page.get_by_label("Cost per place (£)").fill("0")
    # The roles it is required for, ticked with Space as the keyboard reaches them (in name order).
    for role in (Role.SOCIAL_WORKER, Role.SUPERVISOR):
        box = page.get_by_label(role, exact=True)
        tab_to(page, box, presses=20)
        page.keyboard.press("Space")
        expect(box).to_be_checked()
    page.get_by_role("button", name="Save course").click()
    expect(error_summary(page)).to_contain_text("The length must be more than 0 hours")
    wait_for_error_summary_focus(page)
    expect(page.get_by_label(Role.SOCIAL_WORKER, exact=True)).to_be_checked()
    assert_accessible(page)
    page.get_by_label("Length in hours").fill("3")
    page.get_by_role("button", name="Save course").click()
    page.wait_for_url("**/training/manage/")
    expect(success_banner(page)).to_contain_text("The course “Motivational interviewing: foundations” is saved.")
    assert_accessible(page)
    course = Course.objects.get(title="Motivational interviewing: foundations")
    assert sorted(course.required_for.values_list("name", flat=True)) == [Role.SOCIAL_WORKER, Role.SUPERVISOR]

    page.get_by_role("link", name="Motivational interviewing: foundations", exact=True).click()
    expect(page).to_have_title(f"Change Motivational interviewing: foundations{TITLE_SUFFIX}")
    assert_accessible(page)
    page.goto(f"/training/manage/programmes/{course.programme_id}/")
    expect(page).to_have_title(f"Change Motivational interviewing{TITLE_SUFFIX}")
    assert_accessible(page)


def test_coordinator_adds_a_date_fixing_a_past_date_then_books_a_team(
    page, sign_in, coordinator, worker, team_mate, supervisor, team, programme, assert_accessible
):
    course = programme["intermediate"]
    sign_in(page, coordinator)
    page.goto("/training/manage/")
    page.get_by_role("link", name="Add a date").first.click()
    page.wait_for_url("**/training/manage/dates/new/")
    expect(page).to_have_title(f"Add a date{TITLE_SUFFIX}")
    assert_accessible(page)
    page.get_by_label("Course").select_option(label=f"{course.title} (intermediate, Systemic practice)")
    page.get_by_label("Date", exact=True).fill(as_typed(timezone.localdate() - timedelta(days=1)))
    page.get_by_label("Start time").fill("09:30")
    page.get_by_label("End time").fill("12:30")
    page.get_by_label("Where").fill("Guildhall, Committee Room 3")
    page.get_by_label("No", exact=True).check()
    page.get_by_label("Places").fill("2")
    page.get_by_role("button", name="Save date").click()
    expect(page).to_have_title(re.compile("^Error: Add a date"))
    expect(error_summary(page)).to_contain_text("The date must be in the future")
    wait_for_error_summary_focus(page)
    assert_accessible(page)
    error_summary(page).get_by_role("link", name="The date must be in the future").click()
    assert page.evaluate("document.activeElement.id") == "id_start_date"
    starts = timezone.localdate() + timedelta(days=45)
    page.keyboard.press("Control+A")
    page.keyboard.type(as_typed(starts))
    page.get_by_role("button", name="Save date").click()

    page.wait_for_url(re.compile(r"/training/manage/dates/\d+/$"))
    expect(success_banner(page)).to_contain_text("The date is added.")
    expect(heading(page)).to_have_text(f"{course.title} on {starts:%-d %B %Y}")
    assert_accessible(page)
    course_date = CourseDate.objects.get(course=course, starts_at__date=starts)

    page.get_by_role("link", name="Change the date").click()
    page.wait_for_url(f"**/training/manage/dates/{course_date.pk}/change/")
    expect(page).to_have_title(f"Change the date{TITLE_SUFFIX}")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("^Cancel this date")).click()
    expect(page.get_by_label("Yes, cancel this date and every booking on it")).to_be_visible()
    assert_accessible(page)
    page.goto(f"/training/manage/dates/{course_date.pk}/")

    page.get_by_role("link", name="Book a team").click()
    page.wait_for_url(f"**/training/manage/dates/{course_date.pk}/book-people/")
    assert_accessible(page)
    page.get_by_label("Team").select_option(label=team.name)
    page.get_by_label("Only people in this role (optional)").select_option(label=Role.SOCIAL_WORKER)
    page.get_by_label("Only people in this role (optional)").focus()
    tab_to(page, page.get_by_role("button", name="Book places"), presses=5)
    page.keyboard.press("Enter")
    # Three social workers in the team (the supervisor is one too) for two places.
    expect(page.locator(".govuk-panel__title")).to_have_text("2 places booked")
    expect(page.get_by_role("heading", name="On the waiting list")).to_be_visible()
    assert_accessible(page)
    assert course_date.bookings.filter(status=BookingStatus.BOOKED).count() == 2
    assert course_date.bookings.filter(status=BookingStatus.WAITING).count() == 1


@pytest.fixture
def ran_yesterday(worker, team_mate, programme):
    course_date = dated(programme["intro"], -1)
    return {
        "date": course_date,
        "worker": BookingFactory(course_date=course_date, person=worker),
        "team_mate": BookingFactory(course_date=course_date, person=team_mate),
    }


def test_coordinator_takes_the_register_with_the_keyboard(
    page, sign_in, coordinator, worker, team_mate, ran_yesterday, assert_accessible
):
    course_date = ran_yesterday["date"]
    sign_in(page, coordinator)
    page.goto("/training/manage/")
    expect(page.locator(".govuk-tag", has_text="2 not marked")).to_be_visible()
    page.get_by_role(
        "link", name=f"Take the register for Introduction to systemic practice on {when(course_date)}"
    ).click()
    page.wait_for_url(f"**/training/manage/dates/{course_date.pk}/register/")
    expect(page).to_have_title(re.compile("^Register for Introduction to systemic practice on"))
    expect(heading(page)).to_have_text("Register")
    assert_accessible(page)

    people = sorted((worker, team_mate), key=lambda person: person.full_name)
    # The first person came: Tab reaches their first choice, Space ticks it.
    first = page.get_by_role("group", name=people[0].full_name, exact=True)
    tab_to(page, first.get_by_label("Attended", exact=True), presses=80)
    page.keyboard.press("Space")
    expect(first.get_by_label("Attended", exact=True)).to_be_checked()
    # The second came for part of the day: the arrow key moves to "Attended part", then the hours.
    second = page.get_by_role("group", name=people[1].full_name, exact=True)
    tab_to(page, second.get_by_label("Attended", exact=True), presses=10)
    page.keyboard.press("ArrowRight")
    expect(second.get_by_label("Attended part")).to_be_checked()
    page.keyboard.press("Tab")
    assert is_focused(page.get_by_label(f"If {people[1].full_name} attended part, how many hours?"))
    page.keyboard.type("9")
    tab_to(page, page.get_by_role("button", name="Save the register"), presses=5)
    page.keyboard.press("Enter")
    expect(error_summary(page)).to_contain_text("For part of the course, enter fewer hours than the whole course (6)")
    wait_for_error_summary_focus(page)
    assert_accessible(page)
    page.get_by_label(f"If {people[1].full_name} attended part, how many hours?").fill("3.5")
    page.get_by_role("button", name="Save the register").click()

    page.wait_for_url(f"**/training/manage/dates/{course_date.pk}/")
    expect(success_banner(page)).to_contain_text("The register is saved for 2 people.")
    expect(page.locator(".govuk-tag", has_text="Attended part: 3.5 hours")).to_be_visible()
    assert_accessible(page)
    marked = {booking.person_id: booking for booking in Booking.objects.filter(course_date=course_date)}
    assert marked[people[0].pk].attendance == "attended"
    assert (marked[people[1].pk].attendance, str(marked[people[1].pk].hours_attended)) == ("partly", "3.5")
    assert all(booking.completed_on for booking in marked.values())


def test_coordinator_records_spend_sets_a_target_and_reads_an_evaluation_report(
    page, sign_in, coordinator, attended, assert_accessible
):
    Evaluation.objects.create(booking=attended, rating=4, was_useful="Circular questions.", will_use="Every visit.")
    course = attended.course_date.course
    sign_in(page, coordinator)
    page.goto("/training/manage/")
    page.get_by_role("link", name="Record spend or set the budget").click()
    page.wait_for_url("**/training/manage/spend/")
    expect(page).to_have_title(f"Spend and budget{TITLE_SUFFIX}")
    assert_accessible(page)

    page.get_by_label("Budget (£)").fill("25000")
    page.get_by_role("button", name=re.compile("^Save the budget for")).click()
    expect(success_banner(page)).to_contain_text("The budget for April")
    page.get_by_label("Date", exact=True).fill(as_typed(timezone.localdate()))
    page.get_by_label("Amount (£)").fill("-120")
    page.get_by_label("What it was for").fill("Invoice 4471")
    page.get_by_role("button", name="Record spend").click()
    expect(error_summary(page)).to_contain_text("The amount must be more than £0")
    wait_for_error_summary_focus(page)
    assert_accessible(page)
    page.get_by_label("Amount (£)").fill("1200")
    page.get_by_label("Course (optional)").select_option(label=f"{course.title} (Systemic practice)")
    page.get_by_role("button", name="Record spend").click()
    expect(success_banner(page)).to_contain_text("£1,200.00 is recorded against April")
    expect(page.get_by_role("table", name=re.compile("^Spend from"))).to_contain_text("Invoice 4471")
    assert_accessible(page)
    assert Spend.objects.get().amount == 1200

    page.goto("/training/manage/targets/")
    expect(page).to_have_title(f"Coverage targets{TITLE_SUFFIX}")
    assert_accessible(page)
    page.get_by_label("Programme").select_option(label="Systemic practice")
    page.get_by_label("Target (%)").fill("90")
    page.get_by_role("button", name="Add target").click()
    expect(success_banner(page)).to_contain_text("The target “90% of staff at least introductory Systemic practice”")
    expect(page.get_by_role("table", name="Targets set")).to_contain_text("90%")
    assert_accessible(page)

    page.goto("/training/manage/")
    page.get_by_role("link", name=f"Evaluations of {course.title}").click()
    page.wait_for_url(f"**/training/manage/courses/{course.pk}/evaluations/")
    expect(page).to_have_title(f"Evaluations of {course.title}{TITLE_SUFFIX}")
    expect(page.get_by_text("4.0 out of 5")).to_be_visible()
    expect(page.get_by_text("Circular questions.")).to_be_visible()
    assert_accessible(page)


# --- Service manager ---------------------------------------------------------------------------


def test_service_manager_reads_uptake_and_coverage_for_the_whole_service(
    page, sign_in, service_manager, worker, other_worker, uptake, assert_accessible
):
    sign_in(page, service_manager)
    page.get_by_role("link", name="Training uptake").first.click()
    page.wait_for_url("**/training/uptake/")
    matrix = page.get_by_role("table", name=re.compile("^Training by person and course"))
    expect(matrix.get_by_role("rowheader", name=worker.full_name)).to_be_visible()
    expect(matrix.get_by_role("rowheader", name=other_worker.full_name)).to_be_visible()
    expect(matrix.locator("th[scope=rowgroup]")).to_have_count(2)
    assert_accessible(page)

    page.goto("/training/uptake/coverage/")
    expect(page.get_by_role("img", name=re.compile("against a target of 80%"))).to_be_visible()
    expect(page.get_by_role("heading", name="Spend this financial year")).to_be_visible()
    expect(page.get_by_role("heading", name="Evaluation scores")).to_be_visible()
    assert_accessible(page)


# --- Filter forms -------------------------------------------------------------------------------


def test_filter_forms_keep_the_csrf_token_out_of_the_address(page, sign_in, coordinator, programme):
    """A GET form must not carry the CSRF token: it would end up in the address bar, history, logs and Referer."""
    sign_in(page, coordinator)
    leaking = []
    for path, button in [
        ("/training/courses/", "Show courses"),
        ("/training/cpd/", "Show this year"),
        ("/training/manage/spend/", "Show this year"),
        ("/training/uptake/", "Show"),
    ]:
        page.goto(path)
        page.get_by_role("button", name=button, exact=True).click()
        page.wait_for_url(re.compile(r"\?"))
        if "csrfmiddlewaretoken" in page.url:
            leaking.append(path)
    assert leaking == [], f"these pages put the CSRF token in the address: {leaking}"


# --- Without JavaScript ------------------------------------------------------------------------


def test_requesting_a_place_works_without_javascript(no_js_page, sign_in, worker, programme):
    course = programme["basics"]
    course_date = course.dates.get()
    sign_in(no_js_page, worker)
    no_js_page.goto(f"/training/courses/{course.pk}/")
    no_js_page.get_by_role("button", name=f"Request a place on {when(course_date)}").click()
    no_js_page.wait_for_url(re.compile(r"/training/bookings/\d+/$"))
    expect(success_banner(no_js_page)).to_contain_text(f"You have asked for a place on {course.title}")
    assert Booking.objects.get(person=worker, course_date=course_date).status == BookingStatus.PENDING


def test_the_register_works_without_javascript(no_js_page, sign_in, coordinator, worker, team_mate, ran_yesterday):
    course_date = ran_yesterday["date"]
    sign_in(no_js_page, coordinator)
    no_js_page.goto(f"/training/manage/dates/{course_date.pk}/register/")
    no_js_page.get_by_role("group", name=worker.full_name).get_by_label("Did not attend").check()
    no_js_page.get_by_role("button", name="Save the register").click()
    expect(error_summary(no_js_page)).to_contain_text(f"Choose whether {team_mate.full_name} attended")
    no_js_page.get_by_role("group", name=team_mate.full_name).get_by_label("Attended", exact=True).check()
    no_js_page.get_by_role("button", name="Save the register").click()
    no_js_page.wait_for_url(f"**/training/manage/dates/{course_date.pk}/")
    expect(success_banner(no_js_page)).to_contain_text("The register is saved for 2 people.")
    assert Booking.objects.get(pk=ran_yesterday["worker"].pk).attendance == "absent"
    assert Booking.objects.get(pk=ran_yesterday["team_mate"].pk).completed_on is not None
