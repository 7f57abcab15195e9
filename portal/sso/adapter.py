"""The social-account adapter: only people the portal already knows get in, and nothing is ever created."""

import logging

from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils import timezone

from portal import audit
from portal.models import AuditKind
from portal.sso import signals  # noqa: F401 - records each council sign-in in the audit trail
from portal.sso.matching import Refusal, claims_of, person_with_email, refusal_for

logger = logging.getLogger(__name__)


class CouncilSocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin):
        return False

    def pre_social_login(self, request, sociallogin):
        """Match the council account to a person, or show who to ask. Links the subject id on first use."""
        claims = claims_of(sociallogin.account.extra_data)
        if sociallogin.is_existing:
            # Linked before: the stable subject id decides, whatever the email says now.
            person = sociallogin.user
        elif claims.email and claims.email_verified:
            person = person_with_email(claims.email)
        else:
            person = None
        reason = refusal_for(person, claims, timezone.localdate())
        if reason is not None:
            raise ImmediateHttpResponse(self.refuse(request, person, claims.email, reason))
        if not sociallogin.is_existing:
            sociallogin.account.user = person
            sociallogin.account.save()
            sociallogin.user = person

    def refuse(self, request, person, email, reason):
        audit.record(
            AuditKind.SSO_REFUSED,
            subject=person,
            request=request,
            identifier=email or "(no email address)",
            summary=reason,
        )
        unconfirmed = reason in {Refusal.NO_EMAIL, Refusal.UNVERIFIED_EMAIL}
        context = {"email": email, "unconfirmed_email": unconfirmed}
        return render(request, "socialaccount/refused.html", context, status=403)

    def on_authentication_error(self, request, provider, error=None, exception=None, extra_context=None):
        logger.warning("Council sign-in failed: %s %s", error, exception)

    def validate_disconnect(self, account, accounts):
        raise ValidationError("A council account stays linked to its person.")
