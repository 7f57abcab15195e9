"""Bulk import of people from an HR spreadsheet saved as CSV: read, check, preview, then apply.

``read_file`` turns the uploaded bytes into text, or refuses the whole file (size, encoding, a
workbook instead of CSV). ``import_checks.plan_import`` checks every row against the portal with a fixed number of
queries, whatever the file's length, and says for each row whether it is new, changed (before and
after) or unchanged, and every error by row and column. ``import_saving.apply_import`` plans again inside one
transaction and saves it all, or nothing when the file has any error or differs from the preview.

An empty cell leaves what the portal holds unchanged, so a file need only carry what HR knows, and
importing the same file twice changes nothing.
"""

import csv
import hashlib
import io
import json
from dataclasses import dataclass, field
from decimal import Decimal

from portal.models import User

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5_000
FORMULA_STARTS = ("=", "+", "-", "@")
HOURS_MIN, HOURS_MAX = Decimal("0.5"), Decimal("60")
SAVE_AS = "Save the file as CSV UTF-8: in Excel, choose File, Save As, then “CSV UTF-8 (Comma delimited)”"


@dataclass(frozen=True)
class Column:
    key: str
    heading: str
    required: bool
    explanation: str
    example: str
    aliases: tuple[str, ...] = ()


COLUMNS = [
    Column(
        "email",
        "Email",
        True,
        "Their work email address. It is how the portal knows the person: a row whose email is already in "
        "the portal changes that person; any other row adds a new person and sends them an invitation.",
        "sam.okafor@example.gov.uk",
        ("email address", "work email", "work email address"),
    ),
    Column("full_name", "Full name", True, "Their name as colleagues know it.", "Sam Okafor", ("name",)),
    Column(
        "team",
        "Team",
        True,
        "The name of a team in your service, written as the portal writes it.",
        "Assessment and Family Support",
    ),
    Column("job_title", "Job title", False, "Their job title.", "Senior Social Worker", ("title",)),
    Column(
        "line_manager_email",
        "Line manager email",
        False,
        "The work email address of their line manager: someone already in your service, or another row "
        "in the same file.",
        "a.khan@example.gov.uk",
        ("line manager", "manager email"),
    ),
    Column(
        "roles",
        "Roles",
        False,
        "Their roles in the portal, separated by semicolons (;). The roles replace any they hold now.",
        "Social worker; Supervisor",
        ("role",),
    ),
    Column("start_date", "Start date", False, "The day they started in the service.", "3/2/2025"),
    Column(
        "asye_start_date",
        "ASYE start date",
        False,
        "The day their Assessed and Supported Year in Employment began, if they are newly qualified.",
        "3/2/2025",
        ("asye start",),
    ),
    Column(
        "working_hours",
        "Working hours",
        False,
        f"Hours a week, from {HOURS_MIN} to {HOURS_MAX:.0f}, with at most one decimal place. "
        "A new person without it works 37 hours.",
        "37",
        ("hours", "working hours a week"),
    ),
    Column(
        "leaving_date",
        "Leaving date",
        False,
        "The first day they no longer work here. From that day their account stops working. Record who takes "
        "over their work on their page.",
        "31/8/2027",
    ),
]
COLUMN_BY_KEY = {column.key: column for column in COLUMNS}
DATE_KEYS = ("start_date", "asye_start_date", "leaving_date")
# The person's fields an import may set, in the order a preview shows their changes.
FIELDS = ("full_name", "team", "job_title", "line_manager", "roles", "start_date", "asye_start_date")
FIELDS += ("working_hours", "leaving_date")
LABELS = {
    "full_name": "Full name",
    "team": "Team",
    "job_title": "Job title",
    "line_manager": "Line manager",
    "roles": "Roles",
    "start_date": "Start date",
    "asye_start_date": "ASYE start date",
    "working_hours": "Working hours",
    "leaving_date": "Leaving date",
}


class ImportFileError(Exception):
    """The whole file is refused; the message says what to do."""


def _heading_key(text: str) -> str:
    return " ".join(text.replace("_", " ").replace("-", " ").lower().split())


HEADINGS = {
    _heading_key(name): column.key for column in COLUMNS for name in (column.heading, column.key, *column.aliases)
}


# --- Reading the file -----------------------------------------------------------------------


def read_file(content: bytes) -> str:
    """The file's text, or ImportFileError. Excel's byte order mark is dropped without a word."""
    if len(content) > MAX_BYTES:
        raise ImportFileError(f"The file must be smaller than {MAX_BYTES // (1024 * 1024)} MB")
    if not content.strip():
        raise ImportFileError("The file is empty. Choose the CSV file with the people in it")
    if content.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise ImportFileError(f"This is an Excel workbook, not a CSV file. {SAVE_AS}")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(f"The file is not in UTF-8, so names with accents would be spoiled. {SAVE_AS}") from error
    if "\x00" in text:
        raise ImportFileError(f"The file has characters a CSV file cannot have. {SAVE_AS}")
    return text


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str


