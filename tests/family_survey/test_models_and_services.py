from datetime import date

import pytest
from django.db import IntegrityError

from family_survey import access, codes, selectors, services
from family_survey.models import CODE_ALPHABET, CommentStatus, Response, TeamCode
from family_survey.periods import Quarter, recent
from family_survey.questions import EASY_READ, KEYS, STATEMENTS, choices_for, version_for, wording
from tests.factories import TeamFactory
from tests.family_survey.conftest import TODAY, add_responses

pytestmark = pytest.mark.django_db


def test_codes_use_an_alphabet_without_look_alikes():
    code = codes.new_code()
    assert len(code) == 6
    assert set(code) <= set(CODE_ALPHABET)
    assert not set("01OIL") & set(CODE_ALPHABET)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("k7p2xq", "K7P2XQ"),
        (" K7P 2XQ ", "K7P2XQ"),
        ("K7P-2XQ", "K7P2XQ"),
        ("K7P2X", None),
        ("K7P2X0", None),
        ("", None),
    ],
)
def test_typed_codes_are_read_forgivingly(typed, expected):
    assert codes.normalise(typed) == expected


def test_a_team_gets_one_code_made_on_demand(team):
    first = services.active_code(team, TODAY)
    assert services.active_code(team, TODAY) == first
    assert TeamCode.objects.filter(team=team).count() == 1


def test_replacing_a_code_retires_the_old_one(team):
    old = services.active_code(team, TODAY)
    new = services.replace_code(team, TODAY)
    old.refresh_from_db()
    assert old.retired_on == TODAY
    assert new.retired_on is None
    assert new.code != old.code
    assert services.active_code(team, TODAY) == new


def test_the_database_allows_one_active_code_a_team(team, team_code):
    with pytest.raises(IntegrityError):
        TeamCode.objects.create(team=team, code="ABCDEF", created_on=TODAY)


def test_a_response_keeps_the_month_and_holds_its_comment(team):
    response = services.record_response(
        answers={"listens": 5, "better": 2}, comment="Thank you.", team=team, reader="children", today=TODAY
    )
    response.refresh_from_db()
    assert response.month == date(2026, 11, 1)
    assert (response.listens, response.understand, response.better) == (5, None, 2)
    assert response.comment_status == CommentStatus.HELD


def test_nothing_identifying_is_stored():
    """No names, case references, addresses of any kind or times: only the month, the version read and answers."""
    fields = {field.name for field in Response._meta.get_fields()}
    assert fields == {"id", "team", "month", "reader", "comment", "comment_status", *KEYS}
    assert Response._meta.get_field("month").get_internal_type() == "DateField"


@pytest.mark.parametrize("scores", [{"listens": 6}, {"listens": 0}, {}])
def test_the_database_refuses_scores_out_of_range_and_empty_answers(scores):
    with pytest.raises(IntegrityError):
        Response.objects.create(month=date(2026, 11, 1), reader="parents", **scores)


def test_deciding_a_comment_shows_or_hides_it(survey_world):
    services.decide_comment(survey_world, CommentStatus.SHOWN)
    survey_world.refresh_from_db()
    assert survey_world.comment_status == CommentStatus.SHOWN
    with pytest.raises(ValueError, match="Not a decision"):
        services.decide_comment(survey_world, CommentStatus.HELD)


def test_quarters():
    quarter = Quarter.containing(TODAY)
    assert (quarter.start, quarter.end, quarter.slug) == (date(2026, 10, 1), date(2027, 1, 1), "2026-q4")
    assert quarter.label == "October to December 2026"
    assert Quarter.from_slug("2026-q4") == quarter
    assert [Quarter.from_slug(slug) for slug in ("2026-q5", "1999-q1", "x", None, "2026-Q4")] == [None] * 5
    assert [each.slug for each in quarter.and_before(4)] == ["2026-q1", "2026-q2", "2026-q3", "2026-q4"]
    assert recent(TODAY)[0] == quarter
    assert len(recent(TODAY)) == 8


def test_every_reader_version_has_wording_and_unknown_ones_get_the_parents():
    assert version_for("nobody") == "parents"
    assert version_for(EASY_READ) == EASY_READ
    for statement in STATEMENTS:
        assert len({str(wording(statement, reader)) for reader in ("parents", "children", EASY_READ)}) >= 2
    assert [value for value, _label in choices_for("x")] == ["5", "4", "3", "2", "1", "skip"]


