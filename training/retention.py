"""Retention after training, for the coverage page: for each programme, how many of the people who completed
its training in the last two years have since left the service, out of how many completed it, and what the
training of those who left cost.

Someone "has since left" when their leaving date (recorded by people management) is on or before today and
after a completion of the programme's training in the two years. The cost adds up the course's cost per
place for each of those completions (at the cost per place the course has now; in-house sessions cost
nothing). One query, whatever the number of people.

Leavers' accounts are closed on their leaving date, so the people counted follow `training.access`'s rule
for whose training the viewer may see, with closed accounts kept in.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Count, F, Q, QuerySet, Sum

from portal.access import service_id_of
from portal.dates import add_months
from portal.line_management import managed_by
from training import access
from training.models import Booking
from training.reports_figures import percent

User = get_user_model()

YEARS = 2


def since(today: date) -> date:
    """The first day of the two years the figures count: two years before `today`, to the day."""
    return add_months(today, -12 * YEARS)


def people_for(user) -> QuerySet:
    """Everyone whose training `user` may see on the coverage page, including people who have left (whose
    accounts are closed): the whole service for the coordinator and service managers, the people they
    manage (and themselves) for managers, nobody for anyone else."""
    if not user.is_authenticated:
        return User.objects.none()
    if access.sees_whole_service(user):
        return User.objects.filter(team__service_id=service_id_of(user))
    if user.has_perm("training.view_team_training"):
        return User.objects.filter(managed_by(user) | Q(pk=user.pk))
    return User.objects.none()


@dataclass(frozen=True)
class ProgrammeRetention:
    programme_id: int
    programme: str
    trained: int
    left: int
    cost: Decimal

    @property
    def percent_left(self) -> int | None:
        return percent(self.left, self.trained)


@dataclass
class Retention:
    since: date
    today: date
    programmes: list[ProgrammeRetention] = field(default_factory=list)

    @property
    def cost(self) -> Decimal:
        """What the training of everyone who left cost: each completion belongs to one programme, so the
        programmes' costs add up (their people do not: someone trained in two programmes is in both)."""
        return sum((row.cost for row in self.programmes), Decimal(0))

    @property
    def most_left(self) -> ProgrammeRetention | None:
        """The programme that lost the largest share of the people it trained (the first in order on a tie)."""
        leaving = [row for row in self.programmes if row.left]
        return max(leaving, key=lambda row: row.left / row.trained) if leaving else None

    @property
    def sentence(self) -> str:
        """The figures in one or two plain sentences."""
        when = f"Since {self.since:%-d %B %Y}"
        if not self.programmes:
            return f"{when}, nobody you can see has completed any training."
        most = self.most_left
        if most is None:
            return f"{when}, nobody you can see who completed training has left."
        people = "person" if most.trained == 1 else "people"
        return (
            f"{when}, {most.programme} lost the largest share of the people it trained: {most.left} of "
            f"{most.trained} {people} ({most.percent_left}%) {'has' if most.left == 1 else 'have'} since left. "
            f"The training of everyone who left cost £{self.cost:,.2f}."
        )


def retention_for(user, today: date) -> Retention:
    """The retention figures for the people `user` may see, by programme in the catalogue's order: one query."""
    first = since(today)
    left = Q(person__leaving_date__lte=today, person__leaving_date__gt=F("completed_on"))
    rows = (
        Booking.objects.filter(person__in=people_for(user), completed_on__gte=first, completed_on__lte=today)
        .values_list("course_date__course__programme_id", "course_date__course__programme__name")
        .annotate(
            trained=Count("person", distinct=True),
            left=Count("person", distinct=True, filter=left),
            cost=Sum("course_date__course__cost_per_place", filter=left),
        )
        .order_by("course_date__course__programme__position", "course_date__course__programme__name")
    )
    return Retention(
        first,
        today,
        [
            ProgrammeRetention(programme_id, programme, trained, left_count, cost or Decimal(0))
            for programme_id, programme, trained, left_count, cost in rows
        ],
    )
