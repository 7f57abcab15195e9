"""Training that runs out: when each person's completion of a course that needs refreshing expires, who hears
about it before it does, and the recertification window.

Expiry is worked out exactly as on the uptake matrix (`training.matrix_cells`): a course runs out
`refresh_months` after the latest of its own completion and of a refresher-level course in its programme.
One grouped query reads the completions of a whole chunk of people (`booking_rows`), and `cells_for` turns
them into statuses and dates.

- The person hears 60 and again 30 days before (`expiry_notices`, sent daily by
  `send_training_expiry_notices`), once per threshold per completion.
- Each line manager gets one weekly digest of their people's training running out in the next 60 days and
  their required training already run out (`expiry_digests`, sent by `send_training_expiry_digest`).
- The recertification window: someone whose completion is still current may book the course again, or a
  refresher of its programme, only from `Course.recertify_from_days` before it runs out (`closed_window`,
  checked by `services.request_place` and shown on the course and request pages).

Emails leave the portal, so they carry course titles, dates and colleagues' names only.
"""

from copy import copy
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from portal.dates import add_months
from portal.scheduled_emails import OutgoingEmail, portal_url
from training.matrix import Column
from training.matrix_cells import EXPIRING_DAYS, Status, booking_rows, cells_for
from training.models import HOLDS_A_PLACE, LIVE, Booking, Course, CourseDate, Level

User = get_user_model()

# The person is told when their training runs out within each of these many days.
NOTICE_DAYS = (60, 30)
# The manager's digest and the person's page list training running out this soon: the uptake matrix's window.
SOON_DAYS = EXPIRING_DAYS
# Dates offered in an email, per course.
DATES_PER_COURSE = 3
# People read at a time: one grouped query of bookings each.
CHUNK = 2000

_HELD = (Status.COMPLETED, Status.REFRESHED, Status.EXPIRING, Status.EXPIRED)


@dataclass
class Expiry:
    """One person's completion of a course that needs refreshing, and when it runs out."""

    person_id: int
    course: Column
    expires_on: date
    recertify_from_days: int
    required: bool = False
    # A live booking still to come on the course or a refresher of its programme (rank 3 booked, 2 requested,
    # 1 waiting), and the day of the first booked one.
    booking_rank: int = 0
    booked_on: date | None = None
    person: object = None  # the User, for the person's own email
    person_name: str = ""  # for the manager's digest
    renew_with: list = field(default_factory=list)  # the offered courses that renew it (Columns)
    # As of the day the page is read (`expiring_for`).
    days_to_go: int = 0
    open_now: bool = False

    @property
    def bookable_from(self) -> date:
        return self.expires_on - timedelta(days=self.recertify_from_days)

    def days_left(self, today: date) -> int:
        return (self.expires_on - today).days

    def has_expired(self, today: date) -> bool:
        return self.expires_on < today

    def can_book(self, today: date) -> bool:
        return today >= self.bookable_from

    @property
    def booking_label(self) -> str:
        return {3: "Booked", 2: "Place requested", 1: "On a waiting list"}.get(self.booking_rank, "")


# --- Working out expiry -------------------------------------------------------------------------


@dataclass
class _Courses:
    columns: dict[int, Column]
    recertify_days: dict[int, int]


def _courses() -> _Courses:
    """Every course that needs refreshing and every refresher (which renews the others in its programme), with
    the roles each is required for. One query."""
    rows = (
        Course.objects.filter(Q(refresh_months__isnull=False) | Q(level=Level.REFRESHER))
        .order_by("programme__position", "programme__name", "position", "title", "pk")
        .values_list(
            "pk",
            "title",
            "level",
            "programme_id",
            "programme__name",
            "refresh_months",
            "is_active",
            "recertify_from_days",
        )
        .annotate(roles=ArrayAgg("required_for__id", distinct=True, filter=Q(required_for__isnull=False)))
    )
    columns, days = {}, {}
    for pk, title, level, programme_id, programme, months, active, recertify, roles in rows:
        columns[pk] = Column(pk, title, level, programme_id, programme, months, active, frozenset(roles or ()))
        days[pk] = recertify
    return _Courses(columns, days)


def _roles_of(person_ids) -> dict[int, set[int]]:
    roles: dict[int, set[int]] = {}
    for person_id, group_id in User.groups.through.objects.filter(user_id__in=person_ids).values_list(
        "user_id", "group_id"
    ):
        roles.setdefault(person_id, set()).add(group_id)
    return roles


