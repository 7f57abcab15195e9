"""How allauth behaves for the portal: nobody signs themselves up, and every message is in our words."""

import time

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from portal.sso.password import SsoOnlyAccountAdapterMixin
from portal.sso.stages import without_second_factor_for_council_sign_in

WRONG_SIGN_IN = "Enter a correct work email address and password"
WRONG_CODE = "The code is not right. Check your app and enter the code it shows now."
# Setting up a second factor, which ends on the recovery codes page. Someone who signed in a moment
# ago (within allauth's ACCOUNT_REAUTHENTICATION_TIMEOUT) is not asked for their password again
# here; removing or renaming a second factor, or making new recovery codes, always asks.
SET_UP_PAGES = {"mfa_activate_totp", "mfa_add_webauthn", "mfa_view_recovery_codes", "mfa_download_recovery_codes"}
# Setting up a first app or passkey makes someone's first recovery codes. allauth then adds its "new
# recovery codes" message (which says older codes stop working) beside the set-up one; they had none.
FIRST_CODES_PAGES = {"mfa_activate_totp", "mfa_add_webauthn"}
CODES_MADE_MESSAGE = "mfa/messages/recovery_codes_generated.txt"


class PortalAccountAdapter(SsoOnlyAccountAdapterMixin, DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "account_inactive": "This account has been closed",
        "email_password_mismatch": WRONG_SIGN_IN,
        "username_password_mismatch": WRONG_SIGN_IN,
        "invalid_login": WRONG_SIGN_IN,
        "enter_current_password": "Your current password is not right",
        "incorrect_password": "Your password is not right",
        "incorrect_code": WRONG_CODE,
        "invalid_password_reset": "This password reset link has expired or has already been used",
        "too_many_login_attempts": "Too many wrong tries. Wait 15 minutes, then try again",
        "rate_limited": "Too many tries. Wait a few minutes, then try again",
        "unknown_email": "Enter the work email address you sign in with",
    }

    def is_open_for_signup(self, request):
        # People are added by a people administrator (portal/people/), never by themselves.
        return False

    def get_login_stages(self):
        # A council sign-in is not asked for the portal's second factor (portal/sso/stages.py).
        return without_second_factor_for_council_sign_in(super().get_login_stages())

    def add_message(self, request, level, message_template=None, *args, **kwargs):
        match = getattr(request, "resolver_match", None)
        if message_template == CODES_MADE_MESSAGE and match is not None and match.url_name in FIRST_CODES_PAGES:
            return
        super().add_message(request, level, message_template, *args, **kwargs)

    def pre_login(self, request, user, **kwargs):
        # allauth itself checks only is_active; a leaver's account stops working on their leaving date.
        if not user.can_sign_in(timezone.localdate()):
            from allauth.account.internal.stagekit import clear_login

            clear_login(request)
            return self.respond_user_inactive(request, user)
        return super().pre_login(request, user, **kwargs)

    def is_reauthentication_required(self, *, app, **kwargs):
        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        request = self.request
        match = getattr(request, "resolver_match", None)
        if match is None or match.url_name not in SET_UP_PAGES:
            return True
        return not _signed_in_recently(request)

    def send_mail(self, template_prefix, email, context):
        # Our email templates (templates/account/email/, templates/mfa/email/) name the service in their
        # subject lines too, which allauth renders without the request's context processors.
        context = {
            "service_name": settings.SERVICE_NAME,
            "organisation_name": settings.ORGANISATION_NAME,
            "feedback_email": settings.FEEDBACK_EMAIL,
            **context,
        }
        return super().send_mail(template_prefix, email, context)

    def get_password_change_redirect_url(self, request):
        return reverse("password_change_done")


def _signed_in_recently(request) -> bool:
    """Whether the person gave their password (or a second factor) within the reauthentication timeout.

    allauth counts only an explicit "Confirm it is you" as recent; this counts the sign-in itself.
    """
    if request is None or not request.user.is_authenticated:
        return False
    times = [
        record["at"]
        for record in get_authentication_records(request, request.user)
        if record.get("method") in account_settings.REAUTHENTICATION_METHODS and "at" in record
    ]
    return bool(times) and time.time() - max(times) < account_settings.REAUTHENTICATION_TIMEOUT


class PortalMFAAdapter(DefaultMFAAdapter):
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "incorrect_code": WRONG_CODE,
        "cannot_delete_authenticator": "You cannot remove your only second factor while two-factor sign-in is required",
        "cannot_generate_recovery_codes": "Set up an authenticator app or a passkey before making recovery codes",
        "unverified_email": "Your email address needs checking before you can set up two-factor sign-in",
    }

    def generate_authenticator_name(self, user, type):
        """The name offered for a new passkey: plain words, not allauth's "Master key" / "Key nr. 3"."""
        count = Authenticator.objects.filter(user_id=user.pk, type=type).count()
        return "My passkey" if count == 0 else f"Passkey {count + 1}"

    def can_delete_authenticator(self, authenticator):
        """With REQUIRE_MFA on, a person who signs in with a password keeps at least one second factor."""
        if not settings.REQUIRE_MFA:
            return True
        others = Authenticator.objects.filter(user_id=authenticator.user_id).exclude(pk=authenticator.pk)
        return others.exclude(type=Authenticator.Type.RECOVERY_CODES).exists()
