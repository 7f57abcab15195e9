"""The editors' pages: write, preview, publish, schedule, compare, restore.

The part and page views serve both audiences (practice_guide/editing.py): the guide for families under
/guide/manage/ and the practice handbook under /handbook/manage/. Each takes the ``audience`` its URL conf
passes, and reaches only that audience's pages. The glossary and feedback views are the guide's alone."""

import difflib

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from portal import request_params
from portal.access import access_required
from portal.csv_export import csv_response
from portal.edit_conflicts import EditConflictError
from practice_guide import journey, readability, selectors, services
from practice_guide.access import can_edit_guide, editor_required
from practice_guide.editing import NEW_PAGE_LABELS, SECTION_HEADINGS, editing_for, url
from practice_guide.forms import GlossaryTermForm, PartForm, PeriodForm, ScheduleForm
from practice_guide.models import HANDBOOK_KINDS, Audience, GlossaryTerm, GuidePart, Kind, Reader
from practice_guide.rendering import render_part


def _part(request, pk, audience) -> GuidePart:
    parts = GuidePart.objects.for_editor(request.user, audience).select_related("draft", "published", "scheduled")
    return get_object_or_404(parts, pk=pk)


def _render(request, template, context, audience):
    return render(request, template, {**context, "editing": editing_for(audience)})


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


def _readability(parents, children, easy_read=None, *, audience=Audience.FAMILIES) -> list:
    """(label, report) for each version that has text, for the editor's readability panel."""
    terms = selectors.glossary()
    if audience == Audience.STAFF:
        return [("Text", readability.check(parents or "", terms))]
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


@editor_required
def part_list(request, audience=Audience.FAMILIES):
    pages = list(selectors.parts_for_editor(request.user, audience))
    if audience == Audience.STAFF:
        sections = [
            {
                "kind": kind,
                "heading": SECTION_HEADINGS[kind],
                "add_label": NEW_PAGE_LABELS[kind],
                "add_url": url(request, f"manage-create-{kind}"),
                "pages": [page for page in pages if page.kind == kind],
            }
            for kind in HANDBOOK_KINDS
        ]
        return _render(request, "practice_guide/manage/handbook_list.html", {"sections": sections}, audience)
    return _render(
        request,
        "practice_guide/manage/part_list.html",
        {
            "parts": [page for page in pages if page.kind == Kind.PART],
            "steps": [page for page in pages if page.kind == Kind.STEP],
        },
        audience,
    )


@editor_required
def part_create(request, kind=Kind.PART, audience=Audience.FAMILIES):
    """A new page of the kind its URL names: a part or (from "Add a journey step") a step of "What happens and
    when" in the guide; a page about our model, a tool or a page about learning together in the handbook."""
    editing = editing_for(audience)
    if kind not in editing.kinds:
        raise Http404
    form = PartForm(request.POST or None, kind=kind)
    if request.method == "POST" and form.is_valid():
        part = services.create_part(slug=form.cleaned_data["slug"], text=_text(form), by=request.user, kind=kind)
        messages.success(request, f"“{part.draft.title}” was created as a draft. {editing.readers} cannot see it yet.")
        return redirect(url(request, "manage-edit", pk=part.pk))
    report = _readability(*_bodies(request.POST), audience=audience) if form.is_bound else []
    context = {"form": form, "part": None, "report_items": report, "new_page_label": NEW_PAGE_LABELS[kind]}
    return _render(request, "practice_guide/manage/part_form.html", context, audience)


@editor_required
def part_edit(request, pk, audience=Audience.FAMILIES):
    part = _part(request, pk, audience)
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
                    f"Someone else saved this {editing_for(audience).noun} while you were editing it. "
                    "Your changes have not been saved yet. "
                    "Compare the two versions below, then save again to replace theirs with yours",
                )
            else:
                if action == "save-and-preview":
                    return redirect(url(request, "manage-preview", pk=part.pk))
                messages.success(
                    request,
                    f"Your draft was saved. {editing_for(audience).readers} still see the published version.",
                )
                return redirect(url(request, "manage-edit", pk=part.pk))
        report = _readability(*_bodies(request.POST), audience=audience)
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
        report = _readability(draft.body_parents, draft.body_children, draft.body_easy_read, audience=audience)
    context = {"form": form, "part": part, "report_items": report, "conflict": conflict}
    if conflict is not None:
        context["their_draft"] = GuidePart.objects.select_related("draft__created_by").get(pk=part.pk).draft
    return _render(request, "practice_guide/manage/part_form.html", context, audience)


