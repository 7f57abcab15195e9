"""Saving a record two people may have open at once, without one silently overwriting the other.

A record that can be edited concurrently carries a version number (a `PositiveIntegerField`, usually
called `version`). A form remembers the version it was opened at; saving names that version and is
refused with `EditConflictError` if the record has moved on since. Every other change to the record
moves the version on too, so that anyone still holding the old one hears of it when they save.

    save_if_unchanged(session, expected_version, notes=notes)   # one UPDATE, or EditConflictError
    bump_version(session, supervisor_signed_at=None)            # one UPDATE, no check

Views catch `EditConflictError` and tell the person in their own words. People management, whose records
carry no version (it compares a fingerprint of what the form showed), raises the same error with the words
to show as its message.
"""

from django.db import models
from django.db.models import F


class EditConflictError(Exception):
    """Someone else saved the record after this person opened it.

    `record` is the record as the caller held it when the save was refused: when the caller had locked
    and read it afresh (as the guide does), that is the other person's version, to show beside ours.
    """

    def __init__(self, message: str = "Someone else saved the record after it was opened", *, record=None):
        super().__init__(message)
        self.record = record


def _rows(records) -> models.QuerySet:
    """A queryset for either one saved model instance or a queryset of them."""
    if isinstance(records, models.QuerySet):
        return records
    return type(records)._base_manager.filter(pk=records.pk)


def save_if_unchanged(record: models.Model, expected_version: int, *, version_field: str = "version", **changes):
    """Write `changes` to `record` and move its version on, in one UPDATE, but only if the row in the
    database is still at `expected_version`; otherwise write nothing and raise `EditConflictError`.

    The instance in memory is not changed: refresh it if you need the new values.
    """
    updated = (
        _rows(record)
        .filter(**{version_field: expected_version})
        .update(**{version_field: F(version_field) + 1}, **changes)
    )
    if not updated:
        raise EditConflictError(record=record)


def bump_version(records, *, version_field: str = "version", **changes) -> int:
    """Write `changes` to a record (or a queryset of them) and move each one's version on, in one UPDATE,
    without checking it: for changes that make what others have open out of date. Returns the rows changed."""
    return _rows(records).update(**{version_field: F(version_field) + 1}, **changes)
