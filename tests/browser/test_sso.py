"""Single sign-on in the browser: the sign-in page's button, the provider's own sign-in page, and back."""

import pytest
from playwright.sync_api import expect

from tests.oidc_provider.fixtures import BUTTON_LABEL, configure_portal


@pytest.fixture
def sso(settings, oidc_provider, live_server):
    configure_portal(settings, oidc_provider)
    oidc_provider.allow_redirect_to(live_server.url)
    return oidc_provider


def sign_in_at_provider(page, username, password):
    expect(page.get_by_role("heading", name="Test identity provider")).to_be_visible()
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in to the provider").click()


def test_council_sign_in_round_trip(page, sso, worker, assert_accessible):
    username, password, _ = sso.add_person(worker.email)
    page.goto("/sign-in/")
    assert_accessible(page)

    page.get_by_role("button", name=BUTTON_LABEL).click()
    sign_in_at_provider(page, username, password)

    expect(page.locator("h1")).to_have_text("Staff home")
    assert page.url.endswith("/staff/")
    assert_accessible(page)


def test_someone_the_portal_does_not_know_is_told_who_to_ask_and_the_continue_page(page, sso, assert_accessible):
    username, password, _ = sso.add_person("stranger@example.org")
    page.goto("/sign-in/")
    page.get_by_role("button", name=BUTTON_LABEL).click()
    sign_in_at_provider(page, username, password)

    expect(page.locator("h1")).to_have_text("You cannot sign in to the portal")
    expect(page.get_by_text("stranger@example.org")).to_be_visible()
    assert_accessible(page)
    page.goto("/staff/")
    assert "/sign-in/" in page.url

    # The page that asks to continue to the council's sign-in (the first step without JavaScript).
    page.goto("/accounts/oidc/council/login/")
    expect(page.locator("h1")).to_have_text(BUTTON_LABEL)
    assert_accessible(page)


def test_council_sign_in_works_without_javascript(no_js_page, sso, worker):
    username, password, _ = sso.add_person(worker.email)
    no_js_page.goto("/accounts/oidc/council/login/")
    no_js_page.get_by_role("button", name="Continue").click()
    sign_in_at_provider(no_js_page, username, password)
    expect(no_js_page.locator("h1")).to_have_text("Staff home")
