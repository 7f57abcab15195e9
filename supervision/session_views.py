"""Supervision sessions: booking, the supervisor's record, the supervisee's reflection, sign-off and addenda."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from portal import request_params
from portal.access import access_required
from portal.edit_conflicts import EditConflictError
from supervision import access, balance, selectors, services
from supervision.case_forms import CaseDiscussionForm
from supervision.case_record import case_record_text, download_name, draft_warning, sign_off_gaps
from supervision.frames import FRAMES
from supervision.models import CaseDiscussion, RecordType, Session
from supervision.session_forms import (
    ActionForm,
    AddendumForm,
    BookSessionForm,
    ReflectionForm,
    SessionRecordForm,
    SuperviseeSignForm,
    SupervisorSignForm,
)
from supervision.views import EDIT_CONFLICT, rebound_after_conflict, warn_about_personal_data


def _session(request, pk) -> Session:
    try:
        return selectors.session_page(request.user, pk)
    except Session.DoesNotExist:
        raise Http404 from None


@access_required(access.can_supervise)
def supervisee_list(request):
    """A supervisor's people: who is due, and the sessions they have led."""
    today = timezone.localdate()
    chosen = request_params.positive_int(request.GET.get("supervisee"))
    sessions = selectors.sessions_led_by(request.user, chosen)
    page = Paginator(sessions, 25).get_page(request.GET.get("page"))
    rows = selectors.supervisees_of(request.user, today)
    chosen_row = next((row for row in rows if row.agreement.supervisee_id == chosen), None)
    return render(
        request,
        "supervision/supervisees.html",
        {"rows": rows, "page": page, "today": today, "chosen_row": chosen_row},
    )


