"""The editors' pages under /guide/manage/: write, preview, publish, schedule, compare, restore."""

import difflib

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from portal import request_params
from portal.access import access_required
from portal.csv_export import csv_response
from portal.edit_conflicts import EditConflictError
from practice_guide import journey, readability, selectors, services
from practice_guide.access import can_edit_guide
from practice_guide.forms import GlossaryTermForm, PartForm, PeriodForm, ScheduleForm
from practice_guide.models import GlossaryTerm, GuidePart, Kind, Reader
from practice_guide.rendering import render_part


def _part(request, pk) -> GuidePart:
    parts = GuidePart.objects.for_editor(request.user).select_related("draft", "published", "scheduled")
    return get_object_or_404(parts, pk=pk)


def _text(form) -> services.PartText:
    data = form.cleaned_data
    return services.PartText(
        data["title"],
        data["summary"],
        data["body_parents"],
        data.get("body_children", ""),
        body_easy_read=data.get("body_easy_read", ""),
        timescale=data.get("timescale", ""),
        editor_note=data.get("editor_note", ""),
    )


def _readability(parents, children, easy_read=None) -> list:
    """(label, report) for each version that has text, for the editor's readability panel."""
    terms = selectors.glossary()
    return [
        ("Version for parents and carers", readability.check(parents or "", terms)),
        (
            "Version for children and young people",
            readability.check(children, terms) if (children or "").strip() else None,
        ),
        ("Easy read version", readability.check_easy_read(easy_read) if (easy_read or "").strip() else None),
    ]


def _bodies(data) -> tuple:
    return data.get("body_parents"), data.get("body_children"), data.get("body_easy_read")


@access_required(can_edit_guide)
def part_list(request):
    pages = list(selectors.parts_for_editor(request.user))
    return render(
        request,
        "practice_guide/manage/part_list.html",
        {
            "parts": [page for page in pages if page.kind == Kind.PART],
            "steps": [page for page in pages if page.kind == Kind.STEP],
        },
    )


@access_required(can_edit_guide)
def part_create(request, kind=Kind.PART):
    """A new part, or (kind=Kind.STEP, from "Add a journey step") a new step of "What happens and when"."""
    form = PartForm(request.POST or None, kind=kind)
    if request.method == "POST" and form.is_valid():
        part = services.create_part(slug=form.cleaned_data["slug"], text=_text(form), by=request.user, kind=kind)
        messages.success(request, f"“{part.draft.title}” was created as a draft. Families cannot see it yet.")
        return redirect("practice_guide:manage-edit", pk=part.pk)
    report = _readability(*_bodies(request.POST)) if form.is_bound else []
    return render(request, "practice_guide/manage/part_form.html", {"form": form, "part": None, "report_items": report})


@access_required(can_edit_guide)
def part_edit(request, pk):
    part = _part(request, pk)
    draft = part.draft
    conflict = None
    if request.method == "POST":
        form = PartForm(request.POST, part=part)
        action = request.POST.get("action", "save")
        if form.is_valid() and action in ("save", "save-and-preview"):
            try:
                services.save_draft(
                    part,
                    expected_version=form.cleaned_data.get("edit_version") or 0,
                    text=_text(form),
                    by=request.user,
                    slug=form.cleaned_data.get("slug"),
                )
            except EditConflictError as error:
                conflict = error.record
                # Show their version beside ours; saving again now is a deliberate choice to replace it.
                form.data = form.data.copy()
                form.data["edit_version"] = conflict.edit_version
                form.add_error(
                    None,
                    "Someone else saved this part while you were editing it. Your changes have not been saved yet. "
                    "Compare the two versions below, then save again to replace theirs with yours",
                )
            else:
                if action == "save-and-preview":
                    return redirect("practice_guide:manage-preview", pk=part.pk)
                messages.success(request, "Your draft was saved. Families still see the published version.")
                return redirect("practice_guide:manage-edit", pk=part.pk)
        report = _readability(*_bodies(request.POST))
    else:
        form = PartForm(
            part=part,
            initial={
                "title": draft.title,
                "slug": part.slug,
                "summary": draft.summary,
                "body_parents": draft.body_parents,
                "body_children": draft.body_children,
                "body_easy_read": draft.body_easy_read,
                "timescale": draft.timescale,
                "editor_note": draft.editor_note,
                "edit_version": part.edit_version,
            },
        )
        report = _readability(draft.body_parents, draft.body_children, draft.body_easy_read)
    context = {"form": form, "part": part, "report_items": report, "conflict": conflict}
    if conflict is not None:
        context["their_draft"] = GuidePart.objects.select_related("draft__created_by").get(pk=part.pk).draft
    return render(request, "practice_guide/manage/part_form.html", context)


