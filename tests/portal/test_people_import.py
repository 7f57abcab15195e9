"""Bulk import of people from an HR spreadsheet: reading the file, every error by row and column, the
preview, saving it all in one transaction, the pages and who may use them."""

import csv
import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portal.models import AuditEvent, AuditKind, Invitation, User
from portal.people import import_saving, imports
from portal.people.import_checks import plan_import
from portal.people.import_saving import ImportNotSavedError, apply_import
from portal.people.imports import ImportFileError, read_file
from portal.roles import ROLES, Role
from tests.factories import TeamFactory, UserFactory

HEADER = [column.heading for column in imports.COLUMNS]
TODAY = date(2026, 12, 1)


@pytest.fixture
def people_admin(team):
    return UserFactory(team=team, roles=[Role.PEOPLE_ADMINISTRATOR], email="hr@example.org")


def row(email, name="Sam Okafor", team="Assessment and Family Support", **cells):
    values = {"Email": email, "Full name": name, "Team": team}
    values.update({imports.COLUMN_BY_KEY[key].heading: value for key, value in cells.items()})
    return values


def csv_text(rows, header=HEADER) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def plan(rows, by, header=HEADER):
    return plan_import(csv_text(rows, header), by=by, today=TODAY)


def errors(result) -> list[tuple[int, str, str]]:
    return [(error.row, error.column, error.message) for error in result.errors]


# --- Reading the file ---------------------------------------------------------------------


def test_excel_byte_order_mark_is_accepted_silently():
    assert read_file("\ufeffEmail,Full name,Team\r\n".encode()) == "Email,Full name,Team\r\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty"),
        (b"  \r\n", "The file is empty"),
        ("Email,Full name,Team\r\nzoe@example.org,Zoë Brontë,A\r\n".encode("cp1252"), "Save the file as CSV UTF-8"),
        (b"PK\x03\x04rest of a workbook", "This is an Excel workbook, not a CSV file"),
        (b"Email,Full name\x00,Team\r\n", "Save the file as CSV UTF-8"),
        (b"x" * (imports.MAX_BYTES + 1), "The file must be smaller than 2 MB"),
    ],
)
def test_files_that_cannot_be_read_are_refused_with_what_to_do(content, message):
    with pytest.raises(ImportFileError, match=message):
        read_file(content)


def test_a_missing_required_column_is_named(people_admin):
    result = plan([row("a@example.org")], people_admin, header=["Email", "Full name", "Job title"])

    assert result.file_errors == [
        "The file has no “Team” column. The first row must have the column headings: download the template to see them"
    ]
    assert not result.can_confirm


def test_headings_alone_are_not_a_file_of_people(people_admin):
    with pytest.raises(ImportFileError, match="column headings but no people"):
        plan([], people_admin)


def test_too_many_rows_are_refused(people_admin, monkeypatch):
    monkeypatch.setattr(imports, "MAX_ROWS", 3)
    with pytest.raises(ImportFileError, match="more than 3 people"):
        plan([row(f"p{n}@example.org") for n in range(4)], people_admin)


def test_columns_may_come_in_any_order_with_other_names_and_extra_columns(people_admin, team):
    text = "Employee number,Team,work email,Name\r\n4411,Assessment and Family Support,ANA@example.org,Ana Lima\r\n"

    result = plan_import(text, by=people_admin, today=TODAY)

    assert result.errors == []
    assert result.file_errors == []
    assert result.unused_columns == ["Employee number"]
    assert [(r.status, r.email) for r in result.rows] == [("new", "ana@example.org")]


def test_unknown_and_blank_headings_are_left_alone_with_a_note(people_admin):
    text = (
        "Email,Full name,Team,Notes,Notes,,,\r\n"
        "ana@example.org,Ana Lima,Assessment and Family Support,x,y,,kept by mistake,\r\n"
    )

    result = plan_import(text, by=people_admin, today=TODAY)

    assert result.file_errors == []
    assert result.errors == []
    assert result.unused_columns == ["Notes", "column G, which has no heading"]
    assert [(r.status, r.email) for r in result.rows] == [("new", "ana@example.org")]


@pytest.mark.parametrize(
    "text",
    [
        "Email,Full name,Team,Notes,,\r\nana@example.org,Ana Lima,Assessment and Family Support,,,\r\n",
        "Email,Full name,Team,Notes,Extra,\r\nana@example.org,Ana Lima,Assessment and Family Support,a,b,\r\n",
    ],
)
def test_a_file_with_two_blank_or_unknown_headings_goes_to_the_preview(client, people_admin, text):
    client.force_login(people_admin)

    response = upload(client, text)

    assert response.status_code == 302
    preview = client.get(reverse("people:import-preview"))
    assert preview.status_code == 200
    assert "New people (1)" in preview.content.decode()


