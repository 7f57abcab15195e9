"""People management in a real browser: the list, adding a person, their page, changing them, the audit trail
and the invitation a new person opens; axe-core on every page."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from portal.models import AuditEvent, AuditKind, User
from portal.roles import Role
from tests.browser.helpers import TITLE_SUFFIX, error_summary, heading, sideways_overflow, success_banner
from tests.factories import UserFactory

pytestmark = pytest.mark.usefixtures("empty_cache")


@pytest.fixture
def sign_in(sign_in_by_cookie):
    """Signed in by cookie, on the staff home: these tests are about people management, and signing in by the
    form has tests of its own (test_layout_and_sign_in.py, test_sign_in_and_two_factor.py)."""
    return sign_in_by_cookie


@pytest.fixture
def people(team, other_team, supervisor, worker, other_supervisor):
    for _number in range(3):
        UserFactory(team=other_team, line_manager=other_supervisor, roles=[Role.SOCIAL_WORKER])
    return [supervisor, worker, other_supervisor]


def test_a_service_manager_adds_a_person_changes_them_and_reads_the_trail(
    page, phone_page, sign_in, service_manager, people, worker, other_team, other_supervisor, assert_accessible
):
    sign_in(page, service_manager)
    page.get_by_role("link", name="Manage people").click()
    page.wait_for_url("**/people/manage/")
    expect(page).to_have_title(f"Manage people{TITLE_SUFFIX}")
    assert_accessible(page)

    # Filters work as a plain GET form.
    page.get_by_label("Team", exact=True).select_option(label=other_team.name)
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"/people/manage/\?.*team="))
    expect(page.get_by_role("link", name=worker.full_name)).to_have_count(0)
    expect(page.get_by_role("link", name=other_supervisor.full_name)).to_be_visible()
    expect(page.get_by_label("Team", exact=True)).to_have_value(str(other_team.pk))

    # Add a person: first with a mistake, then properly.
    page.get_by_role("link", name="Add a person").click()
    page.wait_for_url("**/people/manage/add/")
    expect(heading(page)).to_have_text("Add a person")
    # axe-core checks this form below, with its errors (the same form and more).
    page.get_by_label("Full name").fill("Nia Roberts")
    page.get_by_label("Work email address").fill(worker.email.upper())
    page.get_by_label("Team", exact=True).select_option(label=other_team.name)
    page.get_by_label("Social worker").check()
    page.get_by_label("Start date", exact=True).fill("31 2 2027")
    page.get_by_role("button", name="Add and send invitation").click()
    expect(page).to_have_title(f"Error: Add a person{TITLE_SUFFIX}")
    summary = error_summary(page)
    expect(summary).to_contain_text("There is already an account with this email address")
    expect(summary).to_contain_text("Enter a real start date, like 27 3 2027")
    assert_accessible(page)
    page.get_by_label("Work email address").fill("nia.roberts@example.org")
    page.get_by_label("Start date", exact=True).fill("4 1 2027")
    page.get_by_label("Line manager").select_option(label=f"{other_supervisor.full_name} ({other_team.name})")
    page.get_by_role("button", name="Add and send invitation").click()

    # Their page.
    page.wait_for_url(re.compile(r"/people/manage/\d+/$"))
    expect(heading(page)).to_have_text("Nia Roberts")
    expect(success_banner(page)).to_contain_text("We have emailed their invitation")
    expect(page.get_by_text("Waiting to be accepted")).to_be_visible()
    assert_accessible(page)

    # Change them, with a reason.
    page.get_by_role("link", name="Change team, line manager or roles").click()
    expect(heading(page)).to_have_text("Change team, line manager or roles")
    # axe-core checks this form below, with its errors (the same form and more).
    page.get_by_label("Job title").fill("Senior Social Worker")
    page.get_by_role("button", name="Save changes").click()
    expect(error_summary(page)).to_contain_text("Enter the reason for the change")
    assert_accessible(page)
    page.get_by_label("Reason for the change").fill("Promoted after probation")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url(re.compile(r"/people/manage/\d+/$"))
    expect(page.get_by_text("Job title: Not set → Senior Social Worker")).to_be_visible()

    # The audit trail, from the staff home.
    page.goto("/staff/")
    page.get_by_role("link", name="Audit trail").click()
    page.wait_for_url("**/people/manage/audit/")
    expect(heading(page)).to_have_text("Audit trail")
    page.get_by_label("What happened").select_option(label="Person changed")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("cell", name=re.compile("Promoted after probation"))).to_be_visible()
    assert_accessible(page)
    assert AuditEvent.objects.filter(kind=AuditKind.PERSON_CHANGED, summary="Promoted after probation").exists()

    # The import's columns page fits a 320 pixel screen.
    sign_in(phone_page, service_manager)
    phone_page.goto("/people/manage/import/columns/")
    expect(heading(phone_page)).to_have_text("What goes in each column")
    # The wide table scrolls inside its own region; the page itself does not scroll sideways.
    expect(phone_page.get_by_role("region", name="The columns")).to_be_visible()
    assert sideways_overflow(phone_page) <= 0
    assert_accessible(phone_page)


def test_a_new_person_opens_their_invitation_and_sets_a_password(page, team, service_manager, assert_accessible):
    from datetime import date
    from decimal import Decimal

    from portal.people import services

    person = services.add_person(
        services.NewPerson(
            "Nia Roberts", "nia.roberts@example.org", team, "Social Worker", None, date(2027, 1, 4), None, Decimal("37")
        ),
        roles=[Role.SOCIAL_WORKER],
        by=service_manager,
    )
    path = urlsplit(person.invitation_link).path
    page.goto(path)
    expect(page).to_have_title(f"Set your password{TITLE_SUFFIX}")
    # axe-core checks this form below, with its errors (the same form and more).
    page.get_by_label("Choose a password").fill("short")
    page.get_by_label("Type the password again").fill("short")
    page.get_by_role("button", name="Set password and continue").click()
    expect(error_summary(page)).to_contain_text("too short")
    assert_accessible(page)
    page.get_by_label("Choose a password").fill("kettle orchard lantern 42")
    page.get_by_label("Type the password again").fill("kettle orchard lantern 42")
    page.get_by_role("button", name="Set password and continue").click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path != path
    assert User.objects.get(pk=person.pk).check_password("kettle orchard lantern 42")

    # The same link, used again, says so and who to ask.
    page.context.clear_cookies()
    page.goto(path)
    expect(heading(page)).to_have_text("This invitation link does not work")
    expect(page.get_by_text("already been used")).to_be_visible()
    expect(page.get_by_role("link", name=service_manager.email)).to_be_visible()
    assert_accessible(page)
