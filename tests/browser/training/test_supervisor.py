"""The training tracker in a real browser, as a supervisor: approving and declining their people's requests,
the uptake matrix, a report's CPD record and coverage; by keyboard, with axe-core on every page."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.helpers import (
    TITLE_SUFFIX,
    error_summary,
    heading,
    success_banner,
    tab_to,
    wait_for_error_summary_focus,
    wait_for_focus_on,
)
from training.models import Booking, BookingStatus, ExternalLearning

pytestmark = pytest.mark.usefixtures("empty_cache")


# --- Supervisor --------------------------------------------------------------------------------


def test_supervisor_approves_one_request_and_declines_another_with_a_reason(
    page, sign_in, supervisor, worker, team_mate, other_worker, requests, assert_accessible
):
    learning = ExternalLearning.objects.create(
        person=worker,
        title="Working with fathers conference",
        kind="conference",
        completed_on=timezone.localdate() - timedelta(days=4),
        hours=6,
        reflection="Invite fathers early and by name.",
    )
    sign_in(page, supervisor)
    page.get_by_role("link", name="Training approvals").first.click()
    page.wait_for_url("**/training/approvals/")
    expect(page).to_have_title(f"Training approvals{TITLE_SUFFIX}")
    table = page.get_by_role("table", name="2 requests to decide, soonest course first")
    expect(table.get_by_role("rowheader", name=re.compile(worker.full_name))).to_be_visible()
    expect(table.get_by_role("rowheader", name=re.compile(team_mate.full_name))).to_be_visible()
    expect(page.get_by_text(other_worker.full_name)).to_have_count(0)
    assert_accessible(page)

    tab_to(page, page.get_by_role("button", name=f"Approve {worker.full_name}"), presses=80)
    page.keyboard.press("Enter")
    page.wait_for_url("**/training/approvals/")
    expect(success_banner(page)).to_contain_text(f"Approved: {worker.full_name} on Introduction to systemic practice")
    expect(page.get_by_role("table", name=re.compile("^1 request to decide"))).to_be_visible()
    assert_accessible(page)
    assert Booking.objects.get(pk=requests["worker"].pk).status == BookingStatus.BOOKED

    tab_to(page, page.get_by_role("link", name=f"Decline {team_mate.full_name}"), presses=80)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/training/approvals/bookings/{requests['team_mate'].pk}/decline/")
    expect(page).to_have_title(f"Decline a request{TITLE_SUFFIX}")
    expect(heading(page)).to_have_text("Decline the request for Trauma-informed practice: the basics")
    # axe-core checks this form below, with its errors (the same form and more).
    tab_to(page, page.get_by_role("button", name="Decline the request"))
    page.keyboard.press("Enter")
    expect(page).to_have_title(re.compile("^Error: Decline a request"))
    expect(error_summary(page)).to_contain_text("Enter the reason")
    wait_for_error_summary_focus(page)
    assert_accessible(page)
    tab_to(page, error_summary(page).get_by_role("link", name="Enter the reason"), presses=5)
    page.keyboard.press("Enter")
    wait_for_focus_on(page, "id_reason")
    page.keyboard.type("We are short-staffed that week. Please ask for the next date.")
    tab_to(page, page.get_by_role("button", name="Decline the request"), presses=5)
    page.keyboard.press("Enter")
    page.wait_for_url("**/training/approvals/")
    expect(success_banner(page)).to_contain_text(f"Declined: {team_mate.full_name} on Trauma-informed practice")
    expect(page.get_by_text("There are no course requests waiting for you.")).to_be_visible()
    assert_accessible(page)
    declined = Booking.objects.get(pk=requests["team_mate"].pk)
    assert (declined.status, declined.decline_reason) == (
        BookingStatus.DECLINED,
        "We are short-staffed that week. Please ask for the next date.",
    )

    # Other learning: decline needs a reason too; here the supervisor approves it on its own page.
    page.get_by_role("link", name=f"Decline {learning.title} for {worker.full_name}").click()
    page.wait_for_url(f"**/training/approvals/external/{learning.pk}/")
    expect(page).to_have_title(f"Decide on {learning.title}{TITLE_SUFFIX}")
    assert_accessible(page)
    tab_to(page, page.get_by_label("Yes, approve it"))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Save decision"), presses=10)
    page.keyboard.press("Enter")
    page.wait_for_url("**/training/approvals/")
    expect(success_banner(page)).to_contain_text(f"Approved: “{learning.title}” now counts in {worker.full_name}’s")
    learning.refresh_from_db()
    assert learning.status == "approved"


def test_supervisor_reads_the_matrix_as_a_table_a_reports_cpd_record_and_coverage_with_a_chart(
    page, sign_in, supervisor, worker, team, team_mate, other_worker, uptake, assert_accessible
):
    sign_in(page, supervisor)
    page.get_by_role("link", name="Training uptake").first.click()
    page.wait_for_url("**/training/uptake/")
    expect(page).to_have_title(f"Training uptake{TITLE_SUFFIX}")
    matrix = page.get_by_role("table", name="Training by person and course, by team, then name")
    expect(matrix).to_be_visible()
    # A real table: a caption, course headers for columns, each person a row header.
    expect(matrix.locator("caption")).to_have_count(1)
    expect(matrix.locator("thead th[scope=col]")).to_have_count(2 + 3)
    expect(matrix.locator("th[scope=colgroup]")).to_have_count(2)
    expect(matrix.locator("tbody th[scope=row]")).to_have_count(3)  # the supervisor, the worker and the team mate
    expect(matrix.get_by_role("rowheader", name=worker.full_name)).to_be_visible()
    expect(matrix.get_by_role("rowheader", name=team_mate.full_name)).to_be_visible()
    expect(matrix).not_to_contain_text(other_worker.full_name)
    expect(matrix).to_contain_text("Required: missing")
    expect(matrix).to_contain_text("Booked")
    assert_accessible(page)

    # The scrolling region is reached by keyboard, so it can be scrolled with the arrow keys.
    region = page.get_by_role("region", name="Training by person and course, by team, then name")
    tab_to(page, region, presses=120)

    page.get_by_label("Status").select_option(label="Required but missing")
    page.get_by_label("Sort by").select_option(label="Most gaps first")
    page.get_by_role("button", name="Show", exact=True).click()
    page.wait_for_url(re.compile(r"status=missing"))
    matrix = page.get_by_role("table", name="Training by person and course, most gaps first")
    expect(matrix.get_by_role("rowheader", name=re.compile(team_mate.full_name))).to_be_visible()
    expect(matrix.get_by_role("rowheader", name=re.compile(worker.full_name))).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name="Clear filters").click()
    page.get_by_role("table").get_by_role("link", name=worker.full_name).click()
    page.wait_for_url(f"**/training/cpd/{worker.pk}/")
    expect(heading(page)).to_have_text(f"CPD record for {worker.full_name}")
    expect(page.get_by_role("table", name=re.compile("^Learning from"))).to_contain_text(
        "Introduction to systemic practice"
    )
    assert_accessible(page)

    # Coverage, with a chart and its data table.
    page.goto("/training/uptake/")
    page.get_by_role("link", name="coverage against targets, gaps, spend, attendance and evaluations").click()
    page.wait_for_url("**/training/uptake/coverage/")
    expect(page).to_have_title(f"Training coverage{TITLE_SUFFIX}")
    chart = page.get_by_role("img", name=re.compile("against a target of 80%"))
    expect(chart).to_be_visible()
    expect(chart).to_have_accessible_name(re.compile("The table after the chart gives each team's figures."))
    data = page.get_by_role("table", name=re.compile("^By team: staff trained to at least introductory"))
    expect(data.locator("th[scope=col]")).to_have_count(4)
    expect(data.get_by_role("rowheader", name=team.name)).to_be_visible()
    expect(page.get_by_role("table", name=re.compile("^People a course is required for"))).to_be_visible()
    assert_accessible(page)
    tab_to(page, page.get_by_role("region", name=re.compile("^By team")), presses=80)

    # Each figure links to the people behind it.
    page.get_by_role("link", name=re.compile("missing Introduction to systemic practice: show them")).click()
    page.wait_for_url(re.compile(r"/training/uptake/\?.*status=missing"))
    expect(heading(page)).to_have_text("Training uptake")
    # The matrix filtered to what is missing: checked with axe-core above.
    expect(page.get_by_label("Status")).to_have_value("missing")
