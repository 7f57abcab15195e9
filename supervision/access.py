"""Who may see and change supervision records: one scoping function per model.

Every view, export and command reaches a record through one of these functions. A record
outside a person's scope does not exist for them (views answer 404, not 403).

The rules, in words:
- a supervisee reads their own agreements, sessions, actions and preparation notes;
- a supervisor reads the sessions they led and the agreements they hold, and preparation
  notes only once the supervisee has shared them;
- a service manager (``view_service_records``) reads every record in their own service;
- the dashboard shows dates, counts and caseloads (never reflective content) for the people a
  supervisor or service manager manages;
- facilitators see the group sessions they run, and attendees the ones they went to; neither
  sees individual supervision.
- an ASYE worker's critical reflections are theirs alone until they share one with their ASYE
  assessor, who then reads (never changes) it.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from portal.access import service_id_of
from portal.line_management import managed_by
from supervision.models import (
    Action,
    Agreement,
    AuditEntry,
    CaseDiscussion,
    CriticalReflection,
    GroupSession,
    Preparation,
    Session,
)

User = get_user_model()


def _reads_whole_service(user) -> bool:
    return user.has_perm("supervision.view_service_records") and service_id_of(user) is not None


def sessions_for(user) -> QuerySet[Session]:
    """Sessions whose full record, reflective content included, `user` may read."""
    if not user.is_authenticated:
        return Session.objects.none()
    rule = Q(supervisee=user) | Q(supervisor=user)
    if _reads_whole_service(user):
        rule |= Q(supervisee__team__service_id=service_id_of(user))
    return Session.objects.filter(rule)


def agreements_for(user) -> QuerySet[Agreement]:
    if not user.is_authenticated:
        return Agreement.objects.none()
    rule = Q(supervisee=user) | Q(supervisor=user)
    if _reads_whole_service(user):
        rule |= Q(supervisee__team__service_id=service_id_of(user))
    return Agreement.objects.filter(rule)


def actions_for(user) -> QuerySet[Action]:
    """Actions on sessions `user` may read, and any action they own."""
    if not user.is_authenticated:
        return Action.objects.none()
    return Action.objects.filter(Q(session__in=sessions_for(user)) | Q(owner=user))


def preparations_for(user) -> QuerySet[Preparation]:
    """A supervisee's own notes; others see them only once shared, and only with the session's supervisor
    or a service manager."""
    if not user.is_authenticated:
        return Preparation.objects.none()
    rule = Q(author=user) | Q(shared_at__isnull=False, session__supervisor=user)
    if _reads_whole_service(user):
        rule |= Q(shared_at__isnull=False, author__team__service_id=service_id_of(user))
    return Preparation.objects.filter(rule)


def case_discussions_for(user) -> QuerySet[CaseDiscussion]:
    """Case discussions on sessions `user` may read."""
    if not user.is_authenticated:
        return CaseDiscussion.objects.none()
    return CaseDiscussion.objects.filter(session__in=sessions_for(user))


def critical_reflections_for(user) -> QuerySet[CriticalReflection]:
    """An ASYE worker's own critical reflections, and those shared with `user` as the author's ASYE assessor
    now. Nobody else reads them: not the supervisor (unless they are the assessor), not a service manager."""
    if not user.is_authenticated:
        return CriticalReflection.objects.none()
    return CriticalReflection.objects.filter(Q(author=user) | Q(shared_at__isnull=False, author__asye_assessor=user))


def group_sessions_for(user) -> QuerySet[GroupSession]:
    if not user.is_authenticated:
        return GroupSession.objects.none()
    rule = Q(facilitator=user) | Q(attendees=user)
    if _reads_whole_service(user):
        rule |= Q(facilitator__team__service_id=service_id_of(user))
    # An attendee filter joins the attendees table: one row per match, so keep each session once.
    return GroupSession.objects.filter(pk__in=GroupSession.objects.filter(rule).values("pk"))


def audit_entries_for(user) -> QuerySet[AuditEntry]:
    if not (user.is_authenticated and can_see_audit(user)):
        return AuditEntry.objects.none()
    return AuditEntry.objects.all()


def managed_people_for(user) -> QuerySet:
    """People whose supervision dates, counts and caseloads `user` may see on the dashboard.

    Service managers: everyone in their service. Supervisors: the people they manage (their line
    reports, and members of their own team who hold no manager role: portal.line_management) and
    the people they supervise now. Nobody sees themselves here.
    """
    if not user.is_authenticated or not can_see_dashboard(user):
        return User.objects.none()
    people = User.objects.filter(is_active=True).exclude(pk=user.pk)
    if _reads_whole_service(user):
        return people.filter(team__service_id=service_id_of(user))
    supervised_now = Q(agreements__supervisor=user, agreements__ended_on__isnull=True)
    return people.filter(pk__in=User.objects.filter(managed_by(user) | supervised_now).values("pk"))


def possible_supervisees_for(user) -> QuerySet:
    """People `user` may make a supervision agreement with: those they manage, if they supervise."""
    if not can_supervise(user):
        return User.objects.none()
    return managed_people_for(user)


# --- Which pages a person may open ------------------------------------------------------------


def can_see_dashboard(user) -> bool:
    """The supervision dashboard: supervisors and service managers."""
    return user.has_perm("supervision.view_dashboard")


def can_run_group_sessions(user) -> bool:
    """Recording group reflective sessions: facilitators."""
    return user.has_perm("supervision.run_group_sessions")


def can_supervise(user) -> bool:
    """Recording sessions and making agreements as a supervisor."""
    return user.has_perm("supervision.supervise")


def can_keep_reflection_log(user) -> bool:
    """A critical-reflection log: people with an ASYE start date (their log stays theirs after the ASYE)."""
    return user.is_authenticated and user.asye_start_date is not None


def can_assess_asye(user) -> bool:
    """The list of people someone assesses in their ASYE, and the reflections those people shared."""
    return user.is_authenticated and User.objects.filter(asye_assessor=user).exists()


def can_see_audit(user) -> bool:
    """Who read or changed a supervision record: auditors only."""
    return user.has_perm("supervision.view_audit")


# --- What a person may change -------------------------------------------------------------
# Each takes a record already reached through the scoping functions above.


def can_write_record(user, session: Session) -> bool:
    return session.supervisor_id == user.pk and not session.is_locked


def can_reflect(user, session: Session) -> bool:
    return session.supervisee_id == user.pk and not session.is_locked and session.recorded_at is not None


def can_sign(user, session: Session) -> bool:
    if session.is_locked or session.recorded_at is None:
        return False
    if user.pk == session.supervisor_id:
        return session.supervisor_signed_at is None
    if user.pk == session.supervisee_id:
        return session.supervisee_signed_at is None
    return False


def can_add_addendum(user, session: Session) -> bool:
    return session.is_locked and user.pk in (session.supervisor_id, session.supervisee_id)


def can_complete_action(user, action: Action) -> bool:
    return action.completed_on is None and user.pk in (action.owner_id, action.session.supervisor_id)


def can_change_agreement(user, agreement: Agreement) -> bool:
    return agreement.supervisor_id == user.pk and agreement.ended_on is None


def can_sign_agreement(user, agreement: Agreement) -> bool:
    if agreement.ended_on is not None:
        return False
    if user.pk == agreement.supervisor_id:
        return agreement.supervisor_signed_at is None
    if user.pk == agreement.supervisee_id:
        return agreement.supervisee_signed_at is None
    return False


def can_change_group_session(user, group_session: GroupSession) -> bool:
    return group_session.facilitator_id == user.pk and can_run_group_sessions(user)
