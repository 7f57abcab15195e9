"""Pages of the portal itself: home pages, the people directory, service pages and errors."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from portal import features
from portal.access import access_required
from portal.health import database_is_up
from portal.models import User
from portal.navigation import destinations_for
from portal.people.access import can_see_people


@require_safe
def home(request):
    return render(request, "portal/home.html", {"sections": features.home_sections()})


@login_required
def staff_home(request):
    return render(request, "portal/staff_home.html", {"destinations": destinations_for(request.user)})


@login_required
def account(request):
    person = (
        User.objects.select_related("team__service", "line_manager").prefetch_related("groups").get(pk=request.user.pk)
    )
    return render(request, "portal/account.html", {"person": person})


@access_required(can_see_people)
def people(request):
    people = (
        User.objects.visible_to(request.user)
        .filter(is_active=True)
        .select_related("team", "line_manager")
        .prefetch_related("groups")
        .order_by("team__name", "full_name")
    )
    return render(request, "portal/people.html", {"people": people})


@never_cache
@require_safe
def healthz(request):
    if database_is_up():
        return JsonResponse({"status": "ok", "database": "ok"})
    return JsonResponse({"status": "unavailable", "database": "unavailable"}, status=503)


def signed_out(request):
    return render(request, "registration/signed_out.html")


def accessibility(request):
    return render(request, "portal/accessibility.html")


def privacy(request):
    return render(
        request,
        "portal/privacy.html",
        {
            "supervision_retention_years": settings.SUPERVISION_RETENTION_YEARS,
            "audit_retention_years": settings.PORTAL_AUDIT_RETENTION_YEARS,
        },
    )


def cookies(request):
    return render(
        request,
        "portal/cookies.html",
        {
            "session_minutes": settings.SESSION_COOKIE_AGE // 60,
            "session_cookie": settings.SESSION_COOKIE_NAME,
            "csrf_cookie": settings.CSRF_COOKIE_NAME,
            "reader_cookie": settings.GUIDE_READER_COOKIE_NAME,
        },
    )


def _plain_page(template_name: str) -> str:
    """Render an error page without the session or the database, which may be what failed."""
    context = {
        "organisation_name": settings.ORGANISATION_NAME,
        "service_name": settings.SERVICE_NAME,
        "feedback_email": settings.FEEDBACK_EMAIL,
        "plain_layout": True,
    }
    return loader.get_template(template_name).render(context)


def server_error(request):
    return HttpResponseServerError(_plain_page("500.html"))


def bad_request(request, exception):
    return HttpResponseBadRequest(_plain_page("400.html"))


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)
