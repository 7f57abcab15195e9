"""The uptake matrix's filters: a GET form, so a filtered view can be bookmarked, linked to from the
coverage figures and used without JavaScript."""

from crispy_forms_gds.layout import Div, Field
from django import forms

from portal.form_fields import filter_choice, form_helper
from training.matrix import SORT_CHOICES, STATUS_FILTER_CHOICES, MatrixFilters, Sort
from training.models import Level


def _column(field: Field) -> Div:
    return Div(field, css_class="govuk-grid-column-one-third")


class MatrixFilterForm(forms.Form):
    team = filter_choice("Team", "Select a team from the list", coerce=int)
    role = filter_choice("Role", "Select a role from the list", coerce=int)
    programme = filter_choice("Programme", "Select a programme from the list", coerce=int)
    level = filter_choice("Level", "Select a level from the list")
    course = filter_choice("Course", "Select a course from the list", coerce=int)
    status = filter_choice("Status", "Select a status from the list")
    sort = forms.ChoiceField(
        label="Sort by",
        choices=SORT_CHOICES,
        required=False,
        error_messages={"invalid_choice": "Select how to sort from the list"},
    )
    required = forms.BooleanField(label="Only courses required for the person’s role", required=False)

    def __init__(
        self,
        *args,
        teams: list[tuple[int, str]],
        roles: list[tuple[int, str]],
        programmes: list[tuple[int, str]],
        courses: list,
        **kwargs,
    ):
        """The choices are those in the person's scope: any other value is an error, so nobody can
        filter their way to people or courses they may not see."""
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = [("", "All teams"), *teams]
        self.fields["role"].choices = [("", "All roles"), *roles]
        self.fields["programme"].choices = [("", "All programmes"), *programmes]
        self.fields["level"].choices = [("", "All levels"), *Level.choices]
        self.fields["course"].choices = [("", "All courses"), *courses]
        self.fields["status"].choices = [("", "Any status"), *STATUS_FILTER_CHOICES]
        self.helper = form_helper(
            Div(
                _column(Field.select("team")),
                _column(Field.select("role")),
                _column(Field.select("programme")),
                css_class="govuk-grid-row",
            ),
            Div(
                _column(Field.select("level")),
                _column(Field.select("course")),
                _column(Field.select("status")),
                css_class="govuk-grid-row",
            ),
            Div(
                _column(Field.select("sort")),
                Div(Field.checkbox("required", small=True), css_class="govuk-grid-column-two-thirds"),
                css_class="govuk-grid-row",
            ),
            get_form=True,
        )

    def filters(self) -> MatrixFilters:
        """The filters to apply: each valid choice, and the default for anything missing or wrong."""
        if not self.is_bound:
            return MatrixFilters()
        # Even when some fields have errors, cleaned_data keeps the ones that were valid.
        self.is_valid()
        cleaned = self.cleaned_data
        return MatrixFilters(
            team_id=cleaned.get("team"),
            role_id=cleaned.get("role"),
            programme_id=cleaned.get("programme"),
            level=cleaned.get("level"),
            course_id=cleaned.get("course"),
            status=cleaned.get("status"),
            required_only=bool(cleaned.get("required")),
            sort=cleaned.get("sort") or Sort.TEAM,
        )
