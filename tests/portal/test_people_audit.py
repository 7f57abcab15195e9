"""The portal-wide audit trail page, its filters, and pruning it after the retention period."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from portal import audit
from portal.models import AuditEvent, AuditKind
from portal.roles import Role
from tests.dates import as_typed
from tests.factories import UserFactory


@pytest.fixture
def manager_client(client, service_manager):
    client.force_login(service_manager)
    # Signing in is itself audited: start each test from an empty trail.
    AuditEvent.objects.all().delete()
    return client


def shown(response) -> list[AuditEvent]:
    return list(response.context["page"].object_list)


def test_the_trail_filters_by_kind_person_and_dates(manager_client, worker, service_manager):
    signed_in = audit.record(AuditKind.SIGN_IN, actor=worker, subject=worker)
    failed = audit.record(AuditKind.SIGN_IN_FAILED, identifier="stranger@example.org")
    changed = audit.record(AuditKind.PERSON_CHANGED, actor=service_manager, subject=worker, summary="New team")
    AuditEvent.objects.filter(pk=changed.pk).update(at=timezone.now() - timedelta(days=40))
    url = reverse("people:audit")
    assert shown(manager_client.get(url)) == [failed, signed_in, changed]
    assert shown(manager_client.get(url, {"kind": AuditKind.SIGN_IN_FAILED})) == [failed]
    assert shown(manager_client.get(url, {"person": "stranger"})) == [failed]
    assert shown(manager_client.get(url, {"person": worker.email.upper()})) == [signed_in, changed]
    since = as_typed(timezone.localdate() - timedelta(days=1))
    assert shown(manager_client.get(url, {"since": since})) == [failed, signed_in]
    until = as_typed(timezone.localdate() - timedelta(days=30))
    assert shown(manager_client.get(url, {"until": until})) == [changed]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"since": "31 2 2027"}, "Enter a real date"),
        ({"kind": "nonsense"}, "Select what happened from the list"),
        ({"since": "2 3 2027", "until": "1 3 2027"}, "must be the same as or after"),
    ],
)
def test_bad_filters_get_a_specific_message(manager_client, params, message):
    response = manager_client.get(reverse("people:audit"), params)
    assert response.status_code == 200
    assert message in response.text


def test_a_nul_byte_in_a_filter_gets_the_bad_request_page(manager_client):
    assert manager_client.get(reverse("people:audit"), {"person": "x\x00"}).status_code == 400


def test_the_trail_shows_before_and_after_in_words(manager_client, worker, service_manager):
    audit.record(
        AuditKind.PERSON_CHANGED,
        actor=service_manager,
        subject=worker,
        summary="Moved",
        changes={"line_manager": [None, "Tom Okafor"], "roles": [["Social worker"], ["Social worker", "Supervisor"]]},
    )
    text = manager_client.get(reverse("people:audit")).text
    assert "Line manager: Not set → Tom Okafor" in text
    assert "Roles: Social worker → Social worker, Supervisor" in text


def test_the_trail_is_paginated_with_bounded_queries(manager_client, team, django_assert_max_num_queries):
    people = [UserFactory(team=team) for _ in range(5)]
    AuditEvent.objects.bulk_create(
        AuditEvent(kind=AuditKind.SIGN_IN, actor=people[n % 5], subject=people[n % 5], subject_name=f"P {n}")
        for n in range(120)
    )
    with django_assert_max_num_queries(12):
        response = manager_client.get(reverse("people:audit"))
    assert len(shown(response)) == 50
    assert "Page 1 of 3" in response.text
    with django_assert_max_num_queries(12):
        assert len(shown(manager_client.get(reverse("people:audit"), {"page": "3"}))) == 20


def test_prune_deletes_only_events_older_than_the_retention_period(db, settings, capsys):
    settings.PORTAL_AUDIT_RETENTION_YEARS = 2
    old = audit.record(AuditKind.SIGN_IN, identifier="old@example.org")
    kept = audit.record(AuditKind.SIGN_IN, identifier="kept@example.org")
    AuditEvent.objects.filter(pk=old.pk).update(at=timezone.now() - timedelta(days=2 * 366 + 1))
    AuditEvent.objects.filter(pk=kept.pk).update(at=timezone.now() - timedelta(days=2 * 365 - 2))
    call_command("prune_audit_events", "--dry-run")
    assert "1 audit event older than 2 years would be deleted" in capsys.readouterr().out
    assert AuditEvent.objects.count() == 2
    call_command("prune_audit_events")
    assert list(AuditEvent.objects.all()) == [kept]


def test_the_privacy_notice_gives_the_audit_retention_and_what_happens_to_leavers(client, db, settings):
    settings.PORTAL_AUDIT_RETENTION_YEARS = 3
    text = client.get(reverse("privacy")).text
    assert "who added or changed a person’s team, line manager or roles, and when): 3 years" in text
    assert "When you leave, your account is closed on your leaving date" in text


@pytest.mark.parametrize(
    ("role", "tiles"),
    [
        (Role.SERVICE_MANAGER, {"Manage people", "Audit trail"}),
        (Role.PEOPLE_ADMINISTRATOR, {"Manage people"}),
        (Role.SUPERVISOR, set()),
        (Role.SOCIAL_WORKER, set()),
    ],
)
def test_the_staff_home_links_to_people_management_and_the_trail_for_those_who_may(client, team, role, tiles):
    client.force_login(UserFactory(team=team, roles=[role]))
    titles = {destination.title for destination in client.get(reverse("staff-home")).context["destinations"]}
    assert titles & {"Manage people", "Audit trail"} == tiles


def test_the_people_directory_links_to_management_for_those_who_may(client, team):
    client.force_login(UserFactory(team=team, roles=[Role.PEOPLE_ADMINISTRATOR]))
    assert reverse("people:list") in client.get(reverse("people")).text
    client.force_login(UserFactory(team=team, roles=[Role.SUPERVISOR]))
    assert reverse("people:list") not in client.get(reverse("people")).text
