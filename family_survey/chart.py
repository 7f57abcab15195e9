"""The results chart: for each statement, the share who agreed in each of four quarters, as horizontal bars.

Laid out by the portal's grouped bar chart (`portal.bar_chart`, drawn by `portal/includes/bar_chart.html`);
here are only the figures and the summary in words. The table after the chart repeats every figure, so
the chart is a single image with a summary in words. Each bar is labelled with its quarter and its value,
so nothing is told by colour alone.
"""

from family_survey.questions import STATEMENTS
from family_survey.selectors import Results
from portal.bar_chart import BarFigure, Chart, grouped_bars


def _summary(results: Results, scope: str) -> str:
    span = f"{results.quarters[0].label} to {results.quarters[-1].label}"
    latest = results.current
    shown = [
        (statement.short, latest.statements[statement.key].percent_agreed)
        for statement in STATEMENTS
        if latest.statements[statement.key].shown
    ]
    if not shown:
        told = f"In {results.quarter.label} no statement had 5 or more answers."
    else:
        low = min(shown, key=lambda item: item[1])
        high = max(shown, key=lambda item: item[1])
        told = (
            f"In {results.quarter.label} {high[1]}% agreed with each statement that had 5 or more answers."
            if low[1] == high[1]
            else f"In {results.quarter.label} the most agreed statement was “{high[0]}” ({high[1]}%) "
            f"and the least “{low[0]}” ({low[1]}%)."
        )
    return (
        f"Bar chart of the share of families who agreed with each statement, {scope}, by quarter from {span}. "
        f"{told} The table after the chart gives every figure."
    )


def results_chart(results: Results, scope: str) -> Chart:
    groups = []
    for statement in STATEMENTS:
        bars = []
        for quarter in results.quarters:
            figure = results.overall[quarter].statements[statement.key]
            percent = figure.percent_agreed
            bars.append(BarFigure(quarter.short, percent, figure.why_hidden if percent is None else f"{percent}%"))
        groups.append((statement.short, bars))
    return grouped_bars("results-chart", _summary(results, scope), groups)
