"""The report's charts: for each figure, this quarter's percentage beside last quarter's, as horizontal bars.

Laid out by the portal's grouped bar chart (`portal.bar_chart`, drawn by `portal/includes/bar_chart.html`),
as families' feedback draws its results; here are only the report's colours and its summary in words. The
table after each chart repeats every figure, so the chart is one image with a summary in words; each bar is
labelled with its quarter and its value, so nothing is told by colour alone. A figure held back for small
numbers has no bar, only its words.
"""

from committee_report.numbers import Value
from portal.bar_chart import BarFigure, Chart, grouped_bars

CURRENT_COLOUR, PREVIOUS_COLOUR = "#1d70b8", "#505a5f"


def _bar_value(value: Value) -> str:
    return value.text if value.shown else "not shown"


def paired_chart(
    chart_id: str, what: str, figures: list[tuple[str, Value, Value]], current: str, previous: str
) -> Chart:
    """A chart of `figures`, each (heading, this quarter, last quarter) as percentages; `what` says what they
    are, for the summary ("the share of people whose supervision was on time"); `current` and `previous`
    label the quarters' bars."""
    told = "; ".join(f"{heading}: {_bar_value(now)}, against {_bar_value(before)}" for heading, now, before in figures)
    summary = f"Bar chart of {what}, {current} beside {previous}. {told}. The table after the chart gives every figure."
    groups = [
        (
            heading,
            [
                BarFigure(current, now.number, _bar_value(now), CURRENT_COLOUR),
                BarFigure(previous, before.number, _bar_value(before), PREVIOUS_COLOUR),
            ],
        )
        for heading, now, before in figures
    ]
    return grouped_bars(chart_id, summary, groups)
