"""The public guide for families. No sign-in; every page works without JavaScript."""

import functools

from django.core import signing
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from portal import request_params
from practice_guide import guide_cache, page_cache, ratelimit, selectors, services, translated_pages, translations
from practice_guide import journey as journey_map
from practice_guide.forms import FeedbackCommentForm
from practice_guide.models import Kind, PageFeedback, Reader
from practice_guide.reader import reader_of, remember
from practice_guide.rendering import render_part

SEARCH_MAX = 200
FEEDBACK_LIMIT = 10  # answers per address per hour
FEEDBACK_TOKEN_SALT = "guide-feedback"  # noqa: S105 - a signing namespace, not a secret
FEEDBACK_TOKEN_AGE = 60 * 60


def _guide_context(request):
    """What every guide page needs. Publishes anything due first, so the page is current."""
    # Set by page_cache's middleware when it has just read the generation and found nothing due.
    generation = getattr(request, "guide_generation", None)
    if generation is None:
        services.publish_due_parts()
        generation = guide_cache.generation()
    contents = guide_cache.get_or_render(generation, "contents", selectors.contents)
    language = translations.reading_language()
    if language is not None:
        contents = guide_cache.get_or_render(
            generation, "translated-contents", lambda: translated_pages.contents(language, contents)
        )
    return generation, {"reader": reader_of(request), "contents": contents}


def _render(found, revision, reader):
    """A part's or step's text for this reader, translated into the page's language where it can be."""
    language = translations.reading_language()
    if language is None:
        return render_part(revision, reader, selectors.glossary())
    return translated_pages.shown_part(found, revision, reader, language, selectors.glossary())


def _published_text(generation, found, revision, reader):
    # A step is a part of another kind, so both pages share one cache key.
    return guide_cache.get_or_render(generation, "part", lambda: _render(found, revision, reader), revision.pk, reader)


def _feedback_state(request):
    return request_params.choice(request.GET.get("feedback"), ["thanks", "missing"])


@require_safe
def overview(request):
    generation, context = _guide_context(request)
    return page_cache.mark(render(request, "practice_guide/overview.html", context), generation)


@require_safe
def part(request, slug):
    generation, context = _guide_context(request)
    found = selectors.published_part(slug)
    if found is None:
        raise Http404("No published part with that address")
    if found.kind == Kind.STEP:
        return redirect(journey_map.page_url(found.kind, found.slug), permanent=True)
    revision = found.published
    reader = context["reader"]
    rendered = _published_text(generation, found, revision, reader)
    contents = context["contents"]
    index = next((i for i, entry in enumerate(contents) if entry.slug == found.slug), None)
    by_slug = {entry.slug: entry for entry in contents}
    context.update(
        part=found,
        revision=revision,
        rendered=rendered,
        previous=contents[index - 1] if index else None,
        next=contents[index + 1] if index is not None and index + 1 < len(contents) else None,
        related=[by_slug[s] for s in rendered.linked_slugs if s in by_slug and s != found.slug],
        feedback_state=_feedback_state(request),
    )
    # "Part of: What happens and when", beside a part that a journey step links to.
    journey = _journey(generation)
    if found.slug in journey.part_slugs:
        # Open the first step that links here, as GOV.UK opens one step for a page in several.
        first = journey.steps_linking_to(found.slug)[0]
        context.update(journey=journey, current_part_slug=found.slug, active_steps=(first.slug,))
    return page_cache.mark(render(request, "practice_guide/part.html", context), generation)


def _journey(generation) -> journey_map.Journey:
    # The English contents, whatever language the page is in: the journey map is kept once per generation.
    contents = guide_cache.get_or_render(generation, "contents", selectors.contents)
    journey = guide_cache.get_or_render(generation, "journey", lambda: journey_map.journey(contents))
    if (language := translations.reading_language()) is not None:
        journey = guide_cache.get_or_render(
            generation, "translated-journey", lambda: translated_pages.journey(journey, language)
        )
    return journey


@require_safe
def journey(request):
    generation, context = _guide_context(request)
    context["journey"] = _journey(generation)
    return page_cache.mark(render(request, "practice_guide/journey.html", context), generation)


@require_safe
def journey_step(request, slug):
    generation, context = _guide_context(request)
    found = journey_map.published_step(slug)
    if found is None:
        raise Http404("No published step with that address")
    revision = found.published
    reader = context["reader"]
    rendered = _published_text(generation, found, revision, reader)
    journey = _journey(generation)
    context.update(journey_map.step_page(journey, found, revision, rendered, context["contents"]))
    context["feedback_state"] = _feedback_state(request)
    return page_cache.mark(render(request, "practice_guide/journey_step.html", context), generation)


