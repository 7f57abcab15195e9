"""Supervision forms shared by the others (a record's version), and a person's own preparation notes.

Each area's forms are in their own module: `agreement_forms`, `session_forms`, `group_forms`.
"""

from crispy_forms_gds.layout import Button, Field
from django import forms

from portal.form_fields import form_helper, text_field


class VersionedForm(forms.Form):
    """A form for a record two people may save at once: it carries the version it was opened at.

    A form that creates a record has no version yet (`creating=True`).
    """

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, creating: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if creating:
            del self.fields["version"]


class PreparationForm(VersionedForm):
    session = forms.ModelChoiceField(
        queryset=None,
        label="For which session",
        required=False,
        empty_label="Not linked to a session yet",
        error_messages={"invalid_choice": "Choose one of your booked sessions"},
    )
    went_well = text_field("What went well", help_text="Work you are proud of, and what made it possible.")
    worries = text_field("What worries me", help_text="Cases, decisions or pressures that are on your mind.")
    to_think_about = text_field("What I want to think about", help_text="What you want from this session.")

    def __init__(self, *args, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = sessions
        self.fields["session"].label_from_instance = lambda session: (
            f"{session.held_on:%-d %B %Y} with {session.supervisor}"
        )
        self.helper = form_helper(
            Field.select("session"),
            Field.textarea("went_well"),
            Field.textarea("worries"),
            Field.textarea("to_think_about"),
            Button("save", "Save your notes"),
        )

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(name, "").strip() for name in ("went_well", "worries", "to_think_about")):
            raise forms.ValidationError("Write something in at least one of the boxes")
        return cleaned
