"""The ASYE critical-reflection log: the worker writes, changes and shares entries with their ASYE assessor, who
reads what is shared and nothing else; and the ASYE assessor on the people-management pages."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.models import AuditEvent, AuditKind
from supervision import access
from supervision.models import AuditAction, AuditEntry, CriticalReflection, RecordType
from tests.dates import as_typed
from tests.factories import ServiceFactory, TeamFactory, UserFactory
from tests.portal.people.helpers import add_form, change_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessor(team):
    return UserFactory(team=team, full_name="Jo Lambert", job_title="Practice Educator")


@pytest.fixture
def asye_worker(worker, assessor):
    worker.asye_start_date = timezone.localdate() - timedelta(days=40)
    worker.asye_assessor = assessor
    worker.save()
    return worker


def _reflection(author, *, shared=False, title="A hard first visit", **fields) -> CriticalReflection:
    return CriticalReflection.objects.create(
        author=author,
        written_on=timezone.localdate() - timedelta(days=3),
        title=title,
        text="What I learned about leaving well.",
        shared_at=timezone.now() if shared else None,
        **fields,
    )


def _audit_details(reflection, action) -> list[str]:
    return list(
        AuditEntry.objects.filter(record_type=RecordType.CRITICAL_REFLECTION, record_id=reflection.pk, action=action)
        .order_by("at", "pk")
        .values_list("detail", flat=True)
    )


# --- Writing, changing and sharing --------------------------------------------------------


def test_an_asye_worker_writes_a_reflection_that_stays_private(client, asye_worker, assessor):
    client.force_login(asye_worker)
    written_on = timezone.localdate() - timedelta(days=1)
    response = client.post(
        reverse("supervision:reflection-create"),
        {"written_on": as_typed(written_on), "title": "  My first conference ", "text": "I did not speak up."},
    )
    reflection = CriticalReflection.objects.get(author=asye_worker)
    assert response.status_code == 302
    assert response.url == reverse("supervision:reflection-detail", args=[reflection.pk])
    assert (reflection.title, reflection.written_on, reflection.shared_at) == ("My first conference", written_on, None)
    assert _audit_details(reflection, AuditAction.CREATED) == [""]
    assert not access.critical_reflections_for(assessor).exists()


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"title": ""}, "Enter a title"),
        ({"title": "   "}, "Enter a title"),
        ({"text": ""}, "Enter your reflection"),
        ({"written_on": ""}, "Enter the date"),
        ({"written_on": "31 2 2026"}, "Enter a real date, like 27 3 2027"),
        ({"written_on": "future"}, "The date must be today or in the past"),
        ({"title": "x" * 201}, "Keep the title to 200 characters or fewer"),
    ],
    ids=["no title", "blank title", "no text", "no date", "not a date", "a future date", "title too long"],
)
def test_the_reflection_form_explains_each_mistake(client, asye_worker, change, error):
    if change.get("written_on") == "future":
        change = {"written_on": as_typed(timezone.localdate() + timedelta(days=1))}
    client.force_login(asye_worker)
    data = {"written_on": as_typed(timezone.localdate()), "title": "A title", "text": "Some text."} | change
    response = client.post(reverse("supervision:reflection-create"), data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert error in body
    assert not CriticalReflection.objects.exists()


def test_a_worker_changes_their_reflection_and_a_stale_save_is_refused(client, asye_worker):
    reflection = _reflection(asye_worker)
    client.force_login(asye_worker)
    url = reverse("supervision:reflection-edit", args=[reflection.pk])
    assert client.get(url).context["form"].initial["title"] == "A hard first visit"
    form = {"version": reflection.version, "written_on": as_typed(reflection.written_on), "title": "Leaving well"}
    assert client.post(url, form | {"text": "First save."}).status_code == 302
    response = client.post(url, form | {"text": "Second save, from a stale page."})
    body = response.content.decode()
    assert "Your changes were not saved" in body
    assert "Second save, from a stale page." in body
    reflection.refresh_from_db()
    assert (reflection.title, reflection.text, reflection.version) == ("Leaving well", "First save.", 2)
    assert _audit_details(reflection, AuditAction.CHANGED) == [""]


def test_sharing_with_the_assessor_and_withdrawing_it(client, asye_worker, assessor):
    reflection = _reflection(asye_worker)
    share = reverse("supervision:reflection-share", args=[reflection.pk])
    client.force_login(asye_worker)
    client.post(share, {"share": "yes"})
    reflection.refresh_from_db()
    assert reflection.shared_at is not None
    assert access.critical_reflections_for(assessor).get() == reflection

    client.post(share, {"share": "no"})
    reflection.refresh_from_db()
    assert reflection.shared_at is None
    assert not access.critical_reflections_for(assessor).exists()
    assert _audit_details(reflection, AuditAction.CHANGED) == ["Shared with their ASYE assessor", "Share withdrawn"]
    client.force_login(assessor)
    assert client.get(reverse("supervision:reflection-detail", args=[reflection.pk])).status_code == 404


def test_without_an_assessor_there_is_nobody_to_share_with(client, asye_worker):
    asye_worker.asye_assessor = None
    asye_worker.save()
    reflection = _reflection(asye_worker)
    client.force_login(asye_worker)
    response = client.post(reverse("supervision:reflection-share", args=[reflection.pk]), {"share": "yes"}, follow=True)
    assert "You do not have an ASYE assessor yet" in response.content.decode()
    reflection.refresh_from_db()
    assert reflection.shared_at is None


def test_the_log_is_linked_from_the_supervision_page_and_lists_own_reflections(client, asye_worker, team_mate):
    mine = _reflection(asye_worker, shared=True, title="Mine, shared")
    _reflection(team_mate, title="Someone else’s")
    client.force_login(asye_worker)
    assert reverse("supervision:reflections") in client.get(reverse("supervision:overview")).content.decode()
    body = client.get(reverse("supervision:reflections")).content.decode()
    assert "Mine, shared" in body
    assert reverse("supervision:reflection-detail", args=[mine.pk]) in body
    assert "Someone else’s" not in body
    assert "Your ASYE dates" in body


def test_someone_not_in_an_asye_has_no_log(client, team_mate):
    client.force_login(team_mate)
    assert client.get(reverse("supervision:reflections")).status_code == 403
    assert client.get(reverse("supervision:reflection-create")).status_code == 403
    assert reverse("supervision:reflections") not in client.get(reverse("supervision:overview")).content.decode()


# --- Who reads a reflection ---------------------------------------------------------------


def test_the_assessor_reads_shared_reflections_only_and_each_read_is_audited(client, asye_worker, assessor):
    shared = _reflection(asye_worker, shared=True, title="Shared with you")
    private = _reflection(asye_worker, title="Still private")
    client.force_login(assessor)
    assert reverse("supervision:reflections-assessing") in client.get(reverse("supervision:overview")).content.decode()
    body = client.get(reverse("supervision:reflections-assessing")).content.decode()
    assert asye_worker.full_name in body
    assert "Shared with you" in body
    assert "Still private" not in body
    assert "3-month review" in body

    detail = client.get(reverse("supervision:reflection-detail", args=[shared.pk]))
    body = detail.content.decode()
    assert detail.status_code == 200
    assert "What I learned about leaving well." in body
    assert "You can read it, not change it." in body
    assert reverse("supervision:reflection-edit", args=[shared.pk]) not in body
    assert _audit_details(shared, AuditAction.VIEWED) == ["Read as ASYE assessor"]
    assert client.get(reverse("supervision:reflection-detail", args=[private.pk])).status_code == 404


def test_the_assessor_cannot_change_or_share_a_reflection(client, asye_worker, assessor):
    shared = _reflection(asye_worker, shared=True)
    client.force_login(assessor)
    edit = reverse("supervision:reflection-edit", args=[shared.pk])
    assert client.get(edit).status_code == 403
    assert (
        client.post(edit, {"version": 1, "title": "Changed", "text": "x", "written_on": "1 1 2026"}).status_code == 403
    )
    assert client.post(reverse("supervision:reflection-share", args=[shared.pk]), {"share": "no"}).status_code == 403
    shared.refresh_from_db()
    assert shared.title == "A hard first visit"
    assert shared.shared_at is not None


@pytest.mark.parametrize("role", ["supervisor", "service_manager", "team_mate", "other_supervisor", "facilitator"])
def test_nobody_but_the_author_and_their_assessor_reads_a_shared_reflection(client, asye_worker, request, role):
    shared = _reflection(asye_worker, shared=True)
    client.force_login(request.getfixturevalue(role))
    for name in ("supervision:reflection-detail", "supervision:reflection-edit"):
        assert client.get(reverse(name, args=[shared.pk])).status_code == 404
    assert client.post(reverse("supervision:reflection-share", args=[shared.pk]), {"share": "no"}).status_code == 404
    assert client.get(reverse("supervision:reflections-assessing")).status_code == 403


def test_a_supervisor_who_is_also_the_assessor_reads_what_is_shared(client, asye_worker, supervisor):
    asye_worker.asye_assessor = supervisor
    asye_worker.save()
    shared = _reflection(asye_worker, shared=True)
    client.force_login(supervisor)
    assert client.get(reverse("supervision:reflection-detail", args=[shared.pk])).status_code == 200


def test_a_new_assessor_reads_what_was_shared_and_the_old_one_no_longer_does(client, asye_worker, assessor, team):
    shared = _reflection(asye_worker, shared=True)
    new_assessor = UserFactory(team=team)
    asye_worker.asye_assessor = new_assessor
    asye_worker.save()
    assert not access.critical_reflections_for(assessor).exists()
    assert access.critical_reflections_for(new_assessor).get() == shared


# --- Query counts -------------------------------------------------------------------------


def test_the_log_and_the_assessors_list_use_a_bounded_number_of_queries(
    client, assessor, team, django_assert_max_num_queries
):
    today = timezone.localdate()
    people = [
        UserFactory(team=team, asye_start_date=today - timedelta(days=20 * n), asye_assessor=assessor) for n in range(8)
    ]
    for person in people:
        for n in range(6):
            _reflection(person, shared=n % 2 == 0, title=f"Reflection {n}")
    client.force_login(assessor)
    with django_assert_max_num_queries(8):
        body = client.get(reverse("supervision:reflections-assessing")).content.decode()
    assert body.count("Reflection ") == 8 * 3
    client.force_login(people[0])
    with django_assert_max_num_queries(8):
        body = client.get(reverse("supervision:reflections")).content.decode()
    assert body.count("Reflection ") == 6


# --- The ASYE assessor on the people-management pages -------------------------------------


@pytest.fixture
def admin(team):
    from portal.roles import Role

    return UserFactory(team=team, roles=[Role.PEOPLE_ADMINISTRATOR], full_name="Grace Mitchell")


def test_adding_a_person_with_an_asye_assessor(client, admin, team, assessor):
    client.force_login(admin)
    response = client.post(reverse("people:add"), add_form(team, asye_start_date="4 1 2027", asye_assessor=assessor.pk))
    assert response.status_code == 302
    person = assessor.asye_assessees.get()
    assert person.email == "nia.roberts@example.org"
    event = AuditEvent.objects.get(subject=person, kind=AuditKind.PERSON_ADDED)
    assert event.changes["asye_assessor"] == [None, "Jo Lambert"]


def test_changing_the_asye_assessor_is_audited_and_shown_on_the_persons_page(client, admin, worker, assessor):
    client.force_login(admin)
    response = client.post(reverse("people:change", args=[worker.pk]), change_form(worker, asye_assessor=assessor.pk))
    assert response.status_code == 302
    worker.refresh_from_db()
    assert worker.asye_assessor == assessor
    event = AuditEvent.objects.get(subject=worker, kind=AuditKind.PERSON_CHANGED)
    assert event.changes == {"asye_assessor": [None, "Jo Lambert"]}
    body = client.get(reverse("people:person", args=[worker.pk])).content.decode()
    assert "ASYE assessor" in body
    assert reverse("people:person", args=[assessor.pk]) in body


def test_the_asye_assessor_must_work_in_the_service_and_not_be_the_person(client, admin, worker):
    outsider = UserFactory(team=TeamFactory(service=ServiceFactory(name="Adult Social Care")))
    client.force_login(admin)
    url = reverse("people:change", args=[worker.pk])
    body = client.post(url, change_form(worker, asye_assessor=outsider.pk)).content.decode()
    assert "Choose an ASYE assessor who works in your service" in body
    body = client.post(url, change_form(worker, asye_assessor=worker.pk)).content.decode()
    assert "is not the person themselves" in body
    worker.refresh_from_db()
    assert worker.asye_assessor is None
