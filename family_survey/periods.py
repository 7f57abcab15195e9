"""Quarters of the calendar year: the periods families' feedback is reported by."""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from portal.dates import add_months

_SLUG = re.compile(r"(?P<year>[0-9]{4})-q(?P<number>[1-4])")
CHOICES = 8  # quarters offered in the chooser: two years


@dataclass(frozen=True, order=True)
class Quarter:
    start: date

    @classmethod
    def containing(cls, day: date) -> "Quarter":
        return cls(date(day.year, (day.month - 1) // 3 * 3 + 1, 1))

    @classmethod
    def from_slug(cls, slug) -> "Quarter | None":
        found = _SLUG.fullmatch(slug) if isinstance(slug, str) else None
        if found is None or not 2000 <= int(found["year"]) <= 2999:
            return None
        return cls(date(int(found["year"]), (int(found["number"]) - 1) * 3 + 1, 1))

    @property
    def end(self) -> date:
        """The first day after the quarter."""
        return add_months(self.start, 3)

    @property
    def number(self) -> int:
        return (self.start.month - 1) // 3 + 1

    @property
    def slug(self) -> str:
        return f"{self.start.year}-q{self.number}"

    @property
    def label(self) -> str:
        return f"{self.start:%B} to {self.end - timedelta(days=1):%B %Y}"

    @property
    def short(self) -> str:
        return f"{self.start:%b}–{self.end - timedelta(days=1):%b %Y}"

    def back(self, quarters: int) -> "Quarter":
        return Quarter(add_months(self.start, -3 * quarters))

    def and_before(self, count: int) -> list["Quarter"]:
        """This quarter and the `count - 1` before it, oldest first."""
        return [self.back(steps) for steps in range(count - 1, -1, -1)]


def recent(today: date, count: int = CHOICES) -> list[Quarter]:
    """The quarter `today` is in and those before it, newest first."""
    return list(reversed(Quarter.containing(today).and_before(count)))
