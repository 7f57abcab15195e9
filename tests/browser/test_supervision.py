"""Reflective supervision in a real browser: each demo person's flows, by keyboard, with axe-core on every page."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.cache import caches
from django.utils import timezone
from playwright.sync_api import expect

from portal.roles import Role
from supervision.models import Action, Agreement, CaseDiscussion, GroupSession, Preparation, Session
from tests.factories import AgreementFactory, GroupSessionFactory, SessionFactory, UserFactory

TITLE_SUFFIX = " – Children's social care practice portal – City of London Corporation"


@pytest.fixture(autouse=True)
def empty_cache(transactional_db):
    """Start each test without the last one's sign-in counters or cached pages."""
    for name in settings.CACHES:
        caches[name].clear()


def today():
    return timezone.localdate()


def as_typed(day) -> str:
    return day.strftime("%d %m %Y")


def is_focused(locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page, locator, *, presses=60):
    """Press Tab until `locator` has focus; fail after `presses`."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if is_focused(locator):
            return
    pytest.fail(f"The keyboard never reached {locator}")


def switch_person(page, sign_in, person):
    """Sign out whoever is signed in (by dropping the session cookie) and sign in as `person`."""
    page.context.clear_cookies()
    sign_in(page, person)
    expect(page.get_by_role("heading", level=1)).to_have_text("Staff home")


def open_supervision(page, sign_in, person):
    sign_in(page, person)
    expect(page.get_by_role("heading", level=1)).to_have_text("Staff home")
    page.get_by_role("link", name="Your supervision").click()
    page.wait_for_url("**/supervision/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your supervision")


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


def success_banner(page):
    return page.locator(".govuk-notification-banner--success")


def error_summary(page):
    return page.locator(".govuk-error-summary")


def wait_for_error_summary_focus(page):
    """GOV.UK Frontend moves focus to the error summary on load, so screen readers announce it."""
    page.wait_for_function("document.activeElement.classList.contains('govuk-error-summary')")


def booked_session(worker, supervisor, *, days_ahead=7):
    return SessionFactory(
        supervisee=worker,
        supervisor=supervisor,
        held_on=today() + timedelta(days=days_ahead),
        notes={},
        caseload_children=None,
        caseload_complexity="",
        recorded_at=None,
    )


# --- Worker ------------------------------------------------------------------------------------


def test_worker_prepares_for_a_booked_session_with_the_keyboard_and_shares(
    page, sign_in, worker, supervisor, agreement, assert_accessible
):
    session = booked_session(worker, supervisor)
    open_supervision(page, sign_in, worker)
    expect(page).to_have_title(f"Your supervision{TITLE_SUFFIX}")
    expect(page.get_by_text(f"Booked for {session.held_on:%A %-d %B %Y}")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Prepare for this session").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Prepare for supervision")
    expect(page).to_have_title(f"Prepare for supervision{TITLE_SUFFIX}")
    assert page.get_by_label("For which session").input_value() == str(session.pk)
    assert_accessible(page)

    went_well = page.get_by_label("What went well")
    tab_to(page, went_well)
    page.keyboard.type("A core group where the family felt heard.")
    page.keyboard.press("Tab")
    assert is_focused(page.get_by_label("What worries me"))
    page.keyboard.type("Two court reports due in the same week.")
    page.keyboard.press("Tab")
    assert is_focused(page.get_by_label("What I want to think about"))
    page.keyboard.type("How to plan visits around the reports.")
    page.keyboard.press("Tab")
    assert is_focused(page.get_by_role("button", name="Save your notes"))
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/supervision/preparation/\d+/$"))
    expect(success_banner(page)).to_contain_text("Only you can see them until you share them")
    expect(page.locator(".govuk-tag", has_text="Private")).to_be_visible()
    assert_accessible(page)
    preparation = Preparation.objects.get(author=worker)
    assert (preparation.session, preparation.worries) == (session, "Two court reports due in the same week.")

    # Change the notes, then share them: the buttons by keyboard (Enter, then Space).
    worries = page.get_by_label("What worries me")
    tab_to(page, worries)
    page.keyboard.press("End")
    page.keyboard.type(" And a new case.")
    tab_to(page, page.get_by_role("button", name="Save your notes"), presses=5)
    page.keyboard.press("Enter")
    expect(success_banner(page)).to_contain_text("Your notes are saved.")
    preparation.refresh_from_db()
    assert preparation.worries.endswith("And a new case.")
    tab_to(page, page.get_by_role("button", name="Share with my supervisor"))
    page.keyboard.press("Space")
    expect(success_banner(page)).to_contain_text(f"Your notes are shared with {supervisor.full_name}")
    expect(page.locator(".govuk-tag", has_text="Shared")).to_be_visible()
    assert_accessible(page)
    preparation.refresh_from_db()
    assert preparation.shared_at is not None


def test_worker_reads_a_written_up_session_and_adds_a_reflection(
    page, sign_in, worker, supervision_session, assert_accessible
):
    open_supervision(page, sign_in, worker)
    expect(page.locator(".govuk-inset-text")).to_contain_text("1 session record is waiting")
    page.get_by_role("link", name=f"{supervision_session.held_on:%-d %B %Y}").click()
    page.wait_for_url(f"**/supervision/sessions/{supervision_session.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Supervision on {supervision_session.held_on:%-d %B %Y}")
    expect(page.get_by_role("heading", name="Case CS-10442")).to_be_visible()
    expect(page.get_by_text("A difficult home visit with a father who felt unheard.")).to_be_visible()
    expect(page.locator(".govuk-tag", has_text="Recorded, not signed")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Add your reflection").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your reflection")
    expect(page).to_have_title(f"Your reflection{TITLE_SUFFIX}")
    assert_accessible(page)
    page.get_by_role("button", name="Save your reflection").click()
    expect(page).to_have_title(re.compile("^Error: Your reflection"))
    expect(error_summary(page)).to_contain_text("Enter your reflection")
    wait_for_error_summary_focus(page)
    assert_accessible(page)

    page.get_by_label("Your reflection").fill("I will ask the father what would help him come to meetings.")
    page.get_by_role("button", name="Save your reflection").click()
    page.wait_for_url(f"**/supervision/sessions/{supervision_session.pk}/")
    expect(success_banner(page)).to_contain_text("Your reflection is saved.")
    expect(page.get_by_text("I will ask the father what would help him come to meetings.")).to_be_visible()
    assert_accessible(page)
    supervision_session.refresh_from_db()
    assert supervision_session.supervisee_reflection.startswith("I will ask the father")


def test_worker_signs_off_disagreeing_with_the_keyboard_only(
    page, sign_in, worker, supervision_session, assert_accessible
):
    sign_in(page, worker)
    page.goto(f"/supervision/sessions/{supervision_session.pk}/")
    agree = page.get_by_label("I agree this is a fair record")
    disagree = page.get_by_label("I do not agree with all of this record")
    # No answer is chosen yet, so Tab stops on the first radio; an arrow key moves to and chooses the next.
    tab_to(page, agree, presses=80)
    page.keyboard.press("ArrowDown")
    expect(disagree).to_be_checked()
    expect(agree).not_to_be_checked()
    comment = page.get_by_label("What do you disagree with?")
    page.keyboard.press("Tab")
    assert is_focused(comment)
    # Leave the comment empty and sign with Space on the button.
    page.keyboard.press("Tab")
    assert is_focused(page.get_by_role("button", name="Sign off this record"))
    page.keyboard.press("Space")

    expect(page).to_have_title(re.compile("^Error: Supervision on"))
    expect(error_summary(page)).to_contain_text("Say what you disagree with, so it is kept with the record")
    wait_for_error_summary_focus(page)
    expect(page.get_by_label("I do not agree with all of this record")).to_be_checked()
    assert_accessible(page)

    # From the summary, the keyboard follows the error's link to the comment box.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == (
        "Say what you disagree with, so it is kept with the record"
    )
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.id === 'id_comment'")
    page.keyboard.type("The record leaves out that I asked for a second worker.")
    tab_to(page, page.get_by_role("button", name="Sign off this record"), presses=5)
    page.keyboard.press("Enter")

    expect(success_banner(page)).to_contain_text("You have signed off. The record locks when")
    expect(page.get_by_text("The record leaves out that I asked for a second worker.")).to_be_visible()
    assert_accessible(page)
    supervision_session.refresh_from_db()
    assert supervision_session.supervisee_signed_at is not None
    assert supervision_session.supervisee_response == "disagree"
    assert supervision_session.supervisee_comment == "The record leaves out that I asked for a second worker."


@pytest.fixture
def whole_record(worker, supervisor, facilitator, supervision_session):
    """A worker's record with a little of everything in it, some of it long and unbroken."""
    # People paste links to documents into their reflections: a long address has no natural place to break.
    supervision_session.supervisee_reflection = (
        "I reread the policy: https://intranet.example.org/children/practice-standards/"
        "reflective-supervision-policy-2026-final-version.pdf"
    )
    supervision_session.save()
    Preparation.objects.create(
        author=worker, session=supervision_session, went_well="Visits.", worries="Reports.", to_think_about="Time."
    )
    group_session = GroupSessionFactory(facilitator=facilitator)
    group_session.attendees.add(worker)
    return supervision_session


