"""What families' feedback adds to the portal: the public questionnaire inside the guide's address
(guide/tell-us/), staff-home tiles for cards and results, role permissions and demo answers
(registered in FamilySurveyConfig.ready(); see portal.features)."""

from family_survey import access
from portal.features import DemoLoader, Feature, Pages, Tile
from portal.roles import Role

# The names in family_survey/public_urls.py (tests check the two agree).
PUBLIC_PAGES = {"questionnaire", "thanks"}


def is_public(url_name: str) -> bool:
    """The questionnaire and its thank-you page are for families; the rest is for staff."""
    return url_name in PUBLIC_PAGES


def _results_description(user) -> str:
    scope = "every team in your service" if access.sees_whole_service(user) else "your teams"
    return f"What families say about their social worker, for {scope}; read their comments before reports show them."


def load_demo(people, today) -> str:
    # Imported here: only load_demo needs the demo answers, not every web request.
    from family_survey import demo

    added = demo.load(people, today)
    if not added:
        return "Families' feedback: the demo answers are already there."
    return f"Families' feedback: {added} answers added over the last four quarters."


FEATURE = Feature(
    app_label="family_survey",
    tiles=[
        Tile(
            order=145,
            title="Feedback cards for families",
            url_name="family_survey:cards",
            description="Print cards with your team's code, so families can tell us how it is going.",
            visible_to=access.can_hand_out_cards,
        ),
        Tile(
            order=150,
            title="What families tell us",
            url_name="family_survey:results",
            description=_results_description,
            visible_to=access.can_see_results,
        ),
    ],
    demo=DemoLoader(order=40, load=load_demo),
    # Inside the guide's own address: portal/urls.py mounts a longer prefix before a shorter one.
    urls=Pages(prefix="guide/tell-us/", module="family_survey.urls", is_public=is_public, translated=True),
    # Printing cards needs no permission: anyone in a team may (family_survey.access).
    role_permissions={
        Role.SUPERVISOR: [
            "family_survey.replace_team_code",
            "family_survey.view_survey_results",
        ],
        Role.SERVICE_MANAGER: [
            "family_survey.replace_team_code",
            "family_survey.view_survey_results",
            "family_survey.view_service_survey_results",
        ],
    },
)
