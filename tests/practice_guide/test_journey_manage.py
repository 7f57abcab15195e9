"""Editors manage the journey's steps like parts: create, edit, move, preview. Nobody else may."""

import pytest

from portal.roles import Role
from practice_guide.models import GuidePart, Kind
from tests.factories import UserFactory
from tests.practice_guide.test_journey import make_step


@pytest.fixture
def two_steps(guide, editor):
    return [
        make_step(
            "contact-and-referral", "Contact and referral", by=editor, body="Someone tells us.", timescale="1 day"
        ),
        make_step("assessment", "Assessment", by=editor, body="See [your rights](/guide/your-rights/)."),
    ]


def step_urls(step):
    return [
        ("get", "/guide/manage/new-step/"),
        ("get", f"/guide/manage/{step.pk}/"),
        ("get", f"/guide/manage/{step.pk}/preview/"),
        ("post", "/guide/manage/new-step/"),
        ("post", f"/guide/manage/{step.pk}/move/"),
    ]


def test_anonymous_visitors_are_sent_to_sign_in(client, two_steps):
    for method, url in step_urls(two_steps[0]):
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/sign-in/")


@pytest.mark.parametrize("role", [Role.SOCIAL_WORKER, Role.SUPERVISOR, Role.SERVICE_MANAGER])
def test_signed_in_people_who_are_not_editors_are_refused(client, two_steps, team, role):
    client.force_login(UserFactory(team=team, roles=[role]))
    for method, url in step_urls(two_steps[0]):
        assert getattr(client, method)(url).status_code == 403, url
    assert GuidePart.objects.steps().count() == 2


def test_the_list_shows_steps_in_their_own_section(client, two_steps, editor):
    client.force_login(editor)
    content = client.get("/guide/manage/").content.decode()
    assert "Journey steps, in the order families see them" in content
    assert "/guide/what-happens-and-when/assessment/" in content
    assert 'href="/guide/manage/new-step/"' in content
    parts_table = content.split('id="steps-caption"')[0]
    assert "Contact and referral" not in parts_table


def test_an_editor_adds_a_step_with_a_timescale_and_a_note(client, guide, editor):
    client.force_login(editor)
    form = client.get("/guide/manage/new-step/").content.decode()
    assert "Add a journey step" in form
    assert 'name="timescale"' in form
    assert 'name="editor_note"' in form
    response = client.post(
        "/guide/manage/new-step/",
        {
            "title": "Review conferences",
            "slug": "",
            "summary": "Checking the plan.",
            "body_parents": "We meet again.",
            "timescale": "Within 3 months, then at most every 6 months.",
            "editor_note": "Source: Working Together to Safeguard Children 2023.",
        },
    )
    step = GuidePart.objects.get(slug="review-conferences")
    assert response["Location"] == f"/guide/manage/{step.pk}/"
    assert step.kind == Kind.STEP
    assert step.published is None
    assert step.draft.timescale == "Within 3 months, then at most every 6 months."
    assert step.draft.editor_note == "Source: Working Together to Safeguard Children 2023."


def test_a_part_has_no_timescale_but_keeps_a_note(client, guide, editor):
    client.force_login(editor)
    content = client.get(f"/guide/manage/{guide[0].pk}/").content.decode()
    assert 'name="timescale"' not in content
    assert 'name="editor_note"' in content


def test_the_guides_own_address_cannot_be_a_step(client, guide, editor):
    client.force_login(editor)
    response = client.post(
        "/guide/manage/new-step/",
        {"title": "What happens and when", "slug": "", "summary": "S.", "body_parents": "B."},
    )
    assert response.status_code == 200
    assert "is used by the guide itself" in response.content.decode()
    assert not GuidePart.objects.steps().exists()


def test_an_editor_edits_a_step_keeping_its_timescale_in_the_draft(client, two_steps, editor):
    client.force_login(editor)
    step = two_steps[0]
    form = client.get(f"/guide/manage/{step.pk}/").content.decode()
    assert "Edit a step of “What happens and when”" in form
    assert 'value="1 day"' in form
    response = client.post(
        f"/guide/manage/{step.pk}/",
        {
            "title": "Contact and referral",
            "summary": "S.",
            "body_parents": "New words.",
            "timescale": "Within one working day.",
            "editor_note": "Working Together 2023.",
            "edit_version": step.edit_version,
            "action": "save",
        },
    )
    assert response.status_code == 302
    step.refresh_from_db()
    assert (step.draft.timescale, step.draft.editor_note) == ("Within one working day.", "Working Together 2023.")
    assert step.published.timescale == "1 day"


def test_moving_a_step_reorders_the_steps_only(client, two_steps, guide, editor):
    client.force_login(editor)
    parts_before = list(GuidePart.objects.parts().values_list("slug", flat=True))
    client.post(f"/guide/manage/{two_steps[1].pk}/move/", {"direction": "up"})
    assert list(GuidePart.objects.steps().values_list("slug", flat=True)) == ["assessment", "contact-and-referral"]
    assert list(GuidePart.objects.parts().values_list("slug", flat=True)) == parts_before


def test_the_preview_of_a_step_is_the_step_page(client, two_steps, editor):
    client.force_login(editor)
    step = make_step("plan-ending", "The plan ending", by=editor, body="Draft words for the end.", publish=False)
    content = client.get(f"/guide/manage/{step.pk}/preview/").content.decode()
    assert "This is the draft as families will see it." in content
    assert "Draft words for the end." in content
    assert "What happens and when" in content
    assert 'data-module="portal-step-nav"' in content
