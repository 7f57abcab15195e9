"""Forms for managers deciding on booking requests and external learning."""

from crispy_forms_gds.layout import Button, Field, Size
from django import forms

from portal.form_fields import form_helper

REASON_MAX = 500


def reason_field(label: str, *, required: bool) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=REASON_MAX,
        help_text="The person will see this. Keep it short and kind, and say what they could do instead.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Enter the reason",
            "max_length": f"Keep the reason to {REASON_MAX} characters or fewer",
        },
    )


class DeclineForm(forms.Form):
    reason = reason_field("Why are you declining?", required=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.textarea("reason", max_characters=REASON_MAX),
            Button.warning("decline", "Decline the request"),
        )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError("Enter the reason")
        return reason


class ExternalDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Do you approve this learning for their CPD record?",
        choices=[("approve", "Yes, approve it"), ("decline", "No, decline it")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether you approve it", "invalid_choice": "Choose approve or decline"},
    )
    reason = reason_field("If you decline it, why?", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.radios("decision", legend_size=Size.MEDIUM),
            Field.textarea("reason", max_characters=REASON_MAX),
            Button("decide", "Save decision"),
        )

    def clean(self):
        cleaned = super().clean()
        cleaned["reason"] = (cleaned.get("reason") or "").strip()
        if cleaned.get("decision") == "decline" and not cleaned["reason"] and "reason" not in self.errors:
            self.add_error("reason", "Enter the reason you are declining it")
        return cleaned

    @property
    def approves(self) -> bool:
        return self.cleaned_data["decision"] == "approve"
