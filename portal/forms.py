"""Django's set-password form, laid out with crispy-forms-gds, for people management's invitations.

Sign-in and the password pages use django-allauth's forms (portal/signin_forms.py).
"""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Fluid, Layout
from django import forms
from django.contrib.auth import forms as auth_forms

from portal.widgets import PasswordInput


def _use_error_styled_password_inputs(form) -> None:
    for field in form.fields.values():
        if isinstance(field.widget, forms.PasswordInput):
            field.widget = PasswordInput(attrs=field.widget.attrs)


def _helper(*fields, submit: str) -> FormHelper:
    helper = FormHelper()
    # Templates draw the <form> tag themselves, to put the error summary above the heading.
    helper.form_tag = False
    helper.layout = Layout(*fields, Button("submit", submit))
    return helper


class SetPasswordForm(auth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _use_error_styled_password_inputs(self)
        self.fields["new_password1"].error_messages["required"] = "Enter a new password"
        self.fields["new_password2"].error_messages["required"] = "Enter the new password again"
        self.helper = _helper(
            Field.text("new_password1", field_width=Fluid.TWO_THIRDS),
            Field.text("new_password2", field_width=Fluid.TWO_THIRDS),
            submit="Save new password",
        )
