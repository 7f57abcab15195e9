"""Signing in with django-allauth and two-factor sign-in, in the browser, with axe-core on every page."""

import re

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.helpers import (
    TITLE_SUFFIX,
    error_summary,
    sideways_overflow,
    wait_for_error_summary_focus,
    wait_for_image,
)
from tests.two_factor import code_for


def test_sign_in_with_an_app_code_or_a_recovery_code_then_the_passkey_pages(
    page, sign_in, worker, password, totp_secret, assert_accessible
):
    """One person with an app, signing in twice: with the app's code (after a wrong one), then with a
    recovery code (then the passkey pages, which ask for the password again even just after signing in)."""
    recovery = RecoveryCodes(Authenticator.objects.get(user=worker, type="recovery_codes")).get_unused_codes()[0]
    wrong = "000000" if code_for(totp_secret) != "000000" else "111111"

    # The app's code, after a wrong one.
    sign_in(page, worker)
    expect(page).to_have_title(f"Enter your two-factor sign-in code{TITLE_SUFFIX}")
    assert page.locator("h1").inner_text() == "Enter your code"
    # Someone with only an app is not offered a passkey.
    assert page.get_by_role("button", name="Use a passkey").count() == 0
    # axe-core checks this form below, with its errors (the same form and more).
    page.get_by_label("Code").fill(wrong)
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_title(f"Error: Enter your two-factor sign-in code{TITLE_SUFFIX}")
    summary = error_summary(page)
    assert "The code is not right" in summary.inner_text()
    wait_for_error_summary_focus(page)
    assert_accessible(page)
    summary.get_by_role("link").click()
    assert page.evaluate("document.activeElement.id") == "id_code"
    page.get_by_label("Code").fill(code_for(totp_secret))
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("h1")).to_have_text("Staff home")

    # A recovery code, then the codes that are left.
    page.get_by_role("button", name="Sign out").click()
    expect(page.locator("h1")).to_have_text("You have signed out")
    sign_in(page, worker)
    page.get_by_label("Code").fill(recovery)
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("h1")).to_have_text("Staff home")
    page.get_by_role("link", name="Two-factor sign-in").first.click()
    assert page.locator("h1").inner_text() == "Two-factor sign-in"
    assert_accessible(page)
    page.get_by_role("link", name="View recovery codes").click()
    # Just signed in: the codes show without asking for the password again.
    assert page.locator("h1").inner_text() == "Your recovery codes"
    codes = page.locator("#recovery_codes li").all_inner_texts()
    assert len(codes) == 9
    assert recovery not in codes
    assert_accessible(page)

    # The passkey pages. Stored as allauth stores one; the browser never signs in with it (it is not a real key).
    Authenticator.objects.create(
        user=worker, type=Authenticator.Type.WEBAUTHN, data={"name": "Work laptop", "credential": {}}
    )
    page.goto(reverse("mfa_index"))
    page.get_by_role("link", name="Manage passkeys").click()
    assert page.locator("h1").inner_text() == "Your passkeys"
    assert "Work laptop" in page.locator("table").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="Rename Work laptop").click()
    # Renaming asks for the password again, even just after signing in.
    assert page.locator("h1").inner_text() == "Confirm it is you"
    assert_accessible(page)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Continue").click()
    assert page.locator("h1").inner_text() == "Rename a passkey"
    page.get_by_label("Name for this passkey").fill("")
    page.get_by_role("button", name="Save name").click()
    assert "Enter a name for this passkey" in error_summary(page).inner_text()
    assert_accessible(page)
    page.get_by_label("Name for this passkey").fill("Desk key")
    page.get_by_role("button", name="Save name").click()
    assert "Desk key" in page.locator("table").inner_text()
    page.get_by_role("link", name="Remove Desk key").click()
    assert page.locator("h1").inner_text() == "Remove the passkey “Desk key”?"
    assert_accessible(page)


