"""A case discussion as plain text for the child's file in the case-management system.

It carries exactly what the child's record needs from supervision: the decision, why it was made, the
child's views and experience and how we know them, and what happens next, by whom and by when; headed with
the case reference, the date of the supervision and both people's names. It never includes the wider
discussion, which stays in the supervision record. Until both people have signed the session off, the text
opens with a line saying it is a draft, so nobody pastes it into the child's file as settled.
"""

from datetime import date

from supervision.models import CaseDiscussion, Session

NOT_RECORDED = "Not recorded"


def _text(value: str) -> str:
    """Free text with the browser's line endings made plain, and no trailing space; "Not recorded" if empty."""
    lines = [line.rstrip() for line in value.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")]
    return "\n".join(lines) if any(lines) else NOT_RECORDED


def draft_warning(session: Session, today: date) -> str:
    """The line that opens the text of a session not yet signed off by both; "" once it is locked."""
    if session.is_locked:
        return ""
    return (
        "DRAFT: this supervision record is not yet signed off by both people "
        f"(status: {session.status(today)}). Check the signed-off version before relying on it."
    )


def case_record_text(case: CaseDiscussion, *, today: date) -> str:
    """The text to paste into the case record. `case.session` with its supervisor and supervisee."""
    session = case.session
    due = f"{case.next_steps_due:%-d %B %Y}" if case.next_steps_due else NOT_RECORDED
    draft = draft_warning(session, today)
    sections = [
        *([draft] if draft else []),
        "\n".join(
            [
                f"Case {case.case_reference}: decision from supervision",
                f"Date of supervision: {session.held_on:%-d %B %Y}",
                f"Supervisor: {session.supervisor.get_full_name()}",
                f"Supervisee: {session.supervisee.get_full_name()}",
            ]
        ),
        f"Decision\n{_text(case.decisions)}",
        f"Why: the analysis\n{_text(case.rationale)}",
        f"The child’s views and experience, and how we know\n{_text(case.child_views)}",
        "\n".join(
            [
                "What happens next",
                _text(case.next_steps),
                f"By whom: {_text(case.next_steps_by)}",
                f"By when: {due}",
            ]
        ),
    ]
    return "\n\n".join(sections) + "\n"


def download_name(case: CaseDiscussion) -> str:
    """A file name for the text: the case reference (slashes made dashes) and the date of supervision."""
    reference = case.case_reference.replace("/", "-")
    return f"case-{reference}-supervision-{case.session.held_on:%Y-%m-%d}.txt"


def sign_off_gaps(cases) -> list[tuple[CaseDiscussion, list[str]]]:
    """(case, what its decision lacks) for each case not ready for sign-off (`CaseDiscussion.needs_before_sign_off`)."""
    return [(case, case.needs_before_sign_off) for case in cases if case.needs_before_sign_off]
