"""The training tracker in a real browser, as a worker: the catalogue and asking for a place, evaluations,
certificates, other learning and their CPD record; by keyboard, with axe-core on every page."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.helpers import (
    TITLE_SUFFIX,
    WIDER_THAN_THE_SCREEN,
    error_summary,
    heading,
    is_focused,
    success_banner,
    tab_to,
    wait_for_error_summary_focus,
)
from tests.browser.training.helpers import PDF, when
from tests.dates import as_typed
from training.models import Booking, BookingStatus, Evaluation, ExternalLearning, financial_year_of

pytestmark = pytest.mark.usefixtures("empty_cache")


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


def test_worker_evaluates_a_course_choosing_the_rating_by_keyboard_then_adds_a_certificate(
    page, sign_in, worker, attended, assert_accessible
):
    course = attended.course_date.course
    sign_in(page, worker)
    page.goto("/training/")
    expect(page.get_by_role("heading", name="Courses to evaluate")).to_be_visible()
    page.get_by_role("link", name=f"Evaluate {course.title}").click()
    page.wait_for_url(f"**/training/bookings/{attended.pk}/evaluate/")
    expect(page).to_have_title(f"Evaluate {course.title}{TITLE_SUFFIX}")
    expect(heading(page)).to_have_text("Evaluate the course")
    # axe-core checks this form below, with its errors (the same form and more).

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

    # Adding a certificate to the course, from the training page the evaluation came back to.
    page.get_by_role("link", name=course.title, exact=True).click()
    page.wait_for_url(f"**/training/bookings/{attended.pk}/")
    expect(page.locator(".govuk-tag", has_text="Booked")).to_be_visible()
    expect(page.get_by_text("None uploaded")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Add a certificate").click()
    page.wait_for_url(f"**/training/bookings/{attended.pk}/certificate/")
    expect(page).to_have_title(f"Add a certificate: {course.title}{TITLE_SUFFIX}")
    # axe-core checks this form below, with its errors (the same form and more).
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
    # axe-core checks this form below, with its errors (the same form and more).

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


def test_worker_reads_their_cpd_record_it_prints_without_menus_and_reflows_on_a_phone(
    page, phone_page, sign_in, sign_in_as, worker, cpd_year, assert_accessible
):
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

    # On a 320-pixel screen the record reflows.
    sign_in_as(phone_page, worker)
    phone_page.goto(f"/training/cpd/?year={cpd_year}")
    expect(heading(phone_page)).to_have_text("Your CPD record")
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    too_wide = phone_page.evaluate(WIDER_THAN_THE_SCREEN)
    assert width <= 320 + 1, f"the page is {width} CSS pixels wide at 320; too wide: {too_wide}"
    assert_accessible(phone_page)
