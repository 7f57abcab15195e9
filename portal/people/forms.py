"""Forms for people management: adding a person, and changing one with a reason, and the fields they share.

Choices come from the administrator's own service, so a team or line manager from elsewhere is an
error on the form, never a lookup. The list's filters are in `filter_forms`; the form for an invited
person's first password is in `invitation_forms`.
"""

from datetime import date
from decimal import Decimal

from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms

from portal.form_fields import date_field, form_helper, text_field
from portal.models import User
from portal.people import selectors, services
from portal.people.imports import HOURS_MAX, HOURS_MIN
from portal.roles import ROLES

HOURS_RANGE = "Working hours must be between 0.5 and 60 a week"
HOURS_PLACES = "Enter the working hours with no more than one decimal place, like 22.5"
NAME_MAX = 200
EMAIL_MAX = 254


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, person):
        return f"{person.full_name} ({person.team})" if person.team_id else person.full_name


# --- Shared fields ------------------------------------------------------------------------


class HoursField(forms.DecimalField):
    """Working hours a week, as the model holds them (0.5 to 60, one decimal place), with one error at most.

    Django's DecimalField runs its range and digit validators together, so 0.25 or 1e400 got two errors,
    and 37.123 a range error; here the range is checked first, then the decimal places."""

    def validate(self, value):
        super().validate(value)  # required, and not infinity or NaN
        if value in self.empty_values:
            return
        if not HOURS_MIN <= value <= HOURS_MAX:
            raise forms.ValidationError(HOURS_RANGE, code="range")
        if value != value.quantize(Decimal("0.1")):
            raise forms.ValidationError(HOURS_PLACES, code="max_decimal_places")

    def clean(self, value):
        hours = super().clean(value)
        return hours if hours is None else hours.quantize(Decimal("0.1"))


def _hours_field() -> HoursField:
    return HoursField(
        label="Working hours a week",
        help_text="For example, 37 or 22.5",
        error_messages={
            "required": "Enter the working hours a week",
            "invalid": "Enter the working hours as a number, like 37 or 22.5",
        },
        widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
    )


def _date_field(label: str, **kwargs) -> forms.DateField:
    """The shared date field, its "not a real date" error naming it: the add form has two dates, and two
    identical messages in the error summary would not say which is which."""
    field = date_field(label, **kwargs)
    name = label if label[:2].isupper() else label[0].lower() + label[1:]
    field.error_messages["invalid"] = f"Enter a real {name}, like 27 3 2027"
    return field


def _asye_start_date_field() -> forms.DateField:
    return _date_field(
        "ASYE start date",
        required=False,
        help_text="Only if they are newly qualified: the day their Assessed and Supported Year in Employment "
        "began. For example, 27 3 2027",
    )


def _job_title_field() -> forms.CharField:
    return forms.CharField(
        label="Job title",
        required=False,
        max_length=200,
        help_text="For example, Senior Social Worker",
        error_messages={"max_length": "Keep the job title to 200 characters"},
    )


def _team_field(teams) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label="Team",
        queryset=teams,
        empty_label="Choose a team",
        error_messages={
            "required": "Choose the team they work in",
            "invalid_choice": "Choose a team in your service",
        },
    )


def _line_manager_field(people) -> PersonChoiceField:
    return PersonChoiceField(
        label="Line manager",
        queryset=people,
        required=False,
        empty_label="No line manager",
        error_messages={"invalid_choice": "Choose a line manager who works in your service"},
    )


def _asye_assessor_field(people) -> PersonChoiceField:
    return PersonChoiceField(
        label="ASYE assessor",
        queryset=people,
        required=False,
        empty_label="No ASYE assessor",
        help_text="Only if they are in their ASYE: who assesses it. They can read the critical reflections the "
        "person shares with them.",
        error_messages={"invalid_choice": "Choose an ASYE assessor who works in your service"},
    )


def _roles_field(grantable: list[str], help_text: str) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label="Roles",
        required=False,
        help_text=help_text,
        choices=[(name, name) for name in grantable],
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": "You can only give the roles listed: only a service manager can give a role with "
            "access you do not have yourself",
        },
    )


def _role_hints(grantable: list[str]) -> dict[str, str]:
    return {name: ROLES[name][0] for name in grantable}


def _staying_line_manager(person: User | None, manager: User | None) -> User | None:
    """The line manager chosen, if the rules allow (services.check_line_manager: no cycles, nobody leaving)."""
    try:
        services.check_line_manager(person, manager)
    except services.PersonError as error:
        raise forms.ValidationError(str(error)) from None
    return manager


# --- Adding a person ----------------------------------------------------------------------


