"""REQUIRE_MFA: people who sign in with a password set up a second factor before they use staff pages, and
cannot remove their last one."""

import time

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from portal.models import AuditEvent, AuditKind
from tests.portal.second_factor.helpers import sign_in
from tests.two_factor import code_for

# --- REQUIRE_MFA -----------------------------------------------------------------------------

STAFF_PAGES = [
    "staff-home",
    "account",
    "people",
    "password_change",
    "supervision:overview",
    "supervision:dashboard",
    "training:mine",
    "training:cpd",
    "training:uptake",
    "practice_guide:manage",
    "people:list",
    "admin:index",
]
OPEN_PAGES = [
    "home",
    "healthz",
    "privacy",
    "accessibility",
    "cookies",
    "practice_guide:overview",
    "mfa_index",
    "logout",
]


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_with_require_mfa_every_staff_page_sends_a_password_user_to_set_one_up(
    client, service_manager, password, settings, name
):
    settings.REQUIRE_MFA = True
    service_manager.is_staff = True
    service_manager.save()
    sign_in(client, service_manager.email, password)
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_index")


@pytest.mark.parametrize("name", OPEN_PAGES)
def test_with_require_mfa_sign_out_set_up_and_public_pages_stay_open(client, worker, password, settings, name):
    settings.REQUIRE_MFA = True
    sign_in(client, worker.email, password)
    assert client.get(reverse(name)).status_code == 200


def test_with_require_mfa_a_person_with_a_second_factor_gets_in(client, worker, password, settings, totp_secret):
    settings.REQUIRE_MFA = True
    sign_in(client, worker.email, password)
    client.post(reverse("mfa_authenticate"), {"code": code_for(totp_secret)})
    assert client.get(reverse("staff-home")).status_code == 200


def test_with_require_mfa_an_sso_sign_in_is_not_asked(client, worker, settings):
    settings.REQUIRE_MFA = True
    client.force_login(worker)
    session = client.session
    session["account_authentication_methods"] = [{"method": "socialaccount", "at": time.time(), "provider": "council"}]
    session["account_authentication_methods_user"] = str(worker.pk)
    session.save()
    assert client.get(reverse("staff-home")).status_code == 200


def test_with_require_mfa_the_last_second_factor_cannot_be_removed(client, worker, password, settings, totp_secret):
    settings.REQUIRE_MFA = True
    sign_in(client, worker.email, password)
    client.post(reverse("mfa_authenticate"), {"code": code_for(totp_secret)})
    # Removing a second factor always asks for the password again first, even just after signing in.
    asked = client.get(reverse("mfa_deactivate_totp"))
    confirm = f"{reverse('account_reauthenticate')}?next={reverse('mfa_deactivate_totp')}"
    assert asked["Location"].replace("%2F", "/") == confirm
    confirmed = client.post(confirm, {"password": password})
    assert confirmed["Location"] == reverse("mfa_deactivate_totp")
    response = client.post(reverse("mfa_deactivate_totp"))
    assert response.status_code == 200
    assert "You cannot remove your only second factor" in response.content.decode()
    assert Authenticator.objects.filter(user=worker, type="totp").exists()


def test_without_require_mfa_the_app_can_be_removed_after_confirming_the_password(
    client, worker, password, totp_secret
):
    sign_in(client, worker.email, password)
    client.post(reverse("mfa_authenticate"), {"code": code_for(totp_secret)})
    assert client.post(reverse("mfa_deactivate_totp"))["Location"].startswith(reverse("account_reauthenticate"))
    assert Authenticator.objects.filter(user=worker, type="totp").exists()
    wrong = client.post(reverse("account_reauthenticate"), {"password": "not-my-password"})
    assert "Your password is not right" in wrong.content.decode()
    client.post(reverse("account_reauthenticate"), {"password": password})
    assert client.post(reverse("mfa_deactivate_totp"))["Location"] == reverse("mfa_index")
    assert not Authenticator.objects.filter(user=worker).exists()
    assert AuditEvent.objects.filter(kind=AuditKind.SECOND_FACTOR_REMOVED, subject=worker).exists()


def test_require_mfa_is_off_by_default_in_tests(client, worker, password):
    sign_in(client, worker.email, password)
    assert client.get(reverse("staff-home")).status_code == 200
