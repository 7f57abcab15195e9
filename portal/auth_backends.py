"""Who may sign in: allauth's email-and-password backend, refusing leavers and closed accounts."""

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.utils import timezone


class PortalAuthenticationBackend(AuthenticationBackend):
    """Email and password through allauth; a leaver or closed account cannot sign in.

    ``get_user`` still returns such a person for a session that is already open, so that
    ``portal.signin_middleware.ClosedAccountMiddleware`` can end it and say why.
    """

    def user_can_authenticate(self, user):
        return user.can_sign_in(timezone.localdate())

    def get_user(self, user_id):
        user_model = get_user_model()
        try:
            return user_model._default_manager.get(pk=user_id)
        except user_model.DoesNotExist:
            return None


def axes_username(request, credentials):
    """The email address a sign-in attempt was for, for django-axes' lockout.

    allauth authenticates with ``email=``, the admin's form with ``username=``, and a wrong
    second-factor code is reported with ``email=`` (portal/auth_audit.py). Case is ignored, as at sign-in.
    """
    credentials = credentials or {}
    value = credentials.get("email") or credentials.get("username") or credentials.get("login")
    if not value and request is not None:
        data = getattr(request, "data", None) or request.POST
        value = data.get("login") or data.get("username")
    return str(value).strip().lower() if value else None
