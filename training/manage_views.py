"""The training coordinator's home page, programmes, courses and their dates (adding, changing and cancelling
them), and each course's evaluation report. The register and bulk booking are in register_views.py; spend and
coverage targets in spend_views.py."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from portal import request_params
from portal.access import access_required
from portal.edit_conflicts import EditConflictError
from training import access, manage_selectors, manage_services, practice_development
from training.date_forms import CancelDateForm, CourseDateForm
from training.manage_forms import CourseForm, ProgrammeForm
from training.models import CourseDate, Programme, financial_year_of
from training.services import BookingError

PAGE_SIZE = 50
DATE_CHANGED = "Someone else changed this date after you opened it. Check the details below, then save again."


# --- Home ---------------------------------------------------------------------------------


@access_required(access.can_manage)
def manage_home(request):
    now = timezone.now()
    user = request.user
    return render(
        request,
        "training/manage/home.html",
        {
            "programmes": manage_selectors.programmes_with_courses(user),
            "page": Paginator(manage_selectors.upcoming_dates(user, now), PAGE_SIZE).get_page(request.GET.get("page")),
            "recent": list(manage_selectors.recent_dates(user, now)[:PAGE_SIZE]),
            "recent_days": manage_selectors.RECENT_DAYS,
            "spend": manage_selectors.spend_in_year(user, financial_year_of(timezone.localdate())),
            "targets": list(manage_selectors.coverage_targets()),
        },
    )


# --- Programmes and courses ---------------------------------------------------------------


def _programme_page(request, programme):
    form = ProgrammeForm(request.POST or None, instance=programme)
    if request.method == "POST" and form.is_valid():
        try:
            programme = manage_services.save_programme(form.save(commit=False))
        except IntegrityError:
            form.add_error("name", "There is already a programme with this name. Choose another name.")
        else:
            messages.success(request, f"The programme “{programme}” is saved.")
            return redirect("training:manage")
    return render(request, "training/manage/programme_form.html", {"form": form, "programme": programme})


@access_required(access.can_manage)
@require_http_methods(["GET", "POST"])
def programme_create(request):
    return _programme_page(request, None)


@access_required(access.can_manage)
@require_http_methods(["GET", "POST"])
def programme_edit(request, pk):
    # Programmes are the public outline of the catalogue: anyone who runs the programme may change any of them.
    programme = get_object_or_404(Programme, pk=pk)
    return _programme_page(request, programme)


def _course_page(request, course):
    initial = {}
    if course is None and (chosen := request_params.positive_int(request.GET.get("programme"))):
        initial["programme"] = chosen
    form = CourseForm(request.POST or None, instance=course, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            course = manage_services.save_course(
                form.save(commit=False),
                required_for=form.cleaned_data["required_for"],
                tools=form.cleaned_data.get("tools"),
            )
        except IntegrityError:
            form.add_error("title", "The programme already has a course with this title. Choose another title.")
        else:
            messages.success(request, f"The course “{course}” is saved.")
            return redirect("training:manage")
    return render(request, "training/manage/course_form.html", {"form": form, "course": course})


@access_required(access.can_manage)
@require_http_methods(["GET", "POST"])
def course_create(request):
    return _course_page(request, None)


@access_required(access.can_manage)
@require_http_methods(["GET", "POST"])
def course_edit(request, pk):
    return _course_page(request, get_object_or_404(access.courses_for(request.user), pk=pk))


@access_required(access.sees_whole_service)
def course_evaluations(request, pk):
    course = get_object_or_404(access.courses_for(request.user).select_related("programme"), pk=pk)
    report = manage_selectors.evaluation_report(request.user, course)
    return render(
        request,
        "training/manage/evaluations.html",
        {"report": report, "page": Paginator(report.comments, 20).get_page(request.GET.get("page"))},
    )


# --- Course dates -------------------------------------------------------------------------


def _details(form, *, decisions: str = "") -> manage_services.DateDetails:
    data = form.cleaned_data
    return manage_services.DateDetails(
        starts_at=data["starts_at"],
        ends_at=data["ends_at"],
        location=data["location"],
        is_online=data["is_online"],
        capacity=data["capacity"],
        facilitator=data["facilitator"],
        kind=data["kind"],
        decisions=decisions,
    )


@access_required(access.can_manage)
@require_http_methods(["GET", "POST"])
def date_create(request):
    courses = access.courses_for(request.user).filter(is_active=True).select_related("programme")
    initial = {"is_online": "no"}
    if chosen := request_params.positive_int(request.GET.get("course")):
        initial["course"] = chosen
    form = CourseDateForm(request.POST or None, courses=courses, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            course_date = manage_services.create_course_date(form.cleaned_data["course"], _details(form))
        except BookingError as error:
            form.add_error("start_date", str(error).rstrip("."))
        else:
            messages.success(request, "The date is added. People can now book it from the catalogue.")
            return redirect("training:date", pk=course_date.pk)
    return render(request, "training/manage/date_form.html", {"form": form, "course_date": None})


def _date_with_counts(request, pk) -> CourseDate:
    try:
        return manage_selectors.course_date_with_counts(request.user, pk)
    except CourseDate.DoesNotExist:
        raise Http404 from None


@access_required(access.can_manage)
def date_detail(request, pk):
    course_date = _date_with_counts(request, pk)
    now = timezone.now()
    return render(
        request,
        "training/manage/date_detail.html",
        {
            "course_date": course_date,
            "people": manage_selectors.people_on_date(request.user, course_date),
            "has_started": course_date.starts_at <= now,
            "here": reverse("training:date", args=[course_date.pk]),
            "is_session": practice_development.is_session(course_date),
        },
    )


@access_required(access.can_manage)
@require_http_methods(["GET", "POST"])
def date_edit(request, pk):
    course_date = _date_with_counts(request, pk)
    if course_date.is_cancelled:
        messages.error(request, "This date has been cancelled, so it cannot be changed.")
        return redirect("training:date", pk=pk)
    if request.GET.get("cancel") == "yes" or "cancel_date" in request.POST:
        return _cancel_date(request, course_date)
    if request.method == "POST":
        form = CourseDateForm(request.POST, course_date=course_date)
        if form.is_valid():
            try:
                manage_services.change_course_date(
                    course_date,
                    _details(form, decisions=form.cleaned_data.get("decisions", course_date.decisions)),
                    expected_version=form.cleaned_data["version"],
                )
            except EditConflictError:
                course_date.refresh_from_db()
                data = request.POST.copy()
                data["version"] = str(course_date.version)
                form = CourseDateForm(data, course_date=course_date)
                form.is_valid()
                form.add_error(None, DATE_CHANGED)
            except manage_services.CapacityError as error:
                form.add_error("capacity", str(error))
            except BookingError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, "The date is saved.")
                return redirect("training:date", pk=pk)
    else:
        form = CourseDateForm(course_date=course_date, initial=CourseDateForm.initial_for(course_date))
    return render(
        request,
        "training/manage/date_form.html",
        {"form": form, "course_date": course_date, "can_cancel": course_date.starts_at > timezone.now()},
    )


def _cancel_date(request, course_date):
    if course_date.starts_at <= timezone.now():
        messages.error(request, "This date has already started, so it cannot be cancelled.")
        return redirect("training:date", pk=course_date.pk)
    form = CancelDateForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            cancelled = manage_services.cancel_course_date(course_date, by=request.user)
        except BookingError as error:
            messages.error(request, str(error))
        else:
            if cancelled:
                messages.success(
                    request,
                    f"The date is cancelled, with {len(cancelled)} "
                    f"{'booking' if len(cancelled) == 1 else 'bookings'}. "
                    "Tell the people listed under “Cancelled or declined” that it will not run.",
                )
            else:
                messages.success(request, "The date is cancelled. Nobody was booked on it.")
        return redirect("training:date", pk=course_date.pk)
    people = manage_selectors.people_on_date(request.user, course_date)
    return render(
        request,
        "training/manage/date_cancel.html",
        {"form": form, "course_date": course_date, "people": people.booked + people.pending + people.waiting},
    )
