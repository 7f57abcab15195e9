"""Every page fits a 320-pixel screen: the page itself never scrolls sideways (WCAG 1.4.10, reflow).

The pages are found as each person would find them, by following links, in the demo service
(`load_demo`): signed out from the home page (the families' guide and the public pages), then as one
demo person for each role from the staff home page, each page reached once for each URL pattern. A
signed-in walk skips the pages the signed-out walk already checked: they are the same for everyone.
A few pages no link in the demo reaches are then opened by address (``_pages_no_link_reaches``).
A wide table may scroll, but only inside its own region ({% scrolling_table %}), which the keyboard
can reach and a screen reader can name.
"""

import io
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.urls import Resolver404, resolve, reverse
from playwright.sync_api import Error as PlaywrightError

from portal.models import User
from practice_guide import services as guide_services
from practice_guide.models import GuidePart
from tests.browser.helpers import WIDER_THAN_THE_SCREEN

SCREEN = {"width": 320, "height": 640}
# One demo person for each role (portal/management/commands/load_demo.py).
STAFF = {
    "social worker": "worker@example.org",
    "supervisor": "supervisor@example.org",
    "service manager": "manager@example.org",
    "guide editor and practice lead": "editor@example.org",
    "training coordinator": "coordinator@example.org",
    "group-session facilitator": "facilitator@example.org",
    "people administrator": "people@example.org",
}
# Django's own admin is not a page of the portal, and signing out would end a walk.
NOT_WALKED = ("/admin/", "/sign-out/", "/accounts/logout/", "/static/")

# What a page tells the test, in one round trip: how wide it is; what is wrong with the region around each
# data table (there is none, it has no name, or the keyboard cannot reach it: a region is named by the
# element its aria-labelledby points at); and where its links go.
CHECK = """() => {
    const regionProblems = [];
    for (const table of document.querySelectorAll("table.govuk-table")) {
        const caption = table.caption ? table.caption.textContent.trim() : "a table without a caption";
        const region = table.closest(".portal-table-scroll");
        if (!region) {
            regionProblems.push(`"${caption}" is not in a scrolling region`);
            continue;
        }
        const labels = (region.getAttribute("aria-labelledby") || "").split(" ").filter(Boolean);
        const name = labels.map(id => document.getElementById(id)?.textContent.trim() || "").join(" ").trim();
        if (region.getAttribute("role") !== "region" || !name) {
            regionProblems.push(`the region around "${caption}" has no name`);
        }
        region.focus();
        if (region.tabIndex !== 0 || document.activeElement !== region) {
            regionProblems.push(`the keyboard cannot reach the region around "${caption}"`);
        }
    }
    const links = [...document.querySelectorAll("a[href]")].map(anchor => anchor.href);
    return {width: document.documentElement.scrollWidth, regionProblems, links};
}"""


@pytest.fixture
def demo_service(empty_cache):
    call_command("load_demo", force=True, stdout=io.StringIO())


def _phone(browser, live_server):
    """A page in a fresh 320-pixel phone's browser: one for each person, reused for all their pages."""
    return browser.new_context(base_url=live_server.url, viewport=SCREEN, is_mobile=True).new_page()


def _pattern(path: str) -> str | None:
    try:
        return resolve(path).route
    except Resolver404:
        return None


def _walk(page, start: str, seen: set[str]):
    """Open each page reachable by links from `start`, one for each URL pattern not yet in `seen`, and yield
    its path and what CHECK found on it. `seen` gains the patterns walked."""
    queue = [start]
    while queue:
        path = queue.pop(0)
        pattern = _pattern(urlsplit(path).path)
        if pattern is None or pattern in seen:
            continue
        seen.add(pattern)
        try:
            response = page.goto(path)
        except PlaywrightError as error:
            if "Download is starting" in error.message:  # a CSV file, a certificate: not a page
                continue
            raise
        assert response.status < 500, f"{path}: the server answered {response.status}"
        if response.status != 200 or not response.headers.get("content-type", "").startswith("text/html"):
            continue
        checked = page.evaluate(CHECK)
        yield path, checked
        here = urlsplit(page.url).netloc
        for href in checked["links"]:
            link = urlsplit(href)
            if link.netloc == here and not link.path.startswith(NOT_WALKED):
                queue.append(link.path + (f"?{link.query}" if link.query else ""))


