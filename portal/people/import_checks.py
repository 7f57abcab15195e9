"""Checking an import's rows against the portal (see portal.people.imports for the file and its columns).

Everything the checks need from the database is loaded first, in a fixed number of queries whatever
the file's length; then each row is checked by itself, and the file as a whole for line management
that would go round in a circle.
"""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower

from portal.form_fields import DATE_FORMATS
from portal.models import Team, User
from portal.people.imports import (
    COLUMN_BY_KEY,
    DATE_KEYS,
    FIELDS,
    FORMULA_STARTS,
    HOURS_MAX,
    HOURS_MIN,
    Plan,
    RowError,
    RowPlan,
    records_of,
)
from portal.people.leavers import not_staying
from portal.roles import ROLES


def _shown(value) -> str:
    """A value as the preview shows it; empty when not set (the preview and the audit trail say "Not set")."""
    if value is None or value == "" or value == ():
        return ""
    if isinstance(value, date):
        return f"{value:%-d %B %Y}"
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    if isinstance(value, tuple):
        return ", ".join(value)
    return str(value)


def _quoted(cell: str) -> str:
    return f"“{cell[:40]}{'…' if len(cell) > 40 else ''}”"


def _date(cell: str) -> date:
    for pattern in (*DATE_FORMATS, "%d/%m/%y"):
        try:
            return datetime.strptime(cell, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"{_quoted(cell)} is not a real date. Write it as day/month/year, like 27/3/2027")


def _hours(cell: str) -> Decimal:
    try:
        hours = Decimal(cell)
    except InvalidOperation:
        hours = None
    if hours is None or not hours.is_finite():
        raise ValueError(f"{_quoted(cell)} is not a number of hours. Write hours a week, like 37 or 22.5")
    if not HOURS_MIN <= hours <= HOURS_MAX:
        raise ValueError(f"Working hours must be from {HOURS_MIN} to {HOURS_MAX:.0f} a week")
    if hours != hours.quantize(Decimal("0.1")):
        raise ValueError("Working hours can have at most one decimal place, like 22.5")
    return hours.quantize(Decimal("0.1"))


@dataclass
class Context:
    """What the checks need from the database, loaded in a few queries before any row is read."""

    by: User
    teams: dict[str, Team]
    roles: dict[str, Group]
    grantable: set[str]
    existing: dict[str, User]
    in_scope: set[int]
    managers: dict[str, User]
    role_ids: dict[int, set[int]]
    file_emails: set[str]


def _load(by: User, records) -> Context:
    from portal.people.selectors import teams_for
    from portal.people.services import grantable_roles

    emails = {record.get("email", "").strip().lower() for _number, record in records} - {""}
    manager_emails = {record.get("line_manager_email", "").strip().lower() for _number, record in records} - {""}
    named = list(
        User.objects.annotate(email_lower=Lower("email"))
        .filter(email_lower__in=emails | manager_emails)
        .select_related("team", "line_manager")
    )
    in_scope = set(
        User.objects.manageable_by(by).filter(pk__in=[person.pk for person in named]).values_list("pk", flat=True)
    )
    existing = {person.email_lower: person for person in named if person.email_lower in emails}
    managers = {person.email_lower: person for person in named if person.pk in in_scope}
    role_ids: dict[int, set[int]] = {person.pk: set() for person in existing.values()}
    for user_id, group_id in User.groups.through.objects.filter(user_id__in=list(role_ids)).values_list(
        "user_id", "group_id"
    ):
        role_ids[user_id].add(group_id)
    return Context(
        by=by,
        teams={team.name.lower(): team for team in teams_for(by)},
        roles={group.name.lower(): group for group in Group.objects.filter(name__in=ROLES)},
        grantable=set(grantable_roles(by)),
        existing=existing,
        in_scope=in_scope,
        managers=managers,
        role_ids=role_ids,
        file_emails=emails,
    )