@access_required(access.can_supervise)
def session_book(request):
    agreements = (
        access.agreements_for(request.user)
        .current()
        .filter(supervisor=request.user)
        .select_related("supervisee")
        .order_by("supervisee__full_name")
    )
    initial = {}
    if chosen := request_params.positive_int(request.GET.get("agreement")):
        initial["agreement"] = chosen
    form = BookSessionForm(request.POST or None, agreements=agreements, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        session = services.book_session(
            agreement=data["agreement"], held_on=data["held_on"], frame=data["frame"], by=request.user
        )
        if session.held_on > timezone.localdate():
            messages.success(request, f"The session is booked. {session.supervisee} can now prepare for it.")
            return redirect("supervision:session-detail", pk=session.pk)
        return redirect("supervision:session-record", pk=session.pk)
    return render(request, "supervision/session_book.html", {"form": form, "has_supervisees": agreements.exists()})


def _detail_context(user, session: Session, sign_form=None) -> dict:
    today = timezone.localdate()
    is_supervisor = user.pk == session.supervisor_id
    can_sign = access.can_sign(user, session)
    if can_sign and sign_form is None:
        form_class = SupervisorSignForm if is_supervisor else SuperviseeSignForm
        sign_form = form_class(initial={"version": session.version})
    return {
        "session": session,
        "today": today,
        "status": session.status(today),
        "is_supervisor": is_supervisor,
        "is_supervisee": user.pk == session.supervisee_id,
        "can_write": access.can_write_record(user, session),
        "can_reflect": access.can_reflect(user, session),
        "can_sign": can_sign,
        "sign_form": sign_form,
        "can_add_addendum": access.can_add_addendum(user, session),
        "can_audit": access.can_see_audit(user),
        "can_complete": {action.pk for action in session.actions.all() if access.can_complete_action(user, action)},
        "length": balance.session_length(session),
        # Case decisions that lack their rationale or the child's views: sign-off waits for them.
        "sign_off_gaps": [] if session.is_locked else sign_off_gaps(session.case_discussions.all()),
    }


@login_required
def session_detail(request, pk):
    session = _session(request, pk)
    services.record_read(request.user, RecordType.SESSION, session.pk)
    return render(request, "supervision/session_detail.html", _detail_context(request.user, session))


@login_required
def session_record(request, pk):
    """The supervisor writes up the session with the frame of their choice."""
    session = _session(request, pk)
    if not access.can_write_record(request.user, session):
        raise PermissionDenied
    asked = request.GET.get("frame") or request.POST.get("frame")
    frame = request_params.choice(asked, FRAMES) or session.frame
    conflict = None
    if request.method == "POST":
        form = SessionRecordForm(request.POST, frame=frame)
        if form.is_valid():
            data = form.cleaned_data
            record = services.SessionRecord(
                held_on=data["held_on"],
                frame=frame,
                notes=form.notes(),
                scale=data.get("scale"),
                caseload_children=data["caseload_children"],
                caseload_complexity=data["caseload_complexity"],
                tools=data.get("tools"),
                length=form.length_and_balance().fields(),
            )
            try:
                services.write_record(session, record=record, expected_version=data["version"], by=request.user)
            except EditConflictError:
                conflict = EDIT_CONFLICT
                session = _session(request, pk)
                form = rebound_after_conflict(SessionRecordForm, request, session, frame=frame)
            else:
                messages.success(request, "The record is saved. Add case discussions and actions, then sign it off.")
                warn_about_personal_data(request, form, [f"note_{prompt.key}" for prompt in form.frame.prompts])
                return redirect("supervision:session-detail", pk=session.pk)
    else:
        initial = {
            "version": session.version,
            "held_on": session.held_on.strftime("%d %m %Y"),
            "scale": session.scale,
            "caseload_children": session.caseload_children,
            "caseload_complexity": session.caseload_complexity,
            "tools": [tool.pk for tool in session.published_tools],
            **balance.LengthAndBalance(
                session.minutes,
                session.minutes_management,
                session.minutes_support,
                session.minutes_development,
                session.minutes_mediation,
            ).fields(),
        }
        initial.update({f"note_{key}": text for key, text in session.notes.items()})
        form = SessionRecordForm(initial=initial, frame=frame)
    return render(
        request,
        "supervision/session_record.html",
        {"form": form, "session": session, "frame": FRAMES[frame], "frames": FRAMES.values(), "conflict": conflict},
    )


@login_required
def session_reflect(request, pk):
    session = _session(request, pk)
    if not access.can_reflect(request.user, session):
        raise PermissionDenied
    conflict = None
    if request.method == "POST":
        form = ReflectionForm(request.POST)
        if form.is_valid():
            try:
                services.write_reflection(
                    session,
                    reflection=form.cleaned_data["reflection"],
                    expected_version=form.cleaned_data["version"],
                    by=request.user,
                )
            except EditConflictError:
                conflict = EDIT_CONFLICT
                session = _session(request, pk)
                form = rebound_after_conflict(ReflectionForm, request, session)
            else:
                messages.success(request, "Your reflection is saved.")
                warn_about_personal_data(request, form, ["reflection"])
                return redirect("supervision:session-detail", pk=session.pk)
    else:
        form = ReflectionForm(initial={"version": session.version, "reflection": session.supervisee_reflection})
    return render(request, "supervision/session_reflect.html", {"form": form, "session": session, "conflict": conflict})


@login_required
@require_POST
def session_sign(request, pk):
    session = _session(request, pk)
    user = request.user
    if not access.can_sign(user, session):
        raise PermissionDenied
    is_supervisor = user.pk == session.supervisor_id
    form = (SupervisorSignForm if is_supervisor else SuperviseeSignForm)(request.POST)
    if not form.is_valid():
        return render(request, "supervision/session_detail.html", _detail_context(user, session, form), status=400)
    try:
        locked = services.sign_session(
            session,
            by=user,
            expected_version=form.cleaned_data["version"],
            response=form.cleaned_data.get("response", ""),
            comment=form.cleaned_data.get("comment", ""),
        )
    except services.SignOffBlockedError:
        context = _detail_context(user, session, form) | {"sign_off_refused": True}
        return render(request, "supervision/session_detail.html", context, status=400)
    except EditConflictError:
        messages.error(request, "The record changed after you opened it. Read it again, then sign it off.")
        return redirect("supervision:session-detail", pk=pk)
    if locked:
        messages.success(request, "You have both signed off. The record is now locked; add an addendum to change it.")
    else:
        other = session.supervisee if is_supervisor else session.supervisor
        messages.success(request, f"You have signed off. The record locks when {other} signs too.")
    return redirect("supervision:session-detail", pk=pk)


def _writable_session(request, pk) -> Session:
    session = _session(request, pk)
    if not access.can_write_record(request.user, session):
        raise PermissionDenied
    return session


CASE_FREE_TEXT = ["discussion", "decisions", "rationale", "child_views", "next_steps"]


@login_required
def case_add(request, pk):
    session = _writable_session(request, pk)
    form = CaseDiscussionForm(request.POST or None, creating=True, session=session)
    if request.method == "POST" and form.is_valid():
        text = form.case_text()
        services.add_case_discussion(session, by=request.user, **text)
        messages.success(request, f"The discussion of case {text['case_reference']} is added.")
        warn_about_personal_data(request, form, CASE_FREE_TEXT)
        return redirect("supervision:session-detail", pk=pk)
    return render(request, "supervision/case_form.html", {"form": form, "session": session, "case": None})


def _case(request, pk) -> CaseDiscussion:
    """A case discussion on a session the person may read, with its session and both people."""
    return get_object_or_404(
        access.case_discussions_for(request.user).select_related("session__supervisee", "session__supervisor"), pk=pk
    )


@login_required
def case_edit(request, pk):
    """Change a case discussion while the session is not locked: whoever may add one."""
    case = _case(request, pk)
    session = case.session
    if not access.can_write_record(request.user, session):
        raise PermissionDenied
    conflict = None
    if request.method == "POST":
        form = CaseDiscussionForm(request.POST, session=session)
        if form.is_valid():
            text = form.case_text()
            try:
                services.change_case_discussion(
                    case, text=text, expected_version=form.cleaned_data["version"], by=request.user
                )
            except EditConflictError:
                conflict = EDIT_CONFLICT
                case.refresh_from_db()
                form = rebound_after_conflict(CaseDiscussionForm, request, case, session=session)
            else:
                messages.success(request, f"The discussion of case {text['case_reference']} is saved.")
                warn_about_personal_data(request, form, CASE_FREE_TEXT)
                return redirect(f"{reverse('supervision:session-detail', args=[session.pk])}#case-{case.pk}")
    else:
        form = CaseDiscussionForm(initial=CaseDiscussionForm.initial_for(case), session=session)
    return render(
        request, "supervision/case_form.html", {"form": form, "session": session, "case": case, "conflict": conflict}
    )


def _decided_case(request, pk) -> CaseDiscussion:
    """A case the person may read that has a decision recorded: without one there is nothing to copy."""
    case = _case(request, pk)
    if not case.decisions.strip():
        raise Http404("No decision is recorded for this case.")
    return case


@login_required
def case_record_copy(request, pk):
    """A case's decision as plain text to paste into the case record, for anyone who may read the session."""
    case = _decided_case(request, pk)
    today = timezone.localdate()
    services.record_case_export(request.user, case)
    return render(
        request,
        "supervision/case_record.html",
        {
            "case": case,
            "session": case.session,
            "text": case_record_text(case, today=today),
            "draft": draft_warning(case.session, today),
            "status": case.session.status(today),
        },
    )


@login_required
def case_record_download(request, pk):
    case = _decided_case(request, pk)
    services.record_case_export(request.user, case)
    response = HttpResponse(
        case_record_text(case, today=timezone.localdate()), content_type="text/plain; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{download_name(case)}"'
    return response


@login_required
def action_add(request, pk):
    session = _writable_session(request, pk)
    form = ActionForm(request.POST or None, session=session)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.add_action(
            session, description=data["description"], owner=data["owner"], due_on=data["due_on"], by=request.user
        )
        messages.success(request, "The action is added.")
        warn_about_personal_data(request, form, ["description"])
        return redirect("supervision:session-detail", pk=pk)
    return render(request, "supervision/action_form.html", {"form": form, "session": session})


@login_required
@require_POST
def action_complete(request, pk):
    action = get_object_or_404(access.actions_for(request.user).select_related("session"), pk=pk)
    if not access.can_complete_action(request.user, action):
        raise PermissionDenied
    services.complete_action(action, on=timezone.localdate(), by=request.user)
    messages.success(request, f"“{action.description}” is marked as done.")
    next_url = request.POST.get("next")
    if next_url == "overview":
        return redirect("supervision:overview")
    return redirect("supervision:session-detail", pk=action.session_id)


@login_required
def addendum_add(request, pk):
    session = _session(request, pk)
    if not access.can_add_addendum(request.user, session):
        raise PermissionDenied
    form = AddendumForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_addendum(session, text=form.cleaned_data["text"], by=request.user)
        messages.success(request, "Your addendum is added to the record.")
        warn_about_personal_data(request, form, ["text"])
        return redirect("supervision:session-detail", pk=pk)
    return render(request, "supervision/addendum_form.html", {"form": form, "session": session})


# Each audited record type, and the scoping function that says whether the reader may know it exists.
_AUDITED = {
    RecordType.SESSION: access.sessions_for,
    RecordType.AGREEMENT: access.agreements_for,
    RecordType.GROUP_SESSION: access.group_sessions_for,
}


@access_required(access.can_see_audit)
def audit_trail(request, record_type, pk):
    """Who read and changed a record, for service managers."""
    if record_type not in _AUDITED or not _AUDITED[record_type](request.user).filter(pk=pk).exists():
        raise Http404
    entries = access.audit_entries_for(request.user).filter(record_type=record_type, record_id=pk)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "supervision/audit_trail.html",
        {"page": page, "record_type": RecordType(record_type), "record_id": pk},
    )
