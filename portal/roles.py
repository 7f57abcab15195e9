"""The portal's roles: one Django group each, with the permissions written here.

Roles are defined in code so that every environment grants the same access;
`sync_roles` runs after every `migrate`. People are given roles in the admin
(a person may hold several). Each app adds its permissions to the roles that
need them when it is built.
"""

from django.contrib.auth.models import Group, Permission


class Role:
    SOCIAL_WORKER = "Social worker"
    SUPERVISOR = "Supervisor"
    SERVICE_MANAGER = "Service manager"
    GUIDE_EDITOR = "Guide editor"
    TRAINING_COORDINATOR = "Training coordinator"
    FACILITATOR = "Group-session facilitator"
    PEOPLE_ADMINISTRATOR = "People administrator"


# Role name -> (what the role is for, permissions as "app_label.codename").
ROLES: dict[str, tuple[str, list[str]]] = {
    # Social workers reach their own supervision records by scope (supervision.access), not permission.
    Role.SOCIAL_WORKER: ("A qualified social worker holding a caseload.", []),
    Role.SUPERVISOR: (
        "A team manager who supervises social workers.",
        [
            "portal.view_team_people",
            "supervision.supervise",
            "supervision.view_dashboard",
            "training.view_team_training",
        ],
    ),
    Role.SERVICE_MANAGER: (
        "Manages the service: sees every team.",
        [
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
        ],
    ),
    Role.GUIDE_EDITOR: ("Keeps the public guide for families up to date.", ["practice_guide.manage_guide"]),
    Role.TRAINING_COORDINATOR: (
        "Runs the training programme.",
        ["training.manage_training", "training.view_all_training"],
    ),
    Role.FACILITATOR: (
        "The systemic psychotherapist who runs group reflective sessions.",
        ["supervision.run_group_sessions"],
    ),
    Role.PEOPLE_ADMINISTRATOR: (
        "Adds new starters, records movers and leavers, and imports people from HR.",
        ["portal.view_team_people", "portal.view_service_people", "portal.manage_people"],
    ),
}


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".", 1)
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def sync_roles() -> None:
    """Create each role's group and give it exactly the permissions listed above."""
    for name, (_purpose, permissions) in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set([_permission(dotted) for dotted in permissions])
