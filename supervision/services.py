"""Writes to supervision records. Each is one transaction and leaves an audit entry.

Records that two people might save at once carry a `version`: a save names the version it
started from, and is refused with `portal.edit_conflicts.EditConflictError` if someone else saved in between.
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from portal.edit_conflicts import bump_version, save_if_unchanged
from supervision.case_record import sign_off_gaps
from supervision.models import (
    Action,
    Addendum,
    Agreement,
    AuditAction,
    AuditEntry,
    CaseDiscussion,
    CriticalReflection,
    GroupSession,
    Preparation,
    RecordType,
    Session,
)


class NotAllowedError(Exception):
    """The record is in a state that does not allow this change (for example, it is locked)."""


class SignOffBlockedError(NotAllowedError):
    """A case decision lacks what the child's file needs. `gaps`: (case, what it lacks) for each such case."""

    def __init__(self, gaps: list):
        super().__init__("A case decision needs more before sign-off.")
        self.gaps = gaps


def audit_entry(actor, action: str, record_type: str, record_id: int, detail: str = "") -> AuditEntry:
    """An unsaved audit entry, for `AuditEntry.objects.bulk_create`."""
    return AuditEntry(
        actor=actor,
        actor_name=actor.get_full_name() or actor.email if actor else "The portal",
        action=action,
        record_type=record_type,
        record_id=record_id,
        detail=detail[:300],
    )


def audit(actor, action: str, record_type: str, record_id: int, detail: str = "") -> AuditEntry:
    entry = audit_entry(actor, action, record_type, record_id, detail)
    entry.save(force_insert=True)
    return entry


# --- Agreements ---------------------------------------------------------------------------


@dataclass
class AgreementTerms:
    starts_on: date
    frequency: str
    arrangements: str
    confidentiality: str


@transaction.atomic
def make_agreement(*, supervisee, supervisor, terms: AgreementTerms) -> Agreement:
    """A new agreement for `supervisee`; any current one ends on the day this one starts."""
    current = Agreement.objects.select_for_update().filter(supervisee=supervisee, ended_on__isnull=True).first()
    if current:
        current.ended_on = max(current.starts_on, terms.starts_on)
        current.save(update_fields=["ended_on"])
        audit(supervisor, AuditAction.CHANGED, RecordType.AGREEMENT, current.pk, "Ended by a new agreement")
    agreement = Agreement.objects.create(
        supervisee=supervisee,
        supervisor=supervisor,
        **terms.__dict__,
    )
    audit(supervisor, AuditAction.CREATED, RecordType.AGREEMENT, agreement.pk, f"With {supervisee}")
    return agreement


@transaction.atomic
def change_agreement(agreement: Agreement, *, terms: AgreementTerms, expected_version: int, by) -> None:
    """Change the terms. Both signatures are cleared: each person signs what they agreed to."""
    if agreement.ended_on:
        raise NotAllowedError("This agreement has ended. Make a new one instead.")
    save_if_unchanged(
        agreement,
        expected_version,
        supervisee_signed_at=None,
        supervisor_signed_at=None,
        **terms.__dict__,
    )
    audit(by, AuditAction.CHANGED, RecordType.AGREEMENT, agreement.pk, "Terms changed; signatures cleared")


@transaction.atomic
def sign_agreement(agreement: Agreement, *, expected_version: int, by) -> None:
    """Sign the terms as they were shown: refused if they changed since."""
    field = "supervisor_signed_at" if by.pk == agreement.supervisor_id else "supervisee_signed_at"
    save_if_unchanged(agreement, expected_version, **{field: timezone.now()})
    audit(by, AuditAction.SIGNED, RecordType.AGREEMENT, agreement.pk)


# --- Sessions -----------------------------------------------------------------------------


@transaction.atomic
def book_session(*, agreement: Agreement, held_on: date, frame: str, by) -> Session:
    session = Session.objects.create(
        supervisee_id=agreement.supervisee_id, supervisor_id=agreement.supervisor_id, held_on=held_on, frame=frame
    )
    audit(by, AuditAction.CREATED, RecordType.SESSION, session.pk, f"Booked for {held_on:%-d %B %Y}")
    return session


@dataclass
class SessionRecord:
    held_on: date
    frame: str
    notes: dict
    scale: int | None
    caseload_children: int | None
    caseload_complexity: str
    # The published handbook tool pages used; None leaves the session's tools as they are.
    tools: list | None = None
    # The length and the four functions' minutes (`balance.LengthAndBalance.fields()`); None leaves them.
    length: dict | None = None


def _clear_signatures() -> dict:
    return {"supervisor_signed_at": None, "supervisee_signed_at": None}


