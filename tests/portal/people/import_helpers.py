"""What the import tests upload: rows of an HR spreadsheet as CSV, planned, saved or sent to the page."""

import csv
import io
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portal.people import imports
from portal.people.import_checks import plan_import
from portal.people.import_saving import apply_import

HEADER = [column.heading for column in imports.COLUMNS]


TODAY = date(2026, 12, 1)


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


def save(rows, by, **kwargs):
    text = csv_text(rows)
    digest = plan_import(text, by=by, today=TODAY).digest()
    return apply_import(text, by=by, expected_digest=digest, today=TODAY, filename="hr.csv", **kwargs)


def upload(client, text: str | bytes, name="hr.csv"):
    content = text.encode() if isinstance(text, str) else text
    return client.post(reverse("people:import"), {"file": SimpleUploadedFile(name, content, "text/csv")})
