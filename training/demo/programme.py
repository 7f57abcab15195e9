"""The demo's training programme: its programmes, the providers and courses in each, and the coverage targets.

`load` (in `training.demo`) saves them; their descriptions are in `texts`.
"""

from datetime import time
from typing import NamedTuple

from portal.roles import Role
from training.models import Format, Level

PROGRAMMES = [
    ("systemic", "Systemic practice"),
    ("sos", "Signs of Safety"),
    ("mi", "Motivational interviewing"),
    ("pd", "Practice development sessions"),
    ("partnership", "Teaching Partnership"),
    ("research", "Research in practice"),
]

PSYCHOTHERAPIST = "In-house: our systemic psychotherapist"
PRACTICE_TEAM = "In-house: Practice Development Team"
INSTITUTE = "Hartwell Institute for Systemic Practice"
SOS_TRAINERS = "Safer Futures Training (licensed Signs of Safety trainers)"
MI_TRAINERS = "Change Talk Training"
PARTNERSHIP = "South Thames Social Work Teaching Partnership"
UNIVERSITY = "Research in practice programme, Riverside University"

FULL_DAY = (time(9, 30), time(16, 30))
MORNING = (time(9, 30), time(12, 30))
AFTERNOON = (time(13, 30), time(16, 30))


class CourseSpec(NamedTuple):
    key: str
    programme: str
    title: str
    level: str
    provider: str
    format: str
    hours: str
    cost: str
    led_by: str
    days: int = 1  # days in a row, each with the same hours
    times: tuple[time, time] = FULL_DAY
    required: bool = False  # for social workers
    refresh_months: int | None = None


COURSES = [
    CourseSpec(
        "sys_intro",
        "systemic",
        "Systemic practice: introduction",
        Level.INTRODUCTORY,
        PSYCHOTHERAPIST,
        Format.IN_PERSON,
        "12",
        "0",
        "Dr Helen Marsh",
        days=2,
        required=True,
    ),
    CourseSpec(
        "sys_intermediate",
        "systemic",
        "Systemic practice: intermediate",
        Level.INTERMEDIATE,
        INSTITUTE,
        Format.IN_PERSON,
        "24",
        "450",
        "Dr Nadia Okoro",
        days=4,
    ),
    CourseSpec(
        "sys_advanced",
        "systemic",
        "Systemic practice: advanced",
        Level.ADVANCED,
        INSTITUTE,
        Format.IN_PERSON,
        "30",
        "450",
        "Dr Nadia Okoro and Paul Brennan",
        days=5,
    ),
    CourseSpec(
        "sys_refresher",
        "systemic",
        "Systemic practice: refresher afternoon",
        Level.REFRESHER,
        PSYCHOTHERAPIST,
        Format.IN_PERSON,
        "3.5",
        "0",
        "Dr Helen Marsh",
        times=(time(13, 30), time(17, 0)),
    ),
    CourseSpec(
        "sos_intro",
        "sos",
        "Signs of Safety: two-day introduction",
        Level.INTRODUCTORY,
        SOS_TRAINERS,
        Format.IN_PERSON,
        "12",
        "240",
        "Mark Ellison",
        days=2,
        required=True,
        refresh_months=24,
    ),
    CourseSpec(
        "sos_advanced",
        "sos",
        "Signs of Safety: advanced",
        Level.ADVANCED,
        SOS_TRAINERS,
        Format.IN_PERSON,
        "12",
        "320",
        "Mark Ellison",
        days=2,
    ),
    CourseSpec(
        "sos_refresher",
        "sos",
        "Signs of Safety: refresher",
        Level.REFRESHER,
        SOS_TRAINERS,
        Format.ONLINE,
        "6",
        "120",
        "Mark Ellison",
        refresh_months=24,
    ),
    CourseSpec(
        "mi_intro",
        "mi",
        "Motivational interviewing: introduction",
        Level.INTRODUCTORY,
        MI_TRAINERS,
        Format.IN_PERSON,
        "12",
        "195",
        "Grace Whitaker",
        days=2,
    ),
    CourseSpec(
        "mi_intermediate",
        "mi",
        "Motivational interviewing: intermediate",
        Level.INTERMEDIATE,
        MI_TRAINERS,
        Format.BLENDED,
        "12",
        "260",
        "Grace Whitaker",
        days=2,
    ),
    CourseSpec(
        "pd_1",
        "pd",
        "Practice development session 1: what the evidence says",
        Level.INTRODUCTORY,
        PRACTICE_TEAM,
        Format.IN_PERSON,
        "3",
        "0",
        "Jo Lambert and Dr Helen Marsh",
        times=AFTERNOON,
    ),
    CourseSpec(
        "pd_2",
        "pd",
        "Practice development session 2: how we will work",
        Level.INTRODUCTORY,
        PRACTICE_TEAM,
        Format.IN_PERSON,
        "3",
        "0",
        "Jo Lambert and Dr Helen Marsh",
        times=AFTERNOON,
    ),
    CourseSpec(
        "masterclass",
        "partnership",
        "Teaching Partnership masterclass",
        Level.INTERMEDIATE,
        PARTNERSHIP,
        Format.IN_PERSON,
        "3",
        "95",
        "Partnership academic and practice lead",
        times=MORNING,
    ),
    CourseSpec(
        "conference",
        "partnership",
        "Teaching Partnership annual practice conference",
        Level.INTRODUCTORY,
        PARTNERSHIP,
        Format.IN_PERSON,
        "6",
        "120",
        "Teaching Partnership",
    ),
    CourseSpec(
        "research",
        "research",
        "Research in practice briefing",
        Level.INTRODUCTORY,
        UNIVERSITY,
        Format.ONLINE,
        "1.5",
        "0",
        "Dr Owen Price",
        times=(time(12, 30), time(14, 0)),
    ),
]

# "Everyone at least introductory systemic practice", and the like.
TARGETS = [
    ("systemic", Level.INTRODUCTORY, Role.SOCIAL_WORKER, 100),
    ("sos", Level.INTRODUCTORY, Role.SOCIAL_WORKER, 100),
    ("systemic", Level.INTERMEDIATE, None, 50),
]
