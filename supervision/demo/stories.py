"""Whose supervision the demo records, and what each person's year shows: the story behind the dashboard.

`history` builds each person's year from their story; `load` (in `supervision.demo`) saves it.
"""

from dataclasses import dataclass

from supervision.demo.texts import FAMILY_SUPPORT, IN_CARE, MANAGEMENT
from supervision.models import ComplexityChoice

FACILITATOR = "facilitator@example.org"  # runs the group sessions


# Where a person's latest session has got to.
LOCKED, WAITING_FOR_SUPERVISEE, WAITING_FOR_SUPERVISOR, RECORDED, TO_WRITE_UP = (
    "locked",
    "waiting_for_supervisee",
    "waiting_for_supervisor",
    "recorded",
    "to_write_up",
)

LOW, MIXED, HIGH = ComplexityChoice.LOW, ComplexityChoice.MIXED, ComplexityChoice.HIGH


@dataclass(frozen=True)
class Story:
    """What one person's supervision record shows. Their supervisor is their line manager."""

    email: str
    work: str
    frames: tuple[int, int, int]  # how often each frame is used: 4x4x4, Signs of Safety, systemic
    caseload: tuple[int, int] | None  # children at the first session of the year and at the latest
    complexity: tuple[str, str]  # for the first and the second half of the year
    last_held_days_ago: int
    latest: str = LOCKED
    booked: bool = False  # a session booked for the next working day
    overdue_action: bool = False  # one past action still open
    disagrees_days_ago: int | None = None  # a locked session the supervisee signed with a disagreement
    addendum_days_ago: int | None = None  # a locked session with the supervisor's addendum
    preparations: bool = False  # private notes for the booked session, and shared notes for the last one


STORIES = [
    # Assessment and Family Support, supervised by the team manager.
    # On track: next session booked for the next working day, with preparation notes; one addendum.
    Story(
        "worker@example.org",
        FAMILY_SUPPORT,
        frames=(2, 1, 1),
        caseload=(16, 18),
        complexity=(MIXED, MIXED),
        last_held_days_ago=26,
        booked=True,
        addendum_days_ago=60,
        preparations=True,
    ),
    # Court work; sessions kept slipping, now overdue, with an action overdue too.
    Story(
        "worker3@example.org",
        FAMILY_SUPPORT,
        frames=(1, 3, 1),
        caseload=(18, 19),
        complexity=(HIGH, HIGH),
        last_held_days_ago=45,
        overdue_action=True,
    ),
    # Part-time, caseload rising all year; disagreed with the record about it; latest awaits her signature.
    Story(
        "worker4@example.org",
        FAMILY_SUPPORT,
        frames=(1, 1, 2),
        caseload=(15, 24),
        complexity=(MIXED, HIGH),
        last_held_days_ago=10,
        latest=WAITING_FOR_SUPERVISEE,
        overdue_action=True,
        disagrees_days_ago=90,
    ),
    # In systemic training; latest session written up, not yet signed.
    Story(
        "worker5@example.org",
        FAMILY_SUPPORT,
        frames=(1, 1, 3),
        caseload=(14, 17),
        complexity=(MIXED, MIXED),
        last_held_days_ago=3,
        latest=RECORDED,
    ),
    # Newly qualified: weekly, then fortnightly, with a protected caseload; latest not yet written up.
    Story(
        "worker6@example.org",
        FAMILY_SUPPORT,
        frames=(3, 1, 1),
        caseload=(5, 10),
        complexity=(LOW, LOW),
        last_held_days_ago=2,
        latest=TO_WRITE_UP,
    ),
    # The team manager, supervised by the service manager.
    Story(
        "supervisor@example.org",
        MANAGEMENT,
        frames=(1, 0, 0),
        caseload=None,
        complexity=("", ""),
        last_held_days_ago=17,
    ),
    # Children in Care and Care Leavers.
    # Newly qualified; signed her latest record, which waits for her supervisor.
    Story(
        "worker2@example.org",
        IN_CARE,
        frames=(2, 1, 1),
        caseload=(6, 11),
        complexity=(LOW, MIXED),
        last_held_days_ago=9,
        latest=WAITING_FOR_SUPERVISOR,
    ),
    # A little overdue.
    Story(
        "worker7@example.org",
        IN_CARE,
        frames=(1, 1, 2),
        caseload=(20, 21),
        complexity=(MIXED, MIXED),
        last_held_days_ago=38,
    ),
    # Experienced and steady.
    Story(
        "worker8@example.org",
        IN_CARE,
        frames=(2, 0, 2),
        caseload=(19, 21),
        complexity=(MIXED, HIGH),
        last_held_days_ago=20,
    ),
]
