"""How the report shows a figure, with small numbers held back so that nobody can be recognised.

A count from 1 to 4 is shown as "fewer than 5" (none is shown as 0: it says nothing about anyone). A
percentage is held back when its part is from 1 to 4 or its whole is under 5 (or, where the parts are
minutes, when fewer than 5 sessions lie behind it), and marked with note 1. The same text goes on the
page, into the sentences and into the CSV file.
"""

from dataclasses import dataclass
from decimal import Decimal

from training.reports_figures import percent

MIN_COUNT = 5
FEWER_THAN_5 = "fewer than 5"
NOTE_1 = "[note 1]"
NOT_SHOWN = f"not shown {NOTE_1}"
NOTE_1_TEXT = (
    "Not shown because fewer than 5 people or sessions lie behind the figure, so that nobody can be recognised "
    "from it. Counts from 1 to 4 are shown as “fewer than 5”."
)


@dataclass(frozen=True)
class Value:
    """A figure as the report shows it: `text` for people, `number` to compare and chart (None: not shown)."""

    text: str
    number: int | Decimal | None = None

    @property
    def shown(self) -> bool:
        return self.number is not None


def is_small(count: int) -> bool:
    return 0 < count < MIN_COUNT


def count(number: int) -> Value:
    return Value(FEWER_THAN_5, None) if is_small(number) else Value(f"{number:,}", number)


def share(part: int, whole: int, *, behind: tuple[int, ...] | None = None) -> Value:
    """`part` of `whole` as a whole percentage. `behind`: the counts of people or sessions behind it, when
    the part and whole are not counts themselves (minutes); every one must be 5 or more."""
    held_back = is_small(part) or whole < MIN_COUNT if behind is None else any(number < MIN_COUNT for number in behind)
    if held_back:
        return Value(NOT_SHOWN, None)
    shown = percent(part, whole)
    return Value(f"{shown}%", shown)


def money(amount: Decimal | None) -> Value:
    if amount is None:
        return Value("none recorded", None)
    return Value(f"£{amount:,.2f}", amount)


def decimal(number: Decimal | None, *, behind: int) -> Value:
    """A figure such as an average, held back with fewer than 5 people behind it."""
    if number is None or behind < MIN_COUNT:
        return Value(NOT_SHOWN if behind else "none recorded", None)
    return Value(f"{number:,}", number)
