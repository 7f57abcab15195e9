"""The practice lead's forms: who must read a page, and what links a tool to courses and supervision frames."""

from crispy_forms_gds.layout import Field, Size
from django import forms

from handbook import selectors
from portal.form_fields import form_helper
from supervision.frames import FrameChoice
from training.models import Course


class RequiredReadingForm(forms.Form):
    readers = forms.MultipleChoiceField(
        label="Who must read this page?",
        help_text="Select all that apply. They will see it in their required reading, and be asked again each time "
        "the page is published with changes. Select none to make it optional.",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose from the groups listed"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["readers"].choices = selectors.reader_groups()
        self.helper = form_helper(Field.checkboxes("readers", legend_size=Size.MEDIUM))


class ToolLinksForm(forms.Form):
    courses = forms.ModelMultipleChoiceField(
        label="Courses that teach this tool",
        help_text="The tool's page lists them with their next dates. Each course's page links back to the tool.",
        queryset=Course.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose from the courses listed", "invalid_pk_value": "Choose a course"},
    )
    frames = forms.MultipleChoiceField(
        label="Supervision frames that use this tool",
        required=False,
        choices=FrameChoice.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose from the frames listed"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        courses = Course.objects.select_related("programme").order_by("programme__position", "position", "title")
        self.fields["courses"].queryset = courses
        self.fields["courses"].label_from_instance = lambda course: f"{course.title} ({course.programme.name})"
        self.helper = form_helper(
            Field.checkboxes("courses", legend_size=Size.MEDIUM),
            Field.checkboxes("frames", legend_size=Size.MEDIUM),
        )
