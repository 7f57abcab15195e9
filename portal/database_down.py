"""The "try again later" page, with status 503, whenever the database cannot be reached.

PostgreSQL restarting, a failover or a lost network should not show people the 500 page, nor
leave them waiting: the connect and statement timeouts in settings.DATABASES make the failure
quick, and this middleware turns it into a styled 503 that needs no database to render.

Pages also get a statement timeout (settings.DATABASE_STATEMENT_TIMEOUT), set on each connection a
process that serves pages opens, and only there: a management command loading 100,000 rows or
building an index must not be cut short by a limit meant for requests.

A view's error reaches ``process_exception``. An error raised by a middleware further in (the
session, the signed-in person, the second-factor check) never reaches this one as an exception:
Django turns it into the 500 page where it happened. The ``got_request_exception`` receiver
marks the request, and the 500 page is swapped for the 503 on its way out.
"""

import logging
import sys

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.db.backends.signals import connection_created
from django.dispatch import receiver
from django.http import HttpResponse
from django.template import loader

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
# A restart is over in seconds: ask browsers and clients that honour it to come back soon.
RETRY_AFTER_SECONDS = 10
_MARK = "_portal_database_unavailable"


def unavailable_response() -> HttpResponse:
    """The 503 page, rendered from settings alone: no session, no signed-in person, no query."""
    context = {
        "organisation_name": settings.ORGANISATION_NAME,
        "service_name": settings.SERVICE_NAME,
        "feedback_email": settings.FEEDBACK_EMAIL,
        "daytime_phone": settings.DAYTIME_PHONE,
        "out_of_hours_phone": settings.OUT_OF_HOURS_PHONE,
        "plain_layout": True,
    }
    response = HttpResponse(loader.get_template("503.html").render(context), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


@receiver(got_request_exception, dispatch_uid="portal.database_down")
def _mark_database_errors(sender, request=None, **kwargs):
    if request is not None and isinstance(sys.exception(), DATABASE_ERRORS):
        setattr(request, _MARK, True)


def limit_statements(sender, connection, **kwargs):
    milliseconds = settings.DATABASE_STATEMENT_TIMEOUT
    if connection.vendor == "postgresql" and milliseconds:
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('statement_timeout', %s, false)", [str(milliseconds)])


class DatabaseUnavailableMiddleware:
    """Place it outside every middleware that reads the database (sessions, auth, axes)."""

    def __init__(self, get_response):
        self.get_response = get_response
        # Built once per process that serves pages, before its first connection.
        connection_created.connect(limit_statements, dispatch_uid="portal.database_down.limit_statements")

    def __call__(self, request):
        response = self.get_response(request)
        if not getattr(request, _MARK, False):
            return response
        # Nobody can be looked up without the database, and the middlewares outside this one read
        # request.user on the way out (PrivatePagesMiddleware): they must not try again.
        request.user = AnonymousUser()
        return response if response.status_code == 503 else unavailable_response()

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_ERRORS):
            return None
        logger.warning("Database unavailable on %s %s: %s", request.method, request.path, exception)
        setattr(request, _MARK, True)
        return unavailable_response()
