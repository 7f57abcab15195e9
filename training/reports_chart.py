"""A coverage target's bar chart: where each team's bar, the target line and the scale go in a small inline SVG.

The geometry is worked out here so `coverage_html` only places shapes. The figures come from
`reports`; the table after the chart repeats every one, so the chart is a single image with a summary
in words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from training.models import CoverageTarget

if TYPE_CHECKING:  # the report builds its charts, so it cannot be imported from here at run time
    from training.reports import Share


@dataclass
class Bar:
    label: str
    y: float
    width: float
    value: str
    value_x: float


@dataclass
class Chart:
    """A horizontal bar chart of the share trained by team, with the target as a line."""

    title_id: str
    summary: str
    bars: list[Bar]
    height: float
    target_x: float
    ticks: list[tuple[float, str]]
    width: int = 640
    plot_left: int = 250
    plot_width: int = 320
    bar_height: int = 18

    @property
    def plot_right(self) -> int:
        return self.plot_left + self.plot_width

    @property
    def axis_y(self) -> float:
        return self.height - 24


ROW_HEIGHT = 28
CHART_TOP = 28
LABEL_CHARACTERS = 34


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARACTERS else label[: LABEL_CHARACTERS - 1].rstrip() + "…"


def coverage_chart(index: int, target: CoverageTarget, overall: Share, teams: list[Share]) -> Chart:
    rows = [overall, *teams]
    height = CHART_TOP + ROW_HEIGHT * len(rows) + 28
    chart = Chart(f"coverage-chart-{index}", "", [], height, 0, [])
    scale = chart.plot_width / 100
    chart.target_x = chart.plot_left + target.target_percent * scale
    chart.ticks = [(chart.plot_left + value * scale, f"{value}%") for value in (0, 25, 50, 75, 100)]
    for position, share in enumerate(rows):
        y = CHART_TOP + position * ROW_HEIGHT
        width = (share.percent or 0) * scale
        value = "nobody" if share.percent is None else f"{share.percent}%"
        chart.bars.append(Bar(_short(share.name), y, width, value, chart.plot_left + width + 6))
    met = sum(1 for team in teams if team.met)
    overall_text = "nobody in scope" if overall.percent is None else f"{overall.percent}% overall"
    chart.summary = (
        f"{overall_text}, against a target of {target.target_percent}%. "
        f"{met} of {len(teams)} {'team meets' if len(teams) == 1 else 'teams meet'} the target. "
        "The table after the chart gives each team's figures."
    )
    return chart
