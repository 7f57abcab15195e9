"""Who may change the guide for families and the practice handbook for staff.

Both are written with one editor (practice_guide/manage_views.py); each audience has its own editors.
Reading the guide needs no rule at all (it is public). Reading the handbook needs a signed-in member of
staff (handbook/access.py). Editing is all or nothing within an audience: an editor of the guide reaches
every guide page, revision, the glossary and readers' feedback, and no handbook page; an editor of the
handbook reaches every handbook page and no guide page. ``GuidePart.objects.for_editor(user, audience)`` and
``GlossaryTerm.objects.for_editor`` (practice_guide/models.py) use the predicates here.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied


def can_edit_guide(user) -> bool:
    """Writing, publishing and scheduling the guide, the glossary and feedback: guide editors."""
    return user.has_perm("practice_guide.manage_guide")


def can_edit_handbook(user) -> bool:
    """Writing, publishing and scheduling the staff practice handbook."""
    return user.has_perm("practice_guide.manage_handbook")


def can_edit(user, audience: str) -> bool:
    # Imported here: the models import this module.
    from practice_guide.models import Audience

    return can_edit_handbook(user) if audience == Audience.STAFF else can_edit_guide(user)


def editor_required(view):
    """Guard an editor's page shared by both audiences (the URL conf passes ``audience``): send someone not
    signed in to sign in, and refuse (403) anyone who does not edit that audience's pages."""

    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        from practice_guide.models import Audience

        if not can_edit(request.user, kwargs.get("audience", Audience.FAMILIES)):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped
