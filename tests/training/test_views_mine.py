"""A person's own training pages: requesting, cancelling, evaluating, certificates, other learning,
who may see and change what, and query bounds."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from portal.roles import Role
from tests.factories import BookingFactory, CourseDateFactory, CourseFactory, ProgrammeFactory, UserFactory
from training.forms import CERTIFICATE_MAX_BYTES
from training.models import Booking, BookingStatus, Decision, Evaluation, ExternalLearning

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _fmt(day) -> str:
    return day.strftime("%d %m %Y")


def _past_date(days_ago: int = 30, **kwargs):
    starts = (timezone.localtime() - timedelta(days=days_ago)).replace(hour=9, minute=30, second=0, microsecond=0)
    return CourseDateFactory(starts_at=starts, ends_at=starts + timedelta(hours=7), **kwargs)


def completed_booking(person, *, days_ago: int = 30, **kwargs):
    course_date = _past_date(days_ago, **kwargs)
    return BookingFactory(
        course_date=course_date,
        person=person,
        attendance="attended",
        hours_attended=course_date.course.hours,
        completed_on=timezone.localtime(course_date.starts_at).date(),
    )


def _text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


# --- Asking for a place -------------------------------------------------------------------


def test_worker_asks_for_a_place_and_it_waits_for_approval(client, worker):
    course_date = CourseDateFactory()
    client.force_login(worker)
    page = client.get(reverse("training:course", args=[course_date.course.pk]))
    assert "Request a place" in page.content.decode()
    assert "10 places left" in _text(page)

    response = client.post(reverse("training:request-place", args=[course_date.pk]), follow=True)
    booking = Booking.objects.get(person=worker)
    assert booking.status == BookingStatus.PENDING
    assert response.redirect_chain[-1][0] == reverse("training:booking", args=[booking.pk])
    body = _text(response)
    assert "We are holding it for you while your manager or the training coordinator decides" in body
    assert "Waiting for approval" in body

    mine = _text(client.get(reverse("training:mine")))
    assert course_date.course.title in mine
    assert "Waiting for approval" in mine


def test_a_full_date_puts_the_request_on_the_waiting_list_with_its_place_in_the_queue(client, worker):
    course_date = CourseDateFactory(capacity=1)
    BookingFactory(course_date=course_date)
    BookingFactory(course_date=course_date, status=BookingStatus.WAITING, approved_at=None)
    client.force_login(worker)
    catalogue = _text(client.get(reverse("training:catalogue")))
    assert "Full: join the waiting list" in catalogue
    course_page = client.get(reverse("training:course", args=[course_date.course.pk]))
    assert "Join the waiting list" in course_page.content.decode()

    response = client.post(reverse("training:request-place", args=[course_date.pk]), follow=True)
    assert Booking.objects.get(person=worker).status == BookingStatus.WAITING
    assert "you are 2nd on the waiting list" in _text(response)
    assert "2nd on the waiting list" in _text(client.get(reverse("training:mine")))
    assert "2nd on the waiting list" in _text(client.get(reverse("training:catalogue")))


def test_a_booking_error_is_shown_with_its_own_words(client, worker):
    course_date = CourseDateFactory(is_cancelled=True)
    client.force_login(worker)
    response = client.post(reverse("training:request-place", args=[course_date.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("training:course", args=[course_date.course.pk])
    assert "This date has been cancelled. Choose another date." in response.content.decode()
    assert not Booking.objects.exists()


def test_asking_twice_for_the_same_date_is_refused_clearly(client, worker):
    course_date = CourseDateFactory()
    BookingFactory(course_date=course_date, person=worker)
    client.force_login(worker)
    response = client.post(reverse("training:request-place", args=[course_date.pk]), follow=True)
    assert "already has a place or a request on this date" in response.content.decode()


def test_a_date_of_a_course_no_longer_offered_cannot_be_requested_or_seen(client, worker):
    course_date = CourseDateFactory(course=CourseFactory(is_active=False))
    client.force_login(worker)
    assert client.post(reverse("training:request-place", args=[course_date.pk])).status_code == 404
    assert client.get(reverse("training:course", args=[course_date.course.pk])).status_code == 404
    assert course_date.course.title not in client.get(reverse("training:catalogue")).content.decode()


def test_requesting_a_place_needs_a_post(client, worker):
    client.force_login(worker)
    assert client.get(reverse("training:request-place", args=[CourseDateFactory().pk])).status_code == 405


# --- Cancelling ---------------------------------------------------------------------------


def test_cancelling_frees_the_place_for_the_waiting_list(client, worker, django_capture_on_commit_callbacks):
    course_date = CourseDateFactory(capacity=1)
    mine = BookingFactory(course_date=course_date, person=worker)
    waiting = BookingFactory(course_date=course_date, status=BookingStatus.WAITING)
    client.force_login(worker)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("training:cancel-booking", args=[mine.pk]), follow=True)
    assert "Your booking on" in response.content.decode()
    mine.refresh_from_db()
    waiting.refresh_from_db()
    assert mine.status == BookingStatus.CANCELLED
    assert waiting.status == BookingStatus.BOOKED


def test_a_manager_may_see_but_not_cancel_their_workers_booking(client, worker, supervisor):
    booking = BookingFactory(person=worker)
    client.force_login(supervisor)
    page = client.get(reverse("training:booking", args=[booking.pk]))
    assert page.status_code == 200
    assert "Cancel" not in page.content.decode().split("<main", 1)[1]
    assert client.post(reverse("training:cancel-booking", args=[booking.pk])).status_code == 403
    booking.refresh_from_db()
    assert booking.status == BookingStatus.BOOKED


def test_the_coordinator_may_cancel_anyones_booking(client, worker, coordinator):
    booking = BookingFactory(person=worker)
    client.force_login(coordinator)
    response = client.post(reverse("training:cancel-booking", args=[booking.pk]), follow=True)
    assert f"{worker}’s booking" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED


def test_a_course_that_has_started_cannot_be_cancelled(client, worker):
    booking = BookingFactory(person=worker, course_date=_past_date(1))
    client.force_login(worker)
    response = client.post(reverse("training:cancel-booking", args=[booking.pk]), follow=True)
    assert "can no longer be cancelled" in response.content.decode()


@pytest.mark.parametrize("viewer", ["team_mate", "other_worker", "other_supervisor"])
def test_bookings_outside_ones_scope_are_not_found(client, worker, request, viewer):
    booking = completed_booking(worker)
    client.force_login(request.getfixturevalue(viewer))
    for name in ("booking", "evaluate", "certificate-upload"):
        assert client.get(reverse(f"training:{name}", args=[booking.pk])).status_code == 404, name
    assert client.post(reverse("training:cancel-booking", args=[booking.pk])).status_code == 404


def test_every_page_needs_signing_in(client, worker):
    booking = BookingFactory(person=worker)
    for url in (
        reverse("training:mine"),
        reverse("training:catalogue"),
        reverse("training:course", args=[booking.course_date.course.pk]),
        reverse("training:booking", args=[booking.pk]),
        reverse("training:evaluate", args=[booking.pk]),
        reverse("training:certificate-upload", args=[booking.pk]),
        reverse("training:certificate-download", args=[booking.pk]),
        reverse("training:external-create"),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert reverse("login") in response.url, url


# --- Evaluations --------------------------------------------------------------------------


def test_worker_evaluates_a_completed_course_once(client, worker):
    booking = completed_booking(worker)
    client.force_login(worker)
    mine = client.get(reverse("training:mine")).content.decode()
    assert reverse("training:evaluate", args=[booking.pk]) in mine

    response = client.post(
        reverse("training:evaluate", args=[booking.pk]),
        {"rating": "4", "was_useful": "The genogram exercise.", "will_use": "With the Ahmed family next week."},
    )
    assert response.url == reverse("training:mine")
    evaluation = Evaluation.objects.get(booking=booking)
    assert evaluation.rating == 4
    assert reverse("training:evaluate", args=[booking.pk]) not in client.get(reverse("training:mine")).content.decode()
    assert "Rated 4 out of 5" in client.get(reverse("training:booking", args=[booking.pk])).content.decode()

    again = client.post(reverse("training:evaluate", args=[booking.pk]), {"rating": "2"}, follow=True)
    assert "You have already evaluated this course" in again.content.decode()
    assert Evaluation.objects.count() == 1


def test_an_evaluation_without_a_rating_shows_an_error_summary(client, worker):
    booking = completed_booking(worker)
    client.force_login(worker)
    for data in ({}, {"rating": "9"}, {"rating": "3", "was_useful": "x" * 10_001}):
        response = client.post(reverse("training:evaluate", args=[booking.pk]), data)
        body = response.content.decode()
        assert response.status_code == 200
        assert "govuk-error-summary" in body
        assert "<title>Error: " in body
    assert not Evaluation.objects.exists()


def test_a_course_not_yet_attended_cannot_be_evaluated(client, worker):
    booking = BookingFactory(person=worker)
    client.force_login(worker)
    response = client.get(reverse("training:evaluate", args=[booking.pk]), follow=True)
    assert "once you have been marked as attending" in response.content.decode()


def test_a_manager_cannot_evaluate_for_their_worker(client, worker, supervisor):
    booking = completed_booking(worker)
    client.force_login(supervisor)
    assert client.get(reverse("training:evaluate", args=[booking.pk])).status_code == 403


def test_too_long_an_evaluation_is_refused_in_words(client, worker):
    booking = completed_booking(worker)
    client.force_login(worker)
    response = client.post(reverse("training:evaluate", args=[booking.pk]), {"rating": "3", "will_use": "x" * 10_001})
    assert "How you will use it must be 10,000 characters or fewer" in response.content.decode()


# --- Certificates -------------------------------------------------------------------------


def _upload(client, booking, name, content, content_type="application/pdf"):
    return client.post(
        reverse("training:certificate-upload", args=[booking.pk]),
        {"certificate": SimpleUploadedFile(name, content, content_type=content_type)},
    )


def test_worker_uploads_a_pdf_certificate_and_downloads_it_safely(client, worker):
    booking = completed_booking(worker)
    client.force_login(worker)
    response = _upload(client, booking, "certificate.pdf", PDF)
    assert response.url == reverse("training:booking", args=[booking.pk])
    booking.refresh_from_db()
    assert booking.certificate_name == "certificate.pdf"
    assert booking.certificate_type == "application/pdf"

    download = client.get(reverse("training:certificate-download", args=[booking.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert "certificate.pdf" in download["Content-Disposition"]
    assert download["X-Content-Type-Options"] == "nosniff"


def test_a_png_certificate_is_accepted(client, worker):
    booking = completed_booking(worker)
    client.force_login(worker)
    assert _upload(client, booking, "Scan 3.PNG", PNG, "image/png").status_code == 302
    booking.refresh_from_db()
    assert booking.certificate_type == "image/png"


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("certificate.pdf", b"This is only text pretending to be a PDF.", "is not a real PDF file"),
        ("certificate.pdf", PNG, "is not a real PDF file"),
        ("certificate.jpg", PDF, "is not a real JPG file"),
        ("certificate.html", b"<script>alert(1)</script>", "must be a PDF, PNG or JPEG file"),
        ("certificate", PDF, "must be a PDF, PNG or JPEG file"),
    ],
)
def test_a_file_that_is_not_what_it_claims_is_refused(client, worker, name, content, error):
    booking = completed_booking(worker)
    client.force_login(worker)
    response = _upload(client, booking, name, content)
    assert response.status_code == 200
    body = response.content.decode()
    assert "govuk-error-summary" in body
    assert error in body
    booking.refresh_from_db()
    assert booking.certificate_name == ""


def test_a_certificate_over_5_mb_is_refused(client, worker):
    booking = completed_booking(worker)
    client.force_login(worker)
    content = PDF + b"0" * (CERTIFICATE_MAX_BYTES + 1 - len(PDF))
    assert len(content) == 5 * 1024 * 1024 + 1
    response = _upload(client, booking, "big.pdf", content)
    assert response.status_code == 200
    assert "The certificate must be smaller than 5 MB" in response.content.decode()
    booking.refresh_from_db()
    assert booking.certificate_name == ""


def test_a_50_mb_upload_gets_the_form_error_not_a_server_error(client, worker, tmp_path):
    booking = completed_booking(worker)
    client.force_login(worker)
    big = tmp_path / "huge.pdf"
    with big.open("wb") as handle:
        handle.write(PDF)
        handle.truncate(50 * 1024 * 1024)  # a sparse file: nothing is written for the rest
    with big.open("rb") as handle:
        response = client.post(reverse("training:certificate-upload", args=[booking.pk]), {"certificate": handle})
    assert response.status_code == 200
    assert "The certificate must be smaller than 5 MB" in response.content.decode()


def test_an_empty_upload_asks_for_a_file(client, worker):
    booking = completed_booking(worker)
    client.force_login(worker)
    response = client.post(reverse("training:certificate-upload", args=[booking.pk]), {})
    assert response.status_code == 200
    assert "Choose a certificate file to upload" in response.content.decode()


def test_a_manager_may_not_upload_their_workers_certificate_but_the_coordinator_may(
    client, worker, supervisor, coordinator
):
    booking = completed_booking(worker)
    client.force_login(supervisor)
    assert _upload(client, booking, "certificate.pdf", PDF).status_code == 403
    client.force_login(coordinator)
    assert _upload(client, booking, "certificate.pdf", PDF).status_code == 302
    booking.refresh_from_db()
    assert booking.certificate_name == "certificate.pdf"


def test_a_certificate_waits_until_the_course_is_completed(client, worker):
    booking = BookingFactory(person=worker)
    client.force_login(worker)
    response = _upload(client, booking, "certificate.pdf", PDF)
    assert response.url == reverse("training:booking", args=[booking.pk])
    booking.refresh_from_db()
    assert booking.certificate_name == ""


@pytest.mark.parametrize(
    ("viewer", "status"),
    [
        ("worker", 200),
        ("supervisor", 200),
        ("coordinator", 200),
        ("service_manager", 200),
        ("team_mate", 404),
        ("other_worker", 404),
        ("other_supervisor", 404),
    ],
)
def test_only_people_who_may_see_the_booking_may_download_its_certificate(client, worker, request, viewer, status):
    booking = completed_booking(worker)
    Booking.objects.filter(pk=booking.pk).update(
        certificate=PDF, certificate_name="cert.pdf", certificate_type="application/pdf"
    )
    client.force_login(request.getfixturevalue(viewer))
    assert client.get(reverse("training:certificate-download", args=[booking.pk])).status_code == status


def test_a_booking_without_a_certificate_has_nothing_to_download(client, worker):
    booking = completed_booking(worker)
    client.force_login(worker)
    assert client.get(reverse("training:certificate-download", args=[booking.pk])).status_code == 404


def test_a_stored_type_outside_the_allowed_list_downloads_as_plain_bytes(client, worker):
    booking = completed_booking(worker)
    Booking.objects.filter(pk=booking.pk).update(
        certificate=b"<html>", certificate_name='a"b.html', certificate_type="text/html"
    )
    client.force_login(worker)
    download = client.get(reverse("training:certificate-download", args=[booking.pk]))
    assert download["Content-Type"] == "application/octet-stream"
    assert download["Content-Disposition"].startswith("attachment;")


# --- External learning --------------------------------------------------------------------


def _learning(**changes):
    data = {
        "title": "Research in Practice: working with adolescents",
        "kind": "research",
        "source": "Research in Practice",
        "completed_on": _fmt(timezone.localdate() - timedelta(days=3)),
        "hours": "1.5",
        "reflection": "Made me think again about how we talk to teenagers about risk outside the home.",
    }
    data.update(changes)
    return data


def test_worker_records_other_learning_and_sees_it_waiting_for_approval(client, worker, supervisor):
    client.force_login(worker)
    response = client.post(reverse("training:external-create"), _learning(), follow=True)
    learning = ExternalLearning.objects.get(person=worker)
    assert response.redirect_chain[-1][0] == reverse("training:external", args=[learning.pk])
    assert learning.status == Decision.SUBMITTED
    assert learning.hours == Decimal("1.5")
    assert "Waiting for approval" in response.content.decode()
    assert learning.title in client.get(reverse("training:mine")).content.decode()

    client.force_login(supervisor)
    page = client.get(reverse("training:external", args=[learning.pk])).content.decode()
    assert reverse("training:decide-external", args=[learning.pk]) in page


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"hours": "-2"}, "Hours cannot be negative"),
        ({"hours": "0"}, "Hours must be more than 0"),
        ({"hours": "0.05"}, "Hours must be at least 0.1"),
        ({"hours": "101"}, "Hours must be 100 or fewer"),
        ({"hours": "1.25"}, "Enter the hours to one decimal place"),
        ({"hours": "lots"}, "Enter the hours as a number"),
        ({"hours": "NaN"}, "Enter the hours as a number"),
        ({"hours": ""}, "Enter how many hours it took"),
        ({"completed_on": _fmt(timezone.localdate() + timedelta(days=1))}, "The date must be today or in the past"),
        ({"completed_on": "31 2 2026"}, "Enter a real date, like 27 3 2027"),
        ({"reflection": ""}, "Enter your reflection"),
        ({"title": ""}, "Enter what the learning was called"),
        ({"kind": "party"}, "Choose what kind of learning it was"),
        ({"completed_on": ""}, "Enter the date you did it"),
    ],
)
def test_bad_external_learning_gets_a_clear_error(client, worker, changes, error):
    client.force_login(worker)
    response = client.post(reverse("training:external-create"), _learning(**changes))
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert error in body
    assert not ExternalLearning.objects.exists()


@pytest.mark.parametrize(("viewer", "status"), [("supervisor", 200), ("team_mate", 404), ("other_supervisor", 404)])
def test_external_learning_is_scoped(client, worker, request, viewer, status):
    learning = ExternalLearning.objects.create(
        person=worker, title="A book", kind="book", completed_on=timezone.localdate(), hours=2, reflection="Good."
    )
    client.force_login(request.getfixturevalue(viewer))
    assert client.get(reverse("training:external", args=[learning.pk])).status_code == status


def test_a_declined_entry_shows_the_reason(client, worker, supervisor):
    learning = ExternalLearning.objects.create(
        person=worker,
        title="A book",
        kind="book",
        completed_on=timezone.localdate(),
        hours=2,
        reflection="Good.",
        status=Decision.DECLINED,
        decided_by=supervisor,
        decided_at=timezone.now(),
        decline_reason="Please add what you will do differently.",
    )
    client.force_login(worker)
    body = client.get(reverse("training:external", args=[learning.pk])).content.decode()
    assert "Declined" in body
    assert "Please add what you will do differently." in body


# --- Required training, the catalogue -----------------------------------------------------


def test_required_training_missing_or_expiring_is_shown_in_a_box(client, worker):
    social_workers = Group.objects.get(name=Role.SOCIAL_WORKER)
    missing = CourseFactory(title="Safeguarding children level 3")
    missing.required_for.add(social_workers)
    expiring = CourseFactory(title="Information governance", refresh_months=12)
    expiring.required_for.add(social_workers)
    completed_booking(worker, days_ago=340, course=expiring)
    fine = CourseFactory(title="Court skills", refresh_months=24)
    fine.required_for.add(social_workers)
    completed_booking(worker, days_ago=100, course=fine)
    CourseFactory(title="Not for social workers").required_for.add(Group.objects.get(name=Role.FACILITATOR))

    client.force_login(worker)
    body = _text(client.get(reverse("training:mine")))
    box = body.split("Training you must do", 1)[1].split("Coming up", 1)[0]
    assert "Safeguarding children level 3</a>: not done yet" in box
    assert "Information governance</a>: expires on" in box
    assert "Court skills" not in box
    assert "Not for social workers" not in box


def test_a_refresher_in_the_same_programme_renews_required_training(client, worker):
    social_workers = Group.objects.get(name=Role.SOCIAL_WORKER)
    programme = ProgrammeFactory(name="Safeguarding")
    core = CourseFactory(programme=programme, title="Safeguarding core", refresh_months=12)
    core.required_for.add(social_workers)
    completed_booking(worker, days_ago=500, course=core)
    client.force_login(worker)
    assert "Safeguarding core</a>: expired on" in _text(client.get(reverse("training:mine")))

    refresher = CourseFactory(programme=programme, title="Safeguarding refresher", level="refresher")
    completed_booking(worker, days_ago=30, course=refresher)
    assert "Training you must do" not in client.get(reverse("training:mine")).content.decode()


def test_nobody_with_all_their_required_training_sees_the_box(client, worker):
    client.force_login(worker)
    assert "Training you must do" not in client.get(reverse("training:mine")).content.decode()


def test_the_catalogue_filters_by_programme_and_level(client, worker):
    systemic = ProgrammeFactory(name="Systemic practice")
    safeguarding = ProgrammeFactory(name="Safeguarding")
    CourseDateFactory(course=CourseFactory(programme=systemic, title="Systemic basics", level="introductory"))
    CourseDateFactory(course=CourseFactory(programme=systemic, title="Systemic supervision", level="advanced"))
    CourseFactory(programme=safeguarding, title="Neglect", level="introductory")
    client.force_login(worker)

    everything = client.get(reverse("training:catalogue")).content.decode()
    assert all(title in everything for title in ("Systemic basics", "Systemic supervision", "Neglect"))
    assert "No dates are planned" in everything

    chosen = client.get(reverse("training:catalogue"), {"programme": systemic.pk, "level": "advanced"})
    body = chosen.content.decode()
    assert "Systemic supervision" in body
    assert "Systemic basics" not in body
    assert "Neglect" not in body


@pytest.mark.parametrize("query", [{"programme": "999999"}, {"programme": "x"}, {"level": "<script>"}])
def test_a_wrong_catalogue_filter_shows_an_error_not_a_crash(client, worker, query):
    CourseFactory(title="Systemic basics")
    client.force_login(worker)
    response = client.get(reverse("training:catalogue"), query)
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert "Systemic basics" in response.content.decode()


def test_a_cancelled_or_past_date_is_not_offered(client, worker):
    course = CourseFactory(title="Systemic basics")
    CourseDateFactory(course=course, is_cancelled=True, location="Cancelled room")
    _past_date(3, course=course, location="Past room")
    client.force_login(worker)
    body = client.get(reverse("training:course", args=[course.pk])).content.decode()
    assert "Cancelled room" not in body
    assert "Past room" not in body


# --- Query bounds -------------------------------------------------------------------------


def test_my_training_page_reads_in_a_fixed_number_of_queries(client, worker, django_assert_max_num_queries):
    social_workers = Group.objects.get(name=Role.SOCIAL_WORKER)
    for index in range(12):
        course = CourseFactory(refresh_months=12)
        course.required_for.add(social_workers)
        completed_booking(worker, days_ago=20 + index, course=course)
        BookingFactory(person=worker)
        BookingFactory(person=worker, status=BookingStatus.PENDING, approved_at=None)
        full = CourseDateFactory(capacity=1)
        BookingFactory(course_date=full)
        BookingFactory(course_date=full, person=worker, status=BookingStatus.WAITING, approved_at=None)
        ExternalLearning.objects.create(
            person=worker,
            title=f"Book {index}",
            kind="book",
            completed_on=timezone.localdate(),
            hours=1,
            reflection="-",
        )
    client.force_login(worker)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("training:mine"))
    assert response.status_code == 200
    assert response.content.decode().count("on the waiting list") >= 12


def test_the_catalogue_reads_in_a_fixed_number_of_queries(client, worker, django_assert_max_num_queries):
    for programme_index in range(4):
        programme = ProgrammeFactory(name=f"Programme {programme_index}")
        for _course in range(8):
            course = CourseFactory(programme=programme)
            for _date in range(3):
                course_date = CourseDateFactory(course=course, capacity=2)
                BookingFactory(course_date=course_date)
        BookingFactory(course_date=course_date, person=worker)
    client.force_login(worker)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("training:catalogue"))
    assert response.status_code == 200
    assert response.content.decode().count("1 place left") >= 90


def test_the_course_page_reads_in_a_fixed_number_of_queries(client, worker, django_assert_max_num_queries):
    course = CourseFactory()
    for _date in range(20):
        course_date = CourseDateFactory(course=course, capacity=3)
        BookingFactory(course_date=course_date)
    BookingFactory(course_date=course_date, person=worker)
    client.force_login(worker)
    with django_assert_max_num_queries(11):
        response = client.get(reverse("training:course", args=[course.pk]))
    assert response.status_code == 200
    assert response.content.decode().count("Request a place") == 19


@pytest.fixture
def team_mate_booking(team_mate):
    return BookingFactory(person=team_mate)


def test_a_worker_cannot_cancel_a_team_mates_booking(client, worker, team_mate_booking):
    client.force_login(worker)
    assert client.post(reverse("training:cancel-booking", args=[team_mate_booking.pk])).status_code == 404


def test_a_worker_with_no_team_still_gets_their_page(db, client):
    loner = UserFactory(team=None, roles=[Role.SOCIAL_WORKER])
    client.force_login(loner)
    assert client.get(reverse("training:mine")).status_code == 200
    assert client.get(reverse("training:cpd")).status_code == 200
