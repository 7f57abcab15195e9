"""The test database: the quick reset after a transactional test (tests/database_reset.py) leaves what
Django's flush leaves, and commits do not wait for the disk (conftest.py)."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection

from portal.roles import Role
from tests import database_reset
from tests.factories import SessionFactory, TeamFactory, UserFactory


def what_is_left():
    """The database by natural keys: a flush makes new content types and permissions, with new ids."""
    return {
        "content types": set(ContentType.objects.values_list("app_label", "model")),
        "permissions": set(Permission.objects.values_list("content_type__app_label", "codename", "name")),
        "groups": {
            group.name: set(group.permissions.values_list("content_type__app_label", "codename"))
            for group in Group.objects.all()
        },
        "tables with rows": sorted(name for name, (rows, _sum) in database_reset.contents(connection).items() if rows),
    }


def django_flush():
    call_command("flush", verbosity=0, interactive=False, reset_sequences=False)


def fill_the_database():
    team = TeamFactory()
    supervisor = UserFactory(team=team, roles=[Role.SUPERVISOR, Role.SOCIAL_WORKER])
    worker = UserFactory(team=team, line_manager=supervisor, roles=[Role.SOCIAL_WORKER])
    worker.user_permissions.add(Permission.objects.first())
    SessionFactory(supervisee=worker, supervisor=supervisor)


@pytest.mark.django_db(transaction=True)
def test_a_reset_leaves_what_a_flush_leaves():
    database_reset.flush(connection)
    fill_the_database()

    assert database_reset.reset(connection), "the quick reset ran"
    after_reset = what_is_left()
    fill_the_database()
    django_flush()

    assert after_reset == what_is_left()
    assert set(after_reset["tables with rows"]) == {
        "auth_group",
        "auth_group_permissions",
        "auth_permission",
        "django_content_type",
    }
    assert Group.objects.get(name=Role.SERVICE_MANAGER).permissions.exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "change",
    [
        lambda: Group.objects.get(name=Role.SUPERVISOR).permissions.clear(),
        lambda: Group.objects.create(name="A group a test made"),
        lambda: ContentType.objects.filter(app_label="training").delete(),
    ],
    ids=["a role lost its permissions", "a new group", "content types deleted"],
)
def test_a_change_to_what_the_flush_leaves_is_put_right_by_a_flush(change):
    django_flush()
    flushed = what_is_left()
    database_reset.flush(connection)
    fill_the_database()
    change()

    assert not database_reset.reset(connection), "Django's flush ran"
    assert what_is_left() == flushed
    assert database_reset.reset(connection), "the quick reset runs again after it"


def test_the_test_database_does_not_wait_for_the_disk_to_commit(db):
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        assert cursor.fetchone() == ("off",)
