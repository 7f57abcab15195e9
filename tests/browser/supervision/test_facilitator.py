"""Reflective supervision in a real browser, as a group-session facilitator: recording a group session and
ticking who came, by keyboard, with axe-core on every page."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from supervision.models import GroupSession
from tests.browser.helpers import (
    TITLE_SUFFIX,
    error_summary,
    is_focused,
    success_banner,
    tab_to,
    wait_for_error_summary_focus,
)
from tests.browser.supervision.helpers import today
from tests.dates import as_typed
from tests.factories import GroupSessionFactory

pytestmark = pytest.mark.usefixtures("empty_cache")


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
    # axe-core checks this form below, with its errors (the same form and more).
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
