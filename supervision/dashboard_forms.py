"""The dashboard's filters: a GET form, so a filtered view can be bookmarked and works without JavaScript.

The three selects are written here, in the GOV.UK markup crispy-forms-gds gives a select (label, error
message tied to the select by aria-describedby, the error classes), rather than by `{% crispy %}`: its
templates took about as long to render as the rest of the dashboard's page, for three selects.
"""

from crispy_forms.helper import FormHelper
from django import forms
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from portal.form_fields import filter_choice
from supervision.dashboard import DEFAULT_PERIOD_MONTHS, PERIOD_MONTHS, DashboardFilters

PERIOD_CHOICES = [(months, f"Last {months} months") for months in PERIOD_MONTHS]


def _select(field: forms.BoundField) -> str:
    """One select in its form group, with its error message if it has one."""
    errors = field.errors
    name, field_id = escape(field.html_name), escape(field.id_for_label)
    chosen = field.value()
    chosen = "" if chosen is None else str(chosen)
    options = "".join(
        f'<option value="{escape(value)}"{" selected" if str(value) == chosen else ""}>{escape(label)}</option>'
        for value, label in field.field.choices
    )
    group_class, select_attributes, error = "govuk-form-group", 'class="govuk-select"', ""
    if errors:
        error_id = f"{field_id}_1_error"
        group_class += " govuk-form-group--error"
        select_attributes = f'aria-describedby="{error_id}" class="govuk-select govuk-input--error" aria-invalid="true"'
        error = (
            f'<span id="{error_id}" class="govuk-error-message"> '
            f'<span class="govuk-visually-hidden">Error:</span> {escape(errors[0])}</span> '
        )
    return (
        '<div class="govuk-grid-column-one-third">'
        f'<div id="div_{field_id}" class="{group_class}">'
        f'<label for="{field_id}" class="govuk-label">{escape(field.label)}</label> {error}'
        f'<select name="{name}" {select_attributes} id="{field_id}">{options}</select>'
        "</div></div>"
    )


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
        self.set_choices(teams, supervisors)

    def set_choices(self, teams: list[tuple[int, str]], supervisors: list[tuple[int, str]]):
        self.fields["team"].choices = [("", "All teams"), *teams]
        self.fields["supervisor"].choices = [("", "All supervisors"), *supervisors]

    @property
    def helper(self) -> FormHelper:
        """What the error summary (`{% error_summary %}`) reads: a page with errors shows them."""
        return FormHelper()

    def selects(self) -> SafeString:
        """The three selects side by side: every label and choice is escaped, the rest is our markup."""
        selects = "".join(_select(self[name]) for name in ("team", "supervisor", "period"))
        return mark_safe(f'<div class="govuk-grid-row">{selects}</div>')  # noqa: S308 - built from escaped parts

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
