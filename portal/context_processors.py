"""What every page's layout needs: the service's names and the header's links."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils.functional import SimpleLazyObject

from portal.navigation import service_navigation_for


def service(request):
    """Names used by the layout: header, page titles and footer."""
    return {
        "organisation_name": settings.ORGANISATION_NAME,
        "service_name": settings.SERVICE_NAME,
        "feedback_email": settings.FEEDBACK_EMAIL,
        "daytime_phone": settings.DAYTIME_PHONE,
        "out_of_hours_phone": settings.OUT_OF_HOURS_PHONE,
        "guide_exit_url": settings.GUIDE_EXIT_URL,
    }


def service_navigation(request):
    """The apps' links in the header (portal.features), for the person asking. Worked out only if the page
    shows them: the plain layout of error pages does not."""

    def links():
        return service_navigation_for(getattr(request, "user", AnonymousUser()))

    return {"service_navigation": SimpleLazyObject(links)}
