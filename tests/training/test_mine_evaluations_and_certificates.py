"""A person's evaluations of the courses they went on, and the certificates they add to them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import BookingFactory, completed_booking
from training.forms import CERTIFICATE_MAX_BYTES
from training.models import Booking, Evaluation

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


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