def test_a_file_of_unknown_headings_says_which_columns_are_missing(client, people_admin):
    client.force_login(people_admin)

    response = upload(client, "a,b,c\r\n1,2,3\r\n")

    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    for heading in ("Email", "Full name", "Team"):
        assert f"The file has no “{heading}” column" in page
    assert "The portal does not recognise the headings “a”, “b”, “c”: use the headings in the template" in page


def test_a_cell_too_long_to_read_is_refused_naming_its_row(client, people_admin):
    client.force_login(people_admin)
    text = csv_text([row("a@example.org")]) + 'b@example.org,"' + "x" * 200_000 + "\r\n"

    response = upload(client, text)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Row 3 has a cell longer than 131,072 characters" in page
    assert "field limit" not in page


# --- Errors by row and column -------------------------------------------------------------


def test_every_error_is_given_by_row_and_column(people_admin, other_team):
    rows = [
        row("one@example.org", team="Nonexistent Team"),
        row("two@example.org", line_manager_email="nobody@example.org"),
        row("one@example.org", name="Someone Else"),
        row("four@example.org", start_date="31/02/2027"),
        row("five@example.org", roles="Social worker; Wizard"),
        row("six@example.org", name='=HYPERLINK("http://evil")'),
        row("not-an-email"),
        row("eight@example.org", working_hours="90"),
        row("nine@example.org", start_date="1/9/2026", leaving_date="1/8/2026"),
        row("ten@example.org", line_manager_email="ten@example.org"),
        row("eleven@example.org", working_hours="-5"),
    ]

    result = plan(rows, people_admin)

    assert errors(result) == [
        (2, "Team", "There is no team called “Nonexistent Team” in your service"),
        (3, "Line manager email", "There is no nobody@example.org in this file or in your service"),
        (4, "Email", "This email address is also on row 2: each person can be in the file once"),
        (5, "Start date", "“31/02/2027” is not a real date. Write it as day/month/year, like 27/3/2027"),
        (
            6,
            "Roles",
            "There is no role called “Wizard”. The roles are: " + ", ".join(sorted(ROLES)) + ". "
            "Separate them with semicolons",
        ),
        (
            7,
            "Full name",
            '“=HYPERLINK("http://evil")” starts with “=”, which a spreadsheet would run as a formula. '
            "Remove it, or save the cell as plain text",
        ),
        (8, "Email", "“not-an-email” is not an email address. Write it like name@example.gov.uk"),
        (9, "Working hours", "Working hours must be from 0.5 to 60 a week"),
        (10, "Leaving date", "The leaving date must be on or after the start date, 1 September 2026"),
        (11, "Line manager email", "A person cannot be their own line manager"),
        (
            12,
            "Working hours",
            "“-5” starts with “-”, which a spreadsheet would run as a formula. "
            "Remove it, or save the cell as plain text",
        ),
    ]
    assert not result.can_confirm


@pytest.mark.parametrize("start", ["+", "@", "-"])
def test_any_formula_like_cell_is_refused(people_admin, start):
    result = plan([row("a@example.org", job_title=f"{start}cmd|' /C calc'!A0")], people_admin)

    assert [error.column for error in result.errors] == ["Job title"]


def test_a_line_manager_may_be_another_row_or_someone_in_the_service(people_admin, supervisor):
    rows = [
        row("new.manager@example.org", name="Nia Manager"),
        row("a@example.org", line_manager_email="NEW.MANAGER@example.org"),
        row("b@example.org", line_manager_email=supervisor.email),
    ]

    result = plan(rows, people_admin)

    assert result.errors == []
    assert [r.values.get("line_manager") for r in result.rows] == [None, "new.manager@example.org", supervisor.email]


@pytest.mark.parametrize(("days", "when"), [(-10, "left on"), (0, "left on"), (30, "is leaving on")])
def test_a_line_manager_who_has_left_or_is_leaving_is_refused(people_admin, team, days, when):
    day = TODAY + timedelta(days=days)
    going = UserFactory(team=team, full_name="Tom Reyes", leaving_date=day)

    result = plan([row("a@example.org", line_manager_email=going.email)], people_admin)

    assert errors(result) == [
        (2, "Line manager email", f"Tom Reyes {when} {day:%-d %B %Y}: choose someone who is staying")
    ]


def test_a_line_manager_who_is_leaving_may_stay_until_the_handover(people_admin, worker, supervisor):
    User.objects.filter(pk=supervisor.pk).update(leaving_date=TODAY + timedelta(days=30))

    result = plan(
        [row(worker.email, name=worker.full_name, line_manager_email=supervisor.email, job_title="Senior")],
        people_admin,
    )

    assert result.errors == []
    assert [r.status for r in result.rows] == ["changed"]


