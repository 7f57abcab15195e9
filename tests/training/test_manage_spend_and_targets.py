"""The training coordinator's budget and spend, and the coverage targets."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from portal.roles import Role
from tests.dates import as_typed
from tests.factories import CourseFactory, ProgrammeFactory
from training.models import Budget, CoverageTarget, Spend, financial_year_bounds, financial_year_of

# --- Spend -----------------------------------------------------------------------------------


def test_coordinator_sets_the_budget_and_records_spend(client, coordinator):
    today = timezone.localdate()
    year = financial_year_of(today)
    client.force_login(coordinator)
    url = reverse("training:spend")
    response = client.post(f"{url}?year={year}", {"set_budget": "", "budget-amount": "20000"})
    assert response.url == f"{url}?year={year}"
    assert Budget.objects.get(year=year).amount == Decimal("20000")
    course = CourseFactory()
    for amount, description in (("1250.50", "Invoice 101"), ("499.50", "Invoice 102")):
        client.post(
            f"{url}?year={year}",
            {
                "record_spend": "",
                "spend-spent_on": as_typed(today),
                "spend-amount": amount,
                "spend-description": description,
                "spend-course": course.pk,
            },
        )
    last_year_start, _ = financial_year_bounds(year - 1)
    Spend.objects.create(spent_on=last_year_start, amount=900, description="Old invoice", recorded_by=coordinator)
    body = client.get(url).content.decode()
    assert "£20,000.00" in body
    assert "£1,750.00" in body  # spent this year; last year's invoice is not counted
    assert "£18,250.00" in body  # left
    assert "Old invoice" not in body
    body = client.get(url, {"year": year - 1}).content.decode()
    assert "Old invoice" in body
    assert "Not set" in body


def test_overspending_is_shown_in_words(client, coordinator):
    today = timezone.localdate()
    Budget.objects.create(year=financial_year_of(today), amount=100)
    Spend.objects.create(spent_on=today, amount=150, description="Conference", recorded_by=coordinator)
    client.force_login(coordinator)
    body = client.get(reverse("training:spend")).content.decode()
    assert "Over budget" in body
    assert "£50.00" in body


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"spend-amount": "-20"}, "The amount must be more than £0"),
        ({"spend-amount": "0"}, "The amount must be more than £0"),
        ({"spend-amount": "12.345"}, "Enter an amount in pounds and pence, like 99.50"),
        ({"spend-amount": "lots"}, "Enter an amount in pounds, like 1250 or 99.50"),
        ({"spend-amount": "100000000"}, "Enter an amount less than £100,000,000"),
        ({"spend-spent_on": "32 1 2027"}, "Enter a real date, like 27 3 2027"),
        ({"spend-description": ""}, "Enter what the money was for"),
    ],
)
def test_bad_spend_gets_clear_errors(client, coordinator, data, message):
    client.force_login(coordinator)
    post = {
        "record_spend": "",
        "spend-spent_on": as_typed(timezone.localdate()),
        "spend-amount": "10",
        "spend-description": "Books",
        **data,
    }
    response = client.post(reverse("training:spend"), post)
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert message in body
    assert not Spend.objects.exists()


def test_a_negative_budget_is_refused(client, coordinator):
    client.force_login(coordinator)
    response = client.post(reverse("training:spend"), {"set_budget": "", "budget-amount": "-1"})
    assert "The amount cannot be negative" in response.content.decode()
    assert not Budget.objects.exists()


def test_a_garbled_year_falls_back_to_this_year(client, coordinator):
    client.force_login(coordinator)
    response = client.get(reverse("training:spend"), {"year": "<script>"})
    assert response.status_code == 200
    assert f"April {financial_year_of(timezone.localdate())} to March" in response.content.decode()


# --- Coverage targets ------------------------------------------------------------------------


def test_coordinator_adds_and_removes_targets_and_a_clash_is_explained(client, coordinator):
    programme = ProgrammeFactory(name="Systemic practice")
    client.force_login(coordinator)
    url = reverse("training:targets")
    data = {"programme": programme.pk, "level": "introductory", "role": "", "target_percent": "90"}
    assert client.post(url, data).status_code == 302
    target = CoverageTarget.objects.get()
    assert (target.role, target.target_percent) == (None, 90)

    response = client.post(url, {**data, "target_percent": "80"})
    body = response.content.decode()
    assert "govuk-error-summary" in body
    assert "There is already a target for all staff at introductory level in Systemic practice" in body
    assert CoverageTarget.objects.count() == 1

    workers = Group.objects.get(name=Role.SOCIAL_WORKER)
    assert client.post(url, {**data, "role": workers.pk}).status_code == 302
    assert CoverageTarget.objects.count() == 2

    client.post(url, {"remove": target.pk})
    assert list(CoverageTarget.objects.values_list("role", flat=True)) == [workers.pk]
    assert client.post(url, {"remove": "nonsense"}).status_code == 404


@pytest.mark.parametrize("percent", ["0", "101", "-5", "half"])
def test_target_percent_must_be_1_to_100(client, coordinator, percent):
    client.force_login(coordinator)
    response = client.post(
        reverse("training:targets"),
        {"programme": ProgrammeFactory().pk, "level": "introductory", "target_percent": percent},
    )
    assert "from 1 to 100" in response.content.decode()
    assert not CoverageTarget.objects.exists()
