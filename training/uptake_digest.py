"""The monthly training uptake digest: one email a month to each manager and training coordinator about the
month just ended.

Sent by `manage.py send_training_uptake_digest` on the first of each month. A team manager
(`view_team_training`) hears about the people they manage; a service manager (`view_all_training`) and the
training coordinator (`manage_training`) about the whole service:
exactly the people `training.access.people_for` lets each of them see, as the uptake matrix and coverage
page show them. Someone who manages nobody (nobody but themselves to see) gets nothing.

Every figure is one the uptake pages already work out, never counted a second way:
- coverage against each target: `reports.coverage_for`, as on the coverage page, on the day the digest is
  made;
- what lapsed: the matrix's "Expired" cells (read by `matrix_rows.MatrixRows`, as its downloads are) whose
  expiry date falls in the month;
- spend against budget: the coverage page's spend figures, shown only to those the coverage page shows them
  to (the coordinator and service managers), for the financial year the month belongs to.
Who is booked on dates to come is read from the bookings the person may see (`access.bookings_for`).

Each email has the key "training-uptake-digest:<YYYY-MM>" (`portal.models.EmailSent`): a second run for the
same month sends nothing; the next month's run sends again.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from portal.models import EmailSent
from portal.scheduled_emails import OutgoingEmail, portal_url
from training import access
from training.matrix import MatrixFilters, columns_for, status_of
from training.matrix_cells import Status, day_start
from training.matrix_rows import MatrixRows
from training.models import BookingStatus, financial_year_of
from training.reports import TargetCoverage, coverage_for
from training.reports_courses import SpendFigures
from training.reports_figures import matrix_url

User = get_user_model()

KEY_PREFIX = "training-uptake-digest"
TEMPLATE = "training/email/uptake_digest"
# The longest list an email shows of lapses or bookings; the rest are a link to the matrix away.
LIST_LIMIT = 25
# Who gets a digest: holding either permission (through a role, or given directly).
PERMISSIONS = ("view_team_training", "view_all_training", "manage_training")


# --- The month ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Month:
    first: date
    last: date

    @property
    def key(self) -> str:
        return f"{KEY_PREFIX}:{self.first:%Y-%m}"

    @property
    def label(self) -> str:
        return f"{self.first:%B %Y}"


def month_before(today: date) -> Month:
    """The calendar month that ended before `today`'s month began."""
    last = today.replace(day=1) - timedelta(days=1)
    return Month(last.replace(day=1), last)


# --- The figures --------------------------------------------------------------------------------


@dataclass(frozen=True)
class TargetLine:
    """One coverage target for the recipient's area, with the matrix showing the people it counts."""

    coverage: TargetCoverage
    url: str

    @property
    def share(self):
        return self.coverage.overall


@dataclass(frozen=True)
class Lapse:
    person: str
    team: str
    course: str
    programme: str
    expired_on: date


@dataclass(frozen=True)
class BookedPlace:
    person_id: int
    person: str
    course: str
    starts_on: date
    location: str


@dataclass
class Digest:
    """Everything one recipient's email says."""

    recipient: object
    month: Month
    today: date
    whole_service: bool
    people: int  # everyone the recipient can see in the matrix (a manager sees their own row too)
    team_id: int | None  # the one team the area is in, for the matrix's team filter; None for several
    team_name: str
    targets: list[TargetLine]
    lapses: list[Lapse]
    booked: list[BookedPlace]
    booked_people: int
    spend: SpendFigures | None
    links: dict = field(default_factory=dict)

    @property
    def subject(self) -> str:
        return f"Training uptake for {self.month.label}"

    @property
    def area(self) -> str:
        if self.whole_service:
            return "everyone in the service"
        if self.team_id:
            return f"the people you manage in {self.team_name}"
        return "the people you manage"

    @property
    def targets_met(self) -> int:
        return sum(1 for line in self.targets if line.share.met)

    @property
    def lapses_shown(self) -> list[Lapse]:
        return self.lapses[:LIST_LIMIT]

    @property
    def lapses_not_shown(self) -> int:
        return max(len(self.lapses) - LIST_LIMIT, 0)

    @property
    def booked_shown(self) -> list[BookedPlace]:
        return self.booked[:LIST_LIMIT]

    @property
    def booked_not_shown(self) -> int:
        return max(len(self.booked) - LIST_LIMIT, 0)

    def summary(self) -> str:
        """A line for the command's dry run."""
        return (
            f"{self.people} {'person' if self.people == 1 else 'people'}, "
            f"{self.targets_met} of {len(self.targets)} targets met, {len(self.lapses)} lapsed, "
            f"{len(self.booked)} booked{', spend shown' if self.spend else ''}"
        )

    def email(self) -> OutgoingEmail:
        return OutgoingEmail(
            recipient=self.recipient,
            keys=[self.month.key],
            subject=self.subject,
            template=TEMPLATE,
            context={"digest": self},
            html=True,
        )