@require_safe
def print_view(request):
    generation, context = _guide_context(request)
    reader = context["reader"]

    glossary_once = functools.cache(selectors.glossary)  # the parts and the steps need it; read it once

    def render_all(pages):
        terms = glossary_once()
        language = translations.reading_language()
        if language is not None:
            return translated_pages.shown_parts(pages, reader, language, terms)
        return [
            (page.published, render_part(page.published, reader, terms, id_prefix=f"{page.slug}-")) for page in pages
        ]

    # Full addresses, so that a printed link still says where it goes.
    site = request.build_absolute_uri("/").rstrip("/")

    def render_for_paper(pages):
        return [
            (revision, mark_safe(rendered.html.replace('href="/', f'href="{site}/')))  # noqa: S308 - sanitised already
            for revision, rendered in render_all(pages)
        ]

    context["parts"] = guide_cache.get_or_render(
        generation, "print", lambda: render_for_paper(selectors.published_parts()), reader, site
    )
    # "What happens and when" after the parts: families print the steps to take to meetings.
    context["steps"] = guide_cache.get_or_render(
        generation, "print-steps", lambda: render_for_paper(journey_map.published_steps()), reader, site
    )
    return page_cache.mark(render(request, "practice_guide/print.html", context), generation)


@require_safe
def glossary(request):
    generation, context = _guide_context(request)
    language = translations.reading_language()
    if language is None:
        context["terms"] = guide_cache.get_or_render(generation, "glossary", selectors.glossary)
    else:
        context["terms"] = guide_cache.get_or_render(
            generation, "glossary", lambda: translated_pages.glossary(language)
        )
    return page_cache.mark(render(request, "practice_guide/glossary.html", context), generation)


@require_safe
def search(request):
    generation, context = _guide_context(request)
    query = " ".join((request_params.text(request.GET.get("q")) or "").split())
    error = None
    results, suggestion = [], None
    if len(query) > SEARCH_MAX:
        error = gettext("Search for %(max)s characters or fewer") % {"max": SEARCH_MAX}
    elif query:
        results = selectors.search(query, context["reader"])
        if (language := translations.reading_language()) is not None:
            results = translated_pages.search(query, results, language)
        if not results:
            known_words = guide_cache.get_or_render(generation, "vocabulary", selectors.vocabulary)
            suggestion = selectors.suggestion(query, known_words)
    context.update(query=query[:SEARCH_MAX], results=results, suggestion=suggestion, error=error)
    return render(request, "practice_guide/search.html", context, status=400 if error else 200)


@require_safe
def choose_reader(request, reader):
    if reader not in Reader.values:
        raise Http404("No such version")
    target = request_params.local_url(request, request.GET.get("next")) or reverse("practice_guide:overview")
    return remember(HttpResponseRedirect(target), reader)


@require_POST
def feedback(request, slug):
    found = selectors.published_part(slug)
    if found is None:
        raise Http404("No published part with that address")
    part_url = journey_map.page_url(found.kind, found.slug)
    answer = request.POST.get("useful")
    if answer not in ("yes", "no"):
        return redirect(f"{part_url}?feedback=missing#feedback")
    if request.POST.get("website"):  # the honeypot: say thanks, keep nothing
        return redirect(f"{part_url}?feedback=thanks#feedback")
    if not ratelimit.allow(request, "guide-feedback", limit=FEEDBACK_LIMIT, seconds=60 * 60):
        return render(request, "practice_guide/feedback_limited.html", {"part_url": part_url}, status=429)
    answer_row = services.record_feedback(found, useful=answer == "yes", reader=reader_of(request))
    if answer == "yes":
        return redirect(f"{part_url}?feedback=thanks#feedback")
    token = signing.dumps(answer_row.pk, salt=FEEDBACK_TOKEN_SALT)
    return redirect("practice_guide:feedback-comment", slug=found.slug, token=token)


@require_http_methods(["GET", "POST"])
def feedback_comment(request, slug, token):
    try:
        feedback_id = signing.loads(token, salt=FEEDBACK_TOKEN_SALT, max_age=FEEDBACK_TOKEN_AGE)
    except signing.BadSignature as error:
        raise Http404("That feedback link has expired") from error
    answer = get_object_or_404(PageFeedback.objects.select_related("part__published"), pk=feedback_id, part__slug=slug)
    part_url = journey_map.page_url(answer.part.kind, slug)
    form = FeedbackCommentForm(request.POST or None)
    if request.method == "POST":
        if form.is_from_a_robot:
            return redirect(f"{part_url}?feedback=thanks#feedback")
        if form.is_valid():
            services.add_feedback_comment(answer, form.cleaned_data["comment"].strip())
            return redirect(f"{part_url}?feedback=thanks#feedback")
    return render(
        request,
        "practice_guide/feedback_comment.html",
        {
            "form": form,
            "part": answer.part,
            "part_title": translated_pages.title_in_reading_language(answer.part),
            "part_url": part_url,
            "reader": reader_of(request),
        },
    )
