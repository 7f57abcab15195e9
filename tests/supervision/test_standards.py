"""The employer standards' own rules: how long may pass between sessions, and how short is too short."""

from datetime import date
from types import SimpleNamespace

import pytest

from supervision.models import Agreement, Frequency
from supervision.standards import DFE_2024, LGA_2020, current_standard

ASYE_START = date(2026, 1, 5)


def person(asye_start_date=None):
    return SimpleNamespace(asye_start_date=asye_start_date)


@pytest.mark.parametrize(
    ("last", "latest_next"),
    [
        (date(2026, 1, 5), date(2026, 1, 12)),  # the first six weeks: weekly
        (date(2026, 2, 15), date(2026, 2, 22)),  # the last day of the sixth week
        (date(2026, 2, 16), date(2026, 3, 2)),  # from the seventh week: fortnightly
        (date(2026, 7, 4), date(2026, 7, 18)),  # the day before six months
        (date(2026, 7, 5), date(2026, 8, 5)),  # six months on: monthly
        (date(2027, 1, 5), date(2027, 2, 5)),  # after the ASYE year: monthly
    ],
)
def test_lga_2020_follows_the_asye_pattern_then_monthly(settings, last, latest_next):
    settings.SUPERVISION_STANDARD = LGA_2020
    assert current_standard().longest_gap(person(ASYE_START), last) == latest_next


def test_lga_2020_is_monthly_for_everyone_else_whatever_their_agreement_says(settings):
    settings.SUPERVISION_STANDARD = LGA_2020
    six_weekly = Agreement(frequency=Frequency.SIX_WEEKLY, starts_on=date(2025, 1, 1))
    assert current_standard().longest_gap(person(), date(2026, 1, 31), six_weekly) == date(2026, 2, 28)


def test_dfe_2024_follows_each_persons_agreement_or_monthly_without_one(settings):
    settings.SUPERVISION_STANDARD = DFE_2024
    fortnightly = Agreement(frequency=Frequency.FORTNIGHTLY, starts_on=date(2025, 1, 1))
    standard = current_standard()
    assert standard.longest_gap(person(ASYE_START), date(2026, 1, 5), fortnightly) == date(2026, 1, 19)
    assert standard.longest_gap(person(), date(2026, 1, 5)) == date(2026, 2, 5)


@pytest.mark.parametrize(("key", "policy", "short", "long_enough"), [(LGA_2020, 30, 89, 90), (DFE_2024, 60, 59, 60)])
def test_a_session_is_short_below_the_standards_minimum(settings, key, policy, short, long_enough):
    settings.SUPERVISION_STANDARD = key
    settings.SUPERVISION_POLICY_MINUTES = policy
    standard = current_standard()
    assert standard.is_short(short)
    assert not standard.is_short(long_enough)
    assert not standard.is_short(None)
    assert f"at least {long_enough} minutes" in standard.describe()
    assert standard.citation.startswith("https://")