@transaction.atomic
def write_record(session: Session, *, record: SessionRecord, expected_version: int, by) -> None:
    """The supervisor's record of the session. Changing it clears any signature."""
    if session.is_locked:
        raise NotAllowedError("This record is signed off and locked. Add an addendum instead.")
    notes = {key: text for key, text in record.notes.items() if text.strip()}
    save_if_unchanged(
        session,
        expected_version,
        held_on=record.held_on,
        frame=record.frame,
        notes=notes,
        scale=record.scale,
        caseload_children=record.caseload_children,
        caseload_complexity=record.caseload_complexity,
        recorded_at=session.recorded_at or timezone.now(),
        **(record.length or {}),
        **_clear_signatures(),
    )
    if record.tools is not None:
        # The form offers only published tool pages: a tool whose page was unpublished since stays linked.
        unpublished = session.tools.filter(published__isnull=True)
        session.tools.set([*record.tools, *unpublished])
    audit(by, AuditAction.CHANGED, RecordType.SESSION, session.pk, "Supervisor’s record saved")


@transaction.atomic
def write_reflection(session: Session, *, reflection: str, expected_version: int, by) -> None:
    if session.is_locked:
        raise NotAllowedError("This record is signed off and locked. Add an addendum instead.")
    save_if_unchanged(session, expected_version, supervisee_reflection=reflection, **_clear_signatures())
    audit(by, AuditAction.CHANGED, RecordType.SESSION, session.pk, "Supervisee’s reflection saved")


@transaction.atomic
def sign_session(session: Session, *, by, expected_version: int, response: str = "", comment: str = "") -> bool:
    """Sign the record as it stands. Returns True when this signature locked it.

    Refused with `SignOffBlockedError` while a case's decision lacks its rationale or the child's views."""
    if session.is_locked:
        raise NotAllowedError("This record is already signed off.")
    gaps = sign_off_gaps(CaseDiscussion.objects.filter(session=session))
    if gaps:
        raise SignOffBlockedError(gaps)
    now = timezone.now()
    if by.pk == session.supervisor_id:
        changes = {"supervisor_signed_at": now}
        other_signed = session.supervisee_signed_at is not None
    else:
        changes = {"supervisee_signed_at": now, "supervisee_response": response, "supervisee_comment": comment}
        other_signed = session.supervisor_signed_at is not None
    if other_signed:
        changes["locked_at"] = now
    save_if_unchanged(session, expected_version, **changes)
    detail = "Signed off; record locked" if other_signed else "Signed off"
    if response:
        detail += " (disagrees with part of the record)" if response == "disagree" else " (agrees)"
    audit(by, AuditAction.SIGNED, RecordType.SESSION, session.pk, detail)
    return other_signed


@transaction.atomic
def add_case_discussion(
    session: Session,
    *,
    case_reference: str,
    discussion: str,
    decisions: str,
    by,
    rationale: str = "",
    child_views: str = "",
    next_steps: str = "",
    next_steps_by: str = "",
    next_steps_due: date | None = None,
) -> CaseDiscussion:
    if session.is_locked:
        raise NotAllowedError("This record is signed off and locked. Add an addendum instead.")
    case = CaseDiscussion.objects.create(
        session=session,
        case_reference=case_reference,
        discussion=discussion,
        decisions=decisions,
        rationale=rationale,
        child_views=child_views,
        next_steps=next_steps,
        next_steps_by=next_steps_by,
        next_steps_due=next_steps_due,
    )
    # The discussion is part of what both people sign.
    bump_version(session, **_clear_signatures())
    audit(by, AuditAction.CHANGED, RecordType.SESSION, session.pk, f"Case {case_reference} added")
    return case


CASE_FIELDS = (
    "case_reference",
    "discussion",
    "decisions",
    "rationale",
    "child_views",
    "next_steps",
    "next_steps_by",
    "next_steps_due",
)


@transaction.atomic
def change_case_discussion(case: CaseDiscussion, *, text: dict, expected_version: int, by) -> None:
    """Change a case discussion (`text` holds CASE_FIELDS) while its session is unlocked. Like any change to
    the record, it clears both signatures."""
    session = Session.objects.select_for_update().get(pk=case.session_id)
    if session.is_locked:
        raise NotAllowedError("This record is signed off and locked. Add an addendum instead.")
    save_if_unchanged(case, expected_version, **{field: text[field] for field in CASE_FIELDS})
    bump_version(session, **_clear_signatures())
    audit(by, AuditAction.CHANGED, RecordType.SESSION, session.pk, f"Case {text['case_reference']} changed")


def record_case_export(user, case: CaseDiscussion) -> None:
    """Someone copied or downloaded a case's decision for the case record."""
    audit(
        user,
        AuditAction.EXPORTED,
        RecordType.SESSION,
        case.session_id,
        f"Case {case.case_reference} copied for the case record",
    )


