"""Reads for the managers' supervision dashboard: dates, counts and caseloads, never reflective content.

The people come only from `access.managed_people_for`. However many people or sessions there are, the
page takes a fixed number of queries and PostgreSQL does the counting:

- each person's next due date is worked out in SQL (`due_dates.NextDue`), so the database sorts
  people most overdue first and sends one page of them; the figures at the top are aggregates over
  everyone (one query for the people and their sessions, one for their actions);
- a person's figures are subqueries tied to them, answered from the (supervisee, date) indexes, so
  no query sorts every session of a service;
- the caseload chart is one query (`dashboard_caseloads`);
- the balance of the four functions by team and month, with the short sessions in the period, is one
  more (`balance_figures`); the list of short sessions is a page of its own (`short_sessions`).

The CSV download has everyone, streamed from one query as it is written.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.core.paginator import Page, Paginator
from django.db import connection, connections
from django.db.models import (
    Count,
    Exists,
    F,
    FilteredRelation,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Greatest, Least

from portal.models import Team
from portal.roles import Role
from supervision import access, balance
from supervision.balance import MonthBalance, TeamBalance
from supervision.dashboard_caseloads import MonthCaseload, caseload_by_month
from supervision.dashboard_chart import Chart, balance_chart, caseload_chart
from supervision.due_dates import NextDue
from supervision.models import Action, Agreement, Frequency, Session, add_months, short_frequency_label
from supervision.standards import Standard, current_standard

User = get_user_model()

PERIOD_MONTHS = (3, 6, 12, 24)
DEFAULT_PERIOD_MONTHS = 12
DUE_SOON_DAYS = 7
# A team and the people its manager supervises fit on one page; a service manager pages through
# their service, with the figures at the top and the CSV download covering everyone.
PAGE_SIZE = 25
# Rows fetched at a time while the CSV streams: few round trips, and never everyone held at once.
ROWS_PER_FETCH = 1000


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


# (teams, supervisors): each a list of (id, name), by name.
Choices = tuple[list[tuple[int, str]], list[tuple[int, str]]]


def _choice_rows(user) -> QuerySet:
    """(kind, id, name) for each team (kind 0) and current supervisor (kind 1) among the people in
    `user`'s scope, in one query."""
    scope = people_in_scope(user)
    teams = (
        Team.objects.filter(pk__in=scope.values("team_id"))
        .annotate(kind=Value(0), label=F("name"))
        .values_list("kind", "pk", "label")
    )
    supervisor_ids = Agreement.objects.current().filter(supervisee__in=scope.values("pk")).values("supervisor_id")
    supervisors = (
        User.objects.filter(pk__in=supervisor_ids)
        .annotate(kind=Value(1), label=F("full_name"))
        .values_list("kind", "pk", "label")
    )
    return teams.union(supervisors, all=True).order_by("kind", "label", "pk")


def filter_choices(user) -> Choices:
    """(teams, supervisors) a person can filter by: only those among the people in their scope."""
    choices: Choices = ([], [])
    for kind, pk, label in _choice_rows(user):
        choices[kind].append((pk, label))
    return choices


def filtered_people(user, filters: DashboardFilters) -> QuerySet:
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


# --- Each person's figures, in SQL ------------------------------------------------------------


def _count(sessions: QuerySet) -> Subquery:
    """How many of `sessions` (tied to the person by OuterRef) there are. COUNT(*) with no GROUP BY
    answers 0 for none, and needs no column outside the (supervisee, date) index, so PostgreSQL
    counts from the index alone."""
    counted = sessions.order_by().annotate(n=Func(template="COUNT(*)", output_field=IntegerField())).values("n")
    return Subquery(counted, output_field=IntegerField())


