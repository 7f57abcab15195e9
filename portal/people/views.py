"""People management pages: the list and its CSV, adding a person, their page, changing them, and
resending or withdrawing their invitation.

Open to ``portal.manage_people`` (People administrators and service managers), for the people in their
own service only (``User.objects.manageable_by``): anyone else there answers 404.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from portal.access import access_required
from portal.csv_export import csv_response
from portal.edit_conflicts import EditConflictError
from portal.models import User
from portal.people import invitations, selectors, services
from portal.people.access import can_manage_people
from portal.people.filter_forms import PeopleFilterForm
from portal.people.forms import AddPersonForm, ChangePersonForm

PAGE_SIZE = 50
STATUS_LABELS = dict(selectors.STATUS_CHOICES)


def _person(request, pk) -> User:
    try:
        return selectors.person_for(request.user, pk)
    except User.DoesNotExist:
        raise Http404 from None


def status_label(person, today) -> str:
    status = selectors.status_of(person, today)
    if status == selectors.Status.LEAVING:
        return f"Leaving on {person.leaving_date:%-d %B %Y}"
    if status == selectors.Status.LEFT:
        return f"Left on {person.leaving_date:%-d %B %Y}"
    return STATUS_LABELS[status]


# --- The list -----------------------------------------------------------------------------


def _filtered(request):
    user = request.user
    form = PeopleFilterForm(request.GET or None, teams=selectors.teams_for(user), roles=selectors.roles())
    filters = form.filters()
    return form, filters, selectors.people_for(user, filters, timezone.localdate())


@access_required(can_manage_people)
def people_list(request):
    form, filters, people = _filtered(request)
    today = timezone.localdate()
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(person, selectors.status_of(person, today), status_label(person, today)) for person in page]
    return render(
        request,
        "people/list.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "query": urlencode(filters.as_query()),
            "filtered": bool(filters.as_query()),
        },
    )


@access_required(can_manage_people)
def people_csv(request):
    _form, _filters, people = _filtered(request)
    today = timezone.localdate()
    header = ["Name", "Work email address", "Team", "Job title", "Roles", "Line manager", "Status", "Start date"]
    rows = (
        [
            person.full_name,
            person.email,
            person.team.name if person.team else "",
            person.job_title,
            "; ".join(group.name for group in person.groups.all()),
            person.line_manager.full_name if person.line_manager else "",
            status_label(person, today),
            person.start_date.isoformat() if person.start_date else "",
        ]
        for person in people
    )
    return csv_response(f"people-{today:%Y-%m-%d}.csv", header, rows)


# --- Adding -------------------------------------------------------------------------------


@access_required(can_manage_people)
@require_http_methods(["GET", "POST"])
def add_person(request):
    form = AddPersonForm(request.POST or None, administrator=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            person = services.add_person(
                form.details(), roles=form.cleaned_data["roles"], by=request.user, request=request
            )
        except services.PersonError as error:
            form.add_error(error.field, str(error))
        else:
            messages.success(request, f"{person} is added. We have emailed their invitation to {person.email}.")
            return redirect("people:person", pk=person.pk)
    return render(request, "people/add.html", {"form": form})


# --- One person ---------------------------------------------------------------------------


@access_required(can_manage_people)
def person_detail(request, pk):
    person = _person(request, pk)
    now = timezone.now()
    today = timezone.localdate(now)
    history = selectors.invitations_of(person)
    newest = history[0] if history else None
    sign_in = selectors.sign_in_way(person)
    return render(
        request,
        "people/person.html",
        {
            "person": person,
            "status": selectors.status_of(person, today),
            "status_label": status_label(person, today),
            "invitation": newest,
            "invitation_pending": newest is not None and newest.is_pending(now),
            "invitation_expired": newest is not None
            and newest.accepted_at is None
            and newest.withdrawn_at is None
            and now >= newest.expires_at,
            # Someone who can already sign in needs no invitation: the page says how they sign in instead.
            "can_resend": person.can_sign_in(today) and sign_in is None and not any(inv.accepted_at for inv in history),
            "sign_in": sign_in,
            "sign_in_ways": selectors.SignIn,
            "second_factors": selectors.second_factors_of(person),
            "events": selectors.recent_events_about(person),
            "sso": invitations.sso_configured(),
            "is_self": person.pk == request.user.pk,
        },
    )


@access_required(can_manage_people)
@require_http_methods(["GET", "POST"])
def change_person(request, pk):
    person = _person(request, pk)
    form = ChangePersonForm(request.POST or None, person=person, administrator=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_person(
                person,
                form.changes(),
                roles=form.cleaned_data["roles"],
                reason=form.cleaned_data["reason"],
                seen=form.cleaned_data["seen"],
                by=request.user,
                request=request,
            )
        except EditConflictError as error:
            # Show the form again as the record is now, keeping the reason they wrote.
            person = _person(request, pk)
            form = _fresh_form_with_error(request, person, str(error))
        except services.PersonError as error:
            form.add_error(error.field, str(error))
        else:
            messages.success(request, f"{person}’s changes are saved.")
            return redirect("people:person", pk=person.pk)
    return render(request, "people/change.html", {"form": form, "person": person})


def _fresh_form_with_error(request, person, message: str) -> ChangePersonForm:
    """The change form as the person is now, bound so the error shows, with the reason already typed."""
    current = ChangePersonForm(person=person, administrator=request.user)
    data = {
        "team": current.initial["team"] or "",
        "line_manager": current.initial["line_manager"] or "",
        "asye_assessor": current.initial["asye_assessor"] or "",
        "job_title": current.initial["job_title"],
        "working_hours": current.initial["working_hours"],
        "roles": current.initial["roles"],
        "reason": request.POST.get("reason", ""),
        "seen": current.initial["seen"],
    }
    form = ChangePersonForm(data, person=person, administrator=request.user)
    form.is_valid()
    form.add_error(None, message)
    return form


def _act_on_invitation(request, pk, act, done: str):
    """Resend or withdraw `pk`'s invitation with `act`; say so with `done` (formatted with the person)."""
    person = _person(request, pk)
    try:
        act(person, by=request.user, request=request)
    except invitations.InvitationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done.format(person=person))
    return redirect("people:person", pk=person.pk)


@access_required(can_manage_people)
@require_POST
def resend_invitation(request, pk):
    done = "A new invitation is on its way to {person.email}. Earlier links no longer work."
    return _act_on_invitation(request, pk, invitations.resend, done)


@access_required(can_manage_people)
@require_POST
def withdraw_invitation(request, pk):
    done = "{person}’s invitation is withdrawn. The link in their email no longer works."
    return _act_on_invitation(request, pk, invitations.withdraw, done)
