"""The form on a leaver's page: the leaving date, who takes over, and what happens to open actions."""

from crispy_forms_gds.layout import Button, Field, Fluid, Size
from django import forms

from portal.form_fields import date_field, form_helper
from portal.people.leavers import HandoverError, check_handover

MOVE, CLOSE = "move", "close"


class LeaverForm(forms.Form):
    leaving_date = date_field(
        "Leaving date",
        help_text="The first day they no longer work here. From that day their account stops working. "
        "For example, 27 3 2027",
    )
    successor = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Who takes over",
        empty_label="Choose a supervisor",
        help_text="A supervisor in your service who is not leaving. They become the supervisor and line manager "
        "of the people listed above.",
        error_messages={"invalid_choice": "Choose a supervisor in your service from the list"},
    )
    actions = forms.ChoiceField(
        label="What should happen to their open actions?",
        choices=[(MOVE, "Move them to the person who takes over"), (CLOSE, "Close them")],
        widget=forms.RadioSelect,
        initial=MOVE,
        error_messages={
            "required": "Choose what happens to their open actions",
            "invalid_choice": "Choose what happens to their open actions",
        },
    )

    def __init__(self, *args, person, by, pending, candidates, successors, **kwargs):
        """``candidates``: every supervisor in scope, to give a specific error for one who is leaving;
        ``successors``: the ones offered, who are staying."""
        super().__init__(*args, **kwargs)
        self.person, self.by, self.pending = person, by, pending
        field = self.fields["successor"]
        field.queryset = candidates
        field.widget.choices = [("", field.empty_label)] + [
            (choice.pk, f"{choice.full_name}, {choice.team}" if choice.team_id else choice.full_name)
            for choice in successors
        ]
        layout = [Field.text("leaving_date", field_width=Fluid.ONE_THIRD), Field.select("successor")]
        self.has_actions = any(item.closable for item in pending)
        if self.has_actions:
            layout.append(Field.radios("actions", legend_size=Size.MEDIUM))
        else:
            del self.fields["actions"]
        self.helper = form_helper(*layout, Button("save", "Record leaving and hand over"))

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            check_handover(
                self.person, to=data.get("successor"), on=data["leaving_date"], pending=self.pending, by=self.by
            )
        except HandoverError as error:
            self.add_error(error.field, error.message)
        return data

    @property
    def close_actions(self) -> bool:
        return self.cleaned_data.get("actions") == CLOSE
