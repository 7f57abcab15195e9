"""Guide pages kept whole for signed-out readers (practice_guide/page_cache.py), in a real browser.

The live server keeps a part after its first reader; later readers get the kept page with their own
CSRF token and cookie, so the feedback form works for each of them, and the page still passes axe
and breaks no Content-Security-Policy rule (the `page` fixture watches for violations).
"""

import re

import pytest
from playwright.sync_api import expect

from practice_guide import services
from practice_guide.models import GuidePart, PageFeedback

pytestmark = pytest.mark.usefixtures("empty_cache")

PART = "/guide/your-rights/"


def new_reader(browser, live_server):
    """Another person's browser: no cookies of its own yet."""
    return browser.new_context(base_url=live_server.url).new_page()


def test_every_reader_of_a_kept_page_can_give_feedback_and_a_published_change_replaces_it_at_once(
    page, browser, live_server, guide, editor, assert_accessible
):
    page.goto(PART)  # the first reader: rendered, then kept
    expect(page.get_by_role("heading", level=1)).to_have_text("Your rights")
    for answer, expected in (("Yes", "Thank you for your feedback"), ("No", "Help us improve this page")):
        reader = new_reader(browser, live_server)
        reader.goto(PART)
        reader.get_by_role("button", name=re.compile(f"^{answer}")).click()
        expect(reader.get_by_role("heading", name=expected)).to_be_visible()
        reader.context.close()
    assert PageFeedback.objects.count() == 2
    page.reload()
    assert_accessible(page)

    # A published change replaces the kept page at once.
    page.goto(PART)
    page.reload()
    part = GuidePart.objects.get(slug="your-rights")
    services.save_draft(
        part,
        expected_version=part.edit_version,
        text=services.PartText("Your rights", "S.", "You can ask to see what we write about you."),
        by=editor,
    )
    services.publish(GuidePart.objects.get(pk=part.pk), by=editor)
    page.reload()
    expect(page.get_by_text("You can ask to see what we write about you.")).to_be_visible()
