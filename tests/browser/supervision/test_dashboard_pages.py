"""The supervision dashboard of a large service in a real browser: one page of people at a time, moving
between pages with the filters kept, by keyboard, with axe-core on every page and no sideways scrolling
on a phone."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect

from supervision.dashboard import PAGE_SIZE
from supervision.management.commands import make_supervision_bench_data as bench
from tests.browser.helpers import TITLE_SUFFIX, is_focused, sideways_overflow, tab_to

pytestmark = pytest.mark.usefixtures("empty_cache")

WORKERS = PAGE_SIZE + 20
# Each team of 20 has a supervisor, who is on the dashboard too.
PEOPLE = WORKERS + -(-WORKERS // bench.WORKERS_PER_TEAM)


@pytest.fixture
def large_service_manager(transactional_db, monkeypatch):
    """The service manager of a bench service with more people than one page holds (a year of sessions)."""
    monkeypatch.setattr(bench, "YEARS", 1)
    call_command("make_supervision_bench_data", "--workers", str(WORKERS), "--force", stdout=io.StringIO())
    return get_user_model().objects.get(email=bench.manager_email(WORKERS))


def test_a_manager_pages_through_their_people_with_the_filters_kept_on_a_desktop_and_a_phone(
    page, phone_page, sign_in_as, large_service_manager, assert_accessible
):
    sign_in_as(page, large_service_manager)
    page.goto("/supervision/dashboard/")
    page.get_by_label("Period").select_option(label="Last 24 months")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**/supervision/dashboard/?*period=24*")
    expect(page).to_have_title(f"Supervision dashboard{TITLE_SUFFIX}")
    expect(page.get_by_text(f"Showing 1 to {PAGE_SIZE} of {PEOPLE} people")).to_be_visible()
    people = page.get_by_role("table", name="Supervision by person, most overdue first")
    expect(people.locator("tbody tr")).to_have_count(PAGE_SIZE)
    pages = page.get_by_role("navigation", name="Pages of people")
    expect(pages).to_contain_text("Page 1 of 2")

    next_page = pages.get_by_role("link", name="Next page")
    tab_to(page, next_page, presses=400)
    assert is_focused(next_page)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"period=24&page=2"))
    expect(page.get_by_text(f"Showing {PAGE_SIZE + 1} to {PEOPLE} of {PEOPLE} people")).to_be_visible()
    expect(people.locator("tbody tr")).to_have_count(PEOPLE - PAGE_SIZE)
    # The figures at the top still count everyone, and the period chosen is still chosen.
    expect(page.get_by_role("list").filter(has_text="overdue for supervision")).to_contain_text(f"{PEOPLE} people")
    expect(page.get_by_label("Period")).to_have_value("24")
    expect(pages).to_contain_text("Page 2 of 2")
    # axe-core on page 2 (the same pagination, filters and table as page 1), and on a phone below.
    assert_accessible(page)

    pages.get_by_role("link", name="Previous page").click()
    page.wait_for_url(re.compile(r"period=24&page=1"))
    expect(pages).to_contain_text("Page 1 of 2")

    # The paged dashboard fits a phone screen.
    sign_in_as(phone_page, large_service_manager)
    phone_page.goto("/supervision/dashboard/?page=2")
    expect(phone_page.get_by_role("navigation", name="Pages of people")).to_contain_text("Page 2 of 2")
    assert sideways_overflow(phone_page) <= 0
    assert_accessible(phone_page)
