"""Two-factor sign-in: codes at sign-in, the lockout, REQUIRE_MFA, leavers, and a manager's reset."""

import re
import time
from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from portal.models import AuditEvent, AuditKind
from portal.roles import Role
from tests.factories import ServiceFactory, TeamFactory, UserFactory


def code_for(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def wrong_code(secret: str) -> str:
    right = code_for(secret)
    return "000000" if right != "000000" else "111111"


@pytest.fixture
def totp_secret(worker):
    secret = generate_totp_secret()
    TOTP.activate(worker, secret)
    RecoveryCodes.activate(worker)
    return secret


def sign_in(client, email, password):
    return client.post(reverse("login"), {"login": email, "password": password})


def kinds():
    return list(AuditEvent.objects.order_by("pk").values_list("kind", flat=True))


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


# --- Leavers and closed accounts, sign-up -----------------------------------------------------


def test_a_leaver_cannot_sign_in_and_is_told_who_to_ask(client, worker, password):
    worker.leaving_date = timezone.localdate()
    worker.save()
    response = sign_in(client, worker.email, password)
    assert response["Location"] == reverse("account_inactive")
    page = client.get(reverse("account_inactive")).content.decode()
    assert "This account has been closed" in page
    assert "line manager" in page
    assert "people administrator" in page
    assert client.get(reverse("staff-home")).status_code == 302


def test_a_closed_account_cannot_sign_in(client, worker, password):
    worker.is_active = False
    worker.save()
    assert sign_in(client, worker.email, password)["Location"] == reverse("account_inactive")


def test_a_leavers_open_session_ends_on_their_next_request(client, worker):
    client.force_login(worker)
    assert client.get(reverse("staff-home")).status_code == 200
    worker.leaving_date = timezone.localdate() - timedelta(days=1)
    worker.save()
    response = client.get(reverse("staff-home"))
    assert response["Location"] == reverse("account_inactive")
    assert "_auth_user_id" not in client.session


def test_someone_leaving_tomorrow_can_still_sign_in(client, worker, password):
    worker.leaving_date = timezone.localdate() + timedelta(days=1)
    worker.save()
    assert sign_in(client, worker.email, password)["Location"] == reverse("staff-home")


def test_sign_up_is_closed_and_offers_no_form(client, db):
    response = client.get("/accounts/signup/")
    content = response.content.decode()
    assert "You cannot create an account here" in content
    assert "<input" not in content.split("<main", 1)[1].split("</main>", 1)[0]
    client.post("/accounts/signup/", {"email": "new@example.org", "password1": "x" * 20, "password2": "x" * 20})
    from portal.models import User

    assert not User.objects.filter(email="new@example.org").exists()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/accounts/login/", "/sign-in/"),
        ("/accounts/password/reset/", "/password-reset/"),
        ("/accounts/password/change/", "/account/password/"),
        ("/accounts/email/", "/account/"),
    ],
)
def test_allauths_own_addresses_lead_to_the_portals(client, db, old, new):
    response = client.get(old)
    assert response.status_code == 302
    assert response["Location"] == new


# --- A manager resets someone's second factor -------------------------------------------------


def reset_url(person):
    return reverse("reset-second-factor", args=[person.pk])


def test_a_service_manager_sees_what_is_set_up_without_secrets(client, service_manager, worker, totp_secret):
    client.force_login(service_manager)
    response = client.get(reset_url(worker))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Authenticator app" in content
    assert "Recovery codes" in content
    assert totp_secret not in content
    assert "<title>Reset two-factor sign-in for" in content


def test_resetting_deletes_every_factor_audits_and_emails(
    client, service_manager, worker, totp_secret, django_capture_on_commit_callbacks
):
    client.force_login(service_manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reset_url(worker), {"reason": "Lost their phone; checked by video call."})
    assert response["Location"] == reverse("people:person", args=[worker.pk])
    assert not Authenticator.objects.filter(user=worker).exists()
    event = AuditEvent.objects.get(kind=AuditKind.SECOND_FACTOR_RESET)
    assert (event.actor, event.subject) == (service_manager, worker)
    assert event.summary == "Lost their phone; checked by video call."
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [worker.email]
    assert "reset your two-factor sign-in" in mail.outbox[0].body


def test_a_reset_signs_the_person_out_everywhere(client, service_manager, worker, totp_secret):
    from django.test import Client

    on_lost_phone, on_desk = Client(), Client()
    for browser in (on_lost_phone, on_desk):
        browser.force_login(worker)
        assert browser.get(reverse("staff-home")).status_code == 200
    client.force_login(service_manager)
    client.post(reset_url(worker), {"reason": "Phone stolen on a visit."})
    for browser in (on_lost_phone, on_desk):
        assert browser.get(reverse("staff-home"))["Location"].startswith(reverse("login"))
    # The manager who did it stays signed in.
    assert client.get(reverse("staff-home")).status_code == 200


@pytest.mark.parametrize("reason", ["", "   ", "\t\n", "x" * 501])
def test_a_reset_needs_a_reason(client, service_manager, worker, totp_secret, reason):
    client.force_login(service_manager)
    response = client.post(reset_url(worker), {"reason": reason})
    content = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in content
    assert Authenticator.objects.filter(user=worker).count() == 2
    assert not AuditEvent.objects.filter(kind=AuditKind.SECOND_FACTOR_RESET).exists()


def test_a_reason_with_a_nul_byte_is_refused_and_nothing_is_reset(client, service_manager, worker, totp_secret):
    # portal/null_bytes.py refuses the whole request before the view sees it.
    client.force_login(service_manager)
    response = client.post(reset_url(worker), {"reason": "Lost\x00phone"})
    assert response.status_code == 400
    assert Authenticator.objects.filter(user=worker).count() == 2


def test_nobody_resets_their_own(client, service_manager):
    client.force_login(service_manager)
    assert client.get(reset_url(service_manager)).status_code == 403


def test_a_manager_cannot_reach_someone_in_another_service(client, service_manager):
    elsewhere = TeamFactory(name="Adult Social Care", service=ServiceFactory(name="Adult Services"))
    stranger = UserFactory(team=elsewhere, roles=[Role.SOCIAL_WORKER])
    client.force_login(service_manager)
    assert client.get(reset_url(stranger)).status_code == 404


@pytest.mark.parametrize(
    "role",
    [
        Role.SOCIAL_WORKER,
        Role.SUPERVISOR,
        Role.GUIDE_EDITOR,
        Role.TRAINING_COORDINATOR,
        Role.FACILITATOR,
        Role.PEOPLE_ADMINISTRATOR,
    ],
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_other_roles_are_refused(client, team, worker, totp_secret, role, method):
    person = UserFactory(team=team, roles=[role])
    client.force_login(person)
    response = getattr(client, method)(reset_url(worker), {"reason": "Because"} if method == "post" else None)
    assert response.status_code == 403
    assert Authenticator.objects.filter(user=worker).count() == 2


def test_anonymous_visitors_are_sent_to_sign_in(client, worker):
    response = client.get(reset_url(worker))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


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