def test_worker_reads_everything_held_about_them_and_it_prints(page, sign_in, worker, whole_record, assert_accessible):
    open_supervision(page, sign_in, worker)
    page.get_by_role("link", name="Read or print everything held about you").click()
    page.wait_for_url("**/supervision/my-record/")
    expect(page).to_have_title(f"Everything held about you{TITLE_SUFFIX}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Everything held about you in supervision")
    for heading in ["Agreements", "Sessions", "Your preparation notes", "Group reflective sessions you went to"]:
        expect(page.get_by_role("heading", level=2, name=heading, exact=True)).to_be_visible()
    expect(page.get_by_text("Working with fathers")).to_be_visible()
    expect(page.get_by_role("heading", name="Case CS-10442")).to_be_visible()
    assert_accessible(page)

    page.emulate_media(media="print")
    expect(page.locator(".portal-no-print")).to_be_hidden()
    expect(page.locator(".govuk-footer")).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_worker_record_reflows_on_a_320_pixel_screen(phone_page, sign_in, worker, whole_record, assert_accessible):
    sign_in(phone_page, worker)
    phone_page.goto("/supervision/my-record/")
    expect(phone_page.get_by_role("heading", level=1)).to_have_text("Everything held about you in supervision")
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    too_wide = phone_page.evaluate(WIDER_THAN_THE_SCREEN)
    assert width <= 320 + 1, f"the page is {width} CSS pixels wide at 320; too wide: {too_wide}"
    assert_accessible(phone_page)


