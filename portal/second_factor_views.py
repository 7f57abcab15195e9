"""A service manager resets someone's second factor, when they have lost their phone or passkey."""

from crispy_forms_gds.layout import Field
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from portal import second_factor
from portal.access import access_required
from portal.form_fields import form_helper
from portal.models import User
from portal.people.access import can_reset_second_factor

REASON_MAX = 500


class ResetSecondFactorForm(forms.Form):
    reason = forms.CharField(
        label="Why are you resetting their two-factor sign-in?",
        help_text=(
            "For example, “Lost their phone; I checked who they were by video call.” This goes in the audit trail."
        ),
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Enter why you are resetting their two-factor sign-in",
            "max_length": f"The reason must be {REASON_MAX} characters or fewer",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field.textarea("reason", rows=3), submit="Reset two-factor sign-in", warning=True)


@access_required(can_reset_second_factor)
@require_http_methods(["GET", "POST"])
def reset_second_factor(request, pk):
    # Only people in the manager's own service (people management's one scope); nobody resets their own.
    person = get_object_or_404(User.objects.manageable_by(request.user).select_related("team"), pk=pk)
    if person.pk == request.user.pk:
        raise PermissionDenied
    form = ResetSecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        second_factor.reset_second_factor(person, by=request.user, reason=form.cleaned_data["reason"], request=request)
        messages.success(
            request, f"{person.full_name}’s two-factor sign-in has been reset. We have emailed them to say so."
        )
        return redirect("people:person", pk=person.pk)
    return render(
        request,
        "portal/second_factor/reset.html",
        {"person": person, "form": form, "factors": second_factor.factors_of(person)},
    )
