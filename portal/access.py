"""The shared pieces of access control: the one decorator that guards a staff page, and a person's service.

Each app says who may open its pages in its own ``access.py``, as predicates that take a user and answer
yes or no (``training.access.can_manage``, ``supervision.access.can_see_dashboard``). Views guard a page
with ``@access_required(predicate)``; the staff home uses the same predicates, so it never offers a page
that would refuse the person.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied


def access_required(predicate: Callable) -> Callable:
    """Guard a view: send someone not signed in to sign in (and back here afterwards), and refuse
    (403) a signed-in person for whom ``predicate(user)`` is false."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(request, *args, **kwargs):
            if not predicate(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def service_id_of(user) -> int | None:
    """The id of the service a person's team belongs to, or None for someone without a team."""
    return user.team.service_id if user.team_id else None
