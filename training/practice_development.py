"""Practice development sessions: the service's own formal sessions, run as dates of a course
(`CourseDate.kind`), so that booking, the register and CPD hours work as for any course date.

A session also records what was decided (`CourseDate.decisions`), never with the names of families or
children. The training coordinator records it, on the date's form or with the register, once the session
has started. The decisions are read by the people who attended the session (on their booking) and by the
training coordinator (on the date's page); a manager reading someone's booking does not see them.
"""

from django.db import transaction
from django.utils import timezone

from portal.edit_conflicts import save_if_unchanged
from training import access, manage_services, services
from training.models import Attendance, Booking, Course, CourseDate, DateKind
from training.services import BookingError

DECISIONS_MAX = 5000
DECISIONS_CHANGED = (
    "Someone else changed what was decided after you opened the register. Reload the page to see their "
    "version, then make your changes again"
)


def is_session(course_date: CourseDate) -> bool:
    return course_date.kind == DateKind.PRACTICE_DEVELOPMENT


def decisions_for(user, booking: Booking) -> str:
    """What the session `booking` is for decided, as `user` may read it: the person who attended it and
    the training coordinator read it; anyone else (their manager, say) gets nothing."""
    course_date = booking.course_date
    if not is_session(course_date) or not course_date.decisions:
        return ""
    attended = booking.person_id == user.pk and booking.attendance in (Attendance.ATTENDED, Attendance.PARTLY)
    return course_date.decisions if attended or access.can_manage(user) else ""


@transaction.atomic
def create_date(course: Course, details: manage_services.DateDetails, *, kind: str) -> CourseDate:
    """Add a date of `course`, of `kind` (a course date or a practice development session)."""
    course_date = manage_services.create_course_date(course, details)
    if kind != course_date.kind:
        CourseDate.objects.filter(pk=course_date.pk).update(kind=kind)
        course_date.kind = kind
    return course_date


@transaction.atomic
def change_date(
    course_date: CourseDate, details: manage_services.DateDetails, *, kind: str, decisions: str, expected_version: int
) -> CourseDate:
    """Change a date's details, its kind and what it decided, in one transaction (refused as a whole if
    someone else changed the date since `expected_version`)."""
    if decisions and kind != DateKind.PRACTICE_DEVELOPMENT:
        raise BookingError("Only a practice development session records what was decided.")
    changed = manage_services.change_course_date(course_date, details, expected_version=expected_version)
    if decisions and changed.starts_at > timezone.now():
        raise BookingError("You can record what was decided once the session has started.")
    CourseDate.objects.filter(pk=changed.pk).update(kind=kind, decisions=decisions)
    changed.kind, changed.decisions = kind, decisions
    return changed


@transaction.atomic
def take_register(course_date: CourseDate, marks, *, by, decisions: str, expected_version: int) -> int:
    """Take a practice development session's register and record what it decided: both or neither.
    `decisions` is written only when it changed, and only if nobody changed the date since `expected_version`."""
    if not is_session(course_date):
        raise BookingError("Only a practice development session records what was decided.")
    count = services.take_register(course_date, marks, by=by)
    if decisions != course_date.decisions:
        save_if_unchanged(course_date, expected_version, decisions=decisions)
    return count
