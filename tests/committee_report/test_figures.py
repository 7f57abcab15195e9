"""Every figure in the report, against values worked out by hand (tests/committee_report/conftest.py says how),
for the quarter reported on (July to September 2026) and the one before (April to June 2026)."""

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.test import override_settings

from committee_report import figures
from committee_report.quarters import FinancialQuarter
from committee_report.report import report_for
from supervision.dashboard import people_in_scope
from supervision.models import Agreement, Frequency
from supervision.standards import current_standard
from tests.committee_report.conftest import Q1, Q2, TODAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(committee_world, service_manager):
    return people_in_scope(service_manager)


def test_supervision_on_time_by_the_standard(people):
    found = figures.on_time(people, [Q1, Q2], current_standard(), TODAY)
    assert found[Q1] == figures.OnTime(people=6, on_time=5)
    assert found[Q2] == figures.OnTime(people=7, on_time=6)


def test_length_and_reflective_time_of_sessions(people):
    found = figures.session_time(people, [Q1, Q2], current_standard(), TODAY)
    assert found[Q1] == figures.SessionTime(
        held=17, timed=6, short=6, balanced=6, balanced_minutes=360, reflective_minutes=90
    )
    assert found[Q2] == figures.SessionTime(
        held=20, timed=9, short=3, balanced=6, balanced_minutes=450, reflective_minutes=210
    )


def test_caseloads_count_each_persons_last_in_the_quarter(people):
    found = figures.caseloads(people, [Q1, Q2], TODAY)
    assert found[Q1] == figures.Caseloads(6, Decimal("19.2"), 17, 30)
    assert found[Q2] == figures.Caseloads(7, Decimal("16.0"), 10, 22)


def test_training_coverage_and_lapses_on_each_quarters_last_day(committee_world, service_manager):
    found = figures.training(service_manager, [Q1, Q2])
    (target_q1,), (target_q2,) = found[Q1].targets, found[Q2].targets
    assert (target_q1.share.population, target_q1.share.trained) == (7, 4)  # E's August course not yet done
    assert (target_q2.share.population, target_q2.share.trained, target_q2.share.percent) == (7, 5, 71)
    assert target_q2.name == "Systemic practice, at least introductory: social workers"
    assert [(course.title, course.lapsed) for course in found[Q1].lapsed] == [
        ("Signs of Safety refresher day", 6),
        ("Systemic practice foundations", 1),
    ]
    assert [course.lapsed for course in found[Q2].lapsed] == [5, 1]  # A renewed in July
    assert (found[Q1].lapsed_total, found[Q2].lapsed_total) == (7, 6)


def test_spend_in_the_quarter_and_the_financial_year_to_date(committee_world, service_manager):
    found = figures.spend(service_manager, [Q1, Q2])
    assert found[Q1] == figures.Spend("2026 to 2027", Decimal(1000), Decimal(1000), Decimal(10000))
    assert found[Q2] == figures.Spend("2026 to 2027", Decimal(1500), Decimal(2500), Decimal(10000))


def test_spend_in_the_first_quarter_sets_it_against_the_new_years_budget(committee_world, service_manager):
    q4 = FinancialQuarter(date(2026, 1, 1))  # January to March 2026: financial year 2025 to 2026
    found = figures.spend(service_manager, [q4, Q1])
    assert found[q4] == figures.Spend("2025 to 2026", Decimal(700), Decimal(700), None)
    assert found[Q1].budget == Decimal(10000)


def test_families_feedback_in_each_quarter(committee_world, service_manager):
    found = figures.families(service_manager, [Q1, Q2])
    assert found[Q2].responses == 6
    assert found[Q2].statements["listens"].percent_agreed == 100
    assert found[Q2].statements["listens"].average == 4.0
    assert found[Q1].responses == 3
    assert not found[Q1].shown