@require_POST
@access_required(can_edit_guide)
def readability_check(request):
    """The readability panel for the text in the form, for the editor page's script to refresh as people type."""
    report = _readability(*_bodies(request.POST))
    return render(request, "practice_guide/manage/readability_panel.html", {"report_items": report})


@access_required(can_edit_guide)
def part_preview(request, pk):
    part = _part(request, pk)
    reader = request_params.choice(request.GET.get("reader"), Reader) or Reader.PARENTS
    revision = part.draft
    contents = selectors.contents()
    if part.kind == Kind.STEP:
        rendered = render_part(revision, reader, selectors.glossary())
        context = journey.step_page(journey.journey(), part, revision, rendered, contents)
        context.update(preview=True, reader=reader, contents=contents)
        return render(request, "practice_guide/journey_step.html", context)
    return render(
        request,
        "practice_guide/part.html",
        {
            "preview": True,
            "part": part,
            "revision": revision,
            "reader": reader,
            "contents": contents,
            "rendered": render_part(revision, reader, selectors.glossary()),
            "related": [],
        },
    )


@require_POST
@access_required(can_edit_guide)
def part_publish(request, pk):
    part = _part(request, pk)
    services.publish(part, by=request.user)
    messages.success(request, f"“{part.draft.title}” is published. Families can read it now.")
    return redirect("practice_guide:manage-edit", pk=part.pk)


@access_required(can_edit_guide)
def part_schedule(request, pk):
    part = _part(request, pk)
    if request.method == "POST" and request.POST.get("action") == "cancel":
        services.cancel_schedule(part, by=request.user)
        messages.success(request, "Publishing is no longer scheduled.")
        return redirect("practice_guide:manage-edit", pk=part.pk)
    form = ScheduleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.schedule(part, when=form.cleaned_data["when"], by=request.user)
        when = timezone.localtime(form.cleaned_data["when"])
        messages.success(request, f"The current draft will be published on {when:%-d %B %Y at %H:%M}.")
        return redirect("practice_guide:manage-edit", pk=part.pk)
    return render(request, "practice_guide/manage/schedule.html", {"form": form, "part": part})


@require_POST
@access_required(can_edit_guide)
def part_unpublish(request, pk):
    part = _part(request, pk)
    services.unpublish(part, by=request.user)
    messages.success(request, f"“{part.draft.title}” is unpublished. Families can no longer see it.")
    return redirect("practice_guide:manage-edit", pk=part.pk)


@require_POST
@access_required(can_edit_guide)
def part_move(request, pk):
    part = _part(request, pk)
    services.move(part, up=request.POST.get("direction") == "up", by=request.user)
    return redirect("practice_guide:manage")


@access_required(can_edit_guide)
def part_history(request, pk):
    part = _part(request, pk)
    revisions = part.revisions.select_related("created_by").order_by("-number")
    events = part.events.select_related("by", "revision").order_by("-at", "-id")[:100]
    return render(
        request, "practice_guide/manage/history.html", {"part": part, "revisions": revisions, "events": events}
    )