def _with_due_dates(people: QuerySet, today: date) -> QuerySet:
    """People with their current agreement (joined: there is at most one), last session held, next
    due date and latest caseload: what the order, the page and the figures at the top all need."""
    held = Session.objects.held_by(today).filter(supervisee_id=OuterRef("pk")).order_by("-held_on")
    latest_caseload = held.filter(caseload_children__isnull=False).order_by("-held_on", "-pk")
    frequency, starts_on = "current_agreement__frequency", "current_agreement__starts_on"
    # The due date is worked out inside the subquery that finds the last session, where its date is
    # a column; with no session held, it counts from the agreement's start.
    due_after_last = held.annotate(due=NextDue(OuterRef(frequency), OuterRef(starts_on), F("held_on")))
    return people.annotate(
        current_agreement=FilteredRelation("agreements", condition=Q(agreements__ended_on__isnull=True)),
        last_held=Subquery(held.values("held_on")[:1]),
        next_due=Coalesce(
            Subquery(due_after_last.values("due")[:1]),
            NextDue(F(frequency), F(starts_on), F(starts_on)),
        ),
        caseload=Subquery(latest_caseload.values("caseload_children")[:1]),
    )


_ROW_FIELDS = (
    "pk",
    "full_name",
    "email",
    "team__name",
    "current_agreement__pk",
    "current_agreement__frequency",
    "current_agreement__supervisor__full_name",
    "last_held",
    "next_due",
    "sessions_in_period",
    "caseload",
    "caseload_on",
    "short_sessions",
)


def _rows(people: QuerySet, start: date, today: date) -> QuerySet:
    """Everyone's row as a tuple of `_ROW_FIELDS`, most overdue first.

    Overdue people have the earliest due dates, so "most overdue first, then whoever is due soonest,
    no agreement last" is simply the due date, with names to break ties. PostgreSQL computes the
    figures only a row shows (sessions in the period, when the caseload was recorded) after the
    sort, for the rows it sends.
    """
    held = Session.objects.held_by(today).filter(supervisee_id=OuterRef("pk"))
    latest_caseload = held.filter(caseload_children__isnull=False).order_by("-held_on", "-pk")
    short = held.filter(held_on__gte=start, minutes__lt=current_standard().minimum_minutes)
    return (
        _with_due_dates(people, today)
        .annotate(
            sessions_in_period=_count(held.filter(held_on__gte=start)),
            caseload_on=Subquery(latest_caseload.values("held_on")[:1]),
            short_sessions=_count(short),
        )
        .order_by(F("next_due").asc(nulls_last=True), "full_name", "pk")
        .values_list(*_ROW_FIELDS)
    )


def _action_counts(people, today: date) -> dict[int, tuple[int, int]]:
    """{person id: (open, overdue)} for the actions on each person's sessions: one query.

    `people` is a list of ids or a query of them. One pass over the open actions, through their own
    small index, rather than a subquery per person that would search each person's sessions.
    """
    counts = (
        Action.objects.open()
        .filter(session__supervisee_id__in=people)
        .order_by()
        .values("session__supervisee_id")
        .annotate(open_count=Count("session_id"), overdue_count=Count("session_id", filter=Q(due_on__lt=today)))
        .values_list("session__supervisee_id", "open_count", "overdue_count")
    )
    return {person_id: (open_count, overdue_count) for person_id, open_count, overdue_count in counts}


# --- One row per person ---------------------------------------------------------------------


class Status:
    """Where a person stands against their agreement. The words are the tag's text."""

    OVERDUE = "overdue"
    DUE_SOON = "due-soon"
    ON_TRACK = "on-track"
    NO_AGREEMENT = "no-agreement"
    NO_SESSIONS = "no-sessions"


# The status tag's colour: the tag's text says the same in words.
TAG_CLASSES = {
    Status.OVERDUE: "govuk-tag--red",
    Status.DUE_SOON: "govuk-tag--yellow",
    Status.ON_TRACK: "govuk-tag--green",
    Status.NO_SESSIONS: "govuk-tag--blue",
    Status.NO_AGREEMENT: "govuk-tag--grey",
}


