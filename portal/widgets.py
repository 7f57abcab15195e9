"""Widgets adjusted for crispy-forms-gds 2.0.1.

That pack adds GOV.UK's red error border only to widgets whose class is named
TextInput, Select or Textarea, so a password field in error would show no border.
"""

from django import forms


class TextInput(forms.PasswordInput):
    """A password input that crispy-forms-gds treats as a text input when marking errors."""

    # Named for the pack's check above; it renders exactly like PasswordInput.


PasswordInput = TextInput
