"""Who may open the people pages. Which people each of them then reaches is decided once in
``User.objects.visible_to`` (the directory) and ``User.objects.manageable_by`` (people management).
"""


def can_see_people(user) -> bool:
    """The people directory: supervisors (their team) and service managers (their service)."""
    return user.has_perm("portal.view_team_people") or user.has_perm("portal.view_service_people")


def can_manage_people(user) -> bool:
    """Adding, changing, inviting, importing and recording leavers: people administrators and service managers."""
    return user.has_perm("portal.manage_people")


def can_see_audit_trail(user) -> bool:
    """The portal's audit trail of sign-ins and changes to people and roles."""
    return user.has_perm("portal.view_portal_audit")


def can_reset_second_factor(user) -> bool:
    """Resetting someone's lost second factor: service managers."""
    return user.has_perm("portal.reset_second_factor")