def test_someone_in_another_service_cannot_be_changed_or_be_a_line_manager(people_admin):
    stranger = UserFactory(team=TeamFactory(service__name="Adult Social Care"))

    result = plan([row(stranger.email), row("a@example.org", line_manager_email=stranger.email)], people_admin)

    assert [(e.row, e.column) for e in result.errors] == [(2, "Email"), (3, "Line manager email")]


def test_line_management_cannot_go_round_in_a_circle(people_admin, supervisor, worker):
    result = plan([row(supervisor.email, name=supervisor.full_name, line_manager_email=worker.email)], people_admin)

    assert errors(result) == [
        (
            2,
            "Line manager email",
            f"{worker.email} is managed by {supervisor.full_name}, directly or further down the line, "
            "so cannot be their line manager",
        )
    ]


def test_an_administrator_cannot_change_their_own_roles(people_admin):
    result = plan([row(people_admin.email, name=people_admin.full_name, roles="Service manager")], people_admin)

    assert [e.message for e in result.errors] == [
        "You cannot give the role Service manager: only a service manager can give a role with access you do not "
        "have yourself"
    ]
    result = plan([row(people_admin.email, name=people_admin.full_name, roles="Social worker")], people_admin)
    assert [e.message for e in result.errors] == ["You cannot change your own roles: ask another people administrator"]


def test_roles_an_administrator_cannot_give_stay_as_they_are(people_admin, service_manager):
    result = plan([row(service_manager.email, name=service_manager.full_name, roles="Social worker")], people_admin)

    assert result.errors == []
    assert result.rows[0].values["roles"] == (Role.SERVICE_MANAGER, Role.SOCIAL_WORKER)


# --- The preview --------------------------------------------------------------------------


def test_each_row_is_new_changed_with_before_and_after_or_unchanged(people_admin, worker, supervisor, other_team):
    unchanged = row(worker.email, name=worker.full_name, team=worker.team.name, job_title=worker.job_title)
    moved = row(supervisor.email, name=supervisor.full_name, team=other_team.name, working_hours="22.5")

    result = plan([row("new@example.org", roles="Social worker"), moved, unchanged], people_admin)

    assert [r.status for r in result.rows] == ["new", "changed", "unchanged"]
    assert result.rows[1].shown_changes == [
        ("Team", "Assessment and Family Support", "Children in Care"),
        ("Working hours", "37", "22.5"),
    ]
    assert ("Roles", "", "Social worker") in result.rows[0].shown_changes
    assert result.can_confirm


def test_an_empty_value_is_stored_empty_and_shown_as_not_set(client, people_admin, team):
    person = UserFactory(team=team, job_title="", email="sam@example.org")
    rows = [row(person.email, name=person.full_name, team=team.name, job_title="Senior Social Worker")]

    result = plan(rows, people_admin)
    assert result.rows[0].changes == [("job_title", "", "Senior Social Worker")]
    assert result.rows[0].shown_changes == [("Job title", "Not set", "Senior Social Worker")]
    client.force_login(people_admin)
    upload(client, csv_text(rows))
    assert "Job title: Not set → Senior Social Worker" in client.get(reverse("people:import-preview")).text

    save(rows, people_admin)
    event = AuditEvent.objects.get(kind=AuditKind.PERSON_CHANGED, subject=person)
    assert event.changes == {"job_title": ["", "Senior Social Worker"]}
    assert event.change_rows() == [("Job title", "Not set", "Senior Social Worker")]


def test_preview_queries_are_bounded_for_200_rows(client, people_admin, team, django_assert_max_num_queries):
    existing = [UserFactory(team=team, email=f"existing{n}@example.org") for n in range(100)]
    rows = [
        row(p.email, name=p.full_name, line_manager_email="hr@example.org", roles="Social worker") for p in existing
    ]
    rows += [
        row(f"new{n}@example.org", line_manager_email=existing[n].email, start_date="1/9/2026") for n in range(100)
    ]
    client.force_login(people_admin)
    session = client.session
    session["people_import"] = {"text": csv_text(rows), "name": "hr.csv"}
    session.save()

    with django_assert_max_num_queries(15):
        response = client.get(reverse("people:import-preview"))

    assert response.status_code == 200
    assert "New people (100)" in response.content.decode()
    assert "People who change (100)" in response.content.decode()


# --- Saving -------------------------------------------------------------------------------


def save(rows, by, **kwargs):
    text = csv_text(rows)
    digest = plan_import(text, by=by, today=TODAY).digest()
    return apply_import(text, by=by, expected_digest=digest, today=TODAY, filename="hr.csv", **kwargs)


