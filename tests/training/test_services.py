import contextlib
import threading
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection
from django.utils import timezone

from tests.factories import BookingFactory, CourseDateFactory, UserFactory
from training import services
from training.models import Attendance, Booking, BookingStatus, CourseDate, financial_year_of


def test_financial_year_runs_april_to_march():
    assert financial_year_of(timezone.datetime(2027, 3, 31).date()) == 2026
    assert financial_year_of(timezone.datetime(2027, 4, 1).date()) == 2027


def test_a_request_holds_a_place_until_the_date_is_full_then_people_wait(db, worker, supervisor):
    course_date = CourseDateFactory(capacity=1)
    first = services.request_place(worker, course_date, by=worker)
    second = services.request_place(supervisor, course_date, by=supervisor)
    assert first.status == BookingStatus.PENDING
    assert second.status == BookingStatus.WAITING


def test_approval_books_the_place(db, worker, supervisor):
    booking = services.request_place(worker, CourseDateFactory(), by=worker)
    services.approve(booking, by=supervisor)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.BOOKED
    assert booking.approved_by == supervisor


def test_cancelling_moves_the_waiting_list_up_first_come_first_served(
    db, mailoutbox, django_capture_on_commit_callbacks
):
    course_date = CourseDateFactory(capacity=1)
    holder = BookingFactory(course_date=course_date)
    early, late = UserFactory(), UserFactory()
    waiting_early = services.request_place(early, course_date, by=early, approve=True)
    services.request_place(late, course_date, by=late)
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(holder, by=holder.person)
    waiting_early.refresh_from_db()
    assert waiting_early.status == BookingStatus.BOOKED  # approved while waiting, so booked outright
    assert Booking.objects.get(person=late).status == BookingStatus.WAITING
    assert [message.to for message in mailoutbox] == [[early.email]]


def test_declining_a_pending_request_frees_its_place(db, supervisor):
    course_date = CourseDateFactory(capacity=1)
    asker, waiter = UserFactory(), UserFactory()
    pending = services.request_place(asker, course_date, by=asker)
    services.request_place(waiter, course_date, by=waiter)
    services.decline(pending, by=supervisor, reason="Not this quarter: court work.")
    assert Booking.objects.get(person=waiter).status == BookingStatus.PENDING


def test_the_same_person_cannot_hold_two_live_bookings_on_one_date(db, worker):
    course_date = CourseDateFactory()
    services.request_place(worker, course_date, by=worker)
    with pytest.raises(services.BookingError, match="already has a place"):
        services.request_place(worker, course_date, by=worker)
    with pytest.raises(IntegrityError):
        BookingFactory(course_date=course_date, person=worker)


def test_cannot_book_a_past_or_cancelled_date(db, worker):
    past = CourseDateFactory(starts_at=timezone.now() - timedelta(days=1))
    with pytest.raises(services.BookingError, match="already started"):
        services.request_place(worker, past, by=worker)
    cancelled = CourseDateFactory(is_cancelled=True)
    with pytest.raises(services.BookingError, match="cancelled"):
        services.request_place(worker, cancelled, by=worker)


def test_capacity_cannot_go_below_the_places_taken_and_raising_it_moves_people_up(db):
    course_date = CourseDateFactory(capacity=2)
    BookingFactory.create_batch(2, course_date=course_date)
    waiter = UserFactory()
    services.request_place(waiter, course_date, by=waiter, approve=True)
    with pytest.raises(services.BookingError, match="at least 2 places"):
        services.change_capacity(course_date, 1)
    services.change_capacity(course_date, 3)
    assert Booking.objects.get(person=waiter).status == BookingStatus.BOOKED


def test_bulk_booking_fills_places_then_the_waiting_list_and_skips_people_already_booked(db, coordinator):
    course_date = CourseDateFactory(capacity=2)
    team = UserFactory.create_batch(3)
    BookingFactory(course_date=course_date, person=team[0])
    result = services.book_people(team, course_date, by=coordinator)
    assert result.already == [team[0]]
    assert result.booked == [team[1]]
    assert result.waiting == [team[2]]


def test_register_completes_attenders_and_not_absentees(db, coordinator):
    course_date = CourseDateFactory(starts_at=timezone.now() - timedelta(hours=8), ends_at=timezone.now())
    came, part, absent = BookingFactory.create_batch(3, course_date=course_date)
    services.take_register(
        course_date,
        [
            services.RegisterMark(came.pk, Attendance.ATTENDED),
            services.RegisterMark(part.pk, Attendance.PARTLY, Decimal("2.5")),
            services.RegisterMark(absent.pk, Attendance.ABSENT),
        ],
        by=coordinator,
    )
    came.refresh_from_db()
    part.refresh_from_db()
    absent.refresh_from_db()
    assert came.completed_on == timezone.localtime(course_date.starts_at).date()
    assert came.hours_attended == course_date.course.hours
    assert part.hours_attended == Decimal("2.5")
    assert absent.completed_on is None


def test_register_cannot_be_taken_before_the_course(db, coordinator):
    booking = BookingFactory()
    with pytest.raises(services.BookingError, match="once the course has started"):
        services.take_register(
            booking.course_date, [services.RegisterMark(booking.pk, Attendance.ATTENDED)], by=coordinator
        )


def test_evaluation_needs_attendance_and_happens_once(db):
    booking = BookingFactory()
    with pytest.raises(services.BookingError, match="once you have been marked"):
        services.evaluate(booking, rating=4, was_useful="", will_use="")
    Booking.objects.filter(pk=booking.pk).update(attendance=Attendance.ATTENDED, completed_on=timezone.localdate())
    booking.refresh_from_db()
    services.evaluate(booking, rating=5, was_useful="Genograms.", will_use="With the next family.")
    with pytest.raises(services.BookingError, match="already evaluated"):
        services.evaluate(booking, rating=1, was_useful="", will_use="")


@pytest.mark.django_db(transaction=True)
def test_two_people_booking_the_last_place_at_once_cannot_both_get_it(monkeypatch):
    """Two real connections race for one place: the row lock lets exactly one through.

    Each booking pauses after counting the places taken until the other has counted too (or two
    seconds pass). Without the lock both would count 0 and both take the place; with it, the
    second cannot count until the first has committed.
    """
    course_date = CourseDateFactory(capacity=1)
    people = UserFactory.create_batch(2)
    both_counted = threading.Barrier(2, timeout=2)
    count_places = services.places_taken

    def count_then_pause(date):
        taken = count_places(date)
        with contextlib.suppress(threading.BrokenBarrierError):
            both_counted.wait()
        return taken

    monkeypatch.setattr(services, "places_taken", count_then_pause)
    errors = []

    def book(person):
        try:
            services.request_place(person, CourseDate.objects.get(pk=course_date.pk), by=person, approve=True)
        except Exception as error:  # noqa: BLE001 - reported to the test below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=book, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    statuses = sorted(Booking.objects.filter(course_date=course_date).values_list("status", flat=True))
    assert statuses == [BookingStatus.BOOKED, BookingStatus.WAITING]
