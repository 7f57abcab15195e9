import smtplib
from datetime import date
from io import StringIO

import pytest
from django.core.mail import EmailMessage
from django.core.management import CommandError, call_command

from portal.roles import Role
from supervision.models import ReminderSent
from supervision.reminders import reminders_to_send, send_reminder
from tests.factories import ActionFactory, AgreementFactory, SessionFactory, UserFactory

TODAY = date(2026, 11, 30)


def run(*args, today=TODAY):
    out = StringIO()
    call_command("send_supervision_reminders", f"--date={today.isoformat()}", *args, stdout=out)
    return out.getvalue()


def emails_to(mailoutbox, person):
    return [message for message in mailoutbox if message.to == [person.email]]


@pytest.fixture
def booking(agreement):
    """A session booked for 2 December 2026, inside the three days after TODAY."""
    return SessionFactory(
        supervisee=agreement.supervisee,
        supervisor=agreement.supervisor,
        held_on=date(2026, 12, 2),
        recorded_at=None,
        notes={},
        caseload_children=None,
    )


# --- Sessions due -------------------------------------------------------------------------


def test_booked_session_in_the_next_three_days_reminds_supervisee_and_supervisor(
    booking, worker, supervisor, mailoutbox
):
    output = run()

    assert len(mailoutbox) == 2
    [to_worker] = emails_to(mailoutbox, worker)
    [to_supervisor] = emails_to(mailoutbox, supervisor)
    assert to_worker.subject == "Supervision coming up"
    assert to_worker.from_email == "practice-portal@example.org"
    assert f"Your supervision with {supervisor.full_name} is booked for Wednesday 2 December 2026." in to_worker.body
    assert f"Supervision with {worker.full_name} is booked for Wednesday 2 December 2026." in to_supervisor.body
    assert "http://127.0.0.1:8000/supervision/" in to_worker.body
    assert output.strip() == "Sent 2 reminder emails: 1 session due, 0 overdue actions."


def test_names_are_written_as_they_are_not_escaped_for_a_web_page(booking, worker, supervisor, mailoutbox):
    supervisor.full_name = "Siobhán O’Neill-D'Souza"
    supervisor.save()

    run()

    [to_worker] = emails_to(mailoutbox, worker)
    assert "Your supervision with Siobhán O’Neill-D'Souza is booked" in to_worker.body
    assert "&#x27;" not in to_worker.body


def test_unbooked_session_is_counted_from_the_last_one_held(supervision_session, worker, supervisor, mailoutbox):
    # Monthly, last held on 2 November: due by 2 December, and nothing is booked.
    run()

    [to_worker] = emails_to(mailoutbox, worker)
    [to_supervisor] = emails_to(mailoutbox, supervisor)
    assert "is due by Wednesday 2 December 2026 and is not booked yet" in to_worker.body
    assert f"Please agree a date with {supervisor.get_short_name()}." in to_worker.body
    assert "Please book it in the portal." in to_supervisor.body
    assert ReminderSent.objects.filter(key=f"due:{worker.pk}:2026-12-02").count() == 2


def test_emails_hold_no_reflective_content_or_case_references(supervision_session, booking, mailoutbox):
    supervision_session.supervisee_reflection = "I felt out of my depth."
    supervision_session.save()

    run(today=date(2026, 12, 1))

    assert mailoutbox
    for message in mailoutbox:
        assert "CS-10442" not in message.body
        assert "home visit" not in message.body
        assert "out of my depth" not in message.body
        assert "core group" not in message.body


def test_a_booking_overrides_the_agreements_due_date(supervision_session, worker, mailoutbox):
    # Due by 2 December by the agreement, but booked for 10 December: nothing to remind about yet.
    SessionFactory(
        supervisee=worker, supervisor=supervision_session.supervisor, held_on=date(2026, 12, 10), recorded_at=None
    )

    run()

    assert mailoutbox == []


@pytest.mark.parametrize(
    "held_on",
    [
        date(2026, 12, 4),  # four days ahead
        date(2026, 11, 29),  # yesterday: already held
    ],
)
def test_sessions_outside_the_next_three_days_send_nothing(agreement, held_on, mailoutbox):
    SessionFactory(supervisee=agreement.supervisee, supervisor=agreement.supervisor, held_on=held_on, recorded_at=None)

    run()

    assert mailoutbox == []


