"""Leavers and the import from HR in a real browser, with axe-core on every page a people administrator sees."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from portal.models import User
from portal.roles import Role
from supervision.models import Agreement
from tests.browser.helpers import error_summary, success_banner
from tests.factories import AgreementFactory, UserFactory


@pytest.fixture(autouse=True)
def clean_slate(empty_cache, settings):
    """No sign-in counters from the last test; password sign-in without a second factor, as in `make run`."""
    settings.REQUIRE_MFA = False


@pytest.fixture
def people_admin(team):
    return UserFactory(team=team, roles=[Role.PEOPLE_ADMINISTRATOR], full_name="Priya Shah")


def test_recording_a_leaver_and_handing_over(
    page, sign_in_as, assert_accessible, people_admin, team, worker, supervisor
):
    successor = UserFactory(team=team, roles=[Role.SUPERVISOR], full_name="Grace Adeyemi")
    AgreementFactory(supervisee=worker, supervisor=supervisor)
    User.objects.filter(pk=worker.pk).update(line_manager=supervisor)
    sign_in_as(page, people_admin)

    page.goto(f"/people/manage/{supervisor.pk}/leaving/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Record leaving")
    expect(page.get_by_role("heading", name="People they supervise (1)")).to_be_visible()
    # axe-core checks this form below, with its errors (the same form and more).

    # Saving without naming anyone says who is needed, and saves nothing.
    leaving = timezone.localdate() + timedelta(days=7)
    page.get_by_label("Leaving date").fill(f"{leaving:%d/%m/%Y}")
    page.get_by_role("button", name="Record leaving and hand over").click()
    expect(error_summary(page)).to_contain_text("Choose who takes over")
    assert_accessible(page)

    page.get_by_label("Who takes over").select_option(label=f"Grace Adeyemi, {team.name}")
    page.get_by_role("button", name="Record leaving and hand over").click()
    expect(success_banner(page)).to_contain_text("Everything listed has been handed over")
    assert_accessible(page)
    assert Agreement.objects.current().get(supervisee=worker).supervisor == successor
    assert User.objects.get(pk=worker.pk).line_manager == successor


def test_importing_people_from_a_spreadsheet(page, sign_in_as, assert_accessible, people_admin, team, tmp_path):
    sign_in_as(page, people_admin)
    page.goto("/people/manage/")
    page.get_by_role("link", name="Import people from HR").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import people from HR")
    # axe-core checks this form below, with its errors (the same form and more).

    page.get_by_role("link", name="what goes in each column").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What goes in each column")
    assert_accessible(page)
    page.go_back()

    broken = tmp_path / "broken.csv"
    broken.write_text("Email,Full name,Team\r\nana@example.org,Ana Lima,Nowhere\r\n", encoding="utf-8")
    page.get_by_label("CSV file").set_input_files(str(broken))
    page.get_by_role("button", name="Upload and check").click()
    expect(error_summary(page)).to_contain_text("There is no team called “Nowhere” in your service")
    expect(page.get_by_role("button", name="Confirm and save")).to_have_count(0)
    assert_accessible(page)

    good = tmp_path / "people.csv"
    good.write_text(f"\ufeffEmail,Full name,Team\r\nana@example.org,Ana Lima,{team.name}\r\n", encoding="utf-8")
    page.goto("/people/manage/import/")
    page.get_by_label("CSV file").set_input_files(str(good))
    page.get_by_role("button", name="Upload and check").click()
    expect(page.get_by_role("table", name="New people (1)")).to_contain_text("Ana Lima")
    assert_accessible(page)
    assert not User.objects.filter(email="ana@example.org").exists()

    page.get_by_role("button", name="Confirm and save").click()
    expect(success_banner(page)).to_contain_text("Import saved: 1 person added")
    assert_accessible(page)
    assert User.objects.filter(email="ana@example.org", team=team).exists()
