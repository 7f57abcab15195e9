"""allauth's sign-in, password and second-factor forms, with the portal's words and GOV.UK layout.

Named in settings (ACCOUNT_FORMS, MFA_FORMS). Each keeps allauth's behaviour and adds a
crispy-forms-gds helper; the templates in templates/account/ and templates/mfa/ draw the <form>.
"""

import struct

from allauth.account import forms as account_forms
from allauth.account.internal.stagekit import clear_login
from allauth.core import context
from allauth.mfa.base import forms as mfa_forms
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes import forms as recovery_forms
from allauth.mfa.totp import forms as totp_forms
from allauth.mfa.webauthn import forms as webauthn_forms
from axes.handlers.proxy import AxesProxyHandler
from crispy_forms_gds.layout import Field, Fixed, Fluid
from django import forms
from fido2.webauthn import AuthenticationResponse, RegistrationResponse

from portal.form_fields import form_helper
from portal.widgets import PasswordInput

EMAIL_ERRORS = {
    "required": "Enter your work email address",
    "invalid": "Enter an email address in the correct format, like name@example.org",
}
# Words shown to people, not passwords (ruff's S105 looks only at the names).
NEW_PASSWORD_HINT = "Use at least 12 characters. Avoid common passwords and anything like your name or email address."  # noqa: S105
SAME_PASSWORD = "Enter the same new password twice"  # noqa: S105
LOCKED_OUT = "Signing in is paused for 15 minutes after too many wrong tries"
WRONG_RECOVERY_CODE = "The recovery code is not right. Check it, or use another one."
PASSKEY_NOT_ADDED = "Your passkey could not be added. Use the button to try again."
PASSKEY_NOT_ACCEPTED = "Your passkey was not accepted. Try again, or enter a code."
# What python-fido2 raises on a browser's answer it cannot read (a missing key, a string where an
# object should be, bad base64 or CBOR, short binary data). allauth catches only some of these.
UNREADABLE_PASSKEY_ANSWER = (LookupError, AttributeError, TypeError, ValueError, struct.error)


def _email_field() -> forms.EmailField:
    return forms.EmailField(
        label="Work email address",
        max_length=254,
        widget=forms.TextInput(attrs={"type": "email", "autocomplete": "username", "spellcheck": "false"}),
        error_messages=EMAIL_ERRORS,
    )


def _password(field: forms.Field, label: str, required: str, autocomplete: str, hint: str = "") -> None:
    """Reword one of allauth's password fields and give it the error-styled input."""
    field.label = label
    field.help_text = hint
    field.error_messages["required"] = required
    field.widget = PasswordInput(attrs={"autocomplete": autocomplete})


def _new_passwords(form, first: str = "New password", second: str = "Confirm new password") -> None:
    _password(form.fields["password1"], first, "Enter a new password", "new-password", NEW_PASSWORD_HINT)
    _password(form.fields["password2"], second, "Enter the new password again", "new-password")


def _same_passwords(form, cleaned_data):
    """allauth's own check, in our words."""
    password1 = cleaned_data.get("password1")
    password2 = cleaned_data.get("password2")
    if password1 and password2 and password1 != password2:
        form.add_error("password2", SAME_PASSWORD)
    return cleaned_data


def _code_field(label: str, hint: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=hint,
        max_length=64,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}),
        error_messages={"required": "Enter the code", "max_length": "Enter the code, which is 6 or 8 digits"},
    )


def _clean_code(value: str) -> str:
    """People type codes with spaces or dashes, as their app shows them."""
    return value.replace(" ", "").replace("-", "")


# --- Sign-in and passwords (allauth.account) -------------------------------------------------


