"""Forms for agreements, sessions, reflections, actions, preparation and group sessions."""

import re
from datetime import date, timedelta

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Fieldset, Fluid, Layout, Size
from django import forms
from django.utils import timezone

from portal.form_fields import date_field, text_field
from supervision.frames import FRAMES, FrameChoice
from supervision.models import ComplexityChoice, Frequency, ResponseChoice

# Case references are letters, digits and dashes or slashes: never a name.
CASE_REFERENCE = re.compile(r"^[A-Z0-9][A-Z0-9/-]{2,19}$")


def _helper(*fields) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    # The hidden `version` field is not in the layout; crispy-forms leaves it out unless told.
    helper.render_hidden_fields = True
    helper.layout = Layout(*fields)
    return helper


class VersionedForm(forms.Form):
    """A form for a record two people may save at once: it carries the version it was opened at.

    A form that creates a record has no version yet (`creating=True`).
    """

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, creating: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if creating:
            del self.fields["version"]


# --- Agreements ---------------------------------------------------------------------------


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
        self.helper = _helper(
            *fields,
            Field.text("starts_on", field_width=Fluid.ONE_THIRD),
            Field.radios("frequency", legend_size=Size.SMALL),
            Field.textarea("arrangements"),
            Field.textarea("confidentiality"),
            Button("save", "Save agreement"),
        )


# --- Sessions -----------------------------------------------------------------------------


