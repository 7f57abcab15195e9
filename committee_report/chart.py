"""The report's charts: for each figure, this quarter's percentage beside last quarter's, as horizontal bars.

Drawn as family_survey.chart draws its results: the geometry is worked out here so the template
(`includes/chart.html`) only places shapes; the table after each chart repeats every figure, so the chart
is one image with a summary in words; each bar is labelled with its quarter and its value, so nothing is
told by colour alone. A figure held back for small numbers has no bar, only its words.
"""

from dataclasses import dataclass

from committee_report.numbers import Value

WIDTH = 640
PLOT_LEFT, PLOT_WIDTH = 110, 400
BAR, GAP, HEADING, GROUP_GAP, TOP = 14, 4, 20, 12, 8
CURRENT_COLOUR, PREVIOUS_COLOUR = "#1d70b8", "#505a5f"


@dataclass(frozen=True)
class Bar:
    label: str  # the quarter
    y: float
    width: float
    value: str
    value_x: float
    colour: str


@dataclass(frozen=True)
class Group:
    heading: str
    heading_y: float
    bars: list[Bar]


@dataclass(frozen=True)
class Chart:
    chart_id: str
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


def _bar_value(value: Value) -> str:
    return value.text if value.shown else "not shown"


def paired_chart(
    chart_id: str, what: str, figures: list[tuple[str, Value, Value]], current: str, previous: str
) -> Chart:
    """A chart of `figures`, each (heading, this quarter, last quarter) as percentages; `what` says what they
    are, for the summary ("the share of people whose supervision was on time"); `current` and `previous`
    label the quarters' bars."""
    scale = PLOT_WIDTH / 100
    groups, y = [], TOP
    for heading, now, before in figures:
        heading_y = y + HEADING - 6
        y += HEADING
        bars = []
        for label, value, colour in ((current, now, CURRENT_COLOUR), (previous, before, PREVIOUS_COLOUR)):
            width = min(float(value.number or 0), 100) * scale
            bars.append(Bar(label, y, round(width, 1), _bar_value(value), round(PLOT_LEFT + width + 6, 1), colour))
            y += BAR + GAP
        groups.append(Group(heading, heading_y, bars))
        y += GROUP_GAP
    told = "; ".join(f"{heading}: {_bar_value(now)}, against {_bar_value(before)}" for heading, now, before in figures)
    summary = f"Bar chart of {what}, {current} beside {previous}. {told}. The table after the chart gives every figure."
    ticks = [(PLOT_LEFT + value * scale, f"{value}%") for value in (0, 25, 50, 75, 100)]
    return Chart(chart_id, summary, groups, y + 24, y, ticks)