@dataclass(frozen=True)
class WorkerRow:
    person_id: int
    name: str
    team_name: str
    agreement_id: int | None
    frequency: str
    supervisor_name: str
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
    short_sessions: int = 0  # held in the period, shorter than the standard's minimum

    @property
    def frequency_label(self) -> str:
        return short_frequency_label(self.frequency) if self.frequency else ""

    @property
    def frequency_in_full(self) -> str:
        return Frequency(self.frequency).label if self.frequency else ""

    @property
    def is_overdue(self) -> bool:
        return self.status == Status.OVERDUE

    @property
    def tag_class(self) -> str:
        return TAG_CLASSES[self.status]


def _status(next_due: date | None, last_held: date | None, today: date) -> tuple[int, str, str]:
    """(days overdue, status, label) for one person."""
    if next_due is None:
        return 0, Status.NO_AGREEMENT, "No agreement"
    days_overdue = (today - next_due).days
    if days_overdue > 0:
        return days_overdue, Status.OVERDUE, f"Overdue by {days_overdue} day{'s' if days_overdue != 1 else ''}"
    if -days_overdue <= DUE_SOON_DAYS:
        return 0, Status.DUE_SOON, "Due soon"
    if last_held is None:
        return 0, Status.NO_SESSIONS, "No sessions yet"
    return 0, Status.ON_TRACK, "On track"


def _row(values: tuple, actions: dict[int, tuple[int, int]], today: date) -> WorkerRow:
    (
        pk,
        full_name,
        email,
        team_name,
        agreement_id,
        frequency,
        supervisor,
        last_held,
        due,
        sessions,
        caseload,
        on,
        short,
    ) = values
    days_overdue, status, label = _status(due, last_held, today)
    open_actions, overdue_actions = actions.get(pk, (0, 0))
    return WorkerRow(
        person_id=pk,
        name=full_name or email,
        team_name=team_name or "",
        agreement_id=agreement_id,
        frequency=frequency or "",
        supervisor_name=supervisor if agreement_id else "No agreement",
        last_held=last_held,
        days_since_last=(today - last_held).days if last_held else None,
        next_due=due,
        days_overdue=days_overdue,
        status=status,
        status_label=label,
        sessions_in_period=sessions,
        open_actions=open_actions,
        overdue_actions=overdue_actions,
        caseload=caseload,
        caseload_on=on,
        short_sessions=short,
    )


def worker_rows(user, filters: DashboardFilters, today: date) -> Iterator[WorkerRow]:
    """Everyone's row, most overdue first, for the CSV download. Two queries whatever their number:
    the action counts, then the rows, fetched from the database a thousand at a time as they are used."""
    people = filtered_people(user, filters)
    actions = _action_counts(people.values("pk"), today)
    rows = _rows(people, period_start(today, filters.months), today)
    for values in rows.iterator(chunk_size=ROWS_PER_FETCH):
        yield _row(values, actions, today)


class _RowsByPage:
    """Everyone's rows as the paginator sees them: counted already (by the summary), and fetched
    only for the page it asks for, with that page's action counts."""

    def __init__(self, count: int, people: QuerySet, start: date, today: date):
        self.count_of_rows, self.people, self.start, self.today = count, people, start, today

    def __len__(self) -> int:
        return self.count_of_rows

    def __getitem__(self, window: slice) -> list[WorkerRow]:
        if window.stop <= window.start:
            return []
        values = list(_rows(self.people, self.start, self.today)[window])
        actions = _action_counts([pk for pk, *_rest in values], self.today)
        return [_row(row, actions, self.today) for row in values]


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


def _days_until(due, today: date) -> Func:
    """`due` minus `today` in days: PostgreSQL subtracts dates to a whole number."""
    return Func(due, Value(today), template="(%(expressions)s)", arg_joiner=" - ", output_field=IntegerField())


def _open_action_due_dates(people: QuerySet) -> QuerySet:
    """The due date of each open action on the sessions of `people`."""
    return Action.objects.open().filter(session__supervisee__in=people.values("pk")).order_by().values_list("due_on")


