"""Forms for the training coordinator's catalogue: programmes and courses.

A course's dates are in `training.date_forms`; running dates (the register, booking a team), spend and
targets are in `training.running_forms`, which shares `roles` and `money_field` from here."""

from decimal import Decimal

from crispy_forms_gds.layout import Button, Field, Size
from django import forms
from django.contrib.auth.models import Group

from portal.form_fields import form_helper, text_field
from portal.roles import ROLES
from practice_guide.models import Audience, GuidePart, Kind
from training.models import Course, Format, Level, Programme


def roles():
    """The portal's roles, as the groups a course can be required for or a target can count."""
    return Group.objects.filter(name__in=ROLES).order_by("name")


def handbook_tools():
    """The handbook's tool pages, published or still in draft, in the handbook's order: a course can be linked
    to a tool before its page is published (the course page links only to published ones)."""
    return (
        GuidePart.objects.filter(kind=Kind.TOOL, audience=Audience.STAFF)
        .select_related("draft")
        .order_by("position", "pk")
    )


def money_field(label: str, *, help_text: str = "", positive: bool = False, max_digits: int = 10) -> forms.DecimalField:
    """An amount in pounds and pence, with no more digits than the database column holds. `positive` amounts
    must be more than £0 (checked in the form's clean)."""
    limit = f"£{10 ** (max_digits - 2):,}"
    return forms.DecimalField(
        label=label,
        help_text=help_text,
        max_digits=max_digits,
        decimal_places=2,
        min_value=None if positive else Decimal("0"),
        error_messages={
            "required": f"Enter the {label.lower().replace(' (£)', '')}",
            "invalid": "Enter an amount in pounds, like 1250 or 99.50",
            "max_digits": f"Enter an amount less than {limit}",
            "max_whole_digits": f"Enter an amount less than {limit}",
            "max_decimal_places": "Enter an amount in pounds and pence, like 99.50",
            "min_value": "The amount cannot be negative",
        },
        widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
    )


