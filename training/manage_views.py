"""The training coordinator's pages: programmes, courses and dates; bookings and waiting lists; the register;
booking a team; spend against the budget; coverage targets; and each course's evaluation report."""

from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from portal import request_params
from training import access, manage_services, services
from training import manage_selectors as selectors
from training.manage_forms import CancelDateForm, CourseDateForm, CourseForm, ProgrammeForm
from training.models import CourseDate, Programme, financial_year_of
from training.running_forms import (
    BookPeopleForm,
    BudgetForm,
    CoverageTargetForm,
    RegisterForm,
    SpendForm,
    YearForm,
)
from training.services import BookingError

PAGE_SIZE = 50
DATE_CHANGED = "Someone else changed this date after you opened it. Check the details below, then save again."


def manage_required(view):
    @wraps(view)
    @login_required
    @permission_required("training.manage_training", raise_exception=True)
    def wrapped(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    return wrapped


def _date(request, pk) -> CourseDate:
    return get_object_or_404(access.course_dates_for(request.user).select_related("course__programme"), pk=pk)


# --- Home ---------------------------------------------------------------------------------


@manage_required
def manage_home(request):
    now = timezone.now()
    user = request.user
    return render(
        request,
        "training/manage/home.html",
        {
            "programmes": selectors.programmes_with_courses(user),
            "page": Paginator(selectors.upcoming_dates(user, now), PAGE_SIZE).get_page(request.GET.get("page")),
            "recent": list(selectors.recent_dates(user, now)[:PAGE_SIZE]),
            "recent_days": selectors.RECENT_DAYS,
            "spend": selectors.spend_in_year(user, financial_year_of(timezone.localdate())),
            "targets": list(selectors.coverage_targets()),
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


@manage_required
@require_http_methods(["GET", "POST"])
def programme_create(request):
    return _programme_page(request, None)


@manage_required
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
                form.save(commit=False), required_for=form.cleaned_data["required_for"]
            )
        except IntegrityError:
            form.add_error("title", "The programme already has a course with this title. Choose another title.")
        else:
            messages.success(request, f"The course “{course}” is saved.")
            return redirect("training:manage")
    return render(request, "training/manage/course_form.html", {"form": form, "course": course})


@manage_required
@require_http_methods(["GET", "POST"])
def course_create(request):
    return _course_page(request, None)


@manage_required
@require_http_methods(["GET", "POST"])
def course_edit(request, pk):
    return _course_page(request, get_object_or_404(access.courses_for(request.user), pk=pk))


@login_required
def course_evaluations(request, pk):
    if not access.sees_whole_service(request.user):
        raise PermissionDenied
    course = get_object_or_404(access.courses_for(request.user).select_related("programme"), pk=pk)
    report = selectors.evaluation_report(request.user, course)
    return render(
        request,
        "training/manage/evaluations.html",
        {"report": report, "page": Paginator(report.comments, 20).get_page(request.GET.get("page"))},
    )


# --- Course dates -------------------------------------------------------------------------


def _details(form) -> manage_services.DateDetails:
    data = form.cleaned_data
    return manage_services.DateDetails(
        starts_at=data["starts_at"],
        ends_at=data["ends_at"],
        location=data["location"],
        is_online=data["is_online"],
        capacity=data["capacity"],
        facilitator=data["facilitator"],
    )


@manage_required
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
        return selectors.course_date_with_counts(request.user, pk)
    except CourseDate.DoesNotExist:
        raise Http404 from None


@manage_required
def date_detail(request, pk):
    course_date = _date_with_counts(request, pk)
    now = timezone.now()
    return render(
        request,
        "training/manage/date_detail.html",
        {
            "course_date": course_date,
            "people": selectors.people_on_date(request.user, course_date),
            "has_started": course_date.starts_at <= now,
            "here": reverse("training:date", args=[course_date.pk]),
        },
    )


@manage_required
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
                    course_date, _details(form), expected_version=form.cleaned_data["version"]
                )
            except manage_services.EditConflictError:
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
    people = selectors.people_on_date(request.user, course_date)
    return render(
        request,
        "training/manage/date_cancel.html",
        {"form": form, "course_date": course_date, "people": people.booked + people.pending + people.waiting},
    )


# --- The register and bulk booking --------------------------------------------------------


@manage_required
@require_http_methods(["GET", "POST"])
def register(request, pk):
    course_date = _date(request, pk)
    context = {"course_date": course_date, "form": None}
    if course_date.is_cancelled:
        context["refusal"] = "This date was cancelled, so there is no register to take."
    elif course_date.starts_at > timezone.now():
        starts = timezone.localtime(course_date.starts_at)
        context["refusal"] = (
            f"You can take the register once the course has started, on {starts:%-d %B %Y} at {starts:%H:%M}."
        )
    else:
        bookings = selectors.booked_for_register(request.user, course_date)
        form = RegisterForm(request.POST or None, bookings=bookings, course_hours=course_date.course.hours)
        if request.method == "POST" and form.is_valid():
            try:
                count = services.take_register(course_date, form.marks(), by=request.user)
            except BookingError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, f"The register is saved for {count} {'person' if count == 1 else 'people'}.")
                return redirect("training:date", pk=pk)
        context["form"] = form
    return render(request, "training/manage/register.html", context)


