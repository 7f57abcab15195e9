"""Invitations: one-time links that let a new person into the portal.

A token is random, shown once (in the email) and stored only as its SHA-256 hash. A link works for
``INVITATION_DAYS`` days, once, and only while it is the person's newest invitation: resending makes
every earlier link dead. Every step is written to the portal-wide audit trail.
"""

import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from portal import audit
from portal.models import AuditKind, Invitation, User
from portal.people.selectors import sign_in_way

logger = logging.getLogger(__name__)

INVITATION_DAYS = 7


class InvitationError(Exception):
    """The invitation cannot be used or changed; the message says why, for the person reading it."""


def sso_configured() -> bool:
    """True when people sign in with their council account (engineer B's OpenID Connect settings)."""
    return bool(settings.OIDC_ISSUER_URL)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _new_token() -> str:
    return secrets.token_urlsafe(32)


def newest_for(person) -> Invitation | None:
    return Invitation.objects.filter(person=person).order_by("-created_at", "-pk").first()


# --- Reading a link -----------------------------------------------------------------------


class LinkState:
    USABLE = "usable"
    UNKNOWN = "unknown"
    EXPIRED = "expired"
    USED = "used"
    WITHDRAWN = "withdrawn"
    REPLACED = "replaced"
    CLOSED = "closed"


@dataclass(frozen=True)
class Link:
    state: str
    invitation: Invitation | None = None

    @property
    def usable(self) -> bool:
        return self.state == LinkState.USABLE


def read_link(token: str, now) -> Link:
    """What an invitation link is worth now. Never says whose it is unless it is theirs to use."""
    if not token or len(token) > 100:
        return Link(LinkState.UNKNOWN)
    invitation = (
        Invitation.objects.select_related("person__team__service", "sent_by")
        .filter(token_hash=hash_token(token))
        .first()
    )
    if invitation is None:
        return Link(LinkState.UNKNOWN)
    return state_of(invitation, now)


def state_of(invitation: Invitation, now) -> Link:
    """The state of an invitation already loaded: used, withdrawn, expired, for a closed account, replaced
    by a newer one, or usable."""
    if invitation.accepted_at is not None:
        return Link(LinkState.USED, invitation)
    if invitation.withdrawn_at is not None:
        return Link(LinkState.WITHDRAWN, invitation)
    if now >= invitation.expires_at:
        return Link(LinkState.EXPIRED, invitation)
    if not invitation.person.can_sign_in(timezone.localdate(now)):
        return Link(LinkState.CLOSED, invitation)
    newest = newest_for(invitation.person)
    if newest is not None and newest.pk != invitation.pk:
        return Link(LinkState.REPLACED, invitation)
    return Link(LinkState.USABLE, invitation)


# --- Sending ------------------------------------------------------------------------------


def link_for(token: str) -> str:
    """The full address of an invitation link, for emails (which are read outside the site)."""
    return settings.PORTAL_BASE_URL.rstrip("/") + reverse("people:invitation", args=[token])


def _message(person: User, token: str, expires_at, sent_by) -> EmailMessage:
    context = {
        "person": person,
        "link": link_for(token),
        "expires_at": timezone.localtime(expires_at),
        "sent_by": sent_by,
        "sso": sso_configured(),
        "sso_label": settings.OIDC_BUTTON_LABEL,
        "service_name": settings.SERVICE_NAME,
        "organisation_name": settings.ORGANISATION_NAME,
    }
    return EmailMessage(
        subject=f"You have been invited to the {settings.SERVICE_NAME}",
        body=render_to_string("people/email/invitation.txt", context),
        to=[person.email],
    )


def _send(invited: list[tuple[User, str]], expires_at, sent_by) -> None:
    """One email each, over one connection (an import may invite thousands)."""
    messages = [_message(person, token, expires_at, sent_by) for person, token in invited]
    with get_connection() as connection:
        sent = connection.send_messages(messages) or 0
    logger.info("Sent %s of %s invitations", sent, len(messages))


def issue_many(people: list[User], *, by, now=None, batch_size: int = 500) -> list[Invitation]:
    """New invitations for ``people``, emailed once the transaction commits; earlier links stop working.

    Not audited here: ``issue`` records one event, an import records its events in bulk. Each returned
    invitation's ``link`` holds the token, for this moment only (the demo loader and tests show it).
    """
    now = now or timezone.now()
    expires_at = now + timedelta(days=INVITATION_DAYS)
    tokens = [_new_token() for _person in people]
    made = Invitation.objects.bulk_create(
        [
            Invitation(person=person, token_hash=hash_token(token), created_at=now, expires_at=expires_at, sent_by=by)
            for person, token in zip(people, tokens, strict=True)
        ],
        batch_size=batch_size,
    )
    invited = list(zip(people, tokens, strict=True))
    transaction.on_commit(lambda: _send(invited, expires_at, by))
    for invitation, token in zip(made, tokens, strict=True):
        invitation.link = link_for(token)
    return made


def issue(person: User, *, by, request=None) -> Invitation:
    """A new invitation for ``person``, audited. Call inside a transaction (add_person and resend do)."""
    (invitation,) = issue_many([person], by=by)
    audit.record(
        AuditKind.INVITATION_SENT,
        actor=by,
        subject=person,
        request=request,
        summary=f"Link valid until {timezone.localtime(invitation.expires_at):%-d %B %Y %H:%M}",
    )
    return invitation


@transaction.atomic
def resend(person: User, *, by, request=None) -> Invitation:
    """A fresh link for someone who has not yet accepted one. Their earlier links stop working."""
    person = User.objects.select_for_update().get(pk=person.pk)
    if Invitation.objects.filter(person=person, accepted_at__isnull=False).exists():
        raise InvitationError(f"{person} has already accepted an invitation, so there is nothing to resend.")
    if not person.can_sign_in(timezone.localdate()):
        raise InvitationError(f"{person}’s account is closed, so they cannot be invited.")
    if sign_in_way(person) is not None:
        raise InvitationError(f"{person} can already sign in, so they do not need an invitation.")
    return issue(person, by=by, request=request)


@transaction.atomic
def withdraw(person: User, *, by, request=None) -> Invitation:
    """Make the person's newest invitation unusable."""
    person = User.objects.select_for_update().get(pk=person.pk)
    invitation = newest_for(person)
    if invitation is None or not invitation.is_pending(timezone.now()):
        raise InvitationError(f"{person} has no invitation waiting to be accepted, so there is nothing to withdraw.")
    invitation.withdrawn_at = timezone.now()
    invitation.save(update_fields=["withdrawn_at"])
    audit.record(AuditKind.INVITATION_WITHDRAWN, actor=by, subject=person, request=request)
    return invitation


@transaction.atomic
def accept(invitation: Invitation, *, password: str | None, request=None) -> User:
    """Use the link: set the password (none when people sign in with their council account)."""
    invitation = Invitation.objects.select_for_update().select_related("person").get(pk=invitation.pk)
    link = state_of(invitation, timezone.now())
    if not link.usable:
        raise InvitationError("This invitation link no longer works.")
    person = invitation.person
    if password is not None:
        person.set_password(password)
        person.save(update_fields=["password"])
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    audit.record(
        AuditKind.INVITATION_ACCEPTED,
        actor=person,
        subject=person,
        request=request,
        summary="Password set" if password is not None else "Will sign in with the council account",
    )
    return person
