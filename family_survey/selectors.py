"""Reads: the results by quarter and team, with small numbers held back, and the comments to read.

A figure is shown only when at least MIN_ANSWERS answers lie behind it: with fewer, a manager who knows
which families a team works with could guess who said what. The rule applies to every figure, a team's,
all teams' and each statement's, on the page and in the CSV file alike.

A total is the sum of the groups under it, so it can give away a hidden group: all teams less the teams
shown leaves the one held back (or the answers without a team code). So whenever the groups held back in
a total add up to fewer than MIN_ANSWERS, the smallest group shown is held back too ("secondary
suppression"). It is worked out on the whole breakdown, whichever team is chosen, so a team's figures are
held back alike on every view of them.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import TruncQuarter

from family_survey import access
from family_survey.models import CommentStatus, Response
from family_survey.periods import Quarter
from family_survey.questions import AGREE_FROM, KEYS
from supervision.personal_data import find_personal_data

MIN_ANSWERS = 5
QUARTERS_SHOWN = 4


@dataclass
class Figure:
    """One statement's answers in one group and quarter."""

    answers: int = 0
    agreed: int = 0
    total: int = 0  # the sum of the scores, for the average
    held_back: bool = False  # enough answers, but hidden so a smaller group's cannot be worked out

    @property
    def shown(self) -> bool:
        return self.answers >= MIN_ANSWERS and not self.held_back

    @property
    def why_hidden(self) -> str:
        return "not shown" if self.held_back and self.answers >= MIN_ANSWERS else "fewer than 5 answers"

    @property
    def percent_agreed(self) -> int | None:
        return round(100 * self.agreed / self.answers) if self.shown else None

    @property
    def average(self) -> float | None:
        return round(self.total / self.answers, 1) if self.shown else None

    def add(self, other: "Figure") -> None:
        self.answers += other.answers
        self.agreed += other.agreed
        self.total += other.total


@dataclass
class Figures:
    """Every statement's figures for one group (a team, or all of them) in one quarter."""

    responses: int = 0
    statements: dict[str, Figure] = field(default_factory=lambda: {key: Figure() for key in KEYS})
    held_back: bool = False  # as Figure.held_back, for the whole group

    @property
    def shown(self) -> bool:
        return self.responses >= MIN_ANSWERS and not self.held_back

    @property
    def why_hidden(self) -> str:
        return "not shown" if self.held_back and self.responses >= MIN_ANSWERS else "fewer than 5 answers"

    def hold_back(self) -> None:
        self.held_back = True
        for figure in self.statements.values():
            figure.held_back = True

    def add(self, other: "Figures") -> None:
        self.responses += other.responses
        for key in KEYS:
            self.statements[key].add(other.statements[key])


@dataclass
class TeamRow:
    pk: int
    name: str
    figures: Figures


@dataclass
class Results:
    quarter: Quarter  # the one chosen
    quarters: list[Quarter]  # the chosen one and the three before, oldest first
    overall: dict[Quarter, Figures]  # the chosen team, or all the teams in scope
    teams: list[TeamRow]  # each team in scope, in the chosen quarter (empty when one team is chosen)

    @property
    def current(self) -> Figures:
        return self.overall[self.quarter]


def _grouped(responses: QuerySet[Response], quarters: list[Quarter]):
    """One row per team and quarter, each statement's count, agreements and total counted by the database."""
    sums = {}
    for key in KEYS:
        sums[f"{key}_answers"] = Count(key)
        sums[f"{key}_agreed"] = Count(key, filter=Q(**{f"{key}__gte": AGREE_FROM}))
        sums[f"{key}_total"] = Sum(key, default=0)
    return (
        responses.filter(month__gte=quarters[0].start, month__lt=quarters[-1].end)
        .annotate(quarter=TruncQuarter("month"))
        .order_by()
        .values("team_id", "quarter")
        .annotate(responses=Count("pk"), **sums)
    )


