"""The balance of supervision across the four functions of Morrison's 4x4x4 model, over time.

Each session may record its length and roughly how that time split across case management, support,
professional development and mediation (`Session.minutes_*`). Support and development together are the
reflective time. These reads add the minutes up in PostgreSQL, a calendar month at a time: for one
person (their page), for each team and for everyone on the dashboard; the reflective share is worked out
from those sums. A team where case management has crowded out reflection is flagged (`DRIFT_SHARE`).

Only the supervisor's record saves the figures (`services.write_record`, given `LengthAndBalance.fields()`),
with the rest of the record, so the record's version check covers both.
"""

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth

from supervision import access
from supervision.models import Session, add_months
from supervision.standards import Standard, current_standard

# The person's page and the dashboard show the balance over the last six calendar months, this one included.
BALANCE_MONTHS = 6

# A team stands out when its reflective share (support + development, over all the minutes recorded)
# was under a third in each of its last three months with a balance recorded. Why a third: a session
# shared evenly across the four functions is half reflective, and national surveys find supervision
# used mostly to monitor cases; under a third means case management (with mediation) took two thirds
# of the time or more, for a whole quarter, which is the drift the issue asks managers to see. Months
# with nothing recorded are skipped rather than counted either way: a month of leave says nothing
# about the balance. Exactly a third is not flagged.
DRIFT_SHARE = Fraction(1, 3)
DRIFT_MONTHS = 3

# The four functions, in the order the form and the tables give them: (field suffix, label).
FUNCTIONS = (
    ("management", "Case management"),
    ("support", "Support"),
    ("development", "Professional development"),
    ("mediation", "Mediation"),
)


@dataclass(frozen=True)
class MonthBalance:
    """The minutes recorded in one calendar month, and how many sessions they came from."""

    month: date
    sessions_with_length: int = 0
    sessions_with_balance: int = 0
    short_sessions: int = 0  # shorter than the standard's minimum
    management: int = 0
    support: int = 0
    development: int = 0
    mediation: int = 0

    @property
    def recorded(self) -> int:
        """Minutes with a function recorded (sessions without a balance are not in it)."""
        return self.management + self.support + self.development + self.mediation

    @property
    def reflective(self) -> int:
        return self.support + self.development

    @property
    def reflective_share(self) -> Fraction | None:
        return Fraction(self.reflective, self.recorded) if self.recorded else None

    @property
    def reflective_percent(self) -> int | None:
        """The reflective share as a whole percentage, for pages and the chart."""
        share = self.reflective_share
        return None if share is None else round(share * 100)

    @property
    def is_crowded_out(self) -> bool:
        """Reflection under `DRIFT_SHARE` of the time recorded this month (no balance: not flagged)."""
        share = self.reflective_share
        return share is not None and share < DRIFT_SHARE

    def __add__(self, other: "MonthBalance") -> "MonthBalance":
        return MonthBalance(
            self.month,
            *(
                getattr(self, name) + getattr(other, name)
                for name in (
                    "sessions_with_length",
                    "sessions_with_balance",
                    "short_sessions",
                    "management",
                    "support",
                    "development",
                    "mediation",
                )
            ),
        )


@dataclass(frozen=True)
class TeamBalance:
    team_id: int | None
    team_name: str
    months: list[MonthBalance]  # one per calendar month of the period, oldest first

    @property
    def is_drifting(self) -> bool:
        """Case management has crowded out reflection: see `DRIFT_SHARE`."""
        return is_drifting(self.months)


def is_drifting(months: list[MonthBalance]) -> bool:
    """Whether each of the last `DRIFT_MONTHS` months with a balance recorded was under `DRIFT_SHARE`."""
    recorded = [month for month in months if month.recorded]
    latest = recorded[-DRIFT_MONTHS:]
    return len(latest) == DRIFT_MONTHS and all(month.is_crowded_out for month in latest)


def balance_start(today: date, months: int = BALANCE_MONTHS) -> date:
    """The first day of the period: whole calendar months, the current one included."""
    return add_months(today.replace(day=1), -(months - 1))


def month_list(start: date, today: date) -> list[date]:
    months, month = [], start
    while month <= today:
        months.append(month)
        month = add_months(month, 1)
    return months


