"""What each feature app adds to the portal's shared pages, so that the portal never imports a feature app.

The portal is the foundation: people, sign-in and the layout. The feature apps (the guide for families,
supervision, training) sit on top of it. Each describes what it adds in one ``Feature`` and registers it
from its AppConfig.ready() with ``register``, as the leavers' handover steps do (portal.people.leavers).
A feature offers:

- ``tiles``: links on the staff home, each a ``Tile``;
- ``links``: entries in the header's service navigation, each a ``NavigationLink``;
- ``home_sections``: what the public home page says about the app, each a ``HomeSection``;
- ``sitemaps``: Django sitemap classes for /sitemap.xml, keyed by section name;
- ``demo``: a ``DemoLoader`` that load_demo calls to add the app's demo data;
- ``urls``: where its pages live, a ``Pages`` (the URL prefix, the app's URL module, which of its
  pages the public may read without first setting up two-factor sign-in, and whether its public pages
  are offered in the languages settings.GUIDE_LANGUAGES turns on);
- ``role_permissions``: the app's permissions that each of the portal's roles (portal.roles) holds.

Every tile, link and loader has an ``order``: a position number, lowest first, that places it among the
portal's own and other apps'. The portal's own tiles (portal/navigation.py) are at 10, 20, 110 to 130, and
900 for system administration, which stays last; the apps' tiles go in the gaps.

Tiles and links take a ``visible_to`` predicate, the same one from the app's ``access.py`` that guards the
page (``@access_required(predicate)``), so the portal never offers a page that would refuse the person.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.exceptions import ImproperlyConfigured
from django.urls import URLResolver
from django.urls.resolvers import RoutePattern
from django.utils import translation


def signed_in(user) -> bool:
    """Anyone signed in: who sees a tile or link that names no other predicate."""
    return user.is_authenticated


def anyone(user) -> bool:
    """Everyone, signed in or not: for public pages such as the guide for families."""
    return True


@dataclass(frozen=True)
class Tile:
    """A link on the staff home: its title, the name of the URL it opens, and a sentence on what is there.

    ``description`` is usually a sentence; it may instead be a function of the user, for a tile that says
    more to some people than to others."""

    order: int
    title: str
    url_name: str
    description: str | Callable[..., str]
    visible_to: Callable[..., bool] = signed_in

    def describe(self, user) -> str:
        return self.description(user) if callable(self.description) else self.description


@dataclass(frozen=True)
class NavigationLink:
    """An entry in the header's service navigation, before the person's name and "Sign out"."""

    order: int
    label: str
    url_name: str
    visible_to: Callable[..., bool] = signed_in


@dataclass(frozen=True)
class HomeSection:
    """A part of the public home page: a heading, a sentence, and a link to the app's own pages."""

    order: int
    heading: str
    text: str
    link_text: str
    url_name: str


@dataclass(frozen=True)
class DemoLoader:
    """Adds an app's demo data. ``load(people, today)`` gets the demo people keyed by email (see load_demo)
    and the day the demo is dated from; it must add nothing the second time it runs, and returns the line
    load_demo prints about what it did."""

    order: int
    load: Callable[[Mapping[str, object], date], str]


def no_public_pages(url_name: str) -> bool:
    return False


@dataclass(frozen=True)
class Pages:
    """Where an app's pages live: ``path(prefix, include(module))`` in the root URL conf.

    ``is_public(url_name)`` says which of the app's pages (by URL name within its namespace) are for the
    public: a signed-in person who has yet to set up two-factor sign-in may still read those.

    ``translated``: the app's pages are also served under each turned-on language's prefix (/pl/guide/...),
    with Django's i18n_patterns; English keeps the plain address. Pages that must stay in English (its staff
    pages) go inside ``untranslated(...)`` in the app's URL module, so /pl/guide/manage/ is not found.
    """

    prefix: str
    module: str
    is_public: Callable[[str], bool] = no_public_pages
    translated: bool = False


