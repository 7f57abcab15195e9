"""Supervision records: agreements, sessions and what hangs off them, group sessions, and the audit trail.

Who may see or change each of these is decided in `supervision.access`, never here or in views.
"""

from datetime import date, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from portal.dates import add_months
from supervision.frames import FrameChoice, frame_for

ASYE_WEEKLY_UNTIL = timedelta(weeks=6)
ASYE_FORTNIGHTLY_UNTIL_MONTHS = 6


class Frequency(models.TextChoices):
    WEEKLY = "weekly", "Weekly"
    FORTNIGHTLY = "fortnightly", "Fortnightly"
    MONTHLY = "monthly", "Monthly"
    SIX_WEEKLY = "six_weekly", "Every six weeks"
    ASYE = "asye", "ASYE pattern (weekly for 6 weeks, fortnightly to 6 months, then monthly)"


def short_frequency_label(frequency: str) -> str:
    """A frequency in a word or two, for tables: the ASYE pattern's full label is a sentence."""
    return "ASYE pattern" if frequency == Frequency.ASYE else Frequency(frequency).label


class AgreementQuerySet(models.QuerySet):
    def current(self):
        return self.filter(ended_on__isnull=True)


class Agreement(models.Model):
    """What a supervisor and supervisee agree about their supervision, signed by both."""

    supervisee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="agreements")
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="agreements_as_supervisor"
    )
    starts_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    frequency = models.CharField(max_length=20, choices=Frequency, default=Frequency.MONTHLY)
    arrangements = models.TextField(
        "where and how",
        help_text="Where you meet, for how long, how sessions are booked and moved, and what happens if one is missed.",
    )
    confidentiality = models.TextField(
        "confidentiality",
        help_text="What stays between you, what the supervisor must pass on and to whom, and who can read the record.",
    )
    supervisee_signed_at = models.DateTimeField(null=True, blank=True)
    supervisor_signed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["supervisee"],
                condition=models.Q(ended_on__isnull=True),
                name="agreement_one_current_per_supervisee",
            ),
            models.CheckConstraint(
                condition=~models.Q(supervisee=models.F("supervisor")), name="agreement_not_with_oneself"
            ),
        ]
        permissions = [
            ("supervise", "Can hold supervision agreements and record sessions"),
            ("view_service_records", "Can read every supervision record in their service"),
            ("view_dashboard", "Can see the supervision dashboard for the people they manage"),
            ("view_audit", "Can review the audit trail of supervision records"),
        ]

    def __str__(self):
        return f"Supervision agreement for {self.supervisee} with {self.supervisor}"

    @property
    def is_signed(self) -> bool:
        return bool(self.supervisee_signed_at and self.supervisor_signed_at)

    @property
    def frequency_short(self) -> str:
        return short_frequency_label(self.frequency)

    def interval_ends(self, last: date) -> date:
        """When the next session is due if the last one was on `last`."""
        if self.frequency == Frequency.WEEKLY:
            return last + timedelta(weeks=1)
        if self.frequency == Frequency.FORTNIGHTLY:
            return last + timedelta(weeks=2)
        if self.frequency == Frequency.SIX_WEEKLY:
            return last + timedelta(weeks=6)
        if self.frequency == Frequency.ASYE:
            if last < self.starts_on + ASYE_WEEKLY_UNTIL:
                return last + timedelta(weeks=1)
            if last < add_months(self.starts_on, ASYE_FORTNIGHTLY_UNTIL_MONTHS):
                return last + timedelta(weeks=2)
        return add_months(last, 1)

    def next_due(self, last_held: date | None) -> date:
        """The date by which the next session should have happened."""
        return self.interval_ends(last_held or self.starts_on)


class SessionQuerySet(models.QuerySet):
    def held_by(self, today: date):
        return self.filter(held_on__lte=today)

    def booked_after(self, today: date):
        return self.filter(held_on__gt=today)


class ComplexityChoice(models.TextChoices):
    LOW = "low", "Mostly lower need"
    MIXED = "mixed", "Mixed"
    HIGH = "high", "Mostly high need (child protection, court work)"


class ResponseChoice(models.TextChoices):
    AGREE = "agree", "I agree this is a fair record"
    DISAGREE = "disagree", "I do not agree with all of this record"


