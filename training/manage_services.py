"""The training coordinator's writes: programmes, courses, dates (and cancelling them), the budget and
coverage targets. Each is one transaction. Bookings themselves change only in `training.services`."""

import logging
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from portal.edit_conflicts import bump_version, save_if_unchanged
from training import services
from training.models import (
    LIVE,
    Booking,
    BookingStatus,
    Budget,
    Course,
    CourseDate,
    CoverageTarget,
    DateKind,
    Programme,
)
from training.services import BookingError

logger = logging.getLogger(__name__)


class CapacityError(BookingError):
    """Fewer places than are already taken."""


class TargetExistsError(Exception):
    """There is already a coverage target for this programme, level and role."""


@transaction.atomic
def save_programme(programme: Programme) -> Programme:
    programme.save()
    return programme


@transaction.atomic
def save_course(course: Course, *, required_for, tools=None) -> Course:
    """Save the course and the roles it is required for; `tools` (the handbook tool pages it teaches), when
    given, replaces its links to them."""
    course.save()
    course.required_for.set(required_for)
    if tools is not None:
        course.tools.set(tools)
    return course


@dataclass
class DateDetails:
    starts_at: datetime
    ends_at: datetime
    location: str
    is_online: bool
    capacity: int
    facilitator: str
    # A course date or a practice development session (training/practice_development.py), and what a session
    # decided: recorded once it has started, never with the names of families or children.
    kind: str = DateKind.COURSE
    decisions: str = ""


@transaction.atomic
def create_course_date(course: Course, details: DateDetails) -> CourseDate:
    if details.starts_at <= timezone.now():
        raise BookingError("The date must be in the future.")
    return CourseDate.objects.create(course=course, **details.__dict__)


@transaction.atomic
def change_course_date(course_date: CourseDate, details: DateDetails, *, expected_version: int) -> CourseDate:
    """Change a date's details. Fewer places than are taken is refused; more places move the waiting list up."""
    if details.decisions and details.kind != DateKind.PRACTICE_DEVELOPMENT:
        raise BookingError("Only a practice development session records what was decided.")
    locked = CourseDate.objects.select_for_update().get(pk=course_date.pk)
    save_if_unchanged(
        locked,
        expected_version,
        starts_at=details.starts_at,
        ends_at=details.ends_at,
        location=details.location,
        is_online=details.is_online,
        facilitator=details.facilitator,
        kind=details.kind,
        decisions=details.decisions,
    )
    if details.decisions and details.starts_at > timezone.now():
        raise BookingError("You can record what was decided once the session has started.")
    # Checked after the save so that someone whose form predates the cancelling hears of the conflict
    # first (cancelling moves the version on); refusing here undoes the save with the transaction.
    if locked.is_cancelled:
        raise BookingError("This date has been cancelled, so it cannot be changed.")
    if details.capacity != locked.capacity:
        # Checks the places taken under the same lock, and gives any new places to the waiting list.
        try:
            services.change_capacity(locked, details.capacity)
        except BookingError as error:
            raise CapacityError(str(error)) from error
    locked.refresh_from_db()
    return locked


@transaction.atomic
def cancel_course_date(course_date: CourseDate, *, by) -> list[Booking]:
    """Cancel a date and every live booking on it. Returns the bookings cancelled: their people need telling."""
    locked = CourseDate.objects.select_for_update().get(pk=course_date.pk)
    if locked.is_cancelled:
        raise BookingError("This date is already cancelled.")
    if locked.starts_at <= timezone.now():
        raise BookingError("This date has already started, so it cannot be cancelled.")
    cancelled = list(
        Booking.objects.select_for_update(of=("self",))
        .filter(course_date=locked, status__in=LIVE)
        .select_related("person")
        .order_by("person__full_name", "pk")
    )
    bump_version(
        Booking.objects.filter(pk__in=[booking.pk for booking in cancelled]),
        status=BookingStatus.CANCELLED,
        cancelled_at=timezone.now(),
    )
    bump_version(locked, is_cancelled=True)
    logger.info("Course date %s cancelled by user %s with %s live bookings", locked.pk, by.pk, len(cancelled))
    return cancelled


@transaction.atomic
def set_budget(year: int, amount: Decimal) -> Budget:
    budget, _created = Budget.objects.update_or_create(year=year, defaults={"amount": amount})
    return budget


@transaction.atomic
def add_target(*, programme: Programme, level: str, role, target_percent: int) -> CoverageTarget:
    # Lock the programme so two people adding the same target at once cannot both succeed: the database's
    # unique constraint treats "all staff" (no role) as different from every other "all staff".
    Programme.objects.select_for_update().filter(pk=programme.pk).first()
    if CoverageTarget.objects.filter(programme=programme, level=level, role=role).exists():
        raise TargetExistsError
    return CoverageTarget.objects.create(programme=programme, level=level, role=role, target_percent=target_percent)


@transaction.atomic
def remove_target(target: CoverageTarget) -> None:
    CoverageTarget.objects.filter(pk=target.pk).delete()
