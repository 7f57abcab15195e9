import pytest
from django.conf import settings
from django.urls import reverse

from family_survey.models import CommentStatus, Response, TeamCode
from tests.access_matrix import FORBIDDEN, OK, REDIRECT, STAFF_ROLES, assert_access, body_of, only_for, people_by_role
from tests.family_survey.conftest import add_responses

pytestmark = pytest.mark.django_db

ROLES = [*STAFF_ROLES, "anonymous"]
only = only_for(ROLES)
MANAGERS = {"supervisor": OK, "other_supervisor": OK, "service_manager": OK}
# (name, method, URL builder, expected status by role). Everyone here works in a team, so may print its cards.
CASES = [
    ("cards", "get", lambda w: reverse("family_survey:cards"), only({}, others=OK)),
    (
        "card",
        "get",
        lambda w: reverse("family_survey:card", args=[w["team"].pk]),
        # Another team's card is not found.
        only({"other_worker": 404, "other_supervisor": 404}, others=OK),
    ),
    (
        "replace-code",
        "post",
        lambda w: reverse("family_survey:replace-code", args=[w["team"].pk]),
        only({"supervisor": REDIRECT, "service_manager": REDIRECT, "other_supervisor": 404}, others=FORBIDDEN),
    ),
    ("results", "get", lambda w: reverse("family_survey:results"), only(MANAGERS, others=FORBIDDEN)),
    ("results-csv", "get", lambda w: reverse("family_survey:results-csv"), only(MANAGERS, others=FORBIDDEN)),
    ("comments", "get", lambda w: reverse("family_survey:comments"), only(MANAGERS, others=FORBIDDEN)),
    (
        "decide-comment",
        "post",
        lambda w: reverse("family_survey:decide-comment", args=[w["comment"].pk]),
        only({"supervisor": REDIRECT, "service_manager": REDIRECT, "other_supervisor": 404}, others=FORBIDDEN),
    ),
]


def test_every_staff_page_has_a_row():
    from family_survey.manage_urls import urlpatterns

    assert {pattern.name for pattern in urlpatterns} == {case[0] for case in CASES}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", CASES, ids=[case[0] for case in CASES])
def test_who_may_open_each_staff_page(client, request, team, survey_world, role, case):
    name, method, url, expected = case
    people = people_by_role(request, ROLES)
    world = {"team": team, "comment": survey_world}
    assert_access(client, people, role, name, method, url(world), {"decision": "show"}, expected)


def test_a_card_has_the_code_the_address_and_a_qr_code(client, worker, team):
    client.force_login(worker)
    response = client.get(reverse("family_survey:card", args=[team.pk]))
    page = response.content.decode()
    code = TeamCode.objects.get(team=team).code
    assert code in page
    assert f"{settings.PORTAL_BASE_URL}/guide/tell-us/" in page
    # The QR code opens the questionnaire with the code filled in.
    assert response.context["with_code"] == f"{settings.PORTAL_BASE_URL}/guide/tell-us/?team={code}"
    assert '<svg aria-hidden="true" focusable="false" viewBox=' in page
    assert "style=" not in page.split("<svg", 1)[1]
    assert "Replace the code" not in page  # only managers replace codes


def test_a_supervisor_replaces_their_team_s_code(client, supervisor, team, team_code):
    client.force_login(supervisor)
    response = client.post(reverse("family_survey:replace-code", args=[team.pk]), follow=True)
    new = TeamCode.objects.get(team=team, retired_on__isnull=True)
    assert new != team_code
    assert f"has a new code, {new.code}" in response.content.decode()


def test_results_hold_back_a_team_with_fewer_than_five_answers(client, service_manager, team, other_team, survey_world):
    client.force_login(service_manager)
    page = client.get(reverse("family_survey:results"), {"quarter": "2026-q4"}).content.decode()
    row = page.split(f'<th scope="row" class="govuk-table__header">{other_team.name}</th>', 1)[1].split("</tr>")[0]
    assert "Fewer than 5 answers" in row
    assert "100%" not in row
    assert "86%" in page  # team's "listens", 6 of 7 agreed
    assert 'role="img"' in page
    assert '<title id="results-chart-title">' in page


def test_the_csv_holds_back_the_same_figures(client, service_manager, team, other_team, survey_world):
    client.force_login(service_manager)
    response = client.get(reverse("family_survey:results-csv"), {"quarter": "2026-q4"})
    lines = body_of(response).splitlines()
    assert lines[0].lstrip("\ufeff") == "Quarter,Team,Statement,Answers,Agreed (%),Average score (1 to 5)"
    theirs = [line for line in lines if other_team.name in line]
    assert theirs
    assert all(line.endswith("fewer than 5,,") for line in theirs)
    assert f"October to December 2026,{team.name},Listens to me,7,86,3.7" in lines


