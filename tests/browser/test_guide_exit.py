"""Leaving the guide quickly, by keyboard, with GOV.UK's "Exit this page"."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.usefixtures("empty_cache")


def test_pressing_shift_three_times_leaves_the_guide(page, guide, settings):
    """The part page, with its exit button, is checked with axe-core in test_guide.py."""
    # A page of this site stands in for the neutral site, so the test needs no network.
    settings.GUIDE_EXIT_URL = "/accessibility/"
    page.goto("/guide/what-to-expect/")
    button = page.get_by_role("button", name="Emergency Exit this page")
    expect(button).to_be_visible()
    for _press in range(3):
        page.keyboard.press("Shift")
    expect(page).to_have_url(re.compile(r"/accessibility/$"))
