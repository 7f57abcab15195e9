"""Forms for a person's own training: the catalogue filter, evaluations, certificates, external
learning and the CPD record's year. The coordinator's and approvers' forms are in their own modules."""

from decimal import Decimal, InvalidOperation
from pathlib import PurePath

from crispy_forms_gds.layout import Button, Field, Fluid, Size
from django import forms
from django.utils import timezone

from portal.form_fields import DATE_FORMATS, form_helper, text_field
from training.cpd import year_label
from training.models import LearningKind, Level

CERTIFICATE_MAX_BYTES = 5 * 1024 * 1024
# Extension -> (content type, the bytes a real file of that type starts with).
CERTIFICATE_TYPES = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
}
HOURS_MIN, HOURS_MAX = Decimal("0.1"), Decimal("100")


# --- The catalogue ------------------------------------------------------------------------


class CatalogueFilterForm(forms.Form):
    programme = forms.ModelChoiceField(
        queryset=None,
        label="Programme",
        required=False,
        empty_label="All programmes",
        error_messages={"invalid_choice": "Choose a programme from the list"},
    )
    level = forms.ChoiceField(
        label="Level",
        required=False,
        choices=[("", "All levels"), *Level.choices],
        error_messages={"invalid_choice": "Choose a level from the list"},
    )

    def __init__(self, *args, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes
        self.helper = form_helper(Field.select("programme"), Field.select("level"), get_form=True)

    def chosen(self) -> tuple:
        """The programme and level to show; everything when the form is empty or wrong."""
        if not self.is_bound or not self.is_valid():
            return None, ""
        return self.cleaned_data["programme"], self.cleaned_data["level"]


# --- Evaluation ---------------------------------------------------------------------------

RATINGS = [
    ("5", "5: very useful"),
    ("4", "4: useful"),
    ("3", "3: partly useful"),
    ("2", "2: not very useful"),
    ("1", "1: not useful at all"),
]


class EvaluationForm(forms.Form):
    rating = forms.TypedChoiceField(
        label="How useful was the course for your work?",
        choices=RATINGS,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how useful the course was, from 1 to 5"},
    )
    was_useful = text_field(
        "What was useful",
        mark_optional=True,
        help_text="What you learned or will remember. Do not name children, families or colleagues.",
    )
    will_use = text_field(
        "How you will use it",
        mark_optional=True,
        help_text="Something you will do differently in your work, or try with a family.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.radios("rating", legend_size=Size.SMALL),
            Field.textarea("was_useful"),
            Field.textarea("will_use"),
            Button("send", "Send evaluation"),
        )


# --- Certificates -------------------------------------------------------------------------


class CertificateForm(forms.Form):
    certificate = forms.FileField(
        label="Certificate",
        help_text="A PDF, PNG or JPEG file smaller than 5 MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"}),
        error_messages={
            "required": "Choose a certificate file to upload",
            "empty": "The file you chose is empty. Choose another file",
            "invalid": "Choose a certificate file to upload",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field("certificate"), Button("upload", "Upload certificate"))

    def clean_certificate(self):
        upload = self.cleaned_data["certificate"]
        # Check the size before reading anything: a large upload has streamed to a temporary file.
        if upload.size > CERTIFICATE_MAX_BYTES:
            raise forms.ValidationError("The certificate must be smaller than 5 MB")
        extension = PurePath(upload.name or "").suffix.lower()
        if extension not in CERTIFICATE_TYPES:
            raise forms.ValidationError("The certificate must be a PDF, PNG or JPEG file")
        content_type, signatures = CERTIFICATE_TYPES[extension]
        upload.seek(0)
        content = upload.read()
        if not content.startswith(signatures):
            raise forms.ValidationError(
                f"The file is called {PurePath(upload.name).name} but it is not a real "
                f"{extension.lstrip('.').upper()} file. Choose a PDF, PNG or JPEG file"
            )
        self.content, self.content_type = content, content_type
        return upload


# --- External learning --------------------------------------------------------------------


class ExternalLearningForm(forms.Form):
    title = forms.CharField(
        label="What was it called?",
        max_length=200,
        help_text="For example, the conference, book, article or briefing’s title.",
        error_messages={
            "required": "Enter what the learning was called",
            "max_length": "The title must be 200 characters or fewer",
        },
    )
    kind = forms.ChoiceField(
        label="What kind of learning was it?",
        choices=LearningKind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose what kind of learning it was",
            "invalid_choice": "Choose what kind of learning it was",
        },
    )
    source = forms.CharField(
        label="Organiser, author or publisher (optional)",
        max_length=200,
        required=False,
        error_messages={"max_length": "The organiser, author or publisher must be 200 characters or fewer"},
    )
    completed_on = forms.DateField(
        label="Date",
        help_text="When you did it, or finished it. For example, 27 3 2027",
        input_formats=DATE_FORMATS,
        error_messages={"required": "Enter the date you did it", "invalid": "Enter a real date, like 27 3 2027"},
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    hours = forms.CharField(
        label="Hours",
        help_text="How long it took, in hours, to one decimal place. For example, 1.5",
        max_length=10,
        error_messages={"required": "Enter how many hours it took", "max_length": "Enter a number, like 1.5"},
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    reflection = text_field(
        "Your reflection",
        required=True,
        help_text=(
            "What you learned and how it will change your practice. Do not name children, families or colleagues."
        ),
        rows=8,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.text("title"),
            Field.radios("kind", legend_size=Size.SMALL),
            Field.text("source"),
            Field.text("completed_on", field_width=Fluid.ONE_THIRD),
            Field.text("hours", field_width=5),
            Field.textarea("reflection"),
            Button("save", "Send to your manager"),
        )

    def clean_completed_on(self):
        day = self.cleaned_data["completed_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("The date must be today or in the past")
        return day

    def clean_hours(self):
        text = self.cleaned_data["hours"].strip()
        try:
            hours = Decimal(text)
        except InvalidOperation:
            raise forms.ValidationError("Enter the hours as a number, like 1.5") from None
        if not hours.is_finite():
            raise forms.ValidationError("Enter the hours as a number, like 1.5")
        if hours < 0:
            raise forms.ValidationError("Hours cannot be negative. Enter how many hours it took, like 1.5")
        if hours == 0:
            raise forms.ValidationError("Hours must be more than 0. Enter how many hours it took, like 1.5")
        if hours < HOURS_MIN:
            raise forms.ValidationError("Hours must be at least 0.1")
        if hours > HOURS_MAX:
            raise forms.ValidationError("Hours must be 100 or fewer. Record a long course as several entries")
        if hours != hours.quantize(Decimal("0.1")):
            raise forms.ValidationError("Enter the hours to one decimal place, like 1.5")
        return hours.quantize(Decimal("0.1"))


# --- The CPD record -----------------------------------------------------------------------


class CpdYearForm(forms.Form):
    year = forms.TypedChoiceField(
        label="Year",
        coerce=int,
        required=False,
        error_messages={"invalid_choice": "Choose a year from the list"},
    )

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, year_label(year)) for year in years]
        self.helper = form_helper(Field.select("year"), get_form=True)
