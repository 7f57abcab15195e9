"""Quarters of the council's financial year (April to March), the periods the committee reports by.

Quarter 1 is April to June, quarter 4 January to March. A quarter is named by its number and financial
year, "Q3 2026 to 2027 (October to December 2026)", and in addresses by a slug, "2026-27-q3". Its months
are the calendar quarters' own, so other apps' calendar quarters (family_survey.periods) line up with it.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from portal.dates import add_months
from training.models import financial_year_bounds, financial_year_of

_SLUG = re.compile(r"(?P<year>[0-9]{4})-(?P<next>[0-9]{2})-q(?P<number>[1-4])")
CHOICES = 8  # quarters offered: the last two years


@dataclass(frozen=True, order=True)
class FinancialQuarter:
    start: date  # the first day of the quarter: 1 April, 1 July, 1 October or 1 January

    @classmethod
    def containing(cls, day: date) -> "FinancialQuarter":
        return cls(date(day.year, (day.month - 1) // 3 * 3 + 1, 1))

    @classmethod
    def from_slug(cls, slug) -> "FinancialQuarter | None":
        """The quarter a slug such as "2026-27-q3" names, or None for anything else."""
        found = _SLUG.fullmatch(slug) if isinstance(slug, str) else None
        if found is None:
            return None
        year, number = int(found["year"]), int(found["number"])
        if not 2000 <= year <= 2998 or int(found["next"]) != (year + 1) % 100:
            return None
        return cls(add_months(date(year, 4, 1), 3 * (number - 1)))

    @property
    def year(self) -> int:
        """The financial year, named by the year it starts."""
        return financial_year_of(self.start)

    @property
    def number(self) -> int:
        return (self.start.month - 4) % 12 // 3 + 1

    @property
    def last_day(self) -> date:
        return add_months(self.start, 3) - timedelta(days=1)

    @property
    def year_starts(self) -> date:
        return financial_year_bounds(self.year)[0]

    @property
    def year_label(self) -> str:
        return f"{self.year} to {self.year + 1}"

    @property
    def slug(self) -> str:
        return f"{self.year}-{(self.year + 1) % 100:02d}-q{self.number}"

    @property
    def months(self) -> str:
        return f"{self.start:%B} to {self.last_day:%B %Y}"

    @property
    def label(self) -> str:
        return f"Q{self.number} {self.year_label} ({self.months})"

    @property
    def short(self) -> str:
        return f"Q{self.number} {self.year}/{(self.year + 1) % 100:02d}"

    def previous(self) -> "FinancialQuarter":
        return FinancialQuarter(add_months(self.start, -3))


def last_complete(today: date) -> FinancialQuarter:
    """The latest quarter that has ended by `today`."""
    return FinancialQuarter.containing(today).previous()


def complete_quarters(today: date, count: int = CHOICES) -> list[FinancialQuarter]:
    """The `count` latest quarters that have ended by `today`, newest first."""
    quarters = [last_complete(today)]
    while len(quarters) < count:
        quarters.append(quarters[-1].previous())
    return quarters