def summarise(
    people: QuerySet, start: date, today: date, *, choices_for=None, everyone: bool = False
) -> tuple[Summary, Choices | None]:
    """The figures for everyone on the dashboard, counted by PostgreSQL in one query. Given
    `choices_for` (a person), the same query lists the teams and supervisors they may filter by
    (`filter_choices`), which saves a query of its own; `everyone` says that `people` are all the
    people in their scope (no team or supervisor chosen), so the choices come from the same rows."""
    # People counted by how soon they are due, in a handful of groups: -1 is overdue, 0 to 7 due
    # soon, 8 later, None no agreement. Grouping needs each person's due date once; counting with a
    # filter per status instead would work it out again for every status.
    due_group = Least(Greatest(_days_until(F("next_due"), today), Value(-1)), Value(DUE_SOON_DAYS + 1))
    held_in_period = Session.objects.held_by(today).filter(supervisee_id=OuterRef("pk"), held_on__gte=start)
    each_person = (
        _with_due_dates(people, today)
        .annotate(due_group=due_group, sessions=_count(held_in_period))
        .order_by()
        .values_list("due_group", "caseload", "sessions", "team_id", "current_agreement__supervisor_id")
    )
    people_sql, people_params = each_person.query.sql_with_params()
    actions_sql, actions_params = _open_action_due_dates(people).query.sql_with_params()
    # The ORM cannot group rows it has annotated with subqueries without repeating each subquery for
    # every aggregate that uses it (the latest caseload would be looked up twice a person), so the
    # grouping is written by hand around the ORM's own SQL. MATERIALIZED keeps PostgreSQL from
    # folding the people back into the grouping and doing the same. The actions' totals are one row,
    # worked out once and joined to every group. Each row starts with what it is: 0 a group of
    # people, 1 a team, 2 a supervisor.
    sql = (
        "WITH person (due_group, caseload, sessions, team_id, supervisor_id) "  # noqa: S608 - the ORM's own SQL
        f"AS MATERIALIZED ({people_sql}) "
        "SELECT 0, person.due_group, COUNT(*), COUNT(person.caseload), SUM(person.caseload), "
        "SUM(person.sessions), actions.open, actions.overdue, NULL FROM person CROSS JOIN ("
        "SELECT COUNT(*) AS open, COUNT(*) FILTER (WHERE due_on < %s) AS overdue "
        f"FROM ({actions_sql}) AS action) AS actions "
        "GROUP BY person.due_group, actions.open, actions.overdue"
    )
    params = [*people_params, today, *actions_params]
    if choices_for is not None and everyone:
        team, user = (connection.ops.quote_name(model._meta.db_table) for model in (Team, User))
        sql += (
            " UNION ALL SELECT 1, id, NULL, NULL, NULL, NULL, NULL, NULL, name "  # noqa: S608 - table names
            f"FROM {team} WHERE id IN (SELECT team_id FROM person)"
            " UNION ALL SELECT 2, id, NULL, NULL, NULL, NULL, NULL, NULL, full_name "
            f"FROM {user} WHERE id IN (SELECT supervisor_id FROM person)"
            " ORDER BY 1, 9, 2"
        )
    elif choices_for is not None:
        # Filtered: the choices are still everyone's in scope, so they come from a scope of their own.
        choices_sql, choices_params = _choice_rows(choices_for).query.sql_with_params()
        sql += (
            " UNION ALL SELECT choice.kind + 1, choice.pk, NULL, NULL, NULL, NULL, NULL, NULL, choice.label "  # noqa: S608
            f"FROM ({choices_sql}) AS choice ORDER BY 1, 9, 2"
        )
        params.extend(choices_params)
    with connections[each_person.db].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    groups = [row[1:8] for row in rows if row[0] == 0]
    choices = (
        (
            [(pk, label) for kind, pk, *_, label in rows if kind == 1],
            [(pk, label) for kind, pk, *_, label in rows if kind == 2],
        )
        if choices_for is not None
        else None
    )
    workers = overdue = due_soon = no_agreement = caseloads = caseload_total = sessions = 0
    # Every group carries the same actions' totals; with nobody on the dashboard there are no groups.
    actions = groups[0][-2:] if groups else (0, 0)
    for group, count, with_caseload, total, held, _open, _overdue in groups:
        workers += count
        caseloads += with_caseload
        caseload_total += total or 0
        sessions += held or 0
        if group is None:
            no_agreement += count
        elif group < 0:
            overdue += count
        elif group <= DUE_SOON_DAYS:
            due_soon += count
    return Summary(
        workers=workers,
        overdue=overdue,
        due_soon=due_soon,
        no_agreement=no_agreement,
        sessions=sessions,
        open_actions=actions[0],
        overdue_actions=actions[1],
        average_caseload=round(caseload_total / caseloads, 1) if caseloads else None,
    ), choices


