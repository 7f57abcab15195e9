"""A large, separate "Bench service" for measuring the supervision dashboard (`make bench`).

10 teams, 200 social workers, 10 supervisors and a service manager, each worker with a current
agreement and five years of roughly monthly sessions (about 13,000 with the supervisors' own),
caseloads and some actions.

`--workers 2000` makes a second, larger service beside it (100 teams of 20, about 130,000
sessions) with its own people, named for its size ("Bench service (2,000 workers)", manager
bench-2000-manager@example.org), so both sizes can be measured from one database without
rebuilding either.

Everything is made with bulk_create in big batches in one transaction. Running it again changes
nothing but the manager's password; --reset deletes that bench service and makes it afresh.
"""

import random
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from portal.models import Service, Team, User
from portal.roles import Role
from supervision.models import Action, Agreement, Frequency, Session, add_months

SERVICE = "Bench service"
MANAGER_EMAIL = "bench-manager@example.org"  # the default size's manager: manager_email(WORKERS)
DEFAULT_PASSWORD = "bench-password-2026"  # noqa: S105 - a disposable benchmark environment only
WORKERS = 200
WORKERS_PER_TEAM = 20
YEARS = 5
# A fixed seed, so every bench run measures the same data.
SEED = 2026
# Rows per INSERT: big enough that a 130,000-session service loads in a few round trips, small
# enough that one statement's parameters stay well under PostgreSQL's limit of 65,535.
BATCH_SIZE = 4000


def service_name(workers: int = WORKERS) -> str:
    """The bench service of this size: the default keeps the name `make bench` has always used."""
    return SERVICE if workers == WORKERS else f"{SERVICE} ({workers:,} workers)"


def email_prefix(workers: int = WORKERS) -> str:
    return "bench" if workers == WORKERS else f"bench-{workers}"


def manager_email(workers: int = WORKERS) -> str:
    return f"{email_prefix(workers)}-manager@example.org"


class Command(BaseCommand):
    help = (
        "Create the Bench service: 200 social workers with five years of supervision, for `make bench` "
        "(--workers for a separate service of another size)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            default=DEFAULT_PASSWORD,
            help="The sign-in password for the bench people (run again, it changes only the manager's).",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help=f"How many social workers (default {WORKERS}); another size is a separate service.",
        )
        parser.add_argument("--reset", action="store_true", help="Delete the bench service first and make it again.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off (for a disposable test or benchmark environment only).",
        )

    @transaction.atomic
    def handle(self, *args, password, workers=None, reset=False, force=False, verbosity=1, **options):
        # Read here rather than as the option's default, so a test can make the default service smaller.
        workers = WORKERS if workers is None else workers
        if workers < 1:
            raise CommandError("--workers must be at least 1.")
        if not settings.DEBUG and not force:
            raise CommandError(
                "The bench sign-ins share a known password, so this command refuses to run with DEBUG off. "
                "Use --force only on a disposable environment."
            )
        groups = {
            group.name: group
            for group in Group.objects.filter(name__in=[Role.SOCIAL_WORKER, Role.SUPERVISOR, Role.SERVICE_MANAGER])
        }
        if len(groups) < 3:
            raise CommandError("The roles are missing. Run `manage.py migrate` first.")
        name = service_name(workers)
        if reset:
            self._delete(name)
        elif Service.objects.filter(name=name).exists():
            # Only the password may differ from last time: set it so the caller can sign in.
            manager = User.objects.get(email=manager_email(workers))
            manager.set_password(password)
            manager.save(update_fields=["password"])
            if verbosity:
                self.stdout.write(f"{name} is already there. Use --reset to make it again.")
            return
        rng = random.Random(SEED)  # noqa: S311 - made-up bench data, not secrets
        counts = Builder(rng, timezone.localdate(), make_password(password), groups, workers).build()
        # After a bulk load the planner knows nothing of the new rows until autovacuum gets round to
        # them; analyse now, so a bench run straight after measures the plans a real service gets.
        with connection.cursor() as cursor:
            for model in (Service, Team, User, User.groups.through, Agreement, Session, Action):
                cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
        if verbosity:
            self.stdout.write(
                f"{name} ready: {counts['people']} people, {counts['agreements']} agreements, "
                f"{counts['sessions']} sessions, {counts['actions']} actions. Sign in as {manager_email(workers)}."
            )

    def _delete(self, name: str):
        service = Service.objects.filter(name=name).first()
        if service is None:
            return
        people = User.objects.filter(team__service=service)
        # Sessions and agreements protect the people they name; actions go with their sessions.
        Session.objects.filter(supervisee__in=people).delete()
        Session.objects.filter(supervisor__in=people).delete()
        Agreement.objects.filter(supervisee__in=people).delete()
        Agreement.objects.filter(supervisor__in=people).delete()
        people.delete()
        Team.objects.filter(service=service).delete()
        service.delete()


