"""The journey ("What happens and when") in a real browser: with JavaScript (show and hide by keyboard),
without it, and on a small phone; axe-core on the overview, a step and a part that belongs to the journey."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import TITLE_SUFFIX, heading, sideways_overflow

pytestmark = pytest.mark.usefixtures("empty_cache")

JOURNEY = "/guide/what-happens-and-when/"


@pytest.fixture
def demo_guide(editor):
    from practice_guide import demo_content

    demo_content.load(editor)


def step_button(page, title):
    return page.locator(".portal-step-nav__button--title", has_text=title)


def test_the_journey_by_keyboard_without_javascript_and_on_a_phone(
    page, no_js_page, phone_page, demo_guide, assert_accessible
):
    page.goto(JOURNEY)
    expect(page).to_have_title(f"What happens and when: step by step{TITLE_SUFFIX}")
    panels = page.locator("#journey .portal-step-nav__panel")
    expect(panels).to_have_count(10)
    expect(panels.first).to_be_hidden()

    # One step, by keyboard: Enter opens it, Space closes it again.
    assessment = step_button(page, "Assessment")
    assessment.focus()
    page.keyboard.press("Enter")
    expect(assessment).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_text("No more than 45 working days from the referral.")).to_be_visible()
    page.keyboard.press(" ")
    expect(assessment).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_text("No more than 45 working days from the referral.")).to_be_hidden()

    # Every step at once.
    show_all = page.get_by_role("button", name="Show all steps")
    show_all.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Hide all steps")).to_have_attribute("aria-expanded", "true")
    expect(panels.last).to_be_visible()
    # axe-core once, with every step open: closed, the same steps' panels are only hidden.
    assert_accessible(page)

    page.get_by_role(
        "link", name=re.compile(r"What happens at this step\s*: Initial child protection conference")
    ).click()
    expect(page).to_have_url(re.compile(f"{JOURNEY}initial-child-protection-conference/$"))
    expect(heading(page)).to_have_text("Initial child protection conference")
    expect(
        page.get_by_text("Within 15 working days of the strategy discussion that started the enquiry.")
    ).to_be_visible()
    sidebar = page.get_by_role("complementary", name="Part of What happens and when")
    expect(sidebar.get_by_text("You are here:")).to_be_visible()
    expect(step_button(sidebar, "Initial child protection conference")).to_have_attribute("aria-expanded", "true")
    expect(step_button(sidebar, "Core group")).to_have_attribute("aria-expanded", "false")
    assert_accessible(page)

    # A part the journey links to says it is part of it.
    page.goto("/guide/meetings-and-plans/")
    expect(page.get_by_role("complementary", name="Part of What happens and when")).to_be_visible()
    assert_accessible(page)

    # Without JavaScript every step is open, with its links.
    no_js_page.goto(JOURNEY)
    expect(no_js_page.get_by_role("button", name="Show all steps")).to_have_count(0)
    for panel in no_js_page.locator("#journey .portal-step-nav__panel").all():
        expect(panel).to_be_visible()
    expect(
        no_js_page.get_by_role("link", name=re.compile(r"What happens at this step\s*: The plan ending"))
    ).to_be_visible()

    # At 320 pixels nothing scrolls sideways.
    for url in [JOURNEY, f"{JOURNEY}children-in-care-and-their-reviews/"]:
        phone_page.goto(url)
        expect(heading(phone_page)).to_be_visible()
        assert sideways_overflow(phone_page) <= 0, url
