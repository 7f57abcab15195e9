"""The staff practice handbook in a real browser: a social worker reads and confirms their required reading
(by keyboard, on a phone and without JavaScript), searches and prints; a practice lead adds a tool, links it
and makes it required reading; a supervisor sees their team's reading; a visitor is sent to sign in.
axe-core checks every page."""

import re

import pytest
from playwright.sync_api import expect

from handbook import services
from handbook.models import ASYE, RequiredReading
from portal.roles import Role
from supervision.frames import FrameChoice
from tests.browser.helpers import (
    TITLE_SUFFIX,
    error_summary,
    heading,
    sideways_overflow,
    success_banner,
    tab_to,
    wait_for_error_summary_focus,
)
from tests.factories import CourseDateFactory, CourseFactory, UserFactory, handbook_page

pytestmark = pytest.mark.usefixtures("empty_cache")

CONFIRM = "I have read and understood this page"
MISSING = "When not to use it"


@pytest.fixture
def practice_lead(team):
    return UserFactory(team=team, roles=[Role.PRACTICE_LEAD], job_title="Practice lead")


@pytest.fixture
def asye_worker(team, supervisor):
    return UserFactory(
        team=team, line_manager=supervisor, roles=[Role.SOCIAL_WORKER], is_newly_qualified=True, full_name="Ada Asye"
    )


@pytest.fixture
def handbook(db, editor, practice_lead):
    """Published pages of each kind. Social workers must read the genogram page and our vision; the genogram is
    taught by a course with a date to come and used in the Signs of Safety frame."""
    pages = {
        page.slug: page
        for page in [
            handbook_page(
                "our-vision", "Our vision", by=editor, body="Relationships are how we help.\n\nZanzibar protocol."
            ),
            handbook_page("genogram", "Genograms", kind="tool", by=editor),
            handbook_page("ecomap", "Ecomaps", kind="tool", by=editor),
            handbook_page("reflective-supervision", "Reflective supervision", kind="learning", by=editor),
        ]
    }
    course = CourseFactory(title="Family trees and genograms")
    CourseDateFactory(course=course)
    services.set_tool_links(pages["genogram"], courses=[course], frames={FrameChoice.SIGNS_OF_SAFETY})
    for slug in ("our-vision", "genogram"):
        services.set_required_reading(pages[slug], {Role.SOCIAL_WORKER}, by=practice_lead)
    return pages


def reading_item(page, title):
    return page.locator(".govuk-task-list__item", has_text=title)


def in_viewport(locator) -> bool:
    return locator.evaluate(
        "element => { const box = element.getBoundingClientRect(); return box.top >= 0 && box.top < innerHeight; }"
    )


# --- A social worker ----------------------------------------------------------------------------------------


