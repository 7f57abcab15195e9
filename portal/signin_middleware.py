"""Two checks on every signed-in request: the account still works, and a password user has a second factor."""

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.utils import timezone

from portal import features

# Pages that stay open to a signed-in person who has not set up a second factor yet: signing out,
# setting one up (allauth.mfa's pages and the password check before them), and the public pages.
OPEN_VIEW_NAMES = {
    "home",
    "healthz",
    "csp-report",
    "accessibility",
    "privacy",
    "cookies",
    "sitemap",
    "logout",
    "account_logout",
    "signed-out",
    "account_inactive",
    "account_reauthenticate",
    "mfa_reauthenticate",
}
SESSION_HAS_SECOND_FACTOR = "portal_has_second_factor"


class ClosedAccountMiddleware:
    """End the session of a leaver or a closed account on their next request, and say why.

    ``request.user`` is loaded anyway (the header shows the person's name), so this costs no query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and not user.can_sign_in(timezone.localdate()):
            logout(request)
            return redirect("account_inactive")
        return self.get_response(request)


def signed_in_with_sso(request, user) -> bool:
    records = get_authentication_records(request, user)
    return any(record.get("method") == "socialaccount" for record in records)


class RequireSecondFactorMiddleware:
    """With REQUIRE_MFA on, send a person who signed in with a password and has no second factor
    to set one up before any staff page opens. People who came through the council's single sign-on
    are not asked: their council account has its own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.REQUIRE_MFA or not request.user.is_authenticated:
            return None
        match = request.resolver_match
        name = match.url_name or ""
        if name in OPEN_VIEW_NAMES or name.startswith("mfa_"):
            return None
        if features.is_public_page(match.namespaces, name):
            return None
        if request.session.get(SESSION_HAS_SECOND_FACTOR) or signed_in_with_sso(request, request.user):
            return None
        if Authenticator.objects.filter(user=request.user).exists():
            request.session[SESSION_HAS_SECOND_FACTOR] = True
            return None
        messages.info(request, "Set up two-factor sign-in before you use the portal.")
        return redirect("mfa_index")