def test_results_hold_back_figures_with_fewer_than_five_answers(service_manager, team, other_team, survey_world):
    found = selectors.results(service_manager, Quarter.containing(TODAY))
    by_name = {row.name: row for row in found.teams}
    mine = by_name[team.name].figures
    assert mine.shown
    assert mine.responses == 7
    assert mine.statements["listens"].percent_agreed == 86
    assert mine.statements["listens"].average == 3.7
    theirs = by_name[other_team.name].figures
    assert not theirs.shown
    assert theirs.statements["listens"].percent_agreed is None
    # The whole service counts every team and the answers given without a code.
    assert found.current.responses == 12
    assert found.overall[Quarter(date(2026, 7, 1))].statements["honest"].percent_agreed == 0


def test_a_supervisor_sees_their_own_team_only(supervisor, other_supervisor, team, other_team, survey_world):
    assert list(access.result_teams_for(supervisor)) == [team]
    assert not access.responses_for(supervisor).filter(team=other_team).exists()
    assert not access.responses_for(supervisor).filter(team__isnull=True).exists()
    assert list(access.result_teams_for(other_supervisor)) == [other_team]


def test_a_service_manager_sees_every_team_in_their_service(service_manager, team, other_team, survey_world):
    elsewhere = TeamFactory(service__name="Another council's service")
    add_responses(5, team=elsewhere)
    assert set(access.result_teams_for(service_manager)) == {team, other_team}
    assert not access.responses_for(service_manager).filter(team=elsewhere).exists()
    assert access.responses_for(service_manager).filter(team__isnull=True).count() == 2


def test_workers_see_no_results_and_print_cards_for_their_own_team(worker, team, other_team):
    assert not access.responses_for(worker).exists()
    assert list(access.card_teams_for(worker)) == [team]


def test_the_demo_adds_answers_once(supervisor, other_supervisor, team, other_team):
    from family_survey import demo

    people = {"a": supervisor, "b": other_supervisor}
    added = demo.load(people, TODAY)
    assert 75 <= added <= 95
    assert demo.load(people, TODAY) == 0
    assert TeamCode.objects.filter(retired_on__isnull=True).count() == 2
    latest = Response.objects.filter(month__gte=date(2026, 10, 1))
    counts = {team.pk: latest.filter(team=team).count() for team in (team, other_team)}
    assert sorted(counts.values())[0] < 5 <= sorted(counts.values())[1]
    statuses = set(Response.objects.exclude(comment="").values_list("comment_status", flat=True))
    assert statuses == {CommentStatus.HELD, CommentStatus.SHOWN, CommentStatus.HIDDEN}


def _figures(found, team):
    return next(row.figures for row in found.teams if row.pk == team.pk)


def test_a_team_that_would_give_away_a_hidden_one_by_subtraction_is_held_back(service_manager, team, other_team):
    add_responses(8, team=team)
    add_responses(3, team=other_team, score=5)
    found = selectors.results(service_manager, Quarter.containing(TODAY))
    assert found.current.shown  # the whole service's 11
    # Shown, the 8 would give away the other team's 3: 11 less 8.
    mine = _figures(found, team)
    assert not mine.shown
    assert mine.why_hidden == "not shown"
    assert mine.statements["listens"].percent_agreed is None
    assert _figures(found, other_team).why_hidden == "fewer than 5 answers"
    # The same team chosen on its own is held back alike, in every view.
    chosen = selectors.results(service_manager, Quarter.containing(TODAY), team.pk)
    assert not chosen.current.shown
    assert chosen.current.statements["listens"].percent_agreed is None


def test_answers_without_a_code_are_protected_the_same_way(service_manager, team, other_team):
    add_responses(8, team=team)
    add_responses(6, team=other_team)
    add_responses(2)  # no team code: never shown on its own
    found = selectors.results(service_manager, Quarter.containing(TODAY))
    assert found.current.responses == 16
    assert not _figures(found, other_team).shown  # the smaller of the two shown
    assert _figures(found, team).shown


def test_each_statement_is_protected_on_its_own(service_manager, team, other_team):
    add_responses(6, team=team)
    add_responses(3, team=other_team)
    Response.objects.bulk_create(
        Response(team=other_team, month=date(2026, 10, 1), reader="parents", **dict.fromkeys(KEYS[1:], 4))
        for _ in range(3)
    )
    found = selectors.results(service_manager, Quarter.containing(TODAY))
    mine, theirs = _figures(found, team), _figures(found, other_team)
    assert mine.shown
    assert theirs.shown
    # Only 3 of the other team's families answered "listens": my team's 6 would give them away.
    assert theirs.statements["listens"].why_hidden == "fewer than 5 answers"
    assert mine.statements["listens"].why_hidden == "not shown"
    assert theirs.statements["understand"].shown
    assert mine.statements["understand"].shown


def test_nothing_more_is_held_back_when_the_hidden_groups_make_five(service_manager, team, other_team, survey_world):
    # survey_world: the other team's 3 and the 2 without a code are 5 together, which is safe to show.
    found = selectors.results(service_manager, Quarter.containing(TODAY))
    assert _figures(found, team).shown
