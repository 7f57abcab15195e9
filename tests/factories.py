"""Test objects. Every person gets the password `password-for-tests`."""

from datetime import date, datetime, time, timedelta

import factory
from django.contrib.auth.models import Group
from django.utils import timezone
from faker import Faker

from portal.models import Service, Team, User
from tests.dates import half_past

PASSWORD = "password-for-tests"
_FAKER = Faker("en_GB")


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service
        django_get_or_create = ("name",)

    name = "Children's Social Care and Early Help"


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    service = factory.SubFactory(ServiceFactory)
    name = factory.Sequence(lambda n: f"Team {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    # No apostrophes (O'Brien): tests find names in HTML as typed. Escaping has tests of its own.
    full_name = factory.LazyFunction(lambda: _FAKER.name().replace("'", ""))
    job_title = "Social Worker"
    team = factory.SubFactory(TeamFactory)
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        """UserFactory(roles=[Role.SUPERVISOR, ...]) puts the person in those groups."""
        if create and extracted:
            self.groups.set(Group.objects.filter(name__in=extracted))


def published_part(slug="what-to-expect", title="What to expect", *, by=None, children="", body=None, position=None):
    """A part with one published revision, made the way editors make them."""
    from practice_guide import services

    text = services.PartText(
        title=title,
        summary=f"A short summary of {title.lower()}.",
        body_parents=body or f"Your social worker will visit you.\n\n## About {title}\n\nWe will listen to you.",
        body_children=children,
    )
    part = services.create_part(slug=slug, text=text, by=by)
    services.publish(part, by=by)
    if position is not None:
        type(part).objects.filter(pk=part.pk).update(position=position)
    part.refresh_from_db()
    return part


def _tool_body() -> str:
    from practice_guide.tool_shape import SECTIONS

    return "\n\n".join(f"## {heading}\n\nWhat to know about {heading.lower()}." for heading in SECTIONS)


def handbook_page(slug="our-vision", title="Our vision", *, kind="model", by=None, body=None, publish=True):
    """A page of the staff practice handbook, made and (unless publish=False) published the way editors do.
    A tool page gets the tool shape's seven sections."""
    from practice_guide import services

    if body is None:
        body = _tool_body() if kind == "tool" else f"Relationships are how we help.\n\n## About {title}\n\nStaff only."
    text = services.PartText(title=title, summary=f"A short summary of {title.lower()}.", body_parents=body)
    page = services.create_part(slug=slug, text=text, by=by, kind=kind)
    if publish:
        services.publish(page, by=by)
    page.refresh_from_db()
    return page


def draft_part(slug="draft-only", title="A secret draft", *, by=None, body="This is not ready for families."):
    from practice_guide import services

    return services.create_part(slug=slug, text=services.PartText(title, f"Summary of {title}.", body), by=by)


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "practice_guide.GlossaryTerm"

    term = factory.Sequence(lambda n: f"word {n}")
    slug = factory.LazyAttribute(lambda o: o.term.replace(" ", "-").lower())
    definition = "A plain explanation of the word."


# --- Supervision --------------------------------------------------------------------------


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "supervision.Agreement"

    supervisee = factory.SubFactory(UserFactory)
    supervisor = factory.SubFactory(UserFactory)
    starts_on = date(2026, 1, 5)
    frequency = "monthly"
    arrangements = "An hour and a half in the small meeting room, booked a month ahead."
    confidentiality = "What we discuss stays between us unless a child or adult is at risk of harm."


class SessionFactory(factory.django.DjangoModelFactory):
    """A session written up by the supervisor (not yet signed). Pass recorded_at=None for a booking."""

    class Meta:
        model = "supervision.Session"

    supervisee = factory.SubFactory(UserFactory)
    supervisor = factory.SubFactory(UserFactory)
    held_on = date(2026, 11, 2)
    frame = "4x4x4"
    notes = factory.LazyFunction(
        lambda: {"experience": "A difficult home visit with a father who felt unheard.", "support": "Tired this month."}
    )
    caseload_children = 17
    caseload_complexity = "mixed"
    recorded_at = factory.LazyFunction(timezone.now)


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "supervision.Action"

    session = factory.SubFactory(SessionFactory)
    description = "Book a genogram session with the family"
    owner = factory.SelfAttribute("session.supervisee")
    due_on = date(2026, 12, 1)


class GroupSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "supervision.GroupSession"

    facilitator = factory.SubFactory(UserFactory)
    held_on = date(2026, 11, 4)
    theme = "Working with fathers"
    learning_points = "Invite fathers early and by name; ask what would help them come."


# --- Training -----------------------------------------------------------------------------


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "training.Programme"
        django_get_or_create = ("name",)

    name = "Systemic practice"


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "training.Course"

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Systemic practice course {n}")
    level = "introductory"
    provider = "Tavistock and Portman"
    format = "in_person"
    hours = 6
    cost_per_place = 120


class CourseDateFactory(factory.django.DjangoModelFactory):
    """A date two weeks from now, 09:30 to 16:30, with 10 places."""

    class Meta:
        model = "training.CourseDate"

    course = factory.SubFactory(CourseFactory)
    starts_at = factory.LazyFunction(lambda: half_past(9, days_from_now=14))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timezone.timedelta(hours=7))
    location = "Guildhall, Committee Room 3"
    capacity = 10
    facilitator = "Dr Ana Costa"


class BookingFactory(factory.django.DjangoModelFactory):
    """A booked (approved) place."""

    class Meta:
        model = "training.Booking"

    course_date = factory.SubFactory(CourseDateFactory)
    person = factory.SubFactory(UserFactory)
    status = "booked"
    requested_by = factory.SelfAttribute("person")
    approved_at = factory.LazyFunction(timezone.now)


def course_date_yesterday(**kwargs):
    """Yesterday, 10:00 to 16:00: a date that has started, and never one that crosses midnight whatever the hour."""
    yesterday = timezone.localdate() - timedelta(days=1)
    starts = timezone.make_aware(datetime.combine(yesterday, time(10, 0)))
    return CourseDateFactory(starts_at=starts, ends_at=starts + timedelta(hours=6), **kwargs)


def evaluation_of(course_date, rating, **kwargs):
    """An attended booking on `course_date` (BookingFactory's arguments in `kwargs`) and its evaluation."""
    from training.models import Attendance, Evaluation

    booking = BookingFactory(
        course_date=course_date, attendance=Attendance.ATTENDED, completed_on=timezone.localdate(), **kwargs
    )
    return Evaluation.objects.create(
        booking=booking, rating=rating, was_useful=f"Useful bit {rating}", will_use=f"Will use {rating}"
    )


def past_course_date(days_ago: int = 30, **kwargs):
    """A course date `days_ago` days ago, 09:30 to 16:30 (CourseDateFactory's arguments in `kwargs`)."""
    starts = half_past(9, days_from_now=-days_ago)
    return CourseDateFactory(starts_at=starts, ends_at=starts + timedelta(hours=7), **kwargs)


def completed_booking(person, *, days_ago: int = 30, **kwargs):
    """`person` went to the whole of a course `days_ago` days ago (CourseDateFactory's arguments in `kwargs`)."""
    return went_to(person, past_course_date(days_ago, **kwargs))


def went_to(person, course_date, **kwargs):
    """`person`'s place on `course_date`, attended in full (BookingFactory's arguments in `kwargs`)."""
    return BookingFactory(
        course_date=course_date,
        person=person,
        attendance="attended",
        hours_attended=course_date.course.hours,
        completed_on=timezone.localtime(course_date.starts_at).date(),
        **kwargs,
    )
