"""A person's own training: their bookings, the catalogue, requesting and cancelling places,
evaluations, certificates and the learning they record themselves."""

from io import BytesIO
from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from portal import request_params
from training import access, expiry, practice_development, selectors, services
from training.forms import (
    CERTIFICATE_TYPES,
    CatalogueFilterForm,
    CertificateForm,
    EvaluationForm,
    ExternalLearningForm,
)
from training.models import LIVE, Booking, BookingStatus, Decision
from training.services import BookingError

# Only types the upload form accepts are ever sent back with their own type.
DOWNLOAD_TYPES = {content_type for content_type, _signatures in CERTIFICATE_TYPES.values()}


def _is_own(user, booking) -> bool:
    return booking.person_id == user.pk


def _when(booking) -> str:
    return f"{timezone.localtime(booking.course_date.starts_at):%-d %B %Y}"


def _scoped_booking(user, pk: int) -> Booking:
    try:
        return selectors.booking_for_page(user, pk)
    except Booking.DoesNotExist:
        raise Http404 from None


# --- The person's page and the catalogue ------------------------------------------------------


@login_required
def my_training(request):
    user = request.user
    return render(
        request,
        "training/mine.html",
        {
            "page": selectors.my_training(user, timezone.now(), timezone.localdate()),
            "approves": access.can_approve(user),
            "expiring_days": selectors.EXPIRING_WITHIN_DAYS,
            "running_out": expiry.expiring_for(user, timezone.localdate()),
            "today": timezone.localdate(),
        },
    )


@login_required
def catalogue(request):
    form = CatalogueFilterForm(request.GET or None, programmes=selectors.programmes_for_filter())
    programme, level = form.chosen()
    return render(
        request,
        "training/catalogue.html",
        {
            "form": form,
            "catalogue": selectors.catalogue(request.user, timezone.now(), programme=programme, level=level),
            "filtered": bool(programme or level),
        },
    )


@login_required
def course_detail(request, pk):
    course = get_object_or_404(access.courses_for(request.user).select_related("programme"), pk=pk)
    return render(
        request,
        "training/course.html",
        {
            "page": selectors.course_page(request.user, course, timezone.now()),
            "window": expiry.closed_window(request.user, course, timezone.localdate()),
        },
    )


@login_required
def confirm_request(request, pk):
    """The page a training email links to: the date, places left, and a button that asks for a place (a POST to
    `request_place`), or the day the person's recertification window opens. Changes nothing."""
    course_date = get_object_or_404(access.course_dates_for(request.user).select_related("course__programme"), pk=pk)
    page = expiry.request_page(request.user, course_date, timezone.now(), timezone.localdate())
    return render(request, "training/request_place.html", {"page": page})


@login_required
@require_POST
def request_place(request, pk):
    course_date = get_object_or_404(access.course_dates_for(request.user).select_related("course"), pk=pk)
    try:
        booking = services.request_place(request.user, course_date, by=request.user)
    except BookingError as error:
        messages.error(request, str(error))
        return redirect("training:course", pk=course_date.course_id)
    booking = selectors.booking_for_page(request.user, booking.pk)
    what = f"{course_date.course} on {_when(booking)}"
    if booking.status == BookingStatus.WAITING:
        messages.success(
            request,
            f"{what} is full, so you are {selectors.ordinal(booking.position)} on the waiting list. "
            "If a place comes up, it is yours and we will email you.",
        )
    else:
        messages.success(
            request,
            f"You have asked for a place on {what}. We are holding it for you while your manager "
            "or the training coordinator decides.",
        )
    return redirect("training:booking", pk=booking.pk)


# --- One booking ------------------------------------------------------------------------------


@login_required
def booking_detail(request, pk):
    user = request.user
    booking = _scoped_booking(user, pk)
    now = timezone.now()
    started = booking.course_date.starts_at <= now
    own = _is_own(user, booking)
    may_change = access.can_change_booking(user, booking)
    evaluation = access.evaluations_for(user).filter(booking=booking).first() if booking.completed_on else None
    return render(
        request,
        "training/booking.html",
        {
            "booking": booking,
            "own": own,
            "started": started,
            "position": selectors.ordinal(booking.position) if booking.status == BookingStatus.WAITING else "",
            "evaluation": evaluation,
            "can_cancel": may_change and not started and booking.status in LIVE,
            "can_evaluate": own and booking.completed_on is not None and evaluation is None,
            "can_upload": may_change and booking.completed_on is not None,
            "is_session": practice_development.is_session(booking.course_date),
            "decisions": practice_development.decisions_for(user, booking),
        },
    )


