"""Which version of the guide a reader asked for: parents and carers, or children and young people.

The choice is kept in a cookie (settings.GUIDE_READER_COOKIE_NAME; see the cookies page), so it lasts between visits
without an account or a session.
"""

from django.conf import settings

from practice_guide.models import Reader

COOKIE_AGE = 60 * 60 * 24 * 365


def reader_of(request) -> str:
    chosen = request.COOKIES.get(settings.GUIDE_READER_COOKIE_NAME)
    return chosen if chosen in Reader.values else Reader.PARENTS


def remember(response, reader: str):
    response.set_cookie(
        settings.GUIDE_READER_COOKIE_NAME,
        reader,
        max_age=COOKIE_AGE,
        samesite="Lax",
        httponly=True,
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response
