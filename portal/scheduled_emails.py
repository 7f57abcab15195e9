"""Emails sent by the scheduled commands, each at most once, recorded in `portal.models.EmailSent`.

A scheduled command builds `OutgoingEmail`s (who, the keys naming what the email is about and for which
period, and the message), drops those whose keys were all sent already (`not_yet_sent`), then sends each
with `send_once`. The rows and the send share a transaction: if sending fails the rows go with it and the
next run tries again; a run at the same moment waits on the unique constraint, then stands aside.

Supervision's reminders (supervision/reminders.py) predate this and keep their own ReminderSent table.
"""

import logging
import smtplib
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string

from portal.models import EmailSent

logger = logging.getLogger(__name__)


def portal_url(path: str) -> str:
    """An address in the portal as an email needs it: absolute, from settings.PORTAL_BASE_URL."""
    return settings.PORTAL_BASE_URL.rstrip("/") + path


@dataclass
class OutgoingEmail:
    """One email to one person. `template` names a pair: `<template>.txt` (always) and `<template>.html`
    (if `html` is true), rendered with `context` plus `recipient` and `service_name`."""

    recipient: object
    keys: list[str]
    subject: str
    template: str
    context: dict = field(default_factory=dict)
    html: bool = False

    def _context(self) -> dict:
        return {**self.context, "recipient": self.recipient, "service_name": settings.SERVICE_NAME}

    def text_body(self) -> str:
        return render_to_string(f"{self.template}.txt", self._context()).strip() + "\n"

    def html_body(self) -> str | None:
        return render_to_string(f"{self.template}.html", self._context()) if self.html else None

    def message(self) -> EmailMultiAlternatives:
        message = EmailMultiAlternatives(
            self.subject, self.text_body(), settings.DEFAULT_FROM_EMAIL, [self.recipient.email]
        )
        if (html := self.html_body()) is not None:
            message.attach_alternative(html, "text/html")
        return message


def not_yet_sent(emails: Iterable[OutgoingEmail]) -> list[OutgoingEmail]:
    """The emails with at least one key not yet sent to their recipient, with the sent keys removed. One query."""
    emails = [email for email in emails if email.keys]
    if not emails:
        return []
    sent = set(
        EmailSent.objects.filter(
            recipient_id__in={email.recipient.pk for email in emails},
            key__in={key for email in emails for key in email.keys},
        ).values_list("recipient_id", "key")
    )
    waiting = []
    for email in emails:
        email.keys = [key for key in email.keys if (email.recipient.pk, key) not in sent]
        if email.keys:
            waiting.append(email)
    return waiting


def send_once(email: OutgoingEmail) -> bool:
    """Record and send one email. False if another run recorded it first. SMTP errors propagate."""
    message = email.message()
    try:
        with transaction.atomic():
            EmailSent.objects.bulk_create(EmailSent(recipient=email.recipient, key=key) for key in email.keys)
            message.send()
    except IntegrityError:
        logger.info("Email to user %s already recorded by another run; not sent again.", email.recipient.pk)
        return False
    logger.info("Sent %r to user %s: %s", email.subject, email.recipient.pk, ", ".join(email.keys))
    return True


@dataclass
class Outcome:
    sent: list[OutgoingEmail] = field(default_factory=list)
    failed: int = 0


def send_all(emails: Iterable[OutgoingEmail], *, dry_run: bool = False) -> Outcome:
    """Send each email not yet sent (on a dry run, only list them). A failed send is logged, counted and
    left for the next run."""
    outcome = Outcome()
    for email in not_yet_sent(emails):
        if not dry_run:
            try:
                if not send_once(email):
                    continue
            except (smtplib.SMTPException, OSError):
                logger.exception("Could not send %r to user %s.", email.subject, email.recipient.pk)
                outcome.failed += 1
                continue
        outcome.sent.append(email)
    return outcome
