"""Each section's sentence: up, down or the same as last quarter, and never a small number."""

from decimal import Decimal

import pytest

from committee_report import sentences
from committee_report.numbers import FEWER_THAN_5, NOT_SHOWN, Value, count, decimal, money, share


def pct(number):
    return Value(f"{number}%", number)


NONE = Value(NOT_SHOWN)


@pytest.mark.parametrize(
    ("now", "before", "wording"),
    [
        (82, 74, "Supervision was on time for 82% of people, up from 74% last quarter."),
        (70, 74, "Supervision was on time for 70% of people, down from 74% last quarter."),
        (74, 74, "Supervision was on time for 74% of people, the same as last quarter."),
    ],
)
def test_on_time_says_up_down_or_the_same(now, before, wording):
    assert sentences.on_time(pct(now), pct(before), count(50), count(40)) == wording


def test_on_time_with_small_numbers_gives_no_share():
    assert sentences.on_time(share(3, 40), pct(80), count(40), count(3)) == (
        "Supervision was on time for fewer than 5 of the 40 people with an agreement, so no share is given "
        "(against 80% last quarter)."
    )
    assert sentences.on_time(share(3, 4), NONE, count(4), count(3)) == (
        "Fewer than 5 people had a supervision agreement in force, so no share is given."
    )
    assert sentences.on_time(share(0, 0), NONE, count(0), count(0)) == (
        "Nobody had a supervision agreement in force in the quarter."
    )


@pytest.mark.parametrize(
    ("now", "before", "compared"),
    [
        (47, 25, "up from 25% last quarter"),
        (20, 25, "down from 25% last quarter"),
        (25, 25, "the same as last quarter"),
    ],
)
def test_reflective_time_says_up_down_or_the_same(now, before, compared):
    sentence = sentences.reflective(
        count(20), count(10), count(20), pct(now), pct(before), pct(50), pct(40), minimum_minutes=90
    )
    assert sentence == (
        f"Support and development took {now}% of recorded supervision time, {compared}, and 50% of sessions "
        "with their length recorded were shorter than 90 minutes, up from 40% last quarter."
    )


def test_no_session_lengths_recorded_says_so():
    sentence = sentences.reflective(count(0), count(0), count(0), NONE, NONE, NONE, NONE, minimum_minutes=90)
    assert sentence == "No sessions had their length recorded in the quarter."


def test_few_short_sessions_are_not_counted_out():
    sentence = sentences.reflective(
        count(9), count(3), count(6), pct(47), pct(25), share(3, 9), NONE, minimum_minutes=90
    )
    assert sentence.endswith(
        "and fewer than 5 of the 9 sessions with their length recorded were shorter than 90 minutes."
    )
    assert "3" not in sentence.replace("30", "")


@pytest.mark.parametrize(
    ("now", "before", "compared"),
    [("16.5", "15.0", "up from 15.0"), ("14.0", "15.0", "down from 15.0"), ("15.0", "15.0", "the same as")],
)
def test_caseloads_say_up_down_or_the_same(now, before, compared):
    sentence = sentences.caseloads(
        count(8), decimal(Decimal(now), behind=8), decimal(Decimal(before), behind=8), Value("10", 10), Value("22", 22)
    )
    assert sentence == f"The average caseload was {now} children (from 10 to 22), {compared} last quarter."


def test_caseloads_of_fewer_than_5_people_give_no_average():
    sentence = sentences.caseloads(count(3), decimal(Decimal(12), behind=3), NONE, NONE, NONE)
    assert sentence == "Fewer than 5 people had a caseload recorded, so no average is given."
    assert sentences.caseloads(count(0), decimal(None, behind=0), NONE, NONE, NONE) == (
        "No caseloads were recorded in the quarter."
    )


@pytest.mark.parametrize(
    ("now", "before", "compared"),
    [(2, 1, "up from 1 last quarter"), (1, 2, "down from 2 last quarter"), (2, 2, "the same as last quarter")],
)
def test_coverage_says_up_down_or_the_same(now, before, compared):
    sentence = sentences.coverage(3, Value(str(now), now), Value(str(before), before), not_given=0)
    verb = "was" if now == 1 else "were"
    assert (
        sentence == f"{now} of 3 coverage targets with enough people to report {verb} met at the end of the quarter, "
        f"{compared}."
    )


