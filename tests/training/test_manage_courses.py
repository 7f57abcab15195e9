"""The training coordinator's programmes and courses, and the evaluation reports on each course."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from portal.roles import Role
from tests.factories import CourseFactory, ProgrammeFactory, UserFactory, course_date_yesterday, evaluation_of
from training.models import Course, Programme


def _course_post(programme, **overrides) -> dict:
    data = {
        "programme": programme.pk,
        "title": "Genograms in practice",
        "level": "intermediate",
        "provider": "In house",
        "format": "in_person",
        "hours": "6",
        "cost_per_place": "0",
        "refresh_months": "",
        "description": "",
        "is_active": "yes",
    }
    data.update(overrides)
    return data


# --- Programmes and courses ------------------------------------------------------------------


def test_coordinator_adds_a_programme_and_a_clashing_name_is_refused(client, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("training:programme-create"), {"name": "Signs of Safety", "description": "", "position": "2"}
    )
    assert response.url == reverse("training:manage")
    assert Programme.objects.get(name="Signs of Safety").position == 2
    response = client.post(
        reverse("training:programme-create"), {"name": "signs of  safety", "description": "", "position": "0"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert "There is already a programme with this name" in body
    assert Programme.objects.filter(name__iexact="signs of safety").count() == 1


def test_programme_can_be_renamed_to_its_own_name(client, coordinator):
    programme = ProgrammeFactory(name="Systemic practice")
    client.force_login(coordinator)
    response = client.post(
        reverse("training:programme-edit", args=[programme.pk]),
        {"name": "Systemic practice", "description": "Now described.", "position": "1"},
    )
    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.description == "Now described."


def test_coordinator_adds_a_course_required_for_roles(client, coordinator):
    programme = ProgrammeFactory()
    workers = Group.objects.get(name=Role.SOCIAL_WORKER)
    client.force_login(coordinator)
    response = client.post(
        reverse("training:course-create"),
        _course_post(programme, required_for=[workers.pk], refresh_months="36", cost_per_place="120.50"),
    )
    assert response.status_code == 302
    course = Course.objects.get(title="Genograms in practice")
    assert list(course.required_for.all()) == [workers]
    assert course.refresh_months == 36
    assert course.cost_per_place == Decimal("120.50")
    assert course.is_active


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"hours": "-3"}, "The length must be more than 0 hours"),
        ({"hours": "0"}, "The length must be more than 0 hours"),
        ({"hours": "0.2"}, "The length must be at least half an hour (0.5)"),
        ({"hours": "six"}, "Enter the length as a number, like 6 or 3.5"),
        ({"cost_per_place": "-1"}, "The amount cannot be negative"),
        ({"cost_per_place": "1000000"}, "Enter an amount less than £1,000,000"),
        ({"refresh_months": "0"}, "Enter a number of months from 1 to 120"),
        ({"refresh_months": "121"}, "Enter a number of months from 1 to 120"),
        ({"title": ""}, "Enter the course title"),
        ({"level": "expert"}, "Choose a level from the list"),
    ],
)
def test_bad_course_details_get_clear_errors(client, coordinator, overrides, message):
    client.force_login(coordinator)
    response = client.post(reverse("training:course-create"), _course_post(ProgrammeFactory(), **overrides))
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert message in body
    assert not Course.objects.exists()


def test_course_titles_are_unique_within_a_programme_only(client, coordinator):
    programme, other = ProgrammeFactory(name="Systemic practice"), ProgrammeFactory(name="Signs of Safety")
    CourseFactory(programme=programme, title="Genograms in practice")
    client.force_login(coordinator)
    response = client.post(reverse("training:course-create"), _course_post(programme))
    assert "Systemic practice already has a course called “Genograms in practice”" in response.content.decode()
    assert client.post(reverse("training:course-create"), _course_post(other)).status_code == 302


def test_a_course_can_be_withdrawn(client, coordinator):
    course = CourseFactory()
    client.force_login(coordinator)
    response = client.post(
        reverse("training:course-edit", args=[course.pk]), _course_post(course.programme, is_active="no")
    )
    assert response.status_code == 302
    course.refresh_from_db()
    assert not course.is_active


# --- Evaluation reports ----------------------------------------------------------------------


def test_evaluation_report_shows_the_average_distribution_and_comments(client, service_manager, team):
    course_date = course_date_yesterday()
    for rating in (5, 4, 4, 2):
        evaluation_of(course_date, rating, person=UserFactory(team=team))
    other_course = course_date_yesterday()
    evaluation_of(other_course, 1, person=UserFactory(team=team))
    client.force_login(service_manager)
    response = client.get(reverse("training:course-evaluations", args=[course_date.course.pk]))
    body = response.content.decode()
    assert "3.8 out of 5" in body
    assert "50%" in body  # two of the four gave 4
    assert "Useful bit 2" in body
    assert "Will use 5" in body
    assert "Useful bit 1" not in body
    assert body.index("Useful bit 2") < body.index("Useful bit 5")  # newest first


def test_evaluation_report_for_a_course_nobody_evaluated(client, coordinator):
    client.force_login(coordinator)
    body = client.get(reverse("training:course-evaluations", args=[CourseFactory().pk])).content.decode()
    assert "Nobody has evaluated this course yet" in body
