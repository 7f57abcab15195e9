"""Every django-allauth page a person can reach (allauth.account.urls and allauth.mfa.urls) in the portal's layout.

The single sign-on pages (allauth.socialaccount) are covered by tests/portal/test_sso.py.
"""

import html
import re
import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.conf import settings
from django.urls import reverse

TITLE = re.compile(r"<title>(?P<page>[^<]+) – (?P<service>[^<]+) – (?P<organisation>[^<]+)</title>")


def assert_in_portal_layout(response):
    content = response.content.decode()
    assert response.status_code == 200, response.status_code
    assert "govuk-template" in content
    assert "govuk-template__header" in content
    assert content.count("<h1") == 1
    title = TITLE.search(content)
    assert title, "no page title in the portal's pattern"
    assert html.unescape(title["service"]) == settings.SERVICE_NAME
    assert html.unescape(title["organisation"]) == settings.ORGANISATION_NAME
    assert title["page"].strip()
    # allauth's own words and markup do not leak through.
    main = re.sub(r"<script.*?</script>", "", content.split("<main", 1)[1].split("</main>", 1)[0], flags=re.S)
    assert "allauth" not in main
    return content


@pytest.fixture
def passkey(worker):
    return Authenticator.objects.create(
        user=worker,
        type=Authenticator.Type.WEBAUTHN,
        data={"name": "Work laptop", "credential": {}, "passwordless": False},
    )


@pytest.fixture
def two_factor_client(client, worker, password):
    """Signed in with a password and an app code, and just confirmed the password again."""
    secret = generate_totp_secret()
    TOTP.activate(worker, secret)
    RecoveryCodes.activate(worker)
    client.post(reverse("login"), {"login": worker.email, "password": password})
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    assert client.post(reverse("mfa_authenticate"), {"code": code})["Location"] == reverse("staff-home")
    client.post(reverse("account_reauthenticate"), {"password": password})
    return client


ANONYMOUS_PAGES = [
    "login",
    "password_reset",
    "password_reset_done",
    "password_reset_complete",
    "account_inactive",
    "account_signup",
    "account_email_verification_sent",
]


@pytest.mark.parametrize("name", ANONYMOUS_PAGES)
def test_sign_in_pages_use_the_portal_layout(client, db, name):
    assert_in_portal_layout(client.get(reverse(name)))


def test_an_expired_password_reset_link_uses_the_portal_layout(client, worker):
    response = client.get(reverse("account_reset_password_from_key", args=["2", "not-a-real-key"]), follow=True)
    content = assert_in_portal_layout(response)
    assert "This link has expired" in content


def test_an_unknown_email_confirmation_link_uses_the_portal_layout(client, db):
    assert_in_portal_layout(client.get(reverse("account_confirm_email", args=["not-a-real-key"])))


def test_the_code_page_at_sign_in_uses_the_portal_layout(client, worker, password):
    TOTP.activate(worker, generate_totp_secret())
    client.post(reverse("login"), {"login": worker.email, "password": password})
    assert_in_portal_layout(client.get(reverse("mfa_authenticate")))


SIGNED_IN_PAGES = [
    "logout",
    "password_change",
    "password_change_done",
    "account_reauthenticate",
    "mfa_reauthenticate",
    "mfa_index",
    "mfa_deactivate_totp",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "mfa_list_webauthn",
    "mfa_add_webauthn",
]


@pytest.mark.parametrize("name", SIGNED_IN_PAGES)
def test_signed_in_pages_use_the_portal_layout(two_factor_client, name):
    assert_in_portal_layout(two_factor_client.get(reverse(name)))


def test_the_passkey_list_uses_the_portal_layout(two_factor_client, passkey):
    content = assert_in_portal_layout(two_factor_client.get(reverse("mfa_list_webauthn")))
    assert "Work laptop" in content


@pytest.mark.parametrize("name", ["mfa_edit_webauthn", "mfa_remove_webauthn"])
def test_passkey_pages_use_the_portal_layout(two_factor_client, passkey, name):
    content = assert_in_portal_layout(two_factor_client.get(reverse(name, args=[passkey.pk])))
    assert "Work laptop" in content


def test_setting_up_an_app_uses_the_portal_layout(client, worker, password):
    client.post(reverse("login"), {"login": worker.email, "password": password})
    assert_in_portal_layout(client.get(reverse("mfa_activate_totp")))


def test_setting_a_first_password_uses_the_portal_layout(client, worker):
    worker.set_unusable_password()
    worker.save()
    client.force_login(worker)
    assert_in_portal_layout(client.get(reverse("account_set_password")))


@pytest.mark.parametrize(
    "name",
    ["account_request_reauthentication_code", "account_confirm_reauthentication_code", "account_confirm_login_code"],
)
def test_sign_in_by_emailed_code_is_not_offered(two_factor_client, name):
    # The portal signs in with a password (and a second factor) or the council account, never an emailed code.
    from allauth.account import app_settings

    assert not app_settings.LOGIN_BY_CODE_ENABLED
    response = two_factor_client.get(reverse(name))
    assert response.status_code in (302, 404)
    if response.status_code == 302:
        assert not response.url.startswith(reverse(name))