class BookSessionForm(forms.Form):
    agreement = forms.ModelChoiceField(
        queryset=None,
        label="Supervisee",
        empty_label="Choose a supervisee",
        error_messages={
            "required": "Choose who the session is with",
            "invalid_choice": "Choose one of your supervisees",
        },
    )
    held_on = date_field("Date of the session")
    frame = forms.ChoiceField(
        label="Reflective frame",
        choices=FrameChoice.choices,
        widget=forms.RadioSelect,
        initial=FrameChoice.INTEGRATED,
        help_text="You can change this when you write the session up.",
    )

    def __init__(self, *args, agreements, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agreement"].queryset = agreements
        self.fields["agreement"].label_from_instance = lambda agreement: agreement.supervisee.get_full_name()
        self.helper = _helper(
            Field.select("agreement"),
            Field.text("held_on", field_width=Fluid.ONE_THIRD),
            Field.radios("frame", legend_size=Size.SMALL),
            Button("save", "Save"),
        )

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        today = timezone.localdate()
        if held_on > today + timedelta(days=366):
            raise forms.ValidationError("The date must be within the next year")
        if held_on < today - timedelta(days=366):
            raise forms.ValidationError("The date must be within the last year")
        return held_on


class SessionRecordForm(VersionedForm):
    """The supervisor's record. The fields for the chosen frame's prompts are added on the fly."""

    held_on = date_field("Date of the session")
    caseload_children = forms.IntegerField(
        label="Children on the worker’s caseload on this date",
        required=False,
        min_value=0,
        max_value=200,
        help_text="Leave empty if you did not check.",
        error_messages={
            "invalid": "Enter the number of children as a whole number, like 18",
            "min_value": "The number of children cannot be less than 0",
            "max_value": "The number of children must be 200 or fewer",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    caseload_complexity = forms.ChoiceField(
        label="Complexity of the caseload",
        choices=[("", "Not known"), *ComplexityChoice.choices],
        required=False,
    )
    scale = forms.IntegerField(
        label="On a scale of 0 to 10, how safe is the child now?",
        help_text="10: everyone agrees the child is safe enough to close the case. 0: harm is certain to happen.",
        required=False,
        min_value=0,
        max_value=10,
        error_messages={
            "invalid": "Enter a whole number from 0 to 10",
            "min_value": "Enter a number from 0 to 10",
            "max_value": "Enter a number from 0 to 10",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )

    def __init__(self, *args, frame: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.frame = FRAMES[frame]
        prompt_fields = []
        for prompt in self.frame.prompts:
            self.fields[f"note_{prompt.key}"] = text_field(prompt.label, help_text=prompt.hint)
            prompt_fields.append(Field.textarea(f"note_{prompt.key}"))
        if not self.frame.has_scale:
            del self.fields["scale"]
        else:
            prompt_fields.insert(3, Field.text("scale", field_width=2))
        self.helper = _helper(
            Field.text("held_on", field_width=Fluid.ONE_THIRD),
            Fieldset(*prompt_fields, legend=self.frame.label, legend_size=Size.MEDIUM),
            Fieldset(
                Field.text("caseload_children", field_width=3),
                Field.select("caseload_complexity"),
                legend="Caseload",
                legend_size=Size.MEDIUM,
            ),
            Button("save", "Save the record"),
        )

    def notes(self) -> dict:
        return {prompt.key: self.cleaned_data.get(f"note_{prompt.key}", "") for prompt in self.frame.prompts}


class ReflectionForm(VersionedForm):
    reflection = text_field(
        "Your reflection",
        required=True,
        help_text="What you took from the session, what you will do differently, and anything the record misses.",
        rows=8,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.textarea("reflection"), Button("save", "Save your reflection"))


class SupervisorSignForm(VersionedForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(Button("sign", "Sign off this record"))


class SuperviseeSignForm(VersionedForm):
    response = forms.ChoiceField(
        label="Do you agree with the supervisor’s record?",
        choices=ResponseChoice.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether you agree with the record"},
    )
    comment = text_field(
        "What do you disagree with?",
        help_text="Your comment is kept with the record. Your supervisor will see it.",
        rows=4,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.radios("response", legend_size=Size.SMALL),
            Field.textarea("comment"),
            Button("sign", "Sign off this record"),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("response") == ResponseChoice.DISAGREE and not cleaned.get("comment", "").strip():
            self.add_error("comment", "Say what you disagree with, so it is kept with the record")
        return cleaned


class CaseDiscussionForm(forms.Form):
    case_reference = forms.CharField(
        label="Case reference",
        max_length=20,
        help_text="The case number from the case management system, like CS-10442. Never a child’s name.",
        error_messages={
            "required": "Enter the case reference",
            "max_length": "A case reference is 20 characters or fewer",
        },
    )
    discussion = text_field("What you discussed", required=True, rows=6)
    decisions = text_field("Decisions and direction", rows=4)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("case_reference", field_width=10),
            Field.textarea("discussion"),
            Field.textarea("decisions"),
            Button("save", "Add the case discussion"),
        )

    def clean_case_reference(self):
        reference = self.cleaned_data["case_reference"].strip().upper()
        if not CASE_REFERENCE.match(reference):
            raise forms.ValidationError(
                "Enter a case reference of 3 to 20 letters, numbers, dashes or slashes, like CS-10442"
            )
        return reference


class ActionForm(forms.Form):
    description = forms.CharField(
        label="What needs to happen",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what needs to happen", "max_length": "Keep it to 500 characters or fewer"},
    )
    owner = forms.TypedChoiceField(
        label="Who will do it",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who will do it"},
    )
    due_on = date_field("Due date")

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {session.supervisee_id: session.supervisee, session.supervisor_id: session.supervisor}
        self.fields["owner"].choices = [
            (session.supervisee_id, f"{session.supervisee.get_full_name()} (supervisee)"),
            (session.supervisor_id, f"{session.supervisor.get_full_name()} (supervisor)"),
        ]
        self.fields["owner"].initial = session.supervisee_id
        self.helper = _helper(
            Field.textarea("description"),
            Field.radios("owner", legend_size=Size.SMALL),
            Field.text("due_on", field_width=Fluid.ONE_THIRD),
            Button("save", "Add the action"),
        )

    def clean_owner(self):
        # The choices allow only these two people, so this always finds one.
        return self.people[self.cleaned_data["owner"]]

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        if due_on > timezone.localdate() + timedelta(days=366):
            raise forms.ValidationError("The due date must be within the next year")
        return due_on


class AddendumForm(forms.Form):
    text = text_field(
        "Addendum",
        required=True,
        help_text="Added below the signed record with your name and the date. The record itself does not change.",
        rows=6,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.textarea("text"), Button("save", "Add the addendum"))


# --- Preparation --------------------------------------------------------------------------


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
        self.helper = _helper(
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


# --- Group sessions -----------------------------------------------------------------------


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
        self.helper = _helper(
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