def test_session_due_today_is_still_in_the_window(agreement, mailoutbox):
    SessionFactory(supervisee=agreement.supervisee, supervisor=agreement.supervisor, held_on=date(2026, 11, 2))

    run(today=date(2026, 12, 2))

    assert len(mailoutbox) == 2


def test_overdue_unbooked_session_is_the_dashboards_business_not_a_reminder(agreement, mailoutbox):
    SessionFactory(supervisee=agreement.supervisee, supervisor=agreement.supervisor, held_on=date(2026, 10, 1))

    run()

    assert mailoutbox == []


def test_ended_agreements_send_nothing(agreement, booking, mailoutbox):
    agreement.ended_on = date(2026, 11, 1)
    agreement.save()

    run()

    assert mailoutbox == []


def test_inactive_supervisee_means_no_reminders_for_that_agreement(booking, worker, mailoutbox):
    worker.is_active = False
    worker.save()

    run()

    assert mailoutbox == []


def test_inactive_supervisor_gets_nothing_but_the_supervisee_still_does(booking, worker, supervisor, mailoutbox):
    supervisor.is_active = False
    supervisor.save()

    run()

    assert [message.to for message in mailoutbox] == [[worker.email]]


def test_supervisor_hears_about_all_their_supervisees_in_one_email(booking, team_mate, supervisor, mailoutbox):
    AgreementFactory(supervisee=team_mate, supervisor=supervisor)
    SessionFactory(supervisee=team_mate, supervisor=supervisor, held_on=date(2026, 12, 3), recorded_at=None)

    run()

    [to_supervisor] = emails_to(mailoutbox, supervisor)
    assert f"Supervision with {team_mate.full_name} is booked for Thursday 3 December 2026." in to_supervisor.body
    assert len(mailoutbox) == 3


# --- Idempotency --------------------------------------------------------------------------


def test_running_twice_sends_each_reminder_once(booking, mailoutbox):
    run()
    output = run()

    assert len(mailoutbox) == 2
    assert output.strip() == "Sent 0 reminder emails: 0 sessions due, 0 overdue actions."


def test_next_days_run_does_not_repeat_the_same_session(booking, mailoutbox):
    run()
    run(today=date(2026, 12, 1))

    assert len(mailoutbox) == 2


def test_a_moved_booking_is_a_new_reminder(booking, mailoutbox):
    run()
    booking.held_on = date(2026, 12, 3)
    booking.save()

    run(today=date(2026, 12, 1))

    assert len(mailoutbox) == 4


def test_dry_run_lists_but_sends_and_records_nothing(booking, worker, mailoutbox):
    output = run("--dry-run")

    assert mailoutbox == []
    assert not ReminderSent.objects.exists()
    assert f"Would email {worker.email}: Supervision coming up (due:{worker.pk}:2026-12-02)" in output
    assert output.splitlines()[-1] == (
        "Dry run for 30 November 2026: would send 2 reminder emails: 1 session due, 0 overdue actions. "
        "Nothing was sent or recorded."
    )


def test_a_failed_send_records_nothing_so_the_next_run_tries_again(booking, mailoutbox, monkeypatch):
    def refuse(self, fail_silently=False):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    with monkeypatch.context() as patch:
        patch.setattr(EmailMessage, "send", refuse)
        with pytest.raises(CommandError, match="2 emails could not be sent"):
            run()
    assert not ReminderSent.objects.exists()

    run()

    assert len(mailoutbox) == 2


def test_a_reminder_recorded_by_another_run_meanwhile_is_not_sent_again(booking, worker, mailoutbox):
    reminders = reminders_to_send(TODAY)
    # Another run records the worker's reminder between this run's reading and sending.
    ReminderSent.objects.create(recipient=worker, key=f"due:{worker.pk}:2026-12-02")

    sent = [send_reminder(reminder) for reminder in reminders]

    assert sorted(sent) == [False, True]
    assert emails_to(mailoutbox, worker) == []
    assert ReminderSent.objects.filter(recipient=worker).count() == 1


# --- Overdue actions ----------------------------------------------------------------------


@pytest.fixture
def held_session(agreement):
    """A session held on 2 October: the next one was due by 2 November, so it does not add reminders."""
    return SessionFactory(supervisee=agreement.supervisee, supervisor=agreement.supervisor, held_on=date(2026, 10, 2))


