"""The dashboard's charts (caseload, and the reflective share of supervision time, which the person's page
shows too): where each month's bar, label and scale line go in a small inline SVG.

The geometry is worked out here so the template (`includes/dashboard_chart.html`) only places shapes.
The figures come from `dashboard_caseloads.caseload_by_month`; the table beside the chart repeats every
one, so the chart is a single image with a summary in words.
"""

from dataclasses import dataclass
from datetime import date

from supervision.balance import DRIFT_SHARE, MonthBalance
from supervision.dashboard_caseloads import MonthCaseload


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label_x: float
    label: str  # the month under the bar, or "" when there is no room


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    plot_bottom: int
    plot_left: int
    plot_right: int
    bars: list[Bar]
    ticks: list[tuple[float, int]]  # (y, value) for the scale on the left
    summary: str  # what the chart shows, in words, for people who cannot see it
    # A dashed line across the plot at a value of note, and its label: (y, label).
    marker: tuple[float, str] | None = None


CHART_WIDTH, CHART_HEIGHT = 480, 240
PLOT_LEFT, PLOT_RIGHT, PLOT_TOP, PLOT_BOTTOM = 36, 470, 12, 210


def _scale_top(highest: float) -> int:
    """A round top for the scale: the next multiple of 10 at or above the highest bar, so the
    middle line is a whole number too."""
    return max(10, int(-(-highest // 10) * 10))


def _chart_summary(months: list[MonthCaseload]) -> str:
    recorded = [month for month in months if month.average is not None]
    span = f"from {months[0].month:%B %Y} to {months[-1].month:%B %Y}"
    if not recorded:
        return f"Bar chart of the average caseload per worker by month, {span}: no caseloads recorded."
    low = min(recorded, key=lambda month: month.average)
    high = max(recorded, key=lambda month: month.average)
    if low.average == high.average:
        return (
            f"Bar chart of the average caseload per worker by month, {span}: "
            f"{low.average:g} children in every month with a caseload recorded."
        )
    return (
        f"Bar chart of the average caseload per worker by month, {span}. "
        f"Lowest {low.average:g} children in {low.month:%B %Y}, highest {high.average:g} in {high.month:%B %Y}. "
        "The table gives every figure."
    )


def caseload_chart(months: list[MonthCaseload]) -> Chart:
    """Where to draw each month's bar, worked out here so the template only places shapes."""
    top = _scale_top(max((month.average or 0 for month in months), default=0))
    return month_bars([(month.month, month.average) for month in months], top, _chart_summary(months))


def month_bars(values: list[tuple[date, float | None]], top: int, summary: str, marker=None) -> Chart:
    """A bar a month for `values` ((first of the month, value or None)) on a scale from 0 to `top`;
    `marker`, (value, label), draws a dashed line across at that value."""
    plot_height = PLOT_BOTTOM - PLOT_TOP
    slot = (PLOT_RIGHT - PLOT_LEFT) / len(values)
    # With many months, label every other one so the labels do not overlap.
    label_every = 1 if len(values) <= 12 else 2
    bars = []
    for index, (month, value) in enumerate(values):
        height = (value or 0) / top * plot_height
        x = PLOT_LEFT + index * slot + slot * 0.15
        label = ""
        if index % label_every == 0:
            label = f"{month:%b}" if month.month != 1 and index else f"{month:%b %y}"
        bars.append(
            Bar(
                x=round(x, 1),
                y=round(PLOT_BOTTOM - height, 1),
                width=round(slot * 0.7, 1),
                height=round(height, 1),
                label_x=round(x + slot * 0.35, 1),
                label=label,
            )
        )
    ticks = [(round(PLOT_BOTTOM - value / top * plot_height, 1), value) for value in (0, top // 2, top)]
    if marker is not None:
        marker = (round(PLOT_BOTTOM - marker[0] / top * plot_height, 1), marker[1])
    return Chart(CHART_WIDTH, CHART_HEIGHT, PLOT_BOTTOM, PLOT_LEFT, PLOT_RIGHT, bars, ticks, summary, marker)


def balance_chart(months: list[MonthBalance], whose: str = "everyone on this dashboard") -> Chart:
    """The reflective share (support and development) of the minutes recorded each month, in per cent,
    with a dashed line at a third (`balance.DRIFT_SHARE`), under which reflection is crowded out."""
    span = f"from {months[0].month:%B %Y} to {months[-1].month:%B %Y}"
    recorded = [month for month in months if month.reflective_percent is not None]
    if not recorded:
        summary = f"Bar chart of the reflective share of supervision time by month for {whose}, {span}: none recorded."
    else:
        shares = "; ".join(f"{month.month:%B %Y} {month.reflective_percent}%" for month in recorded)
        summary = (
            f"Bar chart of the reflective share of supervision time (support and development) by month for {whose}, "
            f"{span}: {shares}. The dashed line marks a third. The table gives every figure."
        )
    third = float(DRIFT_SHARE * 100)
    return month_bars([(month.month, month.reflective_percent) for month in months], 100, summary, (third, "a third"))
