"""Reminder emails: supervision due in the next few days, and actions past their due date.

Sent by `manage.py send_supervision_reminders`, once a day. Each thing a person is reminded of
has a key ("due:12:2026-12-01", "action:40"); a `ReminderSent` row per recipient and key is what
stops the same reminder going twice. Everything one person is due to hear about in a run goes in
one email.

Emails leave the portal, so they carry dates, names of colleagues and action descriptions only:
never reflective notes or case references.
"""

import logging
import smtplib
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import OuterRef, Subquery
from django.template.loader import render_to_string
from django.urls import reverse

from supervision.models import Action, Agreement, ReminderSent, Session

logger = logging.getLogger(__name__)

User = get_user_model()

# Enough notice to book or prepare, short enough that the reminder is still read as "soon".
DAYS_AHEAD = 3


@dataclass(frozen=True)
class SessionDue:
    """The next supervision under a current agreement: booked for `due_on`, or due by then unbooked."""

    supervisee: User
    supervisor: User
    due_on: date
    booked: bool

    @property
    def key(self) -> str:
        return f"due:{self.supervisee.pk}:{self.due_on.isoformat()}"


@dataclass
class Reminder:
    """One email: everything `recipient` has not yet been reminded of."""

    recipient: User
    sessions: list[SessionDue] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)

    @property
    def keys(self) -> list[str]:
        return [due.key for due in self.sessions] + [action_key(action) for action in self.actions]

    @property
    def subject(self) -> str:
        if self.sessions and self.actions:
            return "Supervision coming up, and actions past their due date"
        if self.sessions:
            return "Supervision coming up"
        return "Supervision actions past their due date"

    def body(self) -> str:
        return render_to_string(
            "supervision/email/reminder.txt",
            {
                "recipient": self.recipient,
                "sessions": [
                    {"due": due, "as_supervisee": due.supervisee.pk == self.recipient.pk} for due in self.sessions
                ],
                "actions": self.actions,
                "portal_url": settings.PORTAL_BASE_URL.rstrip("/") + reverse("supervision:overview"),
                "service_name": settings.SERVICE_NAME,
            },
        ).strip()

    def message(self) -> EmailMessage:
        return EmailMessage(self.subject, self.body(), settings.DEFAULT_FROM_EMAIL, [self.recipient.email])


def action_key(action: Action) -> str:
    return f"action:{action.pk}"


def sessions_due(today: date, days_ahead: int = DAYS_AHEAD) -> list[SessionDue]:
    """Current agreements whose next session falls between today and `days_ahead` days on. One query.

    The next session is the earliest booking after today or, with none booked, the date the
    agreement says the next one is due by, counted from the last session held.
    """
    sessions = Session.objects.filter(supervisee=OuterRef("supervisee"))
    agreements = (
        Agreement.objects.current()
        .filter(supervisee__is_active=True)
        .annotate(
            last_held=Subquery(sessions.held_by(today).order_by("-held_on").values("held_on")[:1]),
            next_booked=Subquery(
                sessions.booked_after(today).filter(recorded_at__isnull=True).order_by("held_on").values("held_on")[:1]
            ),
        )
        .select_related("supervisee", "supervisor")
        .order_by("pk")
    )
    due = []
    for agreement in agreements:
        due_on = agreement.next_booked or agreement.next_due(agreement.last_held)
        if today <= due_on <= today + timedelta(days=days_ahead):
            due.append(
                SessionDue(agreement.supervisee, agreement.supervisor, due_on, agreement.next_booked is not None)
            )
    return due


def overdue_actions(today: date) -> list[Action]:
    """Open actions past their due date whose owner still works here. One query."""
    return list(
        Action.objects.overdue(today).filter(owner__is_active=True).select_related("owner").order_by("due_on", "pk")
    )


def reminders_to_send(today: date) -> list[Reminder]:
    """One reminder per person with something they have not yet been told about. Three queries."""
    by_person: dict[int, Reminder] = {}

    def reminder_for(person) -> Reminder:
        return by_person.setdefault(person.pk, Reminder(person))

    for due in sessions_due(today):
        for person in (due.supervisee, due.supervisor):
            if person.is_active:
                reminder_for(person).sessions.append(due)
    for action in overdue_actions(today):
        reminder_for(action.owner).actions.append(action)
    if not by_person:
        return []

    already_sent = set(
        ReminderSent.objects.filter(
            recipient_id__in=by_person, key__in={key for reminder in by_person.values() for key in reminder.keys}
        ).values_list("recipient_id", "key")
    )
    reminders = []
    for person_id, reminder in by_person.items():
        reminder.sessions = [due for due in reminder.sessions if (person_id, due.key) not in already_sent]
        reminder.actions = [
            action for action in reminder.actions if (person_id, action_key(action)) not in already_sent
        ]
        if reminder.keys:
            reminders.append(reminder)
    return sorted(reminders, key=lambda reminder: (reminder.recipient.full_name, reminder.recipient.pk))


def send_reminder(reminder: Reminder) -> bool:
    """Record and send one reminder email. False if another run recorded any of it first.

    The rows and the send share a transaction: if sending fails the rows go with it and the next
    run tries again; a run at the same moment waits on the rows' unique constraint, then stands aside.
    """
    message = reminder.message()
    try:
        with transaction.atomic():
            ReminderSent.objects.bulk_create(
                ReminderSent(recipient=reminder.recipient, key=key) for key in reminder.keys
            )
            message.send()
    except IntegrityError:
        logger.info("Reminder for user %s already recorded by another run; not sent again.", reminder.recipient.pk)
        return False
    logger.info("Sent a supervision reminder to user %s: %s", reminder.recipient.pk, ", ".join(reminder.keys))
    return True


@dataclass
class Summary:
    emails: int = 0
    sessions: int = 0
    actions: int = 0
    failed: int = 0


def send_reminders(today: date, *, dry_run: bool = False) -> tuple[list[Reminder], Summary]:
    """Send (or, on a dry run, only list) every reminder due today. Returns the reminders and the counts."""
    reminders = reminders_to_send(today)
    summary = Summary()
    sent = []
    for reminder in reminders:
        if not dry_run:
            try:
                if not send_reminder(reminder):
                    continue
            except (smtplib.SMTPException, OSError):
                logger.exception("Could not send a supervision reminder to user %s.", reminder.recipient.pk)
                summary.failed += 1
                continue
        sent.append(reminder)
    summary.emails = len(sent)
    summary.sessions = len({due.key for reminder in sent for due in reminder.sessions})
    summary.actions = len({action.pk for reminder in sent for action in reminder.actions})
    return sent, summary
