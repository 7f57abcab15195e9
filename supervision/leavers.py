"""Supervision's part of a leaver's handover (see portal.people.leavers).

- Their own current agreement, as supervisee, ends on the leaving date.
- Each person they supervise gets a new draft agreement with the named supervisor, on the same terms,
  unsigned (each person signs what they agree to); the old agreement ends on the day the new one
  starts, as `services.make_agreement` does. Sessions and their records stay where they are.
- Their open actions move to the named person, or are closed, with an audit entry saying why.
"""

from django.db.models import Value
from django.db.models.functions import Greatest
from django.utils import timezone

from portal.people.leavers import Moved, Pending
from supervision.models import Action, Agreement, AuditAction, AuditEntry, RecordType
from supervision.services import audit_entry


class SupervisionHandover:
    key = "supervision"

    def _own(self, person):
        return Agreement.objects.current().filter(supervisee=person).select_related("supervisor").first()

    def _supervised(self, person):
        return list(
            Agreement.objects.current()
            .filter(supervisor=person)
            .select_related("supervisee")
            .order_by("supervisee__full_name", "pk")
        )

    def _open_actions(self, person):
        return list(Action.objects.open().filter(owner=person).order_by("due_on", "pk"))

    def summary(self, person, today):
        pending = []
        own = self._own(person)
        if own:
            pending.append(
                Pending(
                    "Their supervision agreement",
                    [f"With {own.supervisor.full_name}, since {own.starts_on:%-d %B %Y}"],
                    "It ends on the leaving date.",
                    needs_successor=False,
                )
            )
        supervised = self._supervised(person)
        if supervised:
            pending.append(
                Pending(
                    "People they supervise",
                    [agreement.supervisee.full_name for agreement in supervised],
                    "Each gets a new draft agreement with the person you name, on the same terms, to sign. "
                    "Their supervision records stay where they are.",
                    people=frozenset(agreement.supervisee_id for agreement in supervised),
                )
            )
        actions = self._open_actions(person)
        if actions:
            pending.append(
                Pending(
                    "Their open supervision actions",
                    [f"{action.description} (due {action.due_on:%-d %B %Y})" for action in actions],
                    "They move to the person you name, or close, as you choose.",
                    closable=True,
                )
            )
        return pending

    def hand_over(self, person, *, to, on, by, close_actions):
        moved = []
        entries = []
        ended = f"Ended because {person.full_name} is leaving"
        own = self._own(person)
        if own:
            Agreement.objects.filter(pk=own.pk).update(ended_on=max(own.starts_on, on))
            entries.append(audit_entry(by, AuditAction.CHANGED, RecordType.AGREEMENT, own.pk, ended))
            moved.append(
                Moved("Their supervision agreement", f"With {own.supervisor.full_name}", f"Ends on {on:%-d %B %Y}")
            )

        supervised = self._supervised(person)
        if supervised:
            old_ids = [agreement.pk for agreement in supervised]
            Agreement.objects.filter(pk__in=old_ids).update(ended_on=Greatest("starts_on", Value(on)))
            drafts = Agreement.objects.bulk_create(
                Agreement(
                    supervisee_id=agreement.supervisee_id,
                    supervisor=to,
                    starts_on=max(agreement.starts_on, on),
                    frequency=agreement.frequency,
                    arrangements=agreement.arrangements,
                    confidentiality=agreement.confidentiality,
                )
                for agreement in supervised
            )
            for old, draft in zip(supervised, drafts, strict=True):
                entries.append(audit_entry(by, AuditAction.CHANGED, RecordType.AGREEMENT, old.pk, ended))
                entries.append(
                    audit_entry(
                        by,
                        AuditAction.CREATED,
                        RecordType.AGREEMENT,
                        draft.pk,
                        f"Drafted with {to.full_name} for {old.supervisee.full_name}",
                    )
                )
            names = ", ".join(agreement.supervisee.full_name for agreement in supervised)
            moved.append(Moved(f"Supervisor of {names}", person.full_name, f"{to.full_name} (draft agreements)"))

        actions = self._open_actions(person)
        if actions:
            ids = [action.pk for action in actions]
            if close_actions:
                Action.objects.filter(pk__in=ids).update(completed_on=timezone.localdate())
                detail, after = f"Action closed because {person.full_name} is leaving", "Closed"
            else:
                Action.objects.filter(pk__in=ids).update(owner=to)
                detail, after = f"Action moved from {person.full_name} to {to.full_name}", to.full_name
            entries.extend(
                audit_entry(by, AuditAction.CHANGED, RecordType.SESSION, action.session_id, detail)
                for action in actions
            )
            descriptions = "; ".join(action.description for action in actions)
            moved.append(Moved(f"Open actions: {descriptions}", person.full_name, after))
        AuditEntry.objects.bulk_create(entries)
        return moved