class _EnglishOnlyRoute(RoutePattern):
    """A route that matches only when the address chose no other language (LocaleMiddleware activates
    the language its prefix names, English without one)."""

    def match(self, path):
        if translation.get_language() != settings.LANGUAGE_CODE:
            return None
        return super().match(path)


def untranslated(route: str, included) -> URLResolver:
    """``path(route, include(...))`` for pages inside a translated app that are only ever in English."""
    urlconf_module, app_name, namespace = included
    return URLResolver(
        _EnglishOnlyRoute(route, is_endpoint=False), urlconf_module, app_name=app_name, namespace=namespace
    )


@dataclass(frozen=True)
class Feature:
    """Everything one app adds to the portal. ``app_label`` names the app; registering it again replaces it."""

    app_label: str
    tiles: Sequence[Tile] = ()
    links: Sequence[NavigationLink] = ()
    home_sections: Sequence[HomeSection] = ()
    sitemaps: Mapping[str, type[Sitemap]] = field(default_factory=dict)
    demo: DemoLoader | None = None
    urls: Pages | None = None
    # Role name (portal.roles.Role) -> "app_label.codename" permissions the role holds in this app.
    role_permissions: Mapping[str, Sequence[str]] = field(default_factory=dict)


_registered: dict[str, Feature] = {}


def register(feature: Feature) -> None:
    """Add an app's feature. Call it from the app's AppConfig.ready()."""
    for other in _registered.values():
        if other.app_label == feature.app_label:
            continue
        # Sections are keyed by name: a second app using the same name would silently hide the first's pages.
        if clash := set(feature.sitemaps) & set(other.sitemaps):
            raise ImproperlyConfigured(f"{feature.app_label} and {other.app_label} both name sitemap {clash}")
    _registered[feature.app_label] = feature


def registered() -> list[Feature]:
    return list(_registered.values())


def tiles() -> list[Tile]:
    """Every app's staff-home tiles; portal.navigation puts them in order among the portal's own."""
    return [tile for feature in _registered.values() for tile in feature.tiles]


def links() -> list[NavigationLink]:
    return sorted((link for feature in _registered.values() for link in feature.links), key=lambda link: link.order)


def home_sections() -> list[HomeSection]:
    return sorted(
        (section for feature in _registered.values() for section in feature.home_sections),
        key=lambda section: section.order,
    )


def sitemaps() -> dict[str, type[Sitemap]]:
    """Every app's sitemaps, one section each, for /sitemap.xml."""
    return {name: sitemap for feature in _registered.values() for name, sitemap in feature.sitemaps.items()}


def demo_loaders() -> list[DemoLoader]:
    loaders = (feature.demo for feature in _registered.values() if feature.demo is not None)
    return sorted(loaders, key=lambda loader: loader.order)


def pages() -> list[tuple[str, Pages]]:
    """Each app's namespace (its app label) and pages, in the order the apps were registered."""
    return [(feature.app_label, feature.urls) for feature in _registered.values() if feature.urls is not None]


def is_public_page(namespaces: Sequence[str], url_name: str) -> bool:
    """Is this page, resolved into these URL namespaces, one of an app's public pages?"""
    return any(namespace in namespaces and urls.is_public(url_name) for namespace, urls in pages())


def is_translated_page(namespaces: Sequence[str], url_name: str) -> bool:
    """Is this page one of an app's public pages that is offered in the turned-on languages?"""
    return any(namespace in namespaces and urls.translated and urls.is_public(url_name) for namespace, urls in pages())


def roles_named() -> set[str]:
    """Every role name any feature gives permissions to (portal.roles checks each is a real role)."""
    return {role for feature in _registered.values() for role in feature.role_permissions}


def role_permissions(role: str) -> list[str]:
    """The feature apps' permissions that ``role`` holds."""
    return [permission for feature in _registered.values() for permission in feature.role_permissions.get(role, ())]
