"""The demo's year of supervision holds whatever day it is loaded (each test loads it afresh, so it is not in
test_demo_supervision.py, whose tests share one demo)."""

from datetime import date, timedelta

import pytest

from portal.management.commands.load_demo import FIRST_TEAM, SECOND_TEAM
from portal.models import User
from supervision.dashboard import DashboardFilters, balance_figures, filtered_people, period_start
from supervision.models import Action, GroupSession, Session, add_months
from tests.supervision.test_demo_supervision import load_demo, overdue_people


def people_on_the_dashboard():
    return filtered_people(User.objects.get(email="manager@example.org"), DashboardFilters())


@pytest.mark.parametrize("day", ["2027-01-04", "2027-03-01", "2027-08-31", "2028-02-29"])
def test_the_demo_story_holds_whatever_day_it_is_loaded(db, day):
    today = date.fromisoformat(day)
    load_demo(today)
    assert overdue_people(today) == {"Kwame Asante", "Zainab Rahman"}
    booked = Session.objects.booked_after(today).get()
    assert timedelta(days=1) <= booked.held_on - today <= timedelta(days=3)
    assert not Session.objects.held_by(today - timedelta(days=15)).filter(locked_at__isnull=True).exists()
    assert Session.objects.filter(supervisee__team__name=FIRST_TEAM).last().held_on <= add_months(today, -12)
    assert Action.objects.overdue(today).count() == 2
    assert GroupSession.objects.filter(held_on__gte=today - timedelta(weeks=26), held_on__lt=today).count() == 24
    # Children in Care drifts to case management, and one session is short, whatever the day.
    figures = balance_figures(people_on_the_dashboard(), period_start(today, 12), today)
    assert [team.team_name for team in figures.drifting] == [SECOND_TEAM]
    assert figures.short_in_period == 1
