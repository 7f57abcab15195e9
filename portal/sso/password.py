"""SSO_ONLY: staff sign in with the council account; a password works only for a system administrator."""

from django.conf import settings
from django.shortcuts import render


def password_refused(user, signal_kwargs) -> bool:
    """True when ``user`` may not finish a sign-in that did not come through single sign-on."""
    through_sso = (signal_kwargs or {}).get("sociallogin") is not None
    return bool(settings.SSO_ONLY) and not through_sso and not user.is_superuser


class SsoOnlyAccountAdapterMixin:
    """For the account adapter: under SSO_ONLY, stop a password sign-in by anyone but a system administrator.

    allauth calls ``pre_login`` after the password has been checked and before the session is
    made, for every way in; a response returned here ends the sign-in.
    """

    def pre_login(self, request, user, **kwargs):
        if password_refused(user, kwargs.get("signal_kwargs")):
            from allauth.account.internal.stagekit import clear_login

            clear_login(request)
            return render(request, "socialaccount/password_refused.html", status=403)
        return super().pre_login(request, user, **kwargs)
