"""The training tracker's forms work without JavaScript: asking for a place and taking the register."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import error_summary, success_banner
from tests.browser.training.helpers import when
from training.models import Booking, BookingStatus

pytestmark = pytest.mark.usefixtures("empty_cache")


# --- Without JavaScript ------------------------------------------------------------------------


def test_requesting_a_place_and_the_register_work_without_javascript(
    no_js_page, sign_in, worker, coordinator, team_mate, programme, ran_yesterday
):
    course = programme["basics"]
    course_date = course.dates.get()
    sign_in(no_js_page, worker)
    no_js_page.goto(f"/training/courses/{course.pk}/")
    no_js_page.get_by_role("button", name=f"Request a place on {when(course_date)}").click()
    no_js_page.wait_for_url(re.compile(r"/training/bookings/\d+/$"))
    expect(success_banner(no_js_page)).to_contain_text(f"You have asked for a place on {course.title}")
    assert Booking.objects.get(person=worker, course_date=course_date).status == BookingStatus.PENDING

    # The coordinator takes the register of yesterday's course.
    course_date = ran_yesterday["date"]
    no_js_page.context.clear_cookies()
    sign_in(no_js_page, coordinator)
    no_js_page.goto(f"/training/manage/dates/{course_date.pk}/register/")
    no_js_page.get_by_role("group", name=worker.full_name).get_by_label("Did not attend").check()
    no_js_page.get_by_role("button", name="Save the register").click()
    expect(error_summary(no_js_page)).to_contain_text(f"Choose whether {team_mate.full_name} attended")
    no_js_page.get_by_role("group", name=team_mate.full_name).get_by_label("Attended", exact=True).check()
    no_js_page.get_by_role("button", name="Save the register").click()
    no_js_page.wait_for_url(f"**/training/manage/dates/{course_date.pk}/")
    expect(success_banner(no_js_page)).to_contain_text("The register is saved for 2 people.")
    assert Booking.objects.get(pk=ran_yesterday["worker"].pk).attendance == "absent"
    assert Booking.objects.get(pk=ran_yesterday["team_mate"].pk).completed_on is not None