def recipients(month: Month) -> QuerySet:
    """Active people with an email address who hold a manager's or the coordinator's training permission
    and have not had `month`'s digest yet, in name order. One query."""
    permissions = Permission.objects.filter(content_type__app_label="training", codename__in=PERMISSIONS)
    return (
        User.objects.filter(is_active=True)
        .exclude(email="")
        .filter(Q(groups__permissions__in=permissions) | Q(user_permissions__in=permissions))
        .exclude(pk__in=EmailSent.objects.filter(key=month.key).values("recipient_id"))
        .distinct()
        .select_related("team")
        .order_by("full_name", "pk")
    )


def _area_team(user, whole_service: bool) -> tuple[int | None, str]:
    """The team a manager's people are all in (with them), for the matrix's team filter. One query."""
    if whole_service:
        return None, ""
    teams = list(access.people_for(user).order_by().values_list("team_id", "team__name").distinct()[:2])
    if len(teams) == 1 and teams[0][0] is not None:
        return teams[0]
    return None, ""


def _lapses(user, columns, month: Month, today: date) -> list[Lapse]:
    """The matrix's "Expired" cells whose training ran out in `month`, by date then name: the rows the matrix's
    own download reads, a chunk of people at a time (two queries, and one more per thousand people)."""
    rows = MatrixRows(user, MatrixFilters(status=Status.EXPIRED), today, columns)
    lapses = []
    for person, cells in rows.open():
        for column in rows.columns:
            status, shown_date, _completed = status_of(person, cells, column)
            if status == Status.EXPIRED and month.first <= shown_date <= month.last:
                lapses.append(Lapse(person.name, person.team_name, column.title, column.programme_name, shown_date))
    return sorted(lapses, key=lambda lapse: (lapse.expired_on, lapse.person.casefold(), lapse.course))


def _booked(user, today: date) -> list[BookedPlace]:
    """Places booked on dates from `today` on, not cancelled, by date then name. One query."""
    rows = (
        access.bookings_for(user)
        .filter(
            status=BookingStatus.BOOKED,
            course_date__is_cancelled=False,
            course_date__starts_at__gte=day_start(today),
        )
        .order_by("course_date__starts_at", "person__full_name", "pk")
        .values_list(
            "person_id",
            "person__full_name",
            "course_date__course__title",
            "course_date__starts_at",
            "course_date__location",
        )
    )
    return [
        BookedPlace(person_id, name, title, timezone.localtime(starts_at).date(), location)
        for person_id, name, title, starts_at, location in rows
    ]


def _links(team_id: int | None, spend: SpendFigures | None) -> dict:
    matrix = reverse("training:uptake")
    links = {
        "matrix": portal_url(matrix_url(matrix, team_id=team_id)),
        "lapsed": portal_url(matrix_url(matrix, team_id=team_id, status=Status.EXPIRED)),
        "booked": portal_url(matrix_url(matrix, team_id=team_id, status=Status.BOOKED)),
        "coverage": portal_url(reverse("training:coverage")),
    }
    if spend is not None and spend.spend_url:
        links["spend"] = portal_url(spend.spend_url)
    return links


def digest_for(user, month: Month, today: date) -> Digest | None:
    """`user`'s digest for `month`, as the uptake pages show their area on `today`; None when they can see
    nobody but themselves. A fixed number of queries up to a thousand people (see `_lapses`)."""
    if not access.people_for(user).exclude(pk=user.pk).exists():
        return None
    whole_service = access.sees_whole_service(user)
    team_id, team_name = _area_team(user, whole_service)
    report = coverage_for(user, today)
    spend = report.spend
    if spend is not None and financial_year_of(month.last) != financial_year_of(today):
        # The April digest is about March: the year just ended, not the one a day old.
        spend = coverage_for(user, month.last).spend
    columns = columns_for(user)
    matrix = reverse("training:uptake")
    targets = [
        TargetLine(
            coverage,
            portal_url(
                matrix_url(
                    matrix,
                    team_id=team_id,
                    programme_id=coverage.target.programme_id,
                    role_id=coverage.target.role_id,
                )
            ),
        )
        for coverage in report.targets
    ]
    booked = _booked(user, today)
    return Digest(
        recipient=user,
        month=month,
        today=today,
        whole_service=whole_service,
        people=report.people,
        team_id=team_id,
        team_name=team_name,
        targets=targets,
        lapses=_lapses(user, columns, month, today),
        booked=booked,
        booked_people=len({place.person_id for place in booked}),
        spend=spend,
        links=_links(team_id, spend),
    )


def digests(today: date) -> list[Digest]:
    """Every digest due for the month before `today`'s and not yet sent (`send_all` checks again as it
    sends)."""
    month = month_before(today)
    made = (digest_for(user, month, today) for user in recipients(month))
    return [digest for digest in made if digest is not None]
