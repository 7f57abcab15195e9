"""A year of supervision for the demo service: agreements, sessions, actions and group sessions.

`load_demo` calls `load(today)` once the demo people exist. Every date is counted back from
`today`, so the demo always looks current. Rows are written directly, without audit entries:
this is invented history, not something anyone did in the portal. Families are named only by
their role ("the mother", "the 14-year-old") and cases only by reference.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import NamedTuple

from django.db import transaction
from django.utils import timezone

from portal.models import User
from supervision.demo.texts import (
    ACTIONS,
    ADDENDUM,
    ARRANGEMENTS,
    ASYE_CONFIDENTIALITY,
    ASYE_DEVELOPMENT,
    CASES,
    CONFIDENTIALITY,
    CYCLES,
    DISAGREEMENT,
    FAMILY_SUPPORT,
    FUNCTIONS,
    GROUP_WEEKS,
    GROUP_WEEKS_OFF,
    HYPOTHESES,
    IN_CARE,
    MANAGEMENT,
    MANAGER_NOTES,
    MAPS,
    PREPARATION_FOR_LAST,
    PREPARATION_FOR_NEXT,
    REFLECTIONS,
    SUPERVISOR_ACTIONS,
    THEMES,
)
from supervision.frames import FrameChoice
from supervision.models import (
    Action,
    Addendum,
    Agreement,
    CaseDiscussion,
    ComplexityChoice,
    Frequency,
    GroupSession,
    Preparation,
    ResponseChoice,
    Session,
    add_months,
)

FACILITATOR = "facilitator@example.org"


# Where a person's latest session has got to.
LOCKED, WAITING_FOR_SUPERVISEE, WAITING_FOR_SUPERVISOR, RECORDED, TO_WRITE_UP = (
    "locked",
    "waiting_for_supervisee",
    "waiting_for_supervisor",
    "recorded",
    "to_write_up",
)
SIGNED_OFF_AFTER = timedelta(days=14)  # sessions older than this are signed by both and locked

LOW, MIXED, HIGH = ComplexityChoice.LOW, ComplexityChoice.MIXED, ComplexityChoice.HIGH


@dataclass(frozen=True)
class Story:
    """What one person's supervision record shows. Their supervisor is their line manager."""

    email: str
    work: str
    frames: tuple[int, int, int]  # how often each frame is used: 4x4x4, Signs of Safety, systemic
    caseload: tuple[int, int] | None  # children at the first session of the year and at the latest
    complexity: tuple[str, str]  # for the first and the second half of the year
    last_held_days_ago: int
    latest: str = LOCKED
    booked: bool = False  # a session booked for the next working day
    overdue_action: bool = False  # one past action still open
    disagrees_days_ago: int | None = None  # a locked session the supervisee signed with a disagreement
    addendum_days_ago: int | None = None  # a locked session with the supervisor's addendum
    preparations: bool = False  # private notes for the booked session, and shared notes for the last one


