"""Reflective supervision in a real browser, as a worker: their sessions, preparation, agreement, reflections
and the whole record held about them; by keyboard, with axe-core on every page."""

import re

import pytest
from playwright.sync_api import expect

from supervision.models import Preparation
from tests.browser.helpers import (
    TITLE_SUFFIX,
    WIDER_THAN_THE_SCREEN,
    error_summary,
    is_focused,
    success_banner,
    tab_to,
    wait_for_error_summary_focus,
    wait_for_focus_on,
)
from tests.browser.supervision.helpers import booked_session, open_supervision
from tests.dates import as_shown
from tests.factories import GroupSessionFactory

pytestmark = pytest.mark.usefixtures("empty_cache")


# --- Worker ------------------------------------------------------------------------------------


def test_worker_prepares_for_a_booked_session_with_the_keyboard_and_shares_then_signs_the_agreement(
    page, sign_in, worker, supervisor, agreement, assert_accessible
):
    session = booked_session(worker, supervisor)
    open_supervision(page, sign_in, worker)
    expect(page).to_have_title(f"Your supervision{TITLE_SUFFIX}")
    expect(page.get_by_text(f"Booked for {session.held_on:%A} {as_shown(session.held_on)}")).to_be_visible()
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

    # Reading and signing the agreement, from "Your supervision" (checked with axe-core above).
    page.goto("/supervision/")
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


def test_worker_reads_a_written_up_session_adds_a_reflection_and_signs_off_disagreeing_by_keyboard(
    page, sign_in, worker, supervision_session, assert_accessible
):
    open_supervision(page, sign_in, worker)
    expect(page.locator(".govuk-inset-text")).to_contain_text("1 session record is waiting")
    page.get_by_role("link", name=as_shown(supervision_session.held_on)).click()
    page.wait_for_url(f"**/supervision/sessions/{supervision_session.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Supervision on {as_shown(supervision_session.held_on)}")
    expect(page.get_by_role("heading", name="Case CS-10442")).to_be_visible()
    expect(page.get_by_text("A difficult home visit with a father who felt unheard.")).to_be_visible()
    expect(page.locator(".govuk-tag", has_text="Recorded, not signed")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Add your reflection").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your reflection")
    expect(page).to_have_title(f"Your reflection{TITLE_SUFFIX}")
    # axe-core checks this form below, with its errors (the same form and more).
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

    # Signing off, disagreeing, with the keyboard only (from the top of the page).
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
    wait_for_focus_on(page, "id_comment")
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


def test_worker_reads_everything_held_about_them_it_prints_and_reflows_on_a_phone(
    page, phone_page, sign_in, sign_in_as, worker, whole_record, assert_accessible
):
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

    # On a 320-pixel screen the record reflows.
    sign_in_as(phone_page, worker)
    phone_page.goto("/supervision/my-record/")
    expect(phone_page.get_by_role("heading", level=1)).to_have_text("Everything held about you in supervision")
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    too_wide = phone_page.evaluate(WIDER_THAN_THE_SCREEN)
    assert width <= 320 + 1, f"the page is {width} CSS pixels wide at 320; too wide: {too_wide}"
    assert_accessible(phone_page)
