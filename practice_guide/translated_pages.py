"""The guide's pages in a turned-on language: each part, journey step, contents entry and glossary entry in the
reader's language where there is a translation, and in English, marked as English, where there is not; and search
that finds the translations' own words. Every value here is kept in the guide's cache per generation and
language (practice_guide/guide_cache.py), except search, so a warm page reads none of it again.
"""

from dataclasses import dataclass, field, replace
from datetime import date

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import F
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from portal.languages import ENGLISH_LANGUAGE, Language
from practice_guide.glossary_links import link_terms
from practice_guide.journey import page_url
from practice_guide.markdown import guide_links, plain_text, render
from practice_guide.models import GlossaryTerm, GlossaryTranslation, GuidePart, Reader, Revision, Translation
from practice_guide.rendering import reading_minutes, render_part
from practice_guide.translations import english_changed, reading_language


@dataclass(frozen=True)
class TranslationNote:
    """Who translated what a reader sees, and whether to warn them about it."""

    translated_by: str
    checked_on: date | None
    is_example: bool
    out_of_date: bool


@dataclass(frozen=True)
class ShownPart:
    """A part as a reader of one language sees it: the translation, or the English with a notice.

    ``lang`` is set (to English) only when the words are not in the page's language, so the template can mark
    them lang="en" dir="ltr" for screen readers, browsers and translation tools."""

    title: str
    summary: str
    html: SafeString
    linked_slugs: tuple[str, ...]
    has_own_version: bool
    reading_minutes: int = 1
    note: TranslationNote | None = None
    lang: str = ""


@dataclass(frozen=True)
class _LinkTerm:
    """A glossary entry as glossary_links needs it, in the reader's language."""

    slug: str
    definition: str
    forms: list[str] = field(default_factory=list)


def _in_language(html: str, language: Language) -> str:
    # Links between parts stay in the reader's language.
    return html.replace('href="/guide/', f'href="/{language.code}/guide/')


def _link_terms_for(language: Language) -> list:
    """Glossary entries to mark in a translated text: those translated into its language."""
    translated = GlossaryTranslation.objects.filter(language=language.code).select_related("entry")
    return [_LinkTerm(row.entry.slug, row.definition, [row.term]) for row in translated if row.term.strip()]


_UNREAD = object()


def shown_part(
    part: GuidePart,
    revision: Revision,
    reader: str,
    language: Language,
    terms,
    *,
    translation=_UNREAD,
    translated_terms=None,
    id_prefix: str = "",
) -> ShownPart:
    """Render what a reader of `language` sees for a published part. Kept in the guide's cache per
    generation, language and reader: saving or deleting any translation starts a new generation.
    ``translation`` and ``translated_terms`` may be read beforehand, for many parts at once."""
    if translation is _UNREAD:
        translation = Translation.objects.filter(part=part, language=language.code).select_related("source").first()
    if translation is None:
        english = render_part(revision, reader, terms, id_prefix=id_prefix)
        return ShownPart(
            revision.title,
            revision.summary,
            mark_safe(_in_language(english.html, language)),  # noqa: S308 - render_part sanitised it
            english.linked_slugs,
            english.has_own_version,
            english.reading_minutes,
            lang=ENGLISH_LANGUAGE.html_lang,
        )
    # The children's version where there is one, as in English. Easy read is written in English only: an easy
    # read reader gets the translated parents' version rather than the English easy read, as words in their
    # own language serve them better than the simplest English they may not read at all. has_own_version is
    # then False, so the page says there is no easy read version and suggests reading it with someone.
    body = translation.body_for(reader)
    html = render(body)
    linked = guide_links(html)
    if translated_terms is None:
        translated_terms = _link_terms_for(language)
    html = _in_language(link_terms(html, translated_terms, id_prefix=id_prefix), language)
    note = TranslationNote(
        translated_by=translation.translated_by,
        checked_on=translation.checked_on,
        is_example=translation.is_example,
        out_of_date=english_changed(revision, translation.source),
    )
    own = bool(translation.body_children.strip()) if reader == Reader.CHILDREN else reader != Reader.EASY_READ
    minutes = reading_minutes(len(plain_text(body).split()), reader if own else Reader.PARENTS)
    # Safe: render() sanitised the HTML with nh3 and link_terms escapes what it adds.
    return ShownPart(translation.title, translation.summary, mark_safe(html), linked, own, minutes, note)  # noqa: S308


def shown_parts(parts, reader: str, language: Language, terms) -> list[tuple[ShownPart, ShownPart]]:
    """Every published part for the printable guide in `language`, in four queries however many there are.
    Each pair is (what gives the title, what gives the text): both the ShownPart."""
    parts = list(parts)
    by_part = {
        row.part_id: row
        for row in Translation.objects.filter(part__in=parts, language=language.code).select_related("source")
    }
    linkable = _link_terms_for(language)
    shown = [
        shown_part(
            part,
            part.published,
            reader,
            language,
            terms,
            translation=by_part.get(part.pk),
            translated_terms=linkable,
            id_prefix=f"{part.slug}-",
        )
        for part in parts
    ]
    return [(each, each) for each in shown]


@dataclass(frozen=True)
class ShownEntry:
    """A contents entry in a reader's language; ``lang`` is set when it is still in English."""

    slug: str
    title: str
    summary: str
    lang: str = ""


