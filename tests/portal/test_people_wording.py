"""How people pages and the audit trail write values: words and dates, never Python's None or ISO dates."""

import re

import pytest
from django.urls import reverse

from portal import audit
from portal.models import AuditEvent, AuditKind
from tests.factories import UserFactory


@pytest.fixture
def manager_client(client, service_manager):
    client.force_login(service_manager)
    # Signing in is itself audited: start each test from an empty trail.
    AuditEvent.objects.all().delete()
    return client


def cells(html: str) -> str:
    """The page with tags taken out, so ">None<" and "None" in any cell are caught alike."""

    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_person_page_says_not_set_for_an_empty_leaving_date_and_line_manager(manager_client, team):
    person = UserFactory(team=team, line_manager=None, leaving_date=None)
    text = cells(manager_client.get(reverse("people:person", args=[person.pk])).text)
    assert "Line manager Not set" in text
    assert "Leaving date Not set" in text
    assert " None " not in text


def test_with_sso_a_linked_council_account_is_mentioned_once(manager_client, team, settings):
    from allauth.socialaccount.models import SocialAccount

    settings.OIDC_ISSUER_URL = "https://login.example.org/tenant/v2.0"
    person = UserFactory(team=team)
    person.set_unusable_password()
    person.save()
    SocialAccount.objects.create(user=person, provider="council", uid="subject-1")
    text = cells(manager_client.get(reverse("people:person", args=[person.pk])).text)
    assert "They do not need an invitation: they sign in with their council account." in text
    assert text.count("council account") == 1


def test_the_list_says_not_set_for_an_empty_line_manager(manager_client, team):
    UserFactory(team=team, full_name="Ola Alone", line_manager=None)
    html = manager_client.get(reverse("people:list"), {"q": "Ola Alone"}).text
    assert '<td class="govuk-table__cell">Not set</td>' in html
    assert '<td class="govuk-table__cell">None</td>' not in html


def test_the_person_page_counts_one_event_in_the_singular(manager_client, team, service_manager):
    person = UserFactory(team=team)
    audit.record(AuditKind.PERSON_CHANGED, actor=service_manager, subject=person, summary="Moved")
    text = manager_client.get(reverse("people:person", args=[person.pk])).text
    assert f"The last 1 event about {person.full_name}" in text
    assert "1 events" not in text


def test_the_person_page_counts_several_events_in_the_plural(manager_client, team, service_manager):
    person = UserFactory(team=team)
    for _ in range(2):
        audit.record(AuditKind.PERSON_CHANGED, actor=service_manager, subject=person, summary="Moved")
    assert (
        f"The last 2 events about {person.full_name}"
        in manager_client.get(reverse("people:person", args=[person.pk])).text
    )


CHANGES = {
    "leaving_date": [None, "2026-12-01"],
    "line_manager": ["", "Tom Okafor"],
    "second factors": [["Authenticator app", "Recovery codes"], []],
    "is_active": [True, False],
    "job_title": ["None", "Senior Social Worker"],
}


@pytest.mark.parametrize("page", ["trail", "person"])
def test_changes_are_in_words_with_dates_as_the_site_writes_them(manager_client, team, service_manager, page):
    person = UserFactory(team=team)
    event = audit.record(AuditKind.PERSON_CHANGED, actor=service_manager, subject=person, changes=CHANGES)
    url = reverse("people:audit") if page == "trail" else reverse("people:person", args=[person.pk])
    text = manager_client.get(url).text
    assert "Leaving date: Not set → 1 December 2026" in text
    assert "Line manager: Not set → Tom Okafor" in text
    assert "Second factors: Authenticator app, Recovery codes → Not set" in text
    assert "Is active: Yes → No" in text
    assert "Job title: Not set → Senior Social Worker" in text
    assert "2026-12-01" not in text
    assert "None →" not in text
    assert "→ None" not in text
    # What is stored stays as it was written.
    event.refresh_from_db()
    assert event.changes == CHANGES
