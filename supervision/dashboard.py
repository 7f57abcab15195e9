"""Reads for the managers' supervision dashboard: dates, counts and caseloads, never reflective content.

The people come only from `access.managed_people_for`. Everything on the page comes from a fixed
number of queries, however many people or sessions there are: the per-person session figures are
subqueries on one query of people, current agreements arrive in one prefetch, open actions are
counted in one grouped query, and the caseload chart is one aggregate query. Where the chart's
bars go is worked out in `dashboard_chart`.
"""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import (
    Avg,
    Count,
    Exists,
    F,
    IntegerField,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber, TruncMonth

from portal.models import Team
from portal.roles import Role
from supervision import access
from supervision.dashboard_chart import Chart, caseload_chart
from supervision.models import Action, Agreement, Session, add_months

User = get_user_model()

PERIOD_MONTHS = (3, 6, 12, 24)
DEFAULT_PERIOD_MONTHS = 12
DUE_SOON_DAYS = 7


@dataclass(frozen=True)
class DashboardFilters:
    team_id: int | None = None
    supervisor_id: int | None = None
    months: int = DEFAULT_PERIOD_MONTHS


def period_start(today: date, months: int) -> date:
    """The first day of the period: whole calendar months, the current one included (so the chart
    has one bar a month and the session counts cover the same days)."""
    return add_months(today.replace(day=1), -(months - 1))


# --- Who is on the dashboard ----------------------------------------------------------------


def people_in_scope(user) -> QuerySet:
    """The social workers and current supervisees among the people `user` manages."""
    is_social_worker = Exists(
        User.groups.through.objects.filter(user_id=OuterRef("pk"), group__name=Role.SOCIAL_WORKER)
    )
    is_supervisee = Exists(Agreement.objects.current().filter(supervisee_id=OuterRef("pk")))
    return access.managed_people_for(user).filter(Q(is_social_worker) | Q(is_supervisee))


def filter_choices(user) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(teams, supervisors) a person can filter by: only those among the people in their scope."""
    scope = people_in_scope(user)
    teams = Team.objects.filter(pk__in=scope.values("team_id")).order_by("name", "pk").values_list("pk", "name")
    supervisor_ids = Agreement.objects.current().filter(supervisee__in=scope.values("pk")).values("supervisor_id")
    supervisors = User.objects.filter(pk__in=supervisor_ids).order_by("full_name", "pk").values_list("pk", "full_name")
    return list(teams), list(supervisors)


def _filtered_people(user, filters: DashboardFilters) -> QuerySet:
    people = people_in_scope(user)
    if filters.team_id:
        people = people.filter(team_id=filters.team_id)
    if filters.supervisor_id:
        people = people.filter(
            Exists(
                Agreement.objects.current().filter(supervisee_id=OuterRef("pk"), supervisor_id=filters.supervisor_id)
            )
        )
    return people


# --- One row per person ---------------------------------------------------------------------


class Status:
    """Where a person stands against their agreement. The words are the tag's text."""

    OVERDUE = "overdue"
    DUE_SOON = "due-soon"
    ON_TRACK = "on-track"
    NO_AGREEMENT = "no-agreement"
    NO_SESSIONS = "no-sessions"


@dataclass(frozen=True)
class WorkerRow:
    person: object
    agreement: Agreement | None
    last_held: date | None
    days_since_last: int | None
    next_due: date | None
    days_overdue: int
    status: str
    status_label: str
    sessions_in_period: int
    open_actions: int
    overdue_actions: int
    caseload: int | None
    caseload_on: date | None

    @property
    def supervisor_name(self) -> str:
        return self.agreement.supervisor.full_name if self.agreement else "No agreement"

    @property
    def frequency_label(self) -> str:
        if self.agreement is None:
            return ""
        return self.agreement.frequency_short

    @property
    def is_overdue(self) -> bool:
        return self.status == Status.OVERDUE


def _status(agreement: Agreement | None, last_held: date | None, today: date) -> tuple[date | None, int, str, str]:
    """(next due, days overdue, status, label) for one person."""
    if agreement is None:
        return None, 0, Status.NO_AGREEMENT, "No agreement"
    next_due = agreement.next_due(last_held)
    days_overdue = (today - next_due).days
    if days_overdue > 0:
        return (
            next_due,
            days_overdue,
            Status.OVERDUE,
            f"Overdue by {days_overdue} day{'s' if days_overdue != 1 else ''}",
        )
    if -days_overdue <= DUE_SOON_DAYS:
        return next_due, 0, Status.DUE_SOON, "Due soon"
    if last_held is None:
        return next_due, 0, Status.NO_SESSIONS, "No sessions yet"
    return next_due, 0, Status.ON_TRACK, "On track"


def _count(queryset):
    """The number of `queryset`'s sessions (tied to the person by OuterRef), 0 for none."""
    counted = queryset.order_by().values("supervisee_id").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _people_with_figures(people: QuerySet, start: date, today: date) -> QuerySet:
    """People with their session dates and counts and latest caseload, and their current agreement:
    two queries.

    Each figure is a subquery tied to the person, answered from the (supervisee, date) index. A join
    with GROUP BY instead would sort every session row of everyone in scope (thousands, for a
    service manager) to get the same figures.
    """
    held = Session.objects.held_by(today).filter(supervisee_id=OuterRef("pk"))
    latest_caseload = held.filter(caseload_children__isnull=False).order_by("-held_on", "-pk")
    # Only what the dashboard shows: a service manager's page builds hundreds of these objects.
    current_agreements = (
        Agreement.objects.current()
        .select_related("supervisor")
        .only("supervisee", "starts_on", "frequency", "supervisor__full_name", "supervisor__email")
    )
    return (
        people.select_related("team")
        .only("full_name", "email", "team__name")
        .annotate(
            last_held=Subquery(held.order_by("-held_on").values("held_on")[:1]),
            sessions_in_period=_count(held.filter(held_on__gte=start)),
            caseload=Subquery(latest_caseload.values("caseload_children")[:1]),
            caseload_on=Subquery(latest_caseload.values("held_on")[:1]),
        )
        .prefetch_related(Prefetch("agreements", queryset=current_agreements, to_attr="current_agreements"))
    )


def _action_counts(person_ids: list[int], today: date) -> dict[int, tuple[int, int]]:
    """{person id: (open, overdue)} for the actions on each person's sessions: one query.

    One pass over the open actions, rather than a subquery per person: PostgreSQL would scan
    the actions table once for each person.
    """
    counts = (
        Action.objects.open()
        .filter(session__supervisee_id__in=person_ids)
        .order_by()
        .values("session__supervisee_id")
        .annotate(open_count=Count("pk"), overdue_count=Count("pk", filter=Q(due_on__lt=today)))
        .values_list("session__supervisee_id", "open_count", "overdue_count")
    )
    return {person_id: (open_count, overdue_count) for person_id, open_count, overdue_count in counts}


def _sort_key(row: WorkerRow):
    # Overdue first, most overdue at the top; then whoever is due soonest; no agreement last.
    return (
        not row.is_overdue,
        -row.days_overdue,
        row.next_due is None,
        row.next_due or date.max,
        row.person.full_name,
    )


def worker_rows(user, filters: DashboardFilters, today: date) -> list[WorkerRow]:
    """One row per person on the dashboard, most overdue first. Three queries whatever their number."""
    start = period_start(today, filters.months)
    people = list(_people_with_figures(_filtered_people(user, filters), start, today))
    actions = _action_counts([person.pk for person in people], today)
    rows = []
    for person in people:
        open_actions, overdue_actions = actions.get(person.pk, (0, 0))
        agreement = person.current_agreements[0] if person.current_agreements else None
        next_due, days_overdue, status, label = _status(agreement, person.last_held, today)
        rows.append(
            WorkerRow(
                person=person,
                agreement=agreement,
                last_held=person.last_held,
                days_since_last=(today - person.last_held).days if person.last_held else None,
                next_due=next_due,
                days_overdue=days_overdue,
                status=status,
                status_label=label,
                sessions_in_period=person.sessions_in_period,
                open_actions=open_actions,
                overdue_actions=overdue_actions,
                caseload=person.caseload,
                caseload_on=person.caseload_on,
            )
        )
    return sorted(rows, key=_sort_key)


# --- The figures at the top -----------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    workers: int
    overdue: int
    due_soon: int
    no_agreement: int
    sessions: int
    open_actions: int
    overdue_actions: int
    average_caseload: float | None


def summarise(rows: list[WorkerRow]) -> Summary:
    caseloads = [row.caseload for row in rows if row.caseload is not None]
    return Summary(
        workers=len(rows),
        overdue=sum(row.status == Status.OVERDUE for row in rows),
        due_soon=sum(row.status == Status.DUE_SOON for row in rows),
        no_agreement=sum(row.status == Status.NO_AGREEMENT for row in rows),
        sessions=sum(row.sessions_in_period for row in rows),
        open_actions=sum(row.open_actions for row in rows),
        overdue_actions=sum(row.overdue_actions for row in rows),
        average_caseload=round(sum(caseloads) / len(caseloads), 1) if caseloads else None,
    )


# --- Caseload over time ---------------------------------------------------------------------


@dataclass(frozen=True)
class MonthCaseload:
    month: date
    workers: int
    average: float | None
    highest: int | None


def _months(start: date, today: date) -> list[date]:
    months, month = [], start
    while month <= today:
        months.append(month)
        month = add_months(month, 1)
    return months


def caseload_by_month(user, filters: DashboardFilters, today: date) -> list[MonthCaseload]:
    """Per calendar month of the period: how many people had a caseload recorded, its average and highest.

    Each person counts once a month, with the last caseload recorded that month, so someone
    supervised weekly does not weigh four times as much as someone supervised monthly. One query.
    """
    start = period_start(today, filters.months)
    # Each person's last recorded caseload in each month: number their sessions within the month,
    # latest first, and keep the first.
    calendar_month = TruncMonth("held_on")
    last_each_month = (
        Session.objects.held_by(today)
        .filter(
            held_on__gte=start,
            caseload_children__isnull=False,
            supervisee__in=_filtered_people(user, filters).values("pk"),
        )
        .annotate(
            place=Window(
                RowNumber(),
                partition_by=[F("supervisee_id"), calendar_month],
                order_by=[F("held_on").desc(), F("pk").desc()],
            )
        )
        .filter(place=1)
        .values("pk")
    )
    figures = {
        entry["month"]: entry
        for entry in Session.objects.filter(pk__in=last_each_month)
        .annotate(month=calendar_month)
        .order_by()
        .values("month")
        .annotate(
            workers=Count("supervisee_id", distinct=True),
            average=Avg("caseload_children"),
            highest=Max("caseload_children"),
        )
    }
    months = []
    for month in _months(start, today):
        entry = figures.get(month)
        if entry is None:
            months.append(MonthCaseload(month, 0, None, None))
        else:
            months.append(MonthCaseload(month, entry["workers"], round(float(entry["average"]), 1), entry["highest"]))
    return months


# --- Everything the page shows ---------------------------------------------------------------


@dataclass(frozen=True)
class Dashboard:
    filters: DashboardFilters
    start: date
    today: date
    rows: list[WorkerRow]
    summary: Summary
    months: list[MonthCaseload]
    chart: Chart


def dashboard_for(user, filters: DashboardFilters, today: date) -> Dashboard:
    rows = worker_rows(user, filters, today)
    months = caseload_by_month(user, filters, today)
    return Dashboard(
        filters=filters,
        start=period_start(today, filters.months),
        today=today,
        rows=rows,
        summary=summarise(rows),
        months=months,
        chart=caseload_chart(months),
    )
