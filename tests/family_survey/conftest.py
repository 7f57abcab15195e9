from datetime import date

import pytest

from family_survey import services
from family_survey.models import CommentStatus, Response
from family_survey.questions import KEYS

TODAY = date(2026, 11, 18)  # in the fourth quarter of 2026


def add_responses(count, *, team=None, month=date(2026, 10, 1), score=4, comment="", status=""):
    """`count` responses with every statement scored `score`."""
    return Response.objects.bulk_create(
        Response(
            team=team,
            month=month,
            reader="parents",
            comment=comment,
            comment_status=status or (CommentStatus.HELD if comment else ""),
            **dict.fromkeys(KEYS, score),
        )
        for _ in range(count)
    )


@pytest.fixture
def team_code(team):
    return services.active_code(team, TODAY)


@pytest.fixture
def survey_world(team, other_team):
    """Six answers for `team` and three for `other_team` in Oct-Dec 2026, two without a code, and comments."""
    add_responses(6, team=team)
    add_responses(1, team=team, score=2, comment="He never calls me back.")
    add_responses(3, team=other_team, score=5)
    add_responses(2, score=3)
    add_responses(5, team=team, month=date(2026, 7, 1), score=1)
    return Response.objects.get(comment="He never calls me back.")
