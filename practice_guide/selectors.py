"""Every read of the guide that encodes a rule: what is public, search, reports."""

import difflib
import re
from dataclasses import dataclass
from datetime import date

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db.models import Count, F, Q, Value, Window
from django.db.models.functions import Coalesce, Greatest, Least, Lower, NullIf, RowNumber, StrIndex, Substr
from django.urls import reverse
from django.utils.html import escape

from practice_guide.journey import page_url
from practice_guide.models import Audience, GlossaryTerm, GuidePart, PageFeedback, Reader


@dataclass(frozen=True)
class ContentsEntry:
    slug: str
    title: str
    summary: str


def contents() -> list[ContentsEntry]:
    """The published parts in guide order: the contents list families see."""
    return [
        ContentsEntry(part.slug, part.published.title, part.published.summary)
        for part in GuidePart.objects.parts()
        .published()
        .only("slug", "position", "published__title", "published__summary")
    ]


def published_parts():
    return GuidePart.objects.parts().published().defer("published__search_vector")


def published_part(slug: str) -> GuidePart | None:
    # The texts load only if the rendered page is not already cached.
    texts = (
        "body_parents",
        "body_children",
        "body_easy_read",
        "text_parents",
        "text_children",
        "text_easy_read",
        "search_vector",
    )
    return GuidePart.objects.published().defer(*(f"published__{name}" for name in texts)).filter(slug=slug).first()


def glossary() -> list[GlossaryTerm]:
    return list(GlossaryTerm.objects.all())


# --- Search -------------------------------------------------------------------------------

# Marks that cannot appear in the guide's own text, swapped for <mark> after escaping.
_START, _STOP = "\x02", "\x03"


@dataclass(frozen=True)
class SearchResult:
    title: str
    url: str
    snippet_html: str
    kind: str  # "part", "step" (a journey step) or "glossary"


def _highlight(snippet: str) -> str:
    return escape(snippet).replace(_START, "<mark>").replace(_STOP, "</mark>")


def _match_text(query_text: str) -> str:
    """The websearch text to match. Plain words find a page holding any of them (ranking puts pages
    holding more of them first), as families often type a whole question; quotes, "or" and a
    leading "-" mean the reader asked for something exact, so their query is kept as typed."""
    if re.search(r'"|(^|\s)-|\bor\b', query_text, flags=re.IGNORECASE):
        return query_text
    return " or ".join(query_text.split())


# ts_headline reads all the text it is given, which is most of a search's cost: it gets only a window
# around the first place a query word seems to appear (its first letters: a stem is usually a prefix).
# It still finds and marks the real matches; if the guess misses, the window is the start of the text.
_WINDOW_BEFORE, _WINDOW = 300, 900
_WINDOW_WORDS = 5


def _snippet_source(field, query_text: str):
    prefixes = [word[: max(4, len(word) - 3)] for word in re.findall(r"[a-z]{4,}", query_text.lower())]
    if not prefixes:
        return field
    found = [NullIf(StrIndex(Lower(field), Value(prefix)), Value(0)) for prefix in prefixes[:_WINDOW_WORDS]]
    first = found[0] if len(found) == 1 else Least(*found)  # PostgreSQL's LEAST passes over NULLs
    start = Greatest(Coalesce(first, Value(1)) - Value(_WINDOW_BEFORE), Value(1))
    return Substr(field, start, _WINDOW)


def _text_for(reader: str):
    """The plain text of the version the reader sees: their own, or the one for parents where there is none."""
    parents = F("published__text_parents")
    if reader in (Reader.CHILDREN, Reader.EASY_READ):
        own = "published__text_children" if reader == Reader.CHILDREN else "published__text_easy_read"
        return Coalesce(NullIf(F(own), Value("")), parents)
    return parents


