"""Is the database answering? Used by /healthz."""

import logging

from django.db import Error, connection

logger = logging.getLogger(__name__)


def database_is_up() -> bool:
    # Quick either way: settings.DATABASES gives up connecting after 2 s, and a stopped or restarting
    # server refuses at once. Error, not DatabaseError: a connection closed under us is an InterfaceError.
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Error as error:
        # One line, not a traceback: load balancers ask every few seconds for as long as an outage lasts.
        logger.warning("Health check: the database did not answer: %s", error)
        return False
