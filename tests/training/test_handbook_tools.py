"""Courses and the practice handbook's tool pages: the coordinator links a course to the tools it teaches, the
course page links to the published ones, and each tool's page lists the courses that teach it
(`selectors.courses_teaching` and its include)."""

import re
from datetime import timedelta

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from practice_guide import services as guide_services
from practice_guide.models import Kind
from tests.factories import BookingFactory, CourseDateFactory, CourseFactory, ProgrammeFactory, published_part
from tests.training.test_manage_courses import _course_post
from training import selectors
from training.models import BookingStatus, Course


def tool_page(slug: str, title: str, *, published: bool = True):
    """A handbook tool page, made the way the handbook's editors make them."""
    text = guide_services.PartText(title=title, summary=f"About {title}.", body_parents=f"How to use {title}.")
    part = guide_services.create_part(slug=slug, text=text, by=None, kind=Kind.TOOL)
    if published:
        guide_services.publish(part, by=None)
    part.refresh_from_db()
    return part


def ticked_values(html: str, name: str) -> list[str]:
    """The values of the ticked checkboxes called `name`."""
    inputs = re.findall(r"<input[^>]*>", html)
    return [
        re.search(r'value="([^"]*)"', tag).group(1)
        for tag in inputs
        if f'name="{name}"' in tag and re.search(r"\schecked\b", tag)
    ]


@pytest.fixture
def genogram(db):
    return tool_page("genogram", "Genograms")


@pytest.fixture
def ecomap(db):
    return tool_page("ecomap", "Ecomaps", published=False)


# --- The course form --------------------------------------------------------------------------


def test_coordinator_sets_the_tools_a_course_teaches(client, coordinator, genogram, ecomap):
    programme = ProgrammeFactory()
    client.force_login(coordinator)
    form_page = client.get(reverse("training:course-create")).content.decode()
    assert "Handbook tools this course teaches" in form_page
    assert "Genograms" in form_page
    assert "Ecomaps" in form_page  # a tool still in draft can be linked before its page is published

    response = client.post(reverse("training:course-create"), _course_post(programme, tools=[genogram.pk, ecomap.pk]))
    assert response.status_code == 302
    course = Course.objects.get(title="Genograms in practice")
    assert set(course.tools.all()) == {genogram, ecomap}

    response = client.post(
        reverse("training:course-edit", args=[course.pk]), _course_post(programme, tools=[ecomap.pk])
    )
    assert response.status_code == 302
    assert list(course.tools.all()) == [ecomap]
    edit_page = client.get(reverse("training:course-edit", args=[course.pk])).content.decode()
    assert ticked_values(edit_page, "tools") == [str(ecomap.pk)]


