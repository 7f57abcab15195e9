"""The control API the tests use to set the provider up. Refused without the run's control token."""

import hmac
import json
import os

from django.contrib.auth.models import User
from django.http import HttpResponseForbidden, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from oauth2_provider.models import Application

from tests.oidc_provider.models import Person


def _allowed(request) -> bool:
    expected = f"Bearer {os.environ['IDP_CONTROL_TOKEN']}"
    return hmac.compare_digest(request.headers.get("Authorization", ""), expected)


@csrf_exempt
@require_POST
def save_person(request):
    """Add or change one of the provider's people: {username, password, email, full_name, email_verified}."""
    if not _allowed(request):
        return HttpResponseForbidden()
    data = json.loads(request.body)
    user, _ = User.objects.get_or_create(username=data["username"])
    user.email = data["email"]
    user.set_password(data["password"])
    user.save()
    Person.objects.update_or_create(
        user=user, defaults={"full_name": data["full_name"], "email_verified": data.get("email_verified")}
    )
    return JsonResponse({"sub": str(user.pk)})


@csrf_exempt
@require_POST
def add_redirect_uris(request):
    """Register more callback addresses for the portal (the live server's port is known late)."""
    if not _allowed(request):
        return HttpResponseForbidden()
    application = Application.objects.get(client_id=os.environ["IDP_CLIENT_ID"])
    uris = set(application.redirect_uris.split()) | set(json.loads(request.body)["redirect_uris"])
    application.redirect_uris = " ".join(sorted(uris))
    application.save(update_fields=["redirect_uris"])
    return JsonResponse({"redirect_uris": sorted(uris)})
