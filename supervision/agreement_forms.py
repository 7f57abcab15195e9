"""The supervision agreement form: how often, where and how, and what stays confidential."""

from crispy_forms_gds.layout import Button, Field, Fluid, Size
from django import forms

from portal.form_fields import date_field, form_helper, text_field
from supervision.forms import VersionedForm
from supervision.models import Frequency


class AgreementForm(VersionedForm):
    supervisee = forms.ModelChoiceField(
        queryset=None,
        label="Supervisee",
        empty_label="Choose a person",
        error_messages={
            "required": "Choose who this agreement is with",
            "invalid_choice": "Choose a person you manage",
        },
    )
    starts_on = date_field("Start date")
    frequency = forms.ChoiceField(
        label="How often you will meet",
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        help_text="Monthly is the usual pattern. Use the ASYE pattern in a worker’s first year after qualifying.",
        error_messages={"required": "Choose how often you will meet"},
    )
    arrangements = text_field(
        "Where and how",
        required=True,
        help_text="Where you meet, for how long, how sessions are booked and moved, and what happens if one is missed.",
    )
    confidentiality = text_field(
        "Confidentiality",
        required=True,
        help_text="What stays between you, what the supervisor must pass on and to whom, and who can read the record.",
    )

    def __init__(self, *args, supervisees=None, **kwargs):
        """Pass `supervisees` (people one may choose) to make a new agreement; leave it out to change one."""
        super().__init__(*args, creating=supervisees is not None, **kwargs)
        fields = []
        if supervisees is None:
            del self.fields["supervisee"]
        else:
            self.fields["supervisee"].queryset = supervisees
            fields.append(Field.select("supervisee"))
        self.helper = form_helper(
            *fields,
            Field.text("starts_on", field_width=Fluid.ONE_THIRD),
            Field.radios("frequency", legend_size=Size.SMALL),
            Field.textarea("arrangements"),
            Field.textarea("confidentiality"),
            Button("save", "Save agreement"),
        )