def test_saving_creates_and_changes_people_with_roles_managers_and_invitations(
    service_manager, worker, other_team, django_capture_on_commit_callbacks, mailoutbox
):
    # A service manager may give any role (a people administrator only those whose access they hold).
    rows = [
        row("nia@example.org", name="Nia Manager", roles="Supervisor; social worker", start_date="1/9/2026"),
        row(
            "ana@example.org",
            name="Ana Lima",
            line_manager_email="nia@example.org",
            asye_start_date="1/9/2026",
            working_hours="30",
        ),
        row(worker.email, name=worker.full_name, team=other_team.name, line_manager_email="nia@example.org"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        result = save(rows, service_manager)

    assert (result.count("new"), result.count("changed")) == (2, 1)
    nia, ana = User.objects.get(email="nia@example.org"), User.objects.get(email="ana@example.org")
    assert sorted(nia.role_names) == [Role.SOCIAL_WORKER, Role.SUPERVISOR]
    assert (ana.line_manager, ana.working_hours, ana.asye_start_date) == (nia, Decimal("30.0"), date(2026, 9, 1))
    assert ana.is_newly_qualified
    assert not nia.has_usable_password()
    worker.refresh_from_db()
    assert (worker.team, worker.line_manager) == (other_team, nia)
    assert Invitation.objects.filter(person__in=[nia, ana]).count() == 2
    assert sorted(mail.to[0] for mail in mailoutbox) == ["ana@example.org", "nia@example.org"]
    assert "/people/manage/invitation/" in mailoutbox[0].body
    imported = AuditEvent.objects.get(kind=AuditKind.PEOPLE_IMPORTED)
    assert imported.summary == "Imported hr.csv: 2 added, 1 changed, 0 unchanged; 2 invited"
    changed = AuditEvent.objects.get(kind=AuditKind.PERSON_CHANGED, subject=worker)
    assert changed.changes["team"] == ["Assessment and Family Support", "Children in Care"]
    assert AuditEvent.objects.filter(kind=AuditKind.PERSON_ADDED).count() == 2


def test_importing_the_same_file_twice_changes_nothing(people_admin, worker):
    rows = [row("nia@example.org", roles="Social worker"), row(worker.email, name="Renamed Worker")]
    save(rows, people_admin)
    counts = (User.objects.count(), AuditEvent.objects.count(), Invitation.objects.count())

    again = plan(rows, people_admin)

    assert [r.status for r in again.rows] == ["unchanged", "unchanged"]
    assert not again.can_confirm
    with pytest.raises(ImportNotSavedError, match="there is nothing to save"):
        save(rows, people_admin)
    assert (User.objects.count(), AuditEvent.objects.count(), Invitation.objects.count()) == counts


def test_any_error_anywhere_means_nothing_is_saved(people_admin):
    text = csv_text([row("good@example.org"), row("bad@example.org", team="Nowhere")])

    with pytest.raises(ImportNotSavedError, match="The file has errors"):
        apply_import(text, by=people_admin, expected_digest="0" * 64, today=TODAY)

    assert not User.objects.filter(email="good@example.org").exists()


def test_a_file_that_now_means_something_else_than_its_preview_is_not_saved(people_admin, worker):
    text = csv_text([row(worker.email, name="New Name")])
    digest = plan_import(text, by=people_admin, today=TODAY).digest()
    User.objects.filter(pk=worker.pk).update(job_title="Changed meanwhile", full_name="Another Name")

    with pytest.raises(ImportNotSavedError, match="after you checked the file"):
        apply_import(text, by=people_admin, expected_digest=digest, today=TODAY)

    assert User.objects.get(pk=worker.pk).full_name == "Another Name"


def test_a_failure_while_saving_rolls_everything_back(people_admin, worker, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the mail queue table is locked")

    monkeypatch.setattr(import_saving, "_invite", broken)
    with pytest.raises(RuntimeError):
        save([row("nia@example.org"), row(worker.email, name="Renamed Worker")], people_admin)

    assert not User.objects.filter(email="nia@example.org").exists()
    assert User.objects.get(pk=worker.pk).full_name != "Renamed Worker"
    assert not AuditEvent.objects.exists()


def test_saving_200_rows_takes_a_bounded_number_of_queries(people_admin, team, django_assert_max_num_queries):
    existing = [UserFactory(team=team) for _ in range(50)]
    rows = [row(p.email, name=p.full_name + " Jr", roles="Social worker") for p in existing]
    rows += [row(f"new{n}@example.org", line_manager_email=existing[n % 50].email) for n in range(150)]
    text = csv_text(rows)
    digest = plan_import(text, by=people_admin, today=TODAY).digest()

    with django_assert_max_num_queries(30):
        apply_import(text, by=people_admin, expected_digest=digest, today=TODAY)

    assert User.objects.filter(email__startswith="new").count() == 150


# --- The pages ----------------------------------------------------------------------------


def upload(client, text: str | bytes, name="hr.csv"):
    content = text.encode() if isinstance(text, str) else text
    return client.post(reverse("people:import"), {"file": SimpleUploadedFile(name, content, "text/csv")})


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