def contents(language: Language, entries) -> list[ShownEntry]:
    """The contents list (selectors.contents()) with each part's title and summary in `language` where
    there is a translation."""
    translated = dict(
        (slug, (title, summary))
        for slug, title, summary in Translation.objects.filter(
            language=language.code, part__slug__in=[entry.slug for entry in entries]
        ).values_list("part__slug", "title", "summary")
    )
    shown = []
    for entry in entries:
        if entry.slug in translated:
            title, summary = translated[entry.slug]
            shown.append(ShownEntry(entry.slug, title, summary))
        else:
            shown.append(ShownEntry(entry.slug, entry.title, entry.summary, ENGLISH_LANGUAGE.html_lang))
    return shown


@dataclass(frozen=True)
class ShownTerm:
    slug: str
    term: str
    definition: str
    english_term: str = ""  # beside a translated term, so readers can match the word they hear
    lang: str = ""
    note: TranslationNote | None = None


def glossary(language: Language) -> list[ShownTerm]:
    """Every glossary entry in `language` where translated, in English (marked) where not."""
    translated = {row.entry_id: row for row in GlossaryTranslation.objects.filter(language=language.code)}
    shown = []
    for entry in GlossaryTerm.objects.all():
        row = translated.get(entry.pk)
        if row is None:
            shown.append(ShownTerm(entry.slug, entry.term, entry.definition, lang=ENGLISH_LANGUAGE.html_lang))
            continue
        row.entry = entry  # for is_out_of_date, without another query
        note = TranslationNote(row.translated_by, row.checked_on, row.is_example, row.is_out_of_date)
        shown.append(ShownTerm(entry.slug, row.term, row.definition, english_term=entry.term, note=note))
    return shown


def journey(english, language: Language):
    """The journey map (practice_guide/journey.py) with each step's and linked part's title and summary in
    `language` where they are translated. One query; kept in the guide's cache like the map itself."""
    slugs = {step.slug for step in english.steps} | english.part_slugs
    translated = {
        slug: (title, summary, timescale)
        for slug, title, summary, timescale in Translation.objects.filter(
            language=language.code, part__slug__in=slugs
        ).values_list("part__slug", "title", "summary", "timescale")
    }

    english_lang = ENGLISH_LANGUAGE.html_lang

    def link_in_language(link):
        if link.slug in translated:
            return replace(link, title=translated[link.slug][0])
        return replace(link, lang=english_lang)

    def step_in_language(step):
        links = tuple(link_in_language(link) for link in step.parts)
        if step.slug in translated:
            title, summary, timescale = translated[step.slug]
            # A translation saved before the English step had a timescale line has none: keep the English
            # line, marked as English (timescale_lang), rather than show nothing.
            if timescale or not step.timescale:
                return replace(step, title=title, summary=summary, parts=links, timescale=timescale)
            return replace(step, title=title, summary=summary, parts=links, timescale_lang=english_lang)
        return replace(step, parts=links, lang=english_lang, timescale_lang=english_lang)

    return replace(english, steps=tuple(step_in_language(step) for step in english.steps))


def title_in_reading_language(part: GuidePart) -> str | None:
    """The part's translated title in the page's language, if it has one."""
    language = reading_language()
    if language is None:
        return None
    return Translation.objects.filter(part=part, language=language.code).values_list("title", flat=True).first()


@dataclass(frozen=True)
class ShownResult:
    """A search result on a translated page; ``title_lang`` and ``snippet_lang`` are set where the words are
    still in English."""

    title: str
    url: str
    snippet_html: str
    kind: str
    title_lang: str = ""
    snippet_lang: str = ""


def _matching(rows, fields: tuple[str, ...], query_text: str):
    # PostgreSQL's "simple" configuration: no stemming or stop words, so it works for every language's words.
    vector = SearchVector(fields[0], weight="A", config="simple") + SearchVector(*fields[1:], config="simple")
    query = SearchQuery(" or ".join(query_text.split()), search_type="websearch", config="simple")
    matching = rows.annotate(vector=vector).filter(vector=query)
    return matching.annotate(rank=SearchRank(F("vector"), query)).order_by("-rank")


def search(query_text: str, english_results, language: Language, *, limit: int = 20) -> list[ShownResult]:
    """Search on a page in `language`: the translations whose words match first, then the English matches
    (selectors.search) with their titles translated where there is a translation. Four queries."""
    english = ENGLISH_LANGUAGE.html_lang
    parts = _matching(
        Translation.objects.filter(language=language.code, part__published__isnull=False),
        ("title", "summary", "body_parents", "body_children"),
        query_text,
    ).values_list("part__kind", "part__slug", "title", "summary", "rank")
    terms = _matching(
        GlossaryTranslation.objects.filter(language=language.code), ("term", "definition"), query_text
    ).values_list("entry__slug", "term", "definition", "rank")
    glossary_url = reverse("practice_guide:glossary")
    found = sorted(
        [
            (rank, ShownResult(title, page_url(kind, slug), escape(summary), kind))
            for kind, slug, title, summary, rank in parts[:limit]
        ]
        + [
            (rank, ShownResult(term, f"{glossary_url}#{slug}", escape(definition), "glossary"))
            for slug, term, definition, rank in terms[:limit]
        ],
        key=lambda pair: -pair[0],
    )
    shown = [result for _rank, result in found]
    rows = Translation.objects.filter(language=language.code).values_list("part__kind", "part__slug", "title")
    titles = {page_url(kind, slug): title for kind, slug, title in rows}
    titles.update(
        (f"{glossary_url}#{slug}", term)
        for slug, term in GlossaryTranslation.objects.filter(language=language.code).values_list("entry__slug", "term")
    )
    already = {result.url for result in shown}
    for result in english_results:
        if result.url in already:
            continue
        title = titles.get(result.url)
        shown.append(
            ShownResult(
                title or result.title, result.url, result.snippet_html, result.kind, "" if title else english, english
            )
        )
    return shown