def _expiries(person_ids: list[int], today: date, courses: _Courses, roles: dict | None = None) -> list[Expiry]:
    """Every completion of a course that needs refreshing held by `person_ids`, current or run out, with its
    expiry date: one query. A refresher's own completion is left out where it renews a course of its
    programme that the person also holds (that course's expiry says the same, and says it better)."""
    columns = courses.columns
    if not person_ids or not columns:
        return []
    rows = booking_rows(person_ids, list(columns), today)
    cells = cells_for(rows, columns, today)
    # Live bookings still to come, by person and course, and by person and programme for refreshers.
    live: dict[tuple[int, int], tuple[int, date | None]] = {}
    live_refreshers: dict[tuple[int, int], tuple[int, date | None]] = {}
    for person_id, course_id, _last, rank, booked_day in rows:
        if rank:
            live[(person_id, course_id)] = (rank, booked_day)
            column = columns[course_id]
            if column.level == Level.REFRESHER:
                key = (person_id, column.programme_id)
                live_refreshers[key] = _better(live_refreshers.get(key), (rank, booked_day))
    found = []
    for person_id, person_cells in cells.items():
        held = []
        for course_id, (status, shown, _last) in person_cells.items():
            column = columns[course_id]
            if status not in _HELD or not column.refresh_months:
                continue
            expires = shown if status in (Status.EXPIRING, Status.EXPIRED) else add_months(shown, column.refresh_months)
            booking = live.get((person_id, course_id))
            if column.level != Level.REFRESHER:
                booking = _better(booking, live_refreshers.get((person_id, column.programme_id)))
            rank, booked_on = booking or (0, None)
            required = bool(roles and column.required_for & roles.get(person_id, set()))
            held.append(
                Expiry(person_id, column, expires, courses.recertify_days[course_id], required, rank, booked_on)
            )
        renewable = {item.course.programme_id for item in held if item.course.level != Level.REFRESHER}
        found.extend(
            item for item in held if item.course.level != Level.REFRESHER or item.course.programme_id not in renewable
        )
    return sorted(found, key=lambda item: (item.expires_on, item.course.title, item.person_id))


def _better(one, other):
    """Of two (rank, booked day) pairs, the better booking: a place, then a request, then the waiting list."""
    if one is None or (other is not None and other[0] > one[0]):
        return other
    return one


def _chunks(ids: list[int]):
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _staying(today: date):
    """People still working here on `today`: active, and not past their leaving date."""
    return User.objects.filter(is_active=True).filter(Q(leaving_date__isnull=True) | Q(leaving_date__gt=today))


# --- A person's own pages -----------------------------------------------------------------------


def expiring_for(user, today: date) -> list[Expiry]:
    """`user`'s training that runs out within `SOON_DAYS` (and has not yet), soonest first, each with the courses
    that renew it. Two queries."""
    courses = _courses()
    items = [item for item in _expiries([user.pk], today, courses) if 0 <= item.days_left(today) <= SOON_DAYS]
    renewing = _renewing_courses(items, courses)
    for item in items:
        item.renew_with = [courses.columns[pk] for pk in renewing[item.course.pk]]
        item.days_to_go, item.open_now = item.days_left(today), item.can_book(today)
    return items


@dataclass
class ClosedWindow:
    """Why `course` cannot be booked yet: `held`, still current, opens its recertification window on `opens_on`."""

    course: Course
    held: Expiry

    @property
    def opens_on(self) -> date:
        return self.held.bookable_from

    @property
    def message(self) -> str:
        return (
            f"You can book {self.course.title} from {self.opens_on:%-d %B %Y}. Your {self.held.course.title} "
            f"is current until {self.held.expires_on:%-d %B %Y}, and a refresher can be booked from "
            f"{self.held.recertify_from_days} days before it runs out."
        )


def closed_window(person, course: Course, today: date) -> ClosedWindow | None:
    """Whether `person` must wait to book `course`: they hold a current completion of it (or, for a refresher,
    of a course of its programme) and its recertification window has not opened. None if they may book now.
    No queries for a course that never needs refreshing; two otherwise."""
    if course.level != Level.REFRESHER and not course.refresh_months:
        return None
    refresher = course.level == Level.REFRESHER
    held = [
        item
        for item in _expiries([person.pk], today, _courses())
        if (item.course.programme_id == course.programme_id if refresher else item.course.pk == course.pk)
    ]
    if not held or any(item.can_book(today) for item in held):
        return None
    return ClosedWindow(course, min(held, key=lambda item: item.bookable_from))


