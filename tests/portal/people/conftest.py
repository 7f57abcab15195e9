"""The people administrators the people-management and import tests act as, and a person one of them invited."""

import pytest

from portal.people import services
from portal.roles import Role
from tests.factories import UserFactory
from tests.portal.people.helpers import new_person


@pytest.fixture
def admin(team):
    return UserFactory(team=team, roles=[Role.PEOPLE_ADMINISTRATOR], full_name="Grace Mitchell")


@pytest.fixture
def admin_client(client, admin):
    client.force_login(admin)
    return client


@pytest.fixture
def invited(admin, team):
    return services.add_person(new_person(team), roles=[Role.SOCIAL_WORKER], by=admin)


@pytest.fixture
def people_admin(team):
    return UserFactory(team=team, roles=[Role.PEOPLE_ADMINISTRATOR], email="hr@example.org")
