"""Financial quarters: their names, their addresses, and which can be chosen."""

from datetime import date

import pytest

from committee_report.forms import QuarterForm
from committee_report.quarters import FinancialQuarter, complete_quarters, last_complete


@pytest.mark.parametrize(
    ("start", "label", "slug"),
    [
        (date(2026, 4, 1), "Q1 2026 to 2027 (April to June 2026)", "2026-27-q1"),
        (date(2026, 10, 1), "Q3 2026 to 2027 (October to December 2026)", "2026-27-q3"),
        (date(2027, 1, 1), "Q4 2026 to 2027 (January to March 2027)", "2026-27-q4"),
        (date(2099, 1, 1), "Q4 2098 to 2099 (January to March 2099)", "2098-99-q4"),
    ],
)
def test_a_quarter_is_named_by_its_financial_year(start, label, slug):
    quarter = FinancialQuarter(start)
    assert (quarter.label, quarter.slug) == (label, slug)
    assert FinancialQuarter.from_slug(slug) == quarter


def test_the_quarter_before_the_first_is_last_years_fourth():
    assert FinancialQuarter(date(2026, 4, 1)).previous() == FinancialQuarter(date(2026, 1, 1))
    assert FinancialQuarter(date(2026, 1, 1)).last_day == date(2026, 3, 31)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 12, 1), date(2026, 7, 1)),
        (date(2026, 10, 1), date(2026, 7, 1)),
        (date(2026, 9, 30), date(2026, 4, 1)),
        (date(2027, 4, 1), date(2027, 1, 1)),
    ],
)
def test_the_default_is_the_last_complete_quarter(today, expected):
    assert last_complete(today) == FinancialQuarter(expected)


@pytest.mark.parametrize(
    "slug",
    [
        "",
        "nonsense",
        "2026-q3",
        "2026-28-q3",
        "2026-27-q5",
        "2026-27-q0",
        "1999-00-q1",
        "٢٠٢٦-27-q1",
        "2026-27-q3\x00",
        7,
    ],
)
def test_anything_else_names_no_quarter(slug):
    assert FinancialQuarter.from_slug(slug) is None


def test_the_form_offers_two_years_of_complete_quarters_only():
    today = date(2026, 12, 1)
    offered = [slug for slug, _label in QuarterForm(today=today).fields["quarter"].choices]
    assert offered == [quarter.slug for quarter in complete_quarters(today)]
    assert (offered[0], offered[-1], len(offered)) == ("2026-27-q2", "2024-25-q3", 8)
    assert QuarterForm(today=today).chosen() == FinancialQuarter(date(2026, 7, 1))
    assert QuarterForm({"quarter": "2026-27-q1"}, today=today).chosen() == FinancialQuarter(date(2026, 4, 1))
    assert QuarterForm({"quarter": ""}, today=today).chosen() == FinancialQuarter(date(2026, 7, 1))
    for refused in ("2024-25-q2", "nonsense"):  # too old; not a quarter
        form = QuarterForm({"quarter": refused}, today=today)
        assert form.chosen() is None
        assert form.errors["quarter"] == ["Select a quarter from the list"]
    for refused in ("2026-27-q3", "2027-28-q1"):  # not over yet: this quarter, and one to come
        form = QuarterForm({"quarter": refused}, today=today)
        assert form.chosen() is None
        assert form.errors["quarter"] == ["That quarter has not ended yet: choose one that has"]
    # The day after it ends, a quarter is offered.
    assert QuarterForm({"quarter": "2026-27-q3"}, today=date(2027, 1, 1)).chosen() == FinancialQuarter(
        date(2026, 10, 1)
    )
