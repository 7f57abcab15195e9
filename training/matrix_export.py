"""The training matrix in words: each cell's label, and the CSV and Excel downloads of every row.

The labels are the same words the page shows, so a download reads like the screen. The downloads are
written as the rows are read (`matrix_rows.MatrixRows`): the CSV streams out as it is made, and the
workbook is built on disk, so a matrix of a million cells never sits in memory.
"""

import csv
import tempfile
from collections.abc import Iterator
from datetime import date
from itertools import islice

import xlsxwriter

from portal.csv_export import neutralise
from training.matrix import Column
from training.matrix_cells import Cell, Status
from training.matrix_rows import MatrixRows, Row

_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _day(day: date) -> str:
    """3 Mar 2026: short, for a table cell."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def status_label(cell: Cell) -> str:
    status, day, _completed = cell
    if status == Status.COMPLETED:
        return f"Completed {_day(day)}"
    if status == Status.REFRESHED:
        return f"Refreshed {_day(day)}"
    if status == Status.EXPIRING:
        return f"Expiring {_day(day)}"
    if status == Status.EXPIRED:
        return f"Expired {_day(day)}"
    if status == Status.BOOKED:
        return f"Booked {_day(day)}" if day else "Booked"
    if status == Status.PENDING:
        return "Awaiting approval"
    if status == Status.WAITING:
        return "Waiting list"
    if status == Status.MISSING:
        return "Required: missing"
    return "Not booked"


def column_heading(column: Column) -> str:
    return f"{column.programme_name}: {column.title} ({column.level_label})"


def export_header(columns: list[Column]) -> list[str]:
    return ["Name", "Team", "Gaps", *(column_heading(column) for column in columns)]


def export_rows(columns: list[Column], rows: Iterator[Row]) -> Iterator[list]:
    """One list of plain text per person, labels cached by cell. The names are neutralised here, once;
    the labels are the portal's own words and never start like a formula. A million cells go through
    the inner loop, so it looks each cell up directly rather than through `status_of`."""
    labels: dict[Cell, str] = {}
    course_ids = [column.pk for column in columns]
    missing = status_label((Status.MISSING, None, None))
    not_booked = status_label((Status.NOT_BOOKED, None, None))
    for person, person_cells in rows:
        required = person.required
        row = [neutralise(person.name), neutralise(person.team_name), person.gaps]
        for course_id in course_ids:
            cell = person_cells.get(course_id)
            if cell is None:
                row.append(missing if course_id in required else not_booked)
                continue
            label = labels.get(cell)
            if label is None:
                label = labels[cell] = status_label(cell)
            row.append(label)
        yield row


def matrix_csv(rows: MatrixRows) -> Iterator[str]:
    """The CSV download, made as it is sent: the rows are read only once the response starts."""
    found = rows.open()
    yield from csv_chunks(export_header(rows.columns), export_rows(rows.columns, found))


def matrix_xlsx(rows: MatrixRows):
    """The Excel download, in a temporary file."""
    found = rows.open()
    return xlsx_file("Training matrix", export_header(rows.columns), export_rows(rows.columns, found))


class _Line:
    """Where csv.writer writes: it hands back each line instead of keeping it."""

    def write(self, text: str) -> str:
        return text


def csv_chunks(header: list[str], rows: Iterator[list], *, lines_per_chunk: int = 200) -> Iterator[str]:
    """The CSV a few hundred lines at a time, for a StreamingHttpResponse: starting with the byte order
    mark Excel needs to read UTF-8, and with the header neutralised as portal.csv_export does."""
    writer = csv.writer(_Line())
    yield "\ufeff" + writer.writerow([neutralise(text) for text in header])
    while lines := [writer.writerow(row) for row in islice(rows, lines_per_chunk)]:
        yield "".join(lines)


def xlsx_file(sheet_name: str, header: list[str], rows: Iterator[list]):
    """A one-sheet workbook in a temporary file, rewound, for a FileResponse to send and then delete.

    Every text is written as a string, never a formula, and neutralised as in the CSV, in case the sheet
    is saved on as CSV. In constant-memory mode each row goes to disk as soon as the next one starts,
    so neither the rows nor the finished file are ever held in memory."""
    output = tempfile.TemporaryFile()  # noqa: SIM115 - the response closes it when sent
    workbook = xlsxwriter.Workbook(
        output,
        {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    sheet = workbook.add_worksheet(sheet_name)
    bold = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    sheet.set_column(0, 1, 30)
    sheet.set_column(2, max(2, len(header) - 1), 20)
    sheet.freeze_panes(1, 1)
    for column, text in enumerate(header):
        sheet.write_string(0, column, neutralise(text), bold)
    write_string, write_number = sheet.write_string, sheet.write_number
    for row_number, row in enumerate(rows, start=1):
        for column, value in enumerate(row):
            if isinstance(value, int):
                write_number(row_number, column, value)
            else:
                write_string(row_number, column, value)
    workbook.close()
    output.seek(0)
    return output
