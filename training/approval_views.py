"""Managers' approvals: requests for places on courses, and external learning for CPD records.

A manager decides for the people they manage; the training coordinator for anyone in the service.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from portal import request_params
from portal.access import access_required
from training import access, manage_selectors, services
from training.approval_forms import DeclineForm, ExternalDecisionForm
from training.models import BookingStatus, Decision
from training.services import BookingError

PAGE_SIZE = 50


def _next_value(request) -> str:
    """The page on this site the form came from, or "" when none (or something that is not one) was sent."""
    return request_params.local_url(request, request.POST.get("next") or request.GET.get("next")) or ""


def _next(request, default: str = "training:approvals"):
    """Where to go back to: the page the form came from, or the approvals list."""
    return redirect(_next_value(request) or default)


def _describe(booking) -> str:
    when = timezone.localtime(booking.course_date.starts_at)
    return f"{booking.person.get_full_name()} on {booking.course_date.course} on {when:%-d %B %Y}"


@access_required(access.can_approve)
def approvals(request):
    user = request.user
    return render(
        request,
        "training/approvals/approvals.html",
        {
            "requests": Paginator(manage_selectors.requests_to_decide(user, timezone.now()), PAGE_SIZE).get_page(
                request.GET.get("page")
            ),
            "learning": Paginator(manage_selectors.learning_to_decide(user), PAGE_SIZE).get_page(
                request.GET.get("learning_page")
            ),
        },
    )


@access_required(access.can_approve)
@require_POST
def approve_booking(request, pk):
    booking = get_object_or_404(manage_selectors.decidable_bookings(request.user), pk=pk)
    try:
        booking = services.approve(booking, by=request.user)
    except BookingError as error:
        messages.error(request, str(error))
    else:
        if booking.status == BookingStatus.BOOKED:
            messages.success(request, f"Approved: {_describe(booking)}. Their place is confirmed.")
        else:
            messages.success(
                request,
                f"Approved: {_describe(booking)}. They are on the waiting list and will get a place "
                "without asking again when one comes up.",
            )
    return _next(request)


@access_required(access.can_approve)
@require_http_methods(["GET", "POST"])
def decline_booking(request, pk):
    booking = get_object_or_404(manage_selectors.decidable_bookings(request.user), pk=pk)
    if booking.status not in (BookingStatus.PENDING, BookingStatus.WAITING):
        messages.error(request, "This request has already been decided or cancelled.")
        return _next(request)
    form = DeclineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.decline(booking, by=request.user, reason=form.cleaned_data["reason"])
        except BookingError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"Declined: {_describe(booking)}.")
        return _next(request)
    return render(
        request,
        "training/approvals/decline.html",
        {"form": form, "booking": booking, "next": _next_value(request)},
    )


@access_required(access.can_approve)
@require_http_methods(["GET", "POST"])
def decide_external(request, pk):
    learning = get_object_or_404(manage_selectors.decidable_learning(request.user).select_related("person"), pk=pk)
    if learning.status != Decision.SUBMITTED:
        messages.error(request, "This learning has already been decided.")
        return redirect("training:approvals")
    form = ExternalDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.decide_external_learning(
                learning, approve=form.approves, by=request.user, reason=form.cleaned_data["reason"]
            )
        except BookingError as error:
            messages.error(request, str(error))
        else:
            name = learning.person.get_full_name()
            if form.approves:
                messages.success(request, f"Approved: “{learning.title}” now counts in {name}’s CPD record.")
            else:
                messages.success(request, f"Declined: “{learning.title}” for {name}.")
        return redirect("training:approvals")
    return render(request, "training/approvals/external.html", {"form": form, "learning": learning})