def _smallest_to_hold_back(parts: list[tuple[int, bool]]) -> int | None:
    """Which of a total's parts, (size, shown), to hold back as well: the smallest shown one, when those
    already hidden add up to 1 to 4 answers and so could be worked out from the total."""
    hidden = sum(size for size, shown in parts if not shown)
    if not 0 < hidden < MIN_ANSWERS:
        return None
    shown = [(size, index) for index, (size, is_shown) in enumerate(parts) if is_shown]
    return min(shown)[1] if shown else None


def _protect(groups: dict[int | None, Figures]) -> None:
    """Secondary suppression for one quarter's breakdown by team. The answers without a team code
    (key None) are never shown on their own, so they always count as hidden."""
    parts = list(groups.items())
    index = _smallest_to_hold_back([(figures.responses, pk is not None and figures.shown) for pk, figures in parts])
    if index is not None:
        parts[index][1].hold_back()
    for key in KEYS:
        index = _smallest_to_hold_back(
            [
                (figures.statements[key].answers, pk is not None and figures.statements[key].shown)
                for pk, figures in parts
            ]
        )
        if index is not None:
            parts[index][1].statements[key].held_back = True


def results(user, quarter: Quarter, team_id: int | None = None, teams: list[tuple[int, str]] | None = None) -> Results:
    """The figures `user` may see for `quarter` and the three before, for one team or all of theirs.
    `teams` are `team_choices(user)`, when the caller has them already."""
    quarters = quarter.and_before(QUARTERS_SHOWN)
    teams = team_choices(user) if teams is None else teams
    # Every team in scope, even when one is chosen: what is held back depends on the whole breakdown.
    by_team: dict[Quarter, dict[int | None, Figures]] = {each: defaultdict(Figures) for each in quarters}
    for row in _grouped(access.responses_for(user), quarters):
        figures = Figures(
            responses=row["responses"],
            statements={key: Figure(row[f"{key}_answers"], row[f"{key}_agreed"], row[f"{key}_total"]) for key in KEYS},
        )
        by_team[Quarter(row["quarter"])][row["team_id"]].add(figures)
    overall = {}
    for each, groups in by_team.items():
        if team_id is None:
            overall[each] = Figures()
            for figures in groups.values():
                overall[each].add(figures)
        _protect(groups)
        if team_id is not None:
            overall[each] = groups[team_id]
    team_rows = [] if team_id is not None else [TeamRow(pk, name, by_team[quarter][pk]) for pk, name in teams]
    return Results(quarter, quarters, overall, team_rows)


def team_choices(user) -> list[tuple[int, str]]:
    return list(access.result_teams_for(user).order_by("name", "pk").values_list("pk", "name"))


def held_comment_count(user) -> int:
    return access.responses_for(user).filter(comment_status=CommentStatus.HELD).count()


def comments(user, status: str) -> QuerySet[Response]:
    """Comments in `user`'s scope with this status, newest month first."""
    return (
        access.responses_for(user)
        .filter(comment_status=status)
        .select_related("team")
        .only("pk", "month", "comment", "comment_status", "team__name")
        .order_by("-month", "-pk")
    )


def with_warnings(page_of_comments) -> list[tuple[Response, list]]:
    """Each comment with what in it looks like personal data (supervision.personal_data's checks)."""
    return [(answers, find_personal_data(answers.comment)) for answers in page_of_comments]


def shown_comments(user, quarter: Quarter, team_id: int | None = None, limit: int = 50) -> list[Response]:
    """Comments a manager has chosen to show, from `quarter`."""
    found = comments(user, CommentStatus.SHOWN).filter(month__gte=quarter.start, month__lt=quarter.end)
    if team_id is not None:
        found = found.filter(team_id=team_id)
    return list(found[:limit])


def comment_for(user, pk: int) -> Response:
    """One comment in `user`'s scope; Response.DoesNotExist otherwise."""
    return access.responses_for(user).exclude(comment="").get(pk=pk)
