"""The training matrix in words: each cell's label, and the rows for the CSV and Excel downloads.

The labels are the same words the page shows, so a download reads like the screen.
"""

from datetime import date
from io import BytesIO

import xlsxwriter

from portal.csv_export import neutralise
from training.matrix import Column, Matrix
from training.matrix_cells import Cell, Status

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


def export_header(matrix: Matrix) -> list[str]:
    return ["Name", "Team", "Gaps", *(column_heading(column) for column in matrix.columns)]


def export_rows(matrix: Matrix):
    """One list of plain text per person, labels cached by cell."""
    labels: dict[Cell, str] = {}
    for person in matrix.people:
        row = [person.name, person.team_name, person.gaps]
        for column in matrix.columns:
            cell = matrix.status(person, column)
            label = labels.get(cell)
            if label is None:
                label = labels[cell] = status_label(cell)
            row.append(label)
        yield row


def xlsx_bytes(sheet_name: str, header: list[str], rows) -> bytes:
    """A one-sheet workbook. Every text is written as a string, never a formula, and neutralised as
    in the CSV, in case the sheet is saved on as CSV. Rows are written and let go one at a time."""
    output = BytesIO()
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
    for row_number, row in enumerate(rows, start=1):
        for column, value in enumerate(row):
            if isinstance(value, int):
                sheet.write_number(row_number, column, value)
            else:
                sheet.write_string(row_number, column, neutralise(value))
    workbook.close()
    return output.getvalue()
