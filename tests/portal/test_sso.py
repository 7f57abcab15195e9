"""Single sign-on against a real OpenID Connect provider (tests/oidc_provider), run as its own process.

Every sign-in here goes the whole way: discovery, authorisation code with PKCE, the provider's
sign-in page, token exchange, the ID token's signature against the provider's JWKS, state and nonce.
"""

import time
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from django.urls import reverse
from django.utils import timezone

from portal.models import AuditEvent, AuditKind, User
from tests.factories import UserFactory
from tests.oidc_provider.fixtures import BUTTON_LABEL, PROVIDER_ID, configure_portal, walk_to_callback

LOGIN_PATH = f"/accounts/oidc/{PROVIDER_ID}/login/"
CALLBACK_PATH = f"/accounts/oidc/{PROVIDER_ID}/login/callback/"


@pytest.fixture
def sso(settings, oidc_provider, db):
    """The portal configured for the test provider, as the environment would configure it."""
    configure_portal(settings, oidc_provider)
    return oidc_provider


def start(client) -> str:
    """Press the sign-in page's button; return the provider's authorise URL the portal sent us to."""
    response = client.post(LOGIN_PATH)
    assert response.status_code == 302, response.content[:500]
    return response["Location"]


def come_back(client, callback_url: str):
    parts = urlsplit(callback_url)
    assert parts.path == CALLBACK_PATH
    return client.get(f"{parts.path}?{parts.query}")


def sign_in(client, provider, username, password):
    return come_back(client, walk_to_callback(provider, start(client), username, password))


def nothing_created(users_before: int):
    assert User.objects.count() == users_before
    assert not SocialAccount.objects.exists()
    assert not EmailAddress.objects.exists()


def test_known_person_signs_in_lands_on_staff_home_and_is_linked_by_subject(client, sso, worker):
    username, password, subject = sso.add_person(worker.email.upper(), full_name=worker.full_name)
    authorise = start(client)
    query = parse_qs(urlsplit(authorise).query)
    assert authorise.startswith(f"{sso.issuer}/authorize/")
    assert query["code_challenge_method"] == ["S256"]
    assert len(query["state"][0]) >= 16
    assert len(query["nonce"][0]) >= 32
    assert len(query["code_challenge"][0]) == 43
    assert set(query["scope"][0].split()) == {"openid", "profile", "email"}

    response = come_back(client, walk_to_callback(sso, authorise, username, password))

    assert response.status_code == 302
    assert response["Location"] == reverse("staff-home")
    assert client.get(reverse("staff-home")).context["user"] == worker
    account = SocialAccount.objects.get()
    assert (account.user, account.provider, account.uid) == (worker, PROVIDER_ID, subject)
    event = AuditEvent.objects.get(kind=AuditKind.SSO_SIGN_IN)
    assert event.subject == worker
    assert not AuditEvent.objects.filter(kind=AuditKind.SSO_REFUSED).exists()


def test_second_sign_in_is_matched_by_subject_after_the_email_changes(client, sso, worker):
    username, password, subject = sso.add_person(worker.email)
    assert sign_in(client, sso, username, password)["Location"] == reverse("staff-home")
    client.logout()
    # Marriage, a new directory name: both sides change the address; the subject id stays.
    worker.email = "renamed.worker@example.org"
    worker.save()
    sso.add_person("another.address@example.org", username=username, password=password)

    response = sign_in(client, sso, username, password)

    assert response["Location"] == reverse("staff-home")
    assert client.get(reverse("staff-home")).context["user"] == worker
    assert SocialAccount.objects.get().uid == subject


def test_unknown_person_sees_who_to_ask_and_nothing_is_created(client, sso, settings, worker):
    username, password, _ = sso.add_person("stranger@example.org")
    users = User.objects.count()

    response = sign_in(client, sso, username, password)

    assert response.status_code == 403
    assert "stranger@example.org" in response.content.decode()
    assert "line manager" in response.content.decode()
    assert settings.FEEDBACK_EMAIL in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated
    nothing_created(users)
    event = AuditEvent.objects.get(kind=AuditKind.SSO_REFUSED)
    assert event.identifier == "stranger@example.org"
    assert event.subject is None


