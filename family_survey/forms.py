"""The families' questionnaire, and the managers' filters on the results."""

from crispy_forms_gds.layout import HTML, Button, Div, Field, Fixed, Size
from django import forms
from django.utils.html import format_html
from django.utils.text import get_text_list
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from family_survey.codes import TYPED_MAX, normalise
from family_survey.models import COMMENT_MAX, TeamCode
from family_survey.periods import Quarter, recent
from family_survey.questions import (
    CHILDREN,
    EASY_READ,
    KEYS,
    PARENTS,
    SKIP,
    STATEMENTS,
    choices_for,
    version_for,
    wording,
)
from portal.form_fields import filter_choice, form_helper
from practice_guide import pictures
from practice_guide.easy_read import PICTURE_SIZE
from supervision.personal_data import Kind, find_personal_data

# --- Families ---------------------------------------------------------------------------------

COMMENT_HINT = {
    PARENTS: _(
        "Do not write your name, your child’s name, your address or anything else that says who you are. "
        "We cannot reply to you here."
    ),
    CHILDREN: _("Do not write your name or anyone else’s name. We cannot reply to you here."),
    EASY_READ: _("Do not write any names. We cannot write back to you."),
}
COMMENT_LABEL = {
    PARENTS: _("Is there anything else you want to tell us? (optional)"),
    CHILDREN: _("Is there anything else you want to tell us? (optional)"),
    EASY_READ: _("Tell us more if you want to. (optional)"),
}

PERSONAL_DATA_WORDS = {
    Kind.NAME: _("a name"),
    Kind.DATE_OF_BIRTH: _("a date of birth"),
    Kind.NHS_NUMBER: _("an NHS number"),
    Kind.POSTCODE: _("a postcode"),
    Kind.PHONE: _("a phone number"),
    Kind.EMAIL: _("an email address"),
}


def _statement_layout(statement, version: str):
    """A statement's answers; in the easy read version with its picture beside them, as on the guide's
    easy read pages. The picture says nothing the words do not (alt=""), so screen readers skip it."""
    radios = Field.radios(statement.key, legend_size=Size.SMALL, small=True)
    picture = pictures.url(statement.picture) if version == EASY_READ else None
    if picture is None:
        return radios
    image = format_html(
        '<img class="portal-easy-read__picture" src="{}" alt="" width="{}" height="{}">',
        picture,
        PICTURE_SIZE,
        PICTURE_SIZE,
    )
    return Div(HTML(image), radios, css_class="portal-survey-statement")


