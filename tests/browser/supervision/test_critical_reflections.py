"""An ASYE worker's critical-reflection log in a real browser: written (a mistake first), shared with their
assessor, read by the assessor, and made private again; axe-core on every page. Who else is refused is tested
in-process (tests/supervision/test_critical_reflections.py)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.helpers import TITLE_SUFFIX, error_summary, heading, success_banner, wait_for_error_summary_focus
from tests.dates import as_shown, as_typed
from tests.factories import UserFactory

pytestmark = pytest.mark.usefixtures("empty_cache")


def test_an_asye_worker_writes_and_shares_a_reflection_and_their_assessor_reads_it(
    page, sign_in_as, worker, team, assert_accessible
):
    today = timezone.localdate()
    assessor = UserFactory(team=team, full_name="Jo Assessor")
    worker.asye_start_date = today - timedelta(days=100)
    worker.asye_assessor = assessor
    worker.save()

    sign_in_as(page, worker)
    page.goto("/supervision/")
    page.get_by_role("link", name="Your critical reflections").click()
    expect(heading(page)).to_have_text("Your critical reflections")
    expect(page.get_by_text("3-month review")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Write a reflection").click()
    expect(page).to_have_title(f"Write a critical reflection{TITLE_SUFFIX}")
    page.get_by_label("Date").fill(as_typed(today + timedelta(days=1)))
    page.get_by_label("Title").fill("My first core group")
    page.get_by_role("button", name="Save your reflection").click()
    wait_for_error_summary_focus(page)
    expect(error_summary(page)).to_contain_text("The date must be today or in the past")
    expect(error_summary(page)).to_contain_text("Enter your reflection")
    assert_accessible(page)
    page.get_by_label("Date").fill(as_typed(today))
    page.get_by_label("Your reflection").fill("The mother spoke more once the plan was in her words.")
    page.get_by_role("button", name="Save your reflection").click()

    expect(heading(page)).to_have_text("My first core group")
    expect(success_banner(page)).to_be_visible()
    page.get_by_role("button", name="Share with my ASYE assessor").click()
    expect(page.get_by_role("button", name="Make this reflection private again")).to_be_visible()
    assert_accessible(page)

    page.context.clear_cookies()
    sign_in_as(page, assessor)
    page.goto("/supervision/")
    page.get_by_role("link", name="ASYE workers you assess").click()
    expect(heading(page)).to_have_text("ASYE workers you assess")
    assert_accessible(page)
    page.get_by_role("link", name=f"My first core group by {worker.full_name}").click()
    expect(heading(page)).to_have_text("My first core group")
    expect(page.get_by_text("The mother spoke more")).to_be_visible()
    expect(page.get_by_text(as_shown(today)).first).to_be_visible()
    # The assessor reads; only the author changes or shares.
    expect(page.get_by_role("link", name="Change your reflection")).to_have_count(0)
    expect(page.get_by_role("button", name="Make this reflection private again")).to_have_count(0)
    assert_accessible(page)
