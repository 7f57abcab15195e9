"""A person's own supervision: their overview, their preparation notes and everything held about them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from portal import request_params
from portal.edit_conflicts import EditConflictError
from supervision import access, selectors, services
from supervision.forms import PreparationForm
from supervision.models import RecordType
from supervision.personal_data import findings_for_fields

EDIT_CONFLICT = (
    "Someone else saved this record after you opened it, so your changes were not saved. "
    "Their version is shown below and your text is kept in the form: compare them, then save again."
)


def posted_version(request) -> int:
    """The record version a POST says it started from; 0 (never current) if missing or garbled."""
    return request_params.positive_int(request.POST.get("version")) or 0


def rebound_after_conflict(form_class, request, record, **kwargs):
    """The person's form, as they sent it, now at the record's latest version so a second save can succeed."""
    data = request.POST.copy()
    data["version"] = str(record.version)
    form = form_class(data, **kwargs)
    form.is_valid()
    return form


def warn_about_personal_data(request, form, field_names) -> None:
    """Warn, without blocking, when saved free text looks like it holds personal details."""
    texts = {name: form.cleaned_data.get(name) or "" for name in field_names}
    for name, findings in findings_for_fields(texts).items():
        label = form.fields[name].label
        for finding in findings:
            messages.warning(request, f"Check “{label}”: {finding.message}")


@login_required
def overview(request):
    today = timezone.localdate()
    user = request.user
    context = {
        "today": today,
        "overview": selectors.overview_for(user, today),
        "supervises": access.can_supervise(user),
        "sees_dashboard": access.can_see_dashboard(user),
        "runs_group_sessions": access.can_run_group_sessions(user),
    }
    if context["supervises"]:
        context["supervisees"] = selectors.supervisees_of(user, today)
    return render(request, "supervision/overview.html", context)


@login_required
def my_record(request):
    """Everything the portal holds about the person as a supervisee, on one printable page."""
    record = selectors.whole_record_of(request.user)
    services.record_read(request.user, RecordType.PERSON, request.user.pk, "Printed or exported their own record")
    return render(request, "supervision/my_record.html", {**record, "today": timezone.localdate()})


@login_required
def preparation_create(request):
    today = timezone.localdate()
    sessions = selectors.preparations_for_session_choice(request.user, today)
    initial = {}
    if chosen := request_params.positive_int(request.GET.get("session")):
        initial["session"] = chosen
    form = PreparationForm(request.POST or None, sessions=sessions, creating=True, initial=initial)
    if request.method == "POST" and form.is_valid():
        preparation = services.start_preparation(
            author=request.user, session=form.cleaned_data["session"], text=_preparation_text(form)
        )
        messages.success(request, "Your notes are saved. Only you can see them until you share them.")
        warn_about_personal_data(request, form, ["went_well", "worries", "to_think_about"])
        return redirect("supervision:preparation-edit", pk=preparation.pk)
    return render(request, "supervision/preparation_form.html", {"form": form, "preparation": None})


def _preparation_text(form) -> services.PreparationText:
    data = form.cleaned_data
    return services.PreparationText(data["went_well"], data["worries"], data["to_think_about"])


def _own_preparation(request, pk):
    return get_object_or_404(
        access.preparations_for(request.user).filter(author=request.user).select_related("session"), pk=pk
    )


@login_required
def preparation_edit(request, pk):
    preparation = _own_preparation(request, pk)
    sessions = selectors.preparations_for_session_choice(request.user, timezone.localdate())
    conflict = False
    if request.method == "POST":
        form = PreparationForm(request.POST, sessions=sessions)
        if form.is_valid():
            try:
                services.change_preparation(
                    preparation,
                    session=form.cleaned_data["session"],
                    text=_preparation_text(form),
                    expected_version=form.cleaned_data["version"],
                    by=request.user,
                )
            except EditConflictError:
                conflict = True
                preparation.refresh_from_db()
                form = rebound_after_conflict(PreparationForm, request, preparation, sessions=sessions)
            else:
                messages.success(request, "Your notes are saved.")
                warn_about_personal_data(request, form, ["went_well", "worries", "to_think_about"])
                return redirect("supervision:preparation-edit", pk=preparation.pk)
    else:
        form = PreparationForm(
            sessions=sessions,
            initial={
                "version": preparation.version,
                "session": preparation.session_id,
                "went_well": preparation.went_well,
                "worries": preparation.worries,
                "to_think_about": preparation.to_think_about,
            },
        )
    return render(
        request,
        "supervision/preparation_form.html",
        {"form": form, "preparation": preparation, "conflict": EDIT_CONFLICT if conflict else None},
    )


@login_required
@require_POST
def preparation_share(request, pk):
    preparation = _own_preparation(request, pk)
    share = request.POST.get("share") == "yes"
    if share and preparation.session is None:
        messages.error(request, "Choose the session these notes are for before you share them.")
        return redirect("supervision:preparation-edit", pk=pk)
    services.share_preparation(preparation, share=share, by=request.user)
    if share:
        messages.success(request, f"Your notes are shared with {preparation.session.supervisor}.")
    else:
        messages.success(request, "Your notes are private again. Only you can see them.")
    return redirect("supervision:preparation-edit", pk=pk)
