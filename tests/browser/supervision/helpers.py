"""Small helpers the supervision browser tests share: today, signing in as someone else, opening "Your
supervision" and a session booked ahead."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import SessionFactory


def today():
    return timezone.localdate()


def switch_person(page, sign_in, person):
    """Sign out whoever is signed in (by dropping the session cookie) and sign in as `person`."""
    page.context.clear_cookies()
    sign_in(page, person)
    expect(page.get_by_role("heading", level=1)).to_have_text("Staff home")


def open_supervision(page, sign_in, person):
    sign_in(page, person)
    expect(page.get_by_role("heading", level=1)).to_have_text("Staff home")
    page.get_by_role("link", name="Your supervision").click()
    page.wait_for_url("**/supervision/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your supervision")


def booked_session(worker, supervisor, *, days_ahead=7):
    return SessionFactory(
        supervisee=worker,
        supervisor=supervisor,
        held_on=today() + timedelta(days=days_ahead),
        notes={},
        caseload_children=None,
        caseload_complexity="",
        recorded_at=None,
    )
