"""The form an invited person chooses their first password with."""

from crispy_forms_gds.layout import Field, Fluid
from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import SetPasswordForm

from portal.form_fields import form_helper
from portal.widgets import PasswordInput


class InvitationPasswordForm(SetPasswordForm):
    """Django's password rules (AUTH_PASSWORD_VALIDATORS), for a person choosing their first password, with
    their errors in our words: one at a time, on the box where the password is chosen."""

    error_messages = {"password_mismatch": "Enter the same password in both boxes"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            # crispy-forms-gds draws the red error border only on widgets it knows (portal/widgets.py).
            field.widget = PasswordInput(attrs=field.widget.attrs)
        self.fields["new_password1"].label = "Choose a password"
        self.fields["new_password1"].help_text = "At least 12 characters. A few unrelated words make a good one."
        self.fields["new_password1"].error_messages["required"] = "Choose a password"
        self.fields["new_password2"].label = "Type the password again"
        self.fields["new_password2"].error_messages["required"] = "Type the password again"
        self.helper = form_helper(
            Field.text("new_password1", field_width=Fluid.TWO_THIRDS),
            Field.text("new_password2", field_width=Fluid.TWO_THIRDS),
            submit="Set password and continue",
        )

    def validate_password_for_user(self, user, *args, **kwargs):
        if self.has_error("new_password2"):
            return  # mistyped: say that first
        password = self.cleaned_data.get("new_password1")
        if not password:
            return
        try:
            password_validation.validate_password(password, user)
        except forms.ValidationError as error:
            first = error.error_list[0]
            params = first.params or {}
            self.add_error("new_password1", _password_rule(first.code, params.get("min_length", 12)))


def _password_rule(code: str | None, min_length: int) -> str:
    """A broken password rule (django.contrib.auth.password_validation), in our words."""
    return {
        "password_too_short": f"Your password is too short: use at least {min_length} characters",
        "password_too_common": "This password is one that many people use, so it is easy to guess: choose another",
        "password_entirely_numeric": "Your password cannot be only numbers: add some words",
        "password_too_similar": "Your password is too like your name or email address: choose another",
    }.get(code, "Choose a different password: this one is not allowed")
