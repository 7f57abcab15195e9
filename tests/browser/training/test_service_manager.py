"""The training tracker in a real browser, as a service manager: uptake and coverage for the whole service."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.usefixtures("empty_cache")


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
