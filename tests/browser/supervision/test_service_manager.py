"""Reflective supervision in a real browser, as a service manager: who has read a session."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import TITLE_SUFFIX
from tests.browser.supervision.helpers import switch_person

pytestmark = pytest.mark.usefixtures("empty_cache")


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
