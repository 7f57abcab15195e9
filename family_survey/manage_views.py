"""Staff pages: feedback cards to hand out, the results by team and quarter, and the comments to read."""

import segno
from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST, require_safe

from family_survey import access, selectors, services
from family_survey.chart import results_chart
from family_survey.forms import ResultsFilterForm
from family_survey.models import CommentStatus, Response
from family_survey.questions import STATEMENTS
from portal import request_params
from portal.access import access_required
from portal.csv_export import csv_response

COMMENTS_PER_PAGE = 20
DECISIONS = {"show": CommentStatus.SHOWN, "hide": CommentStatus.HIDDEN}


# --- Feedback cards ---------------------------------------------------------------------------


@access_required(access.can_hand_out_cards)
@require_safe
def cards(request):
    teams = list(access.card_teams_for(request.user).order_by("name", "pk"))
    codes = dict(access.team_codes_for(request.user).filter(retired_on__isnull=True).values_list("team_id", "code"))
    return render(
        request,
        "family_survey/manage/cards.html",
        {"teams": [(team, codes.get(team.pk)) for team in teams]},
    )


def _qr_code(address: str) -> str:
    """The address as a QR code in inline SVG (no script, no style attribute: the page's CSP allows it).
    Hidden from screen readers: the address is printed beside it."""
    svg = segno.make(address, error="m").svg_inline(scale=4, svgclass="portal-card__qr", omitsize=True)
    return mark_safe(svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1))  # noqa: S308 - segno's own markup


@access_required(access.can_hand_out_cards)
@require_safe
def card(request, team_id):
    team = get_object_or_404(access.card_teams_for(request.user), pk=team_id)
    code = services.active_code(team, timezone.localdate())
    # The address people reach the site by, as in emails: a card is read away from this page.
    address = settings.PORTAL_BASE_URL.rstrip("/") + reverse("family_survey:questionnaire")
    with_code = f"{address}?{urlencode({'team': code.code})}"
    return render(
        request,
        "family_survey/manage/card.html",
        {
            "team": team,
            "code": code,
            "address": address,
            "with_code": with_code,
            "qr_code": _qr_code(with_code),
            "can_replace": access.can_replace_codes(request.user),
        },
    )


@access_required(access.can_replace_codes)
@require_POST
def replace_code(request, team_id):
    team = get_object_or_404(access.card_teams_for(request.user), pk=team_id)
    code = services.replace_code(team, timezone.localdate())
    messages.success(
        request, f"{team.name} has a new code, {code.code}. The old code no longer counts answers towards the team."
    )
    return redirect("family_survey:card", team_id=team.pk)


# --- Results ----------------------------------------------------------------------------------


def _results(request):
    """The filter form and the figures it chose."""
    teams = selectors.team_choices(request.user)
    form = ResultsFilterForm(request.GET or None, today=timezone.localdate(), teams=teams)
    quarter, team_id = form.chosen()
    return form, team_id, selectors.results(request.user, quarter, team_id, teams)


def _scope_name(request, form, team_id) -> str:
    if team_id is not None:
        return dict(form.fields["team"].choices)[team_id]
    return "the whole service" if access.sees_whole_service(request.user) else "all your teams"


@access_required(access.can_see_results)
@require_safe
def results(request):
    form, team_id, found = _results(request)
    quarter = found.quarter
    scope = _scope_name(request, form, team_id)
    query = urlencode({"quarter": quarter.slug, **({"team": team_id} if team_id else {})})
    current = found.current
    return render(
        request,
        "family_survey/manage/results.html",
        {
            "form": form,
            "results": found,
            "scope": scope,
            "whole_service": access.sees_whole_service(request.user),
            "query": query,
            "statements": [(statement, current.statements[statement.key]) for statement in STATEMENTS],
            "over_time": [
                (statement, [found.overall[each].statements[statement.key] for each in found.quarters])
                for statement in STATEMENTS
            ],
            "team_rows": [
                (row, [row.figures.statements[statement.key] for statement in STATEMENTS]) for row in found.teams
            ],
            "chart": results_chart(found, scope),
            "comments": selectors.shown_comments(request.user, quarter, team_id),
            "held": selectors.held_comment_count(request.user),
        },
    )


def _csv_figure(figure) -> list:
    if not figure.shown:
        return ["fewer than 5" if figure.answers < selectors.MIN_ANSWERS else "not shown", "", ""]
    return [figure.answers, figure.percent_agreed, figure.average]


@access_required(access.can_see_results)
@require_safe
def results_csv(request):
    form, team_id, found = _results(request)
    if form.errors:
        # A file has nowhere to say what is wrong: the page with the same choices does.
        return redirect(f"{reverse('family_survey:results')}?{request.GET.urlencode()}")
    quarter = found.quarter
    scope = _scope_name(request, form, team_id)
    # Each team's figures for the chosen quarter, and the chosen scope's for each of the four quarters.
    groups = [(each, scope[0].upper() + scope[1:], found.overall[each]) for each in found.quarters]
    groups += [(quarter, row.name, row.figures) for row in found.teams]
    rows = (
        [each.label, name, statement.short, *_csv_figure(figures.statements[statement.key])]
        for each, name, figures in groups
        for statement in STATEMENTS
    )
    return csv_response(
        f"families-feedback-{quarter.slug}.csv",
        ["Quarter", "Team", "Statement", "Answers", "Agreed (%)", "Average score (1 to 5)"],
        rows,
    )


# --- Comments ---------------------------------------------------------------------------------


@access_required(access.can_see_results)
@require_safe
def comments(request):
    status = request_params.choice(request.GET.get("status"), CommentStatus) or CommentStatus.HELD
    page = Paginator(selectors.comments(request.user, status), COMMENTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "family_survey/manage/comments.html",
        {
            "status": status,
            "status_label": CommentStatus(status).label.lower(),
            "statuses": CommentStatus.choices,
            "page": page,
            "comments": selectors.with_warnings(page),
            "query": urlencode({"status": status}),
        },
    )


@access_required(access.can_see_results)
@require_POST
def decide_comment(request, pk):
    decision = DECISIONS.get(request_params.choice(request.POST.get("decision"), DECISIONS))
    try:
        answers = selectors.comment_for(request.user, pk)
    except Response.DoesNotExist as error:
        raise Http404("No comment of yours with that number") from error
    back = request_params.local_url(request, request.POST.get("next")) or reverse("family_survey:comments")
    if decision is None:
        messages.error(request, "Choose whether to show or hide the comment.")
        return redirect(back)
    services.decide_comment(answers, decision)
    if decision == CommentStatus.SHOWN:
        messages.success(request, f"The comment from {answers.month:%B %Y} is now shown in reports.")
    else:
        messages.success(request, f"The comment from {answers.month:%B %Y} is hidden. Reports will not show it.")
    return redirect(back)
