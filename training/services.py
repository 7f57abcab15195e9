"""Writes to training records. Each is one transaction.

Places on a course date are handed out under a row lock on the date (`SELECT ... FOR UPDATE`),
so two people asking for the last place at once are served one after the other: one gets it,
the other joins the waiting list. Whenever a place frees, the waiting list moves up.
"""

import logging
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from training import expiry
from training.models import (
    Attendance,
    Booking,
    BookingStatus,
    CourseDate,
    Decision,
    Evaluation,
    ExternalLearning,
    Spend,
)

logger = logging.getLogger(__name__)


class BookingError(Exception):
    """A booking change that cannot be made, with a message to show the person."""


def _locked_date(course_date: CourseDate) -> CourseDate:
    return CourseDate.objects.select_for_update().select_related("course").get(pk=course_date.pk)


def places_taken(course_date: CourseDate) -> int:
    return Booking.objects.holding_places().filter(course_date=course_date).count()


def _place_or_queue(course_date: CourseDate, *, approved: bool) -> str:
    if places_taken(course_date) < course_date.capacity:
        return BookingStatus.BOOKED if approved else BookingStatus.PENDING
    return BookingStatus.WAITING


@transaction.atomic
def request_place(person, course_date: CourseDate, *, by, approve: bool = False) -> Booking:
    """Ask for a place for `person`. A manager or the coordinator booking someone may approve at once.

    Takes a place if one is free (held while the request waits for approval), else joins the
    waiting list.
    """
    course_date = _locked_date(course_date)
    if course_date.is_cancelled:
        raise BookingError("This date has been cancelled. Choose another date.")
    if not course_date.course.is_active:
        raise BookingError("This course is no longer offered.")
    if course_date.starts_at <= timezone.now():
        raise BookingError("This date has already started. Choose a later date.")
    if Booking.objects.live().filter(course_date=course_date, person=person).exists():
        raise BookingError(f"{person} already has a place or a request on this date.")
    # The recertification window: current training is booked again only from a set number of days before expiry.
    if (window := expiry.closed_window(person, course_date.course, timezone.localdate())) is not None:
        raise BookingError(window.message)
    now = timezone.now()
    return Booking.objects.create(
        course_date=course_date,
        person=person,
        requested_by=by,
        status=_place_or_queue(course_date, approved=approve),
        approved_at=now if approve else None,
        approved_by=by if approve else None,
    )


@dataclass
class BulkResult:
    booked: list
    waiting: list
    already: list


@transaction.atomic
def book_people(people, course_date: CourseDate, *, by) -> BulkResult:
    """The coordinator books several people (a team) onto a date: places first, then the waiting list."""
    course_date = _locked_date(course_date)
    if course_date.is_cancelled or course_date.starts_at <= timezone.now():
        raise BookingError("You can only book people onto a future date that has not been cancelled.")
    already_ids = set(
        Booking.objects.live().filter(course_date=course_date, person__in=people).values_list("person_id", flat=True)
    )
    free = course_date.capacity - places_taken(course_date)
    now = timezone.now()
    result = BulkResult([], [], [])
    new = []
    for person in people:
        if person.pk in already_ids:
            result.already.append(person)
            continue
        status = BookingStatus.BOOKED if free > 0 else BookingStatus.WAITING
        free -= 1
        (result.booked if status == BookingStatus.BOOKED else result.waiting).append(person)
        new.append(
            Booking(
                course_date=course_date,
                person=person,
                status=status,
                requested_by=by,
                requested_at=now,
                approved_at=now,
                approved_by=by,
            )
        )
    Booking.objects.bulk_create(new)
    return result


def _lock_booking(booking: Booking) -> tuple[Booking, CourseDate]:
    course_date = _locked_date(booking.course_date)
    return Booking.objects.select_for_update().select_related("person").get(pk=booking.pk), course_date


@transaction.atomic
def approve(booking: Booking, *, by) -> Booking:
    booking, _course_date = _lock_booking(booking)
    if booking.status not in (BookingStatus.PENDING, BookingStatus.WAITING) or booking.approved_at:
        raise BookingError("This request has already been decided.")
    booking.approved_at, booking.approved_by = timezone.now(), by
    if booking.status == BookingStatus.PENDING:
        booking.status = BookingStatus.BOOKED
    booking.save(update_fields=["approved_at", "approved_by", "status"])
    return booking


@transaction.atomic
def decline(booking: Booking, *, by, reason: str) -> Booking:
    booking, course_date = _lock_booking(booking)
    if booking.status not in (BookingStatus.PENDING, BookingStatus.WAITING):
        raise BookingError("Only a request that is waiting for a decision can be declined.")
    freed = booking.holds_a_place
    booking.status, booking.decline_reason = BookingStatus.DECLINED, reason
    booking.approved_by = by
    booking.save(update_fields=["status", "decline_reason", "approved_by"])
    if freed:
        move_up_waiting_list(course_date)
    return booking


@transaction.atomic
def cancel(booking: Booking, *, by) -> Booking:
    booking, course_date = _lock_booking(booking)
    if booking.status not in (BookingStatus.PENDING, BookingStatus.BOOKED, BookingStatus.WAITING):
        raise BookingError("This booking is already cancelled or declined.")
    if course_date.starts_at <= timezone.now():
        raise BookingError("The course has started, so the booking can no longer be cancelled. Ask the coordinator.")
    freed = booking.holds_a_place
    booking.status, booking.cancelled_at = BookingStatus.CANCELLED, timezone.now()
    booking.save(update_fields=["status", "cancelled_at"])
    if freed:
        move_up_waiting_list(course_date)
    return booking


