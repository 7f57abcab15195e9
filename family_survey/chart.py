"""The results chart: for each statement, the share who agreed in each of four quarters, as horizontal bars.

The geometry is worked out here so the template (`manage/includes/chart.html`) only places shapes. The
table after the chart repeats every figure, so the chart is a single image with a summary in words. Each
bar is labelled with its quarter and its value, so nothing is told by colour alone.
"""

from dataclasses import dataclass

from family_survey.questions import STATEMENTS
from family_survey.selectors import Results

WIDTH = 640
PLOT_LEFT, PLOT_WIDTH = 110, 400
BAR, GAP, HEADING, GROUP_GAP, TOP = 14, 4, 20, 12, 8


@dataclass(frozen=True)
class Bar:
    label: str  # the quarter
    y: float
    width: float
    value: str
    value_x: float


@dataclass(frozen=True)
class Group:
    heading: str
    heading_y: float
    bars: list[Bar]


@dataclass(frozen=True)
class Chart:
    summary: str
    groups: list[Group]
    height: float
    axis_y: float
    ticks: list[tuple[float, str]]
    width: int = WIDTH
    plot_left: int = PLOT_LEFT

    @property
    def plot_right(self) -> int:
        return PLOT_LEFT + PLOT_WIDTH


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
    scale = PLOT_WIDTH / 100
    groups, y = [], TOP
    for statement in STATEMENTS:
        heading_y = y + HEADING - 6
        y += HEADING
        bars = []
        for quarter in results.quarters:
            figure = results.overall[quarter].statements[statement.key]
            percent = figure.percent_agreed
            width = (percent or 0) * scale
            value = figure.why_hidden if percent is None else f"{percent}%"
            bars.append(Bar(quarter.short, y, round(width, 1), value, round(PLOT_LEFT + width + 6, 1)))
            y += BAR + GAP
        groups.append(Group(statement.short, heading_y, bars))
        y += GROUP_GAP
    axis_y = y
    ticks = [(PLOT_LEFT + value * scale, f"{value}%") for value in (0, 25, 50, 75, 100)]
    return Chart(_summary(results, scope), groups, axis_y + 24, axis_y, ticks)