@transaction.atomic
def add_action(session: Session, *, description: str, owner, due_on: date, by) -> Action:
    if session.is_locked:
        raise NotAllowedError("This record is signed off and locked. Add an addendum instead.")
    action = Action.objects.create(session=session, description=description, owner=owner, due_on=due_on)
    bump_version(session, **_clear_signatures())
    audit(by, AuditAction.CHANGED, RecordType.SESSION, session.pk, f"Action added for {owner}")
    return action


@transaction.atomic
def complete_action(action: Action, *, on: date, by) -> None:
    Action.objects.filter(pk=action.pk, completed_on__isnull=True).update(completed_on=on)
    audit(by, AuditAction.CHANGED, RecordType.SESSION, action.session_id, "Action marked done")


@transaction.atomic
def add_addendum(session: Session, *, text: str, by) -> Addendum:
    if not session.is_locked:
        raise NotAllowedError("Until both of you sign off, change the record itself.")
    addendum = Addendum.objects.create(session=session, author=by, text=text)
    audit(by, AuditAction.ADDENDUM, RecordType.SESSION, session.pk)
    return addendum


# --- Preparation --------------------------------------------------------------------------


@dataclass
class PreparationText:
    went_well: str
    worries: str
    to_think_about: str


@transaction.atomic
def start_preparation(*, author, session: Session | None, text: PreparationText) -> Preparation:
    preparation = Preparation.objects.create(author=author, session=session, **text.__dict__)
    audit(author, AuditAction.CREATED, RecordType.PREPARATION, preparation.pk)
    return preparation


@transaction.atomic
def change_preparation(
    preparation: Preparation, *, session: Session | None, text: PreparationText, expected_version: int, by
) -> None:
    save_if_unchanged(preparation, expected_version, session=session, updated_at=timezone.now(), **text.__dict__)
    audit(by, AuditAction.CHANGED, RecordType.PREPARATION, preparation.pk)


@transaction.atomic
def share_preparation(preparation: Preparation, *, share: bool, by) -> None:
    Preparation.objects.filter(pk=preparation.pk).update(shared_at=timezone.now() if share else None)
    audit(
        by,
        AuditAction.CHANGED,
        RecordType.PREPARATION,
        preparation.pk,
        "Shared with supervisor" if share else "Made private",
    )


# --- Critical reflections (ASYE) ---------------------------------------------------------


@dataclass
class ReflectionText:
    written_on: date
    title: str
    text: str


@transaction.atomic
def write_critical_reflection(*, author, text: ReflectionText) -> CriticalReflection:
    reflection = CriticalReflection.objects.create(author=author, **text.__dict__)
    audit(author, AuditAction.CREATED, RecordType.CRITICAL_REFLECTION, reflection.pk)
    return reflection


@transaction.atomic
def change_critical_reflection(
    reflection: CriticalReflection, *, text: ReflectionText, expected_version: int, by
) -> None:
    save_if_unchanged(reflection, expected_version, updated_at=timezone.now(), **text.__dict__)
    audit(by, AuditAction.CHANGED, RecordType.CRITICAL_REFLECTION, reflection.pk)


@transaction.atomic
def share_critical_reflection(reflection: CriticalReflection, *, share: bool, by) -> None:
    """Share the reflection with the author's ASYE assessor, or withdraw the share."""
    bump_version(reflection, shared_at=timezone.now() if share else None)
    audit(
        by,
        AuditAction.CHANGED,
        RecordType.CRITICAL_REFLECTION,
        reflection.pk,
        "Shared with their ASYE assessor" if share else "Share withdrawn",
    )


# --- Group sessions -----------------------------------------------------------------------


@dataclass
class GroupSessionDetails:
    held_on: date
    theme: str
    hours: object
    learning_points: str


@transaction.atomic
def record_group_session(*, facilitator, details: GroupSessionDetails, attendees) -> GroupSession:
    group_session = GroupSession.objects.create(facilitator=facilitator, **details.__dict__)
    group_session.attendees.set(attendees)
    audit(facilitator, AuditAction.CREATED, RecordType.GROUP_SESSION, group_session.pk)
    return group_session


@transaction.atomic
def change_group_session(
    group_session: GroupSession, *, details: GroupSessionDetails, attendees, expected_version: int, by
) -> None:
    save_if_unchanged(group_session, expected_version, **details.__dict__)
    group_session.attendees.set(attendees)
    audit(by, AuditAction.CHANGED, RecordType.GROUP_SESSION, group_session.pk)


# --- Reads worth recording ----------------------------------------------------------------


def record_read(user, record_type: str, record_id: int, detail: str = "") -> None:
    audit(user, AuditAction.VIEWED, record_type, record_id, detail)
