"""Writes for people management: adding a person (with their invitation) and changing one, with a reason.

Each is one transaction and leaves events in the portal-wide audit trail, with who, when, and each
field's value before and after.

Who may give which role: a service manager may give any role. Anyone else with ``manage_people`` (a
People administrator) may give only a role whose permissions they hold themselves, so nobody can hand
out more access than they have. That covers their own roles and roles that carry no permissions at all
(Social worker, whose access comes from their own records). Roles a person may not give, they may not
take away either: such roles are left as they are. Nobody changes their own roles.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.utils import timezone

from portal import audit
from portal.edit_conflicts import EditConflictError
from portal.models import AuditKind, Team, User
from portal.people import invitations
from portal.people.leavers import not_staying
from portal.people.selectors import reports_of
from portal.roles import ROLES, Role, permissions_of


class PersonError(Exception):
    """The change cannot be made; the message says why, for the person making it."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


# --- Roles --------------------------------------------------------------------------------


def is_service_manager(user) -> bool:
    return user.is_superuser or any(group.name == Role.SERVICE_MANAGER for group in user.groups.all())


def grantable_roles(user) -> list[str]:
    """The roles ``user`` may give or take away (see the module's note), in the order of portal.roles."""
    if is_service_manager(user):
        return list(ROLES)
    held = user.get_all_permissions()
    return [name for name in ROLES if set(permissions_of(name)) <= held]


def _role_names(person: User) -> list[str]:
    return sorted(group.name for group in person.groups.all())


# --- Adding -------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewPerson:
    full_name: str
    email: str
    team: Team
    job_title: str
    line_manager: User | None
    start_date: date
    asye_start_date: date | None
    working_hours: Decimal
    # Who assesses their ASYE: they may read the critical reflections the person shares with them.
    asye_assessor: User | None = None


@transaction.atomic
def add_person(details: NewPerson, *, roles: list[str], by, request=None) -> User:
    """Create the account (no password yet), give its roles, and send an invitation."""
    refused = set(roles) - set(grantable_roles(by))
    if refused:
        raise PersonError(_cannot_give(sorted(refused)), field="roles")
    email = User.objects.normalize_email(details.email).lower()
    if User.objects.filter(email__iexact=email).exists():
        raise PersonError(DUPLICATE_EMAIL, field="email")
    check_line_manager(None, details.line_manager)
    try:
        with transaction.atomic():
            person = User.objects.create_user(
                email=email,
                password=None,
                full_name=details.full_name,
                team=details.team,
                job_title=details.job_title,
                line_manager=details.line_manager,
                start_date=details.start_date,
                asye_start_date=details.asye_start_date,
                is_newly_qualified=details.asye_start_date is not None,
                working_hours=details.working_hours,
                asye_assessor=details.asye_assessor,
            )
    except IntegrityError:
        # Someone added the same address a moment ago.
        raise PersonError(DUPLICATE_EMAIL, field="email") from None
    person.groups.set(Group.objects.filter(name__in=roles))
    audit.record(
        AuditKind.PERSON_ADDED,
        actor=by,
        subject=person,
        request=request,
        summary=f"{details.job_title or 'No job title'}, {details.team}",
        changes=_filled(
            {
                "team": [None, str(details.team)],
                "job_title": [None, details.job_title],
                "line_manager": [None, str(details.line_manager) if details.line_manager else None],
                "start_date": [None, details.start_date.isoformat()],
                "asye_start_date": [None, details.asye_start_date.isoformat() if details.asye_start_date else None],
                "working_hours": [None, hours(details.working_hours)],
                "asye_assessor": [None, str(details.asye_assessor) if details.asye_assessor else None],
                "roles": [[], sorted(roles)],
            }
        ),
    )
    person.invitation_link = invitations.issue(person, by=by, request=request).link
    return person


def _filled(changes: dict) -> dict:
    """Only the fields given a value: a new person's blank fields are not changes."""
    return {field: values for field, values in changes.items() if values[1] not in (None, "", [])}


DUPLICATE_EMAIL = "There is already an account with this email address"


def _cannot_give(names: list[str]) -> str:
    return (
        f"You cannot give the role {', '.join(names)}: only a service manager can give a role "
        "with access you do not have yourself"
    )


# --- Changing -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Changes:
    team: Team
    line_manager: User | None
    job_title: str
    working_hours: Decimal
    asye_start_date: date | None
    asye_assessor: User | None = None


def fingerprint(person: User) -> str:
    """A digest of everything the change form shows: if it differs when the form comes back, someone
    (another administrator, an import, a leaver's handover) changed the person in between."""
    values = [
        person.team_id,
        person.line_manager_id,
        person.job_title,
        hours(person.working_hours),
        person.asye_start_date.isoformat() if person.asye_start_date else None,
        _role_names(person),
        person.leaving_date.isoformat() if person.leaving_date else None,
        person.is_active,
        person.asye_assessor_id,
    ]
    return hashlib.sha256(json.dumps(values).encode()).hexdigest()


