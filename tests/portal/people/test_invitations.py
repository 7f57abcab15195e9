"""The invitation a new person opens: setting a password, links that are expired, resent or withdrawn, and
who may be sent one."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.models import AuditEvent, AuditKind, Invitation
from portal.people import invitations
from tests.factories import UserFactory

# --- Invitations --------------------------------------------------------------------------


def path_of(person) -> str:
    return urlsplit(person.invitation_link).path


def test_the_link_lets_the_person_set_a_password_and_sends_them_to_two_factor_set_up(client, invited):
    page = client.get(path_of(invited))
    assert page.status_code == 200
    assert "Set your password" in page.text
    response = client.post(
        path_of(invited), {"new_password1": "kettle orchard lantern 42", "new_password2": "kettle orchard lantern 42"}
    )
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")
    invited.refresh_from_db()
    assert invited.check_password("kettle orchard lantern 42")
    assert int(client.session["_auth_user_id"]) == invited.pk
    assert Invitation.objects.get(person=invited).accepted_at is not None
    assert AuditEvent.objects.filter(subject=invited, kind=AuditKind.INVITATION_ACCEPTED).exists()
    # Used once: the same link now explains itself.
    client.logout()
    again = client.get(path_of(invited))
    assert "already been used" in again.text


def test_after_setting_a_password_the_new_starter_stays_signed_in_for_two_factor_set_up(client, invited):
    password = "kettle orchard lantern 42"
    response = client.post(path_of(invited), {"new_password1": password, "new_password2": password}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("mfa_activate_totp")
    assert response.wsgi_request.user.pk == invited.pk
    # And on the next request too: the session holds the new password's hash, not the old one's.
    again = client.get(reverse("mfa_activate_totp"))
    assert again.status_code == 200
    assert int(client.session["_auth_user_id"]) == invited.pk


def test_the_password_errors_are_in_our_words_one_at_a_time(client, invited):
    mismatch = client.post(
        path_of(invited), {"new_password1": "kettle orchard lantern 42", "new_password2": "kettle orchard lantern"}
    )
    form = mismatch.context["form"]
    assert form.errors == {"new_password2": ["Enter the same password in both boxes"]}
    assert "didn’t match" not in mismatch.text
    common = client.post(path_of(invited), {"new_password1": "password1234", "new_password2": "password1234"})
    assert common.context["form"].errors == {
        "new_password1": ["This password is one that many people use, so it is easy to guess: choose another"]
    }
    numeric = client.post(path_of(invited), {"new_password1": "4815162342421", "new_password2": "4815162342421"})
    assert numeric.context["form"].errors == {"new_password1": ["Your password cannot be only numbers: add some words"]}
    empty = client.post(path_of(invited), {"new_password1": "", "new_password2": ""})
    assert empty.context["form"].errors == {
        "new_password1": ["Choose a password"],
        "new_password2": ["Type the password again"],
    }
    invited.refresh_from_db()
    assert not invited.has_usable_password()


def test_the_link_applies_the_password_rules(client, invited):
    response = client.post(path_of(invited), {"new_password1": "password", "new_password2": "password"})
    assert response.status_code == 200
    assert "Your password is too short: use at least 12 characters" in response.text
    invited.refresh_from_db()
    assert not invited.has_usable_password()


def test_with_sso_the_link_says_to_use_the_council_account_and_sets_no_password(client, invited, settings):
    settings.OIDC_ISSUER_URL = "https://login.example.org/tenant/v2.0"
    page = client.get(path_of(invited))
    assert "Sign in with your council account" in page.text
    assert "new_password1" not in page.text
    response = client.post(path_of(invited))
    assert response.url == reverse("login")
    invited.refresh_from_db()
    assert not invited.has_usable_password()
    assert Invitation.objects.get(person=invited).accepted_at is not None


def test_an_expired_link_says_who_to_ask(client, invited, admin):
    Invitation.objects.filter(person=invited).update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.get(path_of(invited))
    assert "The link has expired" in response.text
    assert admin.email in response.text
    response = client.post(path_of(invited), {"new_password1": "kettle orchard 42 x", "new_password2": "x"})
    assert "The link has expired" in response.text


def test_resending_kills_the_old_link_and_only_the_newest_works(admin_client, client, invited, admin):
    old_path = path_of(invited)
    admin_client.post(reverse("people:resend-invitation", args=[invited.pk]))
    assert Invitation.objects.filter(person=invited).count() == 2
    assert invitations.read_link(old_path.rstrip("/").rsplit("/", 1)[-1], timezone.now()).state == "replaced"
    assert AuditEvent.objects.filter(subject=invited, kind=AuditKind.INVITATION_SENT).count() == 2


def test_withdrawing_makes_the_link_dead_and_is_audited(admin_client, client, invited):
    response = admin_client.post(reverse("people:withdraw-invitation", args=[invited.pk]))
    assert response.status_code == 302
    assert "The invitation was withdrawn" in client.get(path_of(invited)).text
    assert AuditEvent.objects.filter(subject=invited, kind=AuditKind.INVITATION_WITHDRAWN).exists()
    # Nothing left to withdraw: a message, not an error page.
    again = admin_client.post(reverse("people:withdraw-invitation", args=[invited.pk]), follow=True)
    assert "nothing to withdraw" in again.text


def test_an_unknown_link_answers_404_with_a_clear_page(client, db):
    response = client.get(reverse("people:invitation", args=["not-a-real-token"]))
    assert response.status_code == 404
    assert "We do not recognise this link" in response.text


def test_someone_who_can_already_sign_in_is_not_offered_an_invitation(admin_client, admin, worker):
    page = admin_client.get(reverse("people:person", args=[worker.pk]))
    assert "They were not invited through the portal." in page.text
    assert "they sign in with their work email address and their password" in page.text
    assert "Send an invitation" not in page.text
    assert reverse("people:resend-invitation", args=[worker.pk]) not in page.text
    with pytest.raises(invitations.InvitationError, match="can already sign in"):
        invitations.resend(worker, by=admin)


def test_someone_without_a_password_who_has_signed_in_is_not_offered_an_invitation(admin_client, worker):
    worker.set_unusable_password()
    worker.last_login = timezone.now()
    worker.save()
    page = admin_client.get(reverse("people:person", args=[worker.pk]))
    assert "they have signed in before" in page.text
    assert "Send an invitation" not in page.text


def test_someone_who_cannot_sign_in_yet_may_be_sent_an_invitation(admin_client, team):
    person = UserFactory(team=team)
    person.set_unusable_password()
    person.save()
    page = admin_client.get(reverse("people:person", args=[person.pk]))
    assert "Send an invitation" in page.text
    admin_client.post(reverse("people:resend-invitation", args=[person.pk]))
    assert Invitation.objects.filter(person=person).count() == 1


def test_resend_is_refused_once_the_invitation_was_accepted(admin, invited):
    invitations.accept(Invitation.objects.get(person=invited), password="kettle orchard lantern 42")
    with pytest.raises(invitations.InvitationError, match="already accepted"):
        invitations.resend(invited, by=admin)
