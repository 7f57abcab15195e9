"""The balance of the four functions in a real browser: the supervisor records a session's length and how
its time split (first with parts that do not add up), then sees it on the session page, the supervisee's
agreement page and the dashboard, with axe-core on every page."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from supervision.models import Session
from tests.browser.helpers import TITLE_SUFFIX, error_summary, wait_for_error_summary_focus
from tests.browser.supervision.helpers import today

pytestmark = pytest.mark.usefixtures("empty_cache")


def test_supervisor_records_the_balance_and_sees_it_on_the_session_page_and_dashboard(
    page, sign_in, supervisor, worker, agreement, supervision_session, assert_accessible
):
    # Held a few days ago, so it is in the dashboard's months whatever day the test runs.
    Session.objects.filter(pk=supervision_session.pk).update(held_on=today() - timedelta(days=3))
    supervision_session.refresh_from_db()
    sign_in(page, supervisor)
    page.goto(f"/supervision/sessions/{supervision_session.pk}/record/")
    expect(page).to_have_title(f"Record the session{TITLE_SUFFIX}")
    balance = page.get_by_role("group", name="How the time was spent, in minutes")
    page.get_by_label("Length of the session").fill("75")
    for label, minutes in [("Case management", "40"), ("Support", "15"), ("Professional development", "10")]:
        balance.get_by_label(label).fill(minutes)
    balance.get_by_label("Mediation").fill("5")
    page.get_by_role("button", name="Save the record").click()

    expect(page).to_have_title(re.compile("^Error: Record the session"))
    expect(error_summary(page)).to_contain_text(
        "The four parts add up to 70 minutes but the session lasted 75 minutes. "
        "Make them add up, or leave all four empty"
    )
    wait_for_error_summary_focus(page)
    assert_accessible(page)

    page.get_by_role("group", name="How the time was spent, in minutes").get_by_label("Mediation").fill("10")
    page.get_by_role("button", name="Save the record").click()
    page.wait_for_url(f"**/supervision/sessions/{supervision_session.pk}/")
    lengths = page.locator("dl").filter(has_text="Reflective time")
    expect(lengths).to_contain_text("75 minutes")
    expect(lengths).to_contain_text("25 minutes, 33% of the session")
    expect(page.get_by_text("Short session: 75 minutes, shorter than the 90 minutes of the LGA")).to_be_visible()
    assert_accessible(page)

    page.goto(f"/supervision/agreements/{agreement.pk}/")
    table = page.get_by_role("table", name="Supervision time by function and month")
    expect(table.get_by_role("row", name=re.compile(supervision_session.held_on.strftime("%B %Y")))).to_contain_text(
        "33%"
    )
    assert_accessible(page)

    page.goto("/supervision/dashboard/")
    expect(page.get_by_text("The standard in use: LGA Standards for Employers")).to_be_visible()
    teams = page.get_by_role("table", name="Reflective share by team and month")
    expect(teams.get_by_role("row", name=re.compile(worker.team.name))).to_contain_text("33%")
    assert_accessible(page)

    page.get_by_role("link", name="session shorter than 90 minutes").click()
    page.wait_for_url("**/supervision/dashboard/short-sessions/?period=12")
    expect(page.get_by_role("table", name="Sessions shorter than 90 minutes")).to_contain_text(worker.full_name)
    assert_accessible(page)