class AddPersonForm(forms.Form):
    full_name = forms.CharField(
        label="Full name",
        max_length=NAME_MAX,
        error_messages={"required": "Enter their full name", "max_length": "Keep the name to 200 characters"},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    email = forms.EmailField(
        label="Work email address",
        max_length=EMAIL_MAX,
        help_text="Their invitation goes here, and they sign in with it.",
        error_messages={
            "required": "Enter their work email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
            "max_length": "Enter an email address of 254 characters or fewer",
        },
        widget=forms.TextInput(attrs={"type": "email", "autocomplete": "off", "spellcheck": "false"}),
    )
    job_title = _job_title_field()
    start_date = _date_field("Start date", help_text="Their first day in the service. For example, 27 3 2027")
    asye_start_date = _asye_start_date_field()
    working_hours = _hours_field()

    def __init__(self, *args, administrator, **kwargs):
        super().__init__(*args, **kwargs)
        grantable = services.grantable_roles(administrator)
        self.fields["team"] = _team_field(selectors.teams_for(administrator))
        self.fields["line_manager"] = _line_manager_field(selectors.possible_line_managers(administrator))
        self.fields["asye_assessor"] = _asye_assessor_field(selectors.possible_line_managers(administrator))
        self.fields["roles"] = _roles_field(grantable, "Choose every role they need.")
        self.role_hints = _role_hints(grantable)
        self.order_fields(
            [
                "full_name",
                "email",
                "team",
                "job_title",
                "roles",
                "line_manager",
                "start_date",
                "asye_start_date",
                "asye_assessor",
                "working_hours",
            ]
        )
        self.initial.setdefault("working_hours", Decimal("37"))
        self.helper = form_helper(
            Field.text("full_name", field_width=Fluid.TWO_THIRDS),
            Field.text("email", field_width=Fluid.TWO_THIRDS),
            Field.select("team"),
            Field.text("job_title", field_width=Fluid.TWO_THIRDS),
            Field.checkboxes("roles", legend_size=Size.SMALL, small=True),
            Field.select("line_manager"),
            Field.text("start_date", field_width=10),
            Field.text("asye_start_date", field_width=10),
            Field.select("asye_assessor"),
            Field.text("working_hours", field_width=5),
            submit="Add and send invitation",
        )

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"]).lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(services.DUPLICATE_EMAIL)
        return email

    def clean_line_manager(self):
        return _staying_line_manager(None, self.cleaned_data["line_manager"])

    def details(self) -> services.NewPerson:
        data = self.cleaned_data
        return services.NewPerson(
            full_name=data["full_name"].strip(),
            email=data["email"],
            team=data["team"],
            job_title=data["job_title"].strip(),
            line_manager=data["line_manager"],
            start_date=data["start_date"],
            asye_start_date=data["asye_start_date"],
            working_hours=data["working_hours"],
            asye_assessor=data["asye_assessor"],
        )


# --- Changing a person --------------------------------------------------------------------


class ChangePersonForm(forms.Form):
    job_title = _job_title_field()
    working_hours = _hours_field()
    asye_start_date = _asye_start_date_field()
    reason = text_field(
        "Reason for the change",
        required=True,
        rows=3,
        help_text="For example, Moved to the Children in Care team from 1 March. This goes in the audit trail.",
    )
    seen = forms.CharField(widget=forms.HiddenInput, max_length=64)
    # text_field's own "Enter reason for the change" lacks its article.
    reason.error_messages["required"] = "Enter the reason for the change"

    def __init__(self, *args, person: User, administrator, **kwargs):
        self.person = person
        self.administrator = administrator
        grantable = services.grantable_roles(administrator)
        held = [group.name for group in person.groups.all()]
        self.fixed_roles = [name for name in held if name not in grantable]
        kwargs.setdefault(
            "initial",
            {
                "team": person.team_id,
                "line_manager": person.line_manager_id,
                "job_title": person.job_title,
                "working_hours": services.hours(person.working_hours),
                "asye_start_date": _as_typed(person.asye_start_date),
                "asye_assessor": person.asye_assessor_id,
                "roles": [name for name in held if name in grantable],
                "seen": services.fingerprint(person),
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["team"] = _team_field(selectors.teams_for(administrator))
        self.fields["line_manager"] = _line_manager_field(
            selectors.possible_line_managers(administrator).exclude(pk=person.pk)
        )
        self.fields["asye_assessor"] = _asye_assessor_field(
            selectors.possible_line_managers(administrator).exclude(pk=person.pk)
        )
        self.fields["asye_assessor"].error_messages["invalid_choice"] = (
            "Choose an ASYE assessor who works in your service and is not the person themselves"
        )
        self.is_self = person.pk == administrator.pk
        self.fields["roles"] = _roles_field(
            grantable,
            "You cannot change your own roles." if self.is_self else "Tick every role they need.",
        )
        self.role_hints = _role_hints(grantable)
        self.order_fields(
            [
                "team",
                "line_manager",
                "job_title",
                "working_hours",
                "asye_start_date",
                "asye_assessor",
                "roles",
                "reason",
                "seen",
            ]
        )
        self.helper = form_helper(
            Field.select("team"),
            Field.select("line_manager"),
            Field.text("job_title", field_width=Fluid.TWO_THIRDS),
            Field.text("working_hours", field_width=5),
            Field.text("asye_start_date", field_width=10),
            Field.select("asye_assessor"),
            Field.checkboxes("roles", legend_size=Size.SMALL, small=True),
            Field.textarea("reason"),
            submit="Save changes",
        )
        self.fields["line_manager"].error_messages["invalid_choice"] = (
            "Choose a line manager who works in your service and is not the person themselves"
        )

    def clean_roles(self):
        roles = self.cleaned_data["roles"]
        if self.is_self and sorted(roles) != sorted(self.initial["roles"]):
            raise forms.ValidationError(
                "You cannot change your own roles. Ask another people administrator or a service manager"
            )
        return roles

    def clean_line_manager(self):
        return _staying_line_manager(self.person, self.cleaned_data["line_manager"])

    def changes(self) -> services.Changes:
        data = self.cleaned_data
        return services.Changes(
            team=data["team"],
            line_manager=data["line_manager"],
            job_title=data["job_title"].strip(),
            working_hours=data["working_hours"],
            asye_start_date=data["asye_start_date"],
            asye_assessor=data["asye_assessor"],
        )


def _as_typed(value: date | None) -> str:
    """A date as the hint asks people to type it: 27 3 2027."""
    return f"{value.day} {value.month} {value.year}" if value else ""
