"""The training world the access tests start from: the people of every role, a course with dates to come
and past, and the worker's records."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.access_matrix import STAFF_ROLES, people_by_role
from tests.dates import half_past
from tests.factories import BookingFactory, CourseDateFactory, CourseFactory, ProgrammeFactory
from training.models import ExternalLearning


@pytest.fixture
def world(request, worker):
    """The training world (`build_world`), with the test's own people."""
    return build_world(people_by_role(request, [*STAFF_ROLES, "coordinator"]))


def build_world(people: dict) -> dict:
    """`worker` is managed by `supervisor` (same team, with `team_mate`, `service_manager`, `facilitator` and
    `editor`); `other_worker`, `other_supervisor` and the training `coordinator` are in another team of the
    same service. `worker` has a completed course (with a certificate, not yet evaluated), a request for a
    place waiting for approval, and some external learning waiting for approval."""
    worker = people["worker"]
    course = CourseFactory(title="Introduction to systemic practice", programme=ProgrammeFactory())
    open_date = CourseDateFactory(
        course=course, starts_at=half_past(9, days_from_now=14), ends_at=half_past(16, days_from_now=14)
    )
    asked_date = CourseDateFactory(
        course=course, starts_at=half_past(9, days_from_now=21), ends_at=half_past(16, days_from_now=21)
    )
    past_date = CourseDateFactory(
        course=course, starts_at=half_past(9, days_from_now=-30), ends_at=half_past(16, days_from_now=-30)
    )
    completed = BookingFactory(
        course_date=past_date,
        person=worker,
        attendance="attended",
        hours_attended=course.hours,
        completed_on=timezone.localtime(past_date.starts_at).date(),
        certificate=b"%PDF-1.7\n%%EOF\n",
        certificate_name="certificate.pdf",
        certificate_type="application/pdf",
    )
    pending = BookingFactory(course_date=asked_date, person=worker, status="pending", approved_at=None)
    learning = ExternalLearning.objects.create(
        person=worker,
        title="Working with fathers conference",
        kind="conference",
        completed_on=timezone.localdate() - timedelta(days=10),
        hours=6,
        reflection="Invite fathers early and by name.",
    )
    return {
        "retired_course": CourseFactory(title="Signs of Safety (old version)", is_active=False),
        "people": people,
        "course": course,
        "open_date": open_date,
        "past_date": past_date,
        "completed": completed,
        "pending": pending,
        "learning": learning,
    }
