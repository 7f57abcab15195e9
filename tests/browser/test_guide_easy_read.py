"""The easy read version in a real browser: choosing it on a phone, and the editors' picture search and picker."""

import pytest
from playwright.sync_api import expect

from practice_guide import pictures, services
from tests.browser.helpers import TITLE_SUFFIX, sideways_overflow, wait_for_image

pytestmark = pytest.mark.usefixtures("empty_cache")


def test_easy_read_on_a_phone_and_the_editors_picture_picker(phone_page, guide, editor, sign_in_as, assert_accessible):
    part = guide[0]
    text = services.PartText.of(part.published)
    text.body_easy_read = "## What happens\n[1F3E0] We will visit you at home.\n[1F442] We will listen to you."
    services.save_draft(part, expected_version=part.edit_version, text=text, by=editor)
    services.publish(part, by=editor)
    page = phone_page

    page.goto("/guide/what-to-expect/")
    page.get_by_role("link", name="Read the easy read version").click()
    expect(page.get_by_text("You are reading the easy read version.")).to_be_visible()
    lines = page.locator(".portal-easy-read__line")
    expect(lines).to_have_count(2)
    expect(lines.first.locator("img")).to_have_attribute("alt", "")
    wait_for_image(lines.first.locator("img"))
    expect(page.get_by_text("About 1 minute to read")).to_be_visible()
    assert sideways_overflow(page) <= 0
    assert_accessible(page)
    page.goto("/guide/your-rights/")
    expect(page.get_by_text("There is no easy read version of this page yet")).to_be_visible()

    sign_in_as(page, editor)
    page.goto("/guide/manage/pictures/?q=house")
    expect(page).to_have_title(f"Pictures for easy read{TITLE_SUFFIX}")
    expect(page.get_by_text("[1F3E0]", exact=True)).to_be_visible()
    assert sideways_overflow(page) <= 0
    assert_accessible(page)

    page.goto(f"/guide/manage/{part.pk}/")
    field = page.get_by_label("Easy read version (optional)")
    field.evaluate("field => { field.focus(); field.setSelectionRange(field.value.length, field.value.length); }")
    field.press_sequentially("\nWe will talk with you.")
    search = page.get_by_label("Find a picture for the current line")
    search.fill("speaking head")
    search.press("Enter")  # searches at once; the editor form is not sent
    choice = page.get_by_role("button", name="speaking head [1F5E3]")
    expect(choice.locator("img")).to_have_attribute("src", pictures.url("1F5E3"))
    choice.focus()
    choice.press("Enter")
    expect(field).to_be_focused()
    expect(field).to_have_value(
        "## What happens\n[1F3E0] We will visit you at home.\n[1F442] We will listen to you.\n"
        "[1F5E3] We will talk with you."
    )
    assert page.url.endswith(f"/guide/manage/{part.pk}/")
    assert_accessible(page)
