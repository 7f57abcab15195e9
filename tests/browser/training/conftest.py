"""The training world the browser tests start from: the programmes and courses, what the worker has done,
the requests waiting for their manager, the uptake figures and yesterday's course for the register."""

import pytest

from portal.roles import Role
from tests.browser.training.helpers import dated
from tests.factories import BookingFactory, CourseFactory, ProgrammeFactory, went_to
from training.models import CoverageTarget


@pytest.fixture
def programme(db):
    """Two programmes: systemic practice at two levels (each with a date to come), and trauma-informed practice."""
    systemic = ProgrammeFactory(name="Systemic practice", description="Working with the whole family system.")
    intro = CourseFactory(programme=systemic, title="Introduction to systemic practice", level="introductory")
    intermediate = CourseFactory(
        programme=systemic, title="Systemic practice: hypothesising", level="intermediate", position=1
    )
    trauma = ProgrammeFactory(name="Trauma-informed practice", position=1)
    basics = CourseFactory(programme=trauma, title="Trauma-informed practice: the basics", cost_per_place=0)
    dated(intro, 14)
    dated(intermediate, 30)
    dated(basics, 21)
    return {"intro": intro, "intermediate": intermediate, "basics": basics}


@pytest.fixture
def attended(worker, programme):
    """The worker went to the introduction last month: completed, not yet evaluated, no certificate."""
    return went_to(worker, dated(programme["intro"], -30))


@pytest.fixture
def requests(worker, team_mate, programme, other_worker):
    """Two of the supervisor's people asked for places; someone in another team asked too."""
    intro_date = programme["intro"].dates.get()
    basics_date = programme["basics"].dates.get()
    return {
        "worker": BookingFactory(course_date=intro_date, person=worker, status="pending", approved_at=None),
        "team_mate": BookingFactory(course_date=basics_date, person=team_mate, status="pending", approved_at=None),
        "other": BookingFactory(course_date=intro_date, person=other_worker, status="pending", approved_at=None),
    }


@pytest.fixture
def uptake(worker, team_mate, other_worker, programme):
    """Required training, a completion, a booking and a target, so the matrix and coverage have something to say."""
    from django.contrib.auth.models import Group

    social_workers = Group.objects.get(name=Role.SOCIAL_WORKER)
    programme["intro"].required_for.add(social_workers)
    went_to(worker, dated(programme["intro"], -40))
    BookingFactory(course_date=programme["basics"].dates.get(), person=team_mate)
    went_to(other_worker, dated(programme["basics"], -20))
    return CoverageTarget.objects.create(
        programme=programme["intro"].programme, level="introductory", target_percent=80
    )


@pytest.fixture
def ran_yesterday(worker, team_mate, programme):
    course_date = dated(programme["intro"], -1)
    return {
        "date": course_date,
        "worker": BookingFactory(course_date=course_date, person=worker),
        "team_mate": BookingFactory(course_date=course_date, person=team_mate),
    }


@pytest.fixture
def sign_in(sign_in_by_cookie):
    return sign_in_by_cookie
