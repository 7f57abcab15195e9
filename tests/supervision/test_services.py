from datetime import date

import pytest
from django.db import IntegrityError
from django.utils import timezone

from portal.edit_conflicts import EditConflictError
from supervision import services
from supervision.models import Agreement, AuditEntry, Frequency, Session
from tests.factories import AgreementFactory, SessionFactory, UserFactory


def _record(**overrides) -> services.SessionRecord:
    values = {
        "held_on": date(2026, 11, 2),
        "frame": "systemic",
        "notes": {"hypotheses": "Perhaps the father feels blamed.", "missing_voices": "  "},
        "scale": None,
        "caseload_children": 19,
        "caseload_complexity": "high",
    }
    return services.SessionRecord(**(values | overrides))


def test_asye_pattern_is_weekly_then_fortnightly_then_monthly(db):
    agreement = AgreementFactory.build(frequency=Frequency.ASYE, starts_on=date(2026, 1, 5))
    assert agreement.interval_ends(date(2026, 1, 12)) == date(2026, 1, 19)  # week 2: weekly
    assert agreement.interval_ends(date(2026, 3, 2)) == date(2026, 3, 16)  # week 8: fortnightly
    assert agreement.interval_ends(date(2026, 7, 6)) == date(2026, 8, 6)  # after 6 months: monthly


def test_monthly_due_date_clamps_to_the_end_of_a_short_month(db):
    agreement = AgreementFactory.build(frequency=Frequency.MONTHLY)
    assert agreement.next_due(date(2026, 1, 31)) == date(2026, 2, 28)
    assert agreement.next_due(None) == date(2026, 2, 5)


def test_a_new_agreement_ends_the_current_one(agreement, supervisor):
    terms = services.AgreementTerms(date(2026, 12, 1), Frequency.FORTNIGHTLY, "Room 2.", "As before.")
    new = services.make_agreement(supervisee=agreement.supervisee, supervisor=supervisor, terms=terms)
    agreement.refresh_from_db()
    assert agreement.ended_on == date(2026, 12, 1)
    assert list(Agreement.objects.current().filter(supervisee=agreement.supervisee)) == [new]


def test_the_database_allows_only_one_current_agreement_per_supervisee(agreement, supervisor):
    with pytest.raises(IntegrityError):
        AgreementFactory(supervisee=agreement.supervisee, supervisor=supervisor)


def test_changing_an_agreement_clears_both_signatures(agreement, supervisor):
    Agreement.objects.filter(pk=agreement.pk).update(
        supervisor_signed_at=timezone.now(), supervisee_signed_at=timezone.now()
    )
    terms = services.AgreementTerms(agreement.starts_on, Frequency.WEEKLY, "Weekly now.", "Same.")
    services.change_agreement(agreement, terms=terms, expected_version=agreement.version, by=supervisor)
    agreement.refresh_from_db()
    assert agreement.frequency == Frequency.WEEKLY
    assert agreement.supervisor_signed_at is None
    assert agreement.supervisee_signed_at is None


def test_a_second_save_from_an_old_version_is_refused_and_the_first_is_kept(supervision_session, supervisor):
    opened_at = supervision_session.version
    services.write_record(supervision_session, record=_record(), expected_version=opened_at, by=supervisor)
    with pytest.raises(EditConflictError):
        services.write_record(
            supervision_session,
            record=_record(notes={"hypotheses": "Overwrites the first"}),
            expected_version=opened_at,
            by=supervisor,
        )
    supervision_session.refresh_from_db()
    assert supervision_session.notes == {"hypotheses": "Perhaps the father feels blamed."}


def test_record_drops_empty_prompts_and_clears_signatures(supervision_session, supervisor):
    Session.objects.filter(pk=supervision_session.pk).update(supervisee_signed_at=timezone.now())
    supervision_session.refresh_from_db()
    services.write_record(
        supervision_session, record=_record(), expected_version=supervision_session.version, by=supervisor
    )
    supervision_session.refresh_from_db()
    assert "missing_voices" not in supervision_session.notes
    assert supervision_session.supervisee_signed_at is None


def test_signing_by_both_locks_the_record_and_later_changes_are_refused(supervision_session, supervisor, worker):
    assert services.sign_session(supervision_session, by=supervisor, expected_version=1) is False
    supervision_session.refresh_from_db()
    locked = services.sign_session(
        supervision_session, by=worker, expected_version=supervision_session.version, response="agree"
    )
    supervision_session.refresh_from_db()
    assert locked
    assert supervision_session.is_locked
    with pytest.raises(services.NotAllowedError):
        services.write_record(
            supervision_session, record=_record(), expected_version=supervision_session.version, by=supervisor
        )
    with pytest.raises(services.NotAllowedError):
        services.add_case_discussion(
            supervision_session, case_reference="CS-1", discussion="x", decisions="", by=supervisor
        )
    addendum = services.add_addendum(supervision_session, text="A correction to the caseload.", by=supervisor)
    assert addendum.author == supervisor


def test_addenda_are_only_for_locked_records(supervision_session, supervisor):
    with pytest.raises(services.NotAllowedError):
        services.add_addendum(supervision_session, text="Too early", by=supervisor)


def test_the_database_refuses_a_lock_without_both_signatures(worker, supervisor):
    with pytest.raises(IntegrityError):
        SessionFactory(supervisee=worker, supervisor=supervisor, locked_at=timezone.now())


def test_every_change_leaves_an_audit_entry_without_content(supervision_session, supervisor):
    services.write_record(
        supervision_session, record=_record(), expected_version=supervision_session.version, by=supervisor
    )
    entry = AuditEntry.objects.get(record_type="session", record_id=supervision_session.pk, action="changed")
    assert entry.actor == supervisor
    assert entry.actor_name == supervisor.full_name
    assert "father" not in entry.detail


def test_adding_an_action_asks_for_signatures_again(supervision_session, supervisor, worker):
    services.sign_session(supervision_session, by=supervisor, expected_version=supervision_session.version)
    supervision_session.refresh_from_db()
    services.add_action(
        supervision_session, description="Call school", owner=worker, due_on=date(2026, 12, 5), by=supervisor
    )
    supervision_session.refresh_from_db()
    assert supervision_session.supervisor_signed_at is None


def test_booking_takes_the_people_from_the_agreement(agreement, supervisor):
    session = services.book_session(agreement=agreement, held_on=date(2026, 12, 3), frame="systemic", by=supervisor)
    assert (session.supervisee, session.supervisor, session.recorded_at) == (agreement.supervisee, supervisor, None)


def test_group_session_attendance_is_saved(facilitator, worker):
    other = UserFactory()
    details = services.GroupSessionDetails(date(2026, 11, 4), "Holding hope", 3.5, "Small steps count.")
    group_session = services.record_group_session(facilitator=facilitator, details=details, attendees=[worker, other])
    assert set(group_session.attendees.all()) == {worker, other}
