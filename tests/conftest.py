import pytest

from portal.roles import Role
from tests.factories import PASSWORD, TeamFactory, UserFactory


@pytest.fixture
def team(db):
    return TeamFactory(name="Assessment and Family Support")


@pytest.fixture
def other_team(db, team):
    return TeamFactory(name="Children in Care", service=team.service)


@pytest.fixture
def supervisor(team):
    return UserFactory(team=team, roles=[Role.SUPERVISOR, Role.SOCIAL_WORKER], job_title="Team Manager")


@pytest.fixture
def worker(team, supervisor):
    return UserFactory(team=team, line_manager=supervisor, roles=[Role.SOCIAL_WORKER])


@pytest.fixture
def other_worker(other_team):
    return UserFactory(team=other_team, roles=[Role.SOCIAL_WORKER])


@pytest.fixture
def service_manager(team):
    return UserFactory(team=team, roles=[Role.SERVICE_MANAGER], job_title="Service Manager")


@pytest.fixture
def password():
    return PASSWORD
