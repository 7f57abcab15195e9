"""Which version of the guide a reader asked for: parents and carers, or children and young people.

The choice is kept in a cookie (see the cookies page), so it lasts between visits
without an account or a session.
"""

from django.conf import settings

from practice_guide.models import Reader

COOKIE = "guide_reader"
COOKIE_AGE = 60 * 60 * 24 * 365


def reader_of(request) -> str:
    chosen = request.COOKIES.get(COOKIE)
    return chosen if chosen in Reader.values else Reader.PARENTS


def remember(response, reader: str):
    response.set_cookie(
        COOKIE, reader, max_age=COOKIE_AGE, samesite="Lax", httponly=True, secure=settings.SESSION_COOKIE_SECURE
    )
    return response
