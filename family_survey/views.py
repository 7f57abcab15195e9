"""The families' questionnaire: public, anonymous, and working without JavaScript."""

from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_safe

from family_survey import services
from family_survey.codes import TYPED_MAX
from family_survey.forms import SurveyForm
from family_survey.questions import CHILDREN, EASY_READ, PARENTS, version_for
from portal import request_params
from practice_guide import guide_cache, page_cache, ratelimit
from practice_guide.models import Reader
from practice_guide.reader import reader_of

SURVEY_LIMIT = 10  # questionnaires per address per hour: a family centre's shared connection, not a robot's
# Every sending counts towards this one, kept or not, so team codes cannot be guessed without end. It
# leaves room for the families behind SURVEY_LIMIT to fix a mistake or check a comment.
TRIES_LIMIT = 30
SWITCH_TO = {
    PARENTS: _("Read the version for parents and carers"),
    CHILDREN: _("Read the version for children and young people"),
    EASY_READ: _("Read the easy read version"),
}


def _versions(request, current: str) -> list[tuple[str, str, str]]:
    """The other versions a reader can switch to: (reader value, link text, where the switch comes back to)."""
    back = request.get_full_path() if request.method == "GET" else request.path
    return [(value, SWITCH_TO.get(value, label), back) for value, label in Reader.choices if value != current]


@require_http_methods(["GET", "POST"])
def questionnaire(request):
    reader = reader_of(request)
    version = version_for(reader)
    if request.method == "POST":
        if not ratelimit.allow(request, "family-survey-tries", limit=TRIES_LIMIT, seconds=60 * 60):
            return _limited(request, version)
        form = SurveyForm(request.POST, reader=version)
        if form.is_from_a_robot:  # say thanks, keep nothing
            return redirect("family_survey:thanks")
        if form.is_valid() and form.comment_needs_a_second_look:
            # Ask once: the family may take the details out, or send the answers as they are.
            checked = request.POST.copy()
            checked["comment_checked"] = "true"
            form = SurveyForm(checked, reader=version)
            form.is_valid()
            return _page(request, form, reader, version, check_comment=True)
        if form.is_valid():
            if not ratelimit.allow(request, "family-survey", limit=SURVEY_LIMIT, seconds=60 * 60):
                return _limited(request, version)
            services.record_response(
                answers=form.answers,
                comment=form.cleaned_data["comment"],
                team=form.cleaned_data["team_code"],
                reader=version,
                today=timezone.localdate(),
            )
            return redirect("family_survey:thanks")
    else:
        # From the QR code on a card: /guide/tell-us/?team=K7P2XQ. Checked when the answers are sent.
        typed = request_params.text(request.GET.get("team"), max_length=TYPED_MAX) or ""
        form = SurveyForm(initial={"team_code": typed.strip()}, reader=version)
        # The empty questionnaire is the same for every family reading the same version: the guide's
        # whole-page cache keeps it (not one with a team code: the middleware never keeps a query string).
        generation = getattr(request, "guide_generation", None) or guide_cache.generation()
        return page_cache.mark(_page(request, form, reader, version), generation)
    return _page(request, form, reader, version)


def _limited(request, version):
    return render(request, "family_survey/limited.html", {"reader": version}, status=429)


def _page(request, form, reader, version, *, check_comment=False):
    return render(
        request,
        "family_survey/questionnaire.html",
        {
            "form": form,
            "reader": version,
            "versions": _versions(request, reader),
            "check_comment": check_comment,
        },
    )


@require_safe
def thanks(request):
    return render(request, "family_survey/thanks.html", {"reader": version_for(reader_of(request))})
