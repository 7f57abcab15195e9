"""Reads for a person's own supervision pages. The managers' figures live in `supervision.dashboard`."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Max, Min, Prefetch, Q

from practice_guide.models import GuidePart, Kind
from supervision import access
from supervision.models import Action, Addendum, Agreement, Session


@dataclass(frozen=True)
class DueState:
    """Where someone stands against their agreement: when the next session is due, and how late it is."""

    next_due: date | None
    booked_on: date | None
    days_overdue: int

    @property
    def label(self) -> str:
        if self.next_due is None:
            return "No agreement"
        if self.days_overdue > 0:
            return f"Overdue by {self.days_overdue} day{'s' if self.days_overdue != 1 else ''}"
        return "On track"

    @property
    def is_overdue(self) -> bool:
        return self.days_overdue > 0


def due_state(agreement: Agreement | None, last_held: date | None, booked_on: date | None, today: date) -> DueState:
    if agreement is None:
        return DueState(None, booked_on, 0)
    next_due = agreement.next_due(last_held)
    return DueState(next_due, booked_on, max(0, (today - next_due).days))


def _with_session_dates(agreements, today: date):
    """Annotate agreements with the supervisee's last held session and next booking, in the same query."""
    return agreements.annotate(
        last_held=Max(
            "supervisee__supervision_sessions__held_on",
            filter=Q(supervisee__supervision_sessions__held_on__lte=today),
        ),
        next_booked=Min(
            "supervisee__supervision_sessions__held_on",
            filter=Q(supervisee__supervision_sessions__held_on__gt=today),
        ),
    )


@dataclass
class Overview:
    agreement: Agreement | None
    due: DueState
    next_session: Session | None
    recent_sessions: list
    open_actions: list
    preparations: list
    awaiting_my_signature: int


def overview_for(user, today: date) -> Overview:
    """A person's own supervision: agreement, next session, history, actions, notes. A fixed number of queries."""
    agreement = (
        _with_session_dates(access.agreements_for(user).current().filter(supervisee=user), today)
        .select_related("supervisor")
        .first()
    )
    own_sessions = access.sessions_for(user).filter(supervisee=user).select_related("supervisor")
    next_session = own_sessions.filter(held_on__gte=today, recorded_at__isnull=True).order_by("held_on").first()
    recent = list(own_sessions.filter(held_on__lte=today).order_by("-held_on")[:12])
    actions = list(
        access.actions_for(user).open().filter(owner=user).select_related("session").order_by("due_on", "pk")
    )
    preparations = list(
        access.preparations_for(user).filter(author=user).select_related("session", "session__supervisor")[:10]
    )
    awaiting = own_sessions.filter(
        recorded_at__isnull=False, locked_at__isnull=True, supervisee_signed_at__isnull=True
    ).count()
    due = due_state(
        agreement,
        agreement.last_held if agreement else None,
        next_session.held_on if next_session else None,
        today,
    )
    return Overview(agreement, due, next_session, recent, actions, preparations, awaiting)


@dataclass
class SuperviseeRow:
    agreement: Agreement
    due: DueState
    last_held: date | None
    to_sign: int
    open_actions: int


def supervisees_of(user, today: date) -> list[SuperviseeRow]:
    """The people `user` supervises now, most overdue first. Three queries whatever their number."""
    agreements = list(
        _with_session_dates(access.agreements_for(user).current().filter(supervisor=user), today).select_related(
            "supervisee", "supervisee__team"
        )
    )
    supervisee_ids = [agreement.supervisee_id for agreement in agreements]
    to_sign = dict(
        access.sessions_for(user)
        .filter(
            supervisor=user,
            supervisee_id__in=supervisee_ids,
            locked_at__isnull=True,
            supervisor_signed_at__isnull=True,
            recorded_at__isnull=False,
        )
        .values_list("supervisee_id")
        .annotate(count=Count("pk"))
    )
    open_actions = dict(
        access.actions_for(user)
        .open()
        .filter(session__supervisee_id__in=supervisee_ids, session__supervisor=user)
        .values_list("session__supervisee_id")
        .annotate(count=Count("pk"))
    )
    rows = [
        SuperviseeRow(
            agreement,
            due_state(agreement, agreement.last_held, agreement.next_booked, today),
            agreement.last_held,
            to_sign.get(agreement.supervisee_id, 0),
            open_actions.get(agreement.supervisee_id, 0),
        )
        for agreement in agreements
    ]
    return sorted(rows, key=lambda row: (-row.due.days_overdue, row.agreement.supervisee.full_name))


def sessions_led_by(user, supervisee_id: int | None = None):
    sessions = access.sessions_for(user).filter(supervisor=user).select_related("supervisee")
    if supervisee_id:
        sessions = sessions.filter(supervisee_id=supervisee_id)
    return sessions.order_by("-held_on", "-pk")


def _published_tools() -> Prefetch:
    """A session's handbook tools whose pages staff can read now, as `published_tools`, in the handbook's order."""
    return Prefetch(
        "tools",
        queryset=GuidePart.objects.handbook()
        .filter(kind=Kind.TOOL, published__isnull=False)
        .select_related("published")
        .order_by("position", "pk"),
        to_attr="published_tools",
    )


def session_page(user, pk: int) -> Session:
    """One session with everything shown on its page, in a fixed number of queries. Raises DoesNotExist."""
    return (
        access.sessions_for(user)
        .select_related("supervisee", "supervisor")
        .prefetch_related(
            "case_discussions",
            Prefetch("actions", queryset=Action.objects.select_related("owner")),
            Prefetch("addenda", queryset=Addendum.objects.select_related("author")),
            Prefetch("preparations", queryset=access.preparations_for(user).select_related("author")),
            _published_tools(),
        )
        .get(pk=pk)
    )


def whole_record_of(user):
    """Everything held about `user` as a supervisee, for their own printable record."""
    sessions = (
        access.sessions_for(user)
        .filter(supervisee=user)
        .select_related("supervisor")
        .prefetch_related(
            "case_discussions",
            Prefetch("actions", queryset=Action.objects.select_related("owner")),
            Prefetch("addenda", queryset=Addendum.objects.select_related("author")),
            _published_tools(),
        )
        .order_by("-held_on", "-pk")
    )
    return {
        "agreements": list(access.agreements_for(user).filter(supervisee=user).select_related("supervisor")),
        "sessions": list(sessions),
        "preparations": list(access.preparations_for(user).filter(author=user).select_related("session")),
        "critical_reflections": list(access.critical_reflections_for(user).filter(author=user)),
        "group_sessions": list(
            access.group_sessions_for(user).filter(attendees=user).select_related("facilitator").order_by("-held_on")
        ),
    }


def group_sessions_for_list(user):
    return (
        access.group_sessions_for(user)
        .select_related("facilitator")
        .annotate(attendee_count=Count("attendees", distinct=True))
        .order_by("-held_on", "-pk")
    )


def preparations_for_session_choice(user, today: date):
    """The booked sessions a supervisee may link preparation notes to."""
    return (
        access.sessions_for(user)
        .filter(supervisee=user, held_on__gte=today, locked_at__isnull=True)
        .select_related("supervisor")
        .order_by("held_on")
    )
