"""Families' answers about the relationship with their social worker, and the team codes they count towards.

Nothing here identifies a family: no names, no case references, no addresses of any kind, and no time
more exact than the month. A team code names a team, never a person or a case.
"""

from django.db import models
from django.db.models import Q

from family_survey.questions import KEYS
from portal.models import Team

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L: read aloud or typed without mistakes
CODE_LENGTH = 6
COMMENT_MAX = 1000


class TeamCode(models.Model):
    """The code a social worker hands out on a card. One active code a team; a replaced code stops working."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="survey_codes")
    code = models.CharField(max_length=CODE_LENGTH, unique=True)
    created_on = models.DateField()
    retired_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["team__name", "-created_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["team"], condition=Q(retired_on__isnull=True), name="one_active_code_a_team"
            ),
            models.CheckConstraint(
                condition=Q(code__regex=rf"^[{CODE_ALPHABET}]{{{CODE_LENGTH}}}$"), name="team_code_in_alphabet"
            ),
        ]

    def __str__(self):
        return f"{self.code} ({self.team})"


class CommentStatus(models.TextChoices):
    HELD = "held", "Waiting to be read"
    SHOWN = "shown", "Shown in reports"
    HIDDEN = "hidden", "Hidden"


def _score():
    return models.PositiveSmallIntegerField(null=True, blank=True)


class Response(models.Model):
    """One family's answers. Each statement is scored 1 (strongly disagree) to 5 (strongly agree), or skipped."""

    team = models.ForeignKey(Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="survey_responses")
    month = models.DateField(help_text="The first day of the month the answers came in: never the exact day.")
    reader = models.CharField(max_length=20, help_text="The version of the questionnaire the family read.")
    listens = _score()
    understand = _score()
    reachable = _score()
    honest = _score()
    respect = _score()
    better = _score()
    comment = models.TextField(blank=True, max_length=COMMENT_MAX)
    comment_status = models.CharField(max_length=10, choices=CommentStatus, blank=True)

    class Meta:
        ordering = ["-month", "-pk"]
        indexes = [models.Index(fields=["month", "team"])]
        constraints = [
            *(
                models.CheckConstraint(condition=Q(**{f"{key}__range": (1, 5)}), name=f"response_{key}_1_to_5")
                for key in KEYS
            ),
            models.CheckConstraint(
                condition=Q(*(Q(**{f"{key}__isnull": False}) for key in KEYS), _connector=Q.OR),
                name="response_answers_something",
            ),
            models.CheckConstraint(condition=Q(month__day=1), name="response_month_starts_on_the_first"),
            # A comment always has a status (held until a manager reads it); no comment, no status.
            models.CheckConstraint(
                condition=(Q(comment="") & Q(comment_status=""))
                | (~Q(comment="") & Q(comment_status__in=CommentStatus.values)),
                name="response_comment_has_a_status",
            ),
        ]
        permissions = [
            ("replace_team_code", "Can replace a team's feedback code"),
            ("view_survey_results", "Can see families' feedback results and read their comments"),
            ("view_service_survey_results", "Can see families' feedback for every team in their service"),
        ]

    def __str__(self):
        return f"Answers from {self.month:%B %Y}"
