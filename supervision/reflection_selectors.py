"""Reads for the ASYE critical-reflection log: a worker's own entries, and what their assessor may read."""

from django.contrib.auth import get_user_model
from django.db.models import Prefetch

from supervision import access
from supervision.models import CriticalReflection

User = get_user_model()


def own_reflections(user):
    """`user`'s own critical reflections, newest first."""
    return access.critical_reflections_for(user).filter(author=user).order_by("-written_on", "-pk")


def assessees_of(user) -> list:
    """The people `user` assesses in their ASYE, by name, each with `shared_reflections` (newest first) that
    `user` may read. Two queries, whatever their number."""
    shared = access.critical_reflections_for(user).filter(shared_at__isnull=False).order_by("-written_on", "-pk")
    return list(
        User.objects.filter(asye_assessor=user, is_active=True)
        .select_related("team")
        .prefetch_related(Prefetch("critical_reflections", queryset=shared, to_attr="shared_reflections"))
        .order_by("full_name", "pk")
    )


def reflection_for(user, pk: int) -> CriticalReflection:
    """One reflection `user` may read, with its author and their assessor. Raises DoesNotExist."""
    return access.critical_reflections_for(user).select_related("author", "author__asye_assessor").get(pk=pk)