STORIES = [
    # Assessment and Family Support, supervised by the team manager.
    # On track: next session booked for the next working day, with preparation notes; one addendum.
    Story(
        "worker@example.org",
        FAMILY_SUPPORT,
        frames=(2, 1, 1),
        caseload=(16, 18),
        complexity=(MIXED, MIXED),
        last_held_days_ago=26,
        booked=True,
        addendum_days_ago=60,
        preparations=True,
    ),
    # Court work; sessions kept slipping, now overdue, with an action overdue too.
    Story(
        "worker3@example.org",
        FAMILY_SUPPORT,
        frames=(1, 3, 1),
        caseload=(18, 19),
        complexity=(HIGH, HIGH),
        last_held_days_ago=45,
        overdue_action=True,
    ),
    # Part-time, caseload rising all year; disagreed with the record about it; latest awaits her signature.
    Story(
        "worker4@example.org",
        FAMILY_SUPPORT,
        frames=(1, 1, 2),
        caseload=(15, 24),
        complexity=(MIXED, HIGH),
        last_held_days_ago=10,
        latest=WAITING_FOR_SUPERVISEE,
        overdue_action=True,
        disagrees_days_ago=90,
    ),
    # In systemic training; latest session written up, not yet signed.
    Story(
        "worker5@example.org",
        FAMILY_SUPPORT,
        frames=(1, 1, 3),
        caseload=(14, 17),
        complexity=(MIXED, MIXED),
        last_held_days_ago=3,
        latest=RECORDED,
    ),
    # Newly qualified: weekly, then fortnightly, with a protected caseload; latest not yet written up.
    Story(
        "worker6@example.org",
        FAMILY_SUPPORT,
        frames=(3, 1, 1),
        caseload=(5, 10),
        complexity=(LOW, LOW),
        last_held_days_ago=2,
        latest=TO_WRITE_UP,
    ),
    # The team manager, supervised by the service manager.
    Story(
        "supervisor@example.org",
        MANAGEMENT,
        frames=(1, 0, 0),
        caseload=None,
        complexity=("", ""),
        last_held_days_ago=17,
    ),
    # Children in Care and Care Leavers.
    # Newly qualified; signed her latest record, which waits for her supervisor.
    Story(
        "worker2@example.org",
        IN_CARE,
        frames=(2, 1, 1),
        caseload=(6, 11),
        complexity=(LOW, MIXED),
        last_held_days_ago=9,
        latest=WAITING_FOR_SUPERVISOR,
    ),
    # A little overdue.
    Story(
        "worker7@example.org",
        IN_CARE,
        frames=(1, 1, 2),
        caseload=(20, 21),
        complexity=(MIXED, MIXED),
        last_held_days_ago=38,
    ),
    # Experienced and steady.
    Story(
        "worker8@example.org",
        IN_CARE,
        frames=(2, 0, 2),
        caseload=(19, 21),
        complexity=(MIXED, HIGH),
        last_held_days_ago=20,
    ),
]


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
            histories = [_History(story, people[story.email], today) for story in STORIES]
            agreements, sessions = _save(histories)
        facilitator = people[FACILITATOR]
        if not GroupSession.objects.filter(facilitator=facilitator).exists():
            attendees = [people[story.email] for story in STORIES if story.work != MANAGEMENT]
            group_sessions = _save_group_sessions(facilitator, attendees, today)
    return Loaded(agreements, sessions, group_sessions)


# --- Helpers ------------------------------------------------------------------------------


def _rng(seed: str) -> random.Random:
    return random.Random(seed)  # noqa: S311 - repeatable demo content, not security


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _working_day(day: date, *, forward: bool = False) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1 if forward else -1)
    return day


