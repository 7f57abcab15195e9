"""Second factors (allauth.mfa authenticators): what someone has set up, and a manager's reset."""

import logging
from dataclasses import dataclass
from datetime import datetime

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from portal import audit
from portal.models import AuditKind, User
from portal.sessions import end_sessions_of

logger = logging.getLogger(__name__)

KIND_NAMES = {
    Authenticator.Type.TOTP: "Authenticator app",
    Authenticator.Type.RECOVERY_CODES: "Recovery codes",
    Authenticator.Type.WEBAUTHN: "Passkey",
}


@dataclass(frozen=True)
class SetUpFactor:
    """One second factor, described without its secret."""

    kind: str
    created_at: datetime
    last_used_at: datetime | None


def factors_of(person: User) -> list[SetUpFactor]:
    """What ``person`` has set up, oldest first: kinds and dates only, never secrets or codes."""
    rows = (
        Authenticator.objects.filter(user=person)
        .order_by("created_at", "pk")
        .values_list("type", "created_at", "last_used_at")
    )
    return [SetUpFactor(KIND_NAMES.get(kind, kind), created, used) for kind, created, used in rows]


def reset_second_factor(person: User, *, by: User, reason: str, request=None) -> int:
    """Delete every second factor ``person`` has, audit it and email them. Returns how many were removed.

    The person is signed out everywhere: a session opened with the old factor (perhaps on a lost
    phone) must not outlive it. They set up a new one at their next password sign-in (REQUIRE_MFA).
    """
    with transaction.atomic():
        kinds = [
            KIND_NAMES.get(kind, kind)
            for kind in Authenticator.objects.filter(user=person).values_list("type", flat=True)
        ]
        removed, _ = Authenticator.objects.filter(user=person).delete()
        end_sessions_of(person)
        audit.record(
            AuditKind.SECOND_FACTOR_RESET,
            actor=by,
            subject=person,
            request=request,
            summary=reason,
            changes={"second factors": [sorted(set(kinds)), []]},
        )
        transaction.on_commit(lambda: _email(person, by))
    return removed


def _email(person: User, by: User) -> None:
    context = {
        "person": person,
        "by": by,
        "sign_in_link": settings.PORTAL_BASE_URL.rstrip("/") + reverse("login"),
        "service_name": settings.SERVICE_NAME,
        "feedback_email": settings.FEEDBACK_EMAIL,
    }
    send_mail(
        subject=f"Your two-factor sign-in for the {settings.SERVICE_NAME} has been reset",
        message=render_to_string("portal/second_factor/reset_email.txt", context),
        from_email=None,
        recipient_list=[person.email],
        fail_silently=False,
    )
    logger.info("Told person %s their second factor was reset", person.pk)
