"""The uptake matrix a page of people at a time, in a real browser: the coordinator pages through a service
of 130 people, shows everyone on one page, narrows it to one team, and opens the coverage page; with
axe-core on every page."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from portal.roles import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.usefixtures("empty_cache")


@pytest.fixture
def large_service(team, other_team, uptake):
    """130 social workers more, in two teams: more than one page of the matrix."""
    UserFactory.create_batch(65, team=team, roles=[Role.SOCIAL_WORKER])
    UserFactory.create_batch(65, team=other_team, roles=[Role.SOCIAL_WORKER])
    return get_user_model().objects.filter(team__service=team.service, is_active=True).count()


def test_coordinator_pages_through_the_matrix_and_shows_everyone_or_one_team(
    page, sign_in, coordinator, team, large_service, assert_accessible
):
    sign_in(page, coordinator)
    page.goto("/training/uptake/")
    matrix = page.get_by_role("table", name=re.compile("^Training by person and course"))
    expect(matrix.locator("th[scope=row]")).to_have_count(100)
    expect(page.get_by_text("Showing people 1 to 100")).to_be_visible()
    pages = page.get_by_role("navigation", name="Pages of people")
    expect(pages.get_by_text("Page 1 of 2")).to_be_visible()

    pages.get_by_role("link", name="Next page").click()
    page.wait_for_url("**/training/uptake/?page=2")
    expect(matrix.locator("th[scope=row]")).to_have_count(large_service - 100)
    expect(page.get_by_text(f"Showing people 101 to {large_service}")).to_be_visible()
    # axe-core on page 2, not page 1: the same pagination and table, with 32 rows to check instead of 100.
    assert_accessible(page)

    page.get_by_role("link", name=f"Show all {large_service} people on one page").click()
    page.wait_for_url("**/training/uptake/?page=all")
    expect(matrix.locator("th[scope=row]")).to_have_count(large_service)
    expect(page.get_by_role("navigation", name="Pages of people")).to_have_count(0)
    expect(page.get_by_text(f"Showing all {large_service} people on one page.")).to_be_visible()

    page.get_by_label("Team", exact=True).select_option(label=team.name)
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r".*team=\d+.*"))
    expect(page.get_by_role("navigation", name="Pages of people")).to_have_count(0)
    rowgroups = matrix.locator("th[scope=rowgroup]")
    expect(rowgroups).to_have_count(1)
    expect(rowgroups.first).to_contain_text(team.name)
    # axe-core on one team rather than everyone: the same table without pages, half as many rows to check.
    assert_accessible(page)

    page.goto("/training/uptake/coverage/")
    expect(page.get_by_role("heading", name="Training coverage", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Required training missing or running out")).to_be_visible()
    assert_accessible(page)
