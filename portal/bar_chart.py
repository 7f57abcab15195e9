"""A horizontal grouped bar chart of percentages: groups of bars, each with its label and value, in inline SVG.

The geometry is worked out here so the template (`portal/includes/bar_chart.html`) only places shapes. The
apps that draw one (the committee report, families' feedback) give the figures, the summary in words and
the colours; the table after each chart repeats every figure, so the chart is one image with a summary.
Each bar is labelled with its own label and value, so nothing is told by colour alone; a bar with no
figure has no shape, only its words.
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

WIDTH = 640
PLOT_LEFT, PLOT_WIDTH = 110, 400
BAR, GAP, HEADING, GROUP_GAP, TOP = 14, 4, 20, 12, 8
BAR_COLOUR = "#1d70b8"


class BarFigure(NamedTuple):
    """One bar to draw: its label, its percentage (None: no bar) and the words shown beside it."""

    label: str
    percent: int | float | Decimal | None
    text: str
    colour: str = BAR_COLOUR


@dataclass(frozen=True)
class Bar:
    label: str
    y: float
    width: float
    value: str
    value_x: float
    colour: str = BAR_COLOUR


@dataclass(frozen=True)
class Group:
    heading: str
    heading_y: float
    bars: list[Bar]


@dataclass(frozen=True)
class Chart:
    chart_id: str  # the SVG title's id is "<chart_id>-title"
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


def grouped_bars(chart_id: str, summary: str, groups: list[tuple[str, list[BarFigure]]]) -> Chart:
    """Lay out `groups`, each (heading, its bars), one under another on a scale from 0% to 100%."""
    scale = PLOT_WIDTH / 100
    laid_out, y = [], TOP
    for heading, figures in groups:
        heading_y = y + HEADING - 6
        y += HEADING
        bars = []
        for figure in figures:
            width = min(float(figure.percent or 0), 100) * scale
            bars.append(
                Bar(figure.label, y, round(width, 1), figure.text, round(PLOT_LEFT + width + 6, 1), figure.colour)
            )
            y += BAR + GAP
        laid_out.append(Group(heading, heading_y, bars))
        y += GROUP_GAP
    ticks = [(PLOT_LEFT + value * scale, f"{value}%") for value in (0, 25, 50, 75, 100)]
    return Chart(chart_id, summary, laid_out, y + 24, y, ticks)
