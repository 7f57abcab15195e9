"""The supervision forms for everyone: error summaries that move focus to the right radio, and the forms
working without JavaScript."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import error_summary, success_banner, tab_to, wait_for_error_summary_focus
from tests.browser.supervision.helpers import today
from tests.factories import SessionFactory

pytestmark = pytest.mark.usefixtures("empty_cache")


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


# --- Without JavaScript ------------------------------------------------------------------------


def test_the_record_form_and_signing_off_work_without_javascript(
    no_js_page, sign_in, supervisor, worker, agreement, supervision_session
):
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

    # The worker signs off another session, disagreeing.
    no_js_page.context.clear_cookies()
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
