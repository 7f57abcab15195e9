"""Small helpers the training tracker's browser tests share: course dates a number of days away and the
date a course date shows as."""

from datetime import timedelta

from django.utils import timezone

from tests.dates import as_shown, half_past
from tests.factories import CourseDateFactory
from training.models import CourseDate

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def when(course_date) -> str:
    return as_shown(timezone.localtime(course_date.starts_at))


def dated(course, days: int, **kwargs) -> CourseDate:
    return CourseDateFactory(
        course=course,
        starts_at=half_past(9, days_from_now=days),
        ends_at=half_past(9, days_from_now=days) + timedelta(hours=7),
        **kwargs,
    )