class Session(models.Model):
    """One supervision session between a supervisor and a supervisee: booked, recorded, then signed off.

    Sessions are booked only under a current agreement between the two (see services), but keep
    their own supervisor: the person who led the session stays on the record when agreements change.
    """

    supervisee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="supervision_sessions"
    )
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="supervision_sessions_led"
    )
    held_on = models.DateField("date")
    frame = models.CharField(
        "reflective frame", max_length=20, choices=FrameChoice.choices, default=FrameChoice.INTEGRATED
    )
    notes = models.JSONField("reflective notes", default=dict, blank=True)
    # The practice handbook's tools used in the session (its tool pages). Only the record's readers see them.
    tools = models.ManyToManyField(
        "practice_guide.GuidePart",
        blank=True,
        related_name="+",
        limit_choices_to={"kind": "tool"},
        verbose_name="tools used",
    )
    # How long the session lasted, and roughly how that time split across the four functions of
    # supervision in Morrison's 4x4x4 model. The four add up to the length (a CHECK below), or are all
    # left empty; support and development together are the session's reflective time.
    minutes = models.PositiveSmallIntegerField(
        "length in minutes", null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(480)]
    )
    minutes_management = models.PositiveSmallIntegerField("case management (minutes)", null=True, blank=True)
    minutes_support = models.PositiveSmallIntegerField("support (minutes)", null=True, blank=True)
    minutes_development = models.PositiveSmallIntegerField("professional development (minutes)", null=True, blank=True)
    minutes_mediation = models.PositiveSmallIntegerField("mediation (minutes)", null=True, blank=True)
    scale = models.PositiveSmallIntegerField(
        "scale (0 to 10)", null=True, blank=True, validators=[MinValueValidator(0), MaxValueValidator(10)]
    )
    caseload_children = models.PositiveSmallIntegerField(
        "children on the worker’s caseload", null=True, blank=True, validators=[MaxValueValidator(200)]
    )
    caseload_complexity = models.CharField(max_length=10, choices=ComplexityChoice, blank=True)
    recorded_at = models.DateTimeField(null=True, blank=True)
    supervisee_reflection = models.TextField(blank=True)
    supervisee_response = models.CharField(max_length=10, choices=ResponseChoice, blank=True)
    supervisee_comment = models.TextField(blank=True)
    supervisor_signed_at = models.DateTimeField(null=True, blank=True)
    supervisee_signed_at = models.DateTimeField(null=True, blank=True)
    locked_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "-pk"]
        indexes = [
            # A person's sessions newest first. With the id and caseload in the index too, the
            # dashboard reads everything it needs about a person's sessions (the last one, how many
            # in the period, the latest caseload and each month's last, which sessions have open
            # actions) from the index alone, without visiting the sessions' rows.
            models.Index(
                fields=["supervisee", "-held_on", "-id"],
                include=["caseload_children"],
                name="session_supervisee_date_id",
            ),
            models.Index(fields=["supervisor", "-held_on"], name="session_supervisor_date"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(scale__lte=10), name="session_scale_0_to_10"),
            models.CheckConstraint(
                condition=models.Q(minutes__isnull=True) | models.Q(minutes__gte=1, minutes__lte=480),
                name="session_minutes_in_range",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    minutes_management__isnull=True,
                    minutes_support__isnull=True,
                    minutes_development__isnull=True,
                    minutes_mediation__isnull=True,
                )
                | models.Q(
                    minutes__isnull=False,
                    minutes_management__isnull=False,
                    minutes_support__isnull=False,
                    minutes_development__isnull=False,
                    minutes_mediation__isnull=False,
                    minutes=models.F("minutes_management")
                    + models.F("minutes_support")
                    + models.F("minutes_development")
                    + models.F("minutes_mediation"),
                ),
                name="session_functions_add_up_to_length",
            ),
            models.CheckConstraint(
                condition=models.Q(locked_at__isnull=True)
                | (models.Q(supervisor_signed_at__isnull=False) & models.Q(supervisee_signed_at__isnull=False)),
                name="session_locked_only_when_both_signed",
            ),
        ]

    def __str__(self):
        return f"Supervision for {self.supervisee} on {self.held_on:%-d %B %Y}"

    @property
    def has_balance(self) -> bool:
        """Whether the split of time across the four functions was recorded."""
        return self.minutes_management is not None

    @property
    def reflective_minutes(self) -> int | None:
        """Support plus development: the time spent reflecting rather than managing cases."""
        return self.minutes_support + self.minutes_development if self.has_balance else None

    @property
    def frame_definition(self):
        return frame_for(self.frame)

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None

    def answered_prompts(self):
        """(prompt, text) for each prompt of the session's frame that has something written."""
        return [
            (prompt, self.notes[prompt.key]) for prompt in self.frame_definition.prompts if self.notes.get(prompt.key)
        ]

    def status(self, today: date) -> str:
        if self.locked_at:
            return "Signed off"
        if self.supervisor_signed_at or self.supervisee_signed_at:
            return "Waiting for the supervisee" if self.supervisor_signed_at else "Waiting for the supervisor"
        if self.recorded_at:
            return "Recorded, not signed"
        if self.held_on > today:
            return "Booked"
        return "To be written up"