def test_coverage_says_how_many_targets_count_too_few_people():
    sentence = sentences.coverage(3, Value("1", 1), Value("1", 1), not_given=1)
    assert sentence.endswith("; 1 more counts fewer than 5 people.")
    assert sentences.coverage(0, Value("0", 0), Value("0", 0), 0) == "No training coverage targets are set."


@pytest.mark.parametrize(
    ("now", "before", "wording"),
    [
        (9, 7, "Required training had lapsed in 9 cases at the end of the quarter, up from 7 last quarter."),
        (6, 7, "Required training had lapsed in 6 cases at the end of the quarter, down from 7 last quarter."),
        (7, 7, "Required training had lapsed in 7 cases at the end of the quarter, the same as last quarter."),
        (3, 7, "Required training had lapsed in fewer than 5 cases at the end of the quarter, against 7 last quarter."),
        (7, 2, "Required training had lapsed in 7 cases at the end of the quarter, against fewer than 5 last quarter."),
        (0, 0, "No required training had lapsed at the end of the quarter, the same as last quarter."),
    ],
)
def test_lapsed_training_says_up_down_or_the_same_and_hides_small_counts(now, before, wording):
    assert sentences.lapsed(count(now), count(before), courses=2) == wording


@pytest.mark.parametrize(
    ("now", "compared"),
    [(1500, "up from £1,000.00"), (500, "down from £1,000.00"), (1000, "the same as")],
)
def test_spend_says_up_down_or_the_same(now, compared):
    sentence = sentences.spend(
        money(Decimal(now)), money(Decimal(1000)), money(Decimal(2500)), money(Decimal(10000)), pct(25), "2026 to 2027"
    )
    assert sentence == (
        f"£{now:,}.00 was spent on training in the quarter, {compared} last quarter, making £2,500.00 of the "
        "£10,000.00 budget for 2026 to 2027 (25%) by the end of the quarter."
    )


def test_spend_without_a_budget_says_so():
    sentence = sentences.spend(
        money(Decimal(5)), money(Decimal(0)), money(Decimal(5)), money(None), NONE, "2026 to 2027"
    )
    assert (
        sentence
        == "£5.00 was spent on training in the quarter, up from £0.00 last quarter; no training budget is recorded "
        "for 2026 to 2027."
    )


@pytest.mark.parametrize(
    ("now", "before", "compared"),
    [(30, 25, "up from 25"), (20, 25, "down from 25"), (25, 25, "the same as")],
)
def test_families_say_up_down_or_the_same(now, before, compared):
    sentence = sentences.families(
        count(now), count(before), ("Listens to me", pct(90)), ("Can get hold of them", pct(60))
    )
    assert sentence == (
        f"{now} families answered, {compared} last quarter; the most agreed statement was “Listens to me” (90%) "
        "and the least “Can get hold of them” (60%)."
    )


def test_families_with_few_or_no_answers():
    assert sentences.families(count(3), count(10), None, None) == (
        "Fewer than 5 families answered in the quarter, so their figures are not shown."
    )
    assert sentences.families(count(0), count(10), None, None) == "No families’ feedback was received in the quarter."


def test_small_counts_and_shares_are_held_back():
    assert [count(number).text for number in (0, 1, 4, 5, 1234)] == ["0", FEWER_THAN_5, FEWER_THAN_5, "5", "1,234"]
    assert share(4, 40).text == NOT_SHOWN  # the part is small
    assert share(3, 4).text == NOT_SHOWN  # the whole is small
    assert share(0, 40).text == "0%"
    assert share(36, 40).text == "90%"
    assert share(210, 450, behind=(4,)).text == NOT_SHOWN  # minutes of fewer than 5 sessions
    assert share(210, 450, behind=(6,)).text == "47%"
