"""Group reflective sessions: recorded by the facilitator who runs them, seen by those who came."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render

from portal.access import access_required, service_id_of
from portal.edit_conflicts import EditConflictError
from supervision import access, selectors, services
from supervision.group_forms import GroupSessionForm
from supervision.models import RecordType
from supervision.views import EDIT_CONFLICT, rebound_after_conflict, warn_about_personal_data


def _possible_attendees(user):
    """Active staff in the facilitator's service: group sessions are open to every team."""
    people = get_user_model().objects.filter(is_active=True).select_related("team").order_by("full_name")
    service_id = service_id_of(user)
    if service_id is None:
        return people.none()
    return people.filter(team__service_id=service_id)


def _details(form) -> services.GroupSessionDetails:
    data = form.cleaned_data
    return services.GroupSessionDetails(data["held_on"], data["theme"], data["hours"], data["learning_points"])


@login_required
def group_session_list(request):
    sessions = selectors.group_sessions_for_list(request.user)
    page = Paginator(sessions, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "supervision/group_sessions.html",
        {"page": page, "can_record": access.can_run_group_sessions(request.user)},
    )


@access_required(access.can_run_group_sessions)
def group_session_create(request):
    form = GroupSessionForm(request.POST or None, people=_possible_attendees(request.user), creating=True)
    if request.method == "POST" and form.is_valid():
        group_session = services.record_group_session(
            facilitator=request.user, details=_details(form), attendees=form.cleaned_data["attendees"]
        )
        messages.success(request, "The group session is saved. It counts toward each attendee’s CPD hours.")
        warn_about_personal_data(request, form, ["learning_points"])
        return redirect("supervision:group-session-detail", pk=group_session.pk)
    return render(request, "supervision/group_session_form.html", {"form": form, "group_session": None})


def _group_session(request, pk):
    return get_object_or_404(selectors.group_sessions_for_list(request.user), pk=pk)


@login_required
def group_session_detail(request, pk):
    group_session = _group_session(request, pk)
    services.record_read(request.user, RecordType.GROUP_SESSION, group_session.pk)
    return render(
        request,
        "supervision/group_session_detail.html",
        {
            "group_session": group_session,
            "attendees": group_session.attendees.select_related("team").order_by("full_name"),
            "can_change": access.can_change_group_session(request.user, group_session),
            "can_audit": access.can_see_audit(request.user),
        },
    )


@login_required
def group_session_edit(request, pk):
    group_session = _group_session(request, pk)
    if not access.can_change_group_session(request.user, group_session):
        raise PermissionDenied
    people = _possible_attendees(request.user)
    conflict = None
    if request.method == "POST":
        form = GroupSessionForm(request.POST, people=people)
        if form.is_valid():
            try:
                services.change_group_session(
                    group_session,
                    details=_details(form),
                    attendees=form.cleaned_data["attendees"],
                    expected_version=form.cleaned_data["version"],
                    by=request.user,
                )
            except EditConflictError:
                conflict = EDIT_CONFLICT
                group_session.refresh_from_db()
                form = rebound_after_conflict(GroupSessionForm, request, group_session, people=people)
            else:
                messages.success(request, "The group session is saved.")
                warn_about_personal_data(request, form, ["learning_points"])
                return redirect("supervision:group-session-detail", pk=pk)
    else:
        form = GroupSessionForm(
            people=people,
            initial={
                "version": group_session.version,
                "held_on": group_session.held_on.strftime("%d %m %Y"),
                "theme": group_session.theme,
                "hours": group_session.hours,
                "attendees": list(group_session.attendees.values_list("pk", flat=True)),
                "learning_points": group_session.learning_points,
            },
        )
    return render(
        request,
        "supervision/group_session_form.html",
        {"form": form, "group_session": group_session, "conflict": conflict},
    )