def check_line_manager(person: User | None, line_manager: User | None, today: date | None = None) -> None:
    """A person cannot manage themselves, nor be managed by anyone they manage (no cycles), nor be given a
    line manager who has left or is leaving (``person`` is None for someone not yet added). A line manager
    they already have may stay until the leaver's handover moves them."""
    if line_manager is None:
        return
    if person is not None and person.pk is not None:
        if line_manager.pk == person.pk:
            raise PersonError("A person cannot be their own line manager", field="line_manager")
        if line_manager.pk in reports_of(person):
            raise PersonError(
                f"{line_manager} cannot be {person}’s line manager, because {person} manages them, "
                "directly or further down the line",
                field="line_manager",
            )
        if line_manager.pk == person.line_manager_id:
            return
    problem = not_staying(line_manager, today or timezone.localdate())
    if problem:
        raise PersonError(problem, field="line_manager")


def hours(value) -> str:
    """Working hours as people write them: 37, 22.5."""
    return format(Decimal(value).normalize(), "f")


def _display(value) -> str | None:
    """A value as the audit trail stores it: dates as ISO dates, which it shows in words."""
    if isinstance(value, date):
        return value.isoformat()
    return None if value is None else str(value)


@transaction.atomic
def change_person(person: User, changes: Changes, *, roles: list[str], reason: str, seen: str, by, request=None):
    """Apply ``changes`` and the roles ticked (among those ``by`` may give), if nobody changed the person
    since the form showed the state ``seen`` (its fingerprint). Returns the audit events written.

    A change made in between raises the portal's ``EditConflictError`` (not a ``PersonError``: the view
    answers it differently, showing the form again as the person is now), with the words to show."""
    person = (
        User.objects.select_for_update(of=("self",))
        .select_related("team", "line_manager", "asye_assessor")
        .get(pk=person.pk)
    )
    if fingerprint(person) != seen:
        raise EditConflictError(
            f"Someone else changed {person}’s details after you opened this page. "
            "Check the details below, then make your change again"
        )
    check_line_manager(person, changes.line_manager)
    if changes.asye_assessor is not None and changes.asye_assessor.pk == person.pk:
        raise PersonError("A person cannot be their own ASYE assessor", field="asye_assessor")

    before = {
        "team": person.team,
        "line_manager": person.line_manager,
        "job_title": person.job_title,
        "working_hours": hours(person.working_hours),
        "asye_start_date": person.asye_start_date,
        "asye_assessor": person.asye_assessor,
    }
    after = {
        "team": changes.team,
        "line_manager": changes.line_manager,
        "job_title": changes.job_title,
        "working_hours": hours(changes.working_hours),
        "asye_start_date": changes.asye_start_date,
        "asye_assessor": changes.asye_assessor,
    }
    changed = {
        field: [_display(before[field]), _display(after[field])]
        for field in before
        if _display(before[field]) != _display(after[field])
    }

    grantable = set(grantable_roles(by))
    refused = set(roles) - grantable
    if refused:
        raise PersonError(_cannot_give(sorted(refused)), field="roles")
    roles_before = _role_names(person)
    roles_after = sorted({name for name in roles_before if name not in grantable} | set(roles))
    if roles_after != roles_before and person.pk == by.pk:
        raise PersonError(
            "You cannot change your own roles. Ask another people administrator or a service manager", field="roles"
        )
    if not changed and roles_after == roles_before:
        raise PersonError("You have not changed anything. Change a detail or a role, or go back", field=None)

    events = []
    if changed:
        person.team = changes.team
        person.line_manager = changes.line_manager
        person.job_title = changes.job_title
        person.working_hours = changes.working_hours
        fields = ["team", "line_manager", "job_title", "working_hours"]
        if "asye_start_date" in changed:
            # As add_person does: someone with an ASYE start date is newly qualified, and only they are.
            person.asye_start_date = changes.asye_start_date
            person.is_newly_qualified = changes.asye_start_date is not None
            fields += ["asye_start_date", "is_newly_qualified"]
        if "asye_assessor" in changed:
            person.asye_assessor = changes.asye_assessor
            fields.append("asye_assessor")
        person.save(update_fields=fields)
        events.append(
            audit.record(
                AuditKind.PERSON_CHANGED, actor=by, subject=person, request=request, summary=reason, changes=changed
            )
        )
    if roles_after != roles_before:
        person.groups.set(Group.objects.filter(name__in=roles_after))
        events.append(
            audit.record(
                AuditKind.ROLES_CHANGED,
                actor=by,
                subject=person,
                request=request,
                summary=reason,
                changes={"roles": [roles_before, roles_after]},
            )
        )
    return events