NOT_SET = "Not set"


@dataclass
class RowPlan:
    number: int
    email: str
    full_name: str
    status: str = "unchanged"  # new, changed, unchanged or error
    # (field, before, after), the values as a person reads them.
    changes: list[tuple[str, str, str]] = field(default_factory=list)
    values: dict = field(default_factory=dict)
    person: User | None = None
    roles_changed: bool = False

    @property
    def shown_changes(self) -> list[tuple[str, str, str]]:
        """(label, before, after) in words; a new person has no before, so theirs stays empty."""
        if self.person is None:
            return [(LABELS[key], before, after or NOT_SET) for key, before, after in self.changes]
        return [(LABELS[key], before or NOT_SET, after or NOT_SET) for key, before, after in self.changes]


@dataclass
class Plan:
    rows: list[RowPlan] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    unused_columns: list[str] = field(default_factory=list)
    # What the checks loaded (import_checks.Context), for saving: people, teams and roles.
    context: object = field(default=None, repr=False)

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def error_count(self) -> int:
        return len(self.errors) + len(self.file_errors)

    @property
    def can_confirm(self) -> bool:
        return not self.errors and not self.file_errors and any(row.status != "unchanged" for row in self.rows)

    def digest(self) -> str:
        """A fingerprint of what confirming would do, to check nothing moved since the preview."""
        shown = [(row.number, row.email, row.status, row.changes) for row in self.rows]
        return hashlib.sha256(json.dumps(shown, default=str).encode()).hexdigest()


def records_of(text: str, plan: Plan) -> list[tuple[int, dict[str, str]]]:
    """(row number as a spreadsheet shows it, {column key: cell}) for each row with anything in it."""
    rows = _rows(text)
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise ImportFileError("The first row must have the column headings. Download the template to see them")
    # A heading the portal does not know, or a blank one (Excel keeps empty columns as trailing commas),
    # is None here: its column is left alone, and the preview says so.
    keys: list[str | None] = []
    unknown: list[str] = []
    for heading in rows[0]:
        key = HEADINGS.get(_heading_key(heading))
        if key is not None and key in keys:
            plan.file_errors.append(f"The column “{COLUMN_BY_KEY[key].heading}” is in the file twice: keep one")
        if key is None and heading.strip() and heading.strip() not in unknown:
            unknown.append(heading.strip())
        keys.append(key)
    blank = [index for index, heading in enumerate(rows[0]) if not heading.strip()]
    filled = [index for index in blank if any(index < len(cells) and cells[index].strip() for cells in rows[1:])]
    plan.unused_columns += unknown + [f"column {_letters(index)}, which has no heading" for index in filled]
    for column in COLUMNS:
        if column.required and column.key not in keys:
            plan.file_errors.append(
                f"The file has no “{column.heading}” column. The first row must have the column headings: "
                "download the template to see them"
            )
    if plan.file_errors and unknown:
        shown = ", ".join(f"“{name[:40]}”" for name in unknown[:5]) + (", …" if len(unknown) > 5 else "")
        plan.file_errors.append(f"The portal does not recognise the headings {shown}: use the headings in the template")
    records = []
    for index, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        record = {key: cell for key, cell in zip(keys, cells, strict=False) if key}
        if len(cells) > len(keys) and any(cell.strip() for cell in cells[len(keys) :]):
            plan.errors.append(RowError(index, "", "This row has more cells than the file has column headings"))
        records.append((index, record))
    if not records and not plan.file_errors:
        raise ImportFileError("The file has column headings but no people. Add a row for each person")
    if len(records) > MAX_ROWS:
        raise ImportFileError(f"The file has more than {MAX_ROWS:,} people. Split it into smaller files")
    return records


def _rows(text: str) -> list[list[str]]:
    """The file's rows of cells; ImportFileError, naming the row, if the CSV cannot be read."""
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""))
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return rows
        except csv.Error as error:
            number = len(rows) + 1  # as a spreadsheet numbers it: the headings are row 1
            if "field larger than field limit" in str(error):
                raise ImportFileError(
                    f"Row {number} has a cell longer than {csv.field_size_limit():,} characters. Often a quote "
                    f'mark (") with no closing quote makes the rest of the file one cell: check row {number}, '
                    "then save the file as CSV again"
                ) from error
            raise ImportFileError(f"Row {number} cannot be read as CSV. {SAVE_AS}") from error
        rows.append(cells)


def _letters(index: int) -> str:
    """A column's letters as a spreadsheet shows them: 0 is A, 26 is AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def file_problems(text: str) -> list[str]:
    """What is wrong with the file as a whole (headings, size), without reading the database."""
    plan = Plan()
    records_of(text, plan)
    return plan.file_errors
