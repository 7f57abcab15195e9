"""The form for a case discussed in supervision, with what the child's file needs from it."""

from crispy_forms_gds.layout import Button, Field, Fieldset, Fluid, Size
from django import forms

from portal.form_fields import date_field, form_helper, text_field
from supervision.forms import VersionedForm
from supervision.session_forms import CASE_REFERENCE

NO_NAMES = "Use the case reference and people’s roles (“the 9-year-old”, “the mother”), never names."


class CaseDiscussionForm(VersionedForm):
    """A case discussed in supervision, and what the child's file needs from it (see supervision.case_record).

    Adding one has no version yet (`creating=True`); changing one carries the version it was opened at. With the
    `session`, "by when" may not be before the day of the supervision."""

    case_reference = forms.CharField(
        label="Case reference",
        max_length=20,
        help_text="The case number from the case management system, like CS-10442. Never a child’s name.",
        error_messages={
            "required": "Enter the case reference",
            "max_length": "A case reference is 20 characters or fewer",
        },
    )
    discussion = text_field("What you discussed", required=True, rows=6, help_text=NO_NAMES)
    decisions = text_field(
        "The decision",
        rows=4,
        mark_optional=True,
        help_text="What was decided, in words the child’s file can use. " + NO_NAMES,
    )
    rationale = text_field(
        "Why: the analysis behind the decision",
        rows=4,
        mark_optional=True,
        help_text="What you weighed up, and why this decision and not another. Needed before sign-off if you "
        "record a decision.",
    )
    child_views = text_field(
        "The child’s views and experience, and how we know them",
        rows=4,
        mark_optional=True,
        help_text="What the child has said, shown or been observed to feel, and how we know: from a visit, "
        "direct work, an advocate or school. Needed before sign-off if you record a decision. " + NO_NAMES,
    )
    next_steps = text_field("What happens next", rows=3, mark_optional=True)
    next_steps_by = forms.CharField(
        label="By whom (optional)",
        required=False,
        max_length=200,
        help_text="A role or a colleague’s name, like “the allocated social worker”. Not a family member’s name.",
        error_messages={"max_length": "Keep “by whom” to 200 characters or fewer"},
    )
    next_steps_due = date_field("By when (optional)", required=False)

    def __init__(self, *args, session=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.session = session
        self.fields["next_steps_due"].error_messages["invalid"] = "Enter a real date for “by when”, like 27 3 2027"
        self.helper = form_helper(
            Field.text("case_reference", field_width=10),
            Field.textarea("discussion"),
            Fieldset(
                Field.textarea("decisions"),
                Field.textarea("rationale"),
                Field.textarea("child_views"),
                legend="The decision for the child’s file",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.textarea("next_steps"),
                Field.text("next_steps_by", field_width=Fluid.TWO_THIRDS),
                Field.text("next_steps_due", field_width=Fluid.ONE_THIRD),
                legend="What happens next",
                legend_size=Size.MEDIUM,
            ),
            Button("save", "Save the case discussion" if "version" in self.fields else "Add the case discussion"),
        )

    def clean_case_reference(self):
        reference = self.cleaned_data["case_reference"].strip().upper()
        if not CASE_REFERENCE.match(reference):
            raise forms.ValidationError(
                "Enter a case reference of 3 to 20 letters, numbers, dashes or slashes, like CS-10442"
            )
        return reference

    def clean_next_steps_due(self):
        due = self.cleaned_data["next_steps_due"]
        if due and self.session is not None and due < self.session.held_on:
            raise forms.ValidationError(
                f"“By when” must be on or after the day of the supervision, {self.session.held_on:%-d %B %Y}"
            )
        return due

    def clean(self):
        cleaned = super().clean()
        has_next = any(cleaned.get(name) for name in ("next_steps_by", "next_steps_due"))
        if has_next and not (cleaned.get("next_steps") or "").strip() and "next_steps" not in self.errors:
            self.add_error("next_steps", "Enter what happens next, or leave “by whom” and “by when” empty")
        return cleaned

    def case_text(self) -> dict:
        """The fields as `services.CaseText` takes them."""
        data = self.cleaned_data
        return {
            "case_reference": data["case_reference"],
            "discussion": data["discussion"],
            "decisions": data["decisions"],
            "rationale": data["rationale"],
            "child_views": data["child_views"],
            "next_steps": data["next_steps"],
            "next_steps_by": data["next_steps_by"].strip(),
            "next_steps_due": data["next_steps_due"],
        }

    @staticmethod
    def initial_for(case) -> dict:
        return {
            "version": case.version,
            "case_reference": case.case_reference,
            "discussion": case.discussion,
            "decisions": case.decisions,
            "rationale": case.rationale,
            "child_views": case.child_views,
            "next_steps": case.next_steps,
            "next_steps_by": case.next_steps_by,
            "next_steps_due": f"{case.next_steps_due.day} {case.next_steps_due.month} {case.next_steps_due.year}"
            if case.next_steps_due
            else "",
        }
