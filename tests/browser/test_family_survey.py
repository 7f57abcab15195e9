"""Families' feedback in a real browser: a family answers on a small phone, with a card's code; a supervisor
prints the card, reads the results and shows a comment. Every page is checked with axe-core."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from family_survey import services
from family_survey.models import CommentStatus, Response
from tests.browser.helpers import error_summary, heading, sideways_overflow, success_banner
from tests.family_survey.conftest import add_responses

pytestmark = pytest.mark.usefixtures("empty_cache")


def test_a_family_answers_and_a_supervisor_reads_the_results(
    phone_page, team, supervisor, assert_accessible, sign_in_by_cookie
):
    page = phone_page
    code = services.active_code(team, timezone.localdate()).code
    add_responses(5, team=team, month=timezone.localdate().replace(day=1))

    # From the card's QR code: the team code is filled in.
    page.goto(f"/guide/tell-us/?team={code}")
    expect(heading(page)).to_have_text("Tell us how it is going with your social worker")
    expect(page.get_by_label("Team code (optional)")).to_have_value(code)
    assert sideways_overflow(page) <= 0
    # axe-core checks this form below, with its errors (the same form and more).

    # The easy read version: a picture beside each statement, and the code kept through the switch.
    page.get_by_role("link", name="Read the easy read version").click()
    expect(page.get_by_text("You are reading the easy read version.")).to_be_visible()
    expect(page.get_by_label("Team code (optional)")).to_have_value(code)
    statement = page.locator(".portal-survey-statement").first
    picture, question = statement.locator("img").bounding_box(), statement.locator("legend").bounding_box()
    assert picture["x"] + picture["width"] <= question["x"]  # beside the words, not above them
    assert sideways_overflow(page) <= 0
    assert_accessible(page)
    page.get_by_role("link", name="Read the version for parents and carers").click()
    expect(page.get_by_text("You are reading the version for parents and carers.")).to_be_visible()

    # Nothing chosen: a clear error, linked to the first question.
    page.get_by_role("button", name="Send your answers").click()
    expect(error_summary(page)).to_contain_text("Answer at least one of the questions")
    assert_accessible(page)

    questions = page.get_by_role("group")
    questions.filter(has_text="My social worker listens to me").get_by_label("Strongly agree").check()
    questions.filter(has_text="Things are getting better for my family").get_by_label("Agree", exact=True).check()
    questions.filter(has_text="My social worker is honest with me").get_by_label("Prefer not to say").check()
    page.get_by_label("Is there anything else you want to tell us? (optional)").fill("She explains things clearly.")
    page.get_by_role("button", name="Send your answers").click()
    expect(page).to_have_url(re.compile(r"/guide/tell-us/thank-you/$"))
    expect(heading(page)).to_have_text("Thank you for your answers")
    assert sideways_overflow(page) <= 0
    assert_accessible(page)
    answer = Response.objects.get(comment="She explains things clearly.")
    assert (answer.team, answer.listens, answer.better, answer.honest) == (team, 5, 4, None)

    # The supervisor prints a card for the team.
    sign_in_by_cookie(page, supervisor)
    page.get_by_role("link", name="Feedback cards for families").click()
    expect(heading(page)).to_have_text("Feedback cards for families")
    page.get_by_role("link", name=f"Print cards for {team.name}").click()
    expect(heading(page)).to_have_text(f"Feedback card for {team.name}")
    expect(page.locator(".portal-card__code")).to_have_text(code)
    expect(page.locator(".portal-card svg")).to_be_visible()
    assert_accessible(page)

    # Six answers this quarter: the team's figures show, with the chart and its table.
    page.goto("/staff/")
    page.get_by_role("link", name="What families tell us").click()
    expect(heading(page)).to_have_text("What families tell us")
    expect(page.get_by_role("img", name="Bar chart of the share of families")).to_be_visible()
    expect(page.get_by_text("6 families answered.")).to_be_visible()
    assert sideways_overflow(page) <= 0
    assert_accessible(page)

    # A team outside the supervisor's scope, typed into the address: a clear error, not a way in.
    page.goto("/guide/tell-us/manage/results/?team=99999")
    expect(error_summary(page)).to_contain_text("Select a team from the list")
    assert_accessible(page)
    page.goto("/guide/tell-us/manage/results/")

    # The comment waits to be read; the supervisor shows it in reports.
    page.get_by_role("link", name="1 comment waiting to be read").click()
    expect(page.get_by_text("She explains things clearly.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Show in reports").click()
    expect(success_banner(page)).to_contain_text("is now shown in reports")
    answer.refresh_from_db()
    assert answer.comment_status == CommentStatus.SHOWN
