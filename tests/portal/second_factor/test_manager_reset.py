"""A manager resets someone's second factor: who may, what it asks, and what it ends."""

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail
from django.urls import reverse

from portal.models import AuditEvent, AuditKind
from portal.roles import Role
from tests.factories import ServiceFactory, TeamFactory, UserFactory

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
