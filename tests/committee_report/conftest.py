"""The committee report's world: a service with seven social workers supervised, trained and asked about
over the first two quarters of the financial year 2026 to 2027, and another service's records that must
never count. `hand_computed` holds every figure, worked out by hand from the comments below."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from committee_report.quarters import FinancialQuarter
from portal.roles import Role
from supervision.models import Session
from tests.factories import (
    AgreementFactory,
    BookingFactory,
    CourseDateFactory,
    CourseFactory,
    ProgrammeFactory,
    SessionFactory,
    TeamFactory,
    UserFactory,
)
from tests.family_survey.conftest import add_responses
from training.models import Budget, CoverageTarget, Spend

TODAY = date(2026, 12, 1)
Q1 = FinancialQuarter(date(2026, 4, 1))  # April to June 2026
Q2 = FinancialQuarter(date(2026, 7, 1))  # July to September 2026: the quarter reported on


def supervise(person, supervisor, day, *, minutes=None, split=None, caseload=17):
    """A session on `day`; `split` is (management, support, development, mediation) minutes."""
    balance = {}
    if split:
        balance = dict(
            zip(
                ("minutes_management", "minutes_support", "minutes_development", "minutes_mediation"),
                split,
                strict=True,
            )
        )
    return SessionFactory(
        supervisee=person, supervisor=supervisor, held_on=day, minutes=minutes, caseload_children=caseload, **balance
    )


def course_on(course, day: date):
    starts = timezone.make_aware(datetime.combine(day, time(9, 30)))
    return CourseDateFactory(course=course, starts_at=starts, ends_at=starts + timedelta(hours=7))


def completed(person, course, day: date):
    return BookingFactory(course_date=course_on(course, day), person=person, attendance="attended", completed_on=day)


MONTHLY_10TH = [date(2026, month, 10) for month in range(3, 10)]  # 10 March to 10 September


@pytest.fixture
def committee_world(team, service_manager):
    supervisor = UserFactory(team=team, roles=[Role.SUPERVISOR], job_title="Team Manager")
    a, b, c, d, e, f, g = (UserFactory(team=team, roles=[Role.SOCIAL_WORKER]) for _ in range(7))
    for person in (a, b, c, d, e, f):
        AgreementFactory(supervisee=person, supervisor=supervisor, starts_on=date(2026, 1, 5))
    AgreementFactory(supervisee=g, supervisor=supervisor, starts_on=date(2026, 7, 1))

    # On time: A to D monthly on the 10th throughout. E misses July (10 June, then 20 August): late in Q2.
    # F goes from 1 March to 15 May: late in Q1, then monthly. G starts on 1 July and is seen in time.
    # Q1: 5 of A to F on time (83%); Q2: 6 of the 7 (86%).
    # Lengths and balance. Q2: A's three sessions 90 minutes (30, 30, 20, 10: 50 reflective), B's three
    # 60 minutes (40, 10, 10, 0: 20 reflective), C's three 120 minutes with no split: 9 timed, 3 short
    # (fewer than 5: no share), 6 balanced, 210 of 450 minutes reflective (47%).
    # Q1: D's and E's three sessions each 60 minutes (45, 10, 5, 0): 6 timed, all short (100%), 90 of
    # 360 minutes reflective (25%).
    # Caseloads, each person's last in the quarter. Q2: A 10 (40 in July, not counted), B 12, C 14, D 16,
    # E 18, F 20, G 22: average 16.0, 10 to 22. Q1: A 30, the others 17: average 19.2, 17 to 30.
    q2_split = {a: (90, (30, 30, 20, 10)), b: (60, (40, 10, 10, 0)), c: (120, None)}
    q1_split = {d: (60, (45, 10, 5, 0)), e: (60, (45, 10, 5, 0))}
    last_q2 = {a: 10, b: 12, c: 14, d: 16, e: 18, f: 20, g: 22}
    for person in (a, b, c, d):
        for day in MONTHLY_10TH:
            minutes, split = (q2_split if day >= Q2.start else q1_split).get(person, (None, None))
            caseload = 17
            if day == date(2026, 6, 10) and person == a:
                caseload = 30
            elif day == date(2026, 9, 10):
                caseload = last_q2[person]
            elif day == date(2026, 7, 10) and person == a:
                caseload = 40
            supervise(person, supervisor, day, minutes=minutes, split=split, caseload=caseload)
    for day in MONTHLY_10TH[:4]:  # 10 March to 10 June
        minutes, split = q1_split[e] if day >= Q1.start else (None, None)
        supervise(e, supervisor, day, minutes=minutes, split=split)
    supervise(e, supervisor, date(2026, 8, 20))
    supervise(e, supervisor, date(2026, 9, 15), caseload=last_q2[e])
    supervise(f, supervisor, date(2026, 3, 1))
    supervise(f, supervisor, date(2026, 5, 15))
    for day in MONTHLY_10TH[3:]:  # 10 June to 10 September
        supervise(f, supervisor, day, caseload=last_q2[f] if day.month == 9 else 17)
    for day in (date(2026, 7, 20), date(2026, 8, 15), date(2026, 9, 10)):
        supervise(g, supervisor, day, caseload=last_q2[g] if day.month == 9 else 17)
    # A session booked after the quarter and one in October count for neither quarter.
    supervise(a, supervisor, date(2026, 10, 10), minutes=30, split=(30, 0, 0, 0), caseload=99)

    # Training. Target: half of social workers at least introductory systemic practice, by course 1 (required
    # for social workers, refreshed yearly). A to D completed it on 1 May 2026, E on 1 August 2026: 4 of 7
    # at the end of Q1 (fewer than 5: no share), 5 of 7 (71%, met) at the end of Q2. F's 2025 completion ran
    # out on 1 March 2026: lapsed in both quarters; G never did it: missing, not lapsed.
    # Course 2 (another programme, required, yearly): A to F completed it on 15 May 2025, so it had run out
    # for all six by the end of Q1; A renewed it on 20 July 2026. Lapsed: Q1 1 + 6 = 7, Q2 1 + 5 = 6.
    social_worker = Group.objects.get(name=Role.SOCIAL_WORKER)
    systemic = ProgrammeFactory(name="Systemic practice")
    course_1 = CourseFactory(programme=systemic, title="Systemic practice foundations", refresh_months=12)
    course_2 = CourseFactory(
        programme=ProgrammeFactory(name="Safeguarding"), title="Signs of Safety refresher day", refresh_months=12
    )
    course_1.required_for.add(social_worker)
    course_2.required_for.add(social_worker)
    CoverageTarget.objects.create(programme=systemic, level="introductory", role=social_worker, target_percent=50)
    for person in (a, b, c, d):
        completed(person, course_1, date(2026, 5, 1))
    completed(e, course_1, date(2026, 8, 1))
    completed(f, course_1, date(2025, 3, 1))
    for person in (a, b, c, d, e, f):
        completed(person, course_2, date(2025, 5, 15))
    completed(a, course_2, date(2026, 7, 20))

    # Spend: £700 in March 2026 (the year before), £1,000 in May and £1,500 in August; budget £10,000.
    for day, amount in ((date(2026, 3, 15), 700), (date(2026, 5, 1), 1000), (date(2026, 8, 1), 1500)):
        Spend.objects.create(spent_on=day, amount=Decimal(amount), description="Places", recorded_by=service_manager)
    Budget.objects.create(year=2026, amount=Decimal(10000))

    # Families: 6 answers in August, all "agree" (4); 3 in May (fewer than 5).
    add_responses(6, team=team, month=date(2026, 8, 1), score=4)
    add_responses(3, team=team, month=date(2026, 5, 1), score=5)

    # Another service: none of this counts.
    elsewhere = TeamFactory(name="Elsewhere", service__name="Another council's service")
    outsider, their_supervisor = UserFactory(team=elsewhere, roles=[Role.SOCIAL_WORKER]), UserFactory(team=elsewhere)
    AgreementFactory(supervisee=outsider, supervisor=their_supervisor, starts_on=date(2026, 1, 5))
    supervise(outsider, their_supervisor, date(2026, 8, 10), minutes=10, split=(10, 0, 0, 0), caseload=150)
    completed(outsider, course_1, date(2026, 8, 1))
    Spend.objects.create(spent_on=date(2026, 8, 2), amount=Decimal(9999), description="Theirs", recorded_by=outsider)
    add_responses(8, team=elsewhere, month=date(2026, 8, 1), score=1)
    assert Session.objects.count() > 40
    return {"supervisor": supervisor, "people": [a, b, c, d, e, f, g], "course_1": course_1, "course_2": course_2}
