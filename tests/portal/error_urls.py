"""The portal's URLs plus views that fail on purpose, for the error page tests."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from portal import urls as portal_urls

handler400 = "portal.views.bad_request"
handler500 = "portal.views.server_error"


def broken(request):
    raise RuntimeError("a bug")


def forbidden(request):
    raise PermissionDenied


def suspicious(request):
    raise SuspiciousOperation("tampered")


urlpatterns = [
    path("broken/", broken),
    path("forbidden/", forbidden),
    path("suspicious/", suspicious),
    # Spread, not include(): the guide's language prefixes (i18n_patterns) must be at the top of the URL conf.
    *portal_urls.urlpatterns,
]
