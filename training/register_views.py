"""The training coordinator's register for a course date that has started, and booking a whole team or role
onto a future date."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from portal.access import access_required
from portal.edit_conflicts import EditConflictError
from training import access, manage_selectors, practice_development, services
from training.date_forms import SessionRegisterForm
from training.models import CourseDate
from training.running_forms import BookPeopleForm, RegisterForm
from training.services import BookingError


def _date(request, pk) -> CourseDate:
    return get_object_or_404(access.course_dates_for(request.user).select_related("course__programme"), pk=pk)


# --- The register and bulk booking --------------------------------------------------------


@access_required(access.can_manage)
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
        bookings = manage_selectors.booked_for_register(request.user, course_date)
        session = practice_development.is_session(course_date)
        if session:
            form = SessionRegisterForm(
                request.POST or None, bookings=bookings, course_hours=course_date.course.hours, course_date=course_date
            )
        else:
            form = RegisterForm(request.POST or None, bookings=bookings, course_hours=course_date.course.hours)
        if request.method == "POST" and form.is_valid():
            try:
                if session:
                    count = practice_development.take_register(
                        course_date,
                        form.marks(),
                        by=request.user,
                        decisions=form.cleaned_data["decisions"],
                        expected_version=form.cleaned_data["version"],
                    )
                else:
                    count = services.take_register(course_date, form.marks(), by=request.user)
            except EditConflictError:
                form.add_error("decisions", practice_development.DECISIONS_CHANGED)
            except BookingError as error:
                form.add_error(None, str(error))
            else:
                saved = f"The register is saved for {count} {'person' if count == 1 else 'people'}"
                messages.success(request, f"{saved}{', with what was decided' if session else ''}.")
                return redirect("training:date", pk=pk)
        context["form"] = form
        context["is_session"] = session
    return render(request, "training/manage/register.html", context)


@access_required(access.can_manage)
@require_http_methods(["GET", "POST"])
def book_people(request, pk):
    course_date = _date(request, pk)
    context = {"course_date": course_date, "form": None, "result": None}
    if course_date.is_cancelled or course_date.starts_at <= timezone.now():
        context["refusal"] = "You can only book people onto a future date that has not been cancelled."
        return render(request, "training/manage/book_people.html", context)
    form = BookPeopleForm(request.POST or None, teams=manage_selectors.teams_for(request.user))
    if request.method == "POST" and form.is_valid():
        team, role = form.cleaned_data["team"], form.cleaned_data["role"]
        people = manage_selectors.people_to_book(request.user, team, role)
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
