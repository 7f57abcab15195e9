"""Before anything lapses, in a real browser: a worker sees their Signs of Safety running out on their training
page, with another course whose refresher window is not open yet, and books a refresher within the window from
the link a training email sends; axe-core on every page."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from portal.dates import add_months
from portal.roles import Role
from tests.browser.helpers import TITLE_SUFFIX, heading, success_banner
from tests.browser.training.helpers import dated, when
from tests.factories import CourseFactory, ProgrammeFactory, went_to
from training.models import Booking, BookingStatus, Level

pytestmark = pytest.mark.usefixtures("empty_cache")


def _completed(person, course, runs_out):
    """`person` did `course` so that it runs out on `runs_out` (two years on)."""
    return went_to(person, dated(course, (add_months(runs_out, -24) - timezone.localdate()).days))


def test_worker_sees_training_running_out_and_books_a_refresher_within_the_window(
    page, sign_in, worker, assert_accessible
):
    today = timezone.localdate()
    programme = ProgrammeFactory(name="Signs of Safety")
    intro = CourseFactory(programme=programme, title="Signs of Safety: introduction", refresh_months=24)
    intro.required_for.add(Group.objects.get(name=Role.SOCIAL_WORKER))
    refresher = CourseFactory(
        programme=programme, title="Signs of Safety: refresher", level=Level.REFRESHER, refresh_months=24
    )
    refresher_date = dated(refresher, 20)
    safeguarding = CourseFactory(
        programme=ProgrammeFactory(name="Safeguarding"),
        title="Safeguarding update",
        refresh_months=24,
        recertify_from_days=30,
    )
    runs_out = today + timedelta(days=40)
    while (runs_out.month, runs_out.day) == (2, 29):
        runs_out += timedelta(days=1)
    _completed(worker, intro, runs_out)
    _completed(worker, safeguarding, runs_out + timedelta(days=10))

    sign_in(page, worker)
    page.get_by_role("link", name="Your training").first.click()
    page.wait_for_url("**/training/")
    table = page.get_by_role("table", name="Your training that runs out in the next 60 days, soonest first")
    sos_row = table.get_by_role("row").filter(has_text="Signs of Safety: introduction")
    expect(sos_row).to_contain_text(f"{runs_out:%-d %B %Y}")
    expect(sos_row.get_by_role("cell").nth(1)).to_have_text(str((runs_out - today).days))
    safeguarding_row = table.get_by_role("row").filter(has_text="Safeguarding update")
    opens = runs_out + timedelta(days=10) - timedelta(days=30)
    expect(safeguarding_row).to_contain_text(f"Book a refresher from {opens:%-d %B %Y}")
    assert_accessible(page)

    sos_row.get_by_role("link", name="Book Signs of Safety: refresher").click()
    page.wait_for_url(f"**{reverse('training:course', args=[refresher.pk])}")
    expect(heading(page)).to_have_text("Signs of Safety: refresher")
    assert_accessible(page)

    # The link in the training email: a page that asks with a button.
    page.goto(reverse("training:confirm-request", args=[refresher_date.pk]))
    expect(page).to_have_title(f"Ask for a place: Signs of Safety: refresher{TITLE_SUFFIX}")
    expect(page.get_by_text(when(refresher_date))).to_be_visible()
    assert_accessible(page)
    assert not Booking.objects.filter(course_date=refresher_date).exists()
    page.get_by_role("button", name="Ask for a place").click()
    page.wait_for_url("**/training/bookings/*/")
    expect(success_banner(page)).to_contain_text("You have asked for a place on Signs of Safety: refresher")
    assert_accessible(page)
    assert Booking.objects.get(course_date=refresher_date, person=worker).status == BookingStatus.PENDING

    page.goto(reverse("training:mine"))
    expect(table.get_by_role("row").filter(has_text="Signs of Safety: introduction")).to_contain_text("Place requested")
