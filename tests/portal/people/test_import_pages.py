"""Bulk import of people from an HR spreadsheet: the pages, and who may use them."""

from datetime import date

import pytest
from django.urls import reverse

from portal.models import User
from portal.people import imports
from portal.people.imports import read_file
from tests.portal.people.import_helpers import HEADER, csv_text, row, save, upload

# --- The pages ----------------------------------------------------------------------------


def test_upload_preview_and_confirm(client, people_admin, django_capture_on_commit_callbacks, mailoutbox):
    client.force_login(people_admin)

    response = upload(client, "\ufeff" + csv_text([row("nia@example.org", name="Nia Manager")]))
    assert response.status_code == 302
    assert response["Location"] == reverse("people:import-preview")

    preview = client.get(reverse("people:import-preview"))
    page = preview.content.decode()
    assert "New people (1)" in page
    assert "Nia Manager" in page
    assert not User.objects.filter(email="nia@example.org").exists()

    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(reverse("people:import-confirm"), {"digest": preview.context["plan"].digest()}, follow=True)

    assert "Import saved: 1 person added and 0 changed. New people have been sent an invitation." in (
        done.content.decode()
    )
    assert User.objects.filter(email="nia@example.org").exists()
    assert len(mailoutbox) == 1
    assert "people_import" not in client.session


def test_preview_with_errors_offers_no_confirm_button(client, people_admin):
    client.force_login(people_admin)
    upload(client, csv_text([row("a@example.org", team="Nowhere")]))

    page = client.get(reverse("people:import-preview")).content.decode()

    assert "There is a problem" in page
    assert "There is no team called “Nowhere” in your service" in page
    assert "Confirm and save" not in page


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Email,Full name,Team\r\nzoë@example.org,Zoë,A\r\n".encode("latin-1"), "Save the file as CSV UTF-8"),
        (b"", "The file is empty"),
        ("Email,Name\r\na@example.org,A\r\n", "The file has no “Team” column"),
        ("Email,Email,Full name,Team\r\n", "The column “Email” is in the file twice"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_on_the_upload_form(client, people_admin, content, message):
    client.force_login(people_admin)

    response = upload(client, content)

    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert message in response.content.decode()
    assert "people_import" not in client.session


def test_upload_without_a_file_says_so(client, people_admin):
    client.force_login(people_admin)

    response = client.post(reverse("people:import"), {})

    assert "Choose the CSV file to import" in response.content.decode()


def test_confirm_with_a_stale_or_broken_digest_saves_nothing(client, people_admin):
    client.force_login(people_admin)
    upload(client, csv_text([row("nia@example.org")]))

    for digest in ["0" * 64, "x"]:
        response = client.post(reverse("people:import-confirm"), {"digest": digest}, follow=True)
        assert response.status_code == 200
    # A NUL byte never reaches the view: portal.null_bytes answers 400.
    assert client.post(reverse("people:import-confirm"), {"digest": "\x00" * 64}).status_code == 400

    assert not User.objects.filter(email="nia@example.org").exists()


def test_preview_and_confirm_without_an_upload_send_you_back(client, people_admin):
    client.force_login(people_admin)

    assert client.get(reverse("people:import-preview"))["Location"] == reverse("people:import")
    assert client.post(reverse("people:import-confirm"), {"digest": "0" * 64})["Location"] == reverse("people:import")


def test_the_template_has_every_column_heading(client, people_admin):
    client.force_login(people_admin)

    response = client.get(reverse("people:import-template"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.decode("utf-8-sig").strip() == ",".join(HEADER)
    assert read_file(response.content) is not None


def test_the_columns_page_explains_each_column(client, people_admin):
    client.force_login(people_admin)

    page = client.get(reverse("people:import-columns")).content.decode()

    for column in imports.COLUMNS:
        assert column.heading in page


# --- Who may use it -----------------------------------------------------------------------

PAGES = ["people:import", "people:import-columns", "people:import-template", "people:import-preview"]
REFUSED = ["worker", "supervisor", "other_supervisor", "coordinator", "facilitator", "editor"]


@pytest.mark.parametrize("name", [*PAGES, "people:import-confirm"])
@pytest.mark.parametrize("role", REFUSED)
def test_other_roles_are_refused(client, request, name, role):
    client.force_login(request.getfixturevalue(role))

    response = client.post(reverse(name), {}) if name == "people:import-confirm" else client.get(reverse(name))

    assert response.status_code == 403


@pytest.mark.parametrize("name", ["people:import", "people:import-columns", "people:import-template"])
@pytest.mark.parametrize("role", ["people_admin", "service_manager"])
def test_people_administrators_and_service_managers_may_import(client, request, name, role):
    client.force_login(request.getfixturevalue(role))

    assert client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("name", [*PAGES, "people:import-confirm"])
def test_anonymous_visitors_are_sent_to_sign_in(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_upload_and_confirm_need_the_csrf_token(people_admin):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(people_admin)

    assert upload(client, csv_text([row("a@example.org")])).status_code == 403
    assert client.post(reverse("people:import-confirm"), {"digest": "0" * 64}).status_code == 403


def test_an_asye_start_date_for_someone_already_here_marks_them_as_in_their_asye(service_manager, worker):
    assert not worker.is_newly_qualified
    save([row(worker.email, name=worker.full_name, asye_start_date="1/9/2026")], service_manager)
    worker.refresh_from_db()
    assert worker.asye_start_date == date(2026, 9, 1)
    assert worker.is_newly_qualified
