"""The shared versioned save: a stale version is refused, a current one saves and moves the version on.

The portal has no versioned model of its own, so these use a supervision session and a guide part."""

import pytest

from portal.edit_conflicts import EditConflictError, bump_version, save_if_unchanged
from supervision.models import Session
from tests.factories import BookingFactory, SessionFactory, draft_part

pytestmark = pytest.mark.django_db


def test_a_current_version_saves_and_moves_the_version_on_in_one_update(django_assert_num_queries):
    session = SessionFactory()
    with django_assert_num_queries(1):
        save_if_unchanged(session, session.version, caseload_children=12)
    fresh = Session.objects.get(pk=session.pk)
    assert fresh.caseload_children == 12
    assert fresh.version == session.version + 1


def test_a_stale_version_is_refused_and_nothing_is_written(django_assert_num_queries):
    session = SessionFactory(caseload_children=17)
    save_if_unchanged(session, session.version, caseload_children=20)
    with django_assert_num_queries(1), pytest.raises(EditConflictError) as refused:
        save_if_unchanged(session, session.version, caseload_children=9)
    assert refused.value.record is session
    fresh = Session.objects.get(pk=session.pk)
    assert fresh.caseload_children == 20
    assert fresh.version == session.version + 1


def test_another_version_field_can_be_named():
    part = draft_part()
    save_if_unchanged(part, part.edit_version, version_field="edit_version", slug="renamed")
    with pytest.raises(EditConflictError):
        save_if_unchanged(part, part.edit_version, version_field="edit_version", slug="renamed-again")
    part.refresh_from_db()
    assert part.slug == "renamed"


def test_bumping_moves_every_rows_version_on_in_one_update(django_assert_num_queries):
    bookings = [BookingFactory(), BookingFactory()]
    queryset = type(bookings[0]).objects.filter(pk__in=[booking.pk for booking in bookings])
    with django_assert_num_queries(1):
        assert bump_version(queryset) == 2
    for booking in bookings:
        before = booking.version
        booking.refresh_from_db()
        assert booking.version == before + 1
