"""The length of each demo session and how its time split across the four functions, filled in on the saved
sessions that lack a length (`load` calls `add_length_and_balance` whether or not it has just written the
history, so a database loaded before sessions had a length gets them too; a session with one is left alone).

The story it tells: Assessment and Family Support keeps its supervision reflective all year; Children
in Care drifts to case management over the last three months, enough that the dashboard flags it
(`supervision.balance.DRIFT_SHARE`); and one session of the court-work social worker was cut short by a
hearing, shorter than the standard asks.
"""

from collections import defaultdict
from datetime import date

from supervision.demo.history import repeatable_random
from supervision.demo.stories import STORIES
from supervision.demo.texts import IN_CARE
from supervision.models import Session, add_months

# The team that drifts, and from when: the three months before this one and this one, so the last three
# months with a balance recorded are all drifting whatever day of the month the demo is loaded.
DRIFTING_WORK = IN_CARE
DRIFT_FROM_MONTHS_AGO = 3
# Whose latest written-up session was cut short, and to how long.
SHORT_SESSION_OF = "worker3@example.org"
SHORT_MINUTES = 60
LENGTHS = (90, 90, 90, 90, 100, 105, 120)
# (support, development, mediation) as shares of the session, low and high: case management has the rest.
REFLECTIVE = ((0.20, 0.30), (0.15, 0.25), (0.05, 0.10))
DRIFTING = ((0.10, 0.15), (0.05, 0.10), (0.05, 0.05))
BALANCE_FIELDS = ("minutes_management", "minutes_support", "minutes_development", "minutes_mediation")


def _five(minutes: float) -> int:
    """To the nearest 5 minutes, as people note time."""
    return int(5 * round(minutes / 5))


def add_length_and_balance(today: date) -> int:
    """Give every written-up demo session that has no length a length and a balance (bookings and sessions
    not yet written up have neither). Returns how many sessions it filled in."""
    stories = {story.email: story for story in STORIES}
    missing = (
        Session.objects.filter(supervisee__email__in=stories, recorded_at__isnull=False, minutes__isnull=True)
        .select_related("supervisee")
        .order_by("held_on", "pk")
    )
    by_person = defaultdict(list)
    for session in missing:
        by_person[session.supervisee.email].append(session)
    drift_from = drift_starts(today)
    for email, recorded in by_person.items():
        rng = repeatable_random(f"balance {email}")
        for session in recorded:
            minutes = rng.choice(LENGTHS)
            drifting = stories[email].work == DRIFTING_WORK and session.held_on >= drift_from
            _split(session, minutes, DRIFTING if drifting else REFLECTIVE, rng)
        if email == SHORT_SESSION_OF:
            _split(recorded[-1], SHORT_MINUTES, REFLECTIVE, rng)
    filled = [session for recorded in by_person.values() for session in recorded]
    Session.objects.bulk_update(filled, [*BALANCE_FIELDS, "minutes"], batch_size=500)
    return len(filled)


def _split(session, minutes: int, shares, rng) -> None:
    support, development, mediation = (_five(minutes * rng.uniform(low, high)) for low, high in shares)
    session.minutes = minutes
    session.minutes_support = support
    session.minutes_development = development
    session.minutes_mediation = mediation
    session.minutes_management = minutes - support - development - mediation


def drift_starts(today: date) -> date:
    """The first day of the months in which the drifting team's sessions lean to case management."""
    return add_months(today.replace(day=1), -DRIFT_FROM_MONTHS_AGO)
