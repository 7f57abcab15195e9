"""Sign-in, sign-out, lockout, idle expiry and password reset."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.urls import reverse
from django.utils import timezone

STAFF_PAGES = ["staff-home", "account", "people", "password_change", "password_change_done"]


def sign_in(client, email, password):
    return client.post(reverse("login"), {"login": email, "password": password})


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_every_staff_page_sends_anonymous_visitors_to_sign_in(client, db, name):
    url = reverse(name)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


def test_sign_in_with_email_and_password_goes_to_staff_home(client, worker, password):
    response = sign_in(client, worker.email, password)
    assert response.status_code == 302
    assert response["Location"] == reverse("staff-home")
    assert client.get(reverse("staff-home")).status_code == 200


def test_sign_in_ignores_the_case_of_the_email(client, worker, password):
    response = sign_in(client, worker.email.upper(), password)
    assert response.status_code == 302


def test_wrong_password_shows_the_error_summary(client, worker):
    response = sign_in(client, worker.email, "not-the-password")
    assert response.status_code == 200
    content = response.content.decode()
    assert "There is a problem" in content
    assert "Enter a correct work email address and password" in content
    assert "<title>Error: Sign in" in content


def test_empty_sign_in_form_says_what_is_missing(client, db):
    content = sign_in(client, "", "").content.decode()
    assert "Enter your work email address" in content
    assert "Enter your password" in content


def test_sign_in_goes_back_to_the_page_asked_for(client, worker, password):
    response = client.post(
        reverse("login") + "?next=/account/", {"login": worker.email, "password": password, "next": "/account/"}
    )
    assert response["Location"] == "/account/"


def test_sign_in_will_not_redirect_to_another_site(client, worker, password):
    response = client.post(
        reverse("login"), {"login": worker.email, "password": password, "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("staff-home")


def test_five_failures_lock_the_account_even_for_the_right_password(client, worker, password):
    for _ in range(5):
        sign_in(client, worker.email, "wrong-password")
    response = sign_in(client, worker.email, password)
    assert response.status_code == 429
    assert "Signing in is paused" in response.content.decode()
    assert client.get(reverse("staff-home")).status_code == 302


def test_four_failures_do_not_lock(client, worker, password):
    for _ in range(4):
        sign_in(client, worker.email, "wrong-password")
    assert sign_in(client, worker.email, password).status_code == 302


def test_sign_out_needs_a_post(client, worker):
    client.force_login(worker)
    # A GET only asks; the person is still signed in afterwards.
    confirm = client.get(reverse("logout"))
    assert confirm.status_code == 200
    assert 'method="post"' in confirm.content.decode()
    assert client.get(reverse("staff-home")).status_code == 200
    response = client.post(reverse("logout"))
    assert response["Location"] == reverse("signed-out")
    assert client.get(reverse("staff-home")).status_code == 302


def test_an_idle_session_ends_and_staff_must_sign_in_again(client, worker):
    client.force_login(worker)
    assert client.get(reverse("staff-home")).status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("staff-home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_each_request_pushes_the_idle_limit_on(client, worker):
    client.force_login(worker)
    client.get(reverse("staff-home"))
    session = Session.objects.get()
    remaining = session.expire_date - timezone.now()
    assert timedelta(minutes=29) < remaining <= timedelta(minutes=30)


def test_password_reset_emails_a_link_that_sets_a_new_password(client, worker):
    response = client.post(reverse("password_reset"), {"email": worker.email})
    assert response["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [worker.email]
    link = next(line for line in message.body.splitlines() if "/password-reset/" in line)
    path = link.split("testserver", 1)[1]
    form_page = client.get(path, follow=True)
    assert "Set a new password" in form_page.content.decode()
    new_password = "a-much-better-passphrase-2026"
    done = client.post(form_page.redirect_chain[-1][0], {"password1": new_password, "password2": new_password})
    assert done["Location"] == reverse("password_reset_complete")
    worker.refresh_from_db()
    assert worker.check_password(new_password)


def test_password_reset_for_an_unknown_email_says_the_same_and_sends_nothing(client, db):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("new_password", "message"),
    [
        ("short1", "This password is too short"),
        ("password1234", "This password is too common"),
        ("382910473829", "This password is entirely numeric"),
    ],
)
def test_weak_passwords_are_refused(client, worker, password, new_password, message):
    client.force_login(worker)
    response = client.post(
        reverse("password_change"),
        {"oldpassword": password, "password1": new_password, "password2": new_password},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    worker.refresh_from_db()
    assert worker.check_password(password)


def test_changing_password_keeps_you_signed_in(client, worker, password):
    client.force_login(worker)
    new_password = "a-much-better-passphrase-2026"
    response = client.post(
        reverse("password_change"),
        {"oldpassword": password, "password1": new_password, "password2": new_password},
    )
    assert response["Location"] == reverse("password_change_done")
    assert client.get(reverse("staff-home")).status_code == 200