@dataclass
class RequestPage:
    course_date: CourseDate
    places_left: int
    own_booking: Booking | None
    window: ClosedWindow | None
    started: bool


def request_page(user, course_date: CourseDate, now: datetime, today: date) -> RequestPage:
    """What the page that confirms a request for a place shows: places left, any live booking `user` already has
    on the date, and whether their recertification window is still closed. Up to four queries."""
    taken = Booking.objects.holding_places().filter(course_date=course_date).count()
    own = (
        Booking.objects.filter(course_date=course_date, person=user, status__in=LIVE)
        .only("pk", "status", "course_date_id")
        .first()
    )
    return RequestPage(
        course_date,
        max(course_date.capacity - taken, 0),
        own,
        closed_window(user, course_date.course, today),
        course_date.starts_at <= now,
    )


# --- Dates to offer ----------------------------------------------------------------------------


def _renewing_courses(items: list[Expiry], courses: _Courses) -> dict[int, list[int]]:
    """For each expiring course, the offered courses that renew it: itself and its programme's refreshers."""
    refreshers: dict[int, list[int]] = {}
    for pk, column in courses.columns.items():
        if column.level == Level.REFRESHER and column.is_active:
            refreshers.setdefault(column.programme_id, []).append(pk)
    renewing = {}
    for item in items:
        column = item.course
        own = [column.pk] if column.is_active else []
        extra = refreshers.get(column.programme_id, []) if column.level != Level.REFRESHER else []
        renewing[column.pk] = own + [pk for pk in extra if pk != column.pk]
    return renewing


def _dates_by_course(course_ids: set[int], now: datetime) -> dict[int, list[CourseDate]]:
    """The next dates of each course still to come and not cancelled, with `places_left`. One query."""
    dates: dict[int, list[CourseDate]] = {}
    if not course_ids:
        return dates
    found = (
        CourseDate.objects.filter(course_id__in=course_ids, starts_at__gt=now, is_cancelled=False)
        .select_related("course")
        .annotate(taken=Count("bookings", filter=Q(bookings__status__in=HOLDS_A_PLACE)))
        .order_by("starts_at", "pk")
    )
    for course_date in found:
        course_dates = dates.setdefault(course_date.course_id, [])
        if len(course_dates) < DATES_PER_COURSE:
            course_date.places_left = max(course_date.capacity - course_date.taken, 0)
            course_date.request_url = portal_url(reverse("training:confirm-request", args=[course_date.pk]))
            course_dates.append(course_date)
    return dates


# --- The person's notices ----------------------------------------------------------------------


def notice_key(item: Expiry, days: int) -> str:
    return f"training-expiry-{days}:{item.person_id}:{item.course.pk}:{item.expires_on.isoformat()}"


@dataclass
class Notice:
    item: Expiry
    keys: list[str]
    within: int  # the smallest threshold reached: 60 or 30


def _notices_due(today: date) -> tuple[list[Notice], _Courses]:
    courses = _courses()
    person_ids = list(_staying(today).order_by("pk").values_list("pk", flat=True))
    due = []
    for chunk in _chunks(person_ids):
        for item in _expiries(chunk, today, courses, _roles_of(chunk)):
            left = item.days_left(today)
            # Someone already booked (or asking, or waiting) to renew it has nothing to be told.
            if left < 0 or item.booking_rank:
                continue
            reached = [days for days in NOTICE_DAYS if left <= days]
            if reached:
                due.append(Notice(item, [notice_key(item, days) for days in reached], min(reached)))
    return due, courses


def _offered(item: Expiry, dates: list[CourseDate]) -> list[CourseDate]:
    """`dates` soonest first, each a copy (the same date is offered to others) marked `after_expiry` when it
    starts on or after the day `item` runs out: booking it leaves the person without the training for a while."""
    offered = []
    for course_date in sorted(dates, key=lambda course_date: (course_date.starts_at, course_date.pk)):
        course_date = copy(course_date)
        course_date.after_expiry = timezone.localtime(course_date.starts_at).date() >= item.expires_on
        offered.append(course_date)
    return offered


