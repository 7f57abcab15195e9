"""Forms for readers (feedback, search) and editors (parts, scheduling, glossary, reports)."""

from datetime import timedelta

from crispy_forms_gds.layout import HTML, Button, Field, Fluid, Size
from django import forms
from django.utils import timezone
from django.utils.text import format_lazy, slugify
from django.utils.translation import gettext_lazy

from portal.form_fields import form_helper
from practice_guide import tool_shape
from practice_guide.models import HANDBOOK_KINDS, GlossaryTerm, GuidePart, Kind, audience_of

COMMENT_MAX = 1000
# The guide's own pages: a part with one of these addresses could never be reached.
# The handbook's own pages are in the same list, so one list serves both.
RESERVED_SLUGS = {
    "manage",
    "print",
    "glossary",
    "search",
    "version",
    "tell-us",
    "what-happens-and-when",
    "reading",
    "required-reading",
}


# --- Readers ------------------------------------------------------------------------------


class FeedbackCommentForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("How could we make this page better?"),
        help_text=gettext_lazy(
            "Do not include personal details, like your name, address or anything about your family. "
            "We cannot reply to you here."
        ),
        max_length=COMMENT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": format_lazy(gettext_lazy("Your comment must be {} characters or fewer"), COMMENT_MAX)
        },
    )
    # A field people never see: anything in it came from a robot.
    website = forms.CharField(required=False, label=gettext_lazy("Leave this empty"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field.textarea("comment", max_characters=COMMENT_MAX))

    @property
    def is_from_a_robot(self) -> bool:
        return bool(self.data.get("website"))


# --- Editors ------------------------------------------------------------------------------


class PartForm(forms.Form):
    title = forms.CharField(
        max_length=120,
        error_messages={"required": "Enter a title", "max_length": "Title must be 120 characters or fewer"},
    )
    slug = forms.SlugField(
        label="Web address",
        max_length=80,
        required=False,
        help_text="The end of the page's address, like what-to-expect. Leave empty to make one from the title. "
        "It cannot change once the page has been published.",
        error_messages={"invalid": "Web address can only use lower case letters, numbers and hyphens"},
    )
    summary = forms.CharField(
        max_length=160,
        help_text="One sentence of up to 160 characters. It appears in the contents list and in search engines.",
        error_messages={
            "required": "Enter a summary",
            "max_length": "Summary must be 160 characters or fewer",
        },
    )
    body_parents = forms.CharField(
        label="Version for parents and carers",
        widget=forms.Textarea(attrs={"rows": 18, "spellcheck": "true"}),
        error_messages={"required": "Enter the text for parents and carers"},
    )
    body_children = forms.CharField(
        label="Version for children and young people (optional)",
        required=False,
        help_text="Shorter and simpler. If empty, children see the version for parents and carers.",
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "true"}),
    )
    body_easy_read = forms.CharField(
        label="Easy read version (optional)",
        required=False,
        help_text="One short sentence on each line, with a picture at the start: [1F3E0] We will visit you at home. "
        "Start a line with ## for a heading. Find a picture's code with the picture search. "
        "If empty, easy read readers see the version for parents and carers.",
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "true"}),
    )
    timescale = forms.CharField(
        label="How long it usually takes (optional)",
        max_length=200,
        required=False,
        help_text="One short line, shown beside the step in the list of steps. If the law or national guidance "
        "sets a time limit, say so here and name the source in the note for editors.",
        error_messages={"max_length": "How long it usually takes must be 200 characters or fewer"},
    )
    editor_note = forms.CharField(
        label="Note for editors (optional)",
        required=False,
        help_text="Sources and reasons for the next editor, such as the guidance behind a time limit. "
        "Families never see it.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    edit_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, part: GuidePart | None = None, kind: str = Kind.PART, **kwargs):
        super().__init__(*args, **kwargs)
        self.part = part
        self.kind = part.kind if part is not None else kind
        # Only journey steps show how long they take.
        journey_fields = [Field.text("timescale", field_width=Fluid.FULL, label_size=Size.SMALL)]
        if self.kind != Kind.STEP:
            del self.fields["timescale"]
            journey_fields = []
        reader_versions = [
            Field.textarea("body_children", label_size=Size.SMALL),
            Field.textarea("body_easy_read", label_size=Size.SMALL),
            HTML('{% include "practice_guide/manage/includes/picture_picker.html" %}'),
        ]
        if self.kind in HANDBOOK_KINDS:
            self._for_the_handbook()
            reader_versions = []
        if part is not None and part.published_id is not None:
            self.fields["slug"].disabled = True
        self.helper = form_helper(
            Field.text("title", field_width=Fluid.FULL, label_size=Size.SMALL),
            Field.text("slug", field_width=Fluid.TWO_THIRDS, label_size=Size.SMALL),
            Field.text("summary", field_width=Fluid.FULL, label_size=Size.SMALL),
            Field.textarea("body_parents", label_size=Size.SMALL),
            *reader_versions,
            *journey_fields,
            Field.textarea("editor_note", label_size=Size.SMALL),
            Field("edit_version"),
        )

    @property
    def kind_label(self) -> str:
        return Kind(self.kind).label

    def _for_the_handbook(self):
        """The handbook has one text, for staff: no children's or easy read versions."""
        del self.fields["body_children"]
        del self.fields["body_easy_read"]
        body = self.fields["body_parents"]
        body.label = "Text"
        body.error_messages["required"] = "Enter the text of the page"
        if self.kind == Kind.TOOL:
            body.help_text = (
                "Every tool page has the same seven sections, each starting with ## and its heading: "
                + ", ".join(tool_shape.SECTIONS)
                + "."
            )
            if self.part is None and not self.is_bound:
                self.initial.setdefault("body_parents", tool_shape.TEMPLATE)
        self.fields["summary"].help_text = "One sentence of up to 160 characters. It appears in the handbook's lists."
        self.fields["editor_note"].help_text = "Sources and reasons for the next editor. Readers never see it."

    def clean_body_parents(self):
        body = self.cleaned_data["body_parents"]
        if self.kind == Kind.TOOL and (problem := tool_shape.problem(body)):
            raise forms.ValidationError(problem)
        return body

    def clean_slug(self):
        if self.part is not None and self.part.published_id is not None:
            return self.part.slug
        slug = self.cleaned_data.get("slug") or slugify(self.data.get("title", ""))[:80]
        if not slug:
            return slug
        if slug in RESERVED_SLUGS:
            whose = "the handbook" if self.kind in HANDBOOK_KINDS else "the guide"
            raise forms.ValidationError(f"The web address {slug} is used by {whose} itself. Choose a different one")
        taken = GuidePart.objects.filter(slug=slug, audience=audience_of(self.kind))
        if self.part is not None:
            taken = taken.exclude(pk=self.part.pk)
        if taken.exists():
            noun = "page" if self.kind in HANDBOOK_KINDS else "part"
            raise forms.ValidationError(f"Another {noun} already uses this web address. Choose a different one")
        return slug

    def clean(self):
        cleaned = super().clean()
        if "title" in cleaned and not cleaned.get("slug") and not self.errors.get("slug"):
            self.add_error("slug", "Enter a web address using letters or numbers")
        return cleaned


class ScheduleForm(forms.Form):
    publish_on = forms.DateField(
        label="Date",
        help_text="For example, 27 3 2027 or 2027-03-27",
        input_formats=["%d %m %Y", "%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"],
        error_messages={"required": "Enter the date to publish", "invalid": "Enter a real date, like 27 3 2027"},
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    publish_time = forms.TimeField(
        label="Time",
        help_text="24-hour clock, UK time. For example, 09:00",
        input_formats=["%H:%M", "%H.%M", "%H"],
        initial="09:00",
        error_messages={"required": "Enter the time to publish", "invalid": "Enter a time like 09:00"},
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.text("publish_on", field_width=Fluid.ONE_THIRD),
            Field.text("publish_time", field_width=Fluid.ONE_QUARTER),
            Button("schedule", "Schedule publishing"),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("publish_on") and cleaned.get("publish_time"):
            when = timezone.make_aware(timezone.datetime.combine(cleaned["publish_on"], cleaned["publish_time"]))
            if when <= timezone.now():
                self.add_error("publish_on", "The date and time to publish must be in the future")
            elif when > timezone.now() + timedelta(days=366):
                self.add_error("publish_on", "The date to publish must be within a year")
            cleaned["when"] = when
        return cleaned


class GlossaryTermForm(forms.ModelForm):
    class Meta:
        model = GlossaryTerm
        fields = ["term", "variants", "definition"]
        error_messages = {
            "term": {"required": "Enter the word or phrase"},
            "definition": {"required": "Enter what it means"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["term"].label = "Word or phrase"
        self.fields["variants"].widget.attrs["rows"] = 3
        self.fields["definition"].widget.attrs["rows"] = 4
        self.helper = form_helper(
            Field.text("term", field_width=Fluid.TWO_THIRDS, label_size=Size.SMALL),
            Field.textarea("variants", label_size=Size.SMALL),
            Field.textarea("definition", label_size=Size.SMALL),
            Button("save", "Save"),
        )

    def clean_term(self):
        term = self.cleaned_data["term"].strip()
        clash = GlossaryTerm.objects.filter(term__iexact=term)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError("The glossary already has this word")
        if not slugify(term):
            raise forms.ValidationError("The word or phrase must contain letters or numbers")
        return term

    def save(self, commit=True):
        term = super().save(commit=False)
        term.slug = slugify(term.term)[:80]
        if commit:
            term.save()
        return term


class PeriodForm(forms.Form):
    start = forms.DateField(label="From", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label="To", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["start"] > cleaned["end"]:
            self.add_error("end", "The end date must be the same as or after the start date")
        return cleaned

    def period(self, today):
        """The chosen dates, or the last 30 days."""
        data = self.cleaned_data if self.is_valid() else {}
        end = data.get("end") or today
        start = data.get("start") or end - timedelta(days=29)
        return start, end


PICTURE_QUERY_MAX = 100


class PictureSearchForm(forms.Form):
    """The editors' picture search (GET): words to look for in the pictures' names and keywords."""

    q = forms.CharField(
        label="Search for a picture",
        help_text="Words for what the line is about, like house, phone or school. Or a code, like 1F3E0.",
        max_length=PICTURE_QUERY_MAX,
        required=False,
        error_messages={
            "max_length": f"Search for {PICTURE_QUERY_MAX} characters or fewer",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field.text("q", field_width=Fluid.TWO_THIRDS), get_form=True)

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())
