"""The training matrix as one HTML table, joined as a string.

Django's template engine takes seconds over 100,000 cells; joining strings takes milliseconds. Each
distinct cell (a status and a date) is escaped once and reused. The markup is kept small: the cells
carry no GOV.UK classes (the `portal-matrix` styles reach them through the table), and the commonest
status, "Not booked", looks empty, with the words for screen readers.
"""

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from training.matrix import Column, Matrix, Person
from training.matrix_cells import Cell, Status
from training.matrix_export import status_label

CAPTION_ID = "matrix-caption"

# Colour only supports the words: each class styles a status the cell already names.
_CLASSES = {
    Status.COMPLETED: "m-done",
    Status.REFRESHED: "m-done",
    Status.EXPIRING: "m-soon",
    Status.EXPIRED: "m-expired",
    Status.BOOKED: "m-booked",
    Status.PENDING: "m-pending",
    Status.WAITING: "m-waiting",
    Status.MISSING: "m-missing",
}
_NOT_BOOKED = '<td><span class="govuk-visually-hidden">Not booked</span></td>'
_MISSING = f'<td class="{_CLASSES[Status.MISSING]}">Required: missing</td>'


def _cell_html(cell: Cell, by_label: dict) -> str:
    """A cell's markup, shared by every cell with the same status and date."""
    key = cell[:2]
    html = by_label.get(key)
    if html is None:
        if cell[0] == Status.NOT_BOOKED:
            html = _NOT_BOOKED
        else:
            html = f'<td class="{_CLASSES[cell[0]]}">{escape(status_label(cell))}</td>'
        by_label[key] = html
    return html


def _head(matrix: Matrix) -> list[str]:
    programmes: list[tuple[str, int]] = []
    last = None
    for column in matrix.columns:
        if column.programme_id != last:
            programmes.append((column.programme_name, 0))
            last = column.programme_id
        programmes[-1] = (programmes[-1][0], programmes[-1][1] + 1)
    parts = ["<colgroup><col><col></colgroup>"]
    parts += [f'<colgroup span="{span}"></colgroup>' for _name, span in programmes]
    parts.append('<thead class="govuk-table__head"><tr class="govuk-table__row"><td colspan="2"></td>')
    parts += [
        f'<th scope="colgroup" colspan="{span}" class="govuk-table__header">{escape(name)}</th>'
        for name, span in programmes
    ]
    parts.append(
        '</tr><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Person</th>'
        '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Gaps</th>'
    )
    parts += [_column_header(column) for column in matrix.columns]
    parts.append("</tr></thead>")
    return parts


def _column_header(column: Column) -> str:
    url = reverse("training:course", args=[column.pk])
    return (
        f'<th scope="col" class="govuk-table__header"><a class="govuk-link" href="{url}">{escape(column.title)}</a>'
        f'<span class="govuk-body-s govuk-!-display-block govuk-!-margin-0">{escape(column.level_label)}'
        f"{'' if column.is_active else ', no longer offered'}</span></th>"
    )


def table_html(matrix: Matrix, caption: str) -> SafeString:
    """The whole <table>, ready to put in a page."""
    cache: dict[Cell, str] = {}
    by_label: dict[tuple, str] = {}
    column_ids = [column.pk for column in matrix.columns]
    width = len(column_ids) + 2
    cpd_url = reverse("training:cpd-person", args=[0]).removesuffix("0/")  # then "<pk>/" per person
    parts = [
        '<table class="govuk-table portal-matrix">',
        f'<caption class="govuk-table__caption govuk-table__caption--m" id="{CAPTION_ID}">{escape(caption)}</caption>',
        *_head(matrix),
    ]

    def rows(people: list[Person], with_team: bool) -> None:
        for person in people:
            team = f'<span class="govuk-body-s govuk-!-display-block">{escape(person.team_name)}</span>'
            parts.append(
                f'<tr><th scope="row" class="govuk-table__header"><a class="govuk-link" href="{cpd_url}{person.pk}/">'
                f"{escape(person.name)}</a>{team if with_team else ''}</th>"
                f'<td class="govuk-table__cell--numeric">{person.gaps}</td>'
            )
            person_cells = matrix.cells.get(person.pk, {})
            required = person.required
            for course_id in column_ids:
                cell = person_cells.get(course_id)
                if cell is None:
                    parts.append(_MISSING if course_id in required else _NOT_BOOKED)
                    continue
                html = cache.get(cell)
                if html is None:
                    html = cache[cell] = _cell_html(cell, by_label)
                parts.append(html)
            parts.append("</tr>")

    if matrix.grouped_by_team:
        for team_name, people in matrix.teams():
            size = matrix.team_sizes.get(people[0].team_id, len(people))
            count = f"{size:,} {'person' if size == 1 else 'people'}"
            if size > len(people):  # the team runs on from, or on to, another page
                count += f", {len(people):,} on this page"
            parts.append(
                f'<tbody class="govuk-table__body"><tr><th scope="rowgroup" colspan="{width}" '
                f'class="govuk-table__header portal-matrix__team">{escape(team_name)} '
                f'<span class="govuk-body-s">({count})</span></th></tr>'
            )
            rows(people, with_team=False)
            parts.append("</tbody>")
    else:
        parts.append('<tbody class="govuk-table__body">')
        rows(matrix.people, with_team=True)
        parts.append("</tbody>")
    parts.append("</table>")
    return mark_safe("".join(parts))  # noqa: S308 - every name and title above is escaped