def test_the_whole_report_as_the_page_and_csv_show_it(committee_world, service_manager):
    report = report_for(service_manager, Q2, TODAY)
    rows = {(section, figure): (now, before) for section, figure, now, before in report.csv_rows()}
    assert rows["Supervision on time", "Share on time"] == ("86%", "83%")
    assert rows["Supervision on time", "People whose supervision was on time"] == ("6", "5")
    reflective = "Reflective supervision and session length"
    assert rows[reflective, "Share of recorded time spent on support and development"] == ("47%", "25%")
    assert rows[reflective, "Sessions shorter than 90 minutes"] == ("fewer than 5", "6")
    assert rows[reflective, "Share of sessions shorter than 90 minutes"] == ("not shown [note 1]", "100%")
    assert rows["Caseloads", "Average caseload (children)"] == ("16.0", "19.2")
    assert rows["Caseloads", "Smallest to largest caseload (children)"] == ("10 to 22", "17 to 30")
    coverage = "Training coverage against targets"
    target = "Systemic practice, at least introductory: social workers (target 50%)"
    assert rows[coverage, target] == ("71%", "not shown [note 1]")
    assert rows[coverage, "Targets met"] == ("1", "0")
    lapsed = "Lapsed required training"
    assert rows[lapsed, "Systemic practice foundations"] == ("fewer than 5", "fewer than 5")
    assert rows[lapsed, "All required training"] == ("6", "7")
    spend = "Training spend against budget"
    assert rows[spend, "Spent in the quarter"] == ("£1,500.00", "£1,000.00")
    assert rows[spend, "Share of the year's budget spent"] == ("25%", "10%")
    families = "Families’ feedback"
    assert rows[families, "Families who answered"] == ("6", "fewer than 5")
    assert rows[families, "“Listens to me”: share who agreed"] == ("100%", "fewer than 5 answers")
    sentences = {section.key: section.sentence for section in report.sections}
    assert sentences["on-time"] == "Supervision was on time for 86% of people, up from 83% last quarter."
    assert sentences["reflective"] == (
        "Support and development took 47% of recorded supervision time, up from 25% last quarter, and fewer "
        "than 5 of the 9 sessions with their length recorded were shorter than 90 minutes."
    )
    assert (
        sentences["caseloads"] == "The average caseload was 16.0 children (from 10 to 22), down from 19.2 last quarter."
    )
    assert sentences["coverage"] == (
        "1 of 1 coverage target with enough people to report was met at the end of the quarter, up from 0 last quarter."
    )
    assert (
        sentences["lapsed"]
        == "Required training had lapsed in 6 cases at the end of the quarter, down from 7 last quarter."
    )
    assert sentences["spend"] == (
        "£1,500.00 was spent on training in the quarter, up from £1,000.00 last quarter, making £2,500.00 of the "
        "£10,000.00 budget for 2026 to 2027 (25%) by the end of the quarter."
    )
    assert sentences["families"].startswith("6 families answered, against fewer than 5 last quarter")


# --- The standard's rule, person by person ------------------------------------------------------


def _agreement(starts_on, frequency=Frequency.MONTHLY):
    return Agreement(starts_on=starts_on, ended_on=None, frequency=frequency)


def test_a_session_on_its_due_date_is_on_time_and_a_day_later_is_not():
    standard, person = current_standard(), SimpleNamespace(asye_start_date=None)
    agreements = [_agreement(date(2026, 1, 5))]
    assert not figures.was_on_time(person, agreements, [date(2026, 6, 10), date(2026, 7, 10)], Q2, standard)
    assert figures.was_on_time(
        person, agreements, [date(2026, 6, 10), date(2026, 7, 10), date(2026, 8, 10), date(2026, 9, 10)], Q2, standard
    )
    assert not figures.was_on_time(
        person, agreements, [date(2026, 6, 10), date(2026, 7, 11), date(2026, 8, 10), date(2026, 9, 10)], Q2, standard
    )


def test_nobody_seen_for_months_is_late_from_the_first_day():
    standard, person = current_standard(), SimpleNamespace(asye_start_date=None)
    assert not figures.was_on_time(person, [_agreement(date(2025, 1, 5))], [date(2026, 7, 2)], Q2, standard)


def test_no_agreement_in_force_is_not_counted():
    standard, person = current_standard(), SimpleNamespace(asye_start_date=None)
    assert figures.was_on_time(person, [_agreement(date(2026, 10, 1))], [], Q2, standard) is None


def test_the_lga_standard_wants_an_asye_worker_seen_weekly_at_first():
    standard = current_standard()
    asye = SimpleNamespace(asye_start_date=date(2026, 7, 1))
    monthly = [date(2026, 7, 1), date(2026, 8, 1), date(2026, 9, 1)]
    agreements = [_agreement(date(2026, 7, 1))]
    assert not figures.was_on_time(asye, agreements, monthly, Q2, standard)
    assert figures.was_on_time(SimpleNamespace(asye_start_date=None), agreements, monthly, Q2, standard)


@override_settings(SUPERVISION_STANDARD="dfe-2024")
def test_the_dfe_standard_measures_against_each_agreements_frequency():
    standard, person = current_standard(), SimpleNamespace(asye_start_date=None)
    monthly = [date(2026, 6, 10), date(2026, 7, 10), date(2026, 8, 10), date(2026, 9, 10)]
    assert figures.was_on_time(person, [_agreement(date(2026, 1, 5))], monthly, Q2, standard)
    assert not figures.was_on_time(person, [_agreement(date(2026, 1, 5), Frequency.FORTNIGHTLY)], monthly, Q2, standard)