def test_a_forged_quarter_or_team_is_an_error_not_a_way_in(client, supervisor, other_team, survey_world):
    client.force_login(supervisor)
    response = client.get(reverse("family_survey:results"), {"quarter": "1999-q9", "team": other_team.pk})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Select a quarter from the list" in page
    assert "Select a team from the list" in page
    assert other_team.name not in page


def test_a_manager_shows_a_held_comment_in_reports(client, supervisor, survey_world):
    client.force_login(supervisor)
    held = client.get(reverse("family_survey:comments")).content.decode()
    assert "He never calls me back." in held
    client.post(reverse("family_survey:decide-comment", args=[survey_world.pk]), {"decision": "show"})
    survey_world.refresh_from_db()
    assert survey_world.comment_status == CommentStatus.SHOWN
    results = client.get(reverse("family_survey:results"), {"quarter": "2026-q4"}).content.decode()
    assert "He never calls me back." in results


def test_the_queue_warns_of_personal_data(client, supervisor, team):
    add_responses(1, team=team, comment="Ring me on 07700 900123 please.")
    client.force_login(supervisor)
    page = client.get(reverse("family_survey:comments")).content.decode()
    assert "This looks like a phone number (07700 900123)" in page


def test_a_forged_decision_changes_nothing(client, supervisor, survey_world):
    client.force_login(supervisor)
    client.post(reverse("family_survey:decide-comment", args=[survey_world.pk]), {"decision": "delete"})
    survey_world.refresh_from_db()
    assert survey_world.comment_status == CommentStatus.HELD


def test_the_results_page_s_queries_are_bounded(client, service_manager, team, django_assert_max_num_queries):
    from portal.models import Team

    teams = [Team.objects.create(service=team.service, name=f"Team {n}") for n in range(15)]
    for each in teams:
        add_responses(6, team=each)
    client.force_login(service_manager)
    with django_assert_max_num_queries(11):
        assert client.get(reverse("family_survey:results")).status_code == 200
    with django_assert_max_num_queries(9):
        assert client.get(reverse("family_survey:results-csv")).status_code == 200


def test_the_comments_page_s_queries_are_bounded(client, service_manager, team, django_assert_max_num_queries):
    add_responses(30, team=team, comment="A fair comment.")
    client.force_login(service_manager)
    with django_assert_max_num_queries(9):
        page = client.get(reverse("family_survey:comments")).content.decode()
    assert page.count("A fair comment.") == 20
    assert Response.objects.filter(comment_status=CommentStatus.HELD).count() == 30


def test_someone_without_a_team_has_no_cards_to_print(client, worker):
    worker.team = None
    worker.save()
    client.force_login(worker)
    assert client.get(reverse("family_survey:cards")).status_code == 403


def test_people_administrators_can_still_give_the_social_worker_role(db):
    from portal.people.services import grantable_roles
    from portal.roles import Role
    from tests.factories import UserFactory

    assert Role.SOCIAL_WORKER in grantable_roles(UserFactory(roles=[Role.PEOPLE_ADMINISTRATOR]))


@pytest.mark.parametrize("forged", ["99999", "not-a-team", "other_team"])
def test_a_team_out_of_scope_is_a_clear_error_on_the_page_and_never_a_file(
    client, supervisor, other_team, survey_world, forged
):
    client.force_login(supervisor)
    team = str(other_team.pk) if forged == "other_team" else forged
    response = client.get(reverse("family_survey:results"), {"quarter": "2026-q4", "team": team})
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("Select a team from the list") == 2  # the error summary and the field
    assert 'href="#id_team"' in page
    assert other_team.name not in page
    download = client.get(reverse("family_survey:results-csv"), {"quarter": "2026-q4", "team": team})
    assert download.status_code == 302
    assert download["Location"] == f"{reverse('family_survey:results')}?quarter=2026-q4&team={team}"


def test_the_page_and_the_csv_hold_back_a_team_that_would_give_away_another(client, service_manager, team, other_team):
    add_responses(8, team=team)
    add_responses(3, team=other_team, score=5)
    client.force_login(service_manager)
    page = client.get(reverse("family_survey:results"), {"quarter": "2026-q4"}).content.decode()
    assert "11 families answered." in page
    assert "the next smallest figure is hidden too" in page
    row = page.split(f'<th scope="row" class="govuk-table__header">{team.name}</th>', 1)[1].split("</tr>")[0]
    assert "Not shown" in row
    assert ">8<" not in row
    assert "100%" not in row
    lines = body_of(client.get(reverse("family_survey:results-csv"), {"quarter": "2026-q4"})).splitlines()
    mine = [line for line in lines if f",{team.name}," in line]
    assert mine
    assert all(line.endswith("not shown,,") for line in mine)
    chosen = client.get(reverse("family_survey:results"), {"quarter": "2026-q4", "team": team.pk}).content.decode()
    assert "These figures are not shown, so that a smaller team’s cannot be worked out from them." in chosen
