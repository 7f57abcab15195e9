"""Who may use the training coordinator's pages: only the coordinator (and service managers for the
evaluation reports); everyone else is refused and anonymous visitors are sent to sign in."""

import pytest
from django.urls import reverse

from tests.factories import CourseDateFactory
from training.models import Programme

# --- Who may use the pages -------------------------------------------------------------------

MANAGE_URLS = [
    ("training:manage", False),
    ("training:programme-create", False),
    ("training:programme-edit", "programme"),
    ("training:course-create", False),
    ("training:course-edit", "course"),
    ("training:date-create", False),
    ("training:date", "date"),
    ("training:date-edit", "date"),
    ("training:register", "date"),
    ("training:book-people", "date"),
    ("training:spend", False),
    ("training:targets", False),
]


@pytest.fixture
def objects(db):
    course_date = CourseDateFactory()
    return {"date": course_date, "course": course_date.course, "programme": course_date.course.programme}


def _url(name, arg, objects):
    return reverse(name, args=[objects[arg].pk]) if arg else reverse(name)


@pytest.mark.parametrize(("name", "arg"), MANAGE_URLS)
@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("worker", 403),
        ("supervisor", 403),
        ("service_manager", 403),
        ("editor", 403),
        ("facilitator", 403),
        ("coordinator", 200),
    ],
)
def test_only_the_coordinator_may_use_the_manage_pages(client, request, objects, name, arg, role, status):
    client.force_login(request.getfixturevalue(role))
    assert client.get(_url(name, arg, objects)).status_code == status


@pytest.mark.parametrize(("name", "arg"), MANAGE_URLS)
def test_manage_pages_ask_people_to_sign_in(client, objects, name, arg):
    response = client.get(_url(name, arg, objects))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_a_worker_cannot_post_to_the_manage_pages(client, worker, objects):
    client.force_login(worker)
    assert client.post(reverse("training:programme-create"), {"name": "Sneaky"}).status_code == 403
    assert client.post(reverse("training:register", args=[objects["date"].pk]), {}).status_code == 403
    assert not Programme.objects.filter(name="Sneaky").exists()


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("worker", 403),
        ("supervisor", 403),
        ("editor", 403),
        ("facilitator", 403),
        ("service_manager", 200),
        ("coordinator", 200),
    ],
)
def test_evaluation_reports_are_for_the_coordinator_and_service_managers(client, request, objects, role, status):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("training:course-evaluations", args=[objects["course"].pk])).status_code == status


def test_unknown_records_are_not_found(client, coordinator):
    client.force_login(coordinator)
    for name in ("training:date", "training:date-edit", "training:register", "training:course-edit"):
        assert client.get(reverse(name, args=[999999])).status_code == 404