class CaseDiscussion(models.Model):
    """A case talked about in supervision, named only by its case reference: never a child's name."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="case_discussions")
    case_reference = models.CharField(max_length=20)
    discussion = models.TextField()
    decisions = models.TextField("decisions and direction", blank=True)
    # What a child's file needs from supervision (see supervision.case_record): why the decision was
    # made, what the child thinks and feels and how we know, and what happens next, by whom, by when.
    rationale = models.TextField("why: the analysis behind the decision", blank=True)
    child_views = models.TextField("the child’s views and experience, and how we know them", blank=True)
    next_steps = models.TextField("what happens next", blank=True)
    next_steps_by = models.CharField("by whom", max_length=200, blank=True)
    next_steps_due = models.DateField("by when", null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"Case {self.case_reference}"

    @property
    def needs_before_sign_off(self) -> list[str]:
        """What a recorded decision still lacks before the session can be signed off."""
        if not self.decisions.strip():
            return []
        missing = []
        if not self.rationale.strip():
            missing.append("why the decision was made")
        if not self.child_views.strip():
            missing.append("the child’s views and experience")
        return missing


class CriticalReflection(models.Model):
    """An entry in an ASYE social worker's critical-reflection log: theirs alone until they share it
    with their ASYE assessor (User.asye_assessor), who may then read it but never change it."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="critical_reflections")
    written_on = models.DateField("date")
    title = models.CharField(max_length=200)
    text = models.TextField("reflection")
    shared_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-written_on", "-pk"]
        indexes = [models.Index(fields=["author", "-written_on"], name="reflection_author_date")]

    def __str__(self):
        return self.title


class ActionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(completed_on__isnull=True)

    def overdue(self, today: date):
        return self.open().filter(due_on__lt=today)


class Action(models.Model):
    """Something agreed in supervision, with an owner and a due date."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(max_length=500)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="supervision_actions")
    due_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [
            models.Index(fields=["owner", "completed_on", "due_on"], name="action_owner_open_due"),
            # The dashboard counts open actions for a whole service: a few hundred rows among years
            # of completed ones.
            models.Index(
                fields=["session"],
                include=["due_on"],
                condition=models.Q(completed_on__isnull=True),
                name="action_open_by_session",
            ),
        ]

    def __str__(self):
        return self.description

    def is_overdue(self, today: date) -> bool:
        return self.completed_on is None and self.due_on < today


class Addendum(models.Model):
    """A note added to a signed-off session. The record itself is never rewritten."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="addenda")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name_plural = "addenda"

    def __str__(self):
        return f"Addendum by {self.author} on {self.created_at:%-d %B %Y}"


class Preparation(models.Model):
    """A supervisee's private notes before a session, shared with their supervisor only if they choose."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="supervision_preparations"
    )
    session = models.ForeignKey(Session, on_delete=models.SET_NULL, null=True, blank=True, related_name="preparations")
    went_well = models.TextField("what went well", blank=True)
    worries = models.TextField("what worries me", blank=True)
    to_think_about = models.TextField("what I want to think about", blank=True)
    shared_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Preparation notes by {self.author}"


class GroupSession(models.Model):
    """The weekly group reflective session run by the systemic psychotherapist."""

    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="group_sessions_run"
    )
    held_on = models.DateField("date")
    theme = models.CharField(max_length=200)
    hours = models.DecimalField(
        "length in hours",
        max_digits=3,
        decimal_places=1,
        default=3.5,
        validators=[MinValueValidator(0.5), MaxValueValidator(8)],
        help_text="Counts toward each attendee’s CPD hours.",
    )
    attendees = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="group_sessions_attended", blank=True)
    learning_points = models.TextField(
        "learning points", blank=True, help_text="What the group learned, with no names of families, children or staff."
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours__gt=0) & models.Q(hours__lte=8), name="group_session_hours_in_range"
            )
        ]
        permissions = [("run_group_sessions", "Can record the group reflective sessions they run")]

    def __str__(self):
        return f"{self.theme} ({self.held_on:%-d %B %Y})"


class AuditAction(models.TextChoices):
    VIEWED = "viewed", "Read"
    CREATED = "created", "Created"
    CHANGED = "changed", "Changed"
    SIGNED = "signed", "Signed"
    ADDENDUM = "addendum", "Added an addendum"
    EXPORTED = "exported", "Exported"
    DELETED = "deleted", "Deleted (retention)"


class RecordType(models.TextChoices):
    SESSION = "session", "Supervision session"
    AGREEMENT = "agreement", "Supervision agreement"
    PREPARATION = "preparation", "Preparation notes"
    GROUP_SESSION = "group_session", "Group session"
    CRITICAL_REFLECTION = "critical_reflection", "Critical reflection"
    PERSON = "person", "A person’s whole record"


class AuditEntry(models.Model):
    """Who read or changed which record, and when. Never holds the record's content.

    The record is named by type and id, not a foreign key, so the entry outlives the
    record when retention deletes it.
    """

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    actor_name = models.CharField(max_length=200)
    action = models.CharField(max_length=10, choices=AuditAction)
    record_type = models.CharField(max_length=20, choices=RecordType)
    record_id = models.PositiveBigIntegerField()
    detail = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["record_type", "record_id", "-at"], name="audit_record_at")]
        verbose_name_plural = "audit entries"

    def __str__(self):
        return f"{self.actor_name} {self.get_action_display().lower()} {self.record_type} {self.record_id}"


class ReminderSent(models.Model):
    """One reminder email, so the daily reminders command never sends the same one twice.

    `key` names what the reminder was about and for which date, such as "due:12:2026-12-01"
    (supervisee 12's session due on that day) or "action:40" (action 40 overdue).
    """

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=100)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["recipient", "key"], name="reminder_sent_once")]

    def __str__(self):
        return f"{self.key} to {self.recipient}"
