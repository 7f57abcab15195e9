import re
from datetime import date, datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command

from supervision.models import (
    Action,
    Addendum,
    Agreement,
    AuditAction,
    AuditEntry,
    CaseDiscussion,
    CriticalReflection,
    GroupSession,
    Preparation,
    RecordType,
    Session,
)
from supervision.retention import expired_records, years_before
from tests.factories import ActionFactory, AgreementFactory, GroupSessionFactory, SessionFactory, UserFactory

TODAY = date(2025, 11, 30)
# Six years before TODAY: anything dated before this is past retention. TODAY is in the past, as
# --delete refuses a date after the real today.
CUTOFF = date(2019, 11, 30)
LONDON = ZoneInfo("Europe/London")


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=LONDON)


def run(*args, today=TODAY):
    out = StringIO()
    call_command("supervision_retention", f"--date={today.isoformat()}", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def records(worker, supervisor, facilitator):
    """Records either side of the six-year line, named for what should happen to them."""
    old_session = SessionFactory(supervisee=worker, supervisor=supervisor, held_on=date(2019, 11, 29))
    CaseDiscussion.objects.create(session=old_session, case_reference="CS-1", discussion="A family moving away.")
    ActionFactory(session=old_session, due_on=date(2019, 12, 20))
    Addendum.objects.create(session=old_session, author=supervisor, text="A correction to the date.")
    young_session = SessionFactory(supervisee=worker, supervisor=supervisor, held_on=CUTOFF)
    ActionFactory(session=young_session, due_on=date(2020, 1, 5))
    group = GroupSessionFactory(facilitator=facilitator, held_on=date(2019, 6, 1))
    group.attendees.set([worker, supervisor])
    return {
        "old_session": old_session,
        "young_session": young_session,
        # Linked to the old session: goes with it, however recently it was written.
        "old_session_preparation": Preparation.objects.create(
            author=worker,
            session=old_session,
            worries="Worried about the court date.",
            created_at=at(date(2019, 11, 28)),
        ),
        # Linked to a session inside the period: stays, however old the notes are.
        "young_session_preparation": Preparation.objects.create(
            author=worker, session=young_session, went_well="A good visit.", created_at=at(date(2019, 1, 1))
        ),
        "old_unlinked_preparation": Preparation.objects.create(
            author=worker, went_well="Notes never linked.", created_at=at(date(2019, 1, 1))
        ),
        "young_unlinked_preparation": Preparation.objects.create(
            author=worker, went_well="Recent notes.", created_at=at(date(2025, 11, 1))
        ),
        "old_agreement": AgreementFactory(
            supervisee=worker, supervisor=supervisor, starts_on=date(2017, 1, 1), ended_on=date(2019, 3, 1)
        ),
        "young_agreement": AgreementFactory(
            supervisee=worker, supervisor=supervisor, starts_on=date(2019, 3, 1), ended_on=CUTOFF
        ),
        # Began long ago but still in force: never past retention.
        "current_agreement": AgreementFactory(supervisee=worker, supervisor=supervisor, starts_on=date(2018, 1, 1)),
        "old_group_session": group,
        "young_group_session": GroupSessionFactory(facilitator=facilitator, held_on=date(2023, 5, 1)),
        "old_reflection": CriticalReflection.objects.create(
            author=worker, written_on=date(2019, 11, 29), title="My first home visit", text="What I noticed."
        ),
        "young_reflection": CriticalReflection.objects.create(
            author=worker, written_on=CUTOFF, title="A court report", text="What I learned."
        ),
    }


@pytest.fixture
def audit_entries(worker):
    """Audit entries older than retention plus a year (deleted), and younger (kept)."""
    common = {"actor": worker, "actor_name": worker.full_name, "action": AuditAction.VIEWED}
    return {
        "too_old": AuditEntry.objects.create(
            **common, record_type=RecordType.SESSION, record_id=999, at=at(date(2018, 11, 29))
        ),
        "kept": AuditEntry.objects.create(
            **common, record_type=RecordType.SESSION, record_id=998, at=at(date(2018, 11, 30))
        ),
    }


def expected_deleted(records):
    return {
        (RecordType.SESSION, records["old_session"].pk),
        (RecordType.PREPARATION, records["old_session_preparation"].pk),
        (RecordType.PREPARATION, records["old_unlinked_preparation"].pk),
        (RecordType.AGREEMENT, records["old_agreement"].pk),
        (RecordType.GROUP_SESSION, records["old_group_session"].pk),
        (RecordType.CRITICAL_REFLECTION, records["old_reflection"].pk),
    }


def test_finds_records_more_than_six_years_old(records, settings):
    settings.SUPERVISION_RETENTION_YEARS = 6

    expired = expired_records(TODAY)

    assert expired.cutoff == CUTOFF
    assert {(record.record_type, record.pk) for record in expired.records} == expected_deleted(records)


def test_lists_records_without_deleting_them(records, audit_entries, worker, facilitator):
    output = run()

    assert "Records dated before 30 November 2019 are past it" in output
    assert re.search(
        rf"^Supervision session +{records['old_session'].pk}  2019-11-29  {re.escape(worker.full_name)}$", output, re.M
    )
    assert re.search(
        rf"^Group session +{records['old_group_session'].pk}  2019-06-01  {re.escape(facilitator.full_name)}$",
        output,
        re.M,
    )
    assert (
        "Past retention: 1 supervision session, 2 sets of preparation notes, 1 supervision agreement, "
        "1 group session, 1 ASYE critical reflection and 1 audit entry. Nothing was deleted"
    ) in output
    assert Session.objects.count() == 2
    assert Preparation.objects.count() == 4
    assert Agreement.objects.count() == 3
    assert GroupSession.objects.count() == 2
    assert AuditEntry.objects.count() == 2


def test_delete_removes_records_past_retention_with_what_hangs_off_them(records, audit_entries):
    output = run("--delete")

    old_session = records["old_session"]
    assert not Session.objects.filter(pk=old_session.pk).exists()
    assert not CaseDiscussion.objects.filter(session_id=old_session.pk).exists()
    assert not Action.objects.filter(session_id=old_session.pk).exists()
    assert not Addendum.objects.filter(session_id=old_session.pk).exists()
    for name in ("old_session_preparation", "old_unlinked_preparation"):
        assert not Preparation.objects.filter(pk=records[name].pk).exists()
    assert not Agreement.objects.filter(pk=records["old_agreement"].pk).exists()
    assert not GroupSession.objects.filter(pk=records["old_group_session"].pk).exists()
    assert not GroupSession.attendees.through.objects.filter(groupsession_id=records["old_group_session"].pk).exists()
    assert not CriticalReflection.objects.filter(pk=records["old_reflection"].pk).exists()
    assert CriticalReflection.objects.filter(pk=records["young_reflection"].pk).exists()
    assert "Deleted 1 supervision session, 2 sets of preparation notes" in output


def test_delete_leaves_everything_inside_the_period_untouched(records, audit_entries):
    young_session = records["young_session"]

    run("--delete")

    assert list(Session.objects.all()) == [young_session]
    assert young_session.actions.count() == 1
    assert set(Preparation.objects.values_list("pk", flat=True)) == {
        records["young_session_preparation"].pk,
        records["young_unlinked_preparation"].pk,
    }
    assert Preparation.objects.get(pk=records["young_session_preparation"].pk).session == young_session
    assert set(Agreement.objects.values_list("pk", flat=True)) == {
        records["young_agreement"].pk,
        records["current_agreement"].pk,
    }
    assert list(GroupSession.objects.all()) == [records["young_group_session"]]


def test_delete_writes_one_audit_entry_per_deleted_record(records):
    run("--delete")

    entries = AuditEntry.objects.filter(action=AuditAction.DELETED)
    assert {(entry.record_type, entry.record_id) for entry in entries} == expected_deleted(records)
    assert {entry.actor_id for entry in entries} == {None}
    assert {entry.actor_name for entry in entries} == {"Retention schedule"}
    session_entry = entries.get(record_type=RecordType.SESSION)
    assert session_entry.detail == (
        "Dated 29 November 2019: more than 6 years old, with its case discussions, actions and addenda"
    )


def test_audit_entries_are_kept_a_year_longer_than_the_records(records, audit_entries):
    run("--delete")

    assert not AuditEntry.objects.filter(pk=audit_entries["too_old"].pk).exists()
    assert AuditEntry.objects.filter(pk=audit_entries["kept"].pk).exists()


def test_audit_entries_alone_are_not_treated_as_records(audit_entries):
    output = run("--delete")

    assert "0 supervision sessions" in output
    assert "and 1 audit entry" in output
    assert not AuditEntry.objects.filter(action=AuditAction.DELETED).exists()


def test_running_delete_again_changes_nothing(records, audit_entries):
    run("--delete")
    entries_after_first_run = AuditEntry.objects.count()

    output = run("--delete")

    assert AuditEntry.objects.count() == entries_after_first_run
    assert (
        "Deleted 0 supervision sessions, 0 sets of preparation notes, 0 supervision agreements, 0 group sessions"
        in (output)
    )


def test_the_period_comes_from_the_setting(records, settings):
    settings.SUPERVISION_RETENTION_YEARS = 2

    output = run()

    assert "Retention period: 2 years. Records dated before 30 November 2023 are past it" in output
    assert "2 supervision sessions" in output
    assert "3 group sessions" not in output
    assert "2 group sessions" in output


def test_a_period_of_less_than_a_year_is_refused(records, settings):
    settings.SUPERVISION_RETENTION_YEARS = 0

    with pytest.raises(CommandError, match="SUPERVISION_RETENTION_YEARS must be 1 or more"):
        run("--delete")

    assert Session.objects.count() == 2


def test_delete_refuses_a_date_in_the_future(records):
    with pytest.raises(CommandError, match="--delete cannot be used with a --date after today"):
        run("--delete", today=date.today() + timedelta(days=400))

    assert Session.objects.count() == 2


def test_listing_may_look_ahead_to_a_future_date(records):
    output = run(today=date(2026, 12, 1))

    assert "2 supervision sessions" in output
    assert Session.objects.count() == 2


def test_a_leap_day_counts_back_to_the_28th():
    assert years_before(date(2028, 2, 29), 6) == date(2022, 2, 28)


def test_date_must_be_a_real_date():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("supervision_retention", "--date=2025-02-30")


def test_listing_and_deleting_take_a_fixed_number_of_queries(team, django_assert_max_num_queries):
    for _number in range(20):
        supervisee, supervisor = UserFactory(team=team), UserFactory(team=team)
        session = SessionFactory(supervisee=supervisee, supervisor=supervisor, held_on=date(2018, 5, 1))
        ActionFactory(session=session)
        Preparation.objects.create(author=supervisee, session=session, worries="Old worries.")
        AgreementFactory(
            supervisee=supervisee, supervisor=supervisor, starts_on=date(2017, 1, 1), ended_on=date(2018, 1, 1)
        )
        GroupSessionFactory(facilitator=supervisor, held_on=date(2018, 5, 2)).attendees.set([supervisee])

    with django_assert_max_num_queries(6):
        run()
    with django_assert_max_num_queries(25):
        output = run("--delete")

    assert "Deleted 20 supervision sessions, 20 sets of preparation notes, 20 supervision agreements" in output
    assert AuditEntry.objects.filter(action=AuditAction.DELETED).count() == 80
