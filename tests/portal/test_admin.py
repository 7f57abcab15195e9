"""The admin is for system administrators: people, teams, services and roles are managed there."""

import pytest
from django.urls import reverse

from portal.models import User
from tests.factories import UserFactory


@pytest.fixture
def administrator(db):
    return UserFactory(is_staff=True, is_superuser=True)


@pytest.mark.parametrize(
    "name",
    [
        "admin:portal_user_changelist",
        "admin:portal_user_add",
        "admin:portal_team_changelist",
        "admin:portal_service_changelist",
        "admin:auth_group_changelist",
        "admin:practice_guide_guidepart_changelist",
        "admin:practice_guide_revision_changelist",
        "admin:practice_guide_partevent_changelist",
        "admin:practice_guide_pagefeedback_changelist",
    ],
)
def test_administrator_can_open_the_admin_pages(client, administrator, guide, name):
    client.force_login(administrator)
    assert client.get(reverse(name)).status_code == 200


def test_administrator_can_edit_a_person(client, administrator, worker):
    client.force_login(administrator)
    assert client.get(reverse("admin:portal_user_change", args=[worker.pk])).status_code == 200


def test_administrator_can_add_a_person(client, administrator):
    client.force_login(administrator)
    response = client.post(
        reverse("admin:portal_user_add"),
        {
            "email": "New.Person@Example.org",
            "full_name": "New Person",
            "password1": "a-long-enough-passphrase",
            "password2": "a-long-enough-passphrase",
        },
    )
    assert response.status_code == 302
    assert User.objects.get(full_name="New Person").email == "new.person@example.org"


def test_staff_without_admin_access_are_sent_to_the_admin_sign_in(client, supervisor):
    client.force_login(supervisor)
    response = client.get(reverse("admin:portal_user_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
