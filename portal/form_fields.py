"""Form fields shared by the staff apps: dates typed as GOV.UK asks, long free text, and filters."""

from django import forms

DATE_FORMATS = ["%d %m %Y", "%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"]
TEXT_MAX = 10_000


def date_field(label: str, *, required: bool = True, help_text: str = "For example, 27 3 2027") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        input_formats=DATE_FORMATS,
        error_messages={"required": f"Enter the {label.lower()}", "invalid": "Enter a real date, like 27 3 2027"},
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )


def text_field(label: str, *, required: bool = False, help_text: str = "", rows: int = 5) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={
            "required": f"Enter {label[0].lower() + label[1:]}",
            "max_length": f"{label} must be {TEXT_MAX:,} characters or fewer",
        },
    )


def filter_choice(label: str, invalid: str, *, coerce=str) -> forms.TypedChoiceField:
    """An optional choice in a GET filter form; its choices are set per request, in the form's `__init__`."""
    return forms.TypedChoiceField(
        label=label, coerce=coerce, required=False, empty_value=None, error_messages={"invalid_choice": invalid}
    )
