"""Ending a person's sessions: signing them out everywhere."""

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.utils import timezone


def end_sessions_of(person) -> int:
    """Sign ``person`` out of every browser. Returns how many sessions ended.

    Sessions are stored in the database but not indexed by person, so this reads the live ones. That is
    fine for what calls it: a manager's rare action (a second-factor reset), not a page view.
    """
    ended = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get(SESSION_KEY) == str(person.pk)
    ]
    Session.objects.filter(pk__in=ended).delete()
    return len(ended)
