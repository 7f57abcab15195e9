"""The dashboard's filters: a GET form, so a filtered view can be bookmarked and works without JavaScript."""

from crispy_forms_gds.layout import Div, Field
from django import forms

from portal.form_fields import filter_choice, form_helper
from supervision.dashboard import DEFAULT_PERIOD_MONTHS, PERIOD_MONTHS, DashboardFilters

PERIOD_CHOICES = [(months, f"Last {months} months") for months in PERIOD_MONTHS]


def _column(field: str) -> Div:
    return Div(Field.select(field), css_class="govuk-grid-column-one-third")


class DashboardFilterForm(forms.Form):
    team = filter_choice("Team", "Select a team from the list", coerce=int)
    supervisor = filter_choice("Supervisor", "Select a supervisor from the list", coerce=int)
    period = forms.TypedChoiceField(
        label="Period",
        choices=PERIOD_CHOICES,
        coerce=int,
        required=False,
        empty_value=DEFAULT_PERIOD_MONTHS,
        initial=DEFAULT_PERIOD_MONTHS,
        error_messages={"invalid_choice": "Select a period from the list"},
    )

    def __init__(self, *args, teams: list[tuple[int, str]], supervisors: list[tuple[int, str]], **kwargs):
        """`teams` and `supervisors` are the choices in the person's scope: any other value is an error,
        so nobody can filter their way to people they do not manage."""
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = [("", "All teams"), *teams]
        self.fields["supervisor"].choices = [("", "All supervisors"), *supervisors]
        self.helper = form_helper(
            Div(_column("team"), _column("supervisor"), _column("period"), css_class="govuk-grid-row"),
            get_form=True,
        )

    def filters(self) -> DashboardFilters:
        """The filters to apply: each valid choice, and the default for anything missing or wrong."""
        if not self.is_bound:
            return DashboardFilters()
        # Even when some fields have errors, cleaned_data keeps the ones that were valid.
        self.is_valid()
        cleaned = self.cleaned_data
        return DashboardFilters(
            team_id=cleaned.get("team"),
            supervisor_id=cleaned.get("supervisor"),
            months=cleaned.get("period") or DEFAULT_PERIOD_MONTHS,
        )
