"""The training coordinator's figures: spend against the year's budget, and the coverage targets the uptake
report measures against."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from portal import request_params
from portal.access import access_required
from training import access, manage_selectors, manage_services, services
from training.models import financial_year_of
from training.running_forms import BudgetForm, CoverageTargetForm, SpendForm, YearForm

PAGE_SIZE = 50


# --- Spend --------------------------------------------------------------------------------


@access_required(access.can_manage)
@require_http_methods(["GET", "POST"])
def spend(request):
    today = timezone.localdate()
    years = manage_selectors.spend_years(today)
    year = financial_year_of(today)
    year_form = YearForm(request.GET if "year" in request.GET else None, years=years)
    if year_form.is_bound and year_form.is_valid() and year_form.cleaned_data["year"]:
        year = year_form.cleaned_data["year"]
    else:
        # No year, or one not offered: show this year, and say so in the choice.
        year_form = YearForm(years=years, initial={"year": year})
    summary = manage_selectors.spend_in_year(request.user, year)
    budget_form = BudgetForm(
        request.POST if "set_budget" in request.POST else None,
        prefix="budget",
        year=year,
        initial={"amount": summary.budget.amount if summary.budget else None},
    )
    spend_form = SpendForm(
        request.POST if "record_spend" in request.POST else None,
        prefix="spend",
        courses=access.courses_for(request.user).select_related("programme"),
    )
    if budget_form.is_bound and budget_form.is_valid():
        manage_services.set_budget(year, budget_form.cleaned_data["amount"])
        messages.success(request, f"The budget for April {year} to March {year + 1} is saved.")
        return redirect(f"{reverse('training:spend')}?{urlencode({'year': year})}")
    if spend_form.is_bound and spend_form.is_valid():
        data = spend_form.cleaned_data
        services.record_spend(
            spent_on=data["spent_on"],
            amount=data["amount"],
            description=data["description"],
            course=data["course"],
            by=request.user,
        )
        spent_year = financial_year_of(data["spent_on"])
        messages.success(
            request, f"£{data['amount']:,.2f} is recorded against April {spent_year} to March {spent_year + 1}."
        )
        return redirect(f"{reverse('training:spend')}?{urlencode({'year': spent_year})}")
    return render(
        request,
        "training/manage/spend.html",
        {
            "year_form": year_form,
            "budget_form": budget_form,
            "spend_form": spend_form,
            "summary": summary,
            "page": Paginator(summary.entries, PAGE_SIZE).get_page(request.GET.get("page")),
            "query": urlencode({"year": year}),
            "is_this_year": year == financial_year_of(today),
        },
    )


# --- Coverage targets ---------------------------------------------------------------------


@access_required(access.can_manage)
@require_http_methods(["GET", "POST"])
def targets(request):
    if "remove" in request.POST:
        remove = request_params.positive_int(request.POST["remove"])
        if remove is None:
            raise Http404
        target = get_object_or_404(manage_selectors.coverage_targets(), pk=remove)
        manage_services.remove_target(target)
        messages.success(request, f"The target “{target}” is removed.")
        return redirect("training:targets")
    form = CoverageTargetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            target = manage_services.add_target(**form.cleaned_data)
        except manage_services.TargetExistsError:
            form.add_error(None, "There is already a target for this programme, level and role. Remove it first.")
        else:
            messages.success(request, f"The target “{target}” is added.")
            return redirect("training:targets")
    return render(
        request, "training/manage/targets.html", {"form": form, "targets": list(manage_selectors.coverage_targets())}
    )
