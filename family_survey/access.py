"""Who may see and do what with families' feedback: the page predicates and one scoping function per model.

- Anyone who works in a team may print its feedback cards: the code on them says nothing about a family
  and only lets answers count towards the team, so it is a scope, not a permission (a permission held
  by the Social worker role would also stop people administrators giving that role: portal.people).
  Supervisors and service managers also print cards for the teams whose results they see, and replace
  a team's code (``replace_team_code``).
- Results and comments (``view_survey_results``): a supervisor sees their own team and the teams of the
  people they manage (portal.line_management); a service manager (``view_service_survey_results``)
  sees every team in their service, and the answers given without a team code.
Anything outside a person's scope answers 404.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from family_survey.models import Response, TeamCode
from portal.line_management import managed_by
from portal.models import Team

User = get_user_model()


def can_hand_out_cards(user) -> bool:
    return user.is_authenticated and bool(user.team_id)


def can_replace_codes(user) -> bool:
    return user.has_perm("family_survey.replace_team_code")


def can_see_results(user) -> bool:
    return user.has_perm("family_survey.view_survey_results")


def sees_whole_service(user) -> bool:
    return user.has_perm("family_survey.view_service_survey_results") and bool(user.team_id)


def result_teams_for(user) -> QuerySet[Team]:
    """The teams whose figures and comments `user` may see."""
    if not (user.is_authenticated and can_see_results(user)):
        return Team.objects.none()
    if sees_whole_service(user):
        # Matched through the viewer's team id, so the check needs no query of its own.
        return Team.objects.filter(service__teams__id=user.team_id)
    managed = User.objects.filter(managed_by(user) | Q(pk=user.pk), team__isnull=False)
    return Team.objects.filter(pk__in=managed.values("team_id"))


def responses_for(user) -> QuerySet[Response]:
    """The answers `user` may count and read: those of their teams, and for a service manager also those
    given without a team code (they count towards the whole service only)."""
    if not (user.is_authenticated and can_see_results(user)):
        return Response.objects.none()
    rule = Q(team__in=result_teams_for(user))
    if sees_whole_service(user):
        rule |= Q(team__isnull=True)
    return Response.objects.filter(rule)


def card_teams_for(user) -> QuerySet[Team]:
    """The teams `user` may print cards for: their own, and those whose results they see."""
    if not (user.is_authenticated and can_hand_out_cards(user)):
        return Team.objects.none()
    return Team.objects.filter(Q(pk=user.team_id) | Q(pk__in=result_teams_for(user).values("pk")))


def team_codes_for(user) -> QuerySet[TeamCode]:
    return TeamCode.objects.filter(team__in=card_teams_for(user))