def _sums(standard: Standard) -> dict:
    """The aggregates each month needs, counted by PostgreSQL."""
    return {
        "sessions_with_length": Count("pk"),
        "sessions_with_balance": Count("pk", filter=Q(minutes_management__isnull=False)),
        "short_sessions": Count("pk", filter=Q(minutes__lt=standard.minimum_minutes)),
        **{name: Sum(f"minutes_{name}") for name, _label in FUNCTIONS},
    }


def _with_length(sessions: QuerySet, start: date, today: date) -> QuerySet:
    return sessions.filter(held_on__gte=start, held_on__lte=today, minutes__isnull=False).annotate(
        month=TruncMonth("held_on")
    )


def _month(month: date, row: dict | None) -> MonthBalance:
    if row is None:
        return MonthBalance(month)
    return MonthBalance(
        month,
        row["sessions_with_length"],
        row["sessions_with_balance"],
        row["short_sessions"],
        *(row[name] or 0 for name, _label in FUNCTIONS),
    )


def person_balance(
    sessions: QuerySet, start: date, today: date, standard: Standard | None = None
) -> list[MonthBalance]:
    """One entry per calendar month from `start` to `today`, summing `sessions` (already scoped to one
    person and to what the reader may see). One query."""
    rows = (
        _with_length(sessions, start, today)
        .order_by()
        .values("month")
        .annotate(**_sums(standard or current_standard()))
    )
    by_month = {row["month"]: row for row in rows}
    return [_month(month, by_month.get(month)) for month in month_list(start, today)]


def person_balance_for(reader, person_id: int, today: date) -> list[MonthBalance]:
    """A person's balance over the last `BALANCE_MONTHS` months, from the sessions `reader` may read
    (the person reads all their own; a supervisor, the sessions they led; a service manager, all)."""
    sessions = access.sessions_for(reader).filter(supervisee_id=person_id)
    return person_balance(sessions, balance_start(today), today)


def team_balances(people: QuerySet, start: date, today: date, standard: Standard | None = None) -> list[TeamBalance]:
    """Each team of `people` (the dashboard's), by month from `start` to `today`, by team name; people
    with no team are "No team". One query."""
    rows = (
        _with_length(Session.objects.filter(supervisee__in=people.values("pk")), start, today)
        .order_by()
        .values("supervisee__team_id", "supervisee__team__name", "month")
        .annotate(**_sums(standard or current_standard()))
    )
    teams: dict[int | None, tuple[str, dict]] = {}
    for row in rows:
        name, months = teams.setdefault(row["supervisee__team_id"], (row["supervisee__team__name"] or "No team", {}))
        months[row["month"]] = row
    months = month_list(start, today)
    balances = [
        TeamBalance(team_id, name, [_month(month, rows_by_month.get(month)) for month in months])
        for team_id, (name, rows_by_month) in teams.items()
    ]
    return sorted(balances, key=lambda team: (team.team_name, team.team_id or 0))


def everyone(teams: list[TeamBalance], start: date, today: date) -> list[MonthBalance]:
    """The teams' months added together: the whole of the dashboard's service (or the people chosen)."""
    totals = [MonthBalance(month) for month in month_list(start, today)]
    for team in teams:
        totals = [total + month for total, month in zip(totals, team.months, strict=True)]
    return totals


@dataclass(frozen=True)
class SessionLength:
    """A session's length and balance as its page shows them."""

    minutes: int | None
    parts: list[tuple[str, int]]  # (label, minutes) for each function; empty when not recorded
    reflective: int | None
    reflective_percent: int | None
    is_short: bool
    standard: Standard


def session_length(session: Session, standard: Standard | None = None) -> SessionLength:
    standard = standard or current_standard()
    parts = [(label, getattr(session, f"minutes_{name}")) for name, label in FUNCTIONS] if session.has_balance else []
    reflective = session.reflective_minutes
    percent = round(reflective * 100 / session.minutes) if reflective is not None and session.minutes else None
    return SessionLength(session.minutes, parts, reflective, percent, standard.is_short(session.minutes), standard)


@dataclass(frozen=True)
class LengthAndBalance:
    """What the record form asks: the length, and the four functions' minutes (all four, or none)."""

    minutes: int | None
    management: int | None = None
    support: int | None = None
    development: int | None = None
    mediation: int | None = None

    def fields(self) -> dict:
        return {
            "minutes": self.minutes,
            **{f"minutes_{name}": getattr(self, name) for name, _label in FUNCTIONS},
        }
