"""Forms for a course's dates: adding or changing one, and cancelling it."""

import re
from datetime import datetime, time, timedelta

from crispy_forms_gds.layout import Button, Field, Fluid, Size
from django import forms
from django.utils import timezone

from portal.form_fields import date_field, form_helper
from training.models import DateKind
from training.practice_development import DECISIONS_MAX
from training.running_forms import RegisterForm

# Times typed as 09:30, 9:30, 9.30 or 0930.
TIME = re.compile(r"^(?P<hour>[01]?\d|2[0-3])[:.]?(?P<minute>[0-5]\d)$")
NEW_DATE_HORIZON = timedelta(days=2 * 366)


def time_field(label: str, help_text: str = "Use the 24-hour clock, for example 09:30 or 14:00") -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=5,
        error_messages={"required": f"Enter the {label.lower()}", "max_length": "Enter a time like 09:30"},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


def decisions_field() -> forms.CharField:
    """What a practice development session decided."""
    return forms.CharField(
        label="What was decided",
        required=False,
        max_length=DECISIONS_MAX,
        help_text="What the session agreed, and who will do what. Do not write the names of families or children.",
        error_messages={"max_length": f"Keep what was decided to {DECISIONS_MAX:,} characters"},
        widget=forms.Textarea(attrs={"rows": 6}),
    )


def _parse_time(value: str) -> time:
    match = TIME.match(value.strip())
    if not match:
        raise forms.ValidationError("Enter a time like 09:30, using the 24-hour clock")
    return time(int(match["hour"]), int(match["minute"]))


