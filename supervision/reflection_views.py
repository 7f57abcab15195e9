"""An ASYE worker's critical-reflection log: theirs to write, change and share with their ASYE assessor,
who reads what is shared (and nothing else). Who reads what: `access.critical_reflections_for`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from portal.access import access_required
from portal.edit_conflicts import EditConflictError
from supervision import access, reflection_selectors, services
from supervision.asye import asye_dates
from supervision.models import CriticalReflection, RecordType
from supervision.reflection_forms import CriticalReflectionForm
from supervision.views import EDIT_CONFLICT, rebound_after_conflict, warn_about_personal_data


def _reflection(request, pk) -> CriticalReflection:
    try:
        return reflection_selectors.reflection_for(request.user, pk)
    except CriticalReflection.DoesNotExist:
        raise Http404 from None


def _own_reflection(request, pk) -> CriticalReflection:
    """A reflection the person wrote: their assessor may read it, but never change or share it (403)."""
    reflection = _reflection(request, pk)
    if reflection.author_id != request.user.pk:
        raise PermissionDenied
    return reflection


def _text(form) -> services.ReflectionText:
    data = form.cleaned_data
    return services.ReflectionText(written_on=data["written_on"], title=data["title"], text=data["text"])


@access_required(access.can_keep_reflection_log)
def reflection_list(request):
    today = timezone.localdate()
    return render(
        request,
        "supervision/reflection_list.html",
        {
            "reflections": list(reflection_selectors.own_reflections(request.user)),
            "asye": asye_dates(request.user, today),
            "assessor": request.user.asye_assessor,
            "today": today,
        },
    )


@access_required(access.can_keep_reflection_log)
def reflection_create(request):
    form = CriticalReflectionForm(
        request.POST or None, creating=True, initial={"written_on": timezone.localdate().strftime("%-d %-m %Y")}
    )
    if request.method == "POST" and form.is_valid():
        reflection = services.write_critical_reflection(author=request.user, text=_text(form))
        messages.success(request, "Your reflection is saved. Only you can read it until you share it.")
        warn_about_personal_data(request, form, ["text"])
        return redirect("supervision:reflection-detail", pk=reflection.pk)
    return render(request, "supervision/reflection_form.html", {"form": form, "reflection": None})


@login_required
def reflection_detail(request, pk):
    """The author's reflection with its sharing, or, for their assessor, a shared one to read."""
    reflection = _reflection(request, pk)
    is_author = reflection.author_id == request.user.pk
    if not is_author:
        services.record_read(request.user, RecordType.CRITICAL_REFLECTION, reflection.pk, "Read as ASYE assessor")
    return render(
        request,
        "supervision/reflection_detail.html",
        {"reflection": reflection, "is_author": is_author, "assessor": reflection.author.asye_assessor},
    )


@login_required
def reflection_edit(request, pk):
    reflection = _own_reflection(request, pk)
    conflict = None
    if request.method == "POST":
        form = CriticalReflectionForm(request.POST)
        if form.is_valid():
            try:
                services.change_critical_reflection(
                    reflection, text=_text(form), expected_version=form.cleaned_data["version"], by=request.user
                )
            except EditConflictError:
                conflict = EDIT_CONFLICT
                reflection.refresh_from_db()
                form = rebound_after_conflict(CriticalReflectionForm, request, reflection)
            else:
                messages.success(request, "Your reflection is saved.")
                warn_about_personal_data(request, form, ["text"])
                return redirect("supervision:reflection-detail", pk=reflection.pk)
    else:
        form = CriticalReflectionForm(
            initial={
                "version": reflection.version,
                "written_on": reflection.written_on.strftime("%-d %-m %Y"),
                "title": reflection.title,
                "text": reflection.text,
            }
        )
    return render(
        request, "supervision/reflection_form.html", {"form": form, "reflection": reflection, "conflict": conflict}
    )


@login_required
@require_POST
def reflection_share(request, pk):
    reflection = _own_reflection(request, pk)
    share = request.POST.get("share") == "yes"
    assessor = request.user.asye_assessor
    if share and assessor is None:
        messages.error(request, "You do not have an ASYE assessor yet, so there is nobody to share it with.")
        return redirect("supervision:reflection-detail", pk=pk)
    services.share_critical_reflection(reflection, share=share, by=request.user)
    if share:
        messages.success(request, f"Your reflection is shared with {assessor}, your ASYE assessor.")
    else:
        messages.success(request, "Your reflection is private again. Only you can read it.")
    return redirect("supervision:reflection-detail", pk=pk)


@access_required(access.can_assess_asye)
def assessing(request):
    """An ASYE assessor's people, with their ASYE dates and the reflections they shared."""
    today = timezone.localdate()
    people = reflection_selectors.assessees_of(request.user)
    rows = [(person, asye_dates(person, today)) for person in people]
    return render(request, "supervision/reflections_assessing.html", {"rows": rows, "today": today})
