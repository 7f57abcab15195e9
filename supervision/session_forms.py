"""Forms for a supervision session: booking it, the record and the reflection, signing off, actions and
addenda. A case discussed has its own module, `case_forms`."""

import re
from datetime import timedelta

from crispy_forms_gds.layout import Button, Field, Fieldset, Fluid, Size
from django import forms
from django.utils import timezone

from portal.form_fields import date_field, form_helper, text_field
from practice_guide.models import Audience, GuidePart, Kind
from supervision.balance import FUNCTIONS, LengthAndBalance
from supervision.forms import VersionedForm
from supervision.frames import FRAMES, FrameChoice
from supervision.models import ComplexityChoice, ResponseChoice

# Case references are letters, digits and dashes or slashes: never a name.
CASE_REFERENCE = re.compile(r"^[A-Z0-9][A-Z0-9/-]{2,19}$")


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
        self.helper = form_helper(
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


def published_handbook_tools():
    """The handbook's tool pages staff can read now, with their published text, in the handbook's order."""
    return GuidePart.objects.published(Audience.STAFF).filter(kind=Kind.TOOL)


def _minutes_field(label: str, help_text: str, *, what: str, least: int) -> forms.IntegerField:
    """A number of minutes from `least` to 480 (eight hours), or empty; `what` names it in error messages."""
    too_few = f"{what} must be at least 1 minute" if least else f"{what} cannot be less than 0"
    example = "a whole number of minutes, like 90" if least else "a whole number, like 30"
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        required=False,
        min_value=least,
        max_value=480,
        error_messages={
            "invalid": f"Enter {what[0].lower()}{what[1:]} as {example}",
            "min_value": too_few,
            "max_value": f"{what} must be 480 (8 hours) or fewer",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
    )


# What each of the four functions covers, as the form's hints say it.
FUNCTION_HINTS = {
    "management": "Cases: plans, decisions, tasks and deadlines.",
    "support": "How the work is affecting the worker.",
    "development": "Learning, skills, research and reflecting on practice.",
    "mediation": "The team, the organisation and partner agencies.",
}


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

    minutes = _minutes_field(
        "Length of the session",
        "In minutes. An hour and a half is 90. Leave empty if you did not note it.",
        what="The length of the session",
        least=1,
    )
    minutes_management = _minutes_field(
        "Case management", FUNCTION_HINTS["management"], what="The minutes of case management", least=0
    )
    minutes_support = _minutes_field("Support", FUNCTION_HINTS["support"], what="The minutes of support", least=0)
    minutes_development = _minutes_field(
        "Professional development", FUNCTION_HINTS["development"], what="The minutes of development", least=0
    )
    minutes_mediation = _minutes_field(
        "Mediation", FUNCTION_HINTS["mediation"], what="The minutes of mediation", least=0
    )

    tools = forms.ModelMultipleChoiceField(
        queryset=None,
        label="Tools from the practice handbook you used",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply. Each links to the tool’s page in the handbook.",
        error_messages={
            "invalid_choice": "Choose tools from the list",
            "invalid_pk_value": "Choose tools from the list",
        },
    )

    def __init__(self, *args, frame: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.frame = FRAMES[frame]
        tools = published_handbook_tools()
        if tools.exists():
            self.fields["tools"].queryset = tools
            self.fields["tools"].label_from_instance = lambda part: part.published.title
        else:
            # Nothing published to choose from: saving leaves the session's tools alone.
            del self.fields["tools"]
        prompt_fields = []
        for prompt in self.frame.prompts:
            self.fields[f"note_{prompt.key}"] = text_field(prompt.label, help_text=prompt.hint)
            prompt_fields.append(Field.textarea(f"note_{prompt.key}"))
        if not self.frame.has_scale:
            del self.fields["scale"]
        else:
            prompt_fields.insert(3, Field.text("scale", field_width=2))
        self.helper = form_helper(
            Field.text("held_on", field_width=Fluid.ONE_THIRD),
            Fieldset(*prompt_fields, legend=self.frame.label, legend_size=Size.MEDIUM),
            *([Field.checkboxes("tools", legend_size=Size.MEDIUM, small=True)] if "tools" in self.fields else []),
            Fieldset(
                Field.text("caseload_children", field_width=3),
                Field.select("caseload_complexity"),
                legend="Caseload",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.text("minutes", field_width=3),
                Fieldset(
                    *(Field.text(f"minutes_{name}", field_width=3) for name, _label in FUNCTIONS),
                    legend="How the time was spent, in minutes",
                    legend_size=Size.SMALL,
                ),
                legend="Length and balance",
                legend_size=Size.MEDIUM,
            ),
            Button("save", "Save the record"),
        )

    def notes(self) -> dict:
        return {prompt.key: self.cleaned_data.get(f"note_{prompt.key}", "") for prompt in self.frame.prompts}

    def clean(self):
        """The four functions' minutes are all given and add up to the length, or all left empty."""
        cleaned = super().clean()
        names = ["minutes", *(f"minutes_{name}" for name, _label in FUNCTIONS)]
        if any(self.has_error(name) for name in names):
            return cleaned
        parts = {name: cleaned.get(f"minutes_{name}") for name, _label in FUNCTIONS}
        if all(value is None for value in parts.values()):
            return cleaned
        missing = [(name, label) for name, label in FUNCTIONS if parts[name] is None]
        if missing:
            # Every missing part at once, and the length if that is missing too, so one correction is enough.
            if cleaned.get("minutes") is None:
                self.add_error("minutes", "Enter the length of the session, or leave all four parts empty")
            for name, label in missing:
                self.add_error(
                    f"minutes_{name}", f"Enter the minutes spent on {label.lower()}, or leave all four parts empty"
                )
            return cleaned
        total, length = sum(parts.values()), cleaned.get("minutes")
        if length is None:
            self.add_error("minutes", f"Enter the length of the session: the four parts add up to {total} minutes")
        elif total != length:
            self.add_error(
                "minutes_management",
                f"The four parts add up to {total} minutes but the session lasted {length} minutes. "
                "Make them add up, or leave all four empty",
            )
        return cleaned

    def length_and_balance(self) -> LengthAndBalance:
        data = self.cleaned_data
        return LengthAndBalance(data.get("minutes"), *(data.get(f"minutes_{name}") for name, _label in FUNCTIONS))


class ReflectionForm(VersionedForm):
    reflection = text_field(
        "Your reflection",
        required=True,
        help_text="What you took from the session, what you will do differently, and anything the record misses.",
        rows=8,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field.textarea("reflection"), Button("save", "Save your reflection"))


class SupervisorSignForm(VersionedForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Button("sign", "Sign off this record"))


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
        self.helper = form_helper(
            Field.radios("response", legend_size=Size.SMALL),
            Field.textarea("comment"),
            Button("sign", "Sign off this record"),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("response") == ResponseChoice.DISAGREE and not cleaned.get("comment", "").strip():
            self.add_error("comment", "Say what you disagree with, so it is kept with the record")
        return cleaned


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
        self.helper = form_helper(
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
        self.helper = form_helper(Field.textarea("text"), Button("save", "Add the addendum"))