class ProgrammeForm(forms.ModelForm):
    name = forms.CharField(
        label="Name",
        max_length=120,
        help_text="For example, Systemic practice.",
        error_messages={"required": "Enter the programme’s name", "max_length": "Keep the name to 120 characters"},
    )
    description = text_field("Description", help_text="What the programme is for and who it is for.")
    position = forms.IntegerField(
        label="Position in lists",
        min_value=0,
        max_value=999,
        initial=0,
        help_text="Programmes with lower numbers come first.",
        error_messages={
            "required": "Enter a position, like 0",
            "invalid": "Enter the position as a whole number, like 2",
            "min_value": "The position must be 0 or more",
            "max_value": "The position must be 999 or less",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )

    class Meta:
        model = Programme
        fields = ["name", "description", "position"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.text("name"),
            Field.textarea("description"),
            Field.text("position", field_width=3),
            Button("save", "Save programme"),
        )

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        clash = Programme.objects.filter(name__iexact=name).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError("There is already a programme with this name. Choose another name.")
        return name


class CourseForm(forms.ModelForm):
    programme = forms.ModelChoiceField(
        queryset=Programme.objects.all(),
        label="Programme",
        empty_label="Choose a programme",
        error_messages={"required": "Choose the programme", "invalid_choice": "Choose a programme from the list"},
    )
    title = forms.CharField(
        label="Title",
        max_length=200,
        error_messages={"required": "Enter the course title", "max_length": "Keep the title to 200 characters"},
    )
    level = forms.ChoiceField(
        label="Level",
        choices=Level.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the level", "invalid_choice": "Choose a level from the list"},
    )
    provider = forms.CharField(
        label="Provider",
        max_length=200,
        help_text="Who runs it: an organisation, or “In house”.",
        error_messages={"required": "Enter who provides the course", "max_length": "Keep it to 200 characters"},
    )
    format = forms.ChoiceField(
        label="Format",
        choices=Format.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the format", "invalid_choice": "Choose a format from the list"},
    )
    hours = forms.DecimalField(
        label="Length in hours",
        max_digits=5,
        decimal_places=1,
        help_text="Counts toward each person’s CPD hours. A full day is usually 6.",
        error_messages={
            "required": "Enter the length in hours",
            "invalid": "Enter the length as a number, like 6 or 3.5",
            "max_digits": "The length must be less than 10,000 hours",
            "max_whole_digits": "The length must be less than 10,000 hours",
            "max_decimal_places": "Give the length to the nearest tenth of an hour, like 3.5",
        },
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    cost_per_place = money_field("Cost per place (£)", help_text="Enter 0 if it is free.", max_digits=8)
    required_for = forms.ModelMultipleChoiceField(
        queryset=None,
        label="Required for",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose the roles that must complete this course. Leave all empty if it is optional.",
        error_messages={"invalid_choice": "Choose roles from the list"},
    )
    refresh_months = forms.IntegerField(
        label="Refresh every (months)",
        required=False,
        min_value=1,
        max_value=120,
        help_text="How long the training stays current. Leave empty if it never needs refreshing.",
        error_messages={
            "invalid": "Enter the number of months as a whole number, like 36",
            "min_value": "Enter a number of months from 1 to 120",
            "max_value": "Enter a number of months from 1 to 120",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    recertify_from_days = forms.IntegerField(
        label="Refresher can be booked from (days before it runs out)",
        required=False,
        min_value=1,
        max_value=365,
        help_text=(
            "Only for courses that need refreshing: how early someone whose training is still current may book this "
            "course or its programme’s refresher. Leave empty for 90 days."
        ),
        error_messages={
            "invalid": "Enter the number of days as a whole number, like 90",
            "min_value": "Enter a number of days from 1 to 365",
            "max_value": "Enter a number of days from 1 to 365",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    description = text_field("Description", help_text="What people will learn, and anything they need to prepare.")
    tools = forms.ModelMultipleChoiceField(
        queryset=None,
        label="Handbook tools this course teaches",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Each tool’s page in the practice handbook lists the courses that teach it. Leave all empty if none.",
        error_messages={
            "invalid_choice": "Choose tools from the list",
            "invalid_pk_value": "Choose tools from the list",
        },
    )
    is_active = forms.TypedChoiceField(
        label="Is the course offered now?",
        choices=[("yes", "Yes, people can book it"), ("no", "No, hide it from the catalogue")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        initial="yes",
        error_messages={"required": "Say whether the course is offered now"},
    )

    class Meta:
        model = Course
        fields = [
            "programme",
            "title",
            "level",
            "provider",
            "format",
            "hours",
            "cost_per_place",
            "required_for",
            "refresh_months",
            "recertify_from_days",
            "description",
            "tools",
            "is_active",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["required_for"].queryset = roles()
        tools = handbook_tools()
        if tools.exists():
            self.fields["tools"].queryset = tools
            self.fields["tools"].label_from_instance = lambda part: part.draft.title if part.draft_id else part.slug
        else:
            # No tool pages in the handbook yet: nothing to choose, and saving leaves the links alone.
            del self.fields["tools"]
        if self.instance.pk:
            self.initial["is_active"] = "yes" if self.instance.is_active else "no"
        self.helper = form_helper(
            Field.select("programme"),
            Field.text("title"),
            Field.radios("level", legend_size=Size.SMALL, small=True),
            Field.text("provider"),
            Field.radios("format", legend_size=Size.SMALL, small=True),
            Field.text("hours", field_width=4),
            Field.text("cost_per_place", field_width=5),
            Field.checkboxes("required_for", legend_size=Size.SMALL, small=True),
            Field.text("refresh_months", field_width=3),
            Field.text("recertify_from_days", field_width=3),
            Field.textarea("description"),
            *([Field.checkboxes("tools", legend_size=Size.SMALL, small=True)] if "tools" in self.fields else []),
            Field.radios("is_active", legend_size=Size.SMALL, small=True),
            Button("save", "Save course"),
        )

    def clean_title(self):
        return " ".join(self.cleaned_data["title"].split())

    def clean_recertify_from_days(self):
        """Empty keeps the course's window (90 days for a new course)."""
        days = self.cleaned_data["recertify_from_days"]
        return days if days is not None else self.instance.recertify_from_days

    def clean_hours(self):
        hours = self.cleaned_data["hours"]
        if hours <= 0:
            raise forms.ValidationError("The length must be more than 0 hours")
        if hours < Decimal("0.5"):
            raise forms.ValidationError("The length must be at least half an hour (0.5)")
        return hours

    def clean(self):
        cleaned = super().clean()
        programme, title = cleaned.get("programme"), cleaned.get("title")
        if programme and title:
            clash = Course.objects.filter(programme=programme, title__iexact=title).exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error("title", f"{programme} already has a course called “{title}”. Choose another title.")
        return cleaned