def test_a_families_guide_part_is_not_offered_and_is_refused(client, coordinator, genogram):
    families_part = published_part("what-to-expect", "What to expect")
    programme = ProgrammeFactory()
    client.force_login(coordinator)
    assert "What to expect" not in client.get(reverse("training:course-create")).content.decode()

    response = client.post(reverse("training:course-create"), _course_post(programme, tools=[families_part.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert "Choose tools from the list" in body
    assert not Course.objects.filter(title="Genograms in practice").exists()


def test_saving_a_course_with_no_tool_pages_in_the_handbook_works(client, coordinator):
    programme = ProgrammeFactory()
    client.force_login(coordinator)
    assert "Handbook tools this course teaches" not in client.get(reverse("training:course-create")).content.decode()
    response = client.post(reverse("training:course-create"), _course_post(programme))
    assert response.status_code == 302
    assert not Course.objects.get(title="Genograms in practice").tools.exists()


# --- The course page --------------------------------------------------------------------------


def test_course_page_links_to_the_published_tools_it_teaches(client, worker, genogram, ecomap):
    course = CourseFactory()
    course.tools.set([genogram, ecomap])
    client.force_login(worker)
    body = client.get(reverse("training:course", args=[course.pk])).content.decode()
    assert "Tools this course teaches" in body
    assert f'href="{reverse("handbook:page", args=["genogram"])}"' in body
    assert ">Genograms</a>" in body
    assert "Ecomaps" not in body  # not published yet
    assert 'id="dates"' in body


def test_course_page_leaves_out_the_tools_section_when_none_is_published(client, worker, ecomap):
    course = CourseFactory()
    course.tools.set([ecomap])
    client.force_login(worker)
    body = client.get(reverse("training:course", args=[course.pk])).content.decode()
    assert "Tools this course teaches" not in body


def test_course_page_with_many_tools_reads_in_a_fixed_number_of_queries(client, worker, django_assert_max_num_queries):
    course = CourseFactory()
    course.tools.set([tool_page(f"tool-{n}", f"Tool number {n}") for n in range(6)])
    for _date in range(5):
        CourseDateFactory(course=course, capacity=3)
    client.force_login(worker)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("training:course", args=[course.pk]))
    assert response.content.decode().count("Tool number") == 6


# --- Courses that teach a tool ----------------------------------------------------------------


def test_courses_teaching_lists_only_linked_visible_active_courses_and_dates_to_come(worker, genogram, ecomap):
    now = timezone.now()
    second = ProgrammeFactory(name="Second", position=2)
    first = ProgrammeFactory(name="First", position=1)
    later = CourseFactory(programme=second, title="Advanced genograms")
    sooner = CourseFactory(programme=first, title="Genograms for beginners")
    retired = CourseFactory(programme=first, title="Old genograms", is_active=False)
    other_tool = CourseFactory(programme=first, title="Ecomaps")
    unlinked = CourseFactory(programme=first, title="Not about tools")
    for course in (later, sooner, retired):
        course.tools.add(genogram)
    other_tool.tools.add(ecomap)
    upcoming = CourseDateFactory(course=sooner, starts_at=now + timedelta(days=3))
    cancelled = CourseDateFactory(course=sooner, starts_at=now + timedelta(days=4), is_cancelled=True)
    past = CourseDateFactory(course=sooner, starts_at=now - timedelta(days=4))
    CourseDateFactory(course=unlinked)

    courses = selectors.courses_teaching(worker, genogram, now)

    assert courses == [sooner, later]
    assert courses[0].upcoming == [upcoming]
    assert cancelled not in courses[0].upcoming
    assert past not in courses[0].upcoming
    assert courses[1].upcoming == []
    assert courses[0].upcoming[0].places_left == upcoming.capacity
    assert courses[0].upcoming[0].own_booking is None


def test_courses_teaching_leaves_out_retired_courses_even_for_the_coordinator(coordinator, genogram):
    retired = CourseFactory(is_active=False)
    retired.tools.add(genogram)
    assert selectors.courses_teaching(coordinator, genogram, timezone.now()) == []


def test_courses_teaching_reads_in_three_queries(worker, genogram, django_assert_max_num_queries):
    for index in range(5):
        course = CourseFactory(programme=ProgrammeFactory(name=f"Programme {index}"))
        course.tools.add(genogram)
        for _date in range(4):
            course_date = CourseDateFactory(course=course, capacity=2)
            BookingFactory(course_date=course_date)
        BookingFactory(course_date=course_date, person=worker)
    worker.get_all_permissions()  # as any page has done before it asks, once per request
    with django_assert_max_num_queries(3):
        courses = selectors.courses_teaching(worker, genogram, timezone.now())
        html = render_to_string("training/includes/courses_for_tool.html", {"courses": courses})
    assert len(courses) == 5
    assert all(len(course.upcoming) == 4 for course in courses)
    assert html.count("Book a place") == 5


def test_the_include_shows_the_next_three_dates_and_booking_state(worker, genogram):
    now = timezone.now()
    course = CourseFactory(title="Genograms in practice")
    course.tools.add(genogram)
    full = CourseDateFactory(course=course, capacity=1, starts_at=now + timedelta(days=2), location="Room 1")
    BookingFactory(course_date=full)
    mine = CourseDateFactory(course=course, capacity=5, starts_at=now + timedelta(days=3), location="Room 2")
    BookingFactory(course_date=mine, person=worker, status=BookingStatus.PENDING, approved_at=None)
    CourseDateFactory(course=course, capacity=5, starts_at=now + timedelta(days=4), location="Room 3")
    CourseDateFactory(course=course, capacity=5, starts_at=now + timedelta(days=5), location="Room 4")
    empty = CourseFactory(title="Genograms again")
    empty.tools.add(genogram)

    html = render_to_string(
        "training/includes/courses_for_tool.html", {"courses": selectors.courses_teaching(worker, genogram, now)}
    )

    assert '<section aria-labelledby="courses-heading">' in html
    assert '<h2 class="govuk-heading-l" id="courses-heading">Courses that teach it</h2>' in html
    assert f'href="{reverse("training:course", args=[course.pk])}"' in html
    assert f'href="{reverse("training:course", args=[course.pk])}#dates"' in html
    assert "Full: join the waiting list" in html
    assert "Waiting for approval" in html
    assert "4 places left" in html
    assert "Room 3" in html
    assert "Room 4" not in html
    assert "No dates yet. Ask the training coordinator." in html


def test_the_include_says_when_no_course_teaches_the_tool():
    html = render_to_string("training/includes/courses_for_tool.html", {"courses": []})
    assert "No course in the training programme teaches this tool yet." in html
