from django.contrib.auth.models import Group

from portal.roles import ROLES, Role, permissions_of, sync_roles
from tests.factories import UserFactory


def test_every_role_exists_as_a_group_with_exactly_its_permissions(db):
    for name in ROLES:
        group = Group.objects.get(name=name)
        granted = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
        assert granted == set(permissions_of(name)), name


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


def test_each_role_holds_the_feature_apps_permissions_they_register(db):
    """The apps add their permissions to the portal's roles (portal.features); the roles hold the same
    permissions as before the apps declared their own."""
    assert set(permissions_of(Role.SUPERVISOR)) == {
        "portal.view_team_people",
        "supervision.supervise",
        "supervision.view_dashboard",
        "training.view_team_training",
        "family_survey.replace_team_code",
        "family_survey.view_survey_results",
    }
    assert set(permissions_of(Role.SERVICE_MANAGER)) == {
        "portal.view_team_people",
        "portal.view_service_people",
        "portal.manage_people",
        "portal.reset_second_factor",
        "portal.view_portal_audit",
        "supervision.supervise",
        "supervision.view_dashboard",
        "supervision.view_service_records",
        "supervision.view_audit",
        "training.view_all_training",
        "family_survey.replace_team_code",
        "family_survey.view_survey_results",
        "family_survey.view_service_survey_results",
        "committee_report.view_committee_report",
    }
    assert permissions_of(Role.GUIDE_EDITOR) == ["practice_guide.manage_guide", "practice_guide.manage_handbook"]
    assert set(permissions_of(Role.PRACTICE_LEAD)) == {
        "practice_guide.manage_handbook",
        "handbook.set_required_reading",
        "handbook.view_reading_report",
    }
    assert set(permissions_of(Role.TRAINING_COORDINATOR)) == {"training.manage_training", "training.view_all_training"}
    assert permissions_of(Role.FACILITATOR) == ["supervision.run_group_sessions"]
    assert permissions_of(Role.SOCIAL_WORKER) == []
