"""What the staff home and the header offer a person: only the places that exist and that they may use.

The portal's own tiles are here; the feature apps add theirs, and their header links, through
portal.features. Everything is shown in ``order``, lowest first.
"""

from dataclasses import dataclass

from django.urls import reverse

from portal import features
from portal.features import Tile
from portal.people import access as people_access


def is_system_administrator(user) -> bool:
    """The Django admin site: system administrators only (the admin's own check)."""
    return user.is_staff


PORTAL_TILES = [
    Tile(
        order=10,
        title="Your details",
        url_name="account",
        description="Your name, team, line manager and working pattern, and how to change your password.",
    ),
    Tile(
        order=20,
        title="Two-factor sign-in",
        url_name="mfa_index",
        description="Set up an authenticator app, passkeys and recovery codes for signing in.",
    ),
    # The feature apps' tiles go in the gaps: supervision and training at 30 to 100, the guide at 140.
    Tile(
        order=110,
        title="People",
        url_name="people",
        description="Who is in your teams, their job titles, line managers and whether they are in their ASYE.",
        visible_to=people_access.can_see_people,
    ),
    Tile(
        order=120,
        title="Manage people",
        url_name="people:list",
        description="Add new starters and send their invitations; change teams, line managers and roles; "
        "record leavers.",
        visible_to=people_access.can_manage_people,
    ),
    Tile(
        order=130,
        title="Audit trail",
        url_name="people:audit",
        description="Sign-ins, two-factor sign-in, and changes to people and roles across the portal.",
        visible_to=people_access.can_see_audit_trail,
    ),
    Tile(
        order=900,
        title="System administration",
        url_name="admin:index",
        description="Manage people, teams and roles. For system administrators only.",
        visible_to=is_system_administrator,
    ),
]


@dataclass(frozen=True)
class Destination:
    title: str
    url: str
    description: str


@dataclass(frozen=True)
class MenuItem:
    label: str
    url: str
    # "page" on the section's own first page, "true" anywhere else in it, "" outside it (aria-current).
    current: str = ""


def destinations_for(user) -> list[Destination]:
    """The staff home's tiles for ``user``: the portal's and every app's, in order."""
    tiles = sorted([*PORTAL_TILES, *features.tiles()], key=lambda tile: tile.order)
    return [
        Destination(tile.title, reverse(tile.url_name), tile.describe(user)) for tile in tiles if tile.visible_to(user)
    ]


def service_navigation_for(user, path: str = "") -> list[MenuItem]:
    """The apps' links in the header's service navigation, before the person's name and "Sign out". The link
    whose address begins the longest part of ``path`` is the section the page is in."""
    items = [MenuItem(link.label, reverse(link.url_name)) for link in features.links() if link.visible_to(user)]
    containing = [item for item in items if path.startswith(item.url)]
    if containing:
        section = max(containing, key=lambda item: len(item.url))
        current = "page" if path == section.url else "true"
        items = [MenuItem(item.label, item.url, current if item is section else "") for item in items]
    return items
