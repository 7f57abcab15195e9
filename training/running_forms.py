"""Forms for running the training programme day to day: the register, booking a team, spend and the
budget, and coverage targets."""

from datetime import timedelta
from decimal import Decimal

from crispy_forms_gds.layout import Button, Div, Field, Fluid, Size
from django import forms
from django.utils import timezone

from portal.form_fields import date_field, form_helper
from training.manage_forms import money_field, roles
from training.models import LEVEL_RANK, Attendance, CoverageTarget, Level, Programme
from training.services import RegisterMark

# --- The register -------------------------------------------------------------------------


class RegisterForm(forms.Form):
    """One set of radios per booked person, with the hours for those who came for part of the day."""

    def __init__(self, *args, bookings, course_hours: Decimal, **kwargs):
        super().__init__(*args, **kwargs)
        self.bookings = list(bookings)
        self.course_hours = course_hours
        layout = []
        for booking in self.bookings:
            name = booking.person.get_full_name()
            attendance, hours = f"attendance_{booking.pk}", f"hours_{booking.pk}"
            self.fields[attendance] = forms.ChoiceField(
                label=name,
                choices=Attendance.choices,
                widget=forms.RadioSelect,
                initial=booking.attendance or None,
                error_messages={"required": f"Choose whether {name} attended"},
            )
            self.fields[hours] = forms.DecimalField(
                label=f"If {name} attended part, how many hours?",
                required=False,
                max_digits=5,
                decimal_places=1,
                help_text=f"The course is {course_hours.normalize():f} hours.",
                initial=booking.hours_attended if booking.attendance == Attendance.PARTLY else None,
                error_messages={
                    "invalid": f"Enter the hours {name} attended as a number, like 3.5",
                    "max_digits": f"The hours {name} attended must be less than the length of the course",
                    "max_whole_digits": f"The hours {name} attended must be less than the length of the course",
                    "max_decimal_places": f"Give the hours {name} attended to the nearest tenth, like 3.5",
                },
                widget=forms.TextInput(attrs={"inputmode": "decimal"}),
            )
            layout.append(
                Div(
                    Field.radios(attendance, legend_size=Size.MEDIUM, small=True, inline=True),
                    Field.text(hours, field_width=4),
                    css_class="govuk-!-margin-bottom-6",
                )
            )
        self.helper = form_helper(*layout)

    def clean(self):
        cleaned = super().clean()
        for booking in self.bookings:
            name = booking.person.get_full_name()
            attendance, hours_name = f"attendance_{booking.pk}", f"hours_{booking.pk}"
            hours = cleaned.get(hours_name)
            if cleaned.get(attendance) != Attendance.PARTLY:
                cleaned[hours_name] = None
                continue
            if hours is None:
                if hours_name not in self.errors:
                    self.add_error(hours_name, f"Enter the hours {name} attended")
            elif hours < 0:
                self.add_error(hours_name, f"The hours {name} attended cannot be negative")
            elif hours == 0:
                self.add_error(
                    hours_name, f"If {name} attended part, enter more than 0 hours, or choose “Did not attend”"
                )
            elif hours >= self.course_hours:
                self.add_error(
                    hours_name,
                    f"For part of the course, enter fewer hours than the whole course "
                    f"({self.course_hours.normalize():f}), or choose “Attended”",
                )
        return cleaned

    def marks(self) -> list[RegisterMark]:
        return [
            RegisterMark(
                booking_id=booking.pk,
                attendance=self.cleaned_data[f"attendance_{booking.pk}"],
                hours=self.cleaned_data.get(f"hours_{booking.pk}"),
            )
            for booking in self.bookings
        ]


# --- Bulk booking -------------------------------------------------------------------------


class BookPeopleForm(forms.Form):
    team = forms.ModelChoiceField(
        queryset=None,
        label="Team",
        empty_label="Choose a team",
        error_messages={"required": "Choose the team to book", "invalid_choice": "Choose a team from the list"},
    )
    role = forms.ModelChoiceField(
        queryset=None,
        label="Only people in this role (optional)",
        required=False,
        empty_label="Everyone in the team",
        error_messages={"invalid_choice": "Choose a role from the list"},
    )

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams
        self.fields["role"].queryset = roles()
        self.helper = form_helper(Field.select("team"), Field.select("role"), Button("book", "Book places"))


