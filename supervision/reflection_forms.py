"""The form for an entry in an ASYE worker's critical-reflection log."""

from datetime import timedelta

from crispy_forms_gds.layout import Button, Field, Fluid
from django import forms
from django.utils import timezone

from portal.form_fields import date_field, form_helper, text_field
from supervision.forms import VersionedForm


class CriticalReflectionForm(VersionedForm):
    written_on = date_field("Date")
    title = forms.CharField(
        label="Title",
        max_length=200,
        help_text="A few words to find it again, like “A first child protection conference”.",
        error_messages={"required": "Enter a title", "max_length": "Keep the title to 200 characters or fewer"},
    )
    text = text_field(
        "Your reflection",
        required=True,
        rows=12,
        help_text="What happened, what you thought and felt, what theory and research say, and what you will do "
        "differently. Refer to families by their role (“the mother”), never by name.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["written_on"].error_messages["required"] = "Enter the date"
        self.helper = form_helper(
            Field.text("written_on", field_width=Fluid.ONE_THIRD),
            Field.text("title", field_width=Fluid.TWO_THIRDS),
            Field.textarea("text"),
            Button("save", "Save your reflection"),
        )

    def clean_written_on(self):
        written_on = self.cleaned_data["written_on"]
        today = timezone.localdate()
        if written_on > today:
            raise forms.ValidationError("The date must be today or in the past")
        if written_on < today - timedelta(days=3 * 366):
            raise forms.ValidationError("The date must be within the last 3 years")
        return written_on

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError("Enter a title")
        return title
