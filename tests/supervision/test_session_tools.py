"""The practice handbook's tools in a supervision record: the supervisor ticks the tools used when writing the
session up, and the record links to their handbook pages."""

import pytest
from django.urls import reverse
from django.utils import timezone

from supervision import services
from supervision.models import Session
from tests.factories import published_part
from tests.training.test_handbook_tools import ticked_values, tool_page


@pytest.fixture
def genogram(db):
    return tool_page("genogram", "Genograms")


@pytest.fixture
def ecomap(db):
    return tool_page("ecomap", "Ecomaps")


@pytest.fixture
def draft_tool(db):
    return tool_page("circular-questions", "Circular questions", published=False)


def _record_post(session, **overrides) -> dict:
    return {
        "version": session.version,
        "frame": "4x4x4",
        "held_on": "2 11 2026",
        "note_experience": "A hard visit.",
    } | overrides


def test_supervisor_records_the_tools_used_and_the_record_links_to_them(
    client, supervision_session, supervisor, worker, genogram, ecomap
):
    client.force_login(supervisor)
    url = reverse("supervision:session-record", args=[supervision_session.pk])
    response = client.post(url, _record_post(supervision_session, tools=[genogram.pk, ecomap.pk]))
    assert response.status_code == 302
    assert set(supervision_session.tools.all()) == {genogram, ecomap}
    supervision_session.refresh_from_db()
    assert supervision_session.notes["experience"] == "A hard visit."  # saved with the rest of the record

    reopened = client.get(url).content.decode()
    assert ticked_values(reopened, "tools") == [str(genogram.pk), str(ecomap.pk)]

    client.force_login(worker)
    page = client.get(reverse("supervision:session-detail", args=[supervision_session.pk])).content.decode()
    assert "Tools used" in page
    assert f'<a class="govuk-link" href="{reverse("handbook:page", args=["genogram"])}">Genograms</a>' in page
    assert f'<a class="govuk-link" href="{reverse("handbook:page", args=["ecomap"])}">Ecomaps</a>' in page


def test_saving_again_without_a_tool_removes_it(client, supervision_session, supervisor, genogram, ecomap):
    supervision_session.tools.set([genogram, ecomap])
    client.force_login(supervisor)
    url = reverse("supervision:session-record", args=[supervision_session.pk])
    assert client.post(url, _record_post(supervision_session, tools=[ecomap.pk])).status_code == 302
    assert list(supervision_session.tools.all()) == [ecomap]


def test_the_record_form_offers_only_published_handbook_tools(
    client, supervision_session, supervisor, genogram, draft_tool
):
    published_part("what-to-expect", "What to expect")
    client.force_login(supervisor)
    page = client.get(reverse("supervision:session-record", args=[supervision_session.pk])).content.decode()
    assert "Tools from the practice handbook you used" in page
    assert "Genograms" in page
    assert "Circular questions" not in page
    assert "What to expect" not in page


def test_a_families_guide_part_is_refused_with_a_form_error(client, supervision_session, supervisor, genogram):
    families_part = published_part("what-to-expect", "What to expect")
    opened = supervision_session.version
    client.force_login(supervisor)
    response = client.post(
        reverse("supervision:session-record", args=[supervision_session.pk]),
        _record_post(supervision_session, tools=[families_part.pk], note_experience="Keep this text."),
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert "Choose tools from the list" in body
    assert "Keep this text." in body
    supervision_session.refresh_from_db()
    assert supervision_session.version == opened
    assert not supervision_session.tools.exists()


def test_an_unpublished_tool_stays_linked_when_the_record_is_saved_again(
    client, supervision_session, supervisor, genogram, draft_tool
):
    supervision_session.tools.set([genogram, draft_tool])
    client.force_login(supervisor)
    url = reverse("supervision:session-record", args=[supervision_session.pk])
    assert client.post(url, _record_post(supervision_session, tools=[])).status_code == 302
    assert list(supervision_session.tools.all()) == [draft_tool]
    page = client.get(reverse("supervision:session-detail", args=[supervision_session.pk])).content.decode()
    assert "Tools used" not in page  # only published pages are shown and linked


def test_the_whole_record_lists_the_tools_used(client, supervision_session, worker, genogram):
    supervision_session.tools.set([genogram])
    client.force_login(worker)
    page = client.get(reverse("supervision:my-record")).content.decode()
    assert f'href="{reverse("handbook:page", args=["genogram"])}">Genograms</a>' in page


def test_a_locked_session_keeps_its_tools(client, supervision_session, supervisor, genogram, ecomap):
    supervision_session.tools.set([genogram])
    now = timezone.now()
    Session.objects.filter(pk=supervision_session.pk).update(
        supervisor_signed_at=now, supervisee_signed_at=now, locked_at=now
    )
    client.force_login(supervisor)
    url = reverse("supervision:session-record", args=[supervision_session.pk])
    assert client.post(url, _record_post(supervision_session, tools=[ecomap.pk])).status_code == 403
    assert list(supervision_session.tools.all()) == [genogram]

    supervision_session.refresh_from_db()
    record = services.SessionRecord(
        held_on=supervision_session.held_on,
        frame="4x4x4",
        notes={},
        scale=None,
        caseload_children=None,
        caseload_complexity="",
        tools=[ecomap],
    )
    with pytest.raises(services.NotAllowedError):
        services.write_record(
            supervision_session, record=record, expected_version=supervision_session.version, by=supervisor
        )
    assert list(supervision_session.tools.all()) == [genogram]


@pytest.mark.parametrize(
    ("person", "detail", "record"),
    [
        ("other_worker", 404, 404),
        ("other_supervisor", 404, 404),
        ("team_mate", 404, 404),
        ("worker", 200, 403),
    ],
)
def test_people_who_may_not_write_the_record_are_still_refused(
    client, request, supervision_session, genogram, person, detail, record
):
    supervision_session.tools.set([genogram])
    client.force_login(request.getfixturevalue(person))
    assert client.get(reverse("supervision:session-detail", args=[supervision_session.pk])).status_code == detail
    response = client.post(
        reverse("supervision:session-record", args=[supervision_session.pk]),
        _record_post(supervision_session, tools=[]),
    )
    assert response.status_code == record
    assert list(supervision_session.tools.all()) == [genogram]


def test_the_session_page_with_many_tools_reads_in_a_fixed_number_of_queries(
    client, supervision_session, worker, django_assert_max_num_queries
):
    supervision_session.tools.set([tool_page(f"tool-{n}", f"Tool number {n}") for n in range(8)])
    client.force_login(worker)
    with django_assert_max_num_queries(16):
        page = client.get(reverse("supervision:session-detail", args=[supervision_session.pk])).content.decode()
    assert page.count("Tool number") == 8
