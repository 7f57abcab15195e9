"""Passkeys as a second factor, for real: Chromium's virtual authenticator (Chrome DevTools Protocol)
makes the key and signs with it, and allauth checks it over http://localhost, which browsers and
python-fido2 both treat as a secure origin (the RP ID is the host, "localhost").

The last tests post what a hostile person could post instead of a browser's answer, with a small
software authenticator in Python for the real passkey they need first.
"""

import json
import os
import re

import pytest
from allauth.mfa.models import Authenticator
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from django.urls import reverse
from fido2.cose import ES256
from fido2.utils import sha256, websafe_encode
from fido2.webauthn import AttestationObject, AttestedCredentialData, AuthenticatorData, CollectedClientData
from playwright.sync_api import expect

from tests.browser.helpers import TITLE_SUFFIX, error_summary
from tests.two_factor import code_for

PASSKEY_NOT_ACCEPTED = "Your passkey was not accepted. Try again, or enter a code"


def add_virtual_authenticator(page) -> tuple:
    """A platform authenticator (like a laptop's fingerprint reader) that always says yes."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    options = {
        "protocol": "ctap2",
        "transport": "internal",
        "hasResidentKey": True,
        "hasUserVerification": True,
        "isUserVerified": True,
    }
    added = cdp.send("WebAuthn.addVirtualAuthenticator", {"options": options})
    return cdp, added["authenticatorId"]


def credentials_in(cdp, authenticator_id) -> list[dict]:
    return cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator_id})["credentials"]


def add_passkey(page, name):
    page.get_by_role("link", name="Two-factor sign-in").first.click()
    page.get_by_role("link", name="Add a passkey").click()
    expect(page).to_have_title(f"Add a passkey{TITLE_SUFFIX}")
    page.get_by_label("Name for this passkey").fill(name)
    create_the_passkey(page)


def create_the_passkey(page):
    # allauth's passkey script (a module, run before "load") wires the button: click only after it ran.
    page.wait_for_load_state("load")
    page.get_by_role("button", name="Create a passkey").click()


def test_add_a_passkey_then_sign_in_with_it_or_a_recovery_code(page, sign_in, worker, assert_accessible):
    """One passkey, added and then used at every turn it can take: a form sent without the passkey, a
    tampered answer and a wrong recovery code each refused, then the passkey and a recovery code each
    signing in (one journey, so the passkey is made in the browser once)."""
    cdp, authenticator_id = add_virtual_authenticator(page)
    sign_in(page, worker)
    assert page.locator("h1").inner_text() == "Staff home"
    page.get_by_role("link", name="Two-factor sign-in").first.click()
    page.get_by_role("link", name="Add a passkey").click()
    expect(page).to_have_title(f"Add a passkey{TITLE_SUFFIX}")
    # Sent without using the button (Enter in the name): an error, and nothing stored. axe-core checks this
    # form here, with its errors (the same form and more).
    page.get_by_label("Name for this passkey").press("Enter")
    expect(page).to_have_title(f"Error: Add a passkey{TITLE_SUFFIX}")
    summary = error_summary(page)
    assert "Use the button to create a passkey on this device" in summary.inner_text()
    assert_accessible(page)
    summary.get_by_role("link").click()
    assert page.evaluate("document.activeElement.id") == "mfa_webauthn_add"
    assert not Authenticator.objects.filter(user=worker).exists()

    page.get_by_label("Name for this passkey").fill("Work laptop")
    create_the_passkey(page)
    # The first second factor: allauth makes recovery codes too, and shows them straight away.
    expect(page.locator("h1")).to_have_text("Your recovery codes")
    banners = page.locator(".govuk-notification-banner").all_inner_texts()
    assert any("You have added a passkey" in banner for banner in banners)
    # One banner: the page itself shows the new codes (portal/account_adapter.py drops allauth's second one).
    assert not any("Your recovery codes are ready" in banner for banner in banners)
    assert "authenticator app or your passkey" in page.locator("main").inner_text()
    assert page.locator("#recovery_codes li").count() == 10
    assert_accessible(page)
    code = page.locator("#recovery_codes li").first.inner_text()
    assert len(credentials_in(cdp, authenticator_id)) == 1
    passkey = Authenticator.objects.get(user=worker, type=Authenticator.Type.WEBAUTHN)
    assert passkey.wrap().name == "Work laptop"
    assert Authenticator.objects.filter(user=worker, type=Authenticator.Type.RECOVERY_CODES).exists()
    assert not Authenticator.objects.filter(user=worker, type=Authenticator.Type.TOTP).exists()

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, worker)
    # Only a passkey: it is asked for first, with a recovery code as the fallback.
    assert page.url.endswith(reverse("mfa_authenticate"))
    expect(page).to_have_title(f"Use your passkey to sign in{TITLE_SUFFIX}")
    assert page.locator("h1").inner_text() == "Use your passkey"
    expect(page.get_by_label("Recovery code")).to_be_visible()
    assert "authenticator app" not in page.locator("main").inner_text()
    assert_accessible(page)

    # What a tampered browser might post in place of the passkey's answer.
    page.locator("#webauthn_form input[name=credential]").evaluate(
        "(input) => { input.value = JSON.stringify({id: 'x', type: 'public-key'}); input.form.submit() }"
    )
    expect(page).to_have_title(f"Error: Use your passkey to sign in{TITLE_SUFFIX}")
    summary = error_summary(page)
    assert PASSKEY_NOT_ACCEPTED in summary.inner_text()
    assert_accessible(page)
    summary.get_by_role("link").click()
    assert page.evaluate("document.activeElement.id") == "mfa_webauthn_authenticate"

    # A wrong recovery code: the error is on the recovery code's field.
    page.get_by_label("Recovery code").fill("00000000" if code != "00000000" else "11111111")
    page.get_by_role("button", name="Continue").click()
    expect(error_summary(page)).to_contain_text("The recovery code is not right")
    expect(page).to_have_title(f"Error: Use your passkey to sign in{TITLE_SUFFIX}")
    assert_accessible(page)

    # The passkey still signs in after both.
    page.wait_for_load_state("load")
    page.get_by_role("button", name="Use a passkey").click()
    expect(page.locator("h1")).to_have_text("Staff home")
    passkey.refresh_from_db()
    assert passkey.last_used_at is not None

    # So does a recovery code, in place of the passkey.
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, worker)
    page.get_by_label("Recovery code").fill(code)
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("h1")).to_have_text("Staff home")


def test_someone_with_an_app_can_add_a_passkey_and_use_it_instead(
    page, sign_in, worker, totp_secret, assert_accessible
):
    add_virtual_authenticator(page)
    sign_in(page, worker)
    page.get_by_label("Code").fill(code_for(totp_secret))
    page.get_by_role("button", name="Continue").click()
    add_passkey(page, "Desk key")
    # Recovery codes were made with the app: none are made again, and the list of factors shows.
    expect(page.locator("h1")).to_have_text("Two-factor sign-in")
    assert "1 passkey" in page.locator(".govuk-summary-list").inner_text()
    assert Authenticator.objects.filter(user=worker, type=Authenticator.Type.RECOVERY_CODES).count() == 1

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, worker)
    expect(page).to_have_title(f"Enter your two-factor sign-in code{TITLE_SUFFIX}")
    expect(page.get_by_role("heading", name="Use a passkey instead")).to_be_visible()
    assert_accessible(page)
    page.wait_for_load_state("load")
    page.get_by_role("button", name="Use a passkey").click()
    expect(page.locator("h1")).to_have_text("Staff home")


# --- What a hostile person could post (no browser needed) --------------------------------------

ORIGIN = "http://localhost"
FLAG = AuthenticatorData.FLAG


class SoftAuthenticator:
    """Just enough of a passkey, in Python, to register and sign as a browser would."""

    def __init__(self):
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.credential_id = os.urandom(16)

    def _ids(self) -> dict:
        encoded = websafe_encode(self.credential_id)
        return {"id": encoded, "rawId": encoded, "type": "public-key"}

    def register(self, creation_options: dict) -> dict:
        public_key = ES256.from_cryptography_key(self.key.public_key())
        attested = AttestedCredentialData.create(b"\0" * 16, self.credential_id, public_key)
        auth_data = AuthenticatorData.create(sha256(b"localhost"), FLAG.UP | FLAG.UV | FLAG.AT, 0, attested)
        client_data = CollectedClientData.create("webauthn.create", creation_options["publicKey"]["challenge"], ORIGIN)
        return {
            **self._ids(),
            "response": {
                "clientDataJSON": client_data.b64,
                "attestationObject": websafe_encode(AttestationObject.create("none", auth_data, {})),
            },
            "clientExtensionResults": {"credProps": {"rk": False}},
        }

    def sign(self, request_options: dict) -> dict:
        auth_data = AuthenticatorData.create(sha256(b"localhost"), FLAG.UP | FLAG.UV, 1)
        client_data = CollectedClientData.create("webauthn.get", request_options["publicKey"]["challenge"], ORIGIN)
        signature = self.key.sign(auth_data + client_data.hash, ec.ECDSA(hashes.SHA256()))
        return {
            **self._ids(),
            "response": {
                "clientDataJSON": client_data.b64,
                "authenticatorData": websafe_encode(auth_data),
                "signature": websafe_encode(signature),
            },
            "clientExtensionResults": {},
        }


def js_data(response) -> dict:
    page = response.content.decode()
    start = re.search(r'<script id="js_data" type="application/json"[^>]*>', page).end()
    return json.loads(page[start : page.index("</script>", start)])


def hostile_answers(good: dict) -> dict[str, object]:
    def with_response(**changes):
        return {**good, "response": {**good["response"], **changes}}

    return {
        "zero": 0,
        "false": False,
        "a string": "passkey",
        "a number": 5,
        "a list": [1],
        "id without rawId": {key: value for key, value in good.items() if key != "rawId"},
        "response as a string": {**good, "response": "x"},
        "extension results as a list": {**good, "clientExtensionResults": [1]},
        "extension results as a string": {**good, "clientExtensionResults": "x"},
        "client data not JSON": with_response(clientDataJSON=websafe_encode(b"{")),
        "client data empty": with_response(clientDataJSON=websafe_encode(b"{}")),
        "bad base64": with_response(clientDataJSON="!!!"),
        "short binary": with_response(attestationObject=websafe_encode(b"\x80"), authenticatorData="AAAA"),
    }


@pytest.fixture
def localhost_client(client, worker, password):
    """A person signed in with their password a moment ago, on the host passkeys are made for."""
    client.defaults["HTTP_HOST"] = "localhost"
    client.raise_request_exception = False
    client.post(reverse("login"), {"login": worker.email, "password": password})
    return client


def test_odd_answers_when_adding_a_passkey_are_refused_and_store_nothing(localhost_client, worker):
    soft = SoftAuthenticator()
    good = soft.register(js_data(localhost_client.get(reverse("mfa_add_webauthn")))["creation_options"])
    for name, answer in hostile_answers(good).items():
        response = localhost_client.post(
            reverse("mfa_add_webauthn"), {"name": "Mine", "credential": json.dumps(answer)}
        )
        assert response.status_code == 200, name
        assert "Your passkey could not be added" in response.content.decode(), name
        assert not Authenticator.objects.filter(user=worker).exists(), name
    # A real answer (to the page's newest challenge) still works afterwards.
    good = soft.register(js_data(response)["creation_options"])
    response = localhost_client.post(reverse("mfa_add_webauthn"), {"name": "Mine", "credential": json.dumps(good)})
    assert response["Location"] == reverse("mfa_view_recovery_codes")


def test_odd_answers_at_the_second_factor_are_refused(localhost_client, worker, password):
    soft = SoftAuthenticator()
    options = js_data(localhost_client.get(reverse("mfa_add_webauthn")))["creation_options"]
    localhost_client.post(
        reverse("mfa_add_webauthn"), {"name": "Mine", "credential": json.dumps(soft.register(options))}
    )
    localhost_client.post(reverse("logout"))
    localhost_client.post(reverse("login"), {"login": worker.email, "password": password})
    page = localhost_client.get(reverse("mfa_authenticate"))
    good = soft.sign(js_data(page)["request_options"])
    for name, answer in {**hostile_answers(good), "not JSON": "{"}.items():
        posted = answer if name == "not JSON" else json.dumps(answer)
        response = localhost_client.post(reverse("mfa_authenticate"), {"credential": posted})
        assert response.status_code == 200, name
        assert "There is a problem" in response.content.decode(), name
    page = localhost_client.get(reverse("mfa_authenticate"))
    good = soft.sign(js_data(page)["request_options"])
    response = localhost_client.post(reverse("mfa_authenticate"), {"credential": json.dumps(good)})
    assert response["Location"] == reverse("staff-home")
