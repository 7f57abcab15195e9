"""Each date of a demo course, counted from today, and what each person did there: training done before
this year, the last ten months and the next three.

`load` (in `training.demo`) places each date on a working day and books the people in the order listed.
"""

from typing import NamedTuple

from training.models import Attendance, BookingStatus

# The demo people (portal/management/commands/load_demo.py).
RACHEL = "manager@example.org"  # service manager
TOM = "supervisor@example.org"  # team manager, Assessment and Family Support
PRIYA = "supervisor2@example.org"  # team manager, Children in Care and Care Leavers
SAM = "worker@example.org"
AMIRA = "worker2@example.org"  # ASYE, Children in Care
KWAME = "worker3@example.org"
SIOBHAN = "worker4@example.org"
BILAL = "worker5@example.org"
MEGAN = "worker6@example.org"  # ASYE, Assessment and Family Support
ZAINAB = "worker7@example.org"
EWAN = "worker8@example.org"
JO = "editor@example.org"  # practice development lead
DANIEL = "coordinator@example.org"  # training coordinator
HELEN = "facilitator@example.org"  # systemic psychotherapist

ATTENDED, PARTLY, ABSENT = Attendance.ATTENDED, Attendance.PARTLY, Attendance.ABSENT
BOOKED, PENDING, WAITING = BookingStatus.BOOKED, BookingStatus.PENDING, BookingStatus.WAITING
DECLINED, CANCELLED = BookingStatus.DECLINED, BookingStatus.CANCELLED

ROOM_3 = "Guildhall, Committee Room 3"
SUITE = "Guildhall, Basinghall Suite"
TRAINING_ROOM = "Guildhall West Wing, Training Room 2"
GREAT_HALL = "Guildhall, Great Hall"
ONLINE = "Online"


class Run(NamedTuple):
    """One date of a course, `months` and `days` from today (negative: in the past), and what each person did."""

    course: str
    days: int
    capacity: int
    where: str
    people: tuple[tuple[str, str], ...] = ()
    months: int = 0
    by_coordinator: bool = False  # the coordinator booked the group at once


# Training people did before this year, so long-serving staff start with a record.
EARLIER = [
    Run("sys_intro", 0, 12, ROOM_3, ((TOM, ATTENDED), (KWAME, ATTENDED), (JO, ATTENDED), (RACHEL, ATTENDED),
        (PRIYA, ATTENDED), (EWAN, ATTENDED)), months=-48),
    Run("sys_intermediate", 0, 16, SUITE, ((TOM, ATTENDED), (KWAME, ATTENDED), (JO, ATTENDED), (PRIYA, ATTENDED),
        (EWAN, ATTENDED)), months=-36),
    Run("sys_intro", 0, 12, ROOM_3, ((SAM, ATTENDED), (BILAL, ATTENDED)), months=-22),
    Run("sys_advanced", 0, 12, SUITE, ((TOM, ATTENDED),), months=-20),
    # Lapsed two months ago: Ewan renewed in time with the refresher, Zainab did not.
    Run("sos_intro", 0, 16, TRAINING_ROOM, ((ZAINAB, ATTENDED), (EWAN, ATTENDED)), months=-26),
    # Runs out in about five weeks.
    Run("sos_intro", 38, 16, TRAINING_ROOM, ((KWAME, ATTENDED),), months=-24),
    Run("sos_intro", 0, 16, TRAINING_ROOM, ((TOM, ATTENDED), (SAM, ATTENDED), (SIOBHAN, ATTENDED), (PRIYA, ATTENDED),
        (BILAL, ATTENDED)), months=-18),
]  # fmt: skip

