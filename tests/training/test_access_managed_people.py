"""Whom a supervisor manages, in training: the training of their line reports (in any team) and of the
members of their team who hold no manager role; never their own line manager's or another manager's."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.roles import Role
from tests.access_matrix import MISSING, OK, give_a_line_manager
from tests.factories import BookingFactory, UserFactory
from training.models import ExternalLearning

# --- Whom a supervisor manages ------------------------------------------------------------
# Their line reports (in any team) and the members of their team who hold no manager role; never
# their own line manager or another manager in their team.


@pytest.fixture
def colleagues(world, team, other_team, supervisor):
    """People around `supervisor`, each with a completed course and some external learning."""
    head = give_a_line_manager(supervisor, team)
    people = {
        "their line manager": head,
        "a peer supervisor in their team": UserFactory(team=team, roles=[Role.SUPERVISOR, Role.SOCIAL_WORKER]),
        "the service manager in their team": world["people"]["service_manager"],
        "their line report in another team": UserFactory(
            team=other_team, line_manager=supervisor, roles=[Role.SOCIAL_WORKER]
        ),
        "a team member with no line manager": UserFactory(team=team, roles=[Role.SOCIAL_WORKER]),
        "the guide editor in their team": world["people"]["editor"],
    }
    for person in people.values():
        BookingFactory(
            course_date=world["past_date"],
            person=person,
            attendance="attended",
            hours_attended=6,
            completed_on=world["completed"].completed_on,
        )
        ExternalLearning.objects.create(
            person=person,
            title="Reading on contextual safeguarding",
            kind="book",
            completed_on=timezone.localdate() - timedelta(days=4),
            hours=2,
            reflection="Harm outside the home.",
        )
    return people


MANAGES = {
    "their line manager": MISSING,
    "a peer supervisor in their team": MISSING,
    "the service manager in their team": MISSING,
    "their line report in another team": OK,
    "a team member with no line manager": OK,
    "the guide editor in their team": OK,
}

PERSONAL_PAGES = [
    ("CPD record", lambda person: reverse("training:cpd-person", args=[person.pk])),
    ("CPD CSV", lambda person: reverse("training:cpd-csv") + f"?person={person.pk}"),
    ("booking", lambda person: reverse("training:booking", args=[person.training_bookings.get().pk])),
    ("other learning", lambda person: reverse("training:external", args=[person.external_learning.get().pk])),
]


@pytest.mark.parametrize(("who", "expected"), MANAGES.items(), ids=list(MANAGES))
@pytest.mark.parametrize(("page", "url"), PERSONAL_PAGES, ids=[page for page, _url in PERSONAL_PAGES])
def test_a_supervisor_sees_the_training_of_the_people_they_manage_only(
    client, colleagues, supervisor, who, expected, page, url
):
    client.force_login(supervisor)
    assert client.get(url(colleagues[who])).status_code == expected, f"{page} of {who}"


def test_the_uptake_matrix_lists_only_the_people_a_supervisor_manages(client, colleagues, supervisor):
    client.force_login(supervisor)
    body = client.get(reverse("training:uptake")).content.decode()
    for who, expected in MANAGES.items():
        assert (colleagues[who].full_name in body) is (expected == OK), who
