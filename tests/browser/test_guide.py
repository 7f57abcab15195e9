"""The guide for families in a real browser: reading, searching, the glossary, feedback and the editors' pages."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from practice_guide import services
from practice_guide.models import GlossaryTerm, GuidePart, PageFeedback
from tests.browser.helpers import TITLE_SUFFIX, error_summary, sideways_overflow, success_banner, tab_until
from tests.dates import as_typed

PUBLISHED = ["What to expect", "Your rights", "Feedback and complaints"]
DRAFT = "Secret draft plans"


pytestmark = pytest.mark.usefixtures("empty_cache")


@pytest.fixture
def sign_in(sign_in_by_cookie):
    """Signed in by cookie, on the staff home: these tests are about the guide, and signing in by the form has
    tests of its own (test_sign_in_and_two_factor.py)."""
    return sign_in_by_cookie


# --- Reading the guide ---------------------------------------------------------------------


def search_for(page, words):
    page.get_by_role("searchbox", name="Search the guide").fill(words)
    page.get_by_role("search").get_by_role("button", name="Search").click()


def test_a_reader_finds_their_way_by_the_overview_search_glossary_and_print_pages(page, guide, assert_accessible):
    # The overview lists the published parts only.
    page.goto("/guide/")
    expect(page).to_have_title(f"Guide for families{TITLE_SUFFIX}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Our guide for families")
    contents = page.locator(".portal-overview-list")
    assert contents.get_by_role("link").all_inner_texts() == PUBLISHED
    assert DRAFT not in page.content()
    assert_accessible(page)

    # Searching from the overview finds and highlights; the part's breadcrumb leads back.
    search_for(page, "complain")
    expect(page).to_have_title(f"Search results for “complain”{TITLE_SUFFIX}")
    assert "/guide/search/?q=complain" in page.url
    results = page.locator(".portal-search-results")
    expect(results.get_by_role("link", name="Your rights")).to_be_visible()
    assert results.locator("mark").first.inner_text().lower() == "complain"
    assert_accessible(page)
    results.get_by_role("link", name="Your rights").click()
    page.wait_for_url("**/guide/your-rights/")
    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="Guide for families").click()
    page.wait_for_url("**/guide/")

    # The glossary.
    page.get_by_role("link", name="The words we use: a glossary").click()
    page.wait_for_url("**/guide/glossary/")
    expect(page).to_have_title(f"The words we use{TITLE_SUFFIX}")
    assert page.locator("dt").all_inner_texts() == ["advocate", "core group"]
    assert "check a child protection plan" in page.locator("#core-group + dd").inner_text()
    assert_accessible(page)

    # The whole guide to print: every published part and no draft.
    page.goto("/guide/")
    page.get_by_role("link", name="The whole guide on one page, to print or save").click()
    page.wait_for_url("**/guide/print/")
    headings = page.get_by_role("heading", level=2).all_inner_texts()
    for number, title in enumerate(PUBLISHED, start=1):
        assert f"{number}. {title}" in headings
    assert DRAFT not in page.content()
    assert "Unicorn" not in page.content()
    expect(page.get_by_text("You have the right to complain.")).to_be_visible()
    assert_accessible(page)

    # Search never finds drafts, and suggests a spelling.
    page.goto("/guide/search/")
    assert_accessible(page)
    search_for(page, "Unicorn")
    expect(page.get_by_role("heading", name="No results for “Unicorn”")).to_be_visible()
    expect(page.locator(".portal-search-results")).to_have_count(0)
    assert DRAFT not in page.content()
    assert_accessible(page)
    search_for(page, "complan")
    expect(page.get_by_role("heading", name="No results for “complan”")).to_be_visible()
    expect(page.get_by_text("Did you mean")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="complain", exact=True).click()
    expect(page.locator(".portal-search-results").get_by_role("link", name="Your rights")).to_be_visible()


def test_a_part_has_breadcrumbs_navigation_related_parts_glossary_words_and_a_childrens_version(
    page, guide, assert_accessible
):
    """One reader on "What to expect": its breadcrumbs, related parts, urgent help and the next and previous
    links; a glossary word's meaning on hover and to the keyboard; and the children's version, kept from
    part to part."""
    page.goto("/guide/what-to-expect/")
    expect(page).to_have_title(f"What to expect{TITLE_SUFFIX}")
    expect(page.get_by_role("heading", level=1)).to_have_text("What to expect")
    breadcrumbs = page.get_by_role("navigation", name="Breadcrumb")
    assert breadcrumbs.get_by_role("link").all_inner_texts() == ["Home", "Guide for families"]
    related = page.get_by_role("complementary", name="Related parts")
    assert related.get_by_role("link").all_inner_texts() == ["Your rights"]
    urgent = page.get_by_role("complementary", name="Need help now?")
    expect(urgent.get_by_role("link", name="999")).to_be_visible()
    expect(page.get_by_text("Last updated")).to_be_visible()
    assert_accessible(page)

    pages = page.get_by_role("navigation", name="Guide pages")
    expect(pages.get_by_role("link", name=re.compile("^Previous"))).to_have_count(0)
    pages.get_by_role("link", name=re.compile("^Next")).click()
    page.wait_for_url("**/guide/your-rights/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your rights")
    pages.get_by_role("link", name=re.compile("^Next")).click()
    page.wait_for_url("**/guide/feedback-and-complaints/")
    expect(pages.get_by_role("link", name=re.compile("^Next"))).to_have_count(0)
    pages.get_by_role("link", name=re.compile("^Previous")).click()
    page.wait_for_url("**/guide/your-rights/")
    pages.get_by_role("link", name=re.compile("^Previous")).click()
    page.wait_for_url("**/guide/what-to-expect/")
    expect(page.get_by_role("heading", level=1)).to_have_text("What to expect")

    # --- A glossary word explains itself on hover and to keyboard users.
    page.goto("/guide/what-to-expect/")
    link = page.locator(".portal-term__link", has_text="core group")
    tip = page.locator(f"#{link.get_attribute('aria-describedby')}")
    assert tip.get_attribute("id") == "term-core-group"
    assert tip.get_attribute("role") == "tooltip"
    assert not tip.is_visible()

    link.hover()
    tip.wait_for(state="visible")
    assert "check a child protection plan" in tip.inner_text()
    assert_accessible(page)
    page.mouse.move(0, 0)
    tip.wait_for(state="hidden")

    tab_until(page, "element.classList.contains('portal-term__link') && element.textContent.trim() === 'core group'")
    tip.wait_for(state="visible")
    assert tip.is_visible()
    assert "check a child protection plan" in tip.inner_text()

    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")
    assert not tip.is_visible()
    # Escape hides the meaning without moving focus.
    assert page.evaluate("document.activeElement.textContent.trim()") == "core group"

    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/guide/glossary/#core-group$"))
    assert page.url.endswith("/guide/glossary/#core-group")
    assert_accessible(page)

    # --- The children's version is kept from part to part.
    page.goto("/guide/what-to-expect/")
    expect(page.get_by_text("You are reading the version for parents and carers")).to_be_visible()
    page.get_by_role("link", name="Read the version for children and young people").click()
    page.wait_for_url("**/guide/what-to-expect/")
    expect(page.get_by_text("Your social worker is there to help you")).to_be_visible()
    expect(page.get_by_text("Your social worker will visit you")).to_have_count(0)
    expect(page.get_by_text("You are reading the version for children and young people")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("navigation", name="Contents").get_by_role("link", name="Your rights").click()
    page.wait_for_url("**/guide/your-rights/")
    expect(page.get_by_text("You are reading the version for children and young people")).to_be_visible()
    expect(
        page.get_by_text("There is no separate version of this page for children and young people yet")
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Read the version for parents and carers").click()
    page.wait_for_url("**/guide/your-rights/")
    expect(page.get_by_text("You are reading the version for parents and carers")).to_be_visible()


# --- Feedback ----------------------------------------------------------------------------------


def test_feedback_no_with_a_comment_by_keyboard_yes_at_once_and_no_skipped(page, guide, assert_accessible):
    # "No" and a comment, with the keyboard only.
    page.goto("/guide/your-rights/")
    tab_until(page, "element.tagName === 'BUTTON' && element.textContent.trim().startsWith('No')", presses=60)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/guide/your-rights/feedback/[^/]+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Help us improve this page")
    expect(page).to_have_title(f"Help us improve this page{TITLE_SUFFIX}")
    assert_accessible(page)

    tab_until(page, "element.tagName === 'TEXTAREA'")
    assert page.evaluate("document.activeElement.id") == page.get_by_label(
        "How could we make this page better?"
    ).get_attribute("id")
    page.keyboard.type("The page should say how long a complaint takes.")
    tab_until(page, "element.tagName === 'BUTTON' && element.textContent.trim() === 'Send'", presses=5)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/guide/your-rights/\?feedback=thanks#feedback$"))
    expect(page.get_by_role("heading", name="Thank you for your feedback")).to_be_visible()
    assert_accessible(page)

    answer = PageFeedback.objects.get(part__slug="your-rights")
    assert answer.useful is False
    assert answer.comment == "The page should say how long a complaint takes."
    assert answer.reader == "parents"

    # "Yes" says thank you at once (the thank-you state is checked with axe-core above).
    page.goto("/guide/what-to-expect/")
    page.get_by_role("button", name=re.compile("^Yes")).click()
    page.wait_for_url(re.compile(r"/guide/what-to-expect/\?feedback=thanks#feedback$"))
    expect(page.get_by_role("heading", name="Thank you for your feedback")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^Yes"))).to_have_count(0)
    answer = PageFeedback.objects.get(part__slug="what-to-expect")
    assert answer.useful is True
    assert answer.comment == ""

    # "No" without a comment can be skipped.
    page.goto("/guide/feedback-and-complaints/")
    page.get_by_role("button", name=re.compile("^No")).click()
    page.get_by_role("link", name="Skip and go back to the page").click()
    page.wait_for_url("**/guide/feedback-and-complaints/")
    answer = PageFeedback.objects.get(part__slug="feedback-and-complaints")
    assert (answer.useful, answer.comment) == (False, "")
    assert PageFeedback.objects.count() == 3


# --- Phones and no JavaScript ------------------------------------------------------------------


def test_a_part_fits_a_320_pixel_screen_and_can_be_read_and_rated_without_javascript(
    phone_page, no_js_page, guide, assert_accessible
):
    phone_page.goto("/guide/what-to-expect/")
    expect(phone_page.get_by_role("heading", level=1)).to_have_text("What to expect")
    overflow = sideways_overflow(phone_page)
    assert overflow <= 0
    assert_accessible(phone_page)

    no_js_page.goto("/guide/what-to-expect/")
    expect(no_js_page.get_by_role("heading", level=1)).to_have_text("What to expect")
    expect(no_js_page.get_by_text("Your social worker will visit you.")).to_be_visible()
    no_js_page.get_by_role("button", name=re.compile("^Yes")).click()
    expect(no_js_page.get_by_role("heading", name="Thank you for your feedback")).to_be_visible()
    answer = PageFeedback.objects.get()
    assert (answer.part.slug, answer.useful) == ("what-to-expect", True)


# --- Editors -----------------------------------------------------------------------------------


def open_manage(page, sign_in, editor):
    sign_in(page, editor)
    expect(page.get_by_role("heading", level=1)).to_have_text("Staff home")
    page.get_by_role("link", name="Edit the guide for families").click()
    page.wait_for_url("**/guide/manage/")


def test_editor_sees_the_parts_and_feedback_and_the_forms_explain_their_errors(
    page, sign_in, editor, guide, assert_accessible
):
    rights = guide[1]
    services.record_feedback(rights, useful=True, reader="parents")
    answer = services.record_feedback(rights, useful=False, reader="children")
    services.add_feedback_comment(answer, "I did not understand the word complain.")

    # Every part with its status.
    open_manage(page, sign_in, editor)
    expect(page).to_have_title(f"Edit the guide for families{TITLE_SUFFIX}")
    table = page.get_by_role("table")
    rows = table.locator("tbody tr")
    assert rows.count() == 4
    for title in PUBLISHED:
        row = rows.filter(has=page.get_by_role("link", name=title, exact=True))
        assert row.locator(".govuk-tag").inner_text() == "Published"
    draft_row = rows.filter(has=page.get_by_role("link", name=DRAFT))
    assert draft_row.locator(".govuk-tag").inner_text() == "Draft only"
    assert_accessible(page)

    # The feedback report.
    page.get_by_role("link", name="Feedback from families").click()
    page.wait_for_url("**/guide/manage/feedback/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Feedback from families")
    row = page.locator("tbody tr").filter(has=page.get_by_role("rowheader", name="Your rights"))
    assert row.locator("td").all_inner_texts() == ["1", "1", "50%"]
    expect(page.get_by_text("I did not understand the word complain.")).to_be_visible()
    assert_accessible(page)

    # A new part needs a title, a summary and the text.
    page.goto("/guide/manage/")
    page.get_by_role("link", name="Add a part").click()
    expect(page).to_have_title(f"Add a part{TITLE_SUFFIX}")
    # axe-core checks this form below, with its errors (the same form and more).
    page.get_by_role("button", name="Create draft").click()
    expect(page).to_have_title(re.compile("^Error: Add a part"))
    summary = error_summary(page)
    assert "Enter a title" in summary.inner_text()
    assert "Enter a summary" in summary.inner_text()
    assert "Enter the text for parents and carers" in summary.inner_text()
    summary.get_by_role("link", name="Enter a title").click()
    assert page.evaluate("document.activeElement.id") == "id_title"
    assert_accessible(page)
    assert GuidePart.objects.count() == 4

    # Editing a part: how easy it is to read, as the editor writes.
    page.goto("/guide/manage/")
    page.get_by_role("link", name="Your rights", exact=True).click()
    panel = page.get_by_role("region", name="How easy is it to read?")
    expect(panel).to_contain_text("6 in 1 sentences")
    page.get_by_label("Version for parents and carers", exact=True).fill(
        "You have the right to complain. We will listen to you."
    )
    # The panel follows the writing a moment after typing stops...
    expect(panel).to_contain_text("11 in 2 sentences")
    assert_accessible(page)
    # ...and the button (all there is without JavaScript) gives the same answer. The page's own request, not
    # the panel script's fetch, which may still be on its way.
    with page.expect_response(
        lambda response: response.request.method == "POST" and response.request.resource_type == "document"
    ) as posted:
        page.get_by_role("button", name="Check readability").click()
    assert posted.value.status == 200
    expect(page.get_by_role("region", name="How easy is it to read?")).to_contain_text("11 in 2 sentences")
    # Checking saves nothing.
    assert GuidePart.objects.get(slug="your-rights").draft.number == 1
    assert_accessible(page)

    # An empty title is refused.
    page.get_by_label("Title", exact=True).fill("")
    with page.expect_response(lambda response: response.request.method == "POST") as posted:
        page.get_by_role("button", name="Save draft").click()
    assert posted.value.status == 200
    expect(page).to_have_title(re.compile("^Error: Edit “Your rights”"))
    assert "Enter a title" in error_summary(page).inner_text()
    assert_accessible(page)
    assert GuidePart.objects.get(slug="your-rights").draft.number == 1


def test_editor_writes_previews_publishes_changes_and_restores_a_part(page, sign_in, editor, guide, assert_accessible):
    open_manage(page, sign_in, editor)

    # Write a new part.
    page.get_by_role("link", name="Add a part").click()
    page.get_by_label("Title", exact=True).fill("Meeting your social worker")
    page.get_by_label("Summary", exact=True).fill("When and where you will meet your social worker.")
    page.get_by_label("Version for parents and carers", exact=True).fill("We will meet you at home first.")
    page.get_by_role("button", name="Create draft").click()
    assert "was created as a draft" in success_banner(page).inner_text()
    expect(page.get_by_role("heading", level=1)).to_have_text("Meeting your social worker")
    expect(page.locator(".govuk-tag", has_text="Draft only")).to_be_visible()
    assert_accessible(page)
    part = GuidePart.objects.get(slug="meeting-your-social-worker")
    assert part.published_id is None

    # Change it, save and preview: a preview banner and the new words.
    page.get_by_label("Version for parents and carers", exact=True).fill("We will meet you at school first.")
    page.get_by_role("button", name="Save and preview").click()
    page.wait_for_url(f"**/guide/manage/{part.pk}/preview/")
    expect(page.get_by_role("region", name="Preview")).to_be_visible()
    expect(page.get_by_text("We will meet you at school first.")).to_be_visible()
    expect(page).to_have_title(f"Preview: Meeting your social worker{TITLE_SUFFIX}")
    assert_accessible(page)
    # Not public yet.
    assert page.request.get("/guide/meeting-your-social-worker/").status == 404

    # Publish it.
    page.get_by_role("link", name="Back to editing").click()
    page.get_by_role("button", name="Publish the saved draft now").click()
    assert "is published. Families can read it now." in success_banner(page).inner_text()
    expect(page.get_by_text("Families see the saved draft: there is nothing new to publish.")).to_be_visible()
    assert_accessible(page)
    page.goto("/guide/meeting-your-social-worker/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Meeting your social worker")
    expect(page.get_by_text("We will meet you at school first.")).to_be_visible()
    page.goto("/guide/")
    assert "Meeting your social worker" in page.locator(".portal-overview-list").inner_text()

    # Change the text again and save a draft: families still see the published words.
    page.goto(f"/guide/manage/{part.pk}/")
    page.get_by_label("Version for parents and carers", exact=True).fill("We will meet you wherever suits you.")
    page.get_by_role("button", name="Save draft").click()
    assert "Your draft was saved" in success_banner(page).inner_text()
    expect(page.locator(".govuk-tag", has_text="Unpublished changes")).to_be_visible()
    assert page.request.get("/guide/meeting-your-social-worker/").text().count("school first") == 1

    # Compare versions 1 and 2.
    page.get_by_role("link", name="History and earlier versions").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("History")
    assert page.locator("tbody tr").count() == 3
    assert_accessible(page)
    page.get_by_label("Older version").select_option(label="Version 1")
    page.get_by_label("Newer version").select_option(label="Version 2")
    page.get_by_role("button", name="Compare").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Compare versions 1 and 2")
    removed = page.locator("tr.portal-diff--removed")
    added = page.locator("tr.portal-diff--added")
    assert removed.count() == 1
    assert added.count() == 1
    assert removed.inner_text().split("\t") == ["Removed", "We will meet you at home first."]
    assert added.inner_text().split("\t") == ["Added", "We will meet you at school first."]
    assert_accessible(page)

    # Restore version 1 as a new draft; the published page does not change.
    page.get_by_role("button", name="Restore version 1 as the draft").click()
    assert "Version 1 is the draft again" in success_banner(page).inner_text()
    assert page.get_by_label("Version for parents and carers", exact=True).input_value() == (
        "We will meet you at home first."
    )
    assert_accessible(page)
    part.refresh_from_db()
    assert (part.draft.number, part.published.number) == (4, 2)
    assert page.request.get("/guide/meeting-your-social-worker/").text().count("school first") == 1


def test_editor_schedules_publishing_and_keeps_the_glossary_and_social_workers_cannot_edit(
    page, sign_in, editor, worker, guide, assert_accessible
):
    # Scheduling a draft to publish later.
    open_manage(page, sign_in, editor)
    page.get_by_role("link", name=DRAFT).click()
    page.get_by_role("link", name="Schedule publishing for later").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Schedule publishing")
    expect(page).to_have_title(f"Schedule publishing{TITLE_SUFFIX}")
    # axe-core checks this form below, with its errors (the same form and more).

    page.get_by_label("Date").fill("")
    page.get_by_label("Time").fill("")
    page.get_by_role("button", name="Schedule publishing").click()
    expect(page).to_have_title(re.compile("^Error: Schedule publishing"))
    summary = error_summary(page)
    assert "Enter the date to publish" in summary.inner_text()
    assert "Enter the time to publish" in summary.inner_text()
    assert_accessible(page)

    tomorrow = timezone.localdate() + timedelta(days=1)
    page.get_by_label("Date").fill(as_typed(tomorrow))
    page.get_by_label("Time").fill("09:00")
    page.get_by_role("button", name="Schedule publishing").click()
    assert "will be published on" in success_banner(page).inner_text()
    expect(page.locator(".govuk-tag", has_text="Scheduled for")).to_be_visible()
    assert_accessible(page)
    part = GuidePart.objects.get(slug="secret-plans")
    assert part.scheduled_id == part.draft_id
    assert part.published_id is None

    # The glossary.
    page.goto("/guide/manage/")
    page.get_by_role("link", name="Glossary", exact=True).click()
    page.wait_for_url("**/guide/manage/glossary/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Glossary")
    assert page.locator(".govuk-summary-list__key").all_inner_texts() == ["advocate", "core group"]
    assert_accessible(page)

    page.get_by_role("link", name="Add a word").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a word to the glossary")
    # axe-core checks this form below, with its errors (the same form and more).
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_title(re.compile("^Error: Add a word to the glossary"))
    summary = error_summary(page)
    assert "Enter the word or phrase" in summary.inner_text()
    assert "Enter what it means" in summary.inner_text()
    assert_accessible(page)

    page.get_by_label("Word or phrase").fill("child in need")
    page.get_by_label("Definition").fill("A child who needs extra help to be safe and well.")
    page.get_by_role("button", name="Save").click()
    assert "“child in need” is saved" in success_banner(page).inner_text()
    assert page.locator(".govuk-summary-list__key").all_inner_texts() == ["advocate", "child in need", "core group"]
    assert_accessible(page)
    assert GlossaryTerm.objects.get(slug="child-in-need").term == "child in need"

    page.goto("/guide/glossary/")
    assert "child in need" in page.locator("dt").all_inner_texts()

    # Who may edit: a social worker cannot.
    page.context.clear_cookies()
    sign_in(page, worker)
    expect(page.get_by_role("heading", level=1)).to_have_text("Staff home")
    expect(page.get_by_role("link", name="Edit the guide for families")).to_have_count(0)
    response = page.goto("/guide/manage/")
    assert response.status == 403
    # The page that says so is checked with axe-core in test_layout_and_sign_in.py.
    expect(page.get_by_role("heading", level=1)).to_have_text("You cannot see this page")
    assert page.goto("/guide/manage/new/").status == 403
