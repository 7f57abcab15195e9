"""Bulk import of people from an HR spreadsheet: reading the file."""

import pytest
from django.urls import reverse

from portal.people import imports
from portal.people.import_checks import plan_import
from portal.people.imports import ImportFileError, read_file
from tests.portal.people.import_helpers import TODAY, csv_text, plan, row, upload

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