@pytest.mark.parametrize("email_verified", [False, None], ids=["verified-false", "claim-missing"])
def test_an_unverified_email_never_matches_a_person(client, sso, worker, email_verified):
    username, password, _ = sso.add_person(worker.email, email_verified=email_verified)
    users = User.objects.count()

    response = sign_in(client, sso, username, password)

    assert response.status_code == 403
    assert "did not confirm your work email address" in response.content.decode()
    nothing_created(users)
    assert AuditEvent.objects.get(kind=AuditKind.SSO_REFUSED).identifier == worker.email


def test_a_council_that_trusts_its_directory_lets_a_missing_email_verified_claim_through(client, sso, settings, worker):
    settings.OIDC_TRUST_EMAIL_CLAIM = True
    username, password, _ = sso.add_person(worker.email, email_verified=None)
    assert sign_in(client, sso, username, password)["Location"] == reverse("staff-home")


def test_trusting_the_directory_does_not_overrule_an_explicit_unverified_email(client, sso, settings, worker):
    settings.OIDC_TRUST_EMAIL_CLAIM = True
    username, password, _ = sso.add_person(worker.email, email_verified=False)
    assert sign_in(client, sso, username, password).status_code == 403


@pytest.mark.parametrize(
    "closed",
    [
        pytest.param({"is_active": False}, id="deactivated"),
        pytest.param({"leaving_date": "today"}, id="left-today"),
        pytest.param({"leaving_date": "last-month"}, id="left-last-month"),
    ],
)
def test_closed_accounts_are_refused_with_nothing_created(client, sso, closed):
    today = timezone.localdate()
    dates = {"today": today, "last-month": today - timedelta(days=31)}
    fields = {key: dates.get(value, value) for key, value in closed.items()}
    person = UserFactory(**fields)
    username, password, _ = sso.add_person(person.email)
    users = User.objects.count()

    response = sign_in(client, sso, username, password)

    assert response.status_code == 403
    assert "no open account" in response.content.decode()
    nothing_created(users)
    assert AuditEvent.objects.get(kind=AuditKind.SSO_REFUSED).subject == person


def test_a_linked_person_who_has_since_left_is_refused(client, sso, worker):
    username, password, _ = sso.add_person(worker.email)
    sign_in(client, sso, username, password)
    client.logout()
    worker.leaving_date = timezone.localdate()
    worker.save()

    response = sign_in(client, sso, username, password)

    assert response.status_code == 403
    assert not response.wsgi_request.user.is_authenticated


def test_tampered_state_is_refused_and_nothing_is_created(client, sso, worker):
    username, password, _ = sso.add_person(worker.email)
    users = User.objects.count()
    callback = walk_to_callback(sso, start(client), username, password)
    state = parse_qs(urlsplit(callback).query)["state"][0]

    response = come_back(client, callback.replace(f"state={state}", f"state={state[:-2]}xy"))

    assert response.status_code == 401
    assert "did not work" in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated
    nothing_created(users)


def test_a_callback_without_a_started_sign_in_is_refused(client, sso, worker):
    username, password, _ = sso.add_person(worker.email)
    callback = walk_to_callback(sso, start(client), username, password)
    other_browser = client.__class__()

    response = come_back(other_browser, callback)

    assert response.status_code == 401
    assert not SocialAccount.objects.exists()


def test_a_replayed_authorisation_code_is_refused(client, sso, worker):
    username, password, _ = sso.add_person(worker.email)
    first = walk_to_callback(sso, start(client), username, password)
    assert come_back(client, first)["Location"] == reverse("staff-home")
    client.logout()
    # The same callback again: its state is used up.
    assert come_back(client, first).status_code == 401
    # The used code with a fresh, valid state: the provider's token endpoint refuses it.
    fresh = walk_to_callback(sso, start(client), username, password)
    code = parse_qs(urlsplit(first).query)["code"][0]
    fresh_code = parse_qs(urlsplit(fresh).query)["code"][0]

    response = come_back(client, fresh.replace(f"code={fresh_code}", f"code={code}"))

    assert response.status_code == 401
    assert not response.wsgi_request.user.is_authenticated


def test_an_id_token_whose_nonce_is_not_the_one_sent_is_refused(client, sso, worker):
    username, password, _ = sso.add_person(worker.email)
    callback = walk_to_callback(sso, start(client), username, password)
    session = client.session
    for stashed in session["socialaccount_states"].values():
        stashed[0]["nonce"] = "not-the-nonce-that-was-sent"
    session.save()

    response = come_back(client, callback)

    assert response.status_code == 401
    assert not SocialAccount.objects.exists()


