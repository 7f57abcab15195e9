"""Setting up a second factor: an authenticator app and recovery codes, asking for the password again, and
the pages in the portal's layout."""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from portal.models import AuditEvent, AuditKind
from tests.portal.second_factor.helpers import sign_in, wrong_code
from tests.two_factor import code_for

# --- Setting up a second factor -------------------------------------------------------------


# allauth audits and emails a new second factor in transaction.on_commit, inside the request:
# a transactional test lets those run where they really do.
@pytest.mark.django_db(transaction=True)
def test_setting_up_an_app_shows_the_secret_as_text_and_saves_it(client, worker, password):
    # Just signed in with a password: the set-up page opens without asking for it again.
    sign_in(client, worker.email, password)
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    content = page.content.decode()
    secret = client.session["mfa.totp.secret"]
    # In groups of 4, so the key wraps on a phone: "ABCD EFGH … WXYZ".
    grouped = " ".join(secret[start : start + 4] for start in range(0, len(secret), 4))
    assert f'id="authenticator_secret">{grouped}</code>' in content
    assert "Spaces do not matter" in content
    assert 'src="data:image/svg+xml;base64,' in content
    assert "I cannot scan the QR code" in content
    response = client.post(reverse("mfa_activate_totp"), {"code": code_for(secret)})
    assert response["Location"] == reverse("mfa_view_recovery_codes")
    assert Authenticator.objects.filter(user=worker, type="totp").exists()
    added = AuditEvent.objects.filter(kind=AuditKind.SECOND_FACTOR_ADDED, subject=worker)
    assert sorted(added.values_list("summary", flat=True)) == ["Authenticator app", "Recovery codes"]
    codes = client.get(reverse("mfa_view_recovery_codes")).content.decode()
    assert "Your recovery codes" in codes
    download = client.get(reverse("mfa_download_recovery_codes"))
    assert download.status_code == 200
    assert "Recovery codes for the" in download.content.decode()


def banners(content: str) -> list[str]:
    return [
        re.sub(r"\s+", " ", text).strip()
        for text in re.findall(r'govuk-notification-banner__heading">(.*?)</', content, flags=re.DOTALL)
    ]


@pytest.mark.django_db(transaction=True)
def test_turning_the_app_on_says_so_once_and_not_that_old_codes_stopped_working(client, worker, password):
    sign_in(client, worker.email, password)
    client.get(reverse("mfa_activate_totp"))
    client.post(reverse("mfa_activate_totp"), {"code": code_for(client.session["mfa.totp.secret"])})
    content = client.get(reverse("mfa_view_recovery_codes")).content.decode()
    assert banners(content) == ["Two-factor sign-in is on: you will enter a code from your app after your password."]
    assert "no longer work" not in content


@pytest.mark.django_db(transaction=True)
def test_making_new_recovery_codes_says_the_old_ones_stopped_working(client, worker, password, totp_secret):
    sign_in(client, worker.email, password)
    client.post(reverse("mfa_authenticate"), {"code": code_for(totp_secret)})
    client.post(reverse("account_reauthenticate"), {"password": password})
    response = client.post(reverse("mfa_generate_recovery_codes"), follow=True)
    assert banners(response.content.decode()) == [
        "Your recovery codes are ready. Any codes you had before no longer work."
    ]


def test_setting_up_an_app_long_after_signing_in_asks_for_the_password_again(client, worker, password, settings):
    sign_in(client, worker.email, password)
    settings.ACCOUNT_REAUTHENTICATION_TIMEOUT = 0
    response = client.get(reverse("mfa_activate_totp"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert "mfa.totp.secret" not in client.session
    client.post(reverse("account_reauthenticate"), {"password": password})
    settings.ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
    assert client.get(reverse("mfa_activate_totp")).status_code == 200


def test_making_new_recovery_codes_asks_for_the_password_even_just_after_signing_in(
    client, worker, password, totp_secret
):
    sign_in(client, worker.email, password)
    client.post(reverse("mfa_authenticate"), {"code": code_for(totp_secret)})
    response = client.get(reverse("mfa_generate_recovery_codes"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))


def test_a_wrong_set_up_code_is_refused(client, worker, password):
    sign_in(client, worker.email, password)
    client.get(reverse("mfa_activate_totp"))
    secret = client.session["mfa.totp.secret"]
    response = client.post(reverse("mfa_activate_totp"), {"code": wrong_code(secret)})
    assert "The code is not right. Check your app and enter the code it shows now.<" in response.content.decode()
    assert not Authenticator.objects.filter(user=worker).exists()


@pytest.mark.parametrize(
    "name",
    ["mfa_index", "mfa_activate_totp", "mfa_add_webauthn", "mfa_list_webauthn", "mfa_generate_recovery_codes"],
)
def test_second_factor_pages_use_the_portal_layout(client, worker, password, name):
    sign_in(client, worker.email, password)
    response = client.get(reverse(name), follow=True)
    content = response.content.decode()
    assert response.status_code == 200
    assert "govuk-template" in content
    assert content.count("<h1") == 1


def test_two_factor_sign_in_is_linked_from_your_details_and_the_staff_home(client, worker):
    client.force_login(worker)
    assert reverse("mfa_index") in client.get(reverse("account")).content.decode()
    assert reverse("mfa_index") in client.get(reverse("staff-home")).content.decode()
