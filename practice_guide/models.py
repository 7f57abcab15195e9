"""The guide for families: its parts, every saved version of them, the glossary and readers' feedback."""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from practice_guide.access import can_edit, can_edit_guide


class Reader(models.TextChoices):
    PARENTS = "parents", "Parents and carers"
    CHILDREN = "children", "Children and young people"
    EASY_READ = "easy-read", "Easy read"


class Audience(models.TextChoices):
    """One engine, two audiences: the public guide for families and the staff practice handbook are written,
    versioned and published the same way, and must never mix. Families' pages are public; handbook pages
    are for signed-in staff only (handbook/)."""

    FAMILIES = "families", "Families"
    STAFF = "staff", "Staff"


class Kind(models.TextChoices):
    """What a page is, which also says whose it is.

    The guide for families has parts (in the contents) and the steps of the family's journey ("What happens
    and when"). The handbook for staff has pages about our model of practice, one page per practice tool
    (each in the same shape, handbook/tool_shape.py) and pages on how we learn together.
    """

    PART = "part", "Part"
    STEP = "step", "Journey step"
    MODEL = "model", "Our model of practice"
    TOOL = "tool", "Tool"
    LEARNING = "learning", "How we learn together"


FAMILY_KINDS = (Kind.PART, Kind.STEP)
HANDBOOK_KINDS = (Kind.MODEL, Kind.TOOL, Kind.LEARNING)


def audience_of(kind: str) -> str:
    return Audience.STAFF if kind in HANDBOOK_KINDS else Audience.FAMILIES


class GuidePartQuerySet(models.QuerySet):
    def published(self, audience: str = Audience.FAMILIES):
        """Pages their readers can see, in order, with the version they see: families' pages (parts and journey
        steps) unless the handbook's are asked for by name, so that no families' page can show staff text."""
        return (
            self.filter(audience=audience, published__isnull=False)
            .select_related("published")
            .order_by("position", "id")
        )

    def parts(self):
        return self.filter(kind=Kind.PART)

    def steps(self):
        return self.filter(kind=Kind.STEP)

    def for_families(self):
        return self.filter(audience=Audience.FAMILIES)

    def handbook(self):
        return self.filter(audience=Audience.STAFF)

    def for_editor(self, user, audience: str = Audience.FAMILIES):
        """The one scoping rule for editing: the editors of an audience's pages reach all of them and nothing
        of the other audience's; everyone else reaches none."""
        if user.is_authenticated and can_edit(user, audience):
            return self.filter(audience=audience)
        return self.none()


class GuidePart(models.Model):
    """One part of the guide. Its words live in revisions; the part says which one families see."""

    slug = models.SlugField(
        "web address", max_length=80, help_text="The end of the page's address, like what-to-expect."
    )
    audience = models.CharField(max_length=10, choices=Audience, default=Audience.FAMILIES)
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.PART)
    position = models.PositiveIntegerField(default=0, help_text="Order in the guide, lowest first.")
    published = models.ForeignKey(
        "Revision", on_delete=models.PROTECT, null=True, blank=True, related_name="+", help_text="What families see."
    )
    draft = models.ForeignKey(
        "Revision", on_delete=models.PROTECT, null=True, blank=True, related_name="+", help_text="The latest save."
    )
    scheduled = models.ForeignKey(
        "Revision", on_delete=models.PROTECT, null=True, blank=True, related_name="+", help_text="To publish later."
    )
    publish_at = models.DateTimeField(null=True, blank=True)
    # Goes up with every save, so that an editor saving over someone else's newer save is refused.
    edit_version = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    objects = GuidePartQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        permissions = [
            ("manage_guide", "Can write, publish and unpublish the guide for families"),
            ("manage_handbook", "Can write, publish and unpublish the practice handbook for staff"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["audience", "slug"], name="guidepart_slug_unique_in_audience"),
            models.CheckConstraint(
                condition=models.Q(audience=Audience.FAMILIES, kind__in=FAMILY_KINDS)
                | models.Q(audience=Audience.STAFF, kind__in=HANDBOOK_KINDS),
                name="guidepart_kind_belongs_to_audience",
            ),
            models.CheckConstraint(
                condition=models.Q(scheduled__isnull=True, publish_at__isnull=True)
                | models.Q(scheduled__isnull=False, publish_at__isnull=False),
                name="guidepart_schedule_has_a_time",
            ),
        ]
        # Every guide page, even one served whole from the cache, asks whether a part is due to publish.
        indexes = [
            models.Index(fields=["publish_at"], condition=models.Q(publish_at__isnull=False), name="guidepart_due")
        ]

    def __str__(self):
        return self.draft.title if self.draft_id else self.slug

    @property
    def has_unpublished_changes(self):
        return self.draft_id is not None and self.draft_id != self.published_id


