"""What every page's layout needs: the service's names and the header's links."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.urls import translate_url
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from portal import features, languages
from portal.navigation import service_navigation_for


def service(request):
    """Names used by the layout: header, page titles and footer."""
    return {
        "organisation_name": settings.ORGANISATION_NAME,
        "service_name": settings.SERVICE_NAME,
        "feedback_email": settings.FEEDBACK_EMAIL,
        "daytime_phone": settings.DAYTIME_PHONE,
        "out_of_hours_phone": settings.OUT_OF_HOURS_PHONE,
        "guide_exit_url": settings.GUIDE_EXIT_URL,
    }


def service_navigation(request):
    """The apps' links in the header (portal.features), for the person asking. Worked out only if the page
    shows them: the plain layout of error pages does not."""

    def links():
        return service_navigation_for(getattr(request, "user", AnonymousUser()), request.path)

    return {"service_navigation": SimpleLazyObject(links)}


@dataclass(frozen=True)
class LanguageVersion:
    """The page being read, in one of the languages it is offered in: for the switcher and hreflang links."""

    language: languages.Language
    url: str
    is_current: bool


def _language_versions(request) -> list[LanguageVersion]:
    """The same page in English and each turned-on language, if it is a public page of an app whose pages
    are translated (portal.features.Pages.translated); otherwise none."""
    match = getattr(request, "resolver_match", None)
    if (
        match is None
        or not settings.GUIDE_LANGUAGES
        or not features.is_translated_page(match.namespaces, match.url_name)
    ):
        return []
    current = get_language()
    path = request.get_full_path()
    every = [languages.ENGLISH_LANGUAGE, *(languages.SUPPORTED[code] for code in settings.GUIDE_LANGUAGES)]
    return [LanguageVersion(each, translate_url(path, each.code), each.code == current) for each in every]


def language(request):
    """The page's language and direction for <html lang dir>, and the page in its other languages."""
    return {
        "page_language": languages.language(get_language()),
        "language_versions": SimpleLazyObject(lambda: _language_versions(request)),
    }