def _check_row(number: int, record: dict[str, str], context: Context, today: date) -> tuple[RowPlan, list[RowError]]:
    errors: list[RowError] = []

    def error(key: str, message: str) -> None:
        errors.append(RowError(number, COLUMN_BY_KEY[key].heading, message))

    cells = {}
    for key, raw in record.items():
        cell = raw.strip()
        if cell.startswith(FORMULA_STARTS):
            error(
                key,
                f"{_quoted(cell)} starts with “{cell[0]}”, which a spreadsheet would run as a formula. "
                "Remove it, or save the cell as plain text",
            )
            continue
        cells[key] = cell

    email = cells.get("email", "").lower()
    plan = RowPlan(number, email, cells.get("full_name", ""))
    values: dict = {}
    if not email:
        if "email" in cells:
            error("email", "Enter their work email address")
    else:
        try:
            validate_email(email)
        except ValidationError:
            error("email", f"{_quoted(email)} is not an email address. Write it like name@example.gov.uk")
    person = context.existing.get(email)
    if person is not None and person.pk not in context.in_scope:
        error("email", "Someone with this email address is in the portal but not in your service")
        person = None
    plan.person = person

    name = cells.get("full_name", "")
    if not name:
        if "full_name" in cells:
            error("full_name", "Enter their full name")
    elif len(name) > 200:
        error("full_name", "The full name must be 200 characters or fewer")
    else:
        values["full_name"] = name

    team_name = cells.get("team", "")
    if not team_name:
        if "team" in cells:
            error("team", "Enter the name of their team")
    elif team_name.lower() not in context.teams:
        error("team", f"There is no team called {_quoted(team_name)} in your service")
    else:
        values["team"] = context.teams[team_name.lower()]

    if cells.get("job_title"):
        if len(cells["job_title"]) > 200:
            error("job_title", "The job title must be 200 characters or fewer")
        else:
            values["job_title"] = cells["job_title"]

    manager_email = cells.get("line_manager_email", "").lower()
    if manager_email:
        manager = context.managers.get(manager_email)
        foreign = context.existing.get(manager_email)
        # The same rule as the change form (services.check_line_manager): a line manager they already have may
        # stay; a new one must not have left or be leaving.
        keeps = person is not None and manager is not None and person.line_manager_id == manager.pk
        leaving = None if manager is None or keeps else not_staying(manager, today)
        if manager_email == email:
            error("line_manager_email", "A person cannot be their own line manager")
        elif foreign is not None and foreign.pk not in context.in_scope:
            error("line_manager_email", f"{manager_email} is in the portal but not in your service")
        elif leaving:
            error("line_manager_email", leaving)
        elif manager is None and manager_email not in context.file_emails:
            error("line_manager_email", f"There is no {manager_email} in this file or in your service")
        else:
            values["line_manager"] = manager_email

    if cells.get("roles"):
        names = [part.strip() for part in cells["roles"].split(";") if part.strip()]
        unknown = [part for part in names if part.lower() not in context.roles]
        if unknown:
            error(
                "roles",
                f"There is no role called {_quoted(unknown[0])}. The roles are: "
                + ", ".join(sorted(ROLES))
                + ". Separate them with semicolons",
            )
        else:
            wanted = {context.roles[part.lower()].name for part in names}
            refused = sorted(wanted - context.grantable)
            held = _held_roles(person, context)
            # Roles the administrator may not give, they may not take away either: those stay as they are.
            target = tuple(sorted(wanted | {name for name in held if name not in context.grantable}))
            if refused and not set(refused) <= set(held):
                error(
                    "roles",
                    f"You cannot give the role {', '.join(refused)}: only a service manager can give a role "
                    "with access you do not have yourself",
                )
            elif person is not None and person.pk == context.by.pk and target != held:
                error("roles", "You cannot change your own roles: ask another people administrator")
            else:
                values["roles"] = target

    for key in DATE_KEYS:
        if cells.get(key):
            try:
                values[key] = _date(cells[key])
            except ValueError as problem:
                error(key, str(problem))
    start = values.get("start_date") or (person.start_date if person else None)
    if values.get("leaving_date") and start and values["leaving_date"] < start:
        error("leaving_date", f"The leaving date must be on or after the start date, {start:%-d %B %Y}")

    if cells.get("working_hours"):
        try:
            values["working_hours"] = _hours(cells["working_hours"])
        except ValueError as problem:
            error("working_hours", str(problem))

    plan.values = values
    return plan, errors


def _held_roles(person: User | None, context: Context) -> tuple[str, ...]:
    if person is None:
        return ()
    return tuple(sorted(group.name for group in context.roles.values() if group.pk in context.role_ids[person.pk]))


def _before(person: User, context: Context) -> dict:
    return {
        "full_name": person.full_name,
        "team": person.team,
        "job_title": person.job_title,
        "line_manager": person.line_manager.email.lower() if person.line_manager_id else None,
        "roles": _held_roles(person, context),
        "start_date": person.start_date,
        "asye_start_date": person.asye_start_date,
        "working_hours": person.working_hours,
        "leaving_date": person.leaving_date,
    }


def _describe(plan: RowPlan, context: Context) -> None:
    """Set the row's status and the changes a person reads in the preview."""
    if plan.person is None:
        plan.status = "new"
        plan.changes = [(key, "", _shown(plan.values[key])) for key in FIELDS if key in plan.values]
        return
    before = _before(plan.person, context)
    for key in FIELDS:
        if key in plan.values and plan.values[key] != before[key]:
            plan.changes.append((key, _shown(before[key]), _shown(plan.values[key])))
            plan.roles_changed = plan.roles_changed or key == "roles"
    plan.status = "changed" if plan.changes else "unchanged"


def plan_import(text: str, *, by: User, today: date) -> Plan:
    """Check every row; raise ImportFileError if the file as a whole cannot be read."""
    plan = Plan()
    records = records_of(text, plan)
    if plan.file_errors:
        return plan
    context = plan.context = _load(by, records)
    first_row: dict[str, int] = {}
    for number, record in records:
        row, errors = _check_row(number, record, context, today)
        if row.email:
            if row.email in first_row:
                errors.append(
                    RowError(
                        number,
                        "Email",
                        f"This email address is also on row {first_row[row.email]}: "
                        "each person can be in the file once",
                    )
                )
            else:
                first_row[row.email] = number
        if errors:
            row.status = "error"
            plan.errors.extend(errors)
        else:
            _describe(row, context)
        plan.rows.append(row)
    if not plan.errors:
        _check_loops(plan, by)
    plan.errors.sort(key=lambda problem: problem.row)
    return plan


def _check_loops(plan: Plan, by: User) -> None:
    """Refuse line management that would go round in a circle, with the file's changes applied."""
    managed = {
        email.lower(): (manager or "").lower() or None
        for email, manager in User.objects.manageable_by(by).values_list("email", "line_manager__email")
    }
    for row in plan.rows:
        if "line_manager" in row.values:
            managed[row.email] = row.values["line_manager"]
    for row in plan.rows:
        manager = row.values.get("line_manager")
        seen, node = set(), manager
        while node and node not in seen:
            if node == row.email:
                plan.errors.append(
                    RowError(
                        row.number,
                        COLUMN_BY_KEY["line_manager_email"].heading,
                        f"{manager} is managed by {row.full_name or row.email}, directly or further down the line, "
                        "so cannot be their line manager",
                    )
                )
                row.status = "error"
                break
            seen.add(node)
            node = managed.get(node)