# --- Spend --------------------------------------------------------------------------------


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label="Financial year", coerce=int, required=False)

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, f"April {year} to March {year + 1}") for year in years]
        self.helper = form_helper(Field.select("year"), get_form=True)


class BudgetForm(forms.Form):
    amount = money_field("Budget (£)", help_text="The whole training budget for the year.")

    def __init__(self, *args, year: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.text("amount", field_width=10),
            Button("set_budget", f"Save the budget for {year} to {year + 1}"),
        )


class SpendForm(forms.Form):
    spent_on = date_field("Date", help_text="The date on the invoice or payment. For example, 27 3 2027")
    amount = money_field("Amount (£)", positive=True)
    description = forms.CharField(
        label="What it was for",
        max_length=200,
        help_text="For example, the invoice number and what it covers.",
        error_messages={"required": "Enter what the money was for", "max_length": "Keep it to 200 characters"},
    )
    course = forms.ModelChoiceField(
        queryset=None,
        label="Course (optional)",
        required=False,
        empty_label="Not for one course",
        error_messages={"invalid_choice": "Choose a course from the list"},
    )

    def __init__(self, *args, courses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = courses
        self.fields["course"].label_from_instance = lambda course: f"{course.title} ({course.programme.name})"
        self.helper = form_helper(
            Field.text("spent_on", field_width=Fluid.ONE_THIRD),
            Field.text("amount", field_width=10),
            Field.text("description"),
            Field.select("course"),
            Button("record_spend", "Record spend"),
        )

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        if amount <= 0:
            raise forms.ValidationError("The amount must be more than £0")
        return amount

    def clean_spent_on(self):
        spent_on = self.cleaned_data["spent_on"]
        today = timezone.localdate()
        if spent_on > today + timedelta(days=366):
            raise forms.ValidationError("The date must be within the next year")
        if spent_on.year < 2000:
            raise forms.ValidationError("Enter a date after 1 January 2000")
        return spent_on


# --- Coverage targets ---------------------------------------------------------------------


class CoverageTargetForm(forms.Form):
    programme = forms.ModelChoiceField(
        queryset=Programme.objects.all(),
        label="Programme",
        empty_label="Choose a programme",
        error_messages={"required": "Choose the programme", "invalid_choice": "Choose a programme from the list"},
    )
    level = forms.ChoiceField(
        label="At least this level",
        choices=[(level.value, level.label) for level in LEVEL_RANK],
        widget=forms.RadioSelect,
        initial=Level.INTRODUCTORY,
        help_text="A higher level counts too.",
        error_messages={"required": "Choose the level", "invalid_choice": "Choose a level from the list"},
    )
    role = forms.ModelChoiceField(
        queryset=None,
        label="Who it counts (optional)",
        required=False,
        empty_label="All staff",
        error_messages={"invalid_choice": "Choose a role from the list"},
    )
    target_percent = forms.IntegerField(
        label="Target (%)",
        min_value=1,
        max_value=100,
        help_text="The share of these staff who should be trained, from 1 to 100.",
        error_messages={
            "required": "Enter the target as a percentage",
            "invalid": "Enter the target as a whole number from 1 to 100",
            "min_value": "Enter a target from 1 to 100",
            "max_value": "Enter a target from 1 to 100",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].queryset = roles()
        self.helper = form_helper(
            Field.select("programme"),
            Field.radios("level", legend_size=Size.SMALL, small=True),
            Field.select("role"),
            Field.text("target_percent", field_width=3),
            Button("add_target", "Add target"),
        )

    def clean(self):
        cleaned = super().clean()
        programme, level = cleaned.get("programme"), cleaned.get("level")
        if programme and level and "role" not in self.errors:
            role = cleaned.get("role")
            if CoverageTarget.objects.filter(programme=programme, level=level, role=role).exists():
                who = role.name.lower() + "s" if role else "all staff"
                raise forms.ValidationError(
                    f"There is already a target for {who} at {dict(self.fields['level'].choices)[level].lower()} "
                    f"level in {programme}. Remove it first if you want to change it."
                )
        return cleaned
