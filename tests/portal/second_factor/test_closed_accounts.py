"""Leavers and closed accounts cannot sign in; nobody can sign up, and allauth's own addresses lead to the
portal's."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.portal.second_factor.helpers import sign_in

# --- Leavers and closed accounts, sign-up -----------------------------------------------------


def test_a_leaver_cannot_sign_in_and_is_told_who_to_ask(client, worker, password):
    worker.leaving_date = timezone.localdate()
    worker.save()
    response = sign_in(client, worker.email, password)
    assert response["Location"] == reverse("account_inactive")
    page = client.get(reverse("account_inactive")).content.decode()
    assert "This account has been closed" in page
    assert "line manager" in page
    assert "people administrator" in page
    assert client.get(reverse("staff-home")).status_code == 302


def test_a_closed_account_cannot_sign_in(client, worker, password):
    worker.is_active = False
    worker.save()
    assert sign_in(client, worker.email, password)["Location"] == reverse("account_inactive")


def test_a_leavers_open_session_ends_on_their_next_request(client, worker):
    client.force_login(worker)
    assert client.get(reverse("staff-home")).status_code == 200
    worker.leaving_date = timezone.localdate() - timedelta(days=1)
    worker.save()
    response = client.get(reverse("staff-home"))
    assert response["Location"] == reverse("account_inactive")
    assert "_auth_user_id" not in client.session


def test_someone_leaving_tomorrow_can_still_sign_in(client, worker, password):
    worker.leaving_date = timezone.localdate() + timedelta(days=1)
    worker.save()
    assert sign_in(client, worker.email, password)["Location"] == reverse("staff-home")


def test_sign_up_is_closed_and_offers_no_form(client, db):
    response = client.get("/accounts/signup/")
    content = response.content.decode()
    assert "You cannot create an account here" in content
    assert "<input" not in content.split("<main", 1)[1].split("</main>", 1)[0]
    client.post("/accounts/signup/", {"email": "new@example.org", "password1": "x" * 20, "password2": "x" * 20})
    from portal.models import User

    assert not User.objects.filter(email="new@example.org").exists()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/accounts/login/", "/sign-in/"),
        ("/accounts/password/reset/", "/password-reset/"),
        ("/accounts/password/change/", "/account/password/"),
        ("/accounts/email/", "/account/"),
    ],
)
def test_allauths_own_addresses_lead_to_the_portals(client, db, old, new):
    response = client.get(old)
    assert response.status_code == 302
    assert response["Location"] == new
