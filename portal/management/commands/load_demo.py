"""Create a small, realistic service to explore the portal with. Safe to run again.

The portal makes the service, its teams and its people; then each app adds its own demo data through the
loader it registers (portal.features), given these people by email and the day to date everything from.
"""

from datetime import date, timedelta
from decimal import Decimal
from typing import NamedTuple

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from portal import features
from portal.models import Service, Team, User
from portal.roles import Role

DEMO_PASSWORD = "demo-portal-2026"  # noqa: S105 - published in the README; demo only

SERVICE = "Children's Social Care and Early Help"
FIRST_TEAM = "Assessment and Family Support"
SECOND_TEAM = "Children in Care and Care Leavers"


class DemoPerson(NamedTuple):
    email: str
    name: str
    job_title: str
    team: str | None
    line_manager: str | None  # their manager's email
    roles: list[str]
    start_date: date | timedelta  # a timedelta: that long before the day the demo is loaded
    newly_qualified: bool = False
    hours: str = "37"

    def started_on(self, today: date) -> date:
        if isinstance(self.start_date, date):
            return self.start_date
        day = today - self.start_date
        return day - timedelta(days=day.weekday())  # people start on a Monday


# Managers come before the people they manage.
PEOPLE = [
    DemoPerson(
        "manager@example.org",
        "Rachel Adeyemi",
        "Service Manager",
        FIRST_TEAM,
        None,
        [Role.SERVICE_MANAGER],
        date(2014, 9, 1),
    ),
    DemoPerson(
        "supervisor@example.org",
        "Tom Okafor",
        "Team Manager",
        FIRST_TEAM,
        "manager@example.org",
        [Role.SUPERVISOR, Role.SOCIAL_WORKER],
        date(2016, 4, 11),
    ),
    DemoPerson(
        "supervisor2@example.org",
        "Priya Shah",
        "Team Manager",
        SECOND_TEAM,
        "manager@example.org",
        [Role.SUPERVISOR, Role.SOCIAL_WORKER],
        date(2018, 1, 8),
    ),
    DemoPerson(
        "worker@example.org",
        "Sam Whitfield",
        "Social Worker",
        FIRST_TEAM,
        "supervisor@example.org",
        [Role.SOCIAL_WORKER],
        date(2021, 6, 14),
    ),
    DemoPerson(
        "worker2@example.org",
        "Amira Haddad",
        "Social Worker (ASYE)",
        SECOND_TEAM,
        "supervisor2@example.org",
        [Role.SOCIAL_WORKER],
        date(2026, 9, 7),
        newly_qualified=True,
    ),
    DemoPerson(
        "worker3@example.org",
        "Kwame Asante",
        "Senior Social Worker",
        FIRST_TEAM,
        "supervisor@example.org",
        [Role.SOCIAL_WORKER],
        date(2013, 2, 4),
    ),
    DemoPerson(
        "worker4@example.org",
        "Siobhan Gallagher",
        "Social Worker",
        FIRST_TEAM,
        "supervisor@example.org",
        [Role.SOCIAL_WORKER],
        date(2019, 5, 13),
        hours="30",
    ),
    DemoPerson(
        "worker5@example.org",
        "Bilal Chaudhry",
        "Social Worker",
        FIRST_TEAM,
        "supervisor@example.org",
        [Role.SOCIAL_WORKER],
        date(2023, 1, 9),
    ),
    DemoPerson(
        "worker6@example.org",
        "Megan Hughes",
        "Social Worker (ASYE)",
        FIRST_TEAM,
        "supervisor@example.org",
        [Role.SOCIAL_WORKER],
        timedelta(weeks=10),
        newly_qualified=True,
    ),
    DemoPerson(
        "worker7@example.org",
        "Zainab Rahman",
        "Social Worker",
        SECOND_TEAM,
        "supervisor2@example.org",
        [Role.SOCIAL_WORKER],
        date(2020, 8, 24),
    ),
    DemoPerson(
        "worker8@example.org",
        "Ewan Fraser",
        "Senior Practitioner",
        SECOND_TEAM,
        "supervisor2@example.org",
        [Role.SOCIAL_WORKER],
        date(2011, 10, 3),
    ),
    DemoPerson(
        "editor@example.org",
        "Jo Lambert",
        "Practice Development Lead",
        FIRST_TEAM,
        "manager@example.org",
        [Role.GUIDE_EDITOR, Role.PRACTICE_LEAD],
        date(2019, 3, 4),
        hours="30",
    ),
    DemoPerson(
        "coordinator@example.org",
        "Daniel Mensah",
        "Workforce Development Coordinator",
        SECOND_TEAM,
        "manager@example.org",
        [Role.TRAINING_COORDINATOR],
        date(2020, 10, 5),
    ),
    # Engaged for half a day a week.
    DemoPerson(
        "facilitator@example.org",
        "Dr Helen Marsh",
        "Systemic Psychotherapist",
        FIRST_TEAM,
        "manager@example.org",
        [Role.FACILITATOR],
        date(2017, 11, 1),
        hours="3.5",
    ),
    # Adds new starters, records movers and leavers (/people/manage/).
    DemoPerson(
        "people@example.org",
        "Grace Mitchell",
        "Workforce Officer",
        SECOND_TEAM,
        "manager@example.org",
        [Role.PEOPLE_ADMINISTRATOR],
        date(2022, 2, 7),
    ),
    DemoPerson("admin@example.org", "Portal Administrator", "System Administrator", None, None, [], date(2017, 11, 1)),
]
ADMINISTRATOR = "admin@example.org"


