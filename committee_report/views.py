"""The quarterly report to the safeguarding committee: the page to read and print, and its CSV file."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from committee_report.access import can_see_report
from committee_report.forms import QuarterForm
from committee_report.numbers import NOTE_1, NOTE_1_TEXT
from committee_report.report import report_for
from portal.access import access_required
from portal.csv_export import csv_response


def _chosen(request):
    """The form, and the report on the quarter it chose (None when the choice is not one offered)."""
    today = timezone.localdate()
    form = QuarterForm(request.GET or None, today=today)
    quarter = form.chosen()
    return form, report_for(request.user, quarter, today) if quarter else None


def _page(request, form, found, status=200):
    return render(
        request,
        "committee_report/report.html",
        {"form": form, "report": found, "note_1": NOTE_1, "note_1_text": NOTE_1_TEXT, "today": timezone.localdate()},
        status=status,
    )


@access_required(can_see_report)
@require_safe
def report(request):
    form, found = _chosen(request)
    return _page(request, form, found)


@access_required(can_see_report)
@require_safe
def report_csv(request):
    form, found = _chosen(request)
    if found is None:
        # A quarter that is not offered: the page says so, rather than a file for some other quarter.
        return _page(request, form, None, status=400)
    rows = list(found.csv_rows())
    if found.has_note_1:
        rows.append(["Notes", NOTE_1, NOTE_1_TEXT, ""])
    return csv_response(
        f"committee-report-{found.quarter.slug}.csv",
        ["Section", "Figure", found.quarter.label, found.previous.label],
        rows,
    )
