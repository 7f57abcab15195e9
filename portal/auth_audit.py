"""Sign-in events into the portal-wide audit trail, from Django's, allauth's and django-axes' signals.

Connected once in PortalConfig.ready(). Council single sign-on is audited by portal/sso/signals.py.
A wrong second-factor code is also reported to django-axes as a failed sign-in for the person's
email address, so that wrong codes count towards the lockout.
"""

from allauth.account import signals as account_signals
from allauth.mfa import signals as mfa_signals
from allauth.mfa.models import Authenticator
from axes.signals import user_locked_out
from django.contrib.auth import signals as auth_signals

from portal import audit
from portal.models import AuditKind
from portal.second_factor import KIND_NAMES
from portal.signin_middleware import signed_in_with_sso

# Marks the failure we send for a wrong code, so it is audited once (as a wrong code), not twice.
SECOND_FACTOR_MARK = "second_factor"


def _kind_name(authenticator) -> str:
    return KIND_NAMES.get(authenticator.type, authenticator.type)


def on_signed_in(sender, request, user, **kwargs):
    if request is not None and signed_in_with_sso(request, user):
        return
    audit.record(AuditKind.SIGN_IN, actor=user, subject=user, request=request, identifier=user.email)


def on_sign_in_failed(sender, credentials, request=None, **kwargs):
    if credentials.get(SECOND_FACTOR_MARK):
        return
    tried = credentials.get("email") or credentials.get("username") or credentials.get("login") or ""
    audit.record(
        AuditKind.SIGN_IN_FAILED,
        request=request,
        identifier=str(tried).strip().lower(),
        summary="Wrong email or password.",
    )


def on_locked_out(sender, request=None, username=None, ip_address=None, **kwargs):
    audit.record(
        AuditKind.LOCKED_OUT,
        request=request,
        identifier=username or "",
        summary="Too many wrong tries: signing in paused for 15 minutes.",
    )


def on_signed_out(sender, request, user, **kwargs):
    if user is not None:
        audit.record(AuditKind.SIGNED_OUT, actor=user, subject=user, request=request, identifier=user.email)


def on_second_factor_used(sender, request, user, authenticator, **kwargs):
    audit.record(AuditKind.SECOND_FACTOR, actor=user, subject=user, request=request, summary=_kind_name(authenticator))


def on_second_factor_failed(sender, request, user, authenticator, **kwargs):
    audit.record(
        AuditKind.SECOND_FACTOR_FAILED,
        actor=user,
        subject=user,
        request=request,
        identifier=user.email,
        summary=_kind_name(authenticator),
    )
    # Count it towards django-axes' lockout for this email address (portal.auth_backends.axes_username).
    auth_signals.user_login_failed.send(
        sender=Authenticator,
        credentials={"email": user.email, SECOND_FACTOR_MARK: True},
        request=request,
    )


def on_second_factor_added(sender, request, user, authenticator, **kwargs):
    audit.record(
        AuditKind.SECOND_FACTOR_ADDED, actor=user, subject=user, request=request, summary=_kind_name(authenticator)
    )


def on_second_factor_reset(sender, request, user, authenticator, **kwargs):
    audit.record(AuditKind.SECOND_FACTOR_ADDED, actor=user, subject=user, request=request, summary="New recovery codes")


def on_second_factor_removed(sender, request, user, authenticator, **kwargs):
    audit.record(
        AuditKind.SECOND_FACTOR_REMOVED, actor=user, subject=user, request=request, summary=_kind_name(authenticator)
    )


def on_password_changed(sender, request, user, **kwargs):
    audit.record(AuditKind.PASSWORD_CHANGED, actor=user, subject=user, request=request)


def on_password_reset(sender, request, user, **kwargs):
    audit.record(AuditKind.PASSWORD_RESET, subject=user, request=request, summary="With an emailed link.")


def connect() -> None:
    connections = [
        (auth_signals.user_logged_in, on_signed_in),
        (auth_signals.user_login_failed, on_sign_in_failed),
        (auth_signals.user_logged_out, on_signed_out),
        (user_locked_out, on_locked_out),
        (mfa_signals.authenticator_used, on_second_factor_used),
        (mfa_signals.authentication_failed, on_second_factor_failed),
        (mfa_signals.authenticator_added, on_second_factor_added),
        (mfa_signals.authenticator_reset, on_second_factor_reset),
        (mfa_signals.authenticator_removed, on_second_factor_removed),
        (account_signals.password_changed, on_password_changed),
        (account_signals.password_set, on_password_changed),
        (account_signals.password_reset, on_password_reset),
    ]
    for signal, receiver in connections:
        signal.connect(receiver, dispatch_uid=f"portal.auth_audit.{receiver.__name__}")