def move_up_waiting_list(course_date: CourseDate) -> list[Booking]:
    """Give free places to the waiting list, first come first served. Call with the date row locked."""
    free = course_date.capacity - places_taken(course_date)
    if free <= 0:
        return []
    moved = list(
        Booking.objects.select_for_update()
        .filter(course_date=course_date, status=BookingStatus.WAITING)
        .select_related("person")
        .order_by("requested_at", "pk")[:free]
    )
    for booking in moved:
        booking.status = BookingStatus.BOOKED if booking.approved_at else BookingStatus.PENDING
        booking.save(update_fields=["status"])
    if moved:
        transaction.on_commit(lambda: _tell_about_places(course_date, moved))
    return moved


def _tell_about_places(course_date: CourseDate, bookings: list[Booking]) -> None:
    when = timezone.localtime(course_date.starts_at)
    for booking in bookings:
        next_step = (
            "Your place is confirmed."
            if booking.status == BookingStatus.BOOKED
            else ("Your manager still needs to approve it.")
        )
        send_mail(
            subject=f"A place has come up: {course_date.course}",
            message=(
                f"Hello {booking.person.get_short_name()},\n\n"
                f"A place has come up on {course_date.course} on {when:%A %-d %B %Y at %H:%M}, "
                f"and it is now yours. {next_step}\n\n"
                f"If you can no longer go, please cancel so the next person can have it: "
                f"{settings.PORTAL_BASE_URL}/training/\n"
            ),
            from_email=None,
            recipient_list=[booking.person.email],
            fail_silently=True,
        )
    logger.info("Moved %s people up the waiting list for course date %s", len(bookings), course_date.pk)


@transaction.atomic
def change_capacity(course_date: CourseDate, capacity: int) -> None:
    course_date = _locked_date(course_date)
    taken = places_taken(course_date)
    if capacity < taken:
        raise BookingError(
            f"{taken} places are already taken, so there must be at least {taken} places. "
            "Cancel bookings first if you need fewer."
        )
    course_date.capacity = capacity
    course_date.save(update_fields=["capacity"])
    move_up_waiting_list(course_date)


# --- Registers, completion, evaluation, certificates ----------------------------------------


@dataclass
class RegisterMark:
    booking_id: int
    attendance: str
    hours: Decimal | None = None


@transaction.atomic
def take_register(course_date: CourseDate, marks: list[RegisterMark], *, by) -> int:
    """Mark who came. Attending (fully or in part) completes the course on the date it ran."""
    course_date = _locked_date(course_date)
    if course_date.starts_at > timezone.now():
        raise BookingError("You can take the register once the course has started.")
    bookings = {
        booking.pk: booking
        for booking in Booking.objects.select_for_update().filter(course_date=course_date, status=BookingStatus.BOOKED)
    }
    day = timezone.localtime(course_date.starts_at).date()
    for mark in marks:
        booking = bookings.get(mark.booking_id)
        if booking is None:
            raise BookingError("The register lists someone who is not booked on this date.")
        booking.attendance = mark.attendance
        if mark.attendance == Attendance.ATTENDED:
            booking.hours_attended, booking.completed_on = course_date.course.hours, day
        elif mark.attendance == Attendance.PARTLY:
            booking.hours_attended = mark.hours if mark.hours is not None else course_date.course.hours / 2
            booking.completed_on = day
        else:
            booking.hours_attended, booking.completed_on = None, None
        booking.version += 1
    Booking.objects.bulk_update(bookings.values(), ["attendance", "hours_attended", "completed_on", "version"])
    return len(marks)


@transaction.atomic
def evaluate(booking: Booking, *, rating: int, was_useful: str, will_use: str) -> Evaluation:
    if booking.completed_on is None:
        raise BookingError("You can evaluate a course once you have been marked as attending it.")
    if Evaluation.objects.filter(booking=booking).exists():
        raise BookingError("You have already evaluated this course. Thank you.")
    return Evaluation.objects.create(booking=booking, rating=rating, was_useful=was_useful, will_use=will_use)


@transaction.atomic
def attach_certificate(booking: Booking, *, content: bytes, name: str, content_type: str) -> None:
    """Store a certificate with the booking. The form has already checked its type and size."""
    Booking.objects.filter(pk=booking.pk).update(
        certificate=content, certificate_name=name[:200], certificate_type=content_type
    )


# --- External learning --------------------------------------------------------------------


@dataclass
class LearningDetails:
    title: str
    kind: str
    source: str
    completed_on: date
    hours: Decimal
    reflection: str


@transaction.atomic
def record_external_learning(person, details: LearningDetails) -> ExternalLearning:
    return ExternalLearning.objects.create(person=person, **details.__dict__)


@transaction.atomic
def decide_external_learning(learning: ExternalLearning, *, approve: bool, by, reason: str = "") -> None:
    updated = ExternalLearning.objects.filter(pk=learning.pk, status=Decision.SUBMITTED).update(
        status=Decision.APPROVED if approve else Decision.DECLINED,
        decided_by=by,
        decided_at=timezone.now(),
        decline_reason="" if approve else reason,
    )
    if not updated:
        raise BookingError("This has already been decided.")


# --- Spend --------------------------------------------------------------------------------


@transaction.atomic
def record_spend(*, spent_on: date, amount: Decimal, description: str, course, by) -> Spend:
    return Spend.objects.create(
        spent_on=spent_on, amount=amount, description=description, course=course, recorded_by=by
    )