def test_overdue_actions_for_one_person_come_in_one_email(held_session, worker, mailoutbox):
    ActionFactory(session=held_session, description="Book a genogram session with the family", due_on=date(2026, 11, 1))
    ActionFactory(session=held_session, description="Read the research on neglect", due_on=date(2026, 11, 29))
    ActionFactory(session=held_session, description="Due today, so not late", due_on=TODAY)

    output = run()

    [message] = mailoutbox
    assert message.to == [worker.email]
    assert message.subject == "Supervision actions past their due date"
    assert "These actions from supervision are past their due date:" in message.body
    assert "- Book a genogram session with the family (due 1 November 2026)" in message.body
    assert "- Read the research on neglect (due 29 November 2026)" in message.body
    assert "Due today" not in message.body
    assert ReminderSent.objects.filter(recipient=worker, key__startswith="action:").count() == 2
    assert output.strip() == "Sent 1 reminder email: 0 sessions due, 2 overdue actions."


def test_each_overdue_action_is_reminded_once_and_later_ones_on_their_own(held_session, worker, mailoutbox):
    ActionFactory(session=held_session, description="Book a genogram session", due_on=date(2026, 11, 1))
    run()
    ActionFactory(session=held_session, description="Update the chronology", due_on=TODAY)

    run(today=date(2026, 12, 1))

    assert len(mailoutbox) == 2
    assert "This action from supervision is past its due date:" in mailoutbox[1].body
    assert "Update the chronology" in mailoutbox[1].body
    assert "Book a genogram session" not in mailoutbox[1].body


def test_completed_actions_are_not_reminded(held_session, mailoutbox):
    ActionFactory(session=held_session, due_on=date(2026, 11, 1), completed_on=date(2026, 11, 20))

    run()

    assert mailoutbox == []


def test_action_goes_to_its_owner_even_when_that_is_the_supervisor(held_session, supervisor, mailoutbox):
    ActionFactory(
        session=held_session, owner=supervisor, description="Find a family therapist", due_on=date(2026, 11, 1)
    )

    run()

    [message] = mailoutbox
    assert message.to == [supervisor.email]


def test_inactive_action_owner_gets_nothing(held_session, worker, mailoutbox):
    ActionFactory(session=held_session, due_on=date(2026, 11, 1))
    worker.is_active = False
    worker.save()

    run()

    assert mailoutbox == []


def test_session_due_and_overdue_actions_share_one_email(supervision_session, worker, mailoutbox):
    # The fixture's action is due on 1 December; its session was held on 2 November.
    run(today=date(2026, 12, 2))

    [to_worker] = emails_to(mailoutbox, worker)
    assert to_worker.subject == "Supervision coming up, and actions past their due date"
    assert "is due by Wednesday 2 December 2026" in to_worker.body
    assert "Book a genogram session with the family (due 1 December 2026)" in to_worker.body


# --- Options and scale --------------------------------------------------------------------


def test_date_must_be_a_real_date():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send_supervision_reminders", "--date=30/11/2026")


@pytest.fixture
def many_agreements(team):
    """Thirty supervisees, each with a booking in the window and an overdue action."""
    supervisors = [UserFactory(team=team, roles=[Role.SUPERVISOR]) for _ in range(3)]
    for number in range(30):
        supervisee = UserFactory(team=team, roles=[Role.SOCIAL_WORKER])
        supervisor = supervisors[number % 3]
        AgreementFactory(supervisee=supervisee, supervisor=supervisor)
        held = SessionFactory(supervisee=supervisee, supervisor=supervisor, held_on=date(2026, 11, 2))
        ActionFactory(session=held, due_on=date(2026, 11, 20))
        SessionFactory(supervisee=supervisee, supervisor=supervisor, held_on=date(2026, 12, 1), recorded_at=None)


def test_working_out_reminders_takes_a_fixed_number_of_queries(many_agreements, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        output = run("--dry-run")

    assert "would send 33 reminder emails: 30 sessions due, 30 overdue actions" in output


def test_sending_takes_a_fixed_number_of_queries_per_email(many_agreements, mailoutbox, django_assert_max_num_queries):
    # Reading is three queries; each email is one insert, inside a savepoint under the test's transaction.
    with django_assert_max_num_queries(3 + 3 * 33):
        run()

    assert len(mailoutbox) == 33
    assert ReminderSent.objects.count() == 30 * 2 + 30
