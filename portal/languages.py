"""The languages the guide for families can be read in, besides English.

A service turns languages on with GUIDE_LANGUAGES (a comma-separated list of codes from ``SUPPORTED``).
Each turned-on language gets its own address prefix for the pages an app marks as translated
(portal.features.Pages.translated: /pl/guide/..., /ar/guide/...); every other page stays in English.

This module is read by settings.py, so it imports nothing from Django but the exception it raises.
"""

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured

ENGLISH = "en-gb"


@dataclass(frozen=True)
class Language:
    code: str  # Django's language code, and the address prefix
    name: str  # in English, for editors
    own_name: str  # in the language itself, for the switcher
    html_lang: str  # for lang="..." and hreflang="..." (BCP 47)
    rtl: bool = False

    @property
    def direction(self) -> str:
        return "rtl" if self.rtl else "ltr"


# Every language the portal has interface text for (locale/<code>/LC_MESSAGES/django.po). Adding one here
# means writing its .po file first.
SUPPORTED = {
    language.code: language
    for language in (
        Language("pl", "Polish", "Polski", "pl"),
        Language("ar", "Arabic", "العربية", "ar", rtl=True),
    )
}
ENGLISH_LANGUAGE = Language(ENGLISH, "English", "English", "en-GB")
DEFAULT_GUIDE_LANGUAGES = "pl,ar"


def parse_guide_languages(value: str | None) -> tuple[str, ...]:
    """The codes in GUIDE_LANGUAGES, checked against SUPPORTED. Unset means the default; empty means none."""
    if value is None:
        value = DEFAULT_GUIDE_LANGUAGES
    codes = [code.strip().lower() for code in value.split(",") if code.strip()]
    unknown = [code for code in codes if code not in SUPPORTED]
    if unknown:
        known = ", ".join(sorted(SUPPORTED))
        raise ImproperlyConfigured(
            f"GUIDE_LANGUAGES names languages the portal has no translations for: {', '.join(unknown)}. "
            f"Use a comma-separated list of: {known} (or leave it empty to offer English only)."
        )
    return tuple(dict.fromkeys(codes))


def django_languages(codes) -> list[tuple[str, str]]:
    """settings.LANGUAGES: English, then each turned-on language by its own name."""
    return [(ENGLISH, ENGLISH_LANGUAGE.own_name)] + [(code, SUPPORTED[code].own_name) for code in codes]


def language(code: str | None) -> Language:
    """The Language for a code Django has active; English for anything else."""
    return SUPPORTED.get(code or "", ENGLISH_LANGUAGE)