class Builder:
    def __init__(self, rng: random.Random, today: date, password_hash: str, groups: dict, workers: int = WORKERS):
        self.rng = rng
        self.workers = workers
        self.prefix = email_prefix(workers)
        self.today = today
        # One hash for everyone: hashing 211 passwords (or 2,101) properly would take minutes.
        self.password_hash = password_hash
        self.groups = groups
        self.first_day = add_months(today, -12 * YEARS)

    def build(self) -> dict:
        service = Service.objects.create(name=service_name(self.workers))
        team_count = -(-self.workers // WORKERS_PER_TEAM)
        # Wide enough for the largest number, so the names sort in order (Worker 0009 before 0010).
        team_width, worker_width = max(2, len(str(team_count))), max(3, len(str(self.workers)))
        teams = Team.objects.bulk_create(
            Team(service=service, name=f"Bench team {n + 1:0{team_width}}") for n in range(team_count)
        )
        manager = self._people(
            [("Bench Service Manager", f"{self.prefix}-manager@example.org", teams[0], None, "Service Manager")]
        )[0]
        supervisors = self._people(
            (
                f"Bench Supervisor {n + 1:0{team_width}}",
                f"{self.prefix}-supervisor-{n + 1:0{team_width}}@example.org",
                team,
                manager,
                "Team Manager",
            )
            for n, team in enumerate(teams)
        )
        workers = self._people(
            (
                f"Bench Worker {n + 1:0{worker_width}}",
                f"{self.prefix}-worker-{n + 1:0{worker_width}}@example.org",
                teams[n % team_count],
                supervisors[n % team_count],
                "Social Worker",
            )
            for n in range(self.workers)
        )
        self._give_roles([manager], [Role.SERVICE_MANAGER])
        self._give_roles(supervisors, [Role.SUPERVISOR, Role.SOCIAL_WORKER])
        self._give_roles(workers, [Role.SOCIAL_WORKER])

        agreements = [self._agreement(supervisor, manager, Frequency.MONTHLY) for supervisor in supervisors]
        agreements += [self._agreement(worker, worker.line_manager, self._frequency()) for worker in workers]
        agreements = Agreement.objects.bulk_create(agreements, batch_size=BATCH_SIZE)

        sessions = []
        for agreement in agreements:
            sessions += self._sessions(agreement)
        sessions = Session.objects.bulk_create(sessions, batch_size=BATCH_SIZE)
        actions = Action.objects.bulk_create(
            (action for session in sessions for action in self._actions(session)), batch_size=BATCH_SIZE
        )
        return {
            "people": 1 + len(supervisors) + len(workers),
            "agreements": len(agreements),
            "sessions": len(sessions),
            "actions": len(actions),
        }

    def _people(self, rows) -> list[User]:
        return User.objects.bulk_create(
            (
                User(
                    full_name=name,
                    email=email,
                    team=team,
                    line_manager=line_manager,
                    job_title=job_title,
                    password=self.password_hash,
                    start_date=self.first_day,
                )
                for name, email, team, line_manager, job_title in rows
            ),
            batch_size=BATCH_SIZE,
        )

    def _give_roles(self, people, roles):
        through = User.groups.through
        through.objects.bulk_create(
            (through(user_id=person.pk, group_id=self.groups[role].pk) for person in people for role in roles),
            batch_size=BATCH_SIZE,
        )

    def _frequency(self) -> str:
        # Mostly monthly, as in the real service; a few newly qualified workers on the ASYE pattern.
        return self.rng.choices(
            [Frequency.MONTHLY, Frequency.FORTNIGHTLY, Frequency.SIX_WEEKLY, Frequency.ASYE], weights=[85, 4, 6, 5]
        )[0]

    def _agreement(self, supervisee, supervisor, frequency) -> Agreement:
        starts_on = self.first_day
        if frequency == Frequency.ASYE:
            starts_on = self.today - timedelta(days=self.rng.randint(20, 200))
        signed = timezone.make_aware(datetime.combine(starts_on, time(10)))
        return Agreement(
            supervisee=supervisee,
            supervisor=supervisor,
            starts_on=starts_on,
            frequency=frequency,
            arrangements="An hour and a half in the team room, booked a month ahead.",
            confidentiality="What we discuss stays between us unless someone is at risk of harm.",
            supervisee_signed_at=signed,
            supervisor_signed_at=signed,
        )

    def _sessions(self, agreement: Agreement) -> list[Session]:
        # About one in ten people has fallen behind: their last session was one to four months ago.
        last_day = self.today
        if self.rng.random() < 0.1:
            last_day = self.today - timedelta(days=self.rng.randint(35, 120))
        caseload = self.rng.randint(5, 10) if agreement.frequency == Frequency.ASYE else self.rng.randint(12, 22)
        sessions = []
        held_on = agreement.starts_on + timedelta(days=self.rng.randint(0, 10))
        while held_on <= last_day:
            caseload = min(30, max(3, caseload + self.rng.randint(-2, 2)))
            sessions.append(self._session(agreement, held_on, caseload))
            planned = agreement.interval_ends(held_on)
            held_on = max(held_on + timedelta(days=1), planned + timedelta(days=self.rng.randint(-5, 4)))
        if last_day == self.today and self.rng.random() < 0.5:
            # Half of those up to date have their next session booked.
            sessions.append(
                Session(
                    supervisee_id=agreement.supervisee_id,
                    supervisor_id=agreement.supervisor_id,
                    held_on=self.today + timedelta(days=self.rng.randint(1, 30)),
                )
            )
        return sessions

    def _session(self, agreement: Agreement, held_on: date, caseload: int) -> Session:
        written = timezone.make_aware(datetime.combine(held_on, time(16)))
        signed_off = held_on < self.today - timedelta(days=21)
        return Session(
            supervisee_id=agreement.supervisee_id,
            supervisor_id=agreement.supervisor_id,
            held_on=held_on,
            notes={"experience": "Bench notes: a reflective conversation about a home visit."},
            scale=self.rng.randint(3, 9),
            caseload_children=caseload,
            caseload_complexity=self.rng.choice(["low", "mixed", "high"]),
            recorded_at=written,
            supervisor_signed_at=written if signed_off else None,
            supervisee_signed_at=written if signed_off else None,
            locked_at=written if signed_off else None,
        )

    def _actions(self, session: Session) -> list[Action]:
        if session.recorded_at is None or self.rng.random() < 0.6:
            return []
        due_on = session.held_on + timedelta(days=self.rng.choice([7, 14, 28]))
        # Old actions are nearly all done; recent ones are often still open, some overdue.
        done = due_on < self.today - timedelta(days=60) and self.rng.random() < 0.97
        return [
            Action(
                session=session,
                description="Bench action: update the chronology",
                owner_id=session.supervisee_id,
                due_on=due_on,
                completed_on=due_on - timedelta(days=self.rng.randint(0, 5)) if done else None,
            )
        ]
