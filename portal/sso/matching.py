"""Who a council sign-in is: only a person the portal already knows, by linked subject id or verified email."""

from dataclasses import dataclass

from allauth.core.internal.datakit import parse_bool_safely
from django.conf import settings

from portal.models import User


class Refusal:
    """Why a council sign-in was turned away (kept in the audit trail, never shown word for word)."""

    NO_EMAIL = "The council account sent no email address."
    UNVERIFIED_EMAIL = "The council account did not say the email address is verified."
    UNKNOWN = "No person in the portal has this email address."
    DEACTIVATED = "The person's account is deactivated."
    LEFT = "The person has left."


@dataclass(frozen=True)
class Claims:
    subject: str
    email: str
    email_verified: bool


def claims_of(extra_data: dict) -> Claims:
    """What the provider said, from the checked ID token, topped up by userinfo (whose subject is the same)."""
    id_token = extra_data.get("id_token") or {}
    merged = {**id_token, **(extra_data.get("userinfo") or {})}
    email = str(merged.get("email") or "").strip()
    if "email_verified" in merged:
        verified = parse_bool_safely(merged["email_verified"])
    else:
        # Microsoft Entra ID leaves the claim out; a council may say its directory's emails are its own.
        verified = settings.OIDC_TRUST_EMAIL_CLAIM
    return Claims(subject=str(id_token.get("sub", "")), email=email, email_verified=bool(email) and verified)


def person_with_email(email: str) -> User | None:
    return User.objects.filter(email__iexact=email).first()


def refusal_for(person: User | None, claims: Claims, today) -> str | None:
    """None if ``person`` may sign in with these claims, else the reason not."""
    if person is None:
        if not claims.email:
            return Refusal.NO_EMAIL
        if not claims.email_verified:
            return Refusal.UNVERIFIED_EMAIL
        return Refusal.UNKNOWN
    if not person.is_active:
        return Refusal.DEACTIVATED
    if not person.can_sign_in(today):
        return Refusal.LEFT
    return None
