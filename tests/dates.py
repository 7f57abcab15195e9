"""Dates written the two ways the site's pages use them, so that tests type and read them as a person would."""

from datetime import date, datetime, timedelta

from django.utils import timezone


def as_typed(day: date) -> str:
    """A date as typed into the three boxes of a GOV.UK date field: "01 12 2026"."""
    return day.strftime("%d %m %Y")


def as_shown(day: date) -> str:
    """A date as the site prints it: "1 December 2026"."""
    return f"{day.day} {day:%B %Y}"


def half_past(hour: int, *, days_from_now: int) -> datetime:
    """`hour`:30 local time, `days_from_now` days from today (negative: days ago)."""
    day = timezone.localtime() + timedelta(days=days_from_now)
    return day.replace(hour=hour, minute=30, second=0, microsecond=0)
