"""Signing in with a second factor: codes, recovery codes, the lockout, and the audit of each attempt."""

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.urls import reverse

from portal.models import AuditEvent, AuditKind
from tests.portal.second_factor.helpers import kinds, sign_in, wrong_code
from tests.two_factor import code_for

# --- Signing in with a second factor --------------------------------------------------------


def test_a_password_alone_is_not_enough_once_a_second_factor_is_set_up(client, worker, password, totp_secret):
    response = sign_in(client, worker.email, password)
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get(reverse("staff-home")).status_code == 302
    page = client.get(reverse("mfa_authenticate")).content.decode()
    assert "<title>Enter your two-factor sign-in code" in page
    response = client.post(reverse("mfa_authenticate"), {"code": code_for(totp_secret)})
    assert response["Location"] == reverse("staff-home")
    assert client.get(reverse("staff-home")).status_code == 200
    assert AuditKind.SECOND_FACTOR in kinds()
    assert AuditKind.SIGN_IN in kinds()


def test_a_code_typed_with_a_space_works(client, worker, password, totp_secret):
    sign_in(client, worker.email, password)
    code = code_for(totp_secret)
    response = client.post(reverse("mfa_authenticate"), {"code": f"{code[:3]} {code[3:]}"})
    assert response["Location"] == reverse("staff-home")


def test_a_recovery_code_works_once(client, worker, password, totp_secret):
    recovery = RecoveryCodes(Authenticator.objects.get(user=worker, type="recovery_codes")).get_unused_codes()[0]
    sign_in(client, worker.email, password)
    assert client.post(reverse("mfa_authenticate"), {"code": recovery})["Location"] == reverse("staff-home")
    client.post(reverse("logout"))
    sign_in(client, worker.email, password)
    response = client.post(reverse("mfa_authenticate"), {"code": recovery})
    assert response.status_code == 200
    assert "The code is not right" in response.content.decode()


def test_a_wrong_code_shows_the_error_summary_and_is_audited(client, worker, password, totp_secret):
    sign_in(client, worker.email, password)
    response = client.post(reverse("mfa_authenticate"), {"code": wrong_code(totp_secret)})
    content = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in content
    assert "The code is not right" in content
    assert "<title>Error: Enter your two-factor sign-in code" in content
    failed = AuditEvent.objects.get(kind=AuditKind.SECOND_FACTOR_FAILED)
    assert failed.subject == worker
    # Audited once, as a wrong code, not again as a wrong password.
    assert not AuditEvent.objects.filter(kind=AuditKind.SIGN_IN_FAILED).exists()


def test_an_empty_code_says_what_is_missing(client, worker, password, totp_secret):
    sign_in(client, worker.email, password)
    assert "Enter the code" in client.post(reverse("mfa_authenticate"), {"code": ""}).content.decode()


def test_wrong_codes_count_towards_the_lockout(client, worker, password, totp_secret):
    for _ in range(3):
        sign_in(client, worker.email, "wrong-password")
    sign_in(client, worker.email, password)
    client.post(reverse("mfa_authenticate"), {"code": wrong_code(totp_secret)})
    response = client.post(reverse("mfa_authenticate"), {"code": wrong_code(totp_secret)})
    assert response.status_code == 429
    assert "Signing in is paused" in response.content.decode()
    # Even the right code and the right password are refused now.
    # The half-finished sign-in was ended at the lockout: the right code now leads back to the sign-in page.
    right_code = client.post(reverse("mfa_authenticate"), {"code": code_for(totp_secret)})
    assert (right_code.status_code, right_code.url) == (302, reverse("login"))
    assert client.get(reverse("staff-home")).status_code == 302
    assert sign_in(client, worker.email, password).status_code == 429
    assert AuditKind.LOCKED_OUT in kinds()


def test_five_wrong_codes_alone_lock_sign_in(client, worker, password, totp_secret):
    sign_in(client, worker.email, password)
    statuses = [
        client.post(reverse("mfa_authenticate"), {"code": wrong_code(totp_secret)}).status_code for _ in range(5)
    ]
    assert statuses == [200, 200, 200, 200, 429]
    assert client.get(reverse("staff-home")).status_code == 302


def test_wrong_codes_are_rate_limited_by_allauth_too(client, worker, password, totp_secret, settings):
    # With the lockout switched off, allauth's own limit on wrong codes still stops guessing.
    settings.AXES_ENABLED = False
    sign_in(client, worker.email, password)
    for _ in range(10):
        client.post(reverse("mfa_authenticate"), {"code": wrong_code(totp_secret)})
    response = client.post(reverse("mfa_authenticate"), {"code": code_for(totp_secret)})
    assert response.status_code == 200
    assert "Too many wrong tries" in response.content.decode()


def test_sign_in_sign_out_and_failures_are_audited(client, worker, password):
    sign_in(client, "Someone@Example.org", "a-guess")
    failed = AuditEvent.objects.get(kind=AuditKind.SIGN_IN_FAILED)
    assert failed.identifier == "someone@example.org"
    assert "a-guess" not in str(failed.__dict__)
    sign_in(client, worker.email, password)
    client.post(reverse("logout"))
    assert kinds() == [AuditKind.SIGN_IN_FAILED, AuditKind.SIGN_IN, AuditKind.SIGNED_OUT]


def test_five_wrong_passwords_are_audited_as_a_lockout(client, worker):
    for _ in range(5):
        sign_in(client, worker.email, "wrong-password")
    assert AuditEvent.objects.filter(kind=AuditKind.LOCKED_OUT, identifier=worker.email).exists()
