"""The portal-wide audit trail page: service managers only (``portal.view_portal_audit``)."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render

from portal.access import access_required
from portal.people.access import can_see_audit_trail
from portal.people.audit_trail import AuditFilterForm, events_for

PAGE_SIZE = 50


@access_required(can_see_audit_trail)
def audit_trail(request):
    form = AuditFilterForm(request.GET or None)
    filters = form.filters()
    page = Paginator(events_for(request.user, filters), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "people/audit_trail.html",
        {
            "form": form,
            "page": page,
            "query": urlencode(filters.as_query()),
            "filtered": bool(filters.as_query()),
            "retention_years": settings.PORTAL_AUDIT_RETENTION_YEARS,
        },
    )
