"""Translations of the guide's parts, journey steps and glossary entries: which languages are turned on, when a
translation needs review, the editors' view of every translation's state, and the changes editors make (each in
one transaction that starts a new cache generation, as every change families can see does:
practice_guide/guide_cache.py). What readers see in each language is in practice_guide/translated_pages.py.

A part's translation is made from one English version (Translation.source). When the version families see is
no longer that one and its words differ, readers are told the translation may be out of date and editors see
that it needs review. A glossary translation keeps the English words it was made from in the same way.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language

from portal.edit_conflicts import EditConflictError, save_if_unchanged
from portal.languages import SUPPORTED, Language
from practice_guide import guide_cache
from practice_guide.models import GlossaryTerm, GlossaryTranslation, GuidePart, Revision, Translation

# The English words a translation is made from: when they change, the translation needs review.
_SOURCE_FIELDS = ("title", "summary", "body_parents", "body_children")


def turned_on() -> list[Language]:
    return [SUPPORTED[code] for code in settings.GUIDE_LANGUAGES]


def reading_language() -> Language | None:
    """The language the page is being read in, if it is one of the turned-on translations (None: English).
    LocaleMiddleware activates it from the address's prefix."""
    return language_turned_on(get_language())


def language_turned_on(code: str) -> Language | None:
    """The Language for a code the service offers, or None for a forged or turned-off one."""
    return SUPPORTED[code] if code in settings.GUIDE_LANGUAGES else None


def english_changed(published: Revision | None, source: Revision) -> bool:
    """Has the English families see moved on from the version a translation was made from? A new version
    with the same words (republished unchanged, or only the editors' note changed) does not count."""
    if published is None or published.pk == source.pk:
        return False
    return any(getattr(published, name) != getattr(source, name) for name in _SOURCE_FIELDS)


# --- Editors -------------------------------------------------------------------------------


class Status:
    MISSING = "missing"
    UP_TO_DATE = "up-to-date"
    NEEDS_REVIEW = "needs-review"
    EXAMPLE = "example"

    LABELS = {
        MISSING: ("Not translated", "govuk-tag--grey"),
        UP_TO_DATE: ("Up to date", "govuk-tag--green"),
        NEEDS_REVIEW: ("Needs review", "govuk-tag--orange"),
        EXAMPLE: ("Example, not checked", "govuk-tag--yellow"),
    }


@dataclass(frozen=True)
class LanguageState:
    language: Language
    status: str
    translation: object | None

    @property
    def label(self) -> str:
        return Status.LABELS[self.status][0]

    @property
    def tag_class(self) -> str:
        return Status.LABELS[self.status][1]


def _status(translation, out_of_date: bool) -> str:
    if translation is None:
        return Status.MISSING
    if out_of_date:
        return Status.NEEDS_REVIEW
    return Status.EXAMPLE if translation.is_example else Status.UP_TO_DATE


def english_for(part: GuidePart) -> Revision | None:
    """The English a translation is made from and checked against: what families see, or the draft of a
    part not yet published."""
    return part.published or part.draft


@dataclass(frozen=True)
class PartRow:
    part: GuidePart
    states: list[LanguageState]


def parts_overview(user) -> list[PartRow]:
    """Every part and journey step with each turned-on language's translation state. Three queries."""
    languages = turned_on()
    parts = list(
        GuidePart.objects.for_editor(user).select_related("draft", "published").order_by("kind", "position", "id")
    )
    rows = Translation.objects.filter(part__in=parts, language__in=[lang.code for lang in languages]).select_related(
        "source"
    )
    by_key = {(row.part_id, row.language): row for row in rows}
    result = []
    for part in parts:
        english = english_for(part)
        states = []
        for language in languages:
            row = by_key.get((part.pk, language.code))
            out_of_date = row is not None and english_changed(english, row.source)
            states.append(LanguageState(language, _status(row, out_of_date), row))
        result.append(PartRow(part, states))
    return result


@dataclass(frozen=True)
class TermRow:
    entry: GlossaryTerm
    states: list[LanguageState]


def glossary_overview(user) -> list[TermRow]:
    languages = turned_on()
    entries = list(GlossaryTerm.objects.for_editor(user))
    rows = GlossaryTranslation.objects.filter(entry__in=entries, language__in=[lang.code for lang in languages])
    by_key = {(row.entry_id, row.language): row for row in rows}
    result = []
    for entry in entries:
        states = []
        for language in languages:
            row = by_key.get((entry.pk, language.code))
            if row is not None:
                row.entry = entry
            states.append(LanguageState(language, _status(row, row is not None and row.is_out_of_date), row))
        result.append(TermRow(entry, states))
    return result


def translation_of(part: GuidePart, language: Language) -> Translation | None:
    return Translation.objects.filter(part=part, language=language.code).select_related("source", "updated_by").first()


def glossary_translation_of(entry: GlossaryTerm, language: Language) -> GlossaryTranslation | None:
    return GlossaryTranslation.objects.filter(entry=entry, language=language.code).select_related("updated_by").first()


@dataclass
class TranslationText:
    title: str
    summary: str
    body_parents: str
    body_children: str = ""
    timescale: str = ""  # journey steps only


@dataclass
class Credit:
    """Who translated it and who checked it, and when."""

    translated_by: str
    checked_by: str = ""
    checked_on: date | None = None
    is_example: bool = False


def _add_or_replace(model, owner: dict, values: dict, credit: Credit, expected_version: int | None, by):
    """Add the translation that `owner` picks out, or replace the one the editor opened (`expected_version`, None
    for a new one). Called inside the caller's transaction, with the part or entry locked."""
    values = {**values, **vars(credit), "updated_at": timezone.now(), "updated_by": by}
    existing = model.objects.filter(**owner).first()
    if existing is None:
        if expected_version is not None:
            raise EditConflictError(record=None)  # deleted by someone else since it was opened
        saved = model.objects.create(**owner, **values)
    else:
        if expected_version is None:
            raise EditConflictError(record=existing)  # someone else added one since
        save_if_unchanged(existing, expected_version, version_field="edit_version", **values)
        saved = model.objects.get(pk=existing.pk)
    guide_cache.start_new_generation()
    return saved


@transaction.atomic
def save_translation(
    part: GuidePart, language: Language, *, text: TranslationText, credit: Credit, expected_version: int | None, by
) -> Translation:
    """Add or replace a part's translation, made from the English families see now. `expected_version` is the
    version the editor opened (None for a new one); if someone saved since, `EditConflictError` whose `record`
    is their translation, and nothing is saved."""
    current = GuidePart.objects.select_for_update(of=("self",)).select_related("draft", "published").get(pk=part.pk)
    values = {**vars(text), "source": english_for(current)}
    return _add_or_replace(
        Translation, {"part": current, "language": language.code}, values, credit, expected_version, by
    )


@transaction.atomic
def save_glossary_translation(
    entry: GlossaryTerm, language: Language, *, term: str, definition: str, credit: Credit, expected_version, by
) -> GlossaryTranslation:
    current = GlossaryTerm.objects.select_for_update().get(pk=entry.pk)
    values = {
        "term": term,
        "definition": definition,
        "source_term": current.term,
        "source_definition": current.definition,
    }
    return _add_or_replace(
        GlossaryTranslation, {"entry": current, "language": language.code}, values, credit, expected_version, by
    )


@transaction.atomic
def delete_translation(translation: Translation | GlossaryTranslation) -> None:
    """Remove a part's or a glossary entry's translation."""
    type(translation).objects.filter(pk=translation.pk).delete()
    guide_cache.start_new_generation()
