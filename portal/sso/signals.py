"""Audit each successful council sign-in (allauth sends user_logged_in with the social login)."""

from allauth.account.signals import user_logged_in
from django.dispatch import receiver

from portal import audit
from portal.models import AuditKind


@receiver(user_logged_in, dispatch_uid="portal.sso.record_sso_sign_in")
def record_sso_sign_in(sender, request, user, sociallogin=None, **kwargs):
    if sociallogin is None:
        return
    audit.record(
        AuditKind.SSO_SIGN_IN,
        actor=user,
        subject=user,
        request=request,
        identifier=user.email,
        summary=f"Signed in with the council account (subject {sociallogin.account.uid}).",
    )
