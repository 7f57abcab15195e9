"""The coverage page's targets section (each target's heading, bar chart and table by team), joined as a
string.

With a few targets and forty teams the template engine spent tens of milliseconds here, a node per
cell of every chart and table; joining strings takes a millisecond or two. The markup is the one the
templates drew: every name is escaped, and the numbers in the chart are written as `{% localize off %}`
wrote them. The scrolling region around each table is still drawn by `{% scrolling_table %}`'s own
template, so it stays in one place.
"""

from django.template.defaultfilters import floatformat
from django.utils.formats import localize
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from portal.templatetags.tables import scrolling_table
from training.reports import Share, TargetCoverage
from training.reports_chart import Chart


def _number(value) -> str:
    """A number in the chart's SVG, never grouped or written with a local decimal mark."""
    return localize(value, use_l10n=False)


def _chart(chart: Chart) -> str:
    axis_y = _number(chart.axis_y)
    label_x = _number(chart.plot_left - 8)
    parts = [
        '<svg class="portal-chart govuk-body" role="img" aria-labelledby="',
        escape(chart.title_id),
        f'" viewBox="0 0 {_number(chart.width)} {_number(chart.height)}" width="100%" '
        'preserveAspectRatio="xMinYMin meet" focusable="false">\n  <title id="',
        escape(chart.title_id),
        '">',
        escape(chart.summary),
        "</title>\n",
    ]
    for x, label in chart.ticks:
        x = _number(x)
        parts.append(
            f'  <line x1="{x}" x2="{x}" y1="20" y2="{axis_y}" stroke="#b1b4b6" stroke-width="1"/>\n'
            f'  <text x="{x}" y="{axis_y}" dy="16" text-anchor="middle" font-size="12" fill="#505a5f">'
            f"{escape(label)}</text>\n"
        )
    plot_left, bar_height = _number(chart.plot_left), _number(chart.bar_height)
    for position, bar in enumerate(chart.bars):
        y = _number(bar.y)
        parts.append(
            f'  <text x="{label_x}" y="{y}" dy="14" text-anchor="end" font-size="13" fill="#0b0c0c">'
            f"{escape(bar.label)}</text>\n"
        )
        if bar.width:
            colour = "#003078" if position == 0 else "#1d70b8"
            parts.append(
                f'  <rect x="{plot_left}" y="{y}" width="{_number(bar.width)}" height="{bar_height}" '
                f'fill="{colour}"/>\n'
            )
        parts.append(
            f'  <text x="{_number(bar.value_x)}" y="{y}" dy="14" font-size="13" fill="#0b0c0c">'
            f"{escape(bar.value)}</text>\n"
        )
    target_x = _number(chart.target_x)
    parts.append(
        f'  <line x1="{target_x}" x2="{target_x}" y1="14" y2="{axis_y}" stroke="#d4351c" stroke-width="2" '
        'stroke-dasharray="6 4"/>\n'
        f'  <text x="{target_x}" y="10" text-anchor="middle" font-size="12" fill="#0b0c0c">Target</text>\n'
        "</svg>\n"
    )
    return "".join(parts)


def _team_row(team: Share) -> str:
    name = escape(team.name)
    tag = (
        '<strong class="govuk-tag govuk-tag--green">Met</strong>'
        if team.met
        else '<strong class="govuk-tag govuk-tag--red">Below</strong>'
    )
    return (
        '<tr class="govuk-table__row">'
        f'<th scope="row" class="govuk-table__header">{name}</th>'
        f'<td class="govuk-table__cell govuk-table__cell--numeric"><a class="govuk-link" href="{escape(team.url)}">'
        f'{team.trained} of {team.population}<span class="govuk-visually-hidden"> in {name}: show them in the '
        "matrix</span></a></td>"
        f'<td class="govuk-table__cell govuk-table__cell--numeric">{team.percent}%</td>'
        f'<td class="govuk-table__cell">{tag}</td></tr>\n'
    )


def _table(number: int, coverage: TargetCoverage, level: str, programme: str, who: str) -> str:
    target = coverage.target
    caption_id = f"coverage-caption-{number}"
    table = "".join(
        [
            '<table class="govuk-table govuk-table--small-text-until-tablet">\n'
            f'<caption class="govuk-table__caption govuk-table__caption--s" id="{caption_id}">By team: {who} '
            f"trained to at least {level} {programme}</caption>\n"
            '<thead class="govuk-table__head"><tr class="govuk-table__row">'
            '<th scope="col" class="govuk-table__header">Team</th>'
            '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Trained</th>'
            '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Share</th>'
            f'<th scope="col" class="govuk-table__header">Against {target.target_percent}%</th></tr></thead>\n'
            '<tbody class="govuk-table__body">\n',
            *map(_team_row, coverage.teams),
            "</tbody>\n</table>",
        ]
    )
    return scrolling_table(mark_safe(table), caption_id)  # noqa: S308 - every name above is escaped


def _target(number: int, coverage: TargetCoverage) -> str:
    target, overall = coverage.target, coverage.overall
    who = escape(coverage.who)
    level = escape(target.get_level_display().lower())
    programme = escape(target.programme.name)
    parts = [
        f'<h3 class="govuk-heading-m">{target.target_percent}% of {who} at least {level} {programme}</h3>\n'
        '<p class="govuk-body">\n  '
    ]
    if overall.percent is None:
        parts.append("There is nobody this target applies to among the people you can see.\n")
    else:
        tag = (
            '<strong class="govuk-tag govuk-tag--green">Target met</strong>'
            if overall.met
            else '<strong class="govuk-tag govuk-tag--red">Below target</strong>'
        )
        parts.append(
            f'<a class="govuk-link" href="{escape(overall.url)}">{floatformat(overall.trained, "g")} of '
            f'{floatformat(overall.population, "g")}<span class="govuk-visually-hidden"> {who}: show them in '
            f"the matrix</span></a> ({overall.percent}%) are trained to at least this level.\n  {tag}"
        )
    parts.append("\n</p>\n")
    if coverage.teams:
        parts += [
            '<div class="govuk-grid-row">\n  <div class="govuk-grid-column-two-thirds">\n',
            _chart(coverage.chart),
            _table(number, coverage, level, programme, who),
            "\n  </div>\n</div>\n",
        ]
    return "".join(parts)


def targets_html(targets: list[TargetCoverage]) -> SafeString:
    """Every target's heading, figures, chart and table by team, in order."""
    return mark_safe(  # noqa: S308 - every name and title is escaped where it is joined in
        "".join(_target(number, coverage) for number, coverage in enumerate(targets, start=1))
    )
