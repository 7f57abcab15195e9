"""Practice development sessions: the service's own formal sessions, run as dates of a course
(`CourseDate.kind`), so that booking, the register and CPD hours work as for any course date.

A session also records what was decided (`CourseDate.decisions`), never with the names of families or
children. The training coordinator records it once the session has started, on the date's form
(`manage_services.change_course_date`) or with the register (`take_register` below). The decisions are read
by the people who attended the session (on their booking) and by the training coordinator (on the date's
page); a manager reading someone's booking does not see them.
"""

from django.db import transaction

from portal.edit_conflicts import save_if_unchanged
from training import access, services
from training.models import Attendance, Booking, CourseDate, DateKind
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
def take_register(course_date: CourseDate, marks, *, by, decisions: str, expected_version: int) -> int:
    """Take a practice development session's register and record what it decided: both or neither.
    `decisions` is written only when it changed, and only if nobody changed the date since `expected_version`."""
    if not is_session(course_date):
        raise BookingError("Only a practice development session records what was decided.")
    count = services.take_register(course_date, marks, by=by)
    if decisions != course_date.decisions:
        save_if_unchanged(course_date, expected_version, decisions=decisions)
    return count