class Revision(models.Model):
    """A saved version of a part. Never changed once saved: edits make a new revision."""

    part = models.ForeignKey(GuidePart, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=120)
    summary = models.CharField(
        max_length=160, help_text="One sentence. Shown in the contents list and to search engines."
    )
    body_parents = models.TextField("version for parents and carers")
    body_children = models.TextField("version for children and young people", blank=True)
    body_easy_read = models.TextField("easy read version", blank=True)
    # Journey steps: how long the step usually takes, shown beside it in the step-by-step list.
    timescale = models.CharField("how long it usually takes", max_length=200, blank=True)
    # Sources and reasons, for the next editor (for example the statutory guidance behind a timescale).
    # Families never see it.
    editor_note = models.TextField("note for editors", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    first_published_at = models.DateTimeField(null=True, blank=True)
    # Plain text of each version, for search and readability; written once with the revision.
    text_parents = models.TextField(blank=True, editable=False)
    text_children = models.TextField(blank=True, editable=False)
    text_easy_read = models.TextField(blank=True, editable=False)
    # What search matches, weighted title (A), summary (B), then both versions' text (C). PostgreSQL
    # computes and stores it whenever a row is written, so it can never disagree with the words; a
    # revision never changes once saved, so publishing only points the part at an up-to-date vector.
    search_vector = models.GeneratedField(
        expression=SearchVector("title", weight="A", config="english")
        + SearchVector("summary", weight="B", config="english")
        + SearchVector("text_parents", "text_children", "text_easy_read", weight="C", config="english"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    class Meta:
        ordering = ["part", "-number"]
        constraints = [models.UniqueConstraint(fields=["part", "number"], name="revision_number_unique_in_part")]
        indexes = [GinIndex(fields=["search_vector"], name="revision_search_vector")]

    def __str__(self):
        return f"{self.title} (version {self.number})"

    def body_for(self, reader: str) -> str:
        """The reader's own version, or the version for parents and carers where there is none.
        The easy read version is in its own line format (see practice_guide/easy_read.py)."""
        if reader == Reader.CHILDREN and self.body_children.strip():
            return self.body_children
        if reader == Reader.EASY_READ and self.body_easy_read.strip():
            return self.body_easy_read
        return self.body_parents

    def has_version_for(self, reader: str) -> bool:
        if reader == Reader.CHILDREN:
            return bool(self.body_children.strip())
        if reader == Reader.EASY_READ:
            return bool(self.body_easy_read.strip())
        return True


class Generation(models.Model):
    """One row whose value changes with anything families can see (practice_guide/guide_cache.py).

    Every application server reads it before serving a cached page, so a change made on one server is
    seen on all of them at once. The value is a fresh timestamp, never a counter: a database restored
    from a backup can then never reuse a value that already named different content.
    """

    value = models.BigIntegerField()

    def __str__(self):
        return str(self.value)


class PartEvent(models.Model):
    """Who did what to a part, and when."""

    class Action(models.TextChoices):
        CREATED = "created", "Created"
        SAVED = "saved", "Saved a draft"
        PUBLISHED = "published", "Published"
        SCHEDULED = "scheduled", "Scheduled"
        SCHEDULE_CANCELLED = "schedule_cancelled", "Cancelled the schedule"
        UNPUBLISHED = "unpublished", "Unpublished"
        RESTORED = "restored", "Restored an earlier version"
        MOVED = "moved", "Moved"

    part = models.ForeignKey(GuidePart, on_delete=models.CASCADE, related_name="events")
    revision = models.ForeignKey(Revision, on_delete=models.SET_NULL, null=True, blank=True, related_name="events")
    action = models.CharField(max_length=20, choices=Action.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.get_action_display()} {self.part} at {self.at:%Y-%m-%d %H:%M}"


class GlossaryTermQuerySet(models.QuerySet):
    def for_editor(self, user):
        """The one scoping rule for changing the glossary: guide editors only."""
        if user.is_authenticated and can_edit_guide(user):
            return self.all()
        return self.none()


class GlossaryTerm(models.Model):
    term = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80, unique=True)
    variants = models.TextField(
        "other forms", blank=True, help_text="Other ways of writing the term, one a line, like plurals or initials."
    )
    definition = models.TextField(help_text="One to three short sentences in plain words.")
    updated_at = models.DateTimeField(auto_now=True)

    objects = GlossaryTermQuerySet.as_manager()

    class Meta:
        ordering = [Lower("term")]
        constraints = [models.UniqueConstraint(Lower("term"), name="glossary_term_unique_ignoring_case")]

    def __str__(self):
        return self.term

    @property
    def forms(self) -> list[str]:
        """Every way the term may appear in a part: the term and its variants."""
        return [self.term, *(line.strip() for line in self.variants.splitlines() if line.strip())]


class TranslationFields(models.Model):
    """Who translated something and whether a translator has checked it: shared by every translation."""

    language = models.CharField(max_length=10, help_text="A language code from settings.GUIDE_LANGUAGES.")
    translated_by = models.CharField(max_length=120, help_text="The translator's name, or the agency's.")
    checked_by = models.CharField(max_length=120, blank=True)
    checked_on = models.DateField(null=True, blank=True, help_text="When a translator last checked it.")
    # Demo content: a translation written as an example and never checked by a translator. Readers are told.
    is_example = models.BooleanField(default=False)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    # Goes up with every save, so that an editor saving over someone else's newer save is refused.
    edit_version = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True


class Translation(TranslationFields):
    """A part or journey step in another language, translated from one English version (`source`).

    If the English version families see is no longer that one, readers are told the translation may be out of
    date, and editors see it as needing review.
    """

    part = models.ForeignKey(GuidePart, on_delete=models.CASCADE, related_name="translations")
    source = models.ForeignKey(Revision, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=120)
    summary = models.CharField(max_length=160)
    body_parents = models.TextField("version for parents and carers")
    body_children = models.TextField("version for children and young people", blank=True)
    # Journey steps: the step's "how long it usually takes" line, in the translation's language.
    timescale = models.CharField("how long it usually takes", max_length=200, blank=True)

    class Meta:
        ordering = ["part", "language"]
        constraints = [models.UniqueConstraint(fields=["part", "language"], name="translation_one_per_language")]

    def __str__(self):
        return f"{self.title} ({self.language})"

    def body_for(self, reader: str) -> str:
        if reader == Reader.CHILDREN and self.body_children.strip():
            return self.body_children
        return self.body_parents


class GlossaryTranslation(TranslationFields):
    """A glossary entry in another language. `source_definition` is the English wording it was made from."""

    entry = models.ForeignKey(GlossaryTerm, on_delete=models.CASCADE, related_name="translations")
    term = models.CharField(max_length=80)
    definition = models.TextField()
    source_term = models.CharField(max_length=80)
    source_definition = models.TextField()

    class Meta:
        ordering = ["entry", "language"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "language"], name="glossary_translation_one_per_language")
        ]

    def __str__(self):
        return f"{self.term} ({self.language})"

    @property
    def is_out_of_date(self) -> bool:
        return (self.source_term, self.source_definition) != (self.entry.term, self.entry.definition)


class PageFeedback(models.Model):
    """An anonymous "Is this page useful?" answer. Nothing here identifies the reader."""

    part = models.ForeignKey(GuidePart, on_delete=models.CASCADE, related_name="feedback")
    useful = models.BooleanField()
    comment = models.TextField(blank=True)
    reader = models.CharField(max_length=10, choices=Reader, default=Reader.PARENTS)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{'Useful' if self.useful else 'Not useful'}: {self.part}"
