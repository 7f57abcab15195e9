"""The editors' forms for translations of parts, journey steps and glossary entries."""

from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms

from portal.form_fields import DATE_FORMATS, form_helper
from portal.languages import Language
from practice_guide.translations import Credit, TranslationText

NAME_MAX = 120
BODY_MAX = 50_000


class _CreditFields(forms.Form):
    """Who translated it, and whether and when a translator checked it: every translation form has these."""

    translated_by = forms.CharField(
        label="Translated by",
        max_length=NAME_MAX,
        help_text="The translator's name, or the agency's. Readers see it.",
        error_messages={
            "required": "Enter who translated it",
            "max_length": f"Translated by must be {NAME_MAX} characters or fewer",
        },
    )
    checked_by = forms.CharField(
        label="Checked by (optional)",
        max_length=NAME_MAX,
        required=False,
        help_text="A second translator who checked it against the English.",
        error_messages={"max_length": f"Checked by must be {NAME_MAX} characters or fewer"},
    )
    checked_on = forms.DateField(
        label="Checked on (optional)",
        required=False,
        help_text="For example, 27 3 2027. Readers see it.",
        input_formats=DATE_FORMATS,
        error_messages={"invalid": "Enter a real date, like 27 3 2027"},
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    is_example = forms.BooleanField(
        label="This is an example translation that no translator has checked",
        required=False,
        help_text="Readers are told it has not been checked.",
    )
    edit_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    credit_layout = (
        Field.text("translated_by", field_width=Fluid.TWO_THIRDS, label_size=Size.SMALL),
        Field.text("checked_by", field_width=Fluid.TWO_THIRDS, label_size=Size.SMALL),
        Field.text("checked_on", field_width=Fluid.ONE_THIRD, label_size=Size.SMALL),
        Field.checkbox("is_example"),
        Field("edit_version"),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("checked_on") and not cleaned.get("checked_by"):
            self.add_error("checked_by", "Enter who checked it, or leave the date empty")
        if cleaned.get("checked_by") and cleaned.get("is_example"):
            self.add_error("is_example", "A checked translation is not an example: untick this, or remove the checker")
        return cleaned

    def credit(self) -> Credit:
        data = self.cleaned_data
        return Credit(data["translated_by"].strip(), data["checked_by"].strip(), data["checked_on"], data["is_example"])

    def expected_version(self) -> int | None:
        return self.cleaned_data.get("edit_version")

    def _in_language(self, language: Language, *names) -> None:
        # The words are typed in the language itself: right to left for Arabic, and spell-checked in it.
        for name in names:
            self.fields[name].widget.attrs.update(lang=language.html_lang, dir=language.direction)


class TranslationForm(_CreditFields):
    title = forms.CharField(
        max_length=120,
        error_messages={"required": "Enter the title", "max_length": "Title must be 120 characters or fewer"},
    )
    summary = forms.CharField(
        max_length=160,
        help_text="One sentence of up to 160 characters.",
        error_messages={"required": "Enter the summary", "max_length": "Summary must be 160 characters or fewer"},
    )
    body_parents = forms.CharField(
        label="Version for parents and carers",
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 18}),
        error_messages={
            "required": "Enter the version for parents and carers",
            "max_length": f"The version for parents and carers must be {BODY_MAX:,} characters or fewer",
        },
    )
    body_children = forms.CharField(
        label="Version for children and young people (optional)",
        required=False,
        help_text="If empty, children see the version for parents and carers in this language.",
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 12}),
        error_messages={
            "max_length": f"The version for children and young people must be {BODY_MAX:,} characters or fewer"
        },
    )

    timescale = forms.CharField(
        label="How long it usually takes",
        max_length=200,
        help_text="The step's timescale line, in this language.",
        error_messages={
            "required": "Enter how long the step usually takes",
            "max_length": "How long it usually takes must be 200 characters or fewer",
        },
    )

    def __init__(self, *args, language: Language, with_timescale: bool = False, **kwargs):
        """`with_timescale`: a journey step whose English version has a timescale line, which the
        translation must give too, or the step list would mix languages."""
        super().__init__(*args, **kwargs)
        if not with_timescale:
            del self.fields["timescale"]
        words = ["title", "summary", "body_parents", "body_children", *(["timescale"] if with_timescale else [])]
        self._in_language(language, *words)
        self.helper = form_helper(
            Field.text("title", field_width=Fluid.FULL, label_size=Size.SMALL),
            Field.text("summary", field_width=Fluid.FULL, label_size=Size.SMALL),
            *([Field.text("timescale", field_width=Fluid.FULL, label_size=Size.SMALL)] if with_timescale else []),
            Field.textarea("body_parents", label_size=Size.SMALL),
            Field.textarea("body_children", label_size=Size.SMALL),
            *self.credit_layout,
            submit="Save translation",
        )

    def text(self) -> TranslationText:
        data = self.cleaned_data
        return TranslationText(
            data["title"].strip(),
            data["summary"].strip(),
            data["body_parents"],
            data["body_children"],
            data.get("timescale", "").strip(),
        )


class GlossaryTranslationForm(_CreditFields):
    term = forms.CharField(
        label="Word or phrase",
        max_length=80,
        error_messages={"required": "Enter the word or phrase", "max_length": "It must be 80 characters or fewer"},
    )
    definition = forms.CharField(
        label="What it means",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter what it means", "max_length": "It must be 2,000 characters or fewer"},
    )

    def __init__(self, *args, language: Language, **kwargs):
        super().__init__(*args, **kwargs)
        self._in_language(language, "term", "definition")
        self.helper = form_helper(
            Field.text("term", field_width=Fluid.TWO_THIRDS, label_size=Size.SMALL),
            Field.textarea("definition", label_size=Size.SMALL),
            *self.credit_layout,
            submit="Save translation",
        )
