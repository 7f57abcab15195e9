"""The leaver page: record a leaving date and hand over, in one step, everything that needs a new home."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from portal.access import access_required
from portal.models import User
from portal.people import leavers
from portal.people.access import can_manage_people
from portal.people.leaver_forms import LeaverForm
from portal.roles import Role


@never_cache
@access_required(can_manage_people)
@require_http_methods(["GET", "POST"])
def leaver(request, pk):
    people = User.objects.manageable_by(request.user)
    person = get_object_or_404(people.select_related("team", "line_manager"), pk=pk)
    pending = leavers.what_needs_a_new_home(person, timezone.localdate())
    successors = list(leavers.possible_successors(person, people))
    # Every supervisor in scope may be posted, so that one who is leaving gets a specific error, not "not a choice".
    candidates = people.filter(groups__name=Role.SUPERVISOR).exclude(pk=person.pk).distinct()
    initial = {"leaving_date": person.leaving_date.strftime("%-d %-m %Y")} if person.leaving_date else {}
    form = LeaverForm(
        request.POST if request.method == "POST" else None,
        person=person,
        by=request.user,
        pending=pending,
        candidates=candidates,
        successors=successors,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            moved = leavers.record_leaver(
                person,
                on=form.cleaned_data["leaving_date"],
                to=form.cleaned_data.get("successor"),
                close_actions=form.close_actions,
                by=request.user,
                request=request,
            )
        except leavers.HandoverError as error:
            # Something changed between the check and the save (someone else recorded a leaver at once).
            form.add_error(error.field, error.message)
        else:
            handed = " Everything listed has been handed over." if moved else " Nothing else needed to change."
            messages.success(
                request,
                f"{person.full_name}’s leaving date is {form.cleaned_data['leaving_date']:%-d %B %Y}.{handed}",
            )
            return redirect("people:leaver", pk=person.pk)
    return render(
        request,
        "people/leaver.html",
        {"person": person, "pending": pending, "form": form, "successors": successors},
    )