@login_required
@require_POST
def cancel_booking(request, pk):
    user = request.user
    booking = _scoped_booking(user, pk)
    if not access.can_change_booking(user, booking):
        raise PermissionDenied
    try:
        services.cancel(booking, by=user)
    except BookingError as error:
        messages.error(request, str(error))
    else:
        whose = "Your" if _is_own(user, booking) else f"{booking.person}’s"
        messages.success(request, f"{whose} booking on {booking.course_date.course} on {_when(booking)} is cancelled.")
    # The coordinator cancels from a date's page and goes back there.
    if next_url := request_params.local_url(request, request.POST.get("next")):
        return redirect(next_url)
    return redirect("training:booking", pk=booking.pk)


@login_required
@require_http_methods(["GET", "POST"])
def evaluate(request, pk):
    user = request.user
    booking = _scoped_booking(user, pk)
    if not _is_own(user, booking):
        raise PermissionDenied
    if booking.completed_on is None:
        messages.error(request, "You can evaluate a course once you have been marked as attending it.")
        return redirect("training:booking", pk=booking.pk)
    form = EvaluationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.evaluate(
                booking,
                rating=form.cleaned_data["rating"],
                was_useful=form.cleaned_data["was_useful"],
                will_use=form.cleaned_data["will_use"],
            )
        except BookingError as error:
            messages.error(request, str(error))
            return redirect("training:booking", pk=booking.pk)
        messages.success(request, f"Thank you for evaluating {booking.course_date.course}.")
        return redirect("training:mine")
    return render(request, "training/evaluate.html", {"form": form, "booking": booking})


@login_required
@require_http_methods(["GET", "POST"])
def certificate_upload(request, pk):
    user = request.user
    booking = _scoped_booking(user, pk)
    if not access.can_change_booking(user, booking):
        raise PermissionDenied
    if booking.completed_on is None:
        messages.error(request, "You can add a certificate once the course is marked as completed.")
        return redirect("training:booking", pk=booking.pk)
    posted = request.method == "POST"
    form = CertificateForm(request.POST if posted else None, request.FILES if posted else None)
    if posted and form.is_valid():
        upload = form.cleaned_data["certificate"]
        services.attach_certificate(
            booking, content=form.content, name=PurePath(upload.name).name, content_type=form.content_type
        )
        messages.success(request, "The certificate is saved with the booking.")
        return redirect("training:booking", pk=booking.pk)
    return render(request, "training/certificate_form.html", {"form": form, "booking": booking})


@login_required
def certificate_download(request, pk):
    booking = get_object_or_404(
        access.bookings_for(request.user)
        .exclude(certificate_name="")
        .only("pk", "certificate", "certificate_name", "certificate_type"),
        pk=pk,
    )
    if booking.certificate is None:
        raise Http404
    content_type = booking.certificate_type
    if content_type not in DOWNLOAD_TYPES:
        content_type = "application/octet-stream"
    response = FileResponse(
        BytesIO(bytes(booking.certificate)),
        as_attachment=True,
        filename=booking.certificate_name,
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


# --- External learning ------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def external_create(request):
    form = ExternalLearningForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        learning = services.record_external_learning(
            request.user,
            services.LearningDetails(
                title=data["title"],
                kind=data["kind"],
                source=data["source"],
                completed_on=data["completed_on"],
                hours=data["hours"],
                reflection=data["reflection"],
            ),
        )
        messages.success(
            request,
            "Your learning is sent to your manager. It counts in your CPD record once they approve it.",
        )
        return redirect("training:external", pk=learning.pk)
    return render(request, "training/external_form.html", {"form": form})


@login_required
def external_detail(request, pk):
    user = request.user
    learning = get_object_or_404(access.external_learning_for(user).select_related("person", "decided_by"), pk=pk)
    return render(
        request,
        "training/external_detail.html",
        {
            "learning": learning,
            "own": learning.person_id == user.pk,
            "can_decide": learning.status == Decision.SUBMITTED and access.can_decide(user, learning.person),
        },
    )
