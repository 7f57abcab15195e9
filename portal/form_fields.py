"""Building blocks shared by every form: the crispy-forms layout helper, dates typed as GOV.UK asks,
long free text, and filters."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Layout
from django import forms

DATE_FORMATS = ["%d %m %Y", "%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"]
TEXT_MAX = 10_000


def form_helper(*fields, submit: str | None = None, warning: bool = False, get_form: bool = False) -> FormHelper:
    """The crispy-forms helper for a form laid out as `fields`, rendered inside the page's own <form> tag.

    `submit` adds a button with that text, named "submit" (`warning` makes it the red one, for something
    that cannot be undone); forms with other buttons put them in `fields`. Hidden fields left out of the
    layout (a record's version, for example) are still rendered. `get_form` leaves out the CSRF token,
    which in a GET form would only end up in the address bar.
    """
    helper = FormHelper()
    helper.form_tag = False
    helper.render_hidden_fields = True
    helper.disable_csrf = get_form
    buttons = []
    if submit:
        buttons.append(Button.warning("submit", submit) if warning else Button("submit", submit))
    helper.layout = Layout(*fields, *buttons)
    return helper


def date_field(label: str, *, required: bool = True, help_text: str = "For example, 27 3 2027") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        input_formats=DATE_FORMATS,
        error_messages={"required": f"Enter the {label.lower()}", "invalid": "Enter a real date, like 27 3 2027"},
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )


def text_field(
    label: str, *, required: bool = False, help_text: str = "", rows: int = 5, mark_optional: bool = False
) -> forms.CharField:
    """Long free text. `mark_optional` adds "(optional)" to the label of a field that is not required
    (the error messages keep the plain label)."""
    return forms.CharField(
        label=f"{label} (optional)" if mark_optional and not required else label,
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
