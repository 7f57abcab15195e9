"""The handbook's own editor pages (its page editor is the guide engine's: practice_guide/manage_views.py):
the preview of a draft, required reading, and a tool's courses and supervision frames."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from handbook import access, selectors, services
from handbook.forms import RequiredReadingForm, ToolLinksForm
from handbook.views import page_context
from portal.access import access_required
from practice_guide.access import can_edit_handbook, editor_required
from practice_guide.models import Audience, GuidePart, Kind


@editor_required
def page_preview(request, pk, audience=Audience.STAFF):
    page = get_object_or_404(GuidePart.objects.for_editor(request.user, Audience.STAFF).select_related("draft"), pk=pk)
    return render(request, "handbook/page.html", page_context(request, page, page.draft, preview=True))


@access_required(access.can_set_required_reading)
def required_reading(request):
    pages = selectors.in_handbook_order(selectors.required_reading_overview())
    rows = [(page, [selectors.reader_label(r.readers) for r in page.required_reading.all()]) for page in pages]
    return render(request, "handbook/manage/required_reading.html", {"rows": rows})


@access_required(access.can_set_required_reading)
def required_reading_edit(request, pk):
    page = get_object_or_404(GuidePart.objects.handbook().select_related("draft"), pk=pk)
    current = list(page.required_reading.values_list("readers", flat=True))
    form = RequiredReadingForm(request.POST or None, initial={"readers": current})
    # Opened from the page's editor (?from=editor), saving goes back there; otherwise to the list.
    from_editor = request.GET.get("from") == "editor" and can_edit_handbook(request.user)
    back = (
        reverse("handbook-editor:manage-edit", args=[page.pk]) if from_editor else reverse("handbook:required-reading")
    )
    if request.method == "POST" and form.is_valid():
        services.set_required_reading(page, set(form.cleaned_data["readers"]), by=request.user)
        messages.success(request, f"Required reading for “{page.draft.title}” is saved.")
        return redirect(back)
    return render(request, "handbook/manage/required_reading_form.html", {"form": form, "page": page, "back": back})


@access_required(can_edit_handbook)
def tool_links(request, pk):
    tool = get_object_or_404(
        GuidePart.objects.for_editor(request.user, Audience.STAFF).filter(kind=Kind.TOOL).select_related("draft"),
        pk=pk,
    )
    initial = {
        "courses": list(tool.courses.values_list("pk", flat=True)),
        "frames": [frame.choice for frame in selectors.frames_of(tool)],
    }
    form = ToolLinksForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.set_tool_links(tool, courses=form.cleaned_data["courses"], frames=set(form.cleaned_data["frames"]))
        messages.success(request, f"The courses and supervision frames for “{tool.draft.title}” are saved.")
        return redirect("handbook-editor:manage-edit", pk=tool.pk)
    return render(request, "handbook/manage/tool_links.html", {"form": form, "tool": tool})
