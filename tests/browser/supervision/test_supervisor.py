"""Reflective supervision in a real browser, as a supervisor: agreements, booking and writing up sessions,
cases and actions, and the managers' dashboard; by keyboard, with axe-core on every page."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from portal.roles import Role
from supervision.models import Action, Agreement, CaseDiscussion, Session
from tests.browser.helpers import (
    TITLE_SUFFIX,
    error_summary,
    is_focused,
    success_banner,
    tab_to,
    wait_for_error_summary_focus,
)
from tests.browser.supervision.helpers import open_supervision, today
from tests.dates import as_typed
from tests.factories import AgreementFactory, SessionFactory, UserFactory

pytestmark = pytest.mark.usefixtures("empty_cache")


# --- Supervisor --------------------------------------------------------------------------------


def test_supervisor_sees_their_supervisees_on_the_overview_supervisees_page_and_dashboard(
    page, sign_in, supervisor, worker, team_mate, agreement, supervision_session, assert_accessible
):
    AgreementFactory(supervisee=team_mate, supervisor=supervisor, starts_on=today() - timedelta(days=100))
    open_supervision(page, sign_in, supervisor)
    people = page.get_by_role("table", name="Your supervisees, most overdue first")
    expect(people.get_by_role("rowheader")).to_have_count(2)
    expect(people.get_by_role("link", name=worker.full_name, exact=True)).to_be_visible()
    expect(people.get_by_role("link", name=team_mate.full_name, exact=True)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Your supervisees and their sessions").click()
    page.wait_for_url("**/supervision/supervisees/")
    expect(page).to_have_title(f"Your supervisees{TITLE_SUFFIX}")
    sessions = page.get_by_role("table", name="Sessions, newest first")
    expect(sessions.locator("tbody tr")).to_have_count(1)
    assert_accessible(page)

    page.get_by_role("table", name="Your supervisees, most overdue first").get_by_role(
        "link", name=team_mate.full_name, exact=True
    ).click()
    expect(page.get_by_text("Showing one supervisee.")).to_be_visible()
    expect(page.get_by_text("No sessions yet.")).to_be_visible()
    assert_accessible(page)

    # The managers' dashboard, from the staff home.
    page.goto("/staff/")
    page.get_by_role("link", name="Supervision dashboard").click()
    page.wait_for_url("**/supervision/dashboard/")
    expect(page).to_have_title(f"Supervision dashboard{TITLE_SUFFIX}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Supervision dashboard")
    people = page.get_by_role("region", name="Supervision by person, most overdue first")
    expect(people.get_by_role("rowheader", name=re.compile(worker.full_name))).to_be_visible()
    expect(people.get_by_role("rowheader", name=re.compile(team_mate.full_name))).to_be_visible()
    assert_accessible(page)

    # Another period: the same page, other figures (checked with axe-core above).
    page.get_by_label("Period").select_option(index=0)
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r"period="))
    expect(page.get_by_role("heading", level=1)).to_have_text("Supervision dashboard")
    expect(people.get_by_role("rowheader", name=re.compile(worker.full_name))).to_be_visible()


def test_supervisor_makes_an_agreement_choosing_the_frequency_by_keyboard_then_books_a_session(
    page, sign_in, supervisor, team, worker, agreement, assert_accessible
):
    newcomer = UserFactory(team=team, line_manager=supervisor, roles=[Role.SOCIAL_WORKER])
    open_supervision(page, sign_in, supervisor)
    page.get_by_role("link", name="Make a supervision agreement").click()
    page.wait_for_url("**/supervision/agreements/new/")
    expect(page).to_have_title(f"Make a supervision agreement{TITLE_SUFFIX}")
    # axe-core checks this form below, with its errors (the same form and more).

    page.get_by_role("button", name="Save agreement").click()
    expect(page).to_have_title(re.compile("^Error: Make a supervision agreement"))
    summary = error_summary(page)
    for message in ["Choose who this agreement is with", "Choose how often you will meet", "Enter where and how"]:
        expect(summary).to_contain_text(message)
    wait_for_error_summary_focus(page)
    assert_accessible(page)

    page.get_by_label("Supervisee").select_option(str(newcomer.pk))
    weekly = page.get_by_label("Weekly", exact=True)
    tab_to(page, weekly)
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("Fortnightly", exact=True)).to_be_checked()
    page.keyboard.press("Tab")
    assert is_focused(page.get_by_label("Where and how"))
    page.keyboard.type("Tuesdays at 2 in room 4, for an hour and a half.")
    page.keyboard.press("Tab")
    page.keyboard.type("Shared only if a child or adult is at risk of harm.")
    page.keyboard.press("Tab")
    assert is_focused(page.get_by_role("button", name="Save agreement"))
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/supervision/agreements/\d+/$"))
    expect(success_banner(page)).to_contain_text("The agreement is saved.")
    assert_accessible(page)
    page.get_by_role("button", name="Sign the agreement").click()
    expect(success_banner(page)).to_contain_text("You have signed the agreement.")
    assert_accessible(page)
    made = Agreement.objects.get(supervisee=newcomer)
    assert (made.frequency, made.supervisor_signed_at is not None) == ("fortnightly", True)

    # Booking a session with the worker (who has an agreement already), from "Your supervision".
    page.goto("/supervision/")
    page.get_by_role("link", name="Book or record a session").click()
    page.wait_for_url("**/supervision/sessions/new/")
    expect(page).to_have_title(f"Book or record a session{TITLE_SUFFIX}")
    expect(page.get_by_label("4x4x4 integrated model")).to_be_checked()
    # axe-core checks this form below, with its errors (the same form and more).

    page.get_by_label("Supervisee").select_option(label=worker.full_name)
    page.get_by_label("Date of the session").fill(as_typed(today() + timedelta(days=400)))
    page.get_by_role("button", name="Save").click()
    expect(error_summary(page)).to_contain_text("The date must be within the next year")
    wait_for_error_summary_focus(page)
    assert_accessible(page)

    held_on = today() + timedelta(days=14)
    page.get_by_label("Date of the session").fill(as_typed(held_on))
    page.get_by_label("Systemic frame").check()
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/supervision/sessions/\d+/$"))
    expect(success_banner(page)).to_contain_text("The session is booked.")
    expect(page.locator(".govuk-tag", has_text="Booked")).to_be_visible()
    assert_accessible(page)
    session = Session.objects.get(supervisee=worker)
    assert (session.held_on, session.frame, session.recorded_at) == (held_on, "systemic", None)


def choose_frame_by_keyboard(page, frame_label, *, check_open=None):
    """Open "Use a different reflective frame", move to `frame_label` with the arrow keys and submit.

    `check_open(page)`, if given, runs while the choice of frames is open."""
    summary = page.locator(".govuk-details__summary")
    tab_to(page, summary)
    page.keyboard.press("Enter")
    expect(page.locator("details.govuk-details")).to_have_attribute("open", "")
    if check_open:
        check_open(page)
    page.keyboard.press("Tab")
    for _ in range(3):
        if page.get_by_label(frame_label).is_checked():
            break
        page.keyboard.press("ArrowDown")
    expect(page.get_by_label(frame_label)).to_be_checked()
    tab_to(page, page.get_by_role("button", name="Use this frame"), presses=5)
    page.keyboard.press("Enter")


def test_supervisor_records_a_session_switching_frames_with_the_keyboard(
    page, sign_in, supervisor, worker, agreement, assert_accessible
):
    session = SessionFactory(
        supervisee=worker, supervisor=supervisor, held_on=today() - timedelta(days=1), notes={}, recorded_at=None
    )
    sign_in(page, supervisor)
    page.goto(f"/supervision/sessions/{session.pk}/")
    expect(page.locator(".govuk-tag", has_text="To be written up")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Write up the session").click()
    page.wait_for_url(f"**/supervision/sessions/{session.pk}/record/")
    expect(page).to_have_title(f"Record the session{TITLE_SUFFIX}")
    expect(page.locator("legend", has_text="4x4x4 integrated model")).to_be_visible()
    expect(page.get_by_label("Experience", exact=True)).to_be_visible()
    assert_accessible(page)

    choose_frame_by_keyboard(page, "Signs of Safety mapping", check_open=assert_accessible)
    page.wait_for_url(re.compile(r"\?frame=signs_of_safety$"))
    expect(page.locator("legend", has_text="Signs of Safety mapping")).to_be_visible()
    expect(page.get_by_label("On a scale of 0 to 10, how safe is the child now?")).to_be_visible()
    assert_accessible(page)

    choose_frame_by_keyboard(page, "Systemic frame")
    page.wait_for_url(re.compile(r"\?frame=systemic$"))
    expect(page.locator("legend", has_text="Systemic frame")).to_be_visible()
    expect(page.get_by_label("On a scale of 0 to 10, how safe is the child now?")).to_have_count(0)
    # axe-core checks this form below, with its errors (the same form and more).

    tab_to(page, page.get_by_label("Hypotheses"))
    page.keyboard.type("The mother may fear the father more than she says.")
    page.get_by_label("Children on the worker’s caseload on this date").fill("eighteen")
    page.get_by_role("button", name="Save the record").click()
    expect(error_summary(page)).to_contain_text("Enter the number of children as a whole number, like 18")
    wait_for_error_summary_focus(page)
    assert_accessible(page)
    page.get_by_label("Children on the worker’s caseload on this date").fill("18")
    page.get_by_role("button", name="Save the record").click()
    page.wait_for_url(f"**/supervision/sessions/{session.pk}/")
    expect(success_banner(page)).to_contain_text("The record is saved.")
    expect(page.get_by_text("The mother may fear the father more than she says.")).to_be_visible()
    assert_accessible(page)
    session.refresh_from_db()
    assert (session.frame, session.caseload_children) == ("systemic", 18)
    assert session.notes["hypotheses"] == "The mother may fear the father more than she says."


def test_supervisor_adds_a_case_and_an_action_then_signs_off(
    page, sign_in, supervisor, worker, supervision_session, assert_accessible
):
    sign_in(page, supervisor)
    page.goto(f"/supervision/sessions/{supervision_session.pk}/")
    assert_accessible(page)

    page.get_by_role("link", name="Add a case discussion").click()
    expect(page).to_have_title(f"Add a case discussion{TITLE_SUFFIX}")
    # axe-core checks this form below, with its errors (the same form and more).
    page.get_by_label("Case reference").fill("the Smith family")
    page.get_by_label("What you discussed").fill("Whether to step the plan down.")
    page.get_by_role("button", name="Add the case discussion").click()
    expect(page).to_have_title(re.compile("^Error: Add a case discussion"))
    expect(error_summary(page)).to_contain_text("Enter a case reference of 3 to 20 letters")
    wait_for_error_summary_focus(page)
    assert_accessible(page)
    error_summary(page).get_by_role("link").click()
    assert page.evaluate("document.activeElement.id") == "id_case_reference"
    page.get_by_label("Case reference").fill("cs-20001")
    page.get_by_role("button", name="Add the case discussion").click()
    page.wait_for_url(f"**/supervision/sessions/{supervision_session.pk}/")
    expect(success_banner(page)).to_contain_text("The discussion of case CS-20001 is added.")
    expect(page.get_by_role("heading", name="Case CS-20001")).to_be_visible()
    assert CaseDiscussion.objects.filter(session=supervision_session, case_reference="CS-20001").exists()

    page.get_by_role("link", name="Add an action").click()
    expect(page).to_have_title(f"Add an action{TITLE_SUFFIX}")
    expect(page.get_by_label(f"{worker.full_name} (supervisee)")).to_be_checked()
    # axe-core checks this form below, with its errors (the same form and more).
    page.get_by_role("button", name="Add the action").click()
    expect(error_summary(page)).to_contain_text("Enter what needs to happen")
    expect(error_summary(page)).to_contain_text("Enter the due date")
    wait_for_error_summary_focus(page)
    assert_accessible(page)
    page.get_by_label("What needs to happen").fill("Ask the school for attendance figures")
    page.get_by_label(f"{supervisor.full_name} (supervisor)").check()
    page.get_by_label("Due date").fill(as_typed(today() + timedelta(days=10)))
    page.get_by_role("button", name="Add the action").click()
    page.wait_for_url(f"**/supervision/sessions/{supervision_session.pk}/")
    expect(success_banner(page)).to_contain_text("The action is added.")
    expect(page.get_by_role("cell", name="Ask the school for attendance figures", exact=True)).to_be_visible()
    assert Action.objects.get(description="Ask the school for attendance figures").owner == supervisor

    tab_to(page, page.get_by_role("button", name="Sign off this record"), presses=120)
    page.keyboard.press("Enter")
    expect(success_banner(page)).to_contain_text(f"You have signed off. The record locks when {worker.full_name}")
    expect(page.get_by_role("button", name="Sign off this record")).to_have_count(0)
    assert_accessible(page)
    supervision_session.refresh_from_db()
    assert supervision_session.supervisor_signed_at is not None
