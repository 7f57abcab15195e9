"""The dates of a social worker's Assessed and Supported Year in Employment (ASYE).

The year runs from `User.asye_start_date`: a review at 3 months, another at 6 months, and the final
assessment at 12 months. A month on is the same day of the month, or the month's last day when it is
shorter (`portal.dates.add_months`): an ASYE that starts on 31 August has its 6-month review on the last
day of February. Someone is "in their ASYE" from when the start date is set until the day of their final
assessment, inclusive, so the final assessment date is still shown on the day itself.
"""

from dataclasses import dataclass
from datetime import date

from portal.dates import add_months
from supervision.standards import ASYE_MONTHS

FIRST_REVIEW_MONTHS = 3
SECOND_REVIEW_MONTHS = 6


@dataclass(frozen=True)
class Milestone:
    label: str
    on: date

    def is_past(self, today: date) -> bool:
        return self.on < today


@dataclass(frozen=True)
class AsyeDates:
    start: date
    three_month_review: date
    six_month_review: date
    final_assessment: date

    @property
    def milestones(self) -> list[Milestone]:
        return [
            Milestone("3-month review", self.three_month_review),
            Milestone("6-month review", self.six_month_review),
            Milestone("Final assessment", self.final_assessment),
        ]

    def next_milestone(self, today: date) -> Milestone | None:
        """The first milestone on or after `today`."""
        return next((milestone for milestone in self.milestones if milestone.on >= today), None)


def dates_from(start: date) -> AsyeDates:
    return AsyeDates(
        start=start,
        three_month_review=add_months(start, FIRST_REVIEW_MONTHS),
        six_month_review=add_months(start, SECOND_REVIEW_MONTHS),
        final_assessment=add_months(start, ASYE_MONTHS),
    )


def asye_dates(person, today: date) -> AsyeDates | None:
    """The person's ASYE dates while they are in their ASYE (up to and including the final assessment day),
    otherwise None."""
    start = getattr(person, "asye_start_date", None)
    if start is None:
        return None
    dates = dates_from(start)
    return dates if today <= dates.final_assessment else None


def is_in_asye(person, today: date) -> bool:
    return asye_dates(person, today) is not None