def _is_the_same_for_all_staff(pattern: str) -> bool:
    """Pages laid out the same for every member of staff, so one person's walk checks them for all: one
    record's page (a pattern with an argument: a session, a course, a booking, whoever opens it, lays out
    the same parts; the lists and dashboards, which differ by role, have none), the practice handbook's
    pages for reading (its editor, reading report and required reading differ by role) and a person's own
    account and sign-in settings."""
    if "<" in pattern or pattern.startswith(("account/", "accounts/")):
        return True
    return pattern.startswith("handbook/") and not pattern.startswith(
        ("handbook/manage/", "handbook/reading/", "handbook/required-reading/", "handbook/tools/")
    )


def _pages_no_link_reaches(who: str) -> list[str]:
    """Pages the demo service has no link to, opened by address: comparing two versions of a part (the
    demo parts have one each), the passkey list (demo people have none) and a second-factor reset."""
    if who == "guide editor and practice lead":
        part = GuidePart.objects.select_related("draft").order_by("pk").first()
        draft = part.draft
        text = guide_services.PartText(
            draft.title, draft.summary + " A-sentence-with-no-spaces-that-a-phone-must-wrap.", draft.body_parents
        )
        guide_services.save_draft(
            part, expected_version=part.edit_version, text=text, by=User.objects.get(email=STAFF[who])
        )
        older, newer = list(part.revisions.order_by("number").values_list("number", flat=True))[-2:]
        return [f"{reverse('practice_guide:manage-compare', args=[part.pk])}?a={older}&b={newer}"]
    if who == "service manager":
        worker = User.objects.get(email=STAFF["social worker"])
        return [reverse("reset-second-factor", args=[worker.pk])]
    if who == "social worker":
        return [reverse("mfa_list_webauthn")]
    return []


def _problems(page, checked: dict, path: str, who: str) -> list[str]:
    problems = [f"{path} as {who}: {problem}" for problem in checked["regionProblems"]]
    if checked["width"] > SCREEN["width"]:
        culprits = ", ".join(page.evaluate(WIDER_THAN_THE_SCREEN)[:3])
        problems.append(f"{path} as {who}: the page is {checked['width']}px wide, because of {culprits}")
    return problems


def test_no_page_scrolls_sideways_on_a_320_pixel_screen_and_every_table_scrolls_in_a_named_region(
    browser, live_server, demo_service, sign_in_as
):
    problems, walked = [], {}
    public = set()  # URL patterns the signed-out walk checked
    page = _phone(browser, live_server)
    for path, checked in _walk(page, "/", public):
        walked.setdefault("signed out", []).append(path)
        problems += _problems(page, checked, path, "signed out")
    page.context.close()
    same_for_all_staff = set()  # walked by the first person only (_is_the_same_for_all_staff)
    for who, email in STAFF.items():
        page = _phone(browser, live_server)
        sign_in_as(page, User.objects.get(email=email))
        seen = public | same_for_all_staff
        for path, checked in _walk(page, "/staff/", seen):
            walked.setdefault(who, []).append(path)
            problems += _problems(page, checked, path, who)
        same_for_all_staff |= {pattern for pattern in seen if _is_the_same_for_all_staff(pattern)}
        for path in _pages_no_link_reaches(who):
            response = page.goto(path)
            assert response.status == 200, f"{path} as {who}: the server answered {response.status}"
            walked[who].append(path)
            problems += _problems(page, page.evaluate(CHECK), path, who)
        page.context.close()

    assert problems == [], "\n".join(problems)
    # The walk really went where the wide tables are.
    assert {"/supervision/", "/supervision/dashboard/", "/training/", "/people/"} <= set(walked["service manager"])
    assert "/training/uptake/" in walked["training coordinator"]
    assert "/guide/glossary/" in walked["signed out"]
    assert "/handbook/" in walked["social worker"]
    assert {"/handbook/manage/", "/handbook/required-reading/"} <= set(walked["guide editor and practice lead"])