def test_a_social_worker_reads_confirms_searches_and_prints(page, worker, handbook, sign_in_as, assert_accessible):
    sign_in_as(page, worker)
    page.goto("/staff/")
    expect(page.get_by_role("navigation", name="Menu").get_by_role("link", name="Handbook")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Practice handbook", exact=True).click()

    # The contents, with their required reading as a task list.
    expect(page).to_have_url(re.compile(r"/handbook/$"))
    expect(page).to_have_title(f"Practice handbook{TITLE_SUFFIX}")
    expect(heading(page)).to_have_text("Practice handbook")
    reading = page.get_by_role("region", name="Your required reading")
    expect(reading.locator(".govuk-task-list__item")).to_have_count(2)
    expect(reading_item(page, "Genograms").locator(".govuk-task-list__status")).to_have_text("To read")
    assert_accessible(page)

    # By keyboard to the tool from the task list.
    genogram_link = reading.get_by_role("link", name="Genograms")
    tab_to(page, genogram_link)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/handbook/genogram/$"))
    expect(heading(page)).to_have_text("Genograms")
    expect(page.get_by_text("Required reading for you")).to_be_visible()

    on_this_page = page.get_by_role("navigation", name="On this page")
    on_this_page.get_by_role("link", name=MISSING).click()
    expect(page).to_have_url(re.compile(r"#when-not-to-use-it$"))
    assert in_viewport(page.locator("#when-not-to-use-it"))
    on_this_page.get_by_role("link", name="Courses that teach it").click()
    expect(page).to_have_url(re.compile(r"#courses-heading$"))
    courses = page.get_by_role("region", name="Courses that teach it")
    expect(courses.get_by_role("link", name="Family trees and genograms", exact=True)).to_be_visible()
    expect(courses.get_by_role("table", name="Next dates for Family trees and genograms")).to_be_visible()
    expect(courses.get_by_role("link", name="Book a place on Family trees and genograms")).to_be_visible()
    on_this_page.get_by_role("link", name="In supervision").click()
    expect(page).to_have_url(re.compile(r"#frames-heading$"))
    supervision = page.get_by_role("region", name="In supervision")
    expect(supervision.get_by_text("Signs of Safety mapping")).to_be_visible()
    assert_accessible(page)

    # Confirming by keyboard.
    confirm = page.get_by_role("button", name=CONFIRM)
    tab_to(page, confirm, presses=80)
    page.keyboard.press("Enter")
    expect(success_banner(page)).to_contain_text(
        "You have confirmed you have read and understood “Genograms”. It counts as reading time in your CPD record."
    )
    confirmed = page.get_by_role("region", name="Read and understood")
    expect(confirmed.locator(".govuk-tag", has_text="Read")).to_be_visible()
    expect(confirmed).to_contain_text("You confirmed you have read and understood this version")
    expect(page.get_by_role("button", name=CONFIRM)).to_have_count(0)
    assert_accessible(page)

    # Back on the contents the item says Read; the other is still to read.
    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="Practice handbook").click()
    expect(reading_item(page, "Genograms").locator(".govuk-task-list__status")).to_have_text("Read")
    expect(reading_item(page, "Our vision").locator(".govuk-task-list__status")).to_have_text("To read")

    # Searching, by keyboard, and opening a result.
    search = page.get_by_role("searchbox", name="Search the handbook")
    search.fill("Zanzibar")
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"/handbook/search/\?q=Zanzibar$"))
    expect(page).to_have_title(f"Search the handbook for “Zanzibar”{TITLE_SUFFIX}")
    expect(page.get_by_role("heading", name="1 page found")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Our vision").first.click()
    expect(page).to_have_url(re.compile(r"/handbook/our-vision/$"))
    expect(heading(page)).to_have_text("Our vision")

    # Printing one tool, then the whole handbook.
    page.goto("/handbook/genogram/")
    page.get_by_role("link", name="Print this page").click()
    expect(page).to_have_url(re.compile(r"/handbook/genogram/print/$"))
    expect(page).to_have_title(f"Print: Genograms{TITLE_SUFFIX}")
    expect(heading(page)).to_have_text("Genograms")
    expect(page.get_by_role("heading", name="What to bring to supervision")).to_be_visible()
    assert_accessible(page)
    page.goto("/handbook/")
    page.get_by_role("link", name="Print the whole handbook").click()
    expect(page).to_have_url(re.compile(r"/handbook/print/$"))
    expect(page).to_have_title(f"The whole practice handbook{TITLE_SUFFIX}")
    contents = page.locator("ol.govuk-list--number")
    assert contents.get_by_role("link").all_inner_texts() == [
        "Our vision",
        "Genograms",
        "Ecomaps",
        "Reflective supervision",
    ]
    assert_accessible(page)


# --- The practice lead --------------------------------------------------------------------------------------


def test_a_practice_lead_adds_a_tool_links_it_and_makes_it_required_reading(
    page, practice_lead, asye_worker, handbook, sign_in_as, assert_accessible
):
    sign_in_as(page, practice_lead)
    page.goto("/staff/")
    page.get_by_role("link", name="Edit the practice handbook").click()
    expect(heading(page)).to_have_text("Edit the practice handbook")
    assert_accessible(page)

    page.get_by_role("link", name="Add a tool").click()
    expect(heading(page)).to_have_text("Add a tool")
    text = page.get_by_label("Text", exact=True)
    body = text.input_value()
    found = re.findall(r"^## (.+)$", body, flags=re.MULTILINE)
    assert found == [
        "What it is for",
        "When to use it",
        "When not to use it",
        "How to do it",
        "An example",
        "How to record it",
        "What to bring to supervision",
    ]
    # axe-core checks this form below, with its errors (the same form and more).

    # First with a section missing: the error summary names it, and takes focus.
    page.get_by_label("Title").fill("Life story work")
    page.get_by_label("Summary").fill("Helping a child make sense of their history.")
    text.fill(re.sub(r"## When not to use it\n\n[^\n]*\n\n", "", body))
    page.get_by_role("button", name="Create draft").click()
    wait_for_error_summary_focus(page)
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(error_summary(page)).to_contain_text(f"A tool page needs a section headed “{MISSING}”")
    assert_accessible(page)

    # The summary's link leads to the field.
    error_summary(page).get_by_role("link").first.click()
    expect(page.get_by_label("Text", exact=True)).to_be_focused()
    page.get_by_label("Text", exact=True).fill(body)
    page.get_by_role("button", name="Create draft").click()
    expect(success_banner(page)).to_contain_text("“Life story work” was created as a draft.")
    expect(heading(page)).to_have_text("Life story work")
    assert_accessible(page)
    page.get_by_role("button", name="Publish the saved draft now").click()
    expect(success_banner(page)).to_contain_text("“Life story work” is published.")

    # The courses and supervision frames that go with it.
    page.get_by_role("link", name="Courses and supervision frames for this tool").click()
    expect(heading(page)).to_have_text("Courses and supervision frames")
    assert_accessible(page)
    frame = page.get_by_role("checkbox", name="Systemic frame")
    frame.focus()
    page.keyboard.press(" ")
    expect(frame).to_be_checked()
    page.get_by_role("button", name="Save").click()
    expect(success_banner(page)).to_contain_text("The courses and supervision frames for “Life story work” are saved.")

    # Required reading for ASYE workers.
    page.get_by_role("link", name="Required reading", exact=True).click()
    expect(heading(page)).to_have_text("Who must read this page?")
    assert_accessible(page)
    page.get_by_role("checkbox", name="Workers in their ASYE year").check()
    page.get_by_role("button", name="Save").click()
    # Back to the tool's editor, where the lead started.
    expect(page).to_have_url(re.compile(r"/handbook/manage/\d+/$"))
    expect(success_banner(page)).to_contain_text("Required reading for “Life story work” is saved.")
    page.goto("/handbook/required-reading/")
    row = page.get_by_role("row", name=re.compile("^Life story work"))
    expect(row).to_contain_text("Workers in their ASYE year")
    assert_accessible(page)

    # The tool's page shows the frame.
    page.goto("/handbook/life-story-work/")
    expect(page.get_by_role("region", name="In supervision").get_by_text("Systemic frame")).to_be_visible()

    # The reading report shows the ASYE worker's page still to read.
    page.goto("/staff/")
    page.get_by_role("link", name="Handbook reading").click()
    expect(heading(page)).to_have_text("Handbook reading")
    ada = page.get_by_role("row", name=re.compile("^Ada Asye"))
    expect(ada).to_contain_text("Life story work: Not read")
    assert_accessible(page)
    assert RequiredReading.objects.filter(page__slug="life-story-work", readers=ASYE).exists()


# --- A supervisor, and a visitor who is not signed in -------------------------------------------------------


def test_a_visitor_is_sent_to_sign_in_a_supervisor_sees_their_teams_reading_and_a_phone_and_no_javascript_work(
    page, phone_page, no_js_page, supervisor, worker, team_mate, other_worker, handbook, sign_in_as, assert_accessible
):
    page.goto("/handbook/genogram/")
    expect(page).to_have_url(re.compile(r"/sign-in/\?next=/handbook/genogram/$"))
    expect(page.get_by_label("Work email address")).to_be_visible()

    services.confirm_read(worker, handbook["genogram"])
    for slug in ("our-vision", "genogram"):
        services.confirm_read(supervisor, handbook[slug])  # a social worker too, who has read everything
    sign_in_as(page, supervisor)
    page.goto("/staff/")
    page.get_by_role("link", name="Handbook reading").click()
    expect(heading(page)).to_have_text("Handbook reading")
    expect(page.get_by_role("heading", level=2, name=supervisor.team.name)).to_be_visible()
    worker_row = page.get_by_role("row", name=re.compile(f"^{worker.full_name}"))
    expect(worker_row).to_contain_text("1 of 2")
    expect(worker_row).to_contain_text("Our vision: Not read")
    expect(page.get_by_role("row", name=re.compile(f"^{team_mate.full_name}"))).to_contain_text("0 of 2")
    supervisor_row = page.get_by_role("row", name=re.compile(f"^{supervisor.full_name}"))
    expect(supervisor_row).to_contain_text("All read")
    expect(page.get_by_text("2 of 3 people have pages to read.")).to_be_visible()
    expect(page.get_by_text(other_worker.full_name)).to_have_count(0)
    assert_accessible(page)

    # Only the people with pages still to read, by keyboard.
    outstanding = page.get_by_role("radio", name="Only people with pages to read")
    outstanding.focus()
    page.keyboard.press(" ")
    expect(outstanding).to_be_checked()
    page.get_by_role("button", name="Show").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"\?show=outstanding$"))
    expect(page.get_by_role("radio", name="Only people with pages to read")).to_be_checked()
    expect(page.get_by_role("row", name=re.compile(f"^{worker.full_name}"))).to_be_visible()
    # The same page with fewer rows: axe-core checked it above.
    expect(page.get_by_role("row", name=re.compile(f"^{supervisor.full_name}"))).to_have_count(0)

    # --- The social worker on a phone, and without JavaScript.
    # At 320 pixels nothing scrolls sideways, and axe passes.
    sign_in_as(phone_page, worker)
    for url, title in [("/handbook/", "Practice handbook"), ("/handbook/genogram/", "Genograms")]:
        phone_page.goto(url)
        expect(heading(phone_page)).to_have_text(title)
        assert sideways_overflow(phone_page) <= 0, url
        assert_accessible(phone_page)

    # Without JavaScript, confirming reading works.
    sign_in_as(no_js_page, worker)
    no_js_page.goto("/handbook/our-vision/")
    no_js_page.get_by_role("button", name=CONFIRM).click()
    expect(no_js_page).to_have_url(re.compile(r"/handbook/our-vision/$"))
    expect(success_banner(no_js_page)).to_contain_text("You have confirmed you have read and understood “Our vision”")
    expect(no_js_page.get_by_role("button", name=CONFIRM)).to_have_count(0)
    no_js_page.goto("/handbook/")
    expect(reading_item(no_js_page, "Our vision").locator(".govuk-task-list__status")).to_have_text("Read")
