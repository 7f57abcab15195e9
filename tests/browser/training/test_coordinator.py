"""The training tracker in a real browser, as the training coordinator: programmes, courses, dates, the
register, booking a team, spend, targets and evaluation reports, and the filter forms; by keyboard, with
axe-core on every page."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from portal.roles import Role
from tests.browser.helpers import (
    TITLE_SUFFIX,
    error_summary,
    heading,
    is_focused,
    success_banner,
    tab_to,
    wait_for_error_summary_focus,
)
from tests.browser.training.helpers import when
from tests.dates import as_shown, as_typed
from training.models import Booking, BookingStatus, Course, CourseDate, Evaluation, Programme, Spend

pytestmark = pytest.mark.usefixtures("empty_cache")


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
    # axe-core checks this form below, with its errors (the same form and more).
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
    # axe-core checks this form below, with its errors (the same form and more).
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
    # axe-core checks this form below, with its errors (the same form and more).
    page.get_by_role("combobox", name="Course").select_option(label=f"{course.title} (intermediate, Systemic practice)")
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
    expect(heading(page)).to_have_text(f"{course.title} on {as_shown(starts)}")
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
    # axe-core checks this form below, with its errors (the same form and more).

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


def test_coordinator_records_spend_sets_a_target_reads_an_evaluation_report_and_filters_without_the_csrf_token(
    page, sign_in, coordinator, attended, assert_accessible
):
    Evaluation.objects.create(booking=attended, rating=4, was_useful="Circular questions.", will_use="Every visit.")
    course = attended.course_date.course
    sign_in(page, coordinator)
    page.goto("/training/manage/")
    page.get_by_role("link", name="Record spend or set the budget").click()
    page.wait_for_url("**/training/manage/spend/")
    expect(page).to_have_title(f"Spend and budget{TITLE_SUFFIX}")
    # axe-core checks this form below, with its errors (the same form and more).

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

    # A GET form must not carry the CSRF token: it would end up in the address bar, history, logs and Referer.
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
