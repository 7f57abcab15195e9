"""Leavers: what needs a new home when someone leaves, and handing all of it over in one step.

The portal does not import the feature apps. Each app that holds work a leaver leaves behind
contributes a handover step, registered from its AppConfig.ready() with ``register_handover``.
A step offers:

- ``summary(person, today)``: a list of ``Pending`` items, what the leaver page shows;
- ``hand_over(person, *, to, on, by, close_actions)``: moves or ends that work, and returns a list of
  ``Moved`` entries for the audit trail. It is called inside the one transaction of
  ``record_leaver``, and must change nothing when there is nothing left to move, so that
  running the handover again changes nothing.

The portal's own step, line reports, is built in.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Protocol

from django.db import transaction
from django.utils import timezone

from portal import audit
from portal.models import AuditEvent, AuditKind, User
from portal.roles import Role


@dataclass(frozen=True)
class Pending:
    """Something of the leaver's that needs a new home, as the leaver page lists it."""

    title: str
    names: list[str]
    outcome: str
    # People who would get the named successor as supervisor or line manager: the successor cannot be one.
    people: frozenset[int] = field(default_factory=frozenset)
    needs_successor: bool = True
    # The administrator may close these instead of moving them (open actions).
    closable: bool = False

    @property
    def count(self) -> int:
        return len(self.names)


@dataclass(frozen=True)
class Moved:
    """One thing that moved, for the audit trail: ``what`` went from ``before`` to ``after``."""

    what: str
    before: str
    after: str


class HandoverStep(Protocol):
    key: str

    def summary(self, person: User, today: date) -> list[Pending]: ...

    def hand_over(self, person: User, *, to: User | None, on: date, by: User, close_actions: bool) -> list[Moved]: ...


_registered: dict[str, HandoverStep] = {}


def register_handover(step: HandoverStep) -> None:
    """Add an app's handover step. Keyed, so a second registration of the same step replaces the first."""
    _registered[step.key] = step


def handover_steps() -> list[HandoverStep]:
    return [*_registered.values(), LINE_REPORTS]


