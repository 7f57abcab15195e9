"""One person's year of supervision for the demo, built in memory from their story: the agreement, the
sessions with their notes, case discussions and actions, an addendum, a disagreement and preparation notes.

Texts are dealt from `texts` in a shuffled but repeatable order (seeded by the person's email), so the demo
is the same every time it is loaded on the same day.
"""

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from supervision.demo.stories import (
    LOCKED,
    TO_WRITE_UP,
    WAITING_FOR_SUPERVISEE,
    WAITING_FOR_SUPERVISOR,
    Story,
)
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
    FUNCTIONS,
    HYPOTHESES,
    MANAGEMENT,
    MANAGER_NOTES,
    MAPS,
    PREPARATION_FOR_LAST,
    PREPARATION_FOR_NEXT,
    REFLECTIONS,
    SUPERVISOR_ACTIONS,
)
from supervision.frames import FrameChoice
from supervision.models import (
    Action,
    Addendum,
    Agreement,
    CaseDiscussion,
    Frequency,
    Preparation,
    ResponseChoice,
    Session,
    add_months,
)

SIGNED_OFF_AFTER = timedelta(days=14)  # sessions older than this are signed by both and locked


def repeatable_random(seed: str) -> random.Random:
    return random.Random(seed)  # noqa: S311 - repeatable demo content, not security


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def working_day(day: date, *, forward: bool = False) -> date:
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


class History:
    """One person's agreement and year of sessions, built in memory and saved by `load` (in `supervision.demo`)."""

    def __init__(self, story: Story, person, today: date):
        self.story, self.person, self.today = story, person, today
        self.rng = repeatable_random(story.email)
        self.deck = _Deck(self.rng)
        self.sessions, self.discussions, self.actions, self.addenda, self.preparations = [], [], [], [], []

        year_ago = working_day(add_months(today, -12) - timedelta(days=self.rng.randint(2, 8)))
        last = working_day(today - timedelta(days=story.last_held_days_ago))
        if person.is_newly_qualified:
            starts_on = min(person.start_date or year_ago, last)
            first = max(working_day(starts_on + timedelta(days=self.rng.randint(1, 3)), forward=True), year_ago)
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
                held_on=working_day(today + timedelta(days=1), forward=True),
                frame=FrameChoice.INTEGRATED,
                created_at=at(last, 15, 20),
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
            supervisor_signed_at=at(starts_on, 11, 30),
            supervisee_signed_at=at(starts_on + timedelta(days=1), 9, 15),
            created_at=at(starts_on, 10, 5),
        )

    def _session_days(self, first: date, last: date) -> list[date]:
        """Working days from `first` to `last`, about as often as the agreement asks, give or take."""
        days = [first]
        gap = 0
        while True:
            due = self.agreement.interval_ends(days[-1])
            gap = (due - days[-1]).days
            slack = max(1, gap // 7)
            following = working_day(due + timedelta(days=self.rng.randint(-slack, slack)))
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
            created_at=at(day - timedelta(days=rng.randint(14, 28)), 9, rng.randint(0, 59)),
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
        session.recorded_at = at(recorded_on, 14, rng.randint(0, 59))
        supervisor_signs = at(min(recorded_on + timedelta(days=rng.randint(1, 3)), yesterday), 16, rng.randint(0, 59))
        supervisee_signs = at(min(recorded_on + timedelta(days=rng.randint(1, 4)), yesterday), 17, rng.randint(0, 59))
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
            due_on = working_day(session.held_on + timedelta(days=rng.randint(7, 28)))
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
                shared_at=at(last.held_on - timedelta(days=1), 16, 40),
                created_at=at(last.held_on - timedelta(days=3), 12, 10),
                updated_at=at(last.held_on - timedelta(days=1), 16, 35),
                **PREPARATION_FOR_LAST,
            )
        )
        written = self.today - timedelta(days=1)
        self.preparations.append(
            Preparation(
                author=self.person,
                session=booked,
                created_at=at(written - timedelta(days=2), 13, 5),
                updated_at=at(written, 17, 50),
                **PREPARATION_FOR_NEXT,
            )
        )
