"""The quarter chooser: a GET form, so a report's address can be bookmarked and works without JavaScript."""

from crispy_forms_gds.layout import Button, Field
from django import forms
from django.core.exceptions import ValidationError

from committee_report.quarters import FinancialQuarter, complete_quarters
from portal.form_fields import form_helper

NOT_ENDED = "That quarter has not ended yet: choose one that has"


class QuarterField(forms.ChoiceField):
    """A quarter from the list; one that has not ended by `today` is refused with its own message."""

    today = None

    def validate(self, value):
        quarter = FinancialQuarter.from_slug(value)
        if value and not self.valid_value(value) and quarter and self.today and quarter.last_day >= self.today:
            raise ValidationError(NOT_ENDED, code="not_ended")
        super().validate(value)


class QuarterForm(forms.Form):
    quarter = QuarterField(
        label="Quarter",
        help_text="Quarters of the financial year, April to March. Only quarters that have ended can be reported.",
        required=False,
        error_messages={"invalid_choice": "Select a quarter from the list"},
    )

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.quarters = complete_quarters(today)
        self.fields["quarter"].today = today
        self.fields["quarter"].choices = [(quarter.slug, quarter.label) for quarter in self.quarters]
        self.helper = form_helper(Field.select("quarter"), Button.secondary("show", "Show the report"), get_form=True)

    def chosen(self) -> FinancialQuarter | None:
        """The quarter asked for; the last complete one when none is; None when the choice is not one offered
        (the form then has an error to show)."""
        if not self.is_bound:
            return self.quarters[0]
        if not self.is_valid():
            return None
        return FinancialQuarter.from_slug(self.cleaned_data["quarter"]) or self.quarters[0]