@require_POST
@editor_required
def readability_check(request, audience=Audience.FAMILIES):
    """The readability panel for the text in the form, for the editor page's script to refresh as people type."""
    report = _readability(*_bodies(request.POST), audience=audience)
    return _render(request, "practice_guide/manage/readability_panel.html", {"report_items": report}, audience)


@editor_required
def part_preview(request, pk, audience=Audience.FAMILIES):
    part = _part(request, pk, audience)
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
@editor_required
def part_publish(request, pk, audience=Audience.FAMILIES):
    part = _part(request, pk, audience)
    services.publish(part, by=request.user)
    messages.success(request, f"“{part.draft.title}” is published. {editing_for(audience).readers} can read it now.")
    return redirect(url(request, "manage-edit", pk=part.pk))


@editor_required
def part_schedule(request, pk, audience=Audience.FAMILIES):
    part = _part(request, pk, audience)
    if request.method == "POST" and request.POST.get("action") == "cancel":
        services.cancel_schedule(part, by=request.user)
        messages.success(request, "Publishing is no longer scheduled.")
        return redirect(url(request, "manage-edit", pk=part.pk))
    form = ScheduleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.schedule(part, when=form.cleaned_data["when"], by=request.user)
        when = timezone.localtime(form.cleaned_data["when"])
        messages.success(request, f"The current draft will be published on {when:%-d %B %Y at %H:%M}.")
        return redirect(url(request, "manage-edit", pk=part.pk))
    return _render(request, "practice_guide/manage/schedule.html", {"form": form, "part": part}, audience)


@require_POST
@editor_required
def part_unpublish(request, pk, audience=Audience.FAMILIES):
    part = _part(request, pk, audience)
    services.unpublish(part, by=request.user)
    readers = editing_for(audience).readers
    messages.success(request, f"“{part.draft.title}” is unpublished. {readers} can no longer see it.")
    return redirect(url(request, "manage-edit", pk=part.pk))


@require_POST
@editor_required
def part_move(request, pk, audience=Audience.FAMILIES):
    part = _part(request, pk, audience)
    services.move(part, up=request.POST.get("direction") == "up", by=request.user)
    return redirect(url(request, "manage"))


@editor_required
def part_history(request, pk, audience=Audience.FAMILIES):
    part = _part(request, pk, audience)
    revisions = part.revisions.select_related("created_by").order_by("-number")
    events = part.events.select_related("by", "revision").order_by("-at", "-id")[:100]
    return _render(
        request,
        "practice_guide/manage/history.html",
        {"part": part, "revisions": revisions, "events": events},
        audience,
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


@editor_required
def part_compare(request, pk, audience=Audience.FAMILIES):
    part = _part(request, pk, audience)
    revisions = {r.number: r for r in part.revisions.select_related("created_by")}
    older = revisions.get(request_params.positive_int(request.GET.get("a")))
    newer = revisions.get(request_params.positive_int(request.GET.get("b")))
    if older is None or newer is None:
        messages.error(request, f"Choose two versions of this {editing_for(audience).noun} to compare.")
        return redirect(url(request, "manage-history", pk=part.pk))
    if audience == Audience.STAFF:
        fields = [
            ("Title", older.title, newer.title),
            ("Summary", older.summary, newer.summary),
            ("Text", older.body_parents, newer.body_parents),
            ("Note for editors", older.editor_note, newer.editor_note),
        ]
    else:
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
    return _render(
        request,
        "practice_guide/manage/compare.html",
        {"part": part, "older": older, "newer": newer, "sections": sections},
        audience,
    )


@require_POST
@editor_required
def part_restore(request, pk, number, audience=Audience.FAMILIES):
    part = _part(request, pk, audience)
    revision = get_object_or_404(part.revisions, number=number)
    services.restore(part, revision, by=request.user)
    messages.success(request, f"Version {number} is the draft again. Publish it when you are ready.")
    return redirect(url(request, "manage-edit", pk=part.pk))


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
