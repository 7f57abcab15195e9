"""What the people-management tests fill in: a new person for the service, and the add and change forms."""

from datetime import date
from decimal import Decimal

from portal.models import User
from portal.people import services
from portal.roles import Role
from tests.dates import as_typed


def new_person(team, **overrides) -> services.NewPerson:
    values = {
        "full_name": "Nia Roberts",
        "email": "nia.roberts@example.org",
        "team": team,
        "job_title": "Social Worker",
        "line_manager": None,
        "start_date": date(2027, 1, 4),
        "asye_start_date": None,
        "working_hours": Decimal("37"),
    } | overrides
    return services.NewPerson(**values)


def add_form(home_team, **overrides) -> dict:
    return {
        "full_name": "Nia Roberts",
        "email": "Nia.Roberts@Example.org",
        "team": home_team.pk,
        "job_title": "Social Worker",
        "roles": [Role.SOCIAL_WORKER],
        "line_manager": "",
        "start_date": "4 1 2027",
        "asye_start_date": "",
        "working_hours": "37",
    } | overrides


def change_form(person, **overrides) -> dict:
    person = User.objects.get(pk=person.pk)
    return {
        "team": person.team_id,
        "line_manager": person.line_manager_id or "",
        "job_title": person.job_title,
        "working_hours": services.hours(person.working_hours),
        "asye_start_date": as_typed(person.asye_start_date) if person.asye_start_date else "",
        "roles": [group.name for group in person.groups.all()],
        "reason": "Moved to the Children in Care team from 1 March",
        "seen": services.fingerprint(person),
    } | overrides


def errors(response) -> str:
    return response.context["form"].errors.as_text()