def test_worker_reads_and_signs_their_agreement(page, sign_in, worker, agreement, assert_accessible):
    open_supervision(page, sign_in, worker)
    expect(page.locator(".govuk-tag", has_text="Waiting for your signature")).to_be_visible()
    page.get_by_role("link", name="Read your supervision agreement").click()
    page.wait_for_url(f"**/supervision/agreements/{agreement.pk}/")
    expect(page).to_have_title(f"Supervision agreement{TITLE_SUFFIX}")
    expect(page.get_by_text(agreement.confidentiality)).to_be_visible()
    expect(page.get_by_role("link", name="Change the agreement")).to_have_count(0)
    assert_accessible(page)

    tab_to(page, page.get_by_role("button", name="Sign the agreement"), presses=80)
    page.keyboard.press("Enter")
    expect(success_banner(page)).to_contain_text("You have signed the agreement.")
    expect(page.get_by_role("button", name="Sign the agreement")).to_have_count(0)
    assert_accessible(page)
    agreement.refresh_from_db()
    assert agreement.supervisee_signed_at is not None


# --- Supervisor --------------------------------------------------------------------------------


def test_supervisor_sees_their_supervisees_on_the_overview_and_supervisees_page(
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


def test_supervisor_makes_an_agreement_choosing_the_frequency_by_keyboard(
    page, sign_in, supervisor, team, assert_accessible
):
    newcomer = UserFactory(team=team, line_manager=supervisor, roles=[Role.SOCIAL_WORKER])
    open_supervision(page, sign_in, supervisor)
    page.get_by_role("link", name="Make a supervision agreement").click()
    page.wait_for_url("**/supervision/agreements/new/")
    expect(page).to_have_title(f"Make a supervision agreement{TITLE_SUFFIX}")
    assert_accessible(page)

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


def test_supervisor_books_a_session_in_the_future(page, sign_in, supervisor, worker, agreement, assert_accessible):
    open_supervision(page, sign_in, supervisor)
    page.get_by_role("link", name="Book or record a session").click()
    page.wait_for_url("**/supervision/sessions/new/")
    expect(page).to_have_title(f"Book or record a session{TITLE_SUFFIX}")
    expect(page.get_by_label("4x4x4 integrated model")).to_be_checked()
    assert_accessible(page)

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
    assert_accessible(page)

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
    assert_accessible(page)
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
    assert_accessible(page)
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


# --- Service manager ---------------------------------------------------------------------------


def test_service_manager_reads_who_has_read_a_session(
    page, sign_in, worker, service_manager, supervision_session, assert_accessible
):
    sign_in(page, worker)
    page.goto(f"/supervision/sessions/{supervision_session.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Supervision on")
    expect(page.get_by_role("link", name="Who has read and changed this record")).to_have_count(0)

    switch_person(page, sign_in, service_manager)
    page.goto(f"/supervision/sessions/{supervision_session.pk}/")
    assert_accessible(page)
    page.get_by_role("link", name="Who has read and changed this record").click()
    page.wait_for_url(f"**/supervision/audit/session/{supervision_session.pk}/")
    expect(page).to_have_title(f"Audit trail{TITLE_SUFFIX}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Who has read and changed this record")
    rows = page.get_by_role("table", name="Entries, newest first").locator("tbody tr")
    expect(rows).to_have_count(2)
    assert rows.nth(0).locator("td").all_inner_texts()[1:3] == [service_manager.full_name, "Read"]
    assert rows.nth(1).locator("td").all_inner_texts()[1:3] == [worker.full_name, "Read"]
    assert_accessible(page)
    page.get_by_role("link", name="Back to the session").click()
    page.wait_for_url(f"**/supervision/sessions/{supervision_session.pk}/")


# --- Facilitator -------------------------------------------------------------------------------


def test_facilitator_records_and_changes_a_group_session_ticking_attendees_by_keyboard(
    page, sign_in, facilitator, worker, team_mate, assert_accessible
):
    GroupSessionFactory(facilitator=facilitator, held_on=today() - timedelta(days=14), theme="Working with fathers")
    sign_in(page, facilitator)
    page.get_by_role("link", name="Group reflective sessions").click()
    page.wait_for_url("**/supervision/group-sessions/")
    expect(page).to_have_title(f"Group reflective sessions{TITLE_SUFFIX}")
    expect(page.get_by_role("link", name="Working with fathers")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Record a group session").click()
    page.wait_for_url("**/supervision/group-sessions/new/")
    expect(page).to_have_title(f"Record a group session{TITLE_SUFFIX}")
    assert_accessible(page)
    page.get_by_role("button", name="Save the group session").click()
    expect(error_summary(page)).to_contain_text("Enter the date")
    expect(error_summary(page)).to_contain_text("Enter the theme of the session")
    wait_for_error_summary_focus(page)
    assert_accessible(page)

    tab_to(page, page.get_by_label("Date", exact=True))
    page.keyboard.type(as_typed(today() - timedelta(days=1)))
    page.keyboard.press("Tab")
    page.keyboard.type("Holding uncertainty")
    # The list is in name order: tick them in that order, moving forward only.
    for person in sorted((worker, team_mate), key=lambda person: person.full_name):
        box = page.get_by_label(person.full_name)
        tab_to(page, box, presses=20)
        page.keyboard.press("Space")
        expect(box).to_be_checked()
    tab_to(page, page.get_by_label("Learning points"), presses=20)
    page.keyboard.type("Say what we do not know yet, out loud, to the family.")
    page.keyboard.press("Tab")
    assert is_focused(page.get_by_role("button", name="Save the group session"))
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/supervision/group-sessions/\d+/$"))
    expect(success_banner(page)).to_contain_text("It counts toward each attendee’s CPD hours.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Holding uncertainty")
    assert_accessible(page)
    recorded = GroupSession.objects.get(theme="Holding uncertainty")
    assert set(recorded.attendees.all()) == {worker, team_mate}

    page.get_by_role("link", name="Change the group session").click()
    expect(page).to_have_title(f"Change the group session{TITLE_SUFFIX}")
    expect(page.get_by_label(worker.full_name)).to_be_checked()
    assert_accessible(page)
    tab_to(page, page.get_by_label(team_mate.full_name))
    page.keyboard.press("Space")
    page.get_by_label("Theme").fill("Holding uncertainty together")
    page.get_by_role("button", name="Save the group session").click()
    expect(success_banner(page)).to_contain_text("The group session is saved.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Holding uncertainty together")
    assert_accessible(page)
    assert list(recorded.attendees.all()) == [worker]


# --- Error summaries and radios ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("person", "path", "button", "message", "first_option"),
    [
        pytest.param(
            "worker",
            "/supervision/sessions/{session}/",
            "Sign off this record",
            "Say whether you agree with the record",
            "I agree this is a fair record",
            id="sign-off",
        ),
        pytest.param(
            "supervisor",
            "/supervision/agreements/new/",
            "Save agreement",
            "Choose how often you will meet",
            "Weekly",
            id="agreement",
        ),
    ],
)
def test_error_summary_link_for_radios_moves_focus_to_the_first_radio(
    request, page, sign_in, supervision_session, assert_accessible, person, path, button, message, first_option
):
    sign_in(page, request.getfixturevalue(person))
    page.goto(path.format(session=supervision_session.pk))
    tab_to(page, page.get_by_role("button", name=button), presses=120)
    page.keyboard.press("Enter")
    expect(error_summary(page)).to_contain_text(message)
    wait_for_error_summary_focus(page)
    assert_accessible(page)
    link = error_summary(page).get_by_role("link", name=message)
    tab_to(page, link, presses=5)
    page.keyboard.press("Enter")
    # GOV.UK's pattern: the link goes to the first radio of the question, which takes focus.
    expect(page.get_by_label(first_option, exact=True)).to_be_focused(timeout=2_000)


# --- Managers' dashboard -----------------------------------------------------------------------


def test_dashboard_shows_the_supervisors_people(
    page, sign_in, supervisor, worker, team_mate, supervision_session, assert_accessible
):
    sign_in(page, supervisor)
    page.get_by_role("link", name="Supervision dashboard").click()
    page.wait_for_url("**/supervision/dashboard/")
    expect(page).to_have_title(f"Supervision dashboard{TITLE_SUFFIX}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Supervision dashboard")
    people = page.get_by_role("region", name="Supervision by person, most overdue first")
    expect(people.get_by_role("rowheader", name=re.compile(worker.full_name))).to_be_visible()
    expect(people.get_by_role("rowheader", name=re.compile(team_mate.full_name))).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Period").select_option(index=0)
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Supervision dashboard")
    assert_accessible(page)


# --- Without JavaScript ------------------------------------------------------------------------


def test_record_form_changes_frame_without_javascript(no_js_page, sign_in, supervisor, worker, agreement):
    session = SessionFactory(
        supervisee=worker, supervisor=supervisor, held_on=today() - timedelta(days=1), notes={}, recorded_at=None
    )
    sign_in(no_js_page, supervisor)
    no_js_page.goto(f"/supervision/sessions/{session.pk}/record/")
    no_js_page.get_by_text("Use a different reflective frame").click()
    no_js_page.get_by_label("Signs of Safety mapping").check()
    no_js_page.get_by_role("button", name="Use this frame").click()
    no_js_page.wait_for_url(re.compile(r"\?frame=signs_of_safety$"))
    expect(no_js_page.locator("legend", has_text="Signs of Safety mapping")).to_be_visible()
    no_js_page.get_by_label("What are we worried about?").fill("Missed health appointments.")
    no_js_page.get_by_label("On a scale of 0 to 10, how safe is the child now?").fill("6")
    no_js_page.get_by_role("button", name="Save the record").click()
    no_js_page.wait_for_url(f"**/supervision/sessions/{session.pk}/")
    expect(no_js_page.get_by_text("Missed health appointments.")).to_be_visible()
    session.refresh_from_db()
    assert (session.frame, session.scale) == ("signs_of_safety", 6)


def test_sign_off_works_without_javascript(no_js_page, sign_in, worker, supervision_session):
    sign_in(no_js_page, worker)
    no_js_page.goto(f"/supervision/sessions/{supervision_session.pk}/")
    no_js_page.get_by_label("I do not agree with all of this record").check()
    no_js_page.get_by_role("button", name="Sign off this record").click()
    expect(error_summary(no_js_page)).to_contain_text("Say what you disagree with, so it is kept with the record")
    no_js_page.get_by_label("What do you disagree with?").fill("The caseload figure is out of date.")
    no_js_page.get_by_role("button", name="Sign off this record").click()
    expect(success_banner(no_js_page)).to_contain_text("You have signed off.")
    supervision_session.refresh_from_db()
    assert supervision_session.supervisee_comment == "The caseload figure is out of date."
