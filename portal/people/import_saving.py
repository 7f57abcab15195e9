"""Saving a checked import (see portal.people.imports): all of it in one transaction, in bulk.

New people are created, changed people updated, line managers and roles set, each person's change
written to the audit trail with its before and after, and each new person sent an invitation, as
"add a person" sends one (portal.people.invitations): the same link, lifetime and email, made in bulk
and sent over one mail connection once the transaction commits.
"""

import logging
from datetime import date
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from portal import audit
from portal.models import AuditEvent, AuditKind, User
from portal.people import invitations
from portal.people.import_checks import plan_import
from portal.people.imports import Plan

logger = logging.getLogger(__name__)
BATCH = 500
# Fields an import writes straight onto a person (line manager and roles are set afterwards).
PLAIN_FIELDS = ("full_name", "job_title", "start_date", "asye_start_date", "working_hours", "leaving_date")


class ImportNotSavedError(Exception):
    """Nothing was saved; the message says why and what to do."""


@transaction.atomic
def apply_import(text: str, *, by: User, expected_digest: str, today: date, request=None, filename: str = "") -> Plan:
    """Check the file again and save it, or raise ImportNotSavedError and save nothing."""
    plan = plan_import(text, by=by, today=today)
    if plan.file_errors or plan.errors:
        raise ImportNotSavedError("The file has errors, so nothing was saved. Correct them and upload it again")
    if plan.digest() != expected_digest:
        raise ImportNotSavedError(
            "Someone changed people in the portal after you checked the file, so nothing was saved. "
            "Check the preview again, then confirm"
        )
    if not plan.can_confirm:
        raise ImportNotSavedError("Everyone in the file is already in the portal as it says: there is nothing to save")
    now = timezone.now()
    context = plan.context
    new_rows = [row for row in plan.rows if row.status == "new"]
    changed_rows = [row for row in plan.rows if row.status == "changed"]

    created = User.objects.bulk_create(
        [
            User(
                email=row.email,
                full_name=row.values["full_name"],
                team=row.values["team"],
                job_title=row.values.get("job_title", ""),
                start_date=row.values.get("start_date"),
                asye_start_date=row.values.get("asye_start_date"),
                working_hours=row.values.get("working_hours", Decimal("37.0")),
                leaving_date=row.values.get("leaving_date"),
                # As "add a person" does: someone with an ASYE start date is newly qualified.
                is_newly_qualified="asye_start_date" in row.values,
                password=make_password(None),
                date_joined=now,
            )
            for row in new_rows
        ],
        batch_size=BATCH,
    )
    people = {row.email: person for row, person in zip(new_rows, created, strict=True)}
    people.update({row.email: row.person for row in plan.rows if row.person is not None})
    managers = {**context.managers, **people}

    # Line managers last: a new person's manager may be another new person in the same file.
    for row, person in zip(new_rows, created, strict=True):
        if "line_manager" in row.values:
            person.line_manager = managers[row.values["line_manager"]]
    User.objects.bulk_update([p for p in created if p.line_manager_id], ["line_manager"], batch_size=BATCH)
    changed_fields = set()
    for row in changed_rows:
        person = row.person
        for key in PLAIN_FIELDS:
            if key in row.values and getattr(person, key) != row.values[key]:
                setattr(person, key, row.values[key])
                changed_fields.add(key)
                if key == "asye_start_date":
                    # A new ASYE start date means they are in their ASYE, as adding or changing a person says.
                    person.is_newly_qualified = True
                    changed_fields.add("is_newly_qualified")
        if "team" in row.values and person.team_id != row.values["team"].pk:
            person.team = row.values["team"]
            changed_fields.add("team")
        manager_email = row.values.get("line_manager")
        if manager_email and person.line_manager_id != managers[manager_email].pk:
            person.line_manager = managers[manager_email]
            changed_fields.add("line_manager")
    if changed_fields:
        User.objects.bulk_update([row.person for row in changed_rows], sorted(changed_fields), batch_size=BATCH)

    _set_roles(new_rows, created, changed_rows, context)
    events = [
        audit.event(
            AuditKind.PERSON_ADDED,
            actor=by,
            subject=person,
            request=request,
            summary="Added by an import from HR",
            changes={key: [None, after] for key, _before, after in row.changes},
            at=now,
        )
        for row, person in zip(new_rows, created, strict=True)
    ]
    for row in changed_rows:
        roles = [change for change in row.changes if change[0] == "roles"]
        others = [change for change in row.changes if change[0] != "roles"]
        for kind, changes in ((AuditKind.PERSON_CHANGED, others), (AuditKind.ROLES_CHANGED, roles)):
            if changes:
                events.append(
                    audit.event(
                        kind,
                        actor=by,
                        subject=row.person,
                        request=request,
                        summary="Changed by an import from HR",
                        changes={key: [before, after] for key, before, after in changes},
                        at=now,
                    )
                )
    to_invite = [person for person in created if not person.has_left(today)]
    events.extend(_invite(to_invite, by=by, request=request, now=now))
    counts = f"{plan.count('new'):,} added, {plan.count('changed'):,} changed, {plan.count('unchanged'):,} unchanged"
    events.append(
        audit.event(
            AuditKind.PEOPLE_IMPORTED,
            actor=by,
            subject=None,
            request=request,
            summary=f"Imported {filename or 'a file'}: {counts}; {len(to_invite):,} invited",
            at=now,
        )
    )
    AuditEvent.objects.bulk_create(events, batch_size=BATCH)
    return plan


def _set_roles(new_rows, created, changed_rows, context) -> None:
    through = User.groups.through
    groups = {group.name: group for group in context.roles.values()}
    replaced = [row.person.pk for row in changed_rows if row.roles_changed]
    through.objects.filter(user_id__in=replaced).delete()
    links = [
        through(user_id=person.pk, group_id=groups[name].pk)
        for row, person in zip(new_rows, created, strict=True)
        for name in row.values.get("roles", ())
    ]
    links += [
        through(user_id=row.person.pk, group_id=groups[name].pk)
        for row in changed_rows
        if row.roles_changed
        for name in row.values["roles"]
    ]
    through.objects.bulk_create(links, batch_size=BATCH)


def _invite(people: list[User], *, by, request, now) -> list[AuditEvent]:
    """Invitations for new people, as "add a person" makes them, emailed after the commit."""
    made = invitations.issue_many(people, by=by, now=now, batch_size=BATCH)
    if not made:
        return []
    summary = f"Link valid until {timezone.localtime(made[0].expires_at):%-d %B %Y %H:%M}"
    return [
        audit.event(AuditKind.INVITATION_SENT, actor=by, subject=person, request=request, summary=summary, at=now)
        for person in people
    ]
