"""Reads for people management: the list and its filters, one person's page, and who manages whom.

Every read starts from ``User.objects.manageable_by(administrator)``: the people in the administrator's
own service. Nobody reaches a person outside it.
"""

from dataclasses import dataclass
from datetime import date

from allauth.socialaccount.models import SocialAccount
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from portal.models import AuditEvent, Invitation, Team, User
from portal.roles import ROLES
from portal.second_factor import factors_of

# A line-management chain longer than this is not a real organisation: stop looking.
MAX_CHAIN = 50


class Status:
    ACTIVE = "active"
    INVITED = "invited"
    LEAVING = "leaving"
    LEFT = "left"
    CLOSED = "closed"


STATUS_CHOICES = [
    (Status.ACTIVE, "Active"),
    (Status.INVITED, "Invited"),
    (Status.LEAVING, "Leaving"),
    (Status.LEFT, "Left"),
    (Status.CLOSED, "Closed"),
]


def pending_invitations():
    return Invitation.objects.filter(person=OuterRef("pk"), accepted_at__isnull=True, withdrawn_at__isnull=True)


def status_rule(status: str, today: date) -> Q:
    """The people with ``status`` on ``today``, as a filter. Matches ``status_of`` below, one for one."""
    left = Q(leaving_date__lte=today)
    closed = Q(is_active=False) & ~left
    working = Q(is_active=True) & (Q(leaving_date__isnull=True) | Q(leaving_date__gt=today))
    invited = Q(last_login__isnull=True, has_pending_invitation=True)
    return {
        Status.LEFT: left,
        Status.CLOSED: closed,
        Status.LEAVING: working & Q(leaving_date__isnull=False) & ~invited,
        Status.INVITED: working & invited,
        Status.ACTIVE: working & Q(leaving_date__isnull=True) & ~invited,
    }[status]


def status_of(person: User, today: date) -> str:
    """One person's status; ``person`` must come from ``people_for`` (it reads the invitation annotation)."""
    if person.has_left(today):
        return Status.LEFT
    if not person.is_active:
        return Status.CLOSED
    if person.last_login is None and person.has_pending_invitation:
        return Status.INVITED
    if person.leaving_date is not None:
        return Status.LEAVING
    return Status.ACTIVE


@dataclass(frozen=True)
class PeopleFilters:
    query: str = ""
    team_id: int | None = None
    role_id: int | None = None
    status: str | None = None

    def as_query(self) -> dict:
        """The filters as GET parameters, for pagination links and the CSV link."""
        pairs = {"q": self.query, "team": self.team_id, "role": self.role_id, "status": self.status}
        return {key: value for key, value in pairs.items() if value not in (None, "")}


def people_for(administrator, filters: PeopleFilters, today: date) -> QuerySet[User]:
    """The people list, filtered and sorted by name, with everything a row shows loaded up front."""
    people = (
        User.objects.manageable_by(administrator)
        .annotate(has_pending_invitation=Exists(pending_invitations()))
        .select_related("team", "line_manager")
        .prefetch_related(Prefetch("groups", queryset=Group.objects.order_by("name")))
        .order_by("full_name", "pk")
    )
    if filters.query:
        people = people.filter(Q(full_name__icontains=filters.query) | Q(email__icontains=filters.query))
    if filters.team_id:
        people = people.filter(team_id=filters.team_id)
    if filters.role_id:
        people = people.filter(groups__id=filters.role_id)
    if filters.status:
        people = people.filter(status_rule(filters.status, today))
    return people


def teams_for(administrator) -> QuerySet[Team]:
    """The teams of the administrator's service: where they may put people."""
    if not administrator.team_id:
        return Team.objects.none()
    return Team.objects.filter(service__teams__id=administrator.team_id).order_by("name")


def roles() -> QuerySet[Group]:
    return Group.objects.filter(name__in=ROLES).order_by("name")


def possible_line_managers(administrator) -> QuerySet[User]:
    """Who can be a line manager: anyone working in the administrator's service."""
    return User.objects.manageable_by(administrator).filter(is_active=True).select_related("team").order_by("full_name")


def person_for(administrator, pk: int) -> User:
    """One person, for their page; ``User.DoesNotExist`` outside the administrator's service."""
    return (
        User.objects.manageable_by(administrator)
        .annotate(has_pending_invitation=Exists(pending_invitations()))
        .select_related("team__service", "line_manager", "asye_assessor")
        .prefetch_related(Prefetch("groups", queryset=Group.objects.order_by("name")))
        .get(pk=pk)
    )


def reports_of(person: User) -> set[int]:
    """Everyone ``person`` manages, directly or further down the line: one query a level."""
    found: set[int] = set()
    frontier = {person.pk}
    for _level in range(MAX_CHAIN):
        frontier = set(User.objects.filter(line_manager_id__in=frontier).values_list("pk", flat=True)) - found
        frontier.discard(person.pk)
        if not frontier:
            break
        found |= frontier
    return found


def recent_events_about(person: User, limit: int = 10) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(subject=person)[:limit])


def invitations_of(person: User, limit: int = 5) -> list[Invitation]:
    return list(Invitation.objects.filter(person=person).select_related("sent_by")[:limit])


class SignIn:
    """How someone can already sign in, without an invitation (see ``sign_in_way``)."""

    COUNCIL = "council"
    PASSWORD = "password"  # noqa: S105 - a kind of sign-in, not a password
    SIGNED_IN = "signed_in"


def sign_in_way(person: User) -> str | None:
    """How ``person`` can already sign in: with their council account (linked by single sign-on), with a
    password, or (neither, yet they have signed in before) some other way. None if they cannot, so an
    invitation is what lets them in."""
    if SocialAccount.objects.filter(user=person).exists():
        return SignIn.COUNCIL
    if person.has_usable_password():
        return SignIn.PASSWORD
    if person.last_login is not None:
        return SignIn.SIGNED_IN
    return None


def second_factors_of(person: User) -> list[str]:
    """The kinds of second factor the person has set up (names, never secrets)."""
    return [factor.kind for factor in factors_of(person)]
