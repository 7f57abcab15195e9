"""The group supervision session form."""

from datetime import date, timedelta

from crispy_forms_gds.layout import Button, Field, Fluid, Size
from django import forms
from django.utils import timezone

from portal.form_fields import date_field, form_helper, text_field
from supervision.forms import VersionedForm


class GroupSessionForm(VersionedForm):
    held_on = date_field("Date")
    theme = forms.CharField(
        label="Theme",
        max_length=200,
        error_messages={"required": "Enter the theme of the session", "max_length": "Keep the theme to 200 characters"},
    )
    hours = forms.DecimalField(
        label="Length in hours",
        min_value=0.5,
        max_value=8,
        max_digits=3,
        decimal_places=1,
        initial=3.5,
        help_text="Counts toward each attendee’s CPD hours. A half day is 3.5.",
        error_messages={
            "required": "Enter the length in hours",
            "invalid": "Enter the length as a number, like 3.5",
            "min_value": "The length must be at least half an hour",
            "max_value": "The length must be 8 hours or fewer",
            "max_decimal_places": "Give the length to the nearest half hour or tenth, like 3.5",
        },
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    attendees = forms.ModelMultipleChoiceField(
        queryset=None,
        label="Who came",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose people from the list"},
    )
    learning_points = text_field(
        "Learning points",
        help_text="What the group learned, in general terms. No names of families, children or staff.",
        rows=8,
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = people
        self.helper = form_helper(
            Field.text("held_on", field_width=Fluid.ONE_THIRD),
            Field.text("theme"),
            Field.text("hours", field_width=3),
            Field.checkboxes("attendees", legend_size=Size.SMALL, small=True),
            Field.textarea("learning_points"),
            Button("save", "Save the group session"),
        )

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on > timezone.localdate() + timedelta(days=366):
            raise forms.ValidationError("The date must be within the next year")
        if held_on < date(2000, 1, 1):
            raise forms.ValidationError("Enter a date after 1 January 2000")
        return held_on
