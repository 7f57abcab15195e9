"""Who may see and change training records: one scoping function per model.

- Everyone sees the course catalogue and their own bookings, external learning and CPD record.
- Managers (``view_team_training``: supervisors) see and approve for the people they manage: their
  line reports, and the members of their own team who hold no manager role (portal.line_management).
- The training coordinator (``manage_training``) and service managers (``view_all_training``) see
  everyone in their service; only the coordinator runs courses, registers and spend.
Records outside a person's scope answer 404.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from portal.access import service_id_of
from portal.line_management import managed_by
from training.models import Booking, Course, CourseDate, Evaluation, ExternalLearning, Spend

User = get_user_model()


def sees_whole_service(user) -> bool:
    return (user.has_perm("training.view_all_training") or user.has_perm("training.manage_training")) and bool(
        user.team_id
    )


def people_for(user) -> QuerySet:
    """People whose training `user` may see (the uptake matrix rows, CPD records, approvals)."""
    if not user.is_authenticated:
        return User.objects.none()
    people = User.objects.filter(is_active=True)
    if sees_whole_service(user):
        return people.filter(team__service_id=service_id_of(user))
    if user.has_perm("training.view_team_training"):
        return people.filter(managed_by(user) | Q(pk=user.pk))
    return people.filter(pk=user.pk)


def managed_people_for(user) -> QuerySet:
    """People whose requests `user` may approve or decline: never themselves."""
    if not can_approve(user):
        return User.objects.none()
    return people_for(user).exclude(pk=user.pk)


def courses_for(user) -> QuerySet[Course]:
    """The catalogue is open to all staff; the coordinator and service managers also see courses no
    longer offered (their history still counts in reports)."""
    if not user.is_authenticated:
        return Course.objects.none()
    if sees_whole_service(user):
        return Course.objects.all()
    return Course.objects.filter(is_active=True)


def course_dates_for(user) -> QuerySet[CourseDate]:
    if not user.is_authenticated:
        return CourseDate.objects.none()
    if can_manage(user):
        return CourseDate.objects.all()
    return CourseDate.objects.filter(course__is_active=True)


def bookings_for(user) -> QuerySet[Booking]:
    if not user.is_authenticated:
        return Booking.objects.none()
    return Booking.objects.filter(person__in=people_for(user))


def external_learning_for(user) -> QuerySet[ExternalLearning]:
    if not user.is_authenticated:
        return ExternalLearning.objects.none()
    return ExternalLearning.objects.filter(person__in=people_for(user))


def evaluations_for(user) -> QuerySet[Evaluation]:
    """Course evaluations: the person's own, and every one for the coordinator and service managers."""
    if not user.is_authenticated:
        return Evaluation.objects.none()
    if sees_whole_service(user):
        return Evaluation.objects.filter(booking__person__team__service_id=service_id_of(user))
    return Evaluation.objects.filter(booking__person=user)


def spend_for(user) -> QuerySet[Spend]:
    """Spend recorded by people in the viewer's service. Budgets have no service yet: see the README."""
    if not user.is_authenticated or not sees_whole_service(user):
        return Spend.objects.none()
    # Matched through the viewer's team id, so the page need not load their team first.
    return Spend.objects.filter(recorded_by__team__service__teams__id=user.team_id)


# --- What a person may change -------------------------------------------------------------


def can_decide(user, person) -> bool:
    """May `user` approve or decline `person`'s booking requests and external learning?"""
    return managed_people_for(user).filter(pk=person.pk).exists()


def can_manage(user) -> bool:
    """Running courses, registers, spend and targets: the training coordinator only."""
    return user.has_perm("training.manage_training")


def can_approve(user) -> bool:
    """The approvals page: managers and the training coordinator."""
    return user.has_perm("training.view_team_training") or user.has_perm("training.manage_training")


def can_change_booking(user, booking) -> bool:
    """Cancelling and certificates: the person themselves, or the training coordinator. A manager sees
    their people's bookings and decides requests on the approvals page, but does not change them."""
    return booking.person_id == user.pk or can_manage(user)


def can_see_uptake(user) -> bool:
    """The uptake matrix and coverage: managers, the coordinator and service managers."""
    return any(
        user.has_perm(permission)
        for permission in ("training.view_team_training", "training.view_all_training", "training.manage_training")
    )