class SurveyForm(forms.Form):
    team_code = forms.CharField(
        label=_("Team code (optional)"),
        help_text=_("If your social worker gave you a card, the code is on it. For example, K7P2XQ."),
        required=False,
        max_length=TYPED_MAX,
        error_messages={"max_length": _("The team code must be %(limit_value)d characters or fewer")},
    )
    comment = forms.CharField(
        required=False,
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": _("Your comment must be %(limit_value)d characters or fewer")},
    )
    # Set once the family has been asked to check a comment that looks like it says who they are.
    comment_checked = forms.BooleanField(required=False, widget=forms.HiddenInput)
    # A field people never see (the template hides it): anything in it came from a robot.
    website = forms.CharField(required=False, label="Leave this empty")
    # What in the comment looks like personal data (supervision.personal_data.Kind), once it is cleaned.
    personal_data: tuple[Kind, ...] = ()

    def __init__(self, *args, reader: str, **kwargs):
        super().__init__(*args, **kwargs)
        version = version_for(reader)
        statement_fields = {}
        for statement in STATEMENTS:
            text = wording(statement, version)
            statement_fields[statement.key] = forms.ChoiceField(
                label=text,
                choices=choices_for(version),
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": gettext("Choose one of the answers for “{}”").format(text)},
            )
        # The statements first, then the code and the comment.
        self.fields = {**statement_fields, **self.fields}
        self.fields["comment"].label = COMMENT_LABEL[version]
        self.fields["comment"].help_text = COMMENT_HINT[version]
        self.helper = form_helper(
            *(_statement_layout(statement, version) for statement in STATEMENTS),
            Field.text("team_code", field_width=Fixed.TEN),
            Field.textarea("comment", max_characters=COMMENT_MAX),
            Button("send", gettext("Send your answers")),
        )

    @property
    def is_from_a_robot(self) -> bool:
        return bool(self.data.get("website"))

    def clean_team_code(self):
        typed = self.cleaned_data["team_code"].strip()
        if not typed:
            return None
        code = normalise(typed)
        if code is None:
            raise forms.ValidationError(
                _("Enter the team code as it is on your card: 6 letters and numbers, like K7P2XQ")
            )
        found = TeamCode.objects.filter(code=code, retired_on__isnull=True).select_related("team").first()
        if found is None:
            raise forms.ValidationError(
                _("We do not know that team code. Check it against your card, or leave the box empty")
            )
        return found.team

    def clean_comment(self):
        comment = self.cleaned_data["comment"].strip()
        # The supervision records' checks for names, dates of birth, NHS numbers, postcodes, phone numbers and emails.
        # Each kind once, in the order the comment has them.
        self.personal_data = tuple(dict.fromkeys(finding.kind for finding in find_personal_data(comment)))
        return comment

    @property
    def comment_needs_a_second_look(self) -> bool:
        """The comment looks like it says who the family is, and they have not yet been asked to check it.
        A warning, never a refusal: a manager reads every comment before any report shows it."""
        return bool(self.personal_data) and not self.cleaned_data.get("comment_checked")

    def personal_data_in_words(self) -> str:
        """Like "a phone number, a postcode and a name"."""
        return get_text_list(
            [str(PERSONAL_DATA_WORDS[kind]) for kind in self.personal_data], pgettext("the last of a list", "and")
        )

    def clean(self):
        cleaned = super().clean()
        answered = [key for key in KEYS if cleaned.get(key) not in (None, "", SKIP)]
        if not answered and not any(key in self.errors for key in KEYS):
            self.add_error(KEYS[0], gettext("Answer at least one of the questions"))
        return cleaned

    @property
    def answers(self) -> dict[str, int | None]:
        chosen = {key: self.cleaned_data.get(key) for key in KEYS}
        return {key: None if value in (None, "", SKIP) else int(value) for key, value in chosen.items()}


# --- Managers ---------------------------------------------------------------------------------


class ResultsFilterForm(forms.Form):
    """A GET form, so a chosen quarter and team can be bookmarked and the page works without JavaScript."""

    quarter = forms.ChoiceField(
        label="Quarter", required=False, error_messages={"invalid_choice": "Select a quarter from the list"}
    )
    team = filter_choice("Team", "Select a team from the list", coerce=int)

    def __init__(self, *args, today, teams: list[tuple[int, str]], **kwargs):
        """`teams` are those in the person's scope: any other value is an error, never a way in."""
        super().__init__(*args, **kwargs)
        self.quarters = recent(today)
        self.fields["quarter"].choices = [(quarter.slug, quarter.label) for quarter in self.quarters]
        self.fields["team"].choices = [("", "All teams"), *teams]
        self.helper = form_helper(
            Field.select("quarter"), Field.select("team"), Button.secondary("apply", "Show results"), get_form=True
        )

    def chosen(self) -> tuple[Quarter, int | None]:
        """The quarter and team to show: each valid choice, and the default for anything missing or wrong."""
        cleaned = {}
        if self.is_bound:
            # Even when one field has an error, cleaned_data keeps the others.
            self.is_valid()
            cleaned = self.cleaned_data
        quarter = Quarter.from_slug(cleaned.get("quarter")) or self.quarters[0]
        return quarter, cleaned.get("team")