def search(
    query_text: str, reader: str, *, limit: int = 20, audience: str = Audience.FAMILIES, url_for=None
) -> list[SearchResult]:
    """Published parts and glossary entries matching the query, best first. Drafts never appear.

    Parts match on their published revision's stored, GIN-indexed vector (Revision.search_vector), so
    the cost grows with the matches rather than the size of the guide; snippets are made only for the
    parts shown.

    Families' pages and the glossary unless ``audience`` names the handbook: then handbook pages alone, each
    linked by ``url_for(part)`` (the handbook's own address), and never a families' page.
    """
    query = SearchQuery(_match_text(query_text), search_type="websearch", config="english")
    body_field = _text_for(reader)
    headline_options = {"start_sel": _START, "stop_sel": _STOP, "max_words": 30, "min_words": 15, "config": "english"}
    parts = (
        GuidePart.objects.published(audience)
        .filter(published__search_vector=query)
        .annotate(rank=SearchRank(F("published__search_vector"), query))
        .annotate(snippet=SearchHeadline(_snippet_source(body_field, query_text), query, **headline_options))
        .only("slug", "kind", "position", "published__title")
        .order_by("-rank", "position")[:limit]
    )
    term_vector = SearchVector("term", weight="A", config="english") + SearchVector(
        "variants", "definition", weight="C", config="english"
    )
    terms = (
        GlossaryTerm.objects.annotate(vector=term_vector)
        .filter(vector=query)
        .annotate(rank=SearchRank(F("vector"), query))
        .annotate(snippet=SearchHeadline("definition", query, **headline_options))
        .only("term", "slug")
        .order_by("-rank")[:limit]
    )
    url_for = url_for or (lambda part: page_url(part.kind, part.slug))
    results = [
        (part.rank, SearchResult(part.published.title, url_for(part), _highlight(part.snippet), part.kind))
        for part in parts
    ]
    if audience != Audience.FAMILIES:
        return [result for _rank, result in results]
    results += [
        (
            term.rank,
            SearchResult(
                term.term, f"{reverse('practice_guide:glossary')}#{term.slug}", _highlight(term.snippet), "glossary"
            ),
        )
        for term in terms
    ]
    return [result for _rank, result in sorted(results, key=lambda pair: -pair[0])]


def vocabulary() -> frozenset[str]:
    """Every word of the published guide and the glossary: what "Did you mean ...?" may suggest.
    Read once per generation (the view keeps it in the guide's cache): it reads every published text."""
    words = set()
    rows = GuidePart.objects.published().values_list("published__title", "published__text_parents")
    for title, text in rows:
        words.update(re.findall(r"[a-z]{3,}", f"{title} {text}".lower()))
    for term in GlossaryTerm.objects.values_list("term", flat=True):
        words.update(re.findall(r"[a-z0-9]{2,}", term.lower()))
    return frozenset(words)


def suggestion(query_text: str, known_words: frozenset[str]) -> str | None:
    """A spelling the guide knows, for "Did you mean ...?", or None."""
    words = re.findall(r"[a-z0-9]+", query_text.lower())
    if not words:
        return None
    corrected = [
        word if word in known_words else next(iter(difflib.get_close_matches(word, known_words, 1, 0.75)), word)
        for word in words
    ]
    return " ".join(corrected) if corrected != words else None


# --- Editors ------------------------------------------------------------------------------


def parts_for_editor(user, audience: str = Audience.FAMILIES):
    return (
        GuidePart.objects.for_editor(user, audience)
        .select_related("draft", "published", "scheduled")
        .order_by("position", "id")
    )


@dataclass(frozen=True)
class FeedbackSummary:
    part: GuidePart
    yes: int
    no: int
    comments: list

    @property
    def total(self) -> int:
        return self.yes + self.no

    @property
    def share_useful(self) -> float | None:
        return self.yes / self.total if self.total else None


def feedback_report(start: date, end: date, *, comments_per_part: int = 5) -> list[FeedbackSummary]:
    """For each part: yes and no answers between two dates (inclusive) and its latest comments."""
    in_period = Q(feedback__created_at__date__gte=start, feedback__created_at__date__lte=end)
    parts = (
        GuidePart.objects.for_families()
        .select_related("draft")
        .annotate(
            yes=Count("feedback", filter=in_period & Q(feedback__useful=True)),
            no=Count("feedback", filter=in_period & Q(feedback__useful=False)),
        )
        .order_by("position", "id")
    )
    latest_comments = (
        PageFeedback.objects.filter(created_at__date__gte=start, created_at__date__lte=end)
        .exclude(comment="")
        .annotate(newest=Window(RowNumber(), partition_by=[F("part_id")], order_by=F("created_at").desc()))
        .filter(newest__lte=comments_per_part)
        .order_by("-created_at")
    )
    by_part: dict[int, list] = {}
    for feedback in latest_comments:
        by_part.setdefault(feedback.part_id, []).append(feedback)
    return [FeedbackSummary(part, part.yes, part.no, by_part.get(part.pk, [])) for part in parts]


def feedback_rows(start: date, end: date):
    """Every answer in the period, oldest first, for the CSV export."""
    return (
        PageFeedback.objects.filter(created_at__date__gte=start, created_at__date__lte=end)
        .select_related("part__draft")
        .order_by("created_at")
    )