@manage_required
@require_http_methods(["GET", "POST"])
def book_people(request, pk):
    course_date = _date(request, pk)
    context = {"course_date": course_date, "form": None, "result": None}
    if course_date.is_cancelled or course_date.starts_at <= timezone.now():
        context["refusal"] = "You can only book people onto a future date that has not been cancelled."
        return render(request, "training/manage/book_people.html", context)
    form = BookPeopleForm(request.POST or None, teams=selectors.teams_for(request.user))
    if request.method == "POST" and form.is_valid():
        team, role = form.cleaned_data["team"], form.cleaned_data["role"]
        people = selectors.people_to_book(request.user, team, role)
        if not people:
            form.add_error(
                "role" if role else "team",
                f"Nobody in {team}{f' is a {role.name.lower()}' if role else ''}. Choose another team or role.",
            )
        else:
            try:
                context["result"] = services.book_people(people, course_date, by=request.user)
            except BookingError as error:
                form.add_error(None, str(error))
            else:
                context.update(team=team, role=role)
    context["form"] = form
    return render(request, "training/manage/book_people.html", context)


# --- Spend --------------------------------------------------------------------------------


@manage_required
@require_http_methods(["GET", "POST"])
def spend(request):
    today = timezone.localdate()
    years = selectors.spend_years(today)
    year = financial_year_of(today)
    year_form = YearForm(request.GET if "year" in request.GET else None, years=years)
    if year_form.is_bound and year_form.is_valid() and year_form.cleaned_data["year"]:
        year = year_form.cleaned_data["year"]
    else:
        # No year, or one not offered: show this year, and say so in the choice.
        year_form = YearForm(years=years, initial={"year": year})
    summary = selectors.spend_in_year(request.user, year)
    budget_form = BudgetForm(
        request.POST if "set_budget" in request.POST else None,
        prefix="budget",
        year=year,
        initial={"amount": summary.budget.amount if summary.budget else None},
    )
    spend_form = SpendForm(
        request.POST if "record_spend" in request.POST else None,
        prefix="spend",
        courses=access.courses_for(request.user).select_related("programme"),
    )
    if budget_form.is_bound and budget_form.is_valid():
        manage_services.set_budget(year, budget_form.cleaned_data["amount"])
        messages.success(request, f"The budget for April {year} to March {year + 1} is saved.")
        return redirect(f"{reverse('training:spend')}?{urlencode({'year': year})}")
    if spend_form.is_bound and spend_form.is_valid():
        data = spend_form.cleaned_data
        services.record_spend(
            spent_on=data["spent_on"],
            amount=data["amount"],
            description=data["description"],
            course=data["course"],
            by=request.user,
        )
        spent_year = financial_year_of(data["spent_on"])
        messages.success(
            request, f"£{data['amount']:,.2f} is recorded against April {spent_year} to March {spent_year + 1}."
        )
        return redirect(f"{reverse('training:spend')}?{urlencode({'year': spent_year})}")
    return render(
        request,
        "training/manage/spend.html",
        {
            "year_form": year_form,
            "budget_form": budget_form,
            "spend_form": spend_form,
            "summary": summary,
            "page": Paginator(summary.entries, PAGE_SIZE).get_page(request.GET.get("page")),
            "query": urlencode({"year": year}),
            "is_this_year": year == financial_year_of(today),
        },
    )


# --- Coverage targets ---------------------------------------------------------------------


@manage_required
@require_http_methods(["GET", "POST"])
def targets(request):
    if "remove" in request.POST:
        remove = request_params.positive_int(request.POST["remove"])
        if remove is None:
            raise Http404
        target = get_object_or_404(selectors.coverage_targets(), pk=remove)
        manage_services.remove_target(target)
        messages.success(request, f"The target “{target}” is removed.")
        return redirect("training:targets")
    form = CoverageTargetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            target = manage_services.add_target(**form.cleaned_data)
        except manage_services.TargetExistsError:
            form.add_error(None, "There is already a target for this programme, level and role. Remove it first.")
        else:
            messages.success(request, f"The target “{target}” is added.")
            return redirect("training:targets")
    return render(
        request, "training/manage/targets.html", {"form": form, "targets": list(selectors.coverage_targets())}
    )