def _diff_rows(before: str, after: str) -> list[tuple[str, str]]:
    """(kind, line) pairs: "same", "removed" or "added"."""
    rows = []
    for line in difflib.ndiff((before or "").splitlines(), (after or "").splitlines()):
        code, text = line[:2], line[2:]
        if code == "? ":
            continue
        rows.append(({"  ": "same", "- ": "removed", "+ ": "added"}[code], text))
    return rows


@access_required(can_edit_guide)
def part_compare(request, pk):
    part = _part(request, pk)
    revisions = {r.number: r for r in part.revisions.select_related("created_by")}
    older = revisions.get(request_params.positive_int(request.GET.get("a")))
    newer = revisions.get(request_params.positive_int(request.GET.get("b")))
    if older is None or newer is None:
        messages.error(request, "Choose two versions of this part to compare.")
        return redirect("practice_guide:manage-history", pk=part.pk)
    fields = [
        ("Title", older.title, newer.title),
        ("Summary", older.summary, newer.summary),
        ("Version for parents and carers", older.body_parents, newer.body_parents),
        ("Version for children and young people", older.body_children, newer.body_children),
        ("Easy read version", older.body_easy_read, newer.body_easy_read),
        ("How long it usually takes", older.timescale, newer.timescale),
        ("Note for editors", older.editor_note, newer.editor_note),
    ]
    sections = [(label, _diff_rows(a, b), a == b) for label, a, b in fields]
    return render(
        request,
        "practice_guide/manage/compare.html",
        {"part": part, "older": older, "newer": newer, "sections": sections},
    )


@require_POST
@access_required(can_edit_guide)
def part_restore(request, pk, number):
    part = _part(request, pk)
    revision = get_object_or_404(part.revisions, number=number)
    services.restore(part, revision, by=request.user)
    messages.success(request, f"Version {number} is the draft again. Publish it when you are ready.")
    return redirect("practice_guide:manage-edit", pk=part.pk)


@access_required(can_edit_guide)
def glossary_list(request):
    return render(request, "practice_guide/manage/glossary_list.html", {"terms": selectors.glossary()})


@access_required(can_edit_guide)
def glossary_edit(request, pk=None):
    term = get_object_or_404(GlossaryTerm.objects.for_editor(request.user), pk=pk) if pk else None
    form = GlossaryTermForm(request.POST or None, instance=term)
    if request.method == "POST" and form.is_valid():
        saved = services.save_glossary_term(form)
        messages.success(request, f"“{saved.term}” is saved. The guide now explains it wherever it appears.")
        return redirect("practice_guide:manage-glossary")
    return render(request, "practice_guide/manage/glossary_form.html", {"form": form, "term": term})


@access_required(can_edit_guide)
def glossary_delete(request, pk):
    term = get_object_or_404(GlossaryTerm.objects.for_editor(request.user), pk=pk)
    if request.method == "POST":
        services.delete_glossary_term(term)
        messages.success(request, f"“{term.term}” was removed from the glossary.")
        return redirect("practice_guide:manage-glossary")
    return render(request, "practice_guide/manage/glossary_delete.html", {"term": term})


def _period(request):
    form = PeriodForm(request.GET or None)
    return form, form.period(timezone.localdate())


@access_required(can_edit_guide)
def feedback_report(request):
    form, (start, end) = _period(request)
    return render(
        request,
        "practice_guide/manage/feedback.html",
        {"form": form, "start": start, "end": end, "summaries": selectors.feedback_report(start, end)},
    )


@access_required(can_edit_guide)
def feedback_csv(request):
    _form, (start, end) = _period(request)
    rows = (
        (
            timezone.localtime(answer.created_at).strftime("%Y-%m-%d %H:%M"),
            answer.part.draft.title if answer.part.draft_id else answer.part.slug,
            "Yes" if answer.useful else "No",
            answer.get_reader_display(),
            answer.comment,
        )
        for answer in selectors.feedback_rows(start, end)
    )
    return csv_response(
        f"guide-feedback-{start:%Y%m%d}-{end:%Y%m%d}.csv", ["When", "Part", "Useful", "Version", "Comment"], rows
    )
