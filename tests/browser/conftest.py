"""Browser tests: Playwright driving Debian's chromium against the live test server, with axe-core.

Never downloads a browser. Where /usr/bin/chromium is absent the tests are
skipped with that reason; CI installs it (.ci/run).

The fixtures every browser test may ask for are here: the pages, signing in, axe-core, an empty cache and an
authenticator app. Plain helpers (the page's heading, banners, error summary, moving by keyboard) are in
helpers.py; each app's own fixtures and helpers are in its folder (training/, supervision/).
"""

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import Client
from playwright.sync_api import Error as PlaywrightError

from tests.two_factor import totp_secret  # noqa: F401 - an authenticator app, for the sign-in tests

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-site-isolation-trials",
    "--disable-features=IsolateOrigins,site-per-process,Translate,BackForwardCache,OptimizationHints,MediaRouter",
    "--renderer-process-limit=1",
]
# Reported to the test by every page, before the page's own scripts run: each CSP violation.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__portalCspViolation(
    `${event.effectiveDirective} refused ${event.blockedURI || "inline code"} on ${event.documentURI}`
    + ` (${event.sourceFile || "the page"}:${event.lineNumber})`
  );
});
"""
# Every page the browser tests opened (by path), for the count in the terminal summary.
VISITED_PAGES: set[str] = set()
# Everything WCAG 2.0, 2.1 and 2.2 asks at levels A and AA, plus axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]

if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
    pytest.skip(
        f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True
    )


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _watch(context, page) -> list[str]:
    """Collect the Content-Security-Policy violations on every page `page` opens, and count the pages."""
    violations: list[str] = []

    def on_violation(description: str) -> None:
        violations.append(description)

    context.expose_function("__portalCspViolation", on_violation)
    context.add_init_script(CSP_LISTENER)

    def on_console(message):
        if "Content Security Policy" in message.text or "Refused to" in message.text:
            violations.append(message.text)

    def on_navigation(frame):
        if frame == page.main_frame and frame.url.startswith("http"):
            VISITED_PAGES.add(urlsplit(frame.url).path)

    page.on("console", on_console)
    page.on("framenavigated", on_navigation)
    return violations


def _close(context, page, violations, *, scripts=True):
    if scripts and not page.is_closed():
        page.evaluate("0")  # a round trip, so that events the page sent before are all in
    context.close()
    if violations:
        pytest.fail("Content-Security-Policy violations:\n" + "\n".join(dict.fromkeys(violations)))


@pytest.fixture
def page(browser, live_server):
    """A desktop-sized page. The test fails if the page breaks the Content-Security-Policy."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1024, "height": 800})
    page = context.new_page()
    violations = _watch(context, page)
    page.set_default_timeout(10_000)
    yield page
    _close(context, page, violations)


@pytest.fixture
def phone_page(browser, live_server):
    """A small phone: 320 CSS pixels wide, the narrowest WCAG reflow asks for."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640}, is_mobile=True)
    page = context.new_page()
    violations = _watch(context, page)
    yield page
    _close(context, page, violations)


@pytest.fixture
def no_js_page(browser, live_server):
    """Without JavaScript the violation listener cannot run; the browser's console still reports them."""
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    violations = _watch(context, page)
    yield page
    _close(context, page, violations, scripts=False)


def pytest_sessionfinish(session):
    # Under pytest-xdist each worker hands its pages to the controller (tests/conftest.py adds them up).
    worker_output = getattr(session.config, "workeroutput", None)
    if worker_output is not None:
        worker_output["csp_pages"] = sorted(VISITED_PAGES)


def pytest_terminal_summary(terminalreporter):
    if VISITED_PAGES:
        terminalreporter.write_line(
            f"Content-Security-Policy check: {len(VISITED_PAGES)} distinct pages opened in the browser, "
            "every one watched for violations."
        )


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def run_axe(axe, page, options):
    """axe-core's results for the page: put into the document once (about 570 kB of script), however many
    times a test checks it, and only the violations brought back (the passes and inapplicable rules would be
    serialised to Python for nothing)."""
    from axe_playwright_python.base import AxeResults

    if page.evaluate("typeof window.axe === 'undefined'"):
        page.evaluate(axe.axe_script)
    return AxeResults(
        page.evaluate(
            "options => axe.run(document, options).then(results => ({violations: results.violations}))", options
        )
    )


@pytest.fixture
def assert_accessible(axe):
    """Fail with axe's own report if the page has any WCAG 2.x A/AA (or best-practice) violation.

    Each check takes a quarter of a second to a second and a half of the browser's time, so the tests check
    each state of a page once in the whole suite: a form with its errors shown (the same form and more) rather
    than empty as well, one page of a paged list, a page after a filter only where it shows something new."""
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}

    def check(page):
        page.wait_for_load_state()
        try:
            results = run_axe(axe, page, options)
        except PlaywrightError:
            # A click's navigation can start after the wait above, swapping the document under axe
            # mid-run. Check the page that loaded instead of failing on the one that went away.
            page.wait_for_load_state()
            results = run_axe(axe, page, options)
        assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"

    return check


@pytest.fixture
def sign_in(password):
    def do(page, person, secret=None):
        page.goto("/sign-in/")
        page.get_by_label("Work email address").fill(person.email)
        page.get_by_label("Password").fill(secret or password)
        page.get_by_role("button", name="Sign in").click()

    return do


@pytest.fixture
def sign_in_by_cookie(sign_in_as):
    """Signed in by session cookie, on the staff home page where signing in by the form lands. The apps'
    browser tests use it for `sign_in` (their conftest.py): they are not about signing in, which has tests
    of its own (tests/browser/test_sign_in_and_two_factor.py), and it takes a quarter of the time."""

    def do(page, person):
        sign_in_as(page, person)
        page.goto("/staff/")

    return do


@pytest.fixture
def sign_in_as(live_server):
    """Signed in by session cookie, for tests that are not about the sign-in pages (tested on their own)."""

    def do(page, person):
        client = Client()
        client.force_login(person)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])

    return do


@pytest.fixture
def empty_cache(transactional_db):
    """Start a test without the last one's sign-in counters, feedback rate limits or cached pages.

    The shared cache is a database table that flushing between tests leaves alone, and rendered pages stay
    in memory. Modules that need it say so with `pytestmark = pytest.mark.usefixtures("empty_cache")`.
    """
    for name in settings.CACHES:
        caches[name].clear()