class HandoverError(Exception):
    """The handover cannot be done as asked. ``field`` names the form field the message belongs to."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field, self.message = field, message


def _names(people) -> str:
    return ", ".join(person.full_name for person in people)


# --- The portal's own step: line reports ----------------------------------------------------


class LineReportsHandover:
    key = "line_reports"

    def _reports(self, person):
        return list(User.objects.filter(line_manager=person).order_by("full_name", "pk"))

    def summary(self, person, today):
        reports = self._reports(person)
        if not reports:
            return []
        return [
            Pending(
                "Line reports",
                [report.full_name for report in reports],
                "Their line manager becomes the person you name.",
                people=frozenset(report.pk for report in reports),
            )
        ]

    def hand_over(self, person, *, to, on, by, close_actions):
        reports = self._reports(person)
        if not reports:
            return []
        User.objects.filter(pk__in=[report.pk for report in reports]).update(line_manager=to)
        now = timezone.now()
        AuditEvent.objects.bulk_create(
            audit.event(
                AuditKind.PERSON_CHANGED,
                actor=by,
                subject=report,
                at=now,
                summary=f"Line manager changed because {person.full_name} is leaving",
                changes={"line_manager": [person.full_name, to.full_name]},
            )
            for report in reports
        )
        return [Moved(f"Line manager of {_names(reports)}", person.full_name, to.full_name)]


LINE_REPORTS = LineReportsHandover()


# --- Reads and checks -------------------------------------------------------------------------


def what_needs_a_new_home(person: User, today: date) -> list[Pending]:
    return [item for step in handover_steps() for item in step.summary(person, today)]


def possible_successors(person: User, people):
    """People in ``people`` (the administrator's scope) who may take over: supervisors who are staying."""
    return (
        people.filter(groups__name=Role.SUPERVISOR, is_active=True, leaving_date__isnull=True)
        .exclude(pk=person.pk)
        .select_related("team")
        .order_by("full_name")
        .distinct()
    )


# How far back a leaving date may go. HR often hears of a leaver late (a resignation that reaches payroll at
# the month's end, a fixed-term contract nobody flagged), so a leaving date some weeks past is real; a quarter
# of a year covers that lag. Anything older is almost always a typing slip (the wrong year), and it would end
# agreements and move work as if months had passed.
MAX_DAYS_BACK = 90


def not_staying(person: User, today: date) -> str | None:
    """Why ``person`` cannot take on someone else's people or work (as their line manager, or as a leaver's
    successor): they have left, are leaving, or their account is closed. None if they are staying.

    The one rule for the change and add forms, the import and the leaver page, so they all agree."""
    if person.leaving_date is not None:
        when = "left on" if person.has_left(today) else "is leaving on"
        return f"{person.full_name} {when} {person.leaving_date:%-d %B %Y}: choose someone who is staying"
    if not person.is_active:
        return f"{person.full_name}’s account is closed: choose someone who is staying"
    return None


def check_handover(
    person: User, *, to: User | None, on: date, pending: list[Pending], by: User, today: date | None = None
) -> None:
    """Raise HandoverError, naming the field and saying what to do, if the handover cannot be done."""
    today = today or timezone.localdate()
    if person.pk == by.pk:
        raise HandoverError("leaving_date", "You cannot record your own leaving: ask another people administrator")
    if person.start_date and on < person.start_date:
        raise HandoverError(
            "leaving_date",
            f"The leaving date must be on or after {person.full_name}’s start date, {person.start_date:%-d %B %Y}",
        )
    earliest = today - timedelta(days=MAX_DAYS_BACK)
    # A date already recorded may stay as it is, so that handing over again still works.
    if on < earliest and on != person.leaving_date:
        raise HandoverError(
            "leaving_date",
            f"The leaving date cannot be more than {MAX_DAYS_BACK} days ago: enter a date on or after "
            f"{earliest:%-d %B %Y}, or check the year",
        )
    if to is None:
        if any(item.needs_successor for item in pending):
            raise HandoverError(
                "successor", f"Choose who takes over {person.full_name}’s supervisees, actions and line reports"
            )
        return
    if to.pk == person.pk:
        raise HandoverError("successor", f"Choose someone other than {person.full_name}")
    problem = not_staying(to, today)
    if problem:
        raise HandoverError("successor", problem)
    if not to.groups.filter(name=Role.SUPERVISOR).exists():
        raise HandoverError("successor", f"{to.full_name} is not a supervisor: choose someone with the Supervisor role")
    if any(to.pk in item.people for item in pending):
        raise HandoverError(
            "successor",
            f"{to.full_name} is supervised or line-managed by {person.full_name}: choose someone else, "
            f"or give {to.full_name} a new supervisor and line manager first",
        )


# --- The one write ----------------------------------------------------------------------------


@transaction.atomic
def record_leaver(
    person: User, *, on: date, to: User | None, close_actions: bool, by: User, request=None, today: date | None = None
) -> list[Moved]:
    """Record ``person``'s leaving date and hand everything over, all in one transaction.

    Their current supervision agreement ends on ``on``; their supervisees get draft agreements
    with ``to``; their open actions move to ``to`` or close; their line reports move to ``to``;
    their future training bookings are cancelled. Doing it again changes nothing.
    """
    today = today or timezone.localdate()
    person = User.objects.select_for_update().get(pk=person.pk)
    check_handover(person, to=to, on=on, pending=what_needs_a_new_home(person, today), by=by, today=today)
    if person.leaving_date != on:
        before = person.leaving_date
        person.leaving_date = on
        person.save(update_fields=["leaving_date"])
        audit.record(
            AuditKind.LEAVER_RECORDED,
            actor=by,
            subject=person,
            request=request,
            summary=f"Leaving on {on:%-d %B %Y}",
            changes={"leaving_date": [before.isoformat() if before else "", on.isoformat()]},
        )
    moved = [
        entry
        for step in handover_steps()
        for entry in step.hand_over(person, to=to, on=on, by=by, close_actions=close_actions)
    ]
    if moved:
        audit.record(
            AuditKind.LEAVER_HANDED_OVER,
            actor=by,
            subject=person,
            request=request,
            summary=f"Work handed over to {to.full_name}" if to else "Work handed over",
            changes={entry.what[:200]: [entry.before, entry.after] for entry in moved},
        )
    return moved


# --- On the leaving date ----------------------------------------------------------------------


@transaction.atomic
def close_leavers_accounts(today: date) -> list[User]:
    """Close the account of everyone whose leaving date has come. Running it again closes nobody twice."""
    leavers = list(
        User.objects.select_for_update().filter(is_active=True, leaving_date__lte=today).order_by("full_name", "pk")
    )
    if not leavers:
        return []
    User.objects.filter(pk__in=[person.pk for person in leavers]).update(is_active=False)
    now = timezone.now()
    AuditEvent.objects.bulk_create(
        audit.event(
            AuditKind.ACCOUNT_CLOSED,
            subject=person,
            at=now,
            summary=f"Left on {person.leaving_date:%-d %B %Y}",
            changes={"is_active": [True, False]},
        )
        for person in leavers
    )
    return leavers
