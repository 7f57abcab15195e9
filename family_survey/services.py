"""Writes: families' answers, team codes, and managers' decisions on comments."""

from datetime import date

from django.db import IntegrityError, transaction

from family_survey.codes import new_code
from family_survey.models import CommentStatus, Response, TeamCode
from family_survey.questions import KEYS
from portal.models import Team

ATTEMPTS = 5  # a new code clashing with a used one is rare (31^6 codes); a few tries are plenty


def record_response(*, answers: dict[str, int | None], comment: str, team: Team | None, reader: str, today: date):
    """Keep a family's answers, dated by month only. A comment waits for a manager before any report shows it."""
    return Response.objects.create(
        team=team,
        month=today.replace(day=1),
        reader=reader[:20],
        comment=comment,
        comment_status=CommentStatus.HELD if comment else "",
        **{key: answers.get(key) for key in KEYS},
    )


def _create_code(team: Team, today: date) -> TeamCode:
    for _attempt in range(ATTEMPTS):
        try:
            with transaction.atomic():
                return TeamCode.objects.create(team=team, code=new_code(), created_on=today)
        except IntegrityError:
            # Either the code was taken, or someone else has just made this team's code.
            found = TeamCode.objects.filter(team=team, retired_on__isnull=True).first()
            if found is not None:
                return found
    raise RuntimeError("Could not make a team code that is not already in use")


def active_code(team: Team, today: date) -> TeamCode:
    """The team's code, made the first time someone asks for it."""
    return TeamCode.objects.filter(team=team, retired_on__isnull=True).first() or _create_code(team, today)


@transaction.atomic
def replace_code(team: Team, today: date) -> TeamCode:
    """A new code for the team; the old one stops being accepted (answers already given still count)."""
    TeamCode.objects.select_for_update().filter(team=team, retired_on__isnull=True).update(retired_on=today)
    return _create_code(team, today)


def decide_comment(answers: Response, status: str) -> None:
    """Show a comment in reports, or hide it. Only a response that has a comment changes."""
    if status not in (CommentStatus.SHOWN, CommentStatus.HIDDEN):
        raise ValueError(f"Not a decision on a comment: {status}")
    Response.objects.filter(pk=answers.pk).exclude(comment="").update(comment_status=status)
