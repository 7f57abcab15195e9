"""Demo answers: a code for each team and about 80 questionnaires over the last four quarters.

The first team has plenty of answers; the second has fewer than five in the latest quarter, so its figures
are held back there; a few families gave no team code. Some comments have been read and shown, one
hidden, and the latest are waiting for a manager (one with a phone number in it, to show the warning).
"""

import random
from datetime import date

from django.db import transaction

from family_survey import services
from family_survey.models import CommentStatus, Response
from family_survey.periods import Quarter
from family_survey.questions import CHILDREN, EASY_READ, KEYS, PARENTS

# Answers per quarter, oldest first: (each team in turn, then families who gave no code).
PER_QUARTER = [(12, 8), (13, 8), (14, 9), (14, 3)]
WITHOUT_CODE = 2
COMMENTS = [
    ("She always rings back the same day, even when it is bad news.", CommentStatus.SHOWN),
    (
        "I did not understand the plan at first. It was explained again in plain words and that helped.",
        CommentStatus.SHOWN,
    ),
    ("We have had three social workers this year. It is hard to keep telling our story.", CommentStatus.SHOWN),
    ("My social worker came to my school play. That meant a lot.", CommentStatus.SHOWN),
    ("The meetings feel like they are about us, not with us.", CommentStatus.SHOWN),
    ("Rubbish rubbish rubbish", CommentStatus.HIDDEN),
    ("Things at home are calmer now. Thank you for not giving up on us.", CommentStatus.HELD),
    ("Please ring me back on 07700 900123, I have left two messages.", CommentStatus.HELD),
    ("I wish I knew what happens after the conference.", CommentStatus.HELD),
]


def _score(rng: random.Random, mean: float) -> int | None:
    if rng.random() < 0.08:
        return None  # "prefer not to say"
    return max(1, min(5, round(rng.gauss(mean, 0.9))))


def _months(quarter: Quarter, today: date) -> list[date]:
    months = [date(quarter.start.year, quarter.start.month + step, 1) for step in range(3)]
    return [month for month in months if month <= today] or [quarter.start]


@transaction.atomic
def load(people, today: date) -> int:
    """Add the demo answers unless there are answers already; returns how many were added."""
    if Response.objects.exists():
        return 0
    teams = sorted({person.team for person in people.values() if person.team_id}, key=lambda team: team.name)[:2]
    for team in teams:
        services.active_code(team, today)
    rng = random.Random(10)  # noqa: S311 - the same demo every time, not a secret
    quarters = Quarter.containing(today).and_before(len(PER_QUARTER))
    rows = []
    for index, (quarter, counts) in enumerate(zip(quarters, PER_QUARTER, strict=True)):
        months = _months(quarter, today)
        groups = [*zip(teams, counts, strict=False), (None, WITHOUT_CODE)]
        for team_index, (team, count) in enumerate(groups):
            # Slowly better over the year, and a little different from team to team.
            mean = 3.3 + 0.2 * index - 0.2 * team_index
            for _answer in range(count):
                scores = {key: _score(rng, mean) for key in KEYS}
                if not any(scores.values()):
                    scores["listens"] = 4
                rows.append(
                    Response(
                        team=team,
                        month=rng.choice(months),
                        reader=rng.choice([PARENTS, PARENTS, PARENTS, CHILDREN, EASY_READ]),
                        **scores,
                    )
                )
    # The comments go on answers spread through the year, oldest first, so the held ones are the latest.
    rows.sort(key=lambda row: row.month)
    step = len(rows) // len(COMMENTS)
    for position, (comment, status) in enumerate(COMMENTS):
        rows[position * step + step - 1].comment = comment
        rows[position * step + step - 1].comment_status = status
    Response.objects.bulk_create(rows)
    return len(rows)
