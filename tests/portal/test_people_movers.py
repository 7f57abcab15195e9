"""Movers: a change of team keeps every record, and access follows the new team from the change on."""

from decimal import Decimal

import pytest

from portal.people import services
from portal.roles import Role
from supervision import access as supervision_access
from supervision.models import Session
from tests.factories import BookingFactory, SessionFactory, UserFactory
from training import access as training_access
from training.models import Booking


@pytest.fixture
def admin(team):
    return UserFactory(team=team, roles=[Role.PEOPLE_ADMINISTRATOR])


def move(person, *, to_team, to_manager, by):
    services.change_person(
        person,
        services.Changes(
            team=to_team,
            line_manager=to_manager,
            job_title=person.job_title,
            working_hours=Decimal(37),
            asye_start_date=person.asye_start_date,
        ),
        roles=[Role.SOCIAL_WORKER],
        reason="Moved teams",
        seen=services.fingerprint(person),
        by=by,
    )


def test_a_mover_keeps_their_records_and_training_access_follows_the_new_team(
    admin, worker, supervisor, other_team, other_supervisor
):
    booking = BookingFactory(person=worker)
    session = SessionFactory(supervisee=worker, supervisor=supervisor)
    assert training_access.people_for(supervisor).filter(pk=worker.pk).exists()
    assert not training_access.people_for(other_supervisor).filter(pk=worker.pk).exists()

    move(worker, to_team=other_team, to_manager=other_supervisor, by=admin)

    assert Booking.objects.filter(pk=booking.pk, person=worker).exists()
    assert Session.objects.filter(pk=session.pk, supervisee=worker, supervisor=supervisor).exists()
    assert not training_access.people_for(supervisor).filter(pk=worker.pk).exists()
    assert not training_access.bookings_for(supervisor).filter(pk=booking.pk).exists()
    assert training_access.people_for(other_supervisor).filter(pk=worker.pk).exists()
    assert training_access.bookings_for(other_supervisor).filter(pk=booking.pk).exists()


def test_a_movers_supervision_dashboard_entry_moves_to_the_new_team(
    admin, worker, supervisor, other_team, other_supervisor
):
    assert supervision_access.managed_people_for(supervisor).filter(pk=worker.pk).exists()
    assert not supervision_access.managed_people_for(other_supervisor).filter(pk=worker.pk).exists()

    move(worker, to_team=other_team, to_manager=other_supervisor, by=admin)

    assert not supervision_access.managed_people_for(supervisor).filter(pk=worker.pk).exists()
    assert supervision_access.managed_people_for(other_supervisor).filter(pk=worker.pk).exists()


def test_a_movers_old_supervisor_keeps_the_sessions_they_led(admin, worker, supervisor, other_team, other_supervisor):
    """Session records belong to the two people in them, not to a team: they stay readable by both."""
    session = SessionFactory(supervisee=worker, supervisor=supervisor)
    move(worker, to_team=other_team, to_manager=other_supervisor, by=admin)
    assert supervision_access.sessions_for(supervisor).filter(pk=session.pk).exists()
    assert not supervision_access.sessions_for(other_supervisor).filter(pk=session.pk).exists()
