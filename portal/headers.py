"""Response headers the portal adds to every answer, error pages included.

Django's SecurityMiddleware sends X-Content-Type-Options, Referrer-Policy and
Cross-Origin-Opener-Policy, and django-csp the Content-Security-Policy (portal/csp.py). These
middlewares add the rest. They sit near the top of MIDDLEWARE so that the 403, 404 and 500 pages,
the CSRF failure page and the sign-in lockout page carry the headers too.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control


class SecurityHeadersMiddleware:
    """Permissions-Policy (settings.PERMISSIONS_POLICY) and the Reporting API's endpoint for CSP reports."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.permissions_policy = ", ".join(
            f"{feature}=({' '.join(allowed)})" for feature, allowed in settings.PERMISSIONS_POLICY.items()
        )
        # The policy's `report-to` names an endpoint; this header says where it is (the same view).
        directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
        endpoint, report_uri = directives.get("report-to"), directives.get("report-uri")
        self.reporting_endpoints = f'{endpoint}="{report_uri}"' if endpoint and report_uri else ""

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.permissions_policy)
        if self.reporting_endpoints:
            response.setdefault("Reporting-Endpoints", self.reporting_endpoints)
        return response


class PrivatePagesMiddleware:
    """Browsers and proxies keep no copy of anything shown to a signed-in person.

    One rule for the whole site: a response to a signed-in person that says nothing of its own
    about caching gets `Cache-Control: no-store, private`. Pages for anonymous visitors (the guide
    for families) keep their ordinary caching, and static files never reach this rule.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # `user` is set by AuthenticationMiddleware; answers given before it (static files) have none.
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            patch_cache_control(response, no_store=True, private=True)
        return response
