"""The rows of the dashboard's people table, joined as a string.

Django's template engine spends about a millisecond on each of these rows (a dozen cells, three dates,
a link and a tag); joining strings takes a few microseconds. The table's caption and headings stay in
the template (`includes/dashboard_people.html`), which places these rows in its body.
"""

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from supervision.dashboard import WorkerRow

_PLACEHOLDER_ID = 987654321
_NONE = '<span class="govuk-visually-hidden">{}</span><span aria-hidden="true">–</span>'
# The site is in English only. Django's date filter ("j M Y") takes a hundred times longer to say the same.
_MONTHS = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _shown(day) -> str:
    """A date as the rest of the site shows it in tables: 1 Dec 2026."""
    return f"{day.day} {_MONTHS[day.month]} {day.year}"


def _person(row: WorkerRow, agreement_url: str) -> str:
    name = escape(row.name)
    if row.agreement_id:
        url = agreement_url.format(row.agreement_id)
        name = (
            f'<a class="govuk-link" href="{url}">{name}'
            '<span class="govuk-visually-hidden">: supervision agreement</span></a>'
        )
    team = f'<br><span class="govuk-body-s">{escape(row.team_name)}</span>' if row.team_name else ""
    return f'<th scope="row" class="govuk-table__header">{name}{team}</th>'


def _row(row: WorkerRow, agreement_url: str) -> str:
    days_since = _NONE.format("No sessions") if row.days_since_last is None else row.days_since_last
    if row.caseload is None:
        caseload = _NONE.format("None recorded")
    else:
        caseload = f'{row.caseload}<br><span class="govuk-body-s">{_shown(row.caseload_on)}</span>'
    cell, number = '<td class="govuk-table__cell">', '<td class="govuk-table__cell govuk-table__cell--numeric">'
    return "".join(
        [
            '<tr class="govuk-table__row">',
            _person(row, agreement_url),
            f"{cell}{escape(row.supervisor_name)}</td>",
            f"{cell}{escape(row.frequency_label or 'Not agreed')}</td>",
            f"{cell}{_shown(row.last_held) if row.last_held else 'None yet'}</td>",
            f"{number}{days_since}</td>",
            f"{cell}{_shown(row.next_due) if row.next_due else 'Not agreed'}</td>",
            f'{cell}<strong class="govuk-tag {row.tag_class}">{escape(row.status_label)}</strong></td>',
            f"{number}{row.sessions_in_period}</td>",
            f"{number}{row.open_actions}</td>",
            f"{number}{row.overdue_actions}</td>",
            f"{number}{caseload}</td>",
            f"{number}{row.short_sessions}</td>",
            "</tr>",
        ]
    )


def people_rows(rows: list[WorkerRow]) -> SafeString:
    """Each person's row: every text from the database is escaped, the rest is our own markup."""
    # The agreement's address is worked out once, with a placeholder for its id: reversing it for
    # every row cost more than the rest of the row.
    agreement_url = reverse("supervision:agreement-detail", args=[_PLACEHOLDER_ID]).replace(str(_PLACEHOLDER_ID), "{}")
    return mark_safe("\n".join(_row(row, agreement_url) for row in rows))  # noqa: S308 - built from escaped parts