# --- Everything the page shows ---------------------------------------------------------------


@dataclass(frozen=True)
class Dashboard:
    filters: DashboardFilters
    start: date
    today: date
    summary: Summary
    page: Page  # of WorkerRow, PAGE_SIZE at a time
    months: list[MonthCaseload]
    chart: Chart
    balance: "BalanceFigures"
    # The filters' choices (`filter_choices`), when asked for with the figures.
    choices: Choices | None = None


@dataclass(frozen=True)
class BalanceFigures:
    """The balance of the four functions over the last `balance.BALANCE_MONTHS` months, by team and for
    everyone on the dashboard, and how many sessions in the period were shorter than the standard."""

    standard: Standard
    teams: list[TeamBalance]
    everyone: list[MonthBalance]
    chart: Chart
    short_in_period: int

    @property
    def drifting(self) -> list[TeamBalance]:
        return [team for team in self.teams if team.is_drifting]

    drift_months: int = balance.DRIFT_MONTHS

    @property
    def everyone_drifting(self) -> bool:
        return balance.is_drifting(self.everyone)

    @property
    def months(self) -> list[date]:
        return [month.month for month in self.everyone]


def balance_figures(people: QuerySet, start: date, today: date) -> BalanceFigures:
    """One query: each team's minutes by month, from the start of the period or of the balance's six
    months, whichever is earlier; the short sessions in the period are counted from the same rows."""
    standard = current_standard()
    shown_from = balance.balance_start(today)
    teams = balance.team_balances(people, min(start, shown_from), today, standard)
    short = sum(month.short_sessions for team in teams for month in team.months if month.month >= start)
    # Teams with a length recorded only before the six months shown are left out of the table.
    shown = [(team, [month for month in team.months if month.month >= shown_from]) for team in teams]
    teams = [
        TeamBalance(team.team_id, team.team_name, months)
        for team, months in shown
        if any(month.sessions_with_length for month in months)
    ]
    everyone = balance.everyone(teams, shown_from, today)
    return BalanceFigures(standard, teams, everyone, balance_chart(everyone), short)


def dashboard_for(
    user, filters: DashboardFilters, today: date, page_number=None, *, with_choices: bool = False
) -> Dashboard:
    """The figures, one page of people (`page_number` as the address gave it: anything that is not a
    page number shows the first or last page) and the caseload chart; `with_choices`, the teams and
    supervisors the person may filter by too (`filter_choices`), counted with the figures."""
    people = filtered_people(user, filters)
    start = period_start(today, filters.months)
    everyone = filters.team_id is None and filters.supervisor_id is None
    summary, choices = summarise(people, start, today, choices_for=user if with_choices else None, everyone=everyone)
    page = Paginator(_RowsByPage(summary.workers, people, start, today), PAGE_SIZE).get_page(page_number)
    months = caseload_by_month(people, start, today)
    return Dashboard(
        filters=filters,
        start=start,
        today=today,
        summary=summary,
        page=page,
        months=months,
        chart=caseload_chart(months),
        balance=balance_figures(people, start, today),
        choices=choices,
    )


def short_sessions(people: QuerySet, start: date, today: date) -> QuerySet:
    """The sessions of `people` held in the period that were shorter than the standard, newest first:
    dates, names and lengths only."""
    return (
        Session.objects.held_by(today)
        .filter(
            supervisee__in=people.values("pk"),
            held_on__gte=start,
            minutes__lt=current_standard().minimum_minutes,
        )
        .select_related("supervisee", "supervisee__team", "supervisor")
        .order_by("-held_on", "-pk")
    )
