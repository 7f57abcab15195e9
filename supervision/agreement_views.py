"""Supervision agreements: made and changed by the supervisor, signed by both."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from portal import request_params
from portal.access import access_required
from portal.edit_conflicts import EditConflictError
from supervision import access, balance, services
from supervision.agreement_forms import AgreementForm
from supervision.dashboard_chart import balance_chart
from supervision.models import Frequency, RecordType
from supervision.views import EDIT_CONFLICT, posted_version, rebound_after_conflict


def _agreement(request, pk):
    return get_object_or_404(access.agreements_for(request.user).select_related("supervisee", "supervisor"), pk=pk)


def _terms(form) -> services.AgreementTerms:
    data = form.cleaned_data
    return services.AgreementTerms(data["starts_on"], data["frequency"], data["arrangements"], data["confidentiality"])


@access_required(access.can_supervise)
def agreement_create(request):
    supervisees = access.possible_supervisees_for(request.user).select_related("team").order_by("full_name")
    initial = {"starts_on": timezone.localdate().strftime("%d %m %Y")}
    chosen = request_params.positive_int(request.GET.get("supervisee"))
    if chosen:
        person = supervisees.filter(pk=chosen).first()
        if person:
            initial["supervisee"] = person.pk
            initial["frequency"] = Frequency.ASYE if person.is_newly_qualified else Frequency.MONTHLY
    form = AgreementForm(request.POST or None, supervisees=supervisees, initial=initial)
    if request.method == "POST" and form.is_valid():
        agreement = services.make_agreement(
            supervisee=form.cleaned_data["supervisee"], supervisor=request.user, terms=_terms(form)
        )
        messages.success(request, "The agreement is saved. Sign it, then ask your supervisee to sign it too.")
        return redirect("supervision:agreement-detail", pk=agreement.pk)
    return render(request, "supervision/agreement_form.html", {"form": form, "agreement": None})


@login_required
def agreement_detail(request, pk):
    agreement = _agreement(request, pk)
    services.record_read(request.user, RecordType.AGREEMENT, agreement.pk)
    months = balance.person_balance_for(request.user, agreement.supervisee_id, timezone.localdate())
    return render(
        request,
        "supervision/agreement_detail.html",
        {
            "agreement": agreement,
            "balance_months": months,
            "balance_chart": balance_chart(months, whose=agreement.supervisee.get_full_name()),
            "can_change": access.can_change_agreement(request.user, agreement),
            "can_sign": access.can_sign_agreement(request.user, agreement),
            "can_audit": access.can_see_audit(request.user),
        },
    )


@login_required
def agreement_edit(request, pk):
    agreement = _agreement(request, pk)
    if not access.can_change_agreement(request.user, agreement):
        raise PermissionDenied
    conflict = None
    if request.method == "POST":
        form = AgreementForm(request.POST)
        if form.is_valid():
            try:
                services.change_agreement(
                    agreement, terms=_terms(form), expected_version=form.cleaned_data["version"], by=request.user
                )
            except EditConflictError:
                conflict = EDIT_CONFLICT
                agreement.refresh_from_db()
                form = rebound_after_conflict(AgreementForm, request, agreement)
            else:
                messages.success(request, "The agreement is changed. You both need to sign it again.")
                return redirect("supervision:agreement-detail", pk=agreement.pk)
    else:
        form = AgreementForm(
            initial={
                "version": agreement.version,
                "starts_on": agreement.starts_on.strftime("%d %m %Y"),
                "frequency": agreement.frequency,
                "arrangements": agreement.arrangements,
                "confidentiality": agreement.confidentiality,
            }
        )
    return render(
        request, "supervision/agreement_form.html", {"form": form, "agreement": agreement, "conflict": conflict}
    )


@login_required
@require_POST
def agreement_sign(request, pk):
    agreement = _agreement(request, pk)
    if not access.can_sign_agreement(request.user, agreement):
        raise PermissionDenied
    try:
        services.sign_agreement(agreement, expected_version=posted_version(request), by=request.user)
    except EditConflictError:
        messages.error(request, "The agreement changed after you opened it. Read it again, then sign.")
    else:
        messages.success(request, "You have signed the agreement.")
    return redirect("supervision:agreement-detail", pk=pk)