NEW_STARTER = "newstarter@example.org"


def _invite_new_starter(team, people, today) -> str:
    """One person added but not yet signed in, with a pending invitation: "email (link)", or "" once they have
    accepted it. Only the token's hash is stored, so on a later run a fresh invitation (which stops the
    earlier link working) is the only way to print a link that works."""
    from portal.people import invitations, services

    existing = User.objects.filter(email=NEW_STARTER).first()
    if existing is not None:
        try:
            invitation = invitations.resend(existing, by=people["people@example.org"])
        except invitations.InvitationError:
            return ""  # accepted, or their account was closed: there is no link to give
        return f"{existing.email} ({invitation.link})"
    person = services.add_person(
        services.NewPerson(
            full_name="Oliver Grant",
            email=NEW_STARTER,
            team=team,
            job_title="Advanced Practitioner",
            line_manager=people["manager@example.org"],
            start_date=today + timedelta(days=14),
            asye_start_date=None,
            working_hours=Decimal("37"),
        ),
        roles=[Role.SOCIAL_WORKER],
        by=people["people@example.org"],
    )
    return f"{person.email} ({person.invitation_link})"


class Command(BaseCommand):
    help = (
        "Create the demo service, teams and people. Running it again adds nothing, but gives the new starter "
        "a fresh invitation link while they have not accepted one."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even with DEBUG off (for a disposable test or benchmark environment only).",
        )
        parser.add_argument(
            "--today",
            type=date.fromisoformat,
            help="Date the supervision history as if today were this day (YYYY-MM-DD). Defaults to today.",
        )

    @transaction.atomic
    def handle(self, *args, force=False, today=None, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "The demo sign-ins share a published password, so load_demo refuses to run with DEBUG off. "
                "Use --force only on a disposable environment."
            )
        today = today or timezone.localdate()
        service, _ = Service.objects.get_or_create(name=SERVICE)
        teams = {name: Team.objects.get_or_create(service=service, name=name)[0] for name in (FIRST_TEAM, SECOND_TEAM)}
        groups = {group.name: group for group in Group.objects.all()}

        created = 0
        people = {}
        for demo in PEOPLE:
            person, was_created = User.objects.get_or_create(
                email=demo.email,
                defaults={
                    "full_name": demo.name,
                    "job_title": demo.job_title,
                    "team": teams.get(demo.team),
                    "line_manager": people.get(demo.line_manager),
                    "start_date": demo.started_on(today),
                    "is_newly_qualified": demo.newly_qualified,
                    "working_hours": Decimal(demo.hours),
                    "is_staff": demo.email == ADMINISTRATOR,
                    "is_superuser": demo.email == ADMINISTRATOR,
                },
            )
            if was_created:
                # Only on creation, so a demo password someone changed is not reset behind their back.
                person.set_password(DEMO_PASSWORD)
                person.save(update_fields=["password"])
                person.groups.set([groups[role] for role in demo.roles])
                created += 1
            people[demo.email] = person

        self.stdout.write(f"Demo content ready: {created} people created, {len(PEOPLE) - created} already there.")
        invited = _invite_new_starter(teams[SECOND_TEAM], people, today)
        if invited:
            self.stdout.write(f"A new starter has a pending invitation: {invited}")
        for loader in features.demo_loaders():
            self.stdout.write(loader.load(people, today))
        self.stdout.write(f"\nDemo sign-ins (password: {DEMO_PASSWORD}):")
        for demo in PEOPLE:
            roles = ", ".join(demo.roles) or "System administrator"
            self.stdout.write(f"  {demo.email:<26} {demo.name:<22} {roles}{f' - {demo.team}' if demo.team else ''}")
