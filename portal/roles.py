"""The portal's roles: one Django group each, with the permissions written here.

Roles are defined in code so that every environment grants the same access;
`sync_roles` runs after every `migrate`. People are given roles on the people
pages (a person may hold several). The portal's own permissions are listed here;
each feature app adds its permissions to the roles that need them in its
``Feature.role_permissions`` (portal.features), so the portal names no app.
"""

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured

from portal import features


class Role:
    SOCIAL_WORKER = "Social worker"
    SUPERVISOR = "Supervisor"
    SERVICE_MANAGER = "Service manager"
    GUIDE_EDITOR = "Guide editor"
    TRAINING_COORDINATOR = "Training coordinator"
    FACILITATOR = "Group-session facilitator"
    PEOPLE_ADMINISTRATOR = "People administrator"
    PRACTICE_LEAD = "Practice lead"


# Role name -> (what the role is for, the portal's own permissions as "app_label.codename").
ROLES: dict[str, tuple[str, list[str]]] = {
    Role.SOCIAL_WORKER: ("A qualified social worker holding a caseload.", []),
    Role.SUPERVISOR: ("A team manager who supervises social workers.", ["portal.view_team_people"]),
    Role.SERVICE_MANAGER: (
        "Manages the service: sees every team.",
        [
            "portal.view_team_people",
            "portal.view_service_people",
            "portal.manage_people",
            "portal.reset_second_factor",
            "portal.view_portal_audit",
        ],
    ),
    Role.GUIDE_EDITOR: ("Keeps the public guide for families, and the staff practice handbook, up to date.", []),
    Role.TRAINING_COORDINATOR: ("Runs the training programme.", []),
    Role.FACILITATOR: ("The systemic psychotherapist who runs group reflective sessions.", []),
    Role.PRACTICE_LEAD: (
        "Leads practice development: keeps the practice handbook and chooses what each role must read.",
        [],
    ),
    Role.PEOPLE_ADMINISTRATOR: (
        "Adds new starters, records movers and leavers, and imports people from HR.",
        ["portal.view_team_people", "portal.view_service_people", "portal.manage_people"],
    ),
}


def check_feature_roles() -> None:
    """A role name misspelt in an app's feature.py would quietly grant nothing: refuse to start instead."""
    if unknown := features.roles_named() - set(ROLES):
        raise ImproperlyConfigured(f"An app gives permissions to roles that do not exist: {sorted(unknown)}")


def permissions_of(role: str) -> list[str]:
    """Every permission ``role`` holds: the portal's own, listed above, and the feature apps'."""
    return [*ROLES[role][1], *features.role_permissions(role)]


def sync_roles() -> None:
    """Create each role's group and give it exactly the permissions of ``permissions_of``.

    It runs after every migrate, and after every flush between the tests that need one, so it reads
    all the permissions it hands out in one query."""
    check_feature_roles()
    wanted = {role: permissions_of(role) for role in ROLES}
    codenames = {dotted.split(".", 1)[1] for permissions in wanted.values() for dotted in permissions}
    by_name = {
        f"{permission.content_type.app_label}.{permission.codename}": permission
        for permission in Permission.objects.filter(codename__in=codenames).select_related("content_type")
    }
    for name, permissions in wanted.items():
        group, _created = Group.objects.get_or_create(name=name)
        # A KeyError here names a permission that no app defines: a typo in a role's list.
        group.permissions.set([by_name[dotted] for dotted in permissions])