class CourseDateForm(forms.Form):
    """A date for a course. Pass `course_date` to change one; leave it out (and pass `courses`) to add one."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    course = forms.ModelChoiceField(
        queryset=None,
        label="Course",
        empty_label="Choose a course",
        error_messages={"required": "Choose the course", "invalid_choice": "Choose a course from the list"},
    )
    start_date = date_field("Date")
    start_time = time_field("Start time")
    end_time = time_field("End time")
    location = forms.CharField(
        label="Where",
        max_length=200,
        help_text="A room and building, or “Online”.",
        error_messages={
            "required": "Enter where the course is, or “Online”",
            "max_length": "Keep it to 200 characters",
        },
    )
    is_online = forms.TypedChoiceField(
        label="Is it online?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether the course is online"},
    )
    capacity = forms.IntegerField(
        label="Places",
        min_value=1,
        max_value=500,
        help_text="How many people can come.",
        error_messages={
            "required": "Enter the number of places",
            "invalid": "Enter the number of places as a whole number, like 12",
            "min_value": "There must be at least 1 place",
            "max_value": "There can be at most 500 places",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    facilitator = forms.CharField(
        label="Facilitator",
        max_length=200,
        required=False,
        help_text="Who leads it. Leave empty if you do not know yet.",
        error_messages={"max_length": "Keep it to 200 characters"},
    )
    kind = forms.ChoiceField(
        label="What kind of date is it?",
        choices=[(DateKind.COURSE, "Training"), (DateKind.PRACTICE_DEVELOPMENT, DateKind.PRACTICE_DEVELOPMENT.label)],
        initial=DateKind.COURSE,
        required=False,
        widget=forms.RadioSelect,
        help_text="A practice development session is one of the service’s own formal sessions: it also records "
        "what was decided.",
        error_messages={"required": "Choose what kind of date it is", "invalid_choice": "Choose a kind from the list"},
    )
    decisions = decisions_field()

    def __init__(self, *args, courses=None, course_date=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.course_date = course_date
        fields = []
        if course_date is None:
            del self.fields["version"]
            self.fields["course"].queryset = courses
            self.fields["course"].label_from_instance = lambda course: (
                f"{course.title} ({course.get_level_display().lower()}, {course.programme.name})"
            )
            fields.append(Field.select("course"))
        else:
            # A date stays with its course: to run a different course, add a new date.
            del self.fields["course"]
        if course_date is None or course_date.kind != DateKind.PRACTICE_DEVELOPMENT:
            # Recorded once a session has run: not when it is added, nor for a course date.
            del self.fields["decisions"]
        self.helper = form_helper(
            *fields,
            Field.text("start_date", field_width=Fluid.ONE_THIRD),
            Field.text("start_time", field_width=5),
            Field.text("end_time", field_width=5),
            Field.text("location"),
            Field.radios("is_online", legend_size=Size.SMALL, small=True, inline=True),
            Field.text("capacity", field_width=3),
            Field.text("facilitator"),
            Field.radios("kind", legend_size=Size.SMALL, small=True),
            *([Field.textarea("decisions")] if "decisions" in self.fields else []),
            Button("save", "Save date"),
        )

    @staticmethod
    def initial_for(course_date) -> dict:
        starts, ends = timezone.localtime(course_date.starts_at), timezone.localtime(course_date.ends_at)
        return {
            "version": course_date.version,
            "start_date": starts.strftime("%d %m %Y"),
            "start_time": starts.strftime("%H:%M"),
            "end_time": ends.strftime("%H:%M"),
            "location": course_date.location,
            "is_online": "yes" if course_date.is_online else "no",
            "capacity": course_date.capacity,
            "facilitator": course_date.facilitator,
            "kind": course_date.kind,
            "decisions": course_date.decisions,
        }

    def clean_kind(self):
        """Left out, a new date is a course date and a date being changed keeps its kind."""
        return self.cleaned_data["kind"] or (self.course_date.kind if self.course_date else DateKind.COURSE)

    def clean_start_time(self):
        return _parse_time(self.cleaned_data["start_time"])

    def clean_end_time(self):
        return _parse_time(self.cleaned_data["end_time"])

    def clean(self):
        cleaned = super().clean()
        day, start, end = cleaned.get("start_date"), cleaned.get("start_time"), cleaned.get("end_time")
        if day is None or start is None:
            return cleaned
        starts_at = timezone.make_aware(datetime.combine(day, start))
        moved = self.course_date is None or starts_at != self.course_date.starts_at.replace(second=0, microsecond=0)
        if not moved:
            starts_at = self.course_date.starts_at  # as it was, to the second
        now = timezone.now()
        if moved and starts_at <= now:
            if day < timezone.localdate():
                self.add_error("start_date", "The date must be in the future")
            else:
                self.add_error("start_time", "The start time must be in the future")
        elif moved and starts_at > now + NEW_DATE_HORIZON:
            self.add_error("start_date", "The date must be within the next 2 years")
        if cleaned.get("decisions"):
            if cleaned.get("kind") != DateKind.PRACTICE_DEVELOPMENT:
                self.add_error(
                    "decisions",
                    "Only a practice development session records what was decided: choose that kind, or empty this box",
                )
            elif starts_at > now:
                self.add_error("decisions", "You can record what was decided once the session has started")
        if end is not None:
            ends_at = timezone.make_aware(datetime.combine(day, end))
            if ends_at <= starts_at:
                self.add_error("end_time", "The end time must be after the start time")
            cleaned["ends_at"] = ends_at
        cleaned["starts_at"] = starts_at
        return cleaned


class CancelDateForm(forms.Form):
    confirm = forms.BooleanField(
        label="Yes, cancel this date and every booking on it",
        error_messages={"required": "Tick the box to confirm you want to cancel this date"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.checkbox("confirm"), Button("cancel_date", "Cancel this date", css_class="govuk-button--warning")
        )


class SessionRegisterForm(RegisterForm):
    """The register of a practice development session: who came, and what the session decided."""

    def __init__(self, *args, course_date, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput, min_value=1, initial=course_date.version)
        self.fields["decisions"] = decisions_field()
        self.fields["decisions"].initial = course_date.decisions
        self.helper.layout.append(Field.textarea("decisions"))
