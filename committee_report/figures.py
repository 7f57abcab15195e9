"""The report's figures for a quarter and the one before it, each worked out by the database.

Every function takes the two quarters at once and answers {quarter: figures}, so the whole report takes a
fixed number of queries however many people, sessions or bookings there are (about a dozen: see the tests).
The people counted are the service manager's whole service, as each app scopes them: supervision's
dashboard (`supervision.dashboard.people_in_scope`), training's coverage (`training.access.people_for`)
and families' feedback (`family_survey.selectors.results`).

Whether a person's supervision was on time is the chosen standard's own rule
(`supervision.standards.Standard.longest_gap`), applied to the dates of the sessions one query fetches:
the standard's intervals depend on each person's ASYE and agreement, and are written once, there.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from types import SimpleNamespace

from django.db import connections
from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import TruncQuarter

from committee_report.quarters import FinancialQuarter
from family_survey import selectors as survey
from family_survey.periods import Quarter as SurveyQuarter
from supervision.models import Agreement, Session
from supervision.standards import Standard
from training import access as training_access
from training.matrix import columns_for
from training.models import Budget, CoverageTarget
from training.reports import Share, shown_courses_and_targets, target_keys
from training.reports_people import training_counts

# Sessions held this long before a quarter starts tell whether the person was already overdue on its first
# day: longer than any interval a standard or agreement allows (six weeks).
LOOKBACK = timedelta(days=62)


def _between(field: str, first: date, last: date) -> Q:
    return Q(**{f"{field}__gte": first, f"{field}__lte": last})


# --- Supervision on time --------------------------------------------------------------------


@dataclass(frozen=True)
class OnTime:
    people: int  # with a supervision agreement in force at some time in the quarter
    on_time: int  # of them, never overdue by the standard during the quarter


def _agreement_on(day: date, agreements: list[Agreement]) -> Agreement:
    """The agreement in force on `day`, or else the latest of `agreements` (they are in starting order)."""
    for agreement in reversed(agreements):
        if agreement.starts_on <= day and (agreement.ended_on is None or agreement.ended_on >= day):
            return agreement
    return agreements[-1]


def was_on_time(
    person, agreements: list[Agreement], sessions: list[date], quarter: FinancialQuarter, standard: Standard
) -> bool | None:
    """Whether `person` was never overdue during `quarter` (None: no agreement in force in it).

    From each session (or the start of their agreement), the next was due by `standard.longest_gap`; they
    were overdue from the day after that until the next session was held. `sessions`: the dates they were
    held, from LOOKBACK before the quarter, in order; a session on its due date is on time."""
    in_force = [
        agreement
        for agreement in agreements
        if agreement.starts_on <= quarter.last_day
        and (agreement.ended_on is None or agreement.ended_on >= quarter.start)
    ]
    if not in_force:
        return None
    # With no session in the LOOKBACK before the quarter, the last one was long enough ago for the person to
    # be overdue on its first day: the start of the window stands in for it.
    clock_starts = max(min(agreement.starts_on for agreement in in_force), quarter.start - LOOKBACK)
    anchors = sorted({clock_starts, *(day for day in sessions if day <= quarter.last_day)})
    for index, anchor in enumerate(anchors):
        due = standard.longest_gap(person, anchor, _agreement_on(anchor, in_force))
        until = anchors[index + 1] if index + 1 < len(anchors) else quarter.last_day
        if max(due + timedelta(days=1), quarter.start) <= min(until, quarter.last_day):
            return False
    return True


def on_time(
    people: QuerySet, quarters: list[FinancialQuarter], standard: Standard, today: date
) -> dict[FinancialQuarter, OnTime]:
    """For each quarter, the people with an agreement in force and how many were never overdue. Two queries."""
    first, last = min(quarters), max(quarters)
    agreements: dict[int, list[Agreement]] = {}
    asye: dict[int, date | None] = {}
    rows = (
        Agreement.objects.filter(supervisee__in=people.values("pk"), starts_on__lte=last.last_day)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=first.start))
        .order_by("supervisee_id", "starts_on", "pk")
        .values_list("supervisee_id", "supervisee__asye_start_date", "starts_on", "ended_on", "frequency")
    )
    for person_id, asye_start, starts_on, ended_on, frequency in rows:
        asye[person_id] = asye_start
        agreements.setdefault(person_id, []).append(
            Agreement(starts_on=starts_on, ended_on=ended_on, frequency=frequency)
        )
    sessions: dict[int, list[date]] = {}
    held = (
        Session.objects.held_by(today)
        .filter(supervisee__in=people.values("pk"), held_on__gte=first.start - LOOKBACK, held_on__lte=last.last_day)
        .order_by("supervisee_id", "held_on")
        .values_list("supervisee_id", "held_on")
    )
    for person_id, held_on in held:
        sessions.setdefault(person_id, []).append(held_on)
    figures = {}
    for quarter in quarters:
        counted = on_time_count = 0
        for person_id, theirs in agreements.items():
            person = SimpleNamespace(asye_start_date=asye[person_id])
            result = was_on_time(person, theirs, sessions.get(person_id, []), quarter, standard)
            if result is not None:
                counted += 1
                on_time_count += result
        figures[quarter] = OnTime(counted, on_time_count)
    return figures


# --- Length and balance of sessions -----------------------------------------------------------


@dataclass(frozen=True)
class SessionTime:
    held: int
    timed: int  # with their length recorded
    short: int  # shorter than the standard's minimum
    balanced: int  # with the split across the four functions recorded
    balanced_minutes: int
    reflective_minutes: int  # support + development, of the sessions with a balance


def session_time(
    people: QuerySet, quarters: list[FinancialQuarter], standard: Standard, today: date
) -> dict[FinancialQuarter, SessionTime]:
    """Sessions held, their lengths and the reflective share of their time, by quarter: one query."""
    sums = {}
    balanced = Q(minutes_management__isnull=False)
    for index, quarter in enumerate(quarters):
        within = _between("held_on", quarter.start, quarter.last_day)
        sums |= {
            f"held_{index}": Count("pk", filter=within),
            f"timed_{index}": Count("pk", filter=within & Q(minutes__isnull=False)),
            f"short_{index}": Count("pk", filter=within & Q(minutes__lt=standard.minimum_minutes)),
            f"balanced_{index}": Count("pk", filter=within & balanced),
            f"balanced_minutes_{index}": Sum("minutes", filter=within & balanced, default=0),
            f"reflective_{index}": Sum(
                F("minutes_support") + F("minutes_development"), filter=within & balanced, default=0
            ),
        }
    totals = (
        Session.objects.held_by(today)
        .filter(
            supervisee__in=people.values("pk"),
            held_on__gte=min(quarters).start,
            held_on__lte=max(quarters).last_day,
        )
        .aggregate(**sums)
    )
    return {
        quarter: SessionTime(
            totals[f"held_{index}"],
            totals[f"timed_{index}"],
            totals[f"short_{index}"],
            totals[f"balanced_{index}"],
            totals[f"balanced_minutes_{index}"],
            totals[f"reflective_{index}"],
        )
        for index, quarter in enumerate(quarters)
    }


# --- Caseloads ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Caseloads:
    people: int  # with a caseload recorded in the quarter
    average: Decimal | None
    lowest: int | None
    highest: int | None


def caseloads(people: QuerySet, quarters: list[FinancialQuarter], today: date) -> dict[FinancialQuarter, Caseloads]:
    """Each person's last caseload recorded in each quarter, and their average and range: one query.

    As the dashboard's caseload chart counts by month (`supervision.dashboard_caseloads.caseload_by_month`),
    each person counts once a quarter, with the last caseload recorded in it, so someone supervised weekly
    does not weigh more than someone supervised monthly. Financial quarters are calendar quarters."""
    last_each_quarter = (
        Session.objects.held_by(today)
        .filter(
            held_on__gte=min(quarters).start,
            held_on__lte=max(quarters).last_day,
            caseload_children__isnull=False,
            supervisee__in=people.values("pk"),
        )
        .annotate(quarter=TruncQuarter("held_on"))
        .order_by("supervisee_id", "-quarter", "-held_on", "-pk")
        .distinct("supervisee_id", "quarter")
        .values_list("quarter", "caseload_children")
    )
    # As in caseload_by_month: the ORM cannot aggregate over a DISTINCT ON query, so it is wrapped by hand.
    inner_sql, params = last_each_quarter.query.sql_with_params()
    columns = (
        'CAST("quarter" AS date), COUNT(*), AVG("caseload_children"), MIN("caseload_children"), '
        'MAX("caseload_children")'
    )
    sql = f"SELECT {columns} FROM ({inner_sql}) AS last_each_quarter GROUP BY 1"  # noqa: S608 - the ORM's own SQL
    with connections[last_each_quarter.db].cursor() as cursor:
        cursor.execute(sql, params)
        found = {start: row for start, *row in cursor.fetchall()}
    figures = {}
    for quarter in quarters:
        count, average, lowest, highest = found.get(quarter.start, (0, None, None, None))
        rounded = None if average is None else Decimal(average).quantize(Decimal("0.1"))
        figures[quarter] = Caseloads(count, rounded, lowest, highest)
    return figures


# --- Training -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TargetFigure:
    name: str  # "Systemic practice, at least introductory: staff"
    target_percent: int
    share: Share  # training.reports.Share: the people the target applies to and how many were trained


@dataclass(frozen=True)
class LapsedCourse:
    title: str
    lapsed: int


@dataclass(frozen=True)
class Training:
    targets: list[TargetFigure]
    lapsed: list[LapsedCourse]  # each required course, with the people whose training in it had run out

    @property
    def lapsed_total(self) -> int:
        return sum(course.lapsed for course in self.lapsed)


def _target_name(target: CoverageTarget) -> str:
    who = f"{target.role.name.lower()}s" if target.role_id else "all staff"
    return f"{target.programme.name}, at least {target.get_level_display().lower()}: {who}"


def training(user, quarters: list[FinancialQuarter]) -> dict[FinancialQuarter, Training]:
    """Coverage against each target and lapsed required training at the end of each quarter, counted by the
    coverage page's own query (`training.reports_people.training_counts`) as on the quarter's last day.
    Five queries: the courses, the targets, courses no longer offered that someone used, then one a quarter.
    Completions after the quarter's last day are left out; bookings and roles are as they are now."""
    columns = columns_for(user)
    scope = training_access.people_for(user)
    last = max(quarters).last_day
    # The coverage page's own choice of courses and targets, as on the last quarter's last day.
    shown, targets = shown_courses_and_targets(scope, columns, last)
    wanted = target_keys(targets)
    figures = {}
    for quarter in quarters:
        counts = training_counts(scope, columns, quarter.last_day, wanted)
        target_figures = []
        for index, target in enumerate(targets, start=1):
            teams = counts.targets.get(index, [])
            share = Share(
                "All teams",
                sum(team.population for team in teams),
                sum(team.trained for team in teams),
                "",
                target.target_percent,
            )
            target_figures.append(TargetFigure(_target_name(target), target.target_percent, share))
        lapsed = [
            LapsedCourse(column.title, counts.gaps.get(column.pk, (0, 0, 0))[1])
            for column in shown
            if column.required_for
        ]
        figures[quarter] = Training(target_figures, lapsed)
    return figures