class SignInForm(account_forms.LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"] = _email_field()
        _password(self.fields["password"], "Password", "Enter your password", "current-password")
        self.order_fields(["login", "password"])
        self.helper = form_helper(
            Field.text("login", field_width=Fluid.TWO_THIRDS),
            Field.text("password", field_width=Fluid.TWO_THIRDS),
            submit="Sign in",
        )


class ResetPasswordForm(account_forms.ResetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"] = _email_field()
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.helper = form_helper(Field.text("email", field_width=Fluid.TWO_THIRDS), submit="Send me a reset link")


class ResetPasswordKeyForm(account_forms.ResetPasswordKeyForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _new_passwords(self)
        self.helper = form_helper(
            Field.text("password1", field_width=Fluid.TWO_THIRDS),
            Field.text("password2", field_width=Fluid.TWO_THIRDS),
            submit="Save new password",
        )

    def clean(self):
        return _same_passwords(self, forms.Form.clean(self))


class ChangePasswordForm(account_forms.ChangePasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _password(self.fields["oldpassword"], "Current password", "Enter your current password", "current-password")
        _new_passwords(self)
        self.helper = form_helper(
            Field.text("oldpassword", field_width=Fluid.TWO_THIRDS),
            Field.text("password1", field_width=Fluid.TWO_THIRDS),
            Field.text("password2", field_width=Fluid.TWO_THIRDS),
            submit="Change password",
        )

    def clean(self):
        return _same_passwords(self, forms.Form.clean(self))


class SetPasswordForm(account_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _new_passwords(self, first="Password", second="Confirm password")
        self.helper = form_helper(
            Field.text("password1", field_width=Fluid.TWO_THIRDS),
            Field.text("password2", field_width=Fluid.TWO_THIRDS),
            submit="Save password",
        )

    def clean(self):
        return _same_passwords(self, forms.Form.clean(self))


class ReauthenticateForm(account_forms.ReauthenticateForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _password(self.fields["password"], "Password", "Enter your password", "current-password")
        self.helper = form_helper(Field.text("password", field_width=Fluid.TWO_THIRDS), submit="Continue")


# --- Second factors (allauth.mfa) ------------------------------------------------------------


class _LockoutAwareCodeForm:
    """A wrong code counts towards django-axes' lockout (portal/auth_audit.py sends the failure);
    once the email address is locked out, no code is even checked."""

    def clean_code(self):
        request = context.request
        credentials = {"email": self.user.email}
        if request is not None and AxesProxyHandler.is_locked(request, credentials):
            self._locked_out(request, credentials)
            raise forms.ValidationError(LOCKED_OUT)
        self.cleaned_data["code"] = _clean_code(self.cleaned_data["code"])
        try:
            return super().clean_code()
        except forms.ValidationError:
            # This wrong code may have been the fifth failure (portal.auth_audit reports it to axes).
            if request is not None and getattr(request, "axes_locked_out", False):
                self._locked_out(request, credentials)
            raise

    def _locked_out(self, request, credentials) -> None:
        # AxesMiddleware turns the response into the "Signing in is paused" page.
        request.axes_locked_out = True
        request.axes_credentials = credentials


class AuthenticateForm(_LockoutAwareCodeForm, mfa_forms.AuthenticateForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # What this person has set up decides what mfa/authenticate.html asks for first.
        kinds = set(Authenticator.objects.filter(user_id=self.user.pk).values_list("type", flat=True))
        self.has_app = Authenticator.Type.TOTP in kinds
        self.has_passkey = Authenticator.Type.WEBAUTHN in kinds
        if self.has_app:
            self.fields["code"] = _code_field(
                "Code",
                "The 6-digit code from your authenticator app, or one of your 8-digit recovery codes.",
            )
        else:
            self.fields["code"] = _code_field("Recovery code", "One of the 8-digit codes you saved.")
        self.helper = form_helper(Field.text("code", field_width=Fixed.TEN), submit="Continue")

    def clean_code(self):
        try:
            return super().clean_code()
        except forms.ValidationError as error:
            if not self.has_app and getattr(error, "code", None) == "incorrect_code":
                raise forms.ValidationError(WRONG_RECOVERY_CODE, code="incorrect_code") from error
            raise

    def _locked_out(self, request, credentials) -> None:
        # End the half-finished sign-in: allauth would otherwise send the next visit to the sign-in
        # page straight back to this code page, and the password would never be checked against the lockout.
        clear_login(request)
        super()._locked_out(request, credentials)


class ReauthenticateMFAForm(_LockoutAwareCodeForm, mfa_forms.ReauthenticateForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"] = _code_field(
            "Code", "The 6-digit code from your authenticator app, or one of your recovery codes."
        )
        self.helper = form_helper(Field.text("code", field_width=Fixed.TEN), submit="Continue")


class ActivateTOTPForm(totp_forms.ActivateTOTPForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"] = _code_field("Code from your app", "The 6 digits your app shows for this account now.")
        self.helper = form_helper(Field.text("code", field_width=Fixed.TEN), submit="Turn on two-factor sign-in")

    def clean_code(self):
        self.cleaned_data["code"] = _clean_code(self.cleaned_data["code"])
        return super().clean_code()


class DeactivateTOTPForm(totp_forms.DeactivateTOTPForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(submit="Remove the authenticator app", warning=True)


class GenerateRecoveryCodesForm(recovery_forms.GenerateRecoveryCodesForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(submit="Make new recovery codes")


class AddWebAuthnForm(webauthn_forms.AddWebAuthnForm):
    """allauth checks a new passkey only when the posted answer is truthy, and parses it with
    fido2 catching TypeError alone: a posted `0` was stored unchecked (after which that person's
    second-factor pages failed with a server error), and other odd answers were server errors."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].label = "Name for this passkey"
        self.fields["name"].help_text = "So you can tell your passkeys apart, for example “Work laptop”."
        self.fields["name"].max_length = 100
        self.fields["credential"].error_messages["required"] = "Use the button to create a passkey on this device"
        self.helper = form_helper(Field.text("name", field_width=Fluid.TWO_THIRDS), "credential")

    def clean_credential(self):
        credential = self.cleaned_data["credential"]
        try:
            attested = RegistrationResponse.from_dict(credential).response.attestation_object.auth_data
        except UNREADABLE_PASSKEY_ANSWER:
            attested = None
        if not isinstance(credential, dict) or attested is None or attested.credential_data is None:
            raise forms.ValidationError(PASSKEY_NOT_ADDED, code="incorrect_code")
        return credential

    def clean(self):
        try:
            return super().clean()
        except forms.ValidationError as error:
            if getattr(error, "code", None) == "incorrect_code":
                raise forms.ValidationError(PASSKEY_NOT_ADDED, code="incorrect_code") from error
            raise


class _PasskeyAnswerForm:
    """The passkey's answer at sign-in, or when confirming it is you: in our words, and a server
    error never, whatever was posted."""

    def clean_credential(self):
        credential = self.cleaned_data["credential"]
        try:
            AuthenticationResponse.from_dict(credential)
        except UNREADABLE_PASSKEY_ANSWER:
            raise forms.ValidationError(PASSKEY_NOT_ACCEPTED, code="incorrect_code") from None
        try:
            return super().clean_credential()
        except forms.ValidationError as error:
            if getattr(error, "code", None) == "incorrect_code":
                raise forms.ValidationError(PASSKEY_NOT_ACCEPTED, code="incorrect_code") from error
            raise


class AuthenticateWebAuthnForm(_PasskeyAnswerForm, webauthn_forms.AuthenticateWebAuthnForm):
    pass


class ReauthenticateWebAuthnForm(_PasskeyAnswerForm, webauthn_forms.ReauthenticateWebAuthnForm):
    pass


class EditWebAuthnForm(webauthn_forms.EditWebAuthnForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].label = "Name for this passkey"
        self.fields["name"].max_length = 100
        self.fields["name"].error_messages["required"] = "Enter a name for this passkey"
        self.helper = form_helper(Field.text("name", field_width=Fluid.TWO_THIRDS), submit="Save name")
