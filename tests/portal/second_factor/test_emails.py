"""What allauth sends and says, in the portal's words: its emails, its two-factor messages and a new
passkey's name."""

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail
from django.urls import reverse

from tests.portal.second_factor.helpers import sign_in
from tests.two_factor import code_for

# --- The emails allauth sends, in the portal's words -----------------------------------------


def test_the_password_reset_email_is_in_our_words(client, worker, settings):
    client.post(reverse("password_reset"), {"email": worker.email})
    message = mail.outbox[0]
    assert message.subject == f"Reset your password for the {settings.SERVICE_NAME}"
    assert message.body.startswith(f"Hello {worker.full_name},")
    assert "within 2 hours" in message.body
    assert "example.com" not in message.body


@pytest.mark.django_db(transaction=True)
def test_removing_the_app_emails_the_person_in_our_words(client, worker, password, totp_secret, settings):
    sign_in(client, worker.email, password)
    client.post(reverse("mfa_authenticate"), {"code": code_for(totp_secret)})
    client.post(reverse("account_reauthenticate"), {"password": password})
    client.post(reverse("mfa_deactivate_totp"))
    message = mail.outbox[-1]
    assert message.subject == "You have removed your authenticator app"
    assert f"two-factor sign-in to the {settings.SERVICE_NAME}" in message.body
    assert settings.FEEDBACK_EMAIL in message.body
    assert "recognize" not in message.body


@pytest.mark.parametrize(
    "message",
    [
        "portal.account_adapter.WRONG_CODE",
        "portal.signin_forms.WRONG_RECOVERY_CODE",
        "portal.signin_forms.PASSKEY_NOT_ADDED",
        "portal.signin_forms.PASSKEY_NOT_ACCEPTED",
    ],
)
def test_two_factor_messages_of_two_sentences_end_with_a_full_stop(message):
    from django.utils.module_loading import import_string

    assert import_string(message).endswith(".")


def test_a_new_passkey_is_offered_a_plain_name(worker):
    from allauth.mfa.adapter import get_adapter

    adapter = get_adapter()
    assert adapter.generate_authenticator_name(worker, Authenticator.Type.WEBAUTHN) == "My passkey"
    Authenticator.objects.create(user=worker, type=Authenticator.Type.WEBAUTHN, data={"name": "My passkey"})
    assert adapter.generate_authenticator_name(worker, Authenticator.Type.WEBAUTHN) == "Passkey 2"
