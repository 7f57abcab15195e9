"""The managers' supervision dashboard and its CSV download: dates, counts and caseloads only."""

from urllib.parse import urlencode

from django.shortcuts import render
from django.utils import timezone

from portal.access import access_required
from portal.csv_export import csv_response
from supervision import access
from supervision.dashboard import (
    DUE_SOON_DAYS,
    DashboardFilters,
    dashboard_for,
    filter_choices,
    period_start,
    worker_rows,
)
from supervision.dashboard_forms import DashboardFilterForm


def _form(request) -> DashboardFilterForm:
    teams, supervisors = filter_choices(request.user)
    return DashboardFilterForm(request.GET or None, teams=teams, supervisors=supervisors)


def _query(filters: DashboardFilters) -> str:
    """The filters as they were applied, for the download link (so it matches what is on screen)."""
    params = {"team": filters.team_id, "supervisor": filters.supervisor_id, "period": filters.months}
    return urlencode({name: value for name, value in params.items() if value})


@access_required(access.can_see_dashboard)
def dashboard(request):
    form = _form(request)
    filters = form.filters()
    return render(
        request,
        "supervision/dashboard.html",
        {
            "form": form,
            "board": dashboard_for(request.user, filters, timezone.localdate()),
            "query": _query(filters),
            "due_soon_days": DUE_SOON_DAYS,
        },
    )


def _iso(day) -> str:
    return day.isoformat() if day else ""


@access_required(access.can_see_dashboard)
def dashboard_csv(request):
    today = timezone.localdate()
    filters = _form(request).filters()
    rows = (
        (
            row.person.full_name,
            row.person.team.name if row.person.team_id else "",
            row.supervisor_name,
            row.agreement.get_frequency_display() if row.agreement else "",
            _iso(row.last_held),
            "" if row.days_since_last is None else row.days_since_last,
            _iso(row.next_due),
            row.status_label,
            row.sessions_in_period,
            row.open_actions,
            row.overdue_actions,
            "" if row.caseload is None else row.caseload,
            _iso(row.caseload_on),
        )
        for row in worker_rows(request.user, filters, today)
    )
    header = [
        "Name",
        "Team",
        "Supervisor",
        "Frequency",
        "Last session",
        "Days since last session",
        "Next due",
        "Status",
        f"Sessions from {_iso(period_start(today, filters.months))} to {_iso(today)}",
        "Open actions",
        "Overdue actions",
        "Latest caseload (children)",
        "Caseload recorded on",
    ]
    return csv_response(f"supervision-dashboard-{today:%Y-%m-%d}.csv", header, rows)
