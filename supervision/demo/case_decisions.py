"""The demo's case decisions and ASYE: what the child's file needs from each case discussed, and a
newly qualified worker's assessor and critical reflections.

Every demo case decision gets why it was made, the child's views and how we know, and what happens next,
by whom and by when, except one: on the latest recorded but unsigned session (worker5's), one decision has
no child's view, so the session asks for it before sign-off. The demo ASYE workers get their ASYE start
date (their start date, if none is set) and an assessor, the practice development lead; the newest of
them has a few critical reflections, one shared with the assessor.

Like the rest of the demo, rows are written directly, without audit entries, and nothing is added twice:
a case that already has its rationale, or a worker who already has reflections, is left alone.
"""

from datetime import date, timedelta

from django.db import transaction

from portal.models import User
from supervision.demo.history import at
from supervision.demo.stories import STORIES
from supervision.models import CaseDiscussion, CriticalReflection, Session

WITHOUT_CHILDS_VIEW = "worker5@example.org"
ASYE_WORKERS = ("worker6@example.org", "worker2@example.org")
ASYE_WORKER_WITH_REFLECTIONS = "worker6@example.org"
ASSESSOR = "editor@example.org"

RATIONALES = [
    "The risks have not reduced enough to step down, but the parents are engaging and the plan is starting "
    "to work. Change in neglect has to hold for months, not weeks, before we can rely on it.",
    "Each incident follows the same pattern, so the risk is predictable rather than random: acting now is "
    "safer than waiting for the next one.",
    "What the parents say and what the children say do not match. Until we hear from the children alone we "
    "cannot judge how safe they are, so that comes first.",
    "The strengths are real: the grandmother’s daily help and the school’s support. The worry is whether they "
    "last without us, so we test that before the case steps down.",
    "The evidence points both ways. A short, clear review date keeps the decision open to what the next "
    "assessment finds, without leaving the child in limbo.",
    "Drift is the bigger risk for this child: a decision with a date on it is better than waiting for "
    "certainty that will not come.",
]
CHILD_VIEWS = [
    "The 6-year-old drew their three houses with the worker at school: home was the smallest, and they said "
    "they like it when the house is tidy. Seen alone at school last week.",
    "The 14-year-old told the worker in the car that they go missing to get away from arguments at home, and "
    "want a say in where they stay. Heard directly on two visits.",
    "The children, seen together at school, said they are scared when their father comes round at night. The "
    "9-year-old’s teacher has noticed them falling asleep in class.",
    "The 11-year-old’s advocate passed on that they want to stay with their grandmother and see their mother "
    "at weekends. We have not yet heard this from them directly, so the next visit will ask.",
    "The baby cannot tell us: the worker saw them settle quickly with their mother and feed well, and the "
    "health visitor reports steady weight gain.",
    "The 16-year-old said at their pathway review that they feel rushed to move on and want more help with "
    "money first. Written in their own words on the review form.",
]
NEXT_STEPS = [  # (what happens next, by whom, days after the session)
    ("An unannounced visit, and a call to the school about attendance.", "the allocated social worker", 7),
    ("Ask the reviewing officer to bring the review forward.", "the team manager", 14),
    ("See the children alone and update the assessment.", "the allocated social worker", 10),
    ("Book a family group conference with the wider family.", "the family group conference coordinator", 21),
    ("Review the plan with the family and the school.", "the allocated social worker and the team manager", 28),
]
REFLECTIONS = [  # (days ago, title, text, shared)
    (
        60,
        "My first home visit on my own",
        "I had planned what to ask but not how to leave. When the mother started crying at the door I stayed "
        "another hour and missed the chance to see the children’s bedrooms. Looking back, I was managing my own "
        "discomfort as much as hers. Next time I will agree at the start how long I can stay and what I need "
        "to see, and say so kindly.",
        True,
    ),
    (
        30,
        "A strategy discussion I did not speak in",
        "I had the most recent information about the 13-year-old but waited to be asked. Reading about "
        "professional hierarchy in child protection meetings helped me see why. In supervision we agreed I "
        "will bring three points written down to the next one and offer them early.",
        False,
    ),
    (
        9,
        "Hearing a child’s wishes when they differ from mine",
        "The 8-year-old wants to go home now; my assessment says not yet. I noticed I wanted to explain the "
        "decision away rather than let them be angry with it. I want to think with my assessor about how to "
        "hold their view in the record honestly, even when the plan goes another way.",
        False,
    ),
]


def load(today: date) -> None:
    """Fill in the demo's case decisions and ASYE details as they would look on `today`. Adds nothing twice."""
    with transaction.atomic():
        _case_decisions()
        _asye(today)


def _case_decisions() -> None:
    cases = list(
        CaseDiscussion.objects.filter(session__supervisee__email__in=[story.email for story in STORIES], rationale="")
        .exclude(decisions="")
        .select_related("session")
        .order_by("session__held_on", "pk")
    )
    if not cases:
        return
    unsigned = (
        Session.objects.filter(
            supervisee__email=WITHOUT_CHILDS_VIEW,
            recorded_at__isnull=False,
            supervisor_signed_at__isnull=True,
            supervisee_signed_at__isnull=True,
        )
        .order_by("-held_on", "-pk")
        .first()
    )
    gap = next((case for case in cases if unsigned and case.session_id == unsigned.pk), None)
    for index, case in enumerate(cases):
        case.rationale = RATIONALES[index % len(RATIONALES)]
        case.child_views = "" if case is gap else CHILD_VIEWS[index % len(CHILD_VIEWS)]
        next_steps, by_whom, days = NEXT_STEPS[index % len(NEXT_STEPS)]
        case.next_steps, case.next_steps_by = next_steps, by_whom
        case.next_steps_due = case.session.held_on + timedelta(days=days)
    CaseDiscussion.objects.bulk_update(
        cases, ["rationale", "child_views", "next_steps", "next_steps_by", "next_steps_due"], batch_size=500
    )


def _asye(today: date) -> None:
    people = User.objects.in_bulk([*ASYE_WORKERS, ASSESSOR], field_name="email")
    assessor = people.get(ASSESSOR)
    for email in ASYE_WORKERS:
        person = people.get(email)
        if person is None or (person.asye_start_date and person.asye_assessor_id):
            continue
        person.asye_start_date = person.asye_start_date or person.start_date
        person.asye_assessor = person.asye_assessor or assessor
        person.save(update_fields=["asye_start_date", "asye_assessor"])
    author = people.get(ASYE_WORKER_WITH_REFLECTIONS)
    if author is None or CriticalReflection.objects.filter(author=author).exists():
        return
    reflections = []
    for days_ago, title, text, shared in REFLECTIONS:
        written_on = today - timedelta(days=days_ago)
        if author.start_date and written_on < author.start_date:
            written_on = author.start_date
        reflections.append(
            CriticalReflection(
                author=author,
                written_on=written_on,
                title=title,
                text=text,
                shared_at=at(written_on + timedelta(days=2), 9, 15) if shared else None,
                created_at=at(written_on, 17, 30),
                updated_at=at(written_on, 17, 30),
            )
        )
    CriticalReflection.objects.bulk_create(reflections)
