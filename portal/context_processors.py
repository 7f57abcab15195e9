from django.conf import settings


def service(request):
    """Names used by the layout: header, page titles and footer."""
    return {
        "organisation_name": settings.ORGANISATION_NAME,
        "service_name": settings.SERVICE_NAME,
        "feedback_email": settings.FEEDBACK_EMAIL,
        "daytime_phone": settings.DAYTIME_PHONE,
        "out_of_hours_phone": settings.OUT_OF_HOURS_PHONE,
    }
