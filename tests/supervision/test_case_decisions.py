"""Case decisions the child's file can use: the fields on the case form, changing a case, the copy for the case
record, sign-off waiting for the rationale and the child's views, and the ASYE dates on supervision pages."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from supervision import services
from supervision.asye import asye_dates, dates_from
from supervision.case_record import case_record_text
from supervision.models import AuditAction, AuditEntry, CaseDiscussion, RecordType, Session
from tests.dates import as_shown
from tests.factories import AgreementFactory, SessionFactory, UserFactory

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 1)

FULL_CASE = {
    "case_reference": "cs-20019",
    "discussion": "Next steps before the review.",
    "decisions": "Stay on the child protection plan.",
    "rationale": "The risks have not reduced enough to step down.",
    "child_views": "The 9-year-old said at school that home feels calmer.\r\nSeen alone on 3 visits.",
    "next_steps": "Unannounced visit.",
    "next_steps_by": "the allocated social worker",
    "next_steps_due": "4 12 2026",
}


def _case(session, **fields) -> CaseDiscussion:
    values = {"case_reference": "CS-10442", "discussion": "Planning a core group."} | fields
    return CaseDiscussion.objects.create(session=session, **values)


def _audits(session, action) -> list[str]:
    return list(
        AuditEntry.objects.filter(record_type=RecordType.SESSION, record_id=session.pk, action=action)
        .order_by("at", "pk")
        .values_list("detail", flat=True)
    )


# --- Adding and changing a case -----------------------------------------------------------


def test_adding_a_case_saves_the_decision_why_the_childs_views_and_what_next(client, supervision_session, supervisor):
    supervision_session.supervisor_signed_at = timezone.now()
    supervision_session.save()
    client.force_login(supervisor)
    response = client.post(reverse("supervision:case-add", args=[supervision_session.pk]), FULL_CASE)
    assert response.status_code == 302
    case = CaseDiscussion.objects.get(session=supervision_session, case_reference="CS-20019")
    assert case.decisions == "Stay on the child protection plan."
    assert case.rationale == "The risks have not reduced enough to step down."
    assert case.child_views.startswith("The 9-year-old said at school")
    assert (case.next_steps, case.next_steps_by, case.next_steps_due) == (
        "Unannounced visit.",
        "the allocated social worker",
        date(2026, 12, 4),
    )
    assert case.needs_before_sign_off == []
    supervision_session.refresh_from_db()
    assert supervision_session.supervisor_signed_at is None  # a change to the record clears signatures
    assert _audits(supervision_session, AuditAction.CHANGED) == ["Case CS-20019 added"]


def test_the_case_form_asks_for_references_and_roles_never_names(client, supervision_session, supervisor):
    client.force_login(supervisor)
    body = client.get(reverse("supervision:case-add", args=[supervision_session.pk])).content.decode()
    assert "Never write a child’s name" in body
    assert "never names" in body
    assert "The child’s views and experience, and how we know them" in body
    assert "Needed before sign-off if you record a decision" in body


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"case_reference": "Lily Smith"}, "Enter a case reference of 3 to 20 letters"),
        ({"discussion": ""}, "Enter what you discussed"),
        ({"next_steps_due": "31 2 2027"}, "Enter a real date for “by when”, like 27 3 2027"),
        ({"next_steps": ""}, "Enter what happens next, or leave “by whom” and “by when” empty"),
        ({"next_steps_by": "x" * 201}, "Keep “by whom” to 200 characters or fewer"),
        ({"next_steps_due": "1 11 2026"}, "“By when” must be on or after the day of the supervision, 2 November 2026"),
        ({"next_steps_due": "4 12 2023"}, "“By when” must be on or after the day of the supervision, 2 November 2026"),
    ],
    ids=[
        "a name for a reference",
        "no discussion",
        "not a date",
        "who and when without what",
        "by whom too long",
        "the day before the session",
        "years before the session",
    ],
)
def test_the_case_form_explains_each_mistake_and_saves_nothing(client, supervision_session, supervisor, change, error):
    client.force_login(supervisor)
    response = client.post(reverse("supervision:case-add", args=[supervision_session.pk]), FULL_CASE | change)
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert error in body
    assert supervision_session.case_discussions.count() == 1


def test_a_case_can_be_changed_while_the_session_is_open(client, supervision_session, supervisor):
    case = supervision_session.case_discussions.get()
    client.force_login(supervisor)
    url = reverse("supervision:case-edit", args=[case.pk])
    form = client.get(url).context["form"]
    assert form.initial["case_reference"] == "CS-10442"
    response = client.post(url, FULL_CASE | {"case_reference": "CS-10442", "version": case.version})
    assert response.status_code == 302
    assert response.url.endswith(f"#case-{case.pk}")
    case.refresh_from_db()
    assert case.rationale == "The risks have not reduced enough to step down."
    assert case.version == 2
    assert _audits(supervision_session, AuditAction.CHANGED) == ["Case CS-10442 changed"]


def test_a_change_may_not_set_by_when_before_the_session_but_may_set_it_on_its_day(
    client, supervision_session, supervisor
):
    case = supervision_session.case_discussions.get()
    client.force_login(supervisor)
    url = reverse("supervision:case-edit", args=[case.pk])
    body = client.post(url, FULL_CASE | {"next_steps_due": "2 11 2025", "version": case.version}).content.decode()
    assert "“By when” must be on or after the day of the supervision, 2 November 2026" in body
    case.refresh_from_db()
    assert case.next_steps_due is None
    assert client.post(url, FULL_CASE | {"next_steps_due": "2 11 2026", "version": case.version}).status_code == 302
    case.refresh_from_db()
    assert case.next_steps_due == date(2026, 11, 2)


def test_a_second_change_from_a_stale_page_is_refused_and_shows_both(client, supervision_session, supervisor):
    case = supervision_session.case_discussions.get()
    client.force_login(supervisor)
    url = reverse("supervision:case-edit", args=[case.pk])
    opened = case.version
    client.post(url, FULL_CASE | {"version": opened, "rationale": "First save."})
    response = client.post(url, FULL_CASE | {"version": opened, "rationale": "Second save, from a stale page."})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Your changes were not saved" in body
    assert "Second save, from a stale page." in body  # their text is kept in the form
    assert "First save." in body  # beside what is saved now
    case.refresh_from_db()
    assert case.rationale == "First save."


def test_a_case_on_a_locked_session_cannot_be_changed(client, supervision_session, supervisor):
    now = timezone.now()
    Session.objects.filter(pk=supervision_session.pk).update(
        supervisor_signed_at=now, supervisee_signed_at=now, locked_at=now
    )
    case = supervision_session.case_discussions.get()
    client.force_login(supervisor)
    assert client.get(reverse("supervision:case-edit", args=[case.pk])).status_code == 403
    supervision_session.refresh_from_db()
    with pytest.raises(services.NotAllowedError):
        services.change_case_discussion(
            case, text=dict.fromkeys(services.CASE_FIELDS, ""), expected_version=case.version, by=supervisor
        )


@pytest.mark.parametrize(("role", "status"), [("worker", 403), ("service_manager", 403), ("other_supervisor", 404)])
def test_only_the_supervisor_may_change_a_case(client, supervision_session, request, role, status):
    case = supervision_session.case_discussions.get()
    client.force_login(request.getfixturevalue(role))
    url = reverse("supervision:case-edit", args=[case.pk])
    assert client.get(url).status_code == status
    assert client.post(url, FULL_CASE | {"version": case.version}).status_code == status
    case.refresh_from_db()
    assert case.rationale == ""


# --- Copy for the case record -------------------------------------------------------------


@pytest.fixture
def decided(supervision_session):
    case = supervision_session.case_discussions.get()
    case.decisions = "Stay on the plan.\r\nAdd unannounced visits."
    case.rationale = "Home conditions slip after each visit."
    case.child_views = "The 6-year-old drew home as the smallest house. Seen alone at school."
    case.next_steps = "Ask the school for weekly attendance."
    case.next_steps_by = "the allocated social worker"
    case.next_steps_due = date(2026, 12, 4)
    case.save()
    return case


def _lock(session) -> None:
    session.supervisor_signed_at = session.supervisee_signed_at = session.locked_at = timezone.now()
    session.save(update_fields=["supervisor_signed_at", "supervisee_signed_at", "locked_at"])


def test_the_copy_for_the_case_record_is_exactly_the_decision_and_what_the_file_needs(decided, worker, supervisor):
    _lock(decided.session)
    decided.session.supervisee.full_name, decided.session.supervisor.full_name = "Sam Whitfield", "Tom Okafor"
    assert case_record_text(decided, today=TODAY) == (
        "Case CS-10442: decision from supervision\n"
        "Date of supervision: 2 November 2026\n"
        "Supervisor: Tom Okafor\n"
        "Supervisee: Sam Whitfield\n"
        "\n"
        "Decision\n"
        "Stay on the plan.\n"
        "Add unannounced visits.\n"
        "\n"
        "Why: the analysis\n"
        "Home conditions slip after each visit.\n"
        "\n"
        "The child’s views and experience, and how we know\n"
        "The 6-year-old drew home as the smallest house. Seen alone at school.\n"
        "\n"
        "What happens next\n"
        "Ask the school for weekly attendance.\n"
        "By whom: the allocated social worker\n"
        "By when: 4 December 2026\n"
    )
    assert "Planning a core group." not in case_record_text(decided, today=TODAY)  # the wider discussion stays


@pytest.mark.parametrize(
    ("signed", "status"),
    [
        ((), "Recorded, not signed"),
        (("supervisor_signed_at",), "Waiting for the supervisee"),
        (("supervisee_signed_at",), "Waiting for the supervisor"),
    ],
)
def test_the_copy_of_a_session_not_signed_off_by_both_says_it_is_a_draft_at_its_top(
    client, decided, supervisor, signed, status
):
    for field in signed:
        setattr(decided.session, field, timezone.now())
    decided.session.save()
    draft = (
        f"DRAFT: this supervision record is not yet signed off by both people (status: {status}). "
        "Check the signed-off version before relying on it.\n\nCase CS-10442: decision from supervision\n"
    )
    assert case_record_text(decided, today=TODAY).startswith(draft)
    client.force_login(supervisor)
    body = client.get(reverse("supervision:case-record", args=[decided.pk])).content.decode()
    assert f"readonly>{draft}" in body
    assert f"This is a draft: the supervision record is not yet signed off by both people (status: {status})" in body
    download = client.get(reverse("supervision:case-record-download", args=[decided.pk]))
    assert download.content.decode("utf-8").startswith(draft)


def test_the_copy_of_a_signed_off_session_is_not_a_draft(client, decided, supervisor):
    _lock(decided.session)
    client.force_login(supervisor)
    body = client.get(reverse("supervision:case-record", args=[decided.pk])).content.decode()
    assert "readonly>Case CS-10442: decision from supervision\n" in body
    assert "DRAFT" not in body
    assert "This is a draft" not in body


def test_a_case_with_no_decision_has_nothing_to_copy(client, supervision_session, supervisor):
    case = supervision_session.case_discussions.get()
    assert case.decisions == ""
    client.force_login(supervisor)
    assert client.get(reverse("supervision:case-record", args=[case.pk])).status_code == 404
    assert client.get(reverse("supervision:case-record-download", args=[case.pk])).status_code == 404
    case.decisions = "   "
    case.save()
    assert client.get(reverse("supervision:case-record", args=[case.pk])).status_code == 404
    assert not AuditEntry.objects.filter(action=AuditAction.EXPORTED).exists()


def test_the_copy_says_what_was_not_recorded(supervision_session):
    case = _case(supervision_session, decisions="Close the case.")
    text = case_record_text(case, today=TODAY)
    assert "Why: the analysis\nNot recorded\n" in text
    assert "The child’s views and experience, and how we know\nNot recorded\n" in text
    assert text.endswith("What happens next\nNot recorded\nBy whom: Not recorded\nBy when: Not recorded\n")


@pytest.mark.parametrize("role", ["worker", "supervisor", "service_manager"])
def test_everyone_who_reads_the_session_can_copy_and_download_and_each_time_is_audited(client, decided, request, role):
    person = request.getfixturevalue(role)
    client.force_login(person)
    page = client.get(reverse("supervision:case-record", args=[decided.pk]))
    body = page.content.decode()
    assert page.status_code == 200
    assert "Case CS-10442: decision from supervision\nDate of supervision: 2 November 2026" in body
    assert "Download as a text file" in body
    download = client.get(reverse("supervision:case-record-download", args=[decided.pk]))
    assert download["Content-Type"] == "text/plain; charset=utf-8"
    assert download["Content-Disposition"] == 'attachment; filename="case-CS-10442-supervision-2026-11-02.txt"'
    assert download.content.decode("utf-8") == case_record_text(decided, today=timezone.localdate())
    exported = AuditEntry.objects.filter(action=AuditAction.EXPORTED, record_id=decided.session_id, actor=person)
    assert list(exported.values_list("detail", flat=True)) == ["Case CS-10442 copied for the case record"] * 2


@pytest.mark.parametrize("role", ["team_mate", "other_worker", "other_supervisor", "facilitator", "editor"])
def test_nobody_else_can_copy_a_case_for_the_case_record(client, decided, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("supervision:case-record", args=[decided.pk])).status_code == 404
    assert client.get(reverse("supervision:case-record-download", args=[decided.pk])).status_code == 404
    assert not AuditEntry.objects.filter(action=AuditAction.EXPORTED).exists()


def test_the_session_page_offers_the_copy_only_for_cases_with_a_decision(client, decided, supervisor):
    _case(decided.session, case_reference="CS-555", discussion="Just an update.")
    client.force_login(supervisor)
    body = client.get(reverse("supervision:session-detail", args=[decided.session_id])).content.decode()
    assert reverse("supervision:case-record", args=[decided.pk]) in body
    assert body.count("Copy for the case record") == 1
    assert reverse("supervision:case-edit", args=[decided.pk]) in body


# --- Sign-off waits for the rationale and the child's views -----------------------------


def test_sign_off_is_refused_until_each_decision_has_why_and_the_childs_views(
    client, supervision_session, supervisor, worker
):
    case = _case(supervision_session, case_reference="CS-777", decisions="Step down to early help.")
    supervision_session.refresh_from_db()
    client.force_login(supervisor)
    detail = reverse("supervision:session-detail", args=[supervision_session.pk])
    edit = reverse("supervision:case-edit", args=[case.pk])

    # The session page says so before anyone tries.
    body = client.get(detail).content.decode()
    assert "Before this record can be signed off" in body
    assert f'href="{edit}#id_rationale"' in body

    sign = reverse("supervision:session-sign", args=[supervision_session.pk])
    response = client.post(sign, {"version": supervision_session.version})
    body = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error: " in body
    assert "The record cannot be signed off yet" in body
    assert "Case CS-777: add why the decision was made and the child’s views and experience" in body
    assert f'href="{edit}#id_rationale"' in body
    supervision_session.refresh_from_db()
    assert supervision_session.supervisor_signed_at is None
    assert not _audits(supervision_session, AuditAction.SIGNED)

    # With the rationale but not the child's views, it still waits, and says only what is missing.
    client.post(edit, FULL_CASE | {"case_reference": "CS-777", "child_views": "", "version": case.version})
    supervision_session.refresh_from_db()
    body = client.post(sign, {"version": supervision_session.version}).content.decode()
    assert "Case CS-777: add the child’s views and experience" in body
    assert f'href="{edit}#id_child_views"' in body

    # The supervisee is refused too, and is not offered a change link.
    client.force_login(worker)
    response = client.post(sign, {"version": supervision_session.version, "response": "agree"})
    assert response.status_code == 400
    assert f'href="#case-{case.pk}"' in response.content.decode()

    case.refresh_from_db()
    client.force_login(supervisor)
    client.post(edit, FULL_CASE | {"case_reference": "CS-777", "version": case.version})
    supervision_session.refresh_from_db()
    assert "Before this record can be signed off" not in client.get(detail).content.decode()
    response = client.post(sign, {"version": supervision_session.version})
    assert response.status_code == 302
    supervision_session.refresh_from_db()
    assert supervision_session.supervisor_signed_at is not None


def test_the_supervisee_is_told_what_their_supervisor_needs_to_add_and_nobody_gets_a_sign_off_button_till_then(
    client, supervision_session, supervisor, worker
):
    case = _case(supervision_session, case_reference="CS-888", decisions="Step down.", rationale="Safe now.")
    supervision_session.refresh_from_db()
    detail = reverse("supervision:session-detail", args=[supervision_session.pk])
    edit = reverse("supervision:case-edit", args=[case.pk])
    needed = "Your supervisor needs to add the child’s views and experience for case CS-888"

    client.force_login(worker)
    body = client.get(detail).content.decode()
    assert needed in body
    assert f'href="#case-{case.pk}">{needed}</a>' in body
    assert "which only your supervisor can add" in body
    assert "Case CS-888: add" not in body
    assert edit not in body
    assert "Sign off this record" not in body
    assert "You can sign off once your supervisor has added what each case decision needs." in body
    # A sign-off sent anyway (from a page opened before the decision was recorded) is refused in the same words.
    refused = client.post(
        reverse("supervision:session-sign", args=[supervision_session.pk]),
        {"version": supervision_session.version, "response": "agree"},
    ).content.decode()
    assert "The record cannot be signed off yet" in refused
    assert needed in refused
    assert "Case CS-888: add" not in refused

    client.force_login(supervisor)
    body = client.get(detail).content.decode()
    assert f'href="{edit}#id_child_views">Case CS-888: add the child’s views and experience</a>' in body
    assert "needs to add" not in body
    assert "Sign off this record" not in body
    assert "You can sign off once each case decision has what it needs." in body

    case.child_views = "Seen alone at school."
    case.save()
    for person in (supervisor, worker):
        client.force_login(person)
        assert "Sign off this record" in client.get(detail).content.decode()


def test_the_sign_off_service_refuses_a_decision_without_the_childs_views(supervision_session, supervisor):
    _case(supervision_session, decisions="Close.", rationale="Safe now.")
    supervision_session.refresh_from_db()
    with pytest.raises(services.SignOffBlockedError) as refused:
        services.sign_session(supervision_session, by=supervisor, expected_version=supervision_session.version)
    [(case, missing)] = refused.value.gaps
    assert (case.case_reference, missing) == ("CS-10442", ["the child’s views and experience"])


def test_a_case_without_a_decision_does_not_hold_up_sign_off(client, supervision_session, supervisor):
    client.force_login(supervisor)
    response = client.post(
        reverse("supervision:session-sign", args=[supervision_session.pk]), {"version": supervision_session.version}
    )
    assert response.status_code == 302


# --- ASYE dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "three", "six", "final"),
    [
        (date(2026, 9, 7), date(2026, 12, 7), date(2027, 3, 7), date(2027, 9, 7)),
        # Month ends: a shorter month gives its last day.
        (date(2026, 8, 31), date(2026, 11, 30), date(2027, 2, 28), date(2027, 8, 31)),
        (date(2027, 11, 30), date(2028, 2, 29), date(2028, 5, 30), date(2028, 11, 30)),
        (date(2028, 2, 29), date(2028, 5, 29), date(2028, 8, 29), date(2029, 2, 28)),
        (date(2026, 10, 31), date(2027, 1, 31), date(2027, 4, 30), date(2027, 10, 31)),
    ],
)
def test_asye_review_and_final_assessment_dates(start, three, six, final):
    dates = dates_from(start)
    assert (dates.three_month_review, dates.six_month_review, dates.final_assessment) == (three, six, final)
    assert [milestone.on for milestone in dates.milestones] == [three, six, final]


def test_asye_dates_show_until_the_final_assessment_day_and_not_without_a_start():
    person = UserFactory.build(asye_start_date=date(2026, 9, 7))
    assert asye_dates(person, date(2027, 9, 7)).final_assessment == date(2027, 9, 7)
    assert asye_dates(person, date(2027, 9, 8)) is None
    assert asye_dates(UserFactory.build(asye_start_date=None), date(2026, 12, 1)) is None
    assert asye_dates(person, date(2026, 12, 1)).next_milestone(date(2026, 12, 1)).label == "3-month review"


def test_an_asye_worker_sees_their_dates_and_reflections_on_their_supervision_page(client, worker):
    today = timezone.localdate()
    worker.asye_start_date = today - timedelta(days=30)
    worker.save()
    client.force_login(worker)
    body = client.get(reverse("supervision:overview")).content.decode()
    dates = dates_from(worker.asye_start_date)
    assert "Your ASYE" in body
    for day in (dates.three_month_review, dates.six_month_review, dates.final_assessment):
        assert as_shown(day) in body
    assert reverse("supervision:reflections") in body


@pytest.mark.parametrize(
    ("frequency", "shown"),
    [
        ("asye", ", ASYE pattern (weekly for 6 weeks, fortnightly to 6 months, then monthly), since"),
        ("monthly", ", monthly, since"),
    ],
)
def test_the_supervisees_agreement_names_its_frequency_keeping_asye_in_capitals(
    client, worker, supervisor, frequency, shown
):
    AgreementFactory(supervisee=worker, supervisor=supervisor, frequency=frequency)
    client.force_login(worker)
    body = client.get(reverse("supervision:overview")).content.decode()
    assert shown in body
    assert "asye pattern" not in body


def test_a_worker_not_in_their_asye_sees_no_asye_section(client, worker):
    client.force_login(worker)
    assert "Your ASYE" not in client.get(reverse("supervision:overview")).content.decode()


def test_the_supervisor_sees_asye_dates_in_their_list_and_their_view_of_the_person(
    client, agreement, worker, supervisor
):
    today = timezone.localdate()
    worker.asye_start_date = today - timedelta(days=30)
    worker.save()
    dates = dates_from(worker.asye_start_date)
    client.force_login(supervisor)
    body = client.get(reverse("supervision:supervisees")).content.decode()
    assert f"3-month review {dates.three_month_review:%-d %b %Y}" in body
    assert f"final assessment {dates.final_assessment:%-d %b %Y}" in body
    body = client.get(reverse("supervision:supervisees"), {"supervisee": worker.pk}).content.decode()
    assert f"{worker.full_name}’s ASYE" in body
    assert as_shown(dates.six_month_review) in body


def test_the_supervisees_list_reads_asye_dates_without_more_queries(
    client, supervisor, team, django_assert_max_num_queries
):
    today = timezone.localdate()
    for n in range(12):
        person = UserFactory(team=team, line_manager=supervisor, asye_start_date=today - timedelta(days=10 * n))
        AgreementFactory(supervisee=person, supervisor=supervisor)
        SessionFactory(supervisee=person, supervisor=supervisor, held_on=today - timedelta(days=n))
    client.force_login(supervisor)
    with django_assert_max_num_queries(17):
        body = client.get(reverse("supervision:supervisees")).content.decode()
    assert body.count("3-month review") == 12
