"""The supervision pages: flows, errors, conflicts, warnings, audit of reads, and query bounds."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from supervision.models import (
    Action,
    Agreement,
    AuditEntry,
    CaseDiscussion,
    CriticalReflection,
    Preparation,
    Session,
)
from tests.dates import as_typed
from tests.factories import ActionFactory, AgreementFactory, GroupSessionFactory, SessionFactory, UserFactory

# --- A supervisor's flow -----------------------------------------------------------------


def test_supervisor_makes_an_asye_agreement_and_both_sign_it(client, supervisor, team):
    newcomer = UserFactory(team=team, line_manager=supervisor, is_newly_qualified=True)
    client.force_login(supervisor)
    page = client.get(reverse("supervision:agreement-create"), {"supervisee": newcomer.pk})
    assert re.search(r'value="asye"[^>]*checked', page.content.decode())
    response = client.post(
        reverse("supervision:agreement-create"),
        {
            "supervisee": newcomer.pk,
            "starts_on": as_typed(timezone.localdate()),
            "frequency": "asye",
            "arrangements": "Thursdays at 10 in room 4.",
            "confidentiality": "Shared only if someone is at risk.",
        },
    )
    agreement = Agreement.objects.get(supervisee=newcomer)
    assert response.url == reverse("supervision:agreement-detail", args=[agreement.pk])
    client.post(reverse("supervision:agreement-sign", args=[agreement.pk]), {"version": agreement.version})
    client.force_login(newcomer)
    agreement.refresh_from_db()
    client.post(reverse("supervision:agreement-sign", args=[agreement.pk]), {"version": agreement.version})
    agreement.refresh_from_db()
    assert agreement.is_signed


def test_agreement_form_errors_are_shown_in_an_error_summary(client, supervisor, worker):
    client.force_login(supervisor)
    response = client.post(
        reverse("supervision:agreement-create"), {"supervisee": worker.pk, "starts_on": "31 2 2026", "frequency": "x"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert "Enter a real date, like 27 3 2027" in body
    assert "Enter where and how" in body


def test_signing_an_agreement_that_changed_since_it_was_read_is_refused(client, agreement, worker):
    client.force_login(worker)
    response = client.post(reverse("supervision:agreement-sign", args=[agreement.pk]), {"version": "0"}, follow=True)
    assert "The agreement changed after you opened it" in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.supervisee_signed_at is None


def test_supervisor_books_records_adds_case_and_action_then_signs(client, agreement, supervisor, worker):
    client.force_login(supervisor)
    today = timezone.localdate()
    response = client.post(
        reverse("supervision:session-book"),
        {"agreement": agreement.pk, "held_on": as_typed(today), "frame": "signs_of_safety"},
    )
    session = Session.objects.get(supervisee=worker)
    assert response.url == reverse("supervision:session-record", args=[session.pk])

    page = client.get(response.url).content.decode()
    assert "What are we worried about?" in page
    assert "scale" in page

    response = client.post(
        response.url,
        {
            "version": session.version,
            "frame": "signs_of_safety",
            "held_on": as_typed(today),
            "note_worries": "Neglect of the baby's health appointments.",
            "note_working_well": "Grandmother visits daily.",
            "scale": "6",
            "caseload_children": "21",
            "caseload_complexity": "high",
        },
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.scale == 6
    assert session.caseload_children == 21
    assert session.notes["working_well"] == "Grandmother visits daily."

    client.post(
        reverse("supervision:case-add", args=[session.pk]),
        {"case_reference": "cs-20019", "discussion": "Next steps before the review."},
    )
    assert CaseDiscussion.objects.get(session=session).case_reference == "CS-20019"
    client.post(
        reverse("supervision:action-add", args=[session.pk]),
        {"description": "Ask the health visitor to join", "owner": worker.pk, "due_on": as_typed(today + timedelta(7))},
    )
    assert Action.objects.get(session=session).owner == worker

    session.refresh_from_db()
    client.post(reverse("supervision:session-sign", args=[session.pk]), {"version": session.version})
    session.refresh_from_db()
    assert session.supervisor_signed_at
    assert not session.is_locked


def test_record_form_rejects_bad_numbers_without_losing_the_text(client, supervision_session, supervisor):
    client.force_login(supervisor)
    response = client.post(
        reverse("supervision:session-record", args=[supervision_session.pk]),
        {
            "version": supervision_session.version,
            "frame": "signs_of_safety",
            "held_on": "2 11 2026",
            "note_worries": "Keep this text.",
            "scale": "11",
            "caseload_children": "-3",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Enter a number from 0 to 10" in body
    assert "The number of children cannot be less than 0" in body
    assert "Keep this text." in body


def test_an_unknown_frame_falls_back_to_the_sessions_own(client, supervision_session, supervisor):
    client.force_login(supervisor)
    response = client.get(reverse("supervision:session-record", args=[supervision_session.pk]), {"frame": "<script>"})
    assert response.status_code == 200
    assert "Experience" in response.content.decode()


def test_case_reference_must_not_look_like_a_name(client, supervision_session, supervisor):
    client.force_login(supervisor)
    response = client.post(
        reverse("supervision:case-add", args=[supervision_session.pk]),
        {"case_reference": "Lily Smith", "discussion": "About her."},
    )
    assert "Enter a case reference of 3 to 20 letters" in response.content.decode()
    assert supervision_session.case_discussions.count() == 1


def test_two_supervisors_saving_at_once_second_is_refused_and_sees_both(client, supervision_session, supervisor):
    client.force_login(supervisor)
    url = reverse("supervision:session-record", args=[supervision_session.pk])
    opened = supervision_session.version
    form = {"version": opened, "frame": "4x4x4", "held_on": "2 11 2026", "note_experience": "First save."}
    client.post(url, form)
    response = client.post(url, form | {"note_experience": "Second save, from a stale page."})
    body = response.content.decode()
    assert "Your changes were not saved" in body
    assert "Second save, from a stale page." in body  # the person's text is kept in the form
    assert "First save." in body  # and the saved version is shown
    supervision_session.refresh_from_db()
    assert supervision_session.notes["experience"] == "First save."
    # The re-shown form carries the new version, so saving again on purpose works.
    assert f'value="{supervision_session.version}"' in body


def test_personal_data_in_notes_warns_but_saves(client, supervision_session, supervisor):
    client.force_login(supervisor)
    response = client.post(
        reverse("supervision:session-record", args=[supervision_session.pk]),
        {
            "version": supervision_session.version,
            "frame": "4x4x4",
            "held_on": "2 11 2026",
            "note_experience": "Visited the flat at SW1A 1AA; mum's mobile is 07700 900123.",
        },
        follow=True,
    )
    body = response.content.decode()
    supervision_session.refresh_from_db()
    assert "SW1A 1AA" in supervision_session.notes["experience"]
    assert "Check “Experience”" in body
    assert "postcode" in body.lower()
    assert "phone" in body.lower()


# --- A supervisee's flow -----------------------------------------------------------------


def test_worker_reflects_disagrees_with_a_comment_and_the_record_locks(client, supervision_session, supervisor, worker):
    Session.objects.filter(pk=supervision_session.pk).update(supervisor_signed_at=timezone.now())
    supervision_session.refresh_from_db()
    client.force_login(worker)
    client.post(
        reverse("supervision:session-reflect", args=[supervision_session.pk]),
        {"version": supervision_session.version, "reflection": "I want more time on the risk analysis."},
    )
    supervision_session.refresh_from_db()
    assert supervision_session.supervisor_signed_at is None  # a change means both sign again
    Session.objects.filter(pk=supervision_session.pk).update(supervisor_signed_at=timezone.now())
    supervision_session.refresh_from_db()

    url = reverse("supervision:session-sign", args=[supervision_session.pk])
    response = client.post(url, {"version": supervision_session.version, "response": "disagree"})
    assert response.status_code == 400
    assert "Say what you disagree with" in response.content.decode()

    client.post(
        url, {"version": supervision_session.version, "response": "disagree", "comment": "The caseload was 22."}
    )
    supervision_session.refresh_from_db()
    assert supervision_session.is_locked
    assert supervision_session.supervisee_comment == "The caseload was 22."
    page = client.get(reverse("supervision:session-detail", args=[supervision_session.pk])).content.decode()
    assert "The caseload was 22." in page
    assert "Add an addendum" in page


def test_locked_record_pages_refuse_changes(client, supervision_session, supervisor, worker):
    now = timezone.now()
    Session.objects.filter(pk=supervision_session.pk).update(
        supervisor_signed_at=now, supervisee_signed_at=now, locked_at=now
    )
    client.force_login(supervisor)
    assert client.get(reverse("supervision:session-record", args=[supervision_session.pk])).status_code == 403
    response = client.post(
        reverse("supervision:addendum-add", args=[supervision_session.pk]), {"text": "Caseload was 18, not 17."}
    )
    assert response.status_code == 302
    page = client.get(reverse("supervision:session-detail", args=[supervision_session.pk])).content.decode()
    assert "Caseload was 18, not 17." in page
    assert f"Added by {escape(supervisor.full_name)}" in page


def test_worker_prepares_privately_then_shares(client, worker, supervisor, agreement):
    booked = SessionFactory(
        supervisee=worker, supervisor=supervisor, held_on=timezone.localdate() + timedelta(days=3), recorded_at=None
    )
    client.force_login(worker)
    response = client.post(
        reverse("supervision:preparation-create"),
        {"session": booked.pk, "worries": "Court next week.", "went_well": "", "to_think_about": ""},
    )
    preparation = Preparation.objects.get(author=worker)
    assert preparation.shared_at is None
    client.force_login(supervisor)
    assert (
        "Court next week." not in client.get(reverse("supervision:session-detail", args=[booked.pk])).content.decode()
    )
    client.force_login(worker)
    client.post(reverse("supervision:preparation-share", args=[preparation.pk]), {"share": "yes"})
    client.force_login(supervisor)
    assert "Court next week." in client.get(reverse("supervision:session-detail", args=[booked.pk])).content.decode()
    assert response.status_code == 302


def test_empty_preparation_is_refused(client, worker):
    client.force_login(worker)
    response = client.post(reverse("supervision:preparation-create"), {"worries": "   "})
    assert "Write something in at least one of the boxes" in response.content.decode()


def test_overview_shows_next_session_open_and_overdue_actions(client, supervision_session, worker, supervisor):
    today = timezone.localdate()
    SessionFactory(supervisee=worker, supervisor=supervisor, held_on=today + timedelta(days=2), recorded_at=None)
    ActionFactory(session=supervision_session, description="Write the chronology", due_on=today - timedelta(days=3))
    client.force_login(worker)
    body = client.get(reverse("supervision:overview")).content.decode()
    assert "Booked for" in body
    assert "Write the chronology" in body
    assert "Overdue" in body


def test_my_record_holds_everything_and_is_audited(client, supervision_session, worker, team_mate):
    Session.objects.filter(pk=supervision_session.pk).update(
        minutes=95, minutes_management=40, minutes_support=25, minutes_development=20, minutes_mediation=10
    )
    CriticalReflection.objects.create(
        author=worker, written_on=date(2026, 3, 2), title="My first strategy meeting", text="What I would do again."
    )
    CriticalReflection.objects.create(
        author=team_mate, written_on=date(2026, 3, 2), title="Someone else's reflection", text="Not theirs."
    )
    client.force_login(worker)
    body = client.get(reverse("supervision:my-record")).content.decode()
    assert "CS-10442" in body
    assert "felt unheard" in body
    assert "Length: 95 minutes (case management 40, support 25, professional development 20, mediation 10)." in body
    assert "My first strategy meeting" in body
    assert "Someone else" not in body
    assert AuditEntry.objects.filter(record_type="person", record_id=worker.pk, action="viewed").exists()


# --- Audit --------------------------------------------------------------------------------


def test_reading_a_session_is_audited_and_the_service_manager_sees_the_trail(
    client, supervision_session, worker, service_manager
):
    client.force_login(worker)
    client.get(reverse("supervision:session-detail", args=[supervision_session.pk]))
    client.force_login(service_manager)
    client.get(reverse("supervision:session-detail", args=[supervision_session.pk]))
    body = client.get(reverse("supervision:audit-trail", args=["session", supervision_session.pk])).content.decode()
    assert body.count(">Read<") == 2
    assert escape(worker.full_name) in body
    assert escape(service_manager.full_name) in body


def test_audit_trail_of_an_unknown_record_type_is_not_found(client, service_manager):
    client.force_login(service_manager)
    assert client.get(reverse("supervision:audit-trail", args=["person", 1])).status_code == 404
    assert client.get(reverse("supervision:audit-trail", args=["session", 999999])).status_code == 404


# --- Group sessions -----------------------------------------------------------------------


def test_facilitator_records_a_group_session_and_attendees_see_it(client, facilitator, worker, team_mate):
    client.force_login(facilitator)
    response = client.post(
        reverse("supervision:group-session-create"),
        {
            "held_on": as_typed(timezone.localdate()),
            "theme": "Working with fathers",
            "hours": "3.5",
            "attendees": [worker.pk, team_mate.pk],
            "learning_points": "Invite fathers early.",
        },
    )
    assert response.status_code == 302
    client.force_login(worker)
    assert "Working with fathers" in client.get(reverse("supervision:group-sessions")).content.decode()


def test_group_session_rejects_bad_hours(client, facilitator):
    client.force_login(facilitator)
    response = client.post(
        reverse("supervision:group-session-create"),
        {"held_on": as_typed(timezone.localdate()), "theme": "Hope", "hours": "-1"},
    )
    assert "The length must be at least half an hour" in response.content.decode()


# --- Query bounds -------------------------------------------------------------------------


@pytest.fixture
def busy_supervisor(supervisor, team):
    """A supervisor with 15 supervisees, each with 6 sessions, actions and cases."""
    today = timezone.localdate()
    for n in range(15):
        person = UserFactory(team=team, line_manager=supervisor)
        AgreementFactory(supervisee=person, supervisor=supervisor)
        for month in range(6):
            session = SessionFactory(
                supervisee=person, supervisor=supervisor, held_on=today - timedelta(days=30 * month + n)
            )
            ActionFactory(session=session)
            CaseDiscussion.objects.create(session=session, case_reference=f"CS-{n}{month}", discussion="Plans.")
    return supervisor


def test_supervisor_pages_use_a_bounded_number_of_queries(client, busy_supervisor, django_assert_max_num_queries):
    client.force_login(busy_supervisor)
    for name in ("supervision:overview", "supervision:supervisees"):
        # 17: the overview asks once whether they assess anyone's ASYE (for its link to that list).
        with django_assert_max_num_queries(17):
            assert client.get(reverse(name)).status_code == 200


def test_worker_pages_use_a_bounded_number_of_queries(
    client, worker, supervisor, agreement, django_assert_max_num_queries
):
    today = timezone.localdate()
    for month in range(24):
        session = SessionFactory(supervisee=worker, supervisor=supervisor, held_on=today - timedelta(days=30 * month))
        ActionFactory(session=session)
        CaseDiscussion.objects.create(session=session, case_reference=f"CS-{month}", discussion="Plans.")
        Preparation.objects.create(author=worker, session=session, worries="Hard week.")
    group_session = GroupSessionFactory()
    group_session.attendees.set([worker])
    client.force_login(worker)
    for url in (
        reverse("supervision:overview"),
        reverse("supervision:my-record"),
        reverse("supervision:group-sessions"),
        reverse("supervision:session-detail", args=[session.pk]),
    ):
        # 18: the whole record (my-record) reads each session's handbook tools in one more query, and the
        # person's ASYE critical reflections in another.
        with django_assert_max_num_queries(18):
            assert client.get(url).status_code == 200


def test_confidential_pages_are_never_cached(client, supervision_session, worker):
    client.force_login(worker)
    response = client.get(reverse("supervision:session-detail", args=[supervision_session.pk]))
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("role", "sees_dashboard", "sees_group_sessions"),
    [
        ("worker", False, False),
        ("supervisor", True, False),
        ("service_manager", True, False),
        ("facilitator", False, True),
    ],
)
def test_staff_home_links_to_the_supervision_pages_a_person_may_use(
    db, client, request, role, sees_dashboard, sees_group_sessions
):
    client.force_login(request.getfixturevalue(role))
    body = client.get(reverse("staff-home")).content.decode()
    assert reverse("supervision:overview") in body
    assert (reverse("supervision:dashboard") in body) is sees_dashboard
    assert ("Group reflective sessions" in body) is sees_group_sessions
