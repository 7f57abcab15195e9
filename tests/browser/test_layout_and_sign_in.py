"""The pages every person meets: home, sign-in and out, lockout, idle expiry, errors and the footer pages."""

import re
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.helpers import (
    TITLE_SUFFIX,
    error_summary,
    sideways_overflow,
    wait_for_error_summary_focus,
    wait_until,
)


def test_the_public_pages_are_styled_accessible_and_reached_from_the_footer(
    page, phone_page, assert_accessible, transactional_db
):
    """One signed-out visit: the home page (styled, GOV.UK Frontend's scripts running, the skip link first for
    the keyboard, fitting a 320 pixel screen), each footer page, the page-not-found page and the health check;
    axe-core on every page, and the accessibility check itself failing on a page with a violation."""
    phone_page.goto("/")
    overflow = sideways_overflow(phone_page)
    assert overflow <= 0
    assert_accessible(phone_page)

    page.goto("/")
    assert page.title() == f"Home{TITLE_SUFFIX}"
    assert page.locator("h1").count() == 1
    # The brand's font, not GDS Transport.
    font = page.locator("h1").evaluate("element => getComputedStyle(element).fontFamily")
    assert font.lower().startswith("arial")
    header = page.locator(".govuk-generic-header").evaluate("element => getComputedStyle(element).backgroundColor")
    assert header == "rgb(0, 77, 79)"
    wait_until(page, "document.body.classList.contains('govuk-frontend-supported')")
    assert_accessible(page)

    # The skip link is the first thing the keyboard reaches.
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    # The address changes a moment after the key press on a busy machine: wait for it.
    expect(page).to_have_url(re.compile(r"#main-content$"))

    # Each footer page, from the footer of the page before.
    for path, heading in [
        ("/accessibility/", "Accessibility statement"),
        ("/privacy/", "Privacy notice"),
        ("/cookies/", "Cookies"),
    ]:
        page.locator("footer").get_by_role("link", name=heading).click()
        expect(page).to_have_url(re.compile(f"{path}$"))
        assert heading.lower() in page.locator("h1").inner_text().lower()
        assert_accessible(page)

    response = page.goto("/no-such-page/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    assert_accessible(page)
    # The check asks axe for violations only, and puts axe into a page once: checking this page again, it
    # must still see a violation and say what it is.
    page.evaluate("() => { document.querySelector('h1').textContent = ''; }")
    with pytest.raises(AssertionError, match="empty-heading|Headings should not be empty"):
        assert_accessible(page)

    response = page.goto("/healthz")
    assert response.status == 200
    assert response.json()["status"] == "ok"


def test_sign_in_password_reset_idle_expiry_sign_out_errors_and_five_failures_pause_signing_in(
    page, no_js_page, sign_in, worker, assert_accessible
):
    """One person signing in by the form: without JavaScript, then in a browser with it (after the password
    reset pages), where an idle session sends them back to sign in; signing out; then the errors, and five
    failures pausing signing in."""
    sign_in(no_js_page, worker)
    assert no_js_page.locator("h1").inner_text() == "Staff home"

    page.goto("/")
    page.get_by_role("link", name="Staff sign in").click()
    # expect() waits for the navigation the click started; page.title() could read the old document.
    expect(page).to_have_title(f"Sign in{TITLE_SUFFIX}")
    assert_accessible(page)
    # A forgotten password, from the sign-in page.
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

    sign_in(page, worker)
    assert page.locator("h1").inner_text() == "Staff home"
    assert_accessible(page)

    # An idle session (one that has expired) sends you back to sign in.
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    page.goto("/account/")
    assert page.locator("h1").inner_text() == "Sign in"

    sign_in(page, worker)
    assert page.locator("h1").inner_text() == "Staff home"
    page.get_by_role("button", name="Sign out").click()
    assert page.locator("h1").inner_text() == "You have signed out"
    assert_accessible(page)
    page.goto("/staff/")
    assert "/sign-in/" in page.url

    # Nothing entered: each error links to its field.
    page.goto("/sign-in/")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Enter your work email address").click()
    # allauth's sign-in form calls the email field "login".
    assert page.evaluate("document.activeElement.id") == "id_login"
    assert_accessible(page)

    # A wrong password: an accessible error summary, which takes focus.
    sign_in(page, worker, "not-my-password")
    expect(page).to_have_title(re.compile(r"^Error: Sign in"))
    summary = error_summary(page)
    assert "Enter a correct work email address and password" in summary.inner_text()
    # GOV.UK Frontend moves focus to the summary so screen readers announce it.
    wait_for_error_summary_focus(page)
    assert_accessible(page)

    # Four more wrong passwords: even the right one is refused for a while.
    for _ in range(4):
        sign_in(page, worker, "wrong-password")
    sign_in(page, worker)
    assert page.locator("h1").inner_text() == "Signing in is paused"
    assert_accessible(page)


def test_staff_pages_are_accessible(page, sign_in_by_cookie, sign_in_as, supervisor, worker, assert_accessible):
    sign_in_by_cookie(page, supervisor)  # this is not about signing in: the sign-in journey above is
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

    # A social worker who types the address of the people list is refused, politely.
    page.context.clear_cookies()
    sign_in_as(page, worker)
    response = page.goto("/people/")
    assert response.status == 403
    assert page.locator("h1").inner_text() == "You cannot see this page"
    assert_accessible(page)


@pytest.mark.urls("tests.portal.error_urls")
def test_server_and_request_error_pages_are_accessible(page, assert_accessible, transactional_db):
    for path, status, heading in [
        ("/broken/", 500, "Sorry, there is a problem with the service"),
        ("/suspicious/", 400, "Sorry, we could not understand that request"),
    ]:
        response = page.goto(path)
        assert response.status == status, path
        assert page.locator("h1").inner_text() == heading
        assert_accessible(page)
