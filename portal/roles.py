"""The portal's roles: one Django group each, with the permissions written here.

Roles are defined in code so that every environment grants the same access;
`sync_roles` runs after every `migrate`. People are given roles on the people
pages (a person may hold several). The portal's own permissions are listed here;
each feature app adds its permissions to the roles that need them in its
``Feature.role_permissions`` (portal.features), so the portal names no app.
"""

from django.contrib.auth.models import Group, Permission

from portal import features


class Role:
    SOCIAL_WORKER = "Social worker"
    SUPERVISOR = "Supervisor"
    SERVICE_MANAGER = "Service manager"
    GUIDE_EDITOR = "Guide editor"
    TRAINING_COORDINATOR = "Training coordinator"
    FACILITATOR = "Group-session facilitator"
    PEOPLE_ADMINISTRATOR = "People administrator"


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
    Role.GUIDE_EDITOR: ("Keeps the public guide for families up to date.", []),
    Role.TRAINING_COORDINATOR: ("Runs the training programme.", []),
    Role.FACILITATOR: ("The systemic psychotherapist who runs group reflective sessions.", []),
    Role.PEOPLE_ADMINISTRATOR: (
        "Adds new starters, records movers and leavers, and imports people from HR.",
        ["portal.view_team_people", "portal.view_service_people", "portal.manage_people"],
    ),
}


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".", 1)
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def permissions_of(role: str) -> list[str]:
    """Every permission ``role`` holds: the portal's own, listed above, and the feature apps'."""
    return [*ROLES[role][1], *features.role_permissions(role)]


def sync_roles() -> None:
    """Create each role's group and give it exactly the permissions of ``permissions_of``."""
    for name in ROLES:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set([_permission(dotted) for dotted in permissions_of(name)])
