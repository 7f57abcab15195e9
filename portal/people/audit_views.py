"""The portal-wide audit trail page: service managers only (``portal.view_portal_audit``)."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.shortcuts import render

from portal.people.audit_trail import AuditFilterForm, events_for

PAGE_SIZE = 50


@login_required
@permission_required("portal.view_portal_audit", raise_exception=True)
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
