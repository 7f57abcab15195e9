"""A year of supervision for the demo service: agreements, sessions, actions and group sessions.

`load_demo` calls `load(today)` once the demo people exist. Every date is counted back from
`today`, so the demo always looks current. Rows are written directly, without audit entries:
this is invented history, not something anyone did in the portal. Families are named only by
their role ("the mother", "the 14-year-old") and cases only by reference.
"""

from datetime import date, timedelta
from decimal import Decimal
from typing import NamedTuple

from django.db import transaction

from portal.models import User
from supervision.demo import case_decisions
from supervision.demo.balance import add_length_and_balance
from supervision.demo.history import History, at, repeatable_random
from supervision.demo.stories import FACILITATOR, STORIES
from supervision.demo.texts import GROUP_WEEKS, GROUP_WEEKS_OFF, MANAGEMENT, THEMES
from supervision.models import Action, Addendum, Agreement, CaseDiscussion, GroupSession, Preparation, Session


class Loaded(NamedTuple):
    agreements: int
    sessions: int
    group_sessions: int


def load(today: date) -> Loaded:
    """Add the demo supervision history as it would look on `today`. Adds nothing that is already there."""
    emails = [story.email for story in STORIES]
    with transaction.atomic():
        people = User.objects.select_related("line_manager").in_bulk([*emails, FACILITATOR], field_name="email")
        agreements = sessions = group_sessions = 0
        if not (
            Agreement.objects.filter(supervisee__email__in=emails).exists()
            or Session.objects.filter(supervisee__email__in=emails).exists()
        ):
            histories = [History(story, people[story.email], today) for story in STORIES]
            agreements, sessions = _save(histories)
        facilitator = people[FACILITATOR]
        if not GroupSession.objects.filter(facilitator=facilitator).exists():
            attendees = [people[story.email] for story in STORIES if story.work != MANAGEMENT]
            group_sessions = _save_group_sessions(facilitator, attendees, today)
        add_length_and_balance(today)
        case_decisions.load(today)
    return Loaded(agreements, sessions, group_sessions)


def _save(histories: list[History]) -> tuple[int, int]:
    """Write every history in a handful of queries. Returns (agreements, sessions) added."""
    agreements = Agreement.objects.bulk_create([history.agreement for history in histories])
    sessions = Session.objects.bulk_create([session for history in histories for session in history.sessions])
    # Sessions have primary keys now, so the rows hanging off them can be saved.
    CaseDiscussion.objects.bulk_create([row for history in histories for row in history.discussions])
    Action.objects.bulk_create([row for history in histories for row in history.actions])
    Addendum.objects.bulk_create([row for history in histories for row in history.addenda])
    Preparation.objects.bulk_create([row for history in histories for row in history.preparations])
    return len(agreements), len(sessions)


def _save_group_sessions(facilitator, people: list, today: date) -> int:
    """A group session every Thursday afternoon for the last six months, less the weeks off."""
    rng = repeatable_random("group sessions")
    thursday = today - timedelta(days=1)
    while thursday.weekday() != 3:
        thursday -= timedelta(days=1)
    days = [thursday - timedelta(weeks=week) for week in range(GROUP_WEEKS) if week not in GROUP_WEEKS_OFF]
    days.reverse()
    group_sessions, attendance = [], []
    for day, (theme, learning_points) in zip(days, THEMES, strict=False):
        group_session = GroupSession(
            facilitator=facilitator,
            held_on=day,
            theme=theme,
            hours=Decimal("3.5"),
            learning_points=learning_points,
            created_at=at(day, 17, 30),
        )
        group_sessions.append(group_session)
        here = [person for person in people if not person.start_date or person.start_date <= day]
        attendance.append(rng.sample(here, min(len(here), rng.randint(3, 6))))
    GroupSession.objects.bulk_create(group_sessions)
    Attendance = GroupSession.attendees.through  # noqa: N806 - a model class
    Attendance.objects.bulk_create(
        Attendance(groupsession_id=group_session.pk, user_id=person.pk)
        for group_session, attendees in zip(group_sessions, attendance, strict=True)
        for person in attendees
    )
    return len(group_sessions)