# The last ten months.
PAST = [
    Run("pd_1", -280, 20, SUITE, ((RACHEL, ATTENDED), (TOM, ATTENDED), (SAM, ATTENDED), (KWAME, ATTENDED),
        (SIOBHAN, ABSENT), (BILAL, ATTENDED), (PRIYA, ATTENDED), (ZAINAB, ATTENDED), (EWAN, ATTENDED),
        (DANIEL, ATTENDED)), by_coordinator=True),
    Run("pd_1", -266, 20, ROOM_3, ((SIOBHAN, ATTENDED), (HELEN, ATTENDED)), by_coordinator=True),
    Run("sys_intro", -260, 12, ROOM_3, ((SIOBHAN, ATTENDED),)),
    Run("research", -250, 20, ONLINE, ((SAM, ATTENDED), (JO, ATTENDED), (KWAME, ATTENDED))),
    Run("sos_intro", -240, 16, TRAINING_ROOM, ((JO, ATTENDED), (DANIEL, ATTENDED))),
    Run("masterclass", -230, 20, ONLINE, ((SIOBHAN, ATTENDED), (EWAN, ATTENDED))),
    Run("sys_intermediate", -230, 16, SUITE, ((SAM, ATTENDED),)),
    Run("sys_refresher", -200, 20, ROOM_3, ((RACHEL, ATTENDED), (KWAME, ATTENDED))),
    Run("sos_refresher", -195, 16, ONLINE, ((EWAN, ATTENDED),)),
    Run("sys_advanced", -180, 12, SUITE, ((JO, ATTENDED),)),
    Run("mi_intro", -175, 12, TRAINING_ROOM, ((TOM, ATTENDED), (PRIYA, ATTENDED))),
    Run("research", -160, 20, ONLINE, ((DANIEL, ATTENDED), (EWAN, ATTENDED), (ZAINAB, ATTENDED))),
    Run("conference", -150, 20, GREAT_HALL, ((RACHEL, ATTENDED), (HELEN, ATTENDED), (EWAN, ATTENDED),
        (PRIYA, ATTENDED), (ZAINAB, ATTENDED))),
    Run("pd_2", -140, 20, SUITE, ((RACHEL, ATTENDED), (TOM, ATTENDED), (SAM, PARTLY), (KWAME, ATTENDED),
        (SIOBHAN, ATTENDED), (BILAL, ATTENDED), (PRIYA, ATTENDED), (EWAN, ATTENDED), (ZAINAB, ATTENDED),
        (DANIEL, ATTENDED)), by_coordinator=True),
    Run("pd_2", -126, 20, ROOM_3, ((HELEN, ATTENDED),), by_coordinator=True),
    Run("sys_intro", -120, 12, ROOM_3, ((DANIEL, PARTLY), (ZAINAB, ABSENT))),
    Run("sys_intermediate", -110, 16, SUITE, ((BILAL, ATTENDED),)),
    Run("sos_advanced", -100, 12, TRAINING_ROOM, ((EWAN, ATTENDED), (TOM, PARTLY))),
    Run("masterclass", -90, 20, ROOM_3, ((KWAME, ATTENDED), (SAM, ATTENDED), (PRIYA, CANCELLED))),
    Run("mi_intermediate", -60, 12, TRAINING_ROOM, ((TOM, ATTENDED),)),
    Run("sys_refresher", -50, 20, ROOM_3, ((EWAN, ATTENDED), (TOM, ATTENDED))),
    # The ASYE workers' Signs of Safety, booked for them by the coordinator in their first weeks.
    Run("sos_intro", -40, 16, TRAINING_ROOM, ((MEGAN, ATTENDED), (AMIRA, ATTENDED)), by_coordinator=True),
    Run("research", -20, 20, ONLINE, ((MEGAN, ATTENDED), (AMIRA, ATTENDED), (JO, ATTENDED))),
]  # fmt: skip

# The next three months. People are listed in the order they asked.
FULL_DATE = "mi_intro"
UPCOMING = [
    Run("research", 15, 20, ONLINE, ((KWAME, BOOKED), (ZAINAB, BOOKED))),
    # A closed course of eight places for the service: full, with two waiting.
    Run(FULL_DATE, 20, 8, TRAINING_ROOM, ((SAM, BOOKED), (KWAME, BOOKED), (BILAL, BOOKED), (EWAN, BOOKED),
        (JO, BOOKED), (RACHEL, BOOKED), (DANIEL, BOOKED), (SIOBHAN, PENDING), (ZAINAB, WAITING),
        (AMIRA, WAITING))),
    Run("sys_intro", 24, 12, ROOM_3, ((MEGAN, PENDING),)),
    Run("masterclass", 30, 20, ROOM_3, ((BILAL, DECLINED), (ZAINAB, BOOKED), (SAM, BOOKED))),
    Run("sos_refresher", 38, 16, ONLINE, ((ZAINAB, BOOKED),)),
    Run("sys_refresher", 45, 20, ROOM_3, ((PRIYA, BOOKED), (SIOBHAN, BOOKED))),
    Run("mi_intermediate", 50, 12, TRAINING_ROOM, ((PRIYA, BOOKED),)),
    Run("sys_advanced", 60, 12, SUITE, ((BILAL, BOOKED),)),
    Run("research", 60, 20, ONLINE),
    Run("sys_intermediate", 66, 16, SUITE, ((SIOBHAN, BOOKED),)),
    Run("sos_advanced", 70, 12, TRAINING_ROOM, ((SAM, BOOKED),)),
    Run("sos_intro", 75, 16, TRAINING_ROOM),
    Run("sys_intro", 80, 12, ROOM_3),
    Run("mi_intro", 85, 12, TRAINING_ROOM),
    Run("conference", 88, 20, GREAT_HALL),
]  # fmt: skip

RUNS = EARLIER + PAST + UPCOMING
