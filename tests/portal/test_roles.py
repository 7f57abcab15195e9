from django.contrib.auth.models import Group

from portal.roles import ROLES, Role, sync_roles
from tests.factories import UserFactory


def test_every_role_exists_as_a_group_with_exactly_its_permissions(db):
    for name, (_purpose, permissions) in ROLES.items():
        group = Group.objects.get(name=name)
        granted = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
        assert granted == set(permissions), name


def test_the_six_roles_are_there(db):
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Social worker",
        "Supervisor",
        "Service manager",
        "Guide editor",
        "Training coordinator",
        "Group-session facilitator",
    }


def test_sync_roles_is_idempotent_and_removes_permissions_added_by_hand(db):
    group = Group.objects.get(name=Role.SOCIAL_WORKER)
    group.permissions.add(Group.objects.get(name=Role.SUPERVISOR).permissions.first())
    sync_roles()
    sync_roles()
    assert not Group.objects.get(name=Role.SOCIAL_WORKER).permissions.exists()
    assert Group.objects.filter(name=Role.SUPERVISOR).count() == 1


def test_a_person_can_hold_several_roles(db):
    person = UserFactory(roles=[Role.SUPERVISOR, Role.GUIDE_EDITOR])
    assert set(person.role_names) == {Role.SUPERVISOR, Role.GUIDE_EDITOR}
    assert person.has_perm("portal.view_team_people")
    assert not person.has_perm("portal.view_service_people")
