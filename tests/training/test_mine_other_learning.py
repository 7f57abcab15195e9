"""Learning a person did elsewhere: recording it, and who may see and change it."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.dates import as_typed
from training.models import Decision, ExternalLearning

# --- External learning --------------------------------------------------------------------


def _learning(**changes):
    data = {
        "title": "Research in Practice: working with adolescents",
        "kind": "research",
        "source": "Research in Practice",
        "completed_on": as_typed(timezone.localdate() - timedelta(days=3)),
        "hours": "1.5",
        "reflection": "Made me think again about how we talk to teenagers about risk outside the home.",
    }
    data.update(changes)
    return data


def test_worker_records_other_learning_and_sees_it_waiting_for_approval(client, worker, supervisor):
    client.force_login(worker)
    response = client.post(reverse("training:external-create"), _learning(), follow=True)
    learning = ExternalLearning.objects.get(person=worker)
    assert response.redirect_chain[-1][0] == reverse("training:external", args=[learning.pk])
    assert learning.status == Decision.SUBMITTED
    assert learning.hours == Decimal("1.5")
    assert "Waiting for approval" in response.content.decode()
    assert learning.title in client.get(reverse("training:mine")).content.decode()

    client.force_login(supervisor)
    page = client.get(reverse("training:external", args=[learning.pk])).content.decode()
    assert reverse("training:decide-external", args=[learning.pk]) in page


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"hours": "-2"}, "Hours cannot be negative"),
        ({"hours": "0"}, "Hours must be more than 0"),
        ({"hours": "0.05"}, "Hours must be at least 0.1"),
        ({"hours": "101"}, "Hours must be 100 or fewer"),
        ({"hours": "1.25"}, "Enter the hours to one decimal place"),
        ({"hours": "lots"}, "Enter the hours as a number"),
        ({"hours": "NaN"}, "Enter the hours as a number"),
        ({"hours": ""}, "Enter how many hours it took"),
        ({"completed_on": as_typed(timezone.localdate() + timedelta(days=1))}, "The date must be today or in the past"),
        ({"completed_on": "31 2 2026"}, "Enter a real date, like 27 3 2027"),
        ({"reflection": ""}, "Enter your reflection"),
        ({"title": ""}, "Enter what the learning was called"),
        ({"kind": "party"}, "Choose what kind of learning it was"),
        ({"completed_on": ""}, "Enter the date you did it"),
    ],
)
def test_bad_external_learning_gets_a_clear_error(client, worker, changes, error):
    client.force_login(worker)
    response = client.post(reverse("training:external-create"), _learning(**changes))
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert error in body
    assert not ExternalLearning.objects.exists()


@pytest.mark.parametrize(("viewer", "status"), [("supervisor", 200), ("team_mate", 404), ("other_supervisor", 404)])
def test_external_learning_is_scoped(client, worker, request, viewer, status):
    learning = ExternalLearning.objects.create(
        person=worker, title="A book", kind="book", completed_on=timezone.localdate(), hours=2, reflection="Good."
    )
    client.force_login(request.getfixturevalue(viewer))
    assert client.get(reverse("training:external", args=[learning.pk])).status_code == status


def test_a_declined_entry_shows_the_reason(client, worker, supervisor):
    learning = ExternalLearning.objects.create(
        person=worker,
        title="A book",
        kind="book",
        completed_on=timezone.localdate(),
        hours=2,
        reflection="Good.",
        status=Decision.DECLINED,
        decided_by=supervisor,
        decided_at=timezone.now(),
        decline_reason="Please add what you will do differently.",
    )
    client.force_login(worker)
    body = client.get(reverse("training:external", args=[learning.pk])).content.decode()
    assert "Declined" in body
    assert "Please add what you will do differently." in body