class _Deck:
    """Deals texts in a shuffled order, so one person's record repeats nothing until every text is used."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.piles: dict[str, list] = {}

    def deal(self, name: str, texts: list):
        if not self.piles.get(name):
            self.piles[name] = list(texts)
            self.rng.shuffle(self.piles[name])
        return self.piles[name].pop()


class _History:
    """One person's agreement and year of sessions, built in memory and saved by `_save`."""

    def __init__(self, story: Story, person, today: date):
        self.story, self.person, self.today = story, person, today
        self.rng = _rng(story.email)
        self.deck = _Deck(self.rng)
        self.sessions, self.discussions, self.actions, self.addenda, self.preparations = [], [], [], [], []

        year_ago = _working_day(add_months(today, -12) - timedelta(days=self.rng.randint(2, 8)))
        last = _working_day(today - timedelta(days=story.last_held_days_ago))
        if person.is_newly_qualified:
            starts_on = min(person.start_date or year_ago, last)
            first = max(_working_day(starts_on + timedelta(days=self.rng.randint(1, 3)), forward=True), year_ago)
        else:
            starts_on = first = year_ago
        self.agreement = self._agreement(starts_on)
        self.cases = [f"CS-{number}" for number in self.rng.sample(range(10100, 19900), 12)]

        days = self._session_days(min(first, last), last)
        disagrees_on = self._signed_off_nearest(days, story.disagrees_days_ago)
        addendum_on = self._signed_off_nearest(days, story.addendum_days_ago)
        for index, day in enumerate(days):
            self._session(day, index, len(days), disagrees=day == disagrees_on, addendum=day == addendum_on)
        last_held = self.sessions[-1]
        if story.booked:
            booked = Session(
                supervisee=person,
                supervisor=person.line_manager,
                held_on=_working_day(today + timedelta(days=1), forward=True),
                frame=FrameChoice.INTEGRATED,
                created_at=_at(last, 15, 20),
            )
            self.sessions.append(booked)
            if story.preparations:
                self._preparations(booked, last_held)
        if story.overdue_action:
            self._leave_one_action_overdue()

    def _agreement(self, starts_on: date) -> Agreement:
        asye = self.person.is_newly_qualified
        return Agreement(
            supervisee=self.person,
            supervisor=self.person.line_manager,
            starts_on=starts_on,
            frequency=Frequency.ASYE if asye else Frequency.MONTHLY,
            arrangements=ARRANGEMENTS["asye" if asye else self.story.work],
            confidentiality=CONFIDENTIALITY + (ASYE_CONFIDENTIALITY if asye else ""),
            supervisor_signed_at=_at(starts_on, 11, 30),
            supervisee_signed_at=_at(starts_on + timedelta(days=1), 9, 15),
            created_at=_at(starts_on, 10, 5),
        )

    def _session_days(self, first: date, last: date) -> list[date]:
        """Working days from `first` to `last`, about as often as the agreement asks, give or take."""
        days = [first]
        gap = 0
        while True:
            due = self.agreement.interval_ends(days[-1])
            gap = (due - days[-1]).days
            slack = max(1, gap // 7)
            following = _working_day(due + timedelta(days=self.rng.randint(-slack, slack)))
            if following > last:
                break
            days.append(following)
        if days[-1] != last:
            if len(days) > 1 and (last - days[-1]).days < gap / 2:
                days[-1] = last
            else:
                days.append(last)
        return days

    def _signed_off_nearest(self, days: list[date], days_ago: int | None) -> date | None:
        """The signed-off session nearest to `days_ago` days before today, if asked for."""
        signed_off = [day for day in days if day <= self.today - SIGNED_OFF_AFTER]
        if days_ago is None or not signed_off:
            return None
        return min(signed_off, key=lambda day: abs((self.today - day).days - days_ago))

    def _session(self, day: date, index: int, count: int, *, disagrees: bool, addendum: bool) -> None:
        story, rng = self.story, self.rng
        if index == count - 1:
            state = story.latest
        elif day <= self.today - SIGNED_OFF_AFTER:
            state = LOCKED
        else:
            state = WAITING_FOR_SUPERVISEE
        session = Session(
            supervisee=self.person,
            supervisor=self.person.line_manager,
            held_on=day,
            created_at=_at(day - timedelta(days=rng.randint(14, 28)), 9, rng.randint(0, 59)),
        )
        self.sessions.append(session)
        session.frame = rng.choices(list(FrameChoice), weights=story.frames)[0]
        if state == TO_WRITE_UP:
            return

        if disagrees:
            session.frame = FrameChoice.INTEGRATED
        if story.caseload:
            start, end = story.caseload
            trend = start + (end - start) * index / max(count - 1, 1)
            session.caseload_children = max(1, round(trend) + rng.choice((-1, 0, 0, 1)))
        session.caseload_complexity = story.complexity[0 if index < count / 2 else 1]
        session.notes, session.scale = self._notes(session)
        if disagrees:
            session.notes["management"] = DISAGREEMENT["management"].format(caseload=session.caseload_children)

        # Timestamps run forward from the session, and stay before today.
        yesterday = self.today - timedelta(days=1)
        recorded_on = min(day + timedelta(days=rng.randint(0, 2)), yesterday)
        session.recorded_at = _at(recorded_on, 14, rng.randint(0, 59))
        supervisor_signs = _at(min(recorded_on + timedelta(days=rng.randint(1, 3)), yesterday), 16, rng.randint(0, 59))
        supervisee_signs = _at(min(recorded_on + timedelta(days=rng.randint(1, 4)), yesterday), 17, rng.randint(0, 59))
        if state in (LOCKED, WAITING_FOR_SUPERVISEE, WAITING_FOR_SUPERVISOR) and rng.random() < 0.85:
            session.supervisee_reflection = self.deck.deal("reflection", REFLECTIONS)
        if state in (LOCKED, WAITING_FOR_SUPERVISEE):
            session.supervisor_signed_at = supervisor_signs
        if state in (LOCKED, WAITING_FOR_SUPERVISOR):
            session.supervisee_signed_at = supervisee_signs
            session.supervisee_response = ResponseChoice.AGREE
        if state == LOCKED:
            session.locked_at = max(supervisor_signs, supervisee_signs)
        if disagrees:
            session.supervisee_response = ResponseChoice.DISAGREE
            session.supervisee_comment = DISAGREEMENT["comment"]

        self._discussions_and_actions(session, index)
        if addendum:
            case = self.discussions[-1].case_reference if self.discussions else "this family"
            self.addenda.append(
                Addendum(
                    session=session,
                    author=self.person.line_manager,
                    text=ADDENDUM.format(case=case),
                    created_at=session.locked_at + timedelta(days=3),
                )
            )

    def _notes(self, session: Session) -> tuple[dict, int | None]:
        work, deal, rng = self.story.work, self.deck.deal, self.rng
        context = {"caseload": session.caseload_children}
        if work == MANAGEMENT:
            keys = ["experience", "reflection", "management", *rng.sample(["development", "support", "mediation"], 2)]
            return {key: deal(f"manager {key}", MANAGER_NOTES[key]) for key in keys}, None
        if session.frame == FrameChoice.SIGNS_OF_SAFETY:
            chosen = dict(deal("map", MAPS[work]))
            scale = min(10, max(0, chosen.pop("scale") + rng.choice((-1, 0, 0, 1))))
            return {key: text.format(scale=scale) for key, text in chosen.items()}, scale
        if session.frame == FrameChoice.SYSTEMIC:
            return dict(deal("hypotheses", HYPOTHESES[work])), None
        notes = dict(deal("cycle", CYCLES[work]))
        functions = ["management"] if rng.random() < 0.8 else []
        functions += rng.sample(["development", "support", "mediation"], rng.randint(1, 2))
        for key in functions:
            texts = ASYE_DEVELOPMENT if key == "development" and self.person.is_newly_qualified else FUNCTIONS[key]
            notes[key] = deal(key, texts).format(**context)
        return notes, None

    def _discussions_and_actions(self, session: Session, index: int) -> None:
        work, rng = self.story.work, self.rng
        talked_about = rng.randint(0, 1) if work == MANAGEMENT else rng.randint(1, 2)
        # Cases come and go over the year: each session draws on the four then open.
        open_cases = self.cases[index // 3 : index // 3 + 4]
        for reference in rng.sample(open_cases, talked_about):
            discussion, decisions = self.deck.deal("case", CASES[work])
            self.discussions.append(
                CaseDiscussion(
                    session=session,
                    case_reference=reference,
                    discussion=discussion,
                    decisions=decisions,
                    created_at=session.recorded_at,
                )
            )
        for _ in range(rng.randint(1, 2)):
            by_supervisor = rng.random() < 0.2
            owner = self.person.line_manager if by_supervisor else self.person
            texts = SUPERVISOR_ACTIONS[work] if by_supervisor else ACTIONS[work]
            due_on = _working_day(session.held_on + timedelta(days=rng.randint(7, 28)))
            completed_on = None
            if due_on < self.today:
                completed_on = max(session.held_on + timedelta(days=1), due_on - timedelta(days=rng.randint(0, 5)))
            self.actions.append(
                Action(
                    session=session,
                    description=self.deck.deal("supervisor action" if by_supervisor else "action", texts),
                    owner=owner,
                    due_on=due_on,
                    completed_on=completed_on,
                    created_at=session.recorded_at,
                )
            )

    def _leave_one_action_overdue(self) -> None:
        """The supervisee's most recent action that fell due a few days ago or more stays open."""
        cutoff = self.today - timedelta(days=3)
        past = [action for action in self.actions if action.owner == self.person and action.due_on < cutoff]
        if past:
            max(past, key=lambda action: action.due_on).completed_on = None

    def _preparations(self, booked: Session, last: Session) -> None:
        self.preparations.append(
            Preparation(
                author=self.person,
                session=last,
                shared_at=_at(last.held_on - timedelta(days=1), 16, 40),
                created_at=_at(last.held_on - timedelta(days=3), 12, 10),
                updated_at=_at(last.held_on - timedelta(days=1), 16, 35),
                **PREPARATION_FOR_LAST,
            )
        )
        written = self.today - timedelta(days=1)
        self.preparations.append(
            Preparation(
                author=self.person,
                session=booked,
                created_at=_at(written - timedelta(days=2), 13, 5),
                updated_at=_at(written, 17, 50),
                **PREPARATION_FOR_NEXT,
            )
        )


def _save(histories: list[_History]) -> tuple[int, int]:
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
    rng = _rng("group sessions")
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
            created_at=_at(day, 17, 30),
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
