from datetime import timedelta

import pytest
from django.utils import timezone

from portal.edit_conflicts import EditConflictError
from practice_guide import services
from practice_guide.models import GuidePart, PartEvent
from tests.factories import draft_part, published_part

Action = PartEvent.Action


def text(title="Your rights", body="You can complain.", children=""):
    return services.PartText(title, f"About {title}.", body, children)


def test_creating_a_part_makes_a_draft_that_families_cannot_see(editor):
    part = services.create_part(slug="your-rights", text=text(), by=editor)
    assert part.draft.number == 1
    assert part.published is None
    assert not GuidePart.objects.published().exists()
    assert part.events.get().action == Action.CREATED


def test_saving_keeps_the_published_version_untouched(editor):
    part = published_part("your-rights", "Your rights", by=editor)
    services.save_draft(part, expected_version=part.edit_version, text=text(body="New words"), by=editor)
    part.refresh_from_db()
    assert part.published.number == 1
    assert part.draft.number == 2
    assert part.has_unpublished_changes


def test_a_save_over_someone_elses_newer_save_is_refused(editor):
    part = draft_part(by=editor)
    opened_at = part.edit_version
    services.save_draft(part, expected_version=opened_at, text=text(body="First editor"), by=editor)
    with pytest.raises(EditConflictError):
        services.save_draft(part, expected_version=opened_at, text=text(body="Second editor"), by=editor)
    part.refresh_from_db()
    assert part.draft.body_parents == "First editor"


def test_every_published_version_is_kept(editor):
    part = published_part("your-rights", "Your rights", by=editor)
    services.save_draft(part, expected_version=part.edit_version, text=text(body="Second"), by=editor)
    services.publish(part, by=editor)
    part.refresh_from_db()
    assert list(part.revisions.filter(first_published_at__isnull=False).values_list("number", flat=True)) == [2, 1]


def test_restoring_makes_a_new_draft_from_an_old_version(editor):
    part = published_part("your-rights", "Your rights", by=editor, body="Original")
    services.save_draft(part, expected_version=part.edit_version, text=text(body="Changed"), by=editor)
    restored = services.restore(part, part.revisions.get(number=1), by=editor)
    assert restored.number == 3
    assert restored.body_parents == "Original"
    assert part.events.filter(action=Action.RESTORED, note="from version 1").exists()


def test_scheduled_parts_publish_when_their_time_comes(editor):
    part = draft_part(by=editor)
    services.schedule(part, when=timezone.now() + timedelta(hours=1), by=editor)
    assert services.publish_due_parts() == 0
    assert services.publish_due_parts(now=timezone.now() + timedelta(hours=2)) == 1
    part.refresh_from_db()
    assert part.published_id == part.draft_id
    assert part.publish_at is None
    assert part.events.filter(action=Action.PUBLISHED, by=None, note__contains="scheduled by").exists()


def test_unpublishing_hides_the_part(editor):
    part = published_part("your-rights", "Your rights", by=editor)
    services.unpublish(part, by=editor)
    assert not GuidePart.objects.published().exists()


def test_moving_swaps_neighbours(editor):
    first = published_part("one", "One", by=editor)
    second = published_part("two", "Two", by=editor)
    services.move(second, up=True, by=editor)
    assert [p.slug for p in GuidePart.objects.published()] == ["two", "one"]
    services.move(second, up=True, by=editor)  # already first: nothing happens
    assert [p.slug for p in GuidePart.objects.published()] == ["two", "one"]
    assert first.pk


def test_the_publish_scheduled_command_publishes_what_is_due(editor):
    from io import StringIO

    from django.core.management import call_command

    part = draft_part(by=editor)
    services.schedule(part, when=timezone.now() + timedelta(minutes=5), by=editor)
    GuidePart.objects.filter(pk=part.pk).update(publish_at=timezone.now() - timedelta(minutes=1))
    out = StringIO()
    call_command("publish_scheduled", stdout=out)
    assert out.getvalue().strip() == "Published 1 scheduled part."
    assert GuidePart.objects.published().filter(pk=part.pk).exists()


def test_a_page_request_after_the_time_publishes_it(client, editor):
    part = draft_part(slug="later", title="Later", by=editor)
    services.schedule(part, when=timezone.now() + timedelta(minutes=5), by=editor)
    assert client.get("/guide/later/").status_code == 404
    GuidePart.objects.filter(pk=part.pk).update(publish_at=timezone.now() - timedelta(seconds=1))
    response = client.get("/guide/later/")
    assert response.status_code == 200
    assert 'aria-current="page">Later<' in response.content.decode()
