"""The quarterly committee report in a real browser: a service manager goes from the staff home to the report,
chooses a quarter, meets an error, and prints it on A4. Every page is checked with axe-core."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from committee_report.quarters import complete_quarters
from tests.browser.helpers import WIDER_THAN_THE_SCREEN, error_summary, heading, sideways_overflow
from tests.committee_report.conftest import committee_world  # noqa: F401 - the report's world, with figures in both quarters

pytestmark = pytest.mark.usefixtures("empty_cache", "committee_world")

A4_WIDTH_PX = 794  # 210 mm at 96 CSS pixels an inch
# Where a PDF page's size is written: [0 0 width height] in points (A4 is 595 by 842; Letter, the default, 612 by 792).
MEDIA_BOX = re.compile(rb"/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]")
# Each sheet of a PDF is an object of type /Page (the tree holding them is /Pages).
A_PAGE = re.compile(rb"/Type\s*/Page\b(?!s)")
SHEETS = 5  # at most this many sheets of A4 (7 before the print styles were tightened)


def test_a_service_manager_chooses_and_prints_the_quarterly_report(
    page, sign_in_by_cookie, service_manager, assert_accessible
):
    last, before = complete_quarters(timezone.localdate())[:2]
    sign_in_by_cookie(page, service_manager)
    page.get_by_role("link", name="Quarterly report to the safeguarding committee").click()
    expect(heading(page)).to_have_text("Quarterly report to the safeguarding committee")
    expect(page.locator(".govuk-caption-l")).to_have_text(last.label)
    expect(page.get_by_role("heading", name="Supervision on time", level=2)).to_be_visible()
    assert_accessible(page)

    # The quarter before, chosen from the list: the charts come with their tables.
    page.get_by_label("Quarter").select_option(before.slug)
    page.get_by_role("button", name="Show the report").click()
    expect(page.locator(".govuk-caption-l")).to_have_text(before.label)
    expect(
        page.get_by_role("img", name=re.compile("^Bar chart of the share of people whose supervision"))
    ).to_be_visible()
    expect(page.get_by_role("table", name=re.compile("^Supervision on time:"))).to_be_visible()
    assert_accessible(page)

    # A quarter that is not offered: an error, never a report for some other quarter.
    page.goto("/committee-report/?quarter=2099-00-q1")
    expect(error_summary(page)).to_contain_text("That quarter has not ended yet: choose one that has")
    expect(page.get_by_role("heading", name="Supervision on time")).to_have_count(0)
    assert_accessible(page)

    # On paper: no header, chooser or links away; the page fits the width of A4 and prints on A4 sheets.
    page.goto(f"/committee-report/?quarter={last.slug}")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": A4_WIDTH_PX, "height": 1123})
    expect(page.get_by_label("Quarter")).to_be_hidden()
    expect(page.locator(".govuk-header")).to_be_hidden()
    expect(page.locator(".govuk-template__header")).to_be_hidden()
    # The charts' words in the page's print font, never the browser's serif.
    fonts = page.evaluate(
        "[...document.querySelectorAll('.portal-chart text, .portal-report__sentence')]"
        ".map(element => getComputedStyle(element).fontFamily)"
    )
    assert set(fonts) == {"sans-serif"}, set(fonts)
    expect(page.get_by_role("link", name="Download these figures as a CSV file")).to_be_hidden()
    expect(page.get_by_role("heading", name="Supervision on time", level=2)).to_be_visible()
    assert sideways_overflow(page) <= 0, page.evaluate(WIDER_THAN_THE_SCREEN)
    pdf = page.pdf(prefer_css_page_size=True)
    sizes = {tuple(round(float(side)) for side in box) for box in MEDIA_BOX.findall(pdf)}
    assert sizes == {(595, 842)}, sizes
    sheets = len(A_PAGE.findall(pdf))
    assert sheets <= SHEETS, sheets
