"""CPD records: a person's own, and those of the people a manager, the coordinator or a service
manager may see. Print-friendly, with a CSV download."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.text import slugify

from portal import request_params
from portal.csv_export import csv_response
from training import access
from training.cpd import cpd_record, year_choices
from training.forms import CpdYearForm
from training.models import financial_year_of


def _year(request) -> tuple[CpdYearForm, int]:
    """The year asked for, or this financial year when none (or a wrong one) is asked for."""
    today = timezone.localdate()
    form = CpdYearForm(request.GET or None, years=year_choices(today))
    year = financial_year_of(today)
    if form.is_bound and form.is_valid() and form.cleaned_data["year"]:
        year = form.cleaned_data["year"]
    else:
        form.initial["year"] = year
    return form, year


def _person(request, person_pk: int):
    return get_object_or_404(access.people_for(request.user).select_related("team"), pk=person_pk)


def _render(request, person):
    form, year = _year(request)
    own = person.pk == request.user.pk
    return render(
        request,
        "training/cpd.html",
        {
            "form": form,
            "record": cpd_record(request.user, person, year),
            "own": own,
            "today": timezone.localdate(),
        },
    )


@login_required
def cpd(request):
    return _render(request, _person(request, request.user.pk))


@login_required
def cpd_person(request, person_pk):
    return _render(request, _person(request, person_pk))


@login_required
def cpd_csv(request):
    """The CPD record as CSV: one's own, or `?person=` someone else's one may see."""
    asked = request.GET.get("person", "")
    person_pk = request_params.positive_int(asked) if asked else request.user.pk
    if person_pk is None:
        raise Http404
    person = _person(request, person_pk)
    _form, year = _year(request)
    record = cpd_record(request.user, person, year)
    rows = (
        (
            item.day.isoformat(),
            item.title,
            item.source,
            item.detail,
            item.hours,
            "No: waiting for approval" if item.waiting else "Yes",
            item.reflection,
        )
        for item in record.items
    )
    header = [
        "Date",
        "Learning",
        "Type",
        "Provider, organiser or kind",
        "Hours",
        "Counted in the total",
        "Reflection or evaluation",
    ]
    name = slugify(person.full_name) or f"person-{person.pk}"
    return csv_response(f"cpd-record-{name}-{year}-{str(year + 1)[-2:]}.csv", header, rows)
