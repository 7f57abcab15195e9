"""Forms for importing people: the upload, and confirming what the preview showed."""

from pathlib import PurePath

from crispy_forms_gds.layout import Button, Field
from django import forms

from portal.form_fields import form_helper
from portal.people.imports import MAX_BYTES, ImportFileError, file_problems, read_file


class UploadForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text=f"A CSV file saved as UTF-8, smaller than {MAX_BYTES // (1024 * 1024)} MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
        error_messages={
            "required": "Choose the CSV file to import",
            "empty": "The file is empty. Choose the CSV file with the people in it",
            "invalid": "Choose the CSV file to import",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field("file"), Button("upload", "Upload and check"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        # Check the size before reading anything: a large upload has streamed to a temporary file.
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(f"The file must be smaller than {MAX_BYTES // (1024 * 1024)} MB")
        upload.seek(0)
        try:
            self.text = read_file(upload.read())
            problems = file_problems(self.text)
        except ImportFileError as error:
            raise forms.ValidationError(str(error)) from error
        if problems:
            raise forms.ValidationError(problems)
        self.filename = PurePath((upload.name or "").replace("\x00", "")).name[:100] or "people.csv"
        return upload


class ConfirmForm(forms.Form):
    """Carries the fingerprint of the preview the administrator read, so a changed plan is not saved."""

    digest = forms.CharField(widget=forms.HiddenInput, max_length=64, min_length=64)
