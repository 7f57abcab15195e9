"""Who may read the practice handbook, set its required reading and see who has read it.

The handbook is for staff: every signed-in member of staff reads every published page, and nobody who is not
signed in reads any (each page sends them to sign in). Editing its pages is the guide engine's rule
(practice_guide.access.can_edit_handbook). Which people a reading report shows is decided once, in
``people_in_reading_report``.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from portal.people.access import can_see_people
from supervision.access import can_see_dashboard


def can_read_handbook(user) -> bool:
    return user.is_authenticated


def can_set_required_reading(user) -> bool:
    """Choosing which pages each role must read: practice leads."""
    return user.has_perm("handbook.set_required_reading")


def can_see_reading_report(user) -> bool:
    """Who has read the required pages: practice leads (the whole service), and the managers who see the
    supervision dashboard: service managers (their service) and supervisors (their team and the people they
    line-manage). Not people administrators, who see the directory but manage no one's practice."""
    return user.has_perm("handbook.view_reading_report") or (can_see_dashboard(user) and can_see_people(user))


def people_in_reading_report(viewer):
    """The people whose reading ``viewer`` may see: the one scope for the reading report."""
    # People still working here: not those whose leaving date has passed.
    people = (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(leaving_date__isnull=True) | Q(leaving_date__gt=timezone.localdate()))
    )
    if not viewer.is_authenticated:
        return people.none()
    if viewer.has_perm("handbook.view_reading_report") and viewer.team_id:
        return people.filter(team__service__teams__id=viewer.team_id)
    return people.filter(pk__in=get_user_model().objects.visible_to(viewer).values("pk"))
