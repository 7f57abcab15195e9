"""Training's part of a leaver's handover (see portal.people.leavers).

Their bookings on course dates that have not started yet, places, requests and waiting-list places
alike, are cancelled through `training.services.cancel`, so each freed place goes to the next
person on that date's waiting list, who is told by email once the handover is saved.
"""

from django.utils import timezone

from portal.people.leavers import Moved, Pending
from training import services
from training.models import Booking, BookingStatus


def _label(booking) -> str:
    return f"{booking.course_date.course.title}, {timezone.localtime(booking.course_date.starts_at):%-d %B %Y}"


class TrainingHandover:
    key = "training"

    def _future_bookings(self, person):
        return list(
            Booking.objects.live()
            .filter(person=person, course_date__starts_at__gt=timezone.now())
            .select_related("course_date__course")
            .order_by("course_date__starts_at", "pk")
        )

    def summary(self, person, today):
        bookings = self._future_bookings(person)
        places = [_label(booking) for booking in bookings if booking.status != BookingStatus.WAITING]
        waiting = [_label(booking) for booking in bookings if booking.status == BookingStatus.WAITING]
        pending = []
        if places:
            pending.append(
                Pending(
                    "Future training bookings",
                    places,
                    "They are cancelled, and each place goes to the next person on the waiting list.",
                    needs_successor=False,
                )
            )
        if waiting:
            pending.append(
                Pending("Waiting-list places", waiting, "They are taken off the waiting lists.", needs_successor=False)
            )
        return pending

    def hand_over(self, person, *, to, on, by, close_actions):
        bookings = self._future_bookings(person)
        for booking in bookings:
            services.cancel(booking, by=by)
        if not bookings:
            return []
        return [Moved(f"Training: {'; '.join(_label(booking) for booking in bookings)}", "Booked", "Cancelled")]
