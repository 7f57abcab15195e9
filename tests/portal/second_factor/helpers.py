"""Small helpers the two-factor sign-in tests share: a wrong code, signing in with a password, and the
audit trail's kinds in order."""

from django.urls import reverse

from portal.models import AuditEvent
from tests.two_factor import code_for


def wrong_code(secret: str) -> str:
    right = code_for(secret)
    return "000000" if right != "000000" else "111111"


def sign_in(client, email, password):
    return client.post(reverse("login"), {"login": email, "password": password})


def kinds():
    return list(AuditEvent.objects.order_by("pk").values_list("kind", flat=True))