def test_an_id_token_not_signed_by_the_provider_is_refused(rf, sso, db):
    """Same kid, right issuer, audience and nonce, but our own key: the JWKS check must catch it."""
    import jwt
    import requests
    from cryptography.hazmat.primitives.asymmetric import rsa

    from portal.sso.client import CouncilOpenIDConnectAdapter

    kid = requests.get(f"{sso.issuer}/.well-known/jwks.json", timeout=10).json()["keys"][0]["kid"]
    claims = {
        "iss": sso.issuer,
        "aud": sso.client_id,
        "sub": "1",
        "nonce": "n-123",
        "iat": int(time.time()),
        "exp": int(time.time()) + 300,
    }
    forged = jwt.encode(claims, rsa.generate_private_key(65537, 2048), algorithm="RS256", headers={"kid": kid})
    adapter = CouncilOpenIDConnectAdapter(rf.get("/"), PROVIDER_ID)
    adapter.expected_nonce = "n-123"
    app = adapter.get_provider().app
    assert app.client_id == sso.client_id

    with pytest.raises(OAuth2Error):
        adapter.verified_id_token(app, forged)
    with pytest.raises(OAuth2Error, match="public-key"):
        adapter.verified_id_token(app, jwt.encode(claims, "shared-secret-" * 3, algorithm="HS256"))


def test_the_sign_in_page_offers_the_council_button(client, sso):
    response = client.get(reverse("login"))
    page = response.content.decode()
    assert BUTTON_LABEL in page
    assert f'action="{LOGIN_PATH}"' in page
    assert "for the portal's system administrators" not in page


def test_a_get_of_the_sso_address_asks_to_continue_rather_than_leaving(client, sso):
    response = client.get(LOGIN_PATH)
    assert response.status_code == 200
    assert BUTTON_LABEL in response.content.decode()
    assert "Continue" in response.content.decode()


def test_nothing_about_sso_shows_when_it_is_not_configured(client, db, settings):
    assert settings.SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"] == []
    page = client.get(reverse("login")).content.decode()
    assert "/accounts/oidc/" not in page
    assert "council account" not in page
    assert client.get(LOGIN_PATH).status_code == 404
    assert client.post(LOGIN_PATH).status_code == 404
    assert client.get(f"{CALLBACK_PATH}?code=x&state=y").status_code == 404


@pytest.mark.parametrize("path", ["/accounts/3rdparty/", "/accounts/3rdparty/signup/"])
def test_connections_and_social_sign_up_pages_are_out_of_reach(client, sso, worker, path):
    client.force_login(worker)
    assert client.get(path).status_code == 404
    assert client.post(path).status_code == 404


def test_sso_only_refuses_a_staff_members_password_and_says_so(client, sso, settings, worker, password):
    settings.SSO_ONLY = True
    page = client.get(reverse("login")).content.decode()
    assert "for the portal's system administrators" in page

    response = client.post(reverse("login"), {"login": worker.email, "password": password})

    assert response.status_code == 403
    assert "not a portal password" in response.content.decode()
    assert not client.get(reverse("staff-home")).wsgi_request.user.is_authenticated


def test_sso_only_still_lets_a_system_administrator_use_a_password(client, sso, settings, password):
    settings.SSO_ONLY = True
    admin = UserFactory(is_superuser=True, is_staff=True)

    response = client.post(reverse("login"), {"login": admin.email, "password": password})

    assert response.status_code == 302
    assert client.get(reverse("staff-home")).context["user"] == admin


def test_sso_only_leaves_council_sign_in_working(client, sso, settings, worker):
    settings.SSO_ONLY = True
    username, password, _ = sso.add_person(worker.email)
    assert sign_in(client, sso, username, password)["Location"] == reverse("staff-home")


def test_a_council_sign_in_is_not_asked_for_the_portals_second_factor(client, sso, settings, worker):
    from allauth.mfa.models import Authenticator

    Authenticator.objects.create(user=worker, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"})
    username, password, _ = sso.add_person(worker.email)

    response = sign_in(client, sso, username, password)

    assert response["Location"] == reverse("staff-home")
    assert client.get(reverse("staff-home")).status_code == 200