# --- Spend against budget ----------------------------------------------------------------------


@dataclass(frozen=True)
class Spend:
    year_label: str  # the financial year the quarter is in, "2026 to 2027"
    in_quarter: Decimal
    year_to_date: Decimal  # from 1 April to the quarter's last day
    budget: Decimal | None  # for that financial year


def spend(user, quarters: list[FinancialQuarter]) -> dict[FinancialQuarter, Spend]:
    """Training spend in each quarter and in its financial year so far, and the year's budget: two queries."""
    sums = {}
    for index, quarter in enumerate(quarters):
        sums[f"quarter_{index}"] = Sum("amount", filter=_between("spent_on", quarter.start, quarter.last_day))
        sums[f"year_{index}"] = Sum("amount", filter=_between("spent_on", quarter.year_starts, quarter.last_day))
    totals = (
        training_access.spend_for(user)
        .filter(spent_on__gte=min(quarter.year_starts for quarter in quarters), spent_on__lte=max(quarters).last_day)
        .aggregate(**sums)
    )
    budgets = dict(Budget.objects.filter(year__in={quarter.year for quarter in quarters}).values_list("year", "amount"))
    return {
        quarter: Spend(
            quarter.year_label,
            totals[f"quarter_{index}"] or Decimal(0),
            totals[f"year_{index}"] or Decimal(0),
            budgets.get(quarter.year),
        )
        for index, quarter in enumerate(quarters)
    }


# --- Families' feedback -------------------------------------------------------------------------


def families(user, quarters: list[FinancialQuarter]) -> dict[FinancialQuarter, survey.Figures]:
    """Families' answers in each quarter, with family_survey's own rule for small numbers (fewer than 5
    answers behind a figure: not shown). Two queries: the teams, then the answers counted by quarter."""
    found = survey.results(user, SurveyQuarter(max(quarters).start))
    return {quarter: found.overall.get(SurveyQuarter(quarter.start), survey.Figures()) for quarter in quarters}
