"""The people list's filters. Choices come from the administrator's own service, so a team from
elsewhere is an error on the form, never a lookup."""

from crispy_forms_gds.layout import Div, Field
from django import forms

from portal.form_fields import filter_choice, form_helper
from portal.people import selectors


def _column(field, width: str = "govuk-grid-column-one-quarter") -> Div:
    return Div(field, css_class=width)


class PeopleFilterForm(forms.Form):
    q = forms.CharField(
        label="Name or email address",
        required=False,
        max_length=200,
        error_messages={"max_length": "Search for 200 characters or fewer"},
    )
    team = filter_choice("Team", "Select a team from the list", coerce=int)
    role = filter_choice("Role", "Select a role from the list", coerce=int)
    status = forms.ChoiceField(
        label="Status",
        required=False,
        error_messages={"invalid_choice": "Select a status from the list"},
    )

    def __init__(self, *args, teams, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = [("", "All teams"), *((team.pk, team.name) for team in teams)]
        self.fields["role"].choices = [("", "All roles"), *((group.pk, group.name) for group in roles)]
        self.fields["status"].choices = [("", "Any status"), *selectors.STATUS_CHOICES]
        self.helper = form_helper(
            Div(
                _column(Field.text("q"), "govuk-grid-column-full"),
                css_class="govuk-grid-row",
            ),
            Div(
                _column(Field.select("team"), "govuk-grid-column-one-third"),
                _column(Field.select("role"), "govuk-grid-column-one-third"),
                _column(Field.select("status"), "govuk-grid-column-one-third"),
                css_class="govuk-grid-row",
            ),
            get_form=True,
        )

    def filters(self) -> selectors.PeopleFilters:
        """Each valid filter; anything missing or wrong is left out (and its error shown)."""
        if not self.is_bound:
            return selectors.PeopleFilters()
        self.is_valid()
        cleaned = self.cleaned_data
        return selectors.PeopleFilters(
            query=(cleaned.get("q") or "").strip(),
            team_id=cleaned.get("team"),
            role_id=cleaned.get("role"),
            status=cleaned.get("status") or None,
        )
