"""The handbook's pages for staff: the contents, each page, search, print, confirming reading, and the reading
report for managers. Every view needs a signed-in member of staff (handbook.access)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from handbook import access, selectors, services
from handbook.rendering import render_page
from portal import request_params
from portal.access import access_required
from practice_guide import selectors as guide_selectors
from practice_guide.access import can_edit_handbook
from practice_guide.models import Audience, Kind
from training.selectors import courses_teaching

SEARCH_MAX = 200


def _page_or_404(slug):
    page = selectors.published_page(slug)
    if page is None:
        raise Http404("No published handbook page with that address")
    return page


@access_required(access.can_read_handbook)
def index(request):
    return render(
        request,
        "handbook/index.html",
        {
            "sections": selectors.sections(),
            "my_reading": selectors.my_required_reading(request.user),
            "manager_links": _manager_links(request.user),
        },
    )


def _manager_links(user) -> list[tuple[str, str]]:
    """The handbook's pages for keeping it and checking it is read, for those who may open them."""
    links = [
        (can_edit_handbook, "Edit the practice handbook", "handbook-editor:manage"),
        (access.can_set_required_reading, "Choose required reading", "handbook:required-reading"),
        (access.can_see_reading_report, "See who has read their required reading", "handbook:reading-report"),
    ]
    return [(label, reverse(name)) for allowed, label, name in links if allowed(user)]


def page_context(request, page, revision, *, preview=False) -> dict:
    """What the page template needs: shared by the page itself and its editors' preview."""
    pages = selectors.in_handbook_order(selectors.published_pages())
    context = {
        "page": page,
        "revision": revision,
        "rendered": render_page(revision),
        "sections": selectors.sections(pages),
        "preview": preview,
        "is_tool": page.kind == Kind.TOOL,
    }
    if page.kind == Kind.TOOL:
        context["courses"] = courses_teaching(request.user, page, timezone.now())
        context["frames"] = selectors.frames_of(page)
    if not preview:
        confirmation = selectors.latest_confirmation(request.user, page)
        context["confirmation"] = confirmation
        context["read_current"] = confirmation is not None and confirmation.revision_id == page.published_id
        context["is_required"] = selectors.is_required_for(request.user, page)
        # Previous and next in handbook order, for reading straight through.
        index = next((i for i, p in enumerate(pages) if p.pk == page.pk), None)
        if index is not None:
            context["previous_page"] = pages[index - 1] if index > 0 else None
            context["next_page"] = pages[index + 1] if index + 1 < len(pages) else None
    return context


@access_required(access.can_read_handbook)
def page(request, slug):
    found = _page_or_404(slug)
    return render(request, "handbook/page.html", page_context(request, found, found.published))


@access_required(access.can_read_handbook)
def confirm_read(request, slug):
    """Confirm reading the version the person had on screen (the form names it): if the page was published
    again while they read, they are told and shown the new version, and nothing is recorded. A GET (a
    refreshed or pasted address) simply shows the page."""
    found = _page_or_404(slug)
    if request.method != "POST":
        return redirect("handbook:page", slug=found.slug)
    if request_params.positive_int(request.POST.get("revision")) != found.published_id:
        messages.error(request, "This page changed while you were reading it. Please read the new version first.")
        return redirect("handbook:page", slug=found.slug)
    _confirmation, created = services.confirm_read(request.user, found)
    if created:
        messages.success(
            request,
            f"Thank you. You have confirmed you have read and understood “{found.published.title}”. "
            "It counts as reading time in your CPD record.",
        )
    return redirect("handbook:page", slug=found.slug)


@access_required(access.can_read_handbook)
def search(request):
    query = " ".join((request_params.text(request.GET.get("q")) or "").split())
    error, results = None, []
    if len(query) > SEARCH_MAX:
        error = f"Search for {SEARCH_MAX} characters or fewer"
    elif query:
        results = guide_selectors.search(
            query,
            "parents",
            audience=Audience.STAFF,
            url_for=lambda page: reverse("handbook:page", args=[page.slug]),
        )
    return render(
        request,
        "handbook/search.html",
        {"query": query[:SEARCH_MAX], "results": results, "error": error},
        status=400 if error else 200,
    )


def _site(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@access_required(access.can_read_handbook)
def print_handbook(request):
    site = _site(request)
    pages = selectors.pages_to_print()
    return render(
        request,
        "handbook/print.html",
        {
            "pages": [
                (page, render_page(page.published, site=site, id_prefix=f"{page.slug}-", nested=True)) for page in pages
            ],
            "whole": True,
        },
    )


@access_required(access.can_read_handbook)
def print_page(request, slug):
    found = _page_or_404(slug)
    return render(
        request,
        "handbook/print.html",
        {"pages": [(found, render_page(found.published, site=_site(request)))], "whole": False, "page": found},
    )


@require_safe
@access_required(access.can_see_reading_report)
def reading_report(request):
    only_outstanding = request.GET.get("show") == "outstanding"
    return render(
        request,
        "handbook/reading_report.html",
        {
            "teams": selectors.reading_report(request.user, only_outstanding=only_outstanding),
            "only_outstanding": only_outstanding,
        },
    )
