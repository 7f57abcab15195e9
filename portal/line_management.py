"""Whom a manager manages: the one rule that supervision and training both scope people by.

A supervisor manages their line reports (in any team), and the members of their own team who hold
no manager role. Their own line manager and the other managers in their team are colleagues, not
people they manage: they do not see those colleagues' supervision, training or CPD records.
"""

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q

from portal.roles import Role

User = get_user_model()

# Holding either makes a person a manager, whom a peer in the same team does not manage.
MANAGER_ROLES = (Role.SUPERVISOR, Role.SERVICE_MANAGER)


def holds_a_manager_role() -> Exists:
    """True for a person (the outer query's row) who holds a manager role."""
    return Exists(User.groups.through.objects.filter(user_id=OuterRef("pk"), group__name__in=MANAGER_ROLES))


def managed_by(manager) -> Q:
    """A filter on people: those `manager` manages, never `manager` themselves."""
    rule = Q(line_manager=manager)
    if manager.team_id:
        rule |= Q(team_id=manager.team_id) & ~holds_a_manager_role()
    return rule & ~Q(pk=manager.pk)