def test_set_up_an_authenticator_app_its_key_fitting_a_320_pixel_screen(
    page, phone_page, sign_in, worker, assert_accessible
):
    # On a phone first (before the app is on, so that signing in asks for no code). By the form, not by
    # cookie: setting up an app asks for a recent sign-in.
    sign_in(phone_page, worker)
    expect(phone_page.locator("h1")).to_have_text("Staff home")
    phone_page.goto(reverse("mfa_activate_totp"))
    phone_page.get_by_text("I cannot scan the QR code").click()
    key = phone_page.locator("#authenticator_secret")
    expect(key).to_be_visible()
    assert re.fullmatch(r"([A-Z2-7]{4} ){7}[A-Z2-7]{4}", key.inner_text().strip())
    overflow = sideways_overflow(phone_page)
    assert overflow <= 0
    box = key.bounding_box()
    assert box["x"] + box["width"] <= 320
    assert_accessible(phone_page)

    sign_in(page, worker)
    page.get_by_role("link", name="Two-factor sign-in").first.click()
    page.get_by_role("link", name="Set up an authenticator app").click()
    expect(page).to_have_title(f"Set up an authenticator app{TITLE_SUFFIX}")
    qr = page.get_by_role("img", name=re.compile("QR code for your authenticator app"))
    expect(qr).to_be_visible()
    wait_for_image(qr)
    # axe-core checks this form below, with its errors (the same form and more).
    page.get_by_text("I cannot scan the QR code").click()
    # Shown in groups of 4; the app takes it with or without the spaces.
    secret = page.locator("#authenticator_secret").inner_text().strip()
    assert re.fullmatch(r"([A-Z2-7]{4} ){7}[A-Z2-7]{4}", secret)
    secret = secret.replace(" ", "")
    assert_accessible(page)
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    assert "Enter the code" in error_summary(page).inner_text()
    assert_accessible(page)
    page.get_by_label("Code from your app").fill(code_for(secret))
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    assert page.locator("h1").inner_text() == "Your recovery codes"
    # One banner that says what happened: they had no codes before, so none stopped working.
    expect(page.locator(".govuk-notification-banner")).to_have_count(1)
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Two-factor sign-in is on")
    assert page.locator("#recovery_codes li").count() == 10
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the codes").click()
    assert download.value.suggested_filename == "recovery-codes.txt"
    page.get_by_role("link", name="Continue to the portal").click()
    assert page.locator("h1").inner_text() == "Staff home"
    assert Authenticator.objects.filter(user=worker, type="totp").exists()


def test_require_mfa_sends_a_password_user_to_set_up_first(page, sign_in, worker, settings, assert_accessible):
    settings.REQUIRE_MFA = True
    sign_in(page, worker)
    assert page.url.endswith(reverse("mfa_index"))
    banner = page.locator(".govuk-notification-banner")
    assert banner.count() == 1
    assert "Set up two-factor sign-in before you use the portal" in banner.inner_text()
    assert_accessible(page)
    page.goto("/training/")
    assert page.url.endswith(reverse("mfa_index"))


def test_a_service_manager_resets_a_second_factor(
    page, sign_in_as, service_manager, worker, totp_secret, assert_accessible
):
    sign_in_as(page, service_manager)  # by cookie: this is about resetting someone else's, not signing in
    page.goto(reverse("people:person", args=[worker.pk]))
    page.get_by_role("link", name=f"Reset their two-factor sign-in for {worker.full_name}").click()
    expect(page).to_have_title(f"Reset two-factor sign-in for {worker.full_name}{TITLE_SUFFIX}")
    assert "Authenticator app" in page.locator("table").inner_text()
    # axe-core checks this form below, with its errors (the same form and more).
    page.get_by_role("button", name="Reset two-factor sign-in").click()
    summary = error_summary(page)
    assert "Enter why you are resetting their two-factor sign-in" in summary.inner_text()
    assert_accessible(page)
    page.get_by_label("Why are you resetting their two-factor sign-in?").fill(
        "Lost their phone; checked by video call."
    )
    page.get_by_role("button", name="Reset two-factor sign-in").click()
    assert "two-factor sign-in has been reset" in page.locator(".govuk-notification-banner").inner_text()
    assert not Authenticator.objects.filter(user=worker).exists()
    assert_accessible(page)


def test_wrong_codes_lock_sign_in(page, sign_in, worker, totp_secret, assert_accessible):
    sign_in(page, worker)
    for _ in range(5):
        page.get_by_label("Code").fill("000000" if code_for(totp_secret) != "000000" else "111111")
        page.get_by_role("button", name="Continue").click()
    assert page.locator("h1").inner_text() == "Signing in is paused"
    assert_accessible(page)
    sign_in(page, worker)
    assert page.locator("h1").inner_text() == "Signing in is paused"
