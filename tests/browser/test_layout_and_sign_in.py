"""The pages every person meets: home, sign-in and out, lockout, idle expiry, errors and the footer pages."""

import re
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.helpers import TITLE_SUFFIX, error_summary, sideways_overflow, wait_for_error_summary_focus


def test_home_page_is_accessible_and_styled(page, assert_accessible, transactional_db):
    page.goto("/")
    assert page.title() == f"Home{TITLE_SUFFIX}"
    assert page.locator("h1").count() == 1
    # The brand's font, not GDS Transport.
    font = page.locator("h1").evaluate("element => getComputedStyle(element).fontFamily")
    assert font.lower().startswith("arial")
    header = page.locator(".govuk-generic-header").evaluate("element => getComputedStyle(element).backgroundColor")
    assert header == "rgb(0, 77, 79)"
    assert_accessible(page)


def test_the_accessibility_check_fails_on_a_page_with_a_violation(page, assert_accessible, transactional_db):
    """The check asks axe for violations only (for speed): it must still see one and say what it is."""
    page.goto("/")
    page.evaluate("() => { document.querySelector('h1').textContent = ''; }")
    with pytest.raises(AssertionError, match="empty-heading|Headings should not be empty"):
        assert_accessible(page)


def test_skip_link_is_the_first_thing_the_keyboard_reaches(page, transactional_db):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    # The address changes a moment after the key press on a busy machine: wait for it.
    expect(page).to_have_url(re.compile(r"#main-content$"))


def test_govuk_frontend_javascript_is_initialised(page, transactional_db):
    page.goto("/")
    page.wait_for_function("document.body.classList.contains('govuk-frontend-supported')")


def test_home_page_fits_a_320_pixel_screen(phone_page, assert_accessible, transactional_db):
    phone_page.goto("/")
    overflow = sideways_overflow(phone_page)
    assert overflow <= 0
    assert_accessible(phone_page)


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/accessibility/", "Accessibility statement"),
        ("/privacy/", "Privacy notice"),
        ("/cookies/", "Cookies"),
    ],
)
def test_footer_pages_are_accessible(page, assert_accessible, transactional_db, path, heading):
    page.goto("/")
    page.locator("footer").get_by_role("link", name=heading).click()
    assert page.url.endswith(path)
    assert heading.lower() in page.locator("h1").inner_text().lower()
    assert_accessible(page)


def test_sign_in_and_out(page, sign_in, worker, assert_accessible):
    page.goto("/")
    page.get_by_role("link", name="Staff sign in").click()
    # expect() waits for the navigation the click started; page.title() could read the old document.
    expect(page).to_have_title(f"Sign in{TITLE_SUFFIX}")
    assert_accessible(page)
    sign_in(page, worker)
    assert page.locator("h1").inner_text() == "Staff home"
    assert_accessible(page)
    page.get_by_role("button", name="Sign out").click()
    assert page.locator("h1").inner_text() == "You have signed out"
    assert_accessible(page)
    page.goto("/staff/")
    assert "/sign-in/" in page.url


def test_bad_sign_in_shows_an_accessible_error_summary(page, sign_in, worker, assert_accessible):
    sign_in(page, worker, "not-my-password")
    expect(page).to_have_title(re.compile(r"^Error: Sign in"))
    summary = error_summary(page)
    assert "Enter a correct work email address and password" in summary.inner_text()
    # GOV.UK Frontend moves focus to the summary so screen readers announce it.
    wait_for_error_summary_focus(page)
    assert_accessible(page)


def test_empty_sign_in_links_each_error_to_its_field(page, assert_accessible, transactional_db):
    page.goto("/sign-in/")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Enter your work email address").click()
    # allauth's sign-in form calls the email field "login".
    assert page.evaluate("document.activeElement.id") == "id_login"
    assert_accessible(page)


def test_lockout_after_five_failures(page, sign_in, worker, assert_accessible):
    for _ in range(5):
        sign_in(page, worker, "wrong-password")
    sign_in(page, worker)
    assert page.locator("h1").inner_text() == "Signing in is paused"
    assert_accessible(page)


def test_idle_session_sends_you_back_to_sign_in(page, sign_in, worker):
    sign_in(page, worker)
    assert page.locator("h1").inner_text() == "Staff home"
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    page.goto("/account/")
    assert page.locator("h1").inner_text() == "Sign in"


def test_sign_in_works_without_javascript(no_js_page, sign_in, worker):
    sign_in(no_js_page, worker)
    assert no_js_page.locator("h1").inner_text() == "Staff home"


def test_staff_pages_are_accessible(page, sign_in, supervisor, worker, assert_accessible):
    sign_in(page, supervisor)
    page.get_by_role("link", name="Your details").click()
    assert page.locator("h1").inner_text() == "Your details"
    assert_accessible(page)
    page.get_by_role("link", name="Change your password").click()
    page.get_by_role("button", name="Change password").click()
    # expect waits for the page the button leads to; page.title() could read the old one mid-navigation.
    expect(page).to_have_title(re.compile(r"^Error: Change your password"))
    assert_accessible(page)
    page.goto("/staff/")
    page.get_by_role("link", name="People").click()
    assert worker.full_name in page.locator("table").inner_text()
    assert_accessible(page)


def test_password_reset_pages_are_accessible(page, worker, assert_accessible):
    page.goto("/sign-in/")
    page.get_by_role("link", name="I have forgotten my password").click()
    expect(page).to_have_url(re.compile(r"/password-reset/$"))
    assert_accessible(page)
    page.get_by_label("Work email address").fill(worker.email)
    page.get_by_role("button", name="Send me a reset link").click()
    assert page.locator("h1").inner_text() == "Check your email"
    assert_accessible(page)
    # A reset link in allauth's form (/password-reset/key/<uidb36>-<key>/) that is not valid.
    page.goto("/password-reset/key/bad-token/")
    assert page.locator("h1").inner_text() == "This link has expired"
    assert_accessible(page)


def test_not_found_page_is_accessible(page, assert_accessible, transactional_db):
    response = page.goto("/no-such-page/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    assert_accessible(page)


def test_forbidden_page_is_accessible(page, sign_in, worker, assert_accessible):
    sign_in(page, worker)
    response = page.goto("/people/")
    assert response.status == 403
    assert page.locator("h1").inner_text() == "You cannot see this page"
    assert_accessible(page)


@pytest.mark.urls("tests.portal.error_urls")
@pytest.mark.parametrize(
    ("path", "status", "heading"),
    [
        ("/broken/", 500, "Sorry, there is a problem with the service"),
        ("/suspicious/", 400, "Sorry, we could not understand that request"),
    ],
)
def test_server_and_request_error_pages_are_accessible(
    page, assert_accessible, transactional_db, path, status, heading
):
    response = page.goto(path)
    assert response.status == status
    assert page.locator("h1").inner_text() == heading
    assert_accessible(page)


def test_health_check_answers_in_the_browser(page, transactional_db):
    response = page.goto("/healthz")
    assert response.status == 200
    assert response.json()["status"] == "ok"