def expiry_notices(today: date, now: datetime | None = None) -> list[OutgoingEmail]:
    """An email for each completion that runs out within 60 days, and again within 30, held by someone still
    working here who is not already booked to renew it. Each carries the keys of every threshold it has
    reached, so `send_all` sends each threshold once; a person first seen within 30 days gets one email.
    Four queries, plus two per 2,000 people."""
    now = now or timezone.now()
    due, courses = _notices_due(today)
    if not due:
        return []
    people = User.objects.in_bulk({notice.item.person_id for notice in due})
    renewing = _renewing_courses([notice.item for notice in due], courses)
    dates = _dates_by_course({pk for pks in renewing.values() for pk in pks}, now)
    emails = []
    for notice in due:
        item = notice.item
        item.person = people[item.person_id]
        offered = _offered(item, [course_date for pk in renewing[item.course.pk] for course_date in dates.get(pk, [])])
        emails.append(
            OutgoingEmail(
                recipient=item.person,
                keys=notice.keys,
                subject=f"Your {item.course.title} training runs out on {item.expires_on:%-d %B %Y}",
                template="training/email/expiry_notice",
                html=True,
                context={
                    "item": item,
                    "days_left": item.days_left(today),
                    "can_book": item.can_book(today),
                    "dates": offered,
                    "any_after": any(course_date.after_expiry for course_date in offered),
                    "course_url": portal_url(reverse("training:course", args=[item.course.pk])),
                    "mine_url": portal_url(reverse("training:mine")),
                    "catalogue_url": portal_url(reverse("training:catalogue")),
                },
            )
        )
    return emails


# --- The manager's weekly digest ---------------------------------------------------------------


def digest_key(today: date) -> str:
    year, week, _day = today.isocalendar()
    return f"training-expiry-digest:{year}-W{week:02d}"


@dataclass
class Digest:
    manager: object
    expiring: list[Expiry] = field(default_factory=list)
    expired: list[Expiry] = field(default_factory=list)


def digests_due(today: date) -> list[Digest]:
    """For each line manager still working here, their people's training that runs out within 60 days and their
    required training already run out. Managers with nothing to report are left out. Three queries, plus two
    per 2,000 people."""
    staying = _staying(today)
    managed = list(
        staying.filter(line_manager__in=staying).order_by("pk").values_list("pk", "line_manager_id", "full_name")
    )
    if not managed:
        return []
    manager_of = {pk: manager_id for pk, manager_id, _name in managed}
    names = {pk: name for pk, _manager_id, name in managed}
    courses = _courses()
    digests: dict[int, Digest] = {}
    for chunk in _chunks(list(manager_of)):
        for item in _expiries(chunk, today, courses, _roles_of(chunk)):
            left = item.days_left(today)
            if left > SOON_DAYS or (left < 0 and not item.required):
                continue
            item.person_name = names[item.person_id]
            digest = digests.setdefault(manager_of[item.person_id], Digest(None))
            (digest.expired if left < 0 else digest.expiring).append(item)
    managers = User.objects.in_bulk(list(digests))
    for manager_id, digest in digests.items():
        digest.manager = managers[manager_id]
        for items in (digest.expired, digest.expiring):
            items.sort(key=lambda item: (item.expires_on, item.person_name, item.course.title))
    return sorted(digests.values(), key=lambda digest: (digest.manager.full_name, digest.manager.pk))


def digest_subject(expiring: int, expired: int) -> str:
    """ "Your people’s training: 1 course runs out soon and 2 courses have run out", either part alone when the
    other is none."""
    counts = []
    if expiring:
        counts.append(f"{expiring} {'course runs' if expiring == 1 else 'courses run'} out soon")
    if expired:
        counts.append(f"{expired} {'course has' if expired == 1 else 'courses have'} run out")
    return f"Your people’s training: {' and '.join(counts)}"


def expiry_digests(today: date) -> list[OutgoingEmail]:
    key = digest_key(today)
    uptake = reverse("training:uptake")
    emails = []
    for digest in digests_due(today):
        emails.append(
            OutgoingEmail(
                recipient=digest.manager,
                keys=[key],
                subject=digest_subject(len(digest.expiring), len(digest.expired)),
                template="training/email/expiry_digest",
                html=True,
                context={
                    "digest": digest,
                    "today": today,
                    "soon_days": SOON_DAYS,
                    "expiring_url": portal_url(f"{uptake}?status={Status.EXPIRING}"),
                    "expired_url": portal_url(f"{uptake}?status={Status.EXPIRED}"),
                },
            )
        )
    return emails
