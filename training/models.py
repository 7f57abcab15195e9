"""The training programme: programmes, courses and their dates, bookings, external learning,
evaluations, coverage targets, and the budget with what was spent against it.

Who may see or change each of these is decided in `training.access`, never here or in views.
"""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

# Local authorities budget from April to March.
FINANCIAL_YEAR_STARTS_IN_MONTH = 4


def financial_year_of(day: date) -> int:
    """The financial year a day falls in, named by the year it starts: 1 March 2027 is in 2026."""
    return day.year if day.month >= FINANCIAL_YEAR_STARTS_IN_MONTH else day.year - 1


def financial_year_bounds(year: int) -> tuple[date, date]:
    """First and last day of financial year `year` (1 April `year` to 31 March `year + 1`)."""
    return date(year, FINANCIAL_YEAR_STARTS_IN_MONTH, 1), date(year + 1, FINANCIAL_YEAR_STARTS_IN_MONTH - 1, 31)


class Level(models.TextChoices):
    INTRODUCTORY = "introductory", "Introductory"
    INTERMEDIATE = "intermediate", "Intermediate"
    ADVANCED = "advanced", "Advanced"
    REFRESHER = "refresher", "Refresher"


# For coverage, "at least introductory" is met by any higher level too. Refreshers keep a level current.
LEVEL_RANK = {Level.INTRODUCTORY: 1, Level.INTERMEDIATE: 2, Level.ADVANCED: 3}


class Format(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    ONLINE = "online", "Online, live"
    BLENDED = "blended", "Blended"
    SELF_PACED = "self_paced", "Self-paced"


class Programme(models.Model):
    """A strand of the training programme, such as "Systemic practice"."""

    name = models.CharField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        permissions = [
            ("manage_training", "Can run the training programme: courses, dates, registers, bookings and spend"),
            ("view_all_training", "Can see everyone's training in their service"),
            ("view_team_training", "Can see and approve training for the people they manage"),
        ]

    def __str__(self):
        return self.name


class Course(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="courses")
    title = models.CharField(max_length=200)
    level = models.CharField(max_length=20, choices=Level)
    provider = models.CharField(max_length=200)
    format = models.CharField(max_length=20, choices=Format, default=Format.IN_PERSON)
    hours = models.DecimalField(max_digits=5, decimal_places=1, validators=[MinValueValidator(Decimal("0.5"))])
    cost_per_place = models.DecimalField(
        "cost per place (£)", max_digits=8, decimal_places=2, default=Decimal("0"), validators=[MinValueValidator(0)]
    )
    required_for = models.ManyToManyField(
        Group, blank=True, related_name="required_courses", help_text="Roles that must complete this course."
    )
    refresh_months = models.PositiveSmallIntegerField(
        "refresh every (months)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text="Leave empty if it never needs refreshing.",
    )
    # The recertification window: how early before a completion expires its holder may book the refresher.
    recertify_from_days = models.PositiveSmallIntegerField(
        "refresher can be booked from (days before expiry)",
        default=90,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text="Only for courses that need refreshing.",
    )
    description = models.TextField(blank=True)
    # The practice handbook's tool pages this course teaches: each tool page lists its courses, and the
    # course page links back to the tools.
    tools = models.ManyToManyField(
        "practice_guide.GuidePart",
        blank=True,
        related_name="courses",
        limit_choices_to={"kind": "tool"},
        verbose_name="handbook tools it teaches",
    )
    is_active = models.BooleanField("offered now", default=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["programme__position", "programme__name", "position", "title"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "title"], name="course_title_unique_in_programme"),
            models.CheckConstraint(condition=Q(hours__gt=0), name="course_hours_positive"),
            models.CheckConstraint(condition=Q(cost_per_place__gte=0), name="course_cost_not_negative"),
            models.CheckConstraint(
                condition=Q(recertify_from_days__gte=1) & Q(recertify_from_days__lte=365),
                name="course_recertify_window_range",
            ),
        ]

    def __str__(self):
        return self.title


class DateKind(models.TextChoices):
    COURSE = "course", "Course"
    PRACTICE_DEVELOPMENT = "practice_development", "Practice development session"


class CourseDate(models.Model):
    """One running of a course: when, where, how many places, who leads it.

    A practice development session is the service's own formal session, run as a date of a course so that
    booking, the register and CPD hours work as for any course; it also records what was decided."""

    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="dates")
    kind = models.CharField(max_length=30, choices=DateKind, default=DateKind.COURSE)
    decisions = models.TextField(
        "what was decided",
        blank=True,
        help_text="For practice development sessions: what the session agreed, with no names of families or children.",
    )
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    location = models.CharField("where", max_length=200, help_text="A room and building, or “Online”.")
    is_online = models.BooleanField("online", default=False)
    capacity = models.PositiveSmallIntegerField("places", validators=[MinValueValidator(1), MaxValueValidator(500)])
    facilitator = models.CharField(max_length=200, blank=True)
    is_cancelled = models.BooleanField(default=False)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["course", "starts_at"], name="course_date_course_start")]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="course_date_ends_after_start"),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="course_date_has_places"),
            models.CheckConstraint(condition=Q(kind__in=["course", "practice_development"]), name="course_date_kind"),
        ]

    def __str__(self):
        return f"{self.course} on {timezone.localtime(self.starts_at):%-d %B %Y}"


class BookingStatus(models.TextChoices):
    PENDING = "pending", "Waiting for approval"
    BOOKED = "booked", "Booked"
    WAITING = "waiting", "On the waiting list"
    DECLINED = "declined", "Declined"
    CANCELLED = "cancelled", "Cancelled"


# A pending request holds its place while the manager decides, so approval never finds the date full.
HOLDS_A_PLACE = (BookingStatus.PENDING, BookingStatus.BOOKED)
LIVE = (BookingStatus.PENDING, BookingStatus.BOOKED, BookingStatus.WAITING)


class Attendance(models.TextChoices):
    ATTENDED = "attended", "Attended"
    PARTLY = "partly", "Attended part"
    ABSENT = "absent", "Did not attend"


class BookingQuerySet(models.QuerySet):
    def holding_places(self):
        return self.filter(status__in=HOLDS_A_PLACE)

    def live(self):
        return self.filter(status__in=LIVE)

    def completed(self):
        return self.filter(completed_on__isnull=False)


class Booking(models.Model):
    # Indexed by booking_date_person_cover below, which leads with it.
    course_date = models.ForeignKey(CourseDate, on_delete=models.PROTECT, related_name="bookings", db_index=False)
    # Indexed by booking_person_date_cover below, which leads with it.
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="training_bookings", db_index=False
    )
    status = models.CharField(max_length=10, choices=BookingStatus)
    requested_at = models.DateTimeField(default=timezone.now)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decline_reason = models.CharField(max_length=500, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    attendance = models.CharField(max_length=10, choices=Attendance, blank=True)
    hours_attended = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    certificate = models.BinaryField(null=True, blank=True, editable=False)
    certificate_name = models.CharField(max_length=200, blank=True)
    certificate_type = models.CharField(max_length=50, blank=True)
    version = models.PositiveIntegerField(default=1)

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["requested_at", "pk"]
        indexes = [
            models.Index(fields=["person", "status"], name="booking_person_status"),
            models.Index(fields=["course_date", "status", "requested_at"], name="booking_date_status_queue"),
            # The uptake matrix and coverage read bookings by person, and by course date (whether anyone
            # here used a course no longer offered): with the columns they need in the index, the
            # database answers from it without visiting the table.
            models.Index(
                fields=["person", "course_date"], include=["completed_on", "status"], name="booking_person_date_cover"
            ),
            models.Index(
                fields=["course_date", "person"], include=["completed_on", "status"], name="booking_date_person_cover"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["course_date", "person"], condition=Q(status__in=LIVE), name="booking_one_live_per_person_date"
            ),
            models.CheckConstraint(
                condition=Q(completed_on__isnull=True) | Q(attendance__in=[Attendance.ATTENDED, Attendance.PARTLY]),
                name="booking_completed_only_if_attended",
            ),
            models.CheckConstraint(
                condition=Q(hours_attended__isnull=True) | Q(hours_attended__gte=0), name="booking_hours_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.person} on {self.course_date}"

    @property
    def holds_a_place(self) -> bool:
        return self.status in HOLDS_A_PLACE


class LearningKind(models.TextChoices):
    CONFERENCE = "conference", "Conference or event"
    BOOK = "book", "Book or article"
    RESEARCH = "research", "Research briefing"
    E_LEARNING = "e_learning", "E-learning"
    SHADOWING = "shadowing", "Shadowing or observation"
    OTHER = "other", "Other"


class Decision(models.TextChoices):
    SUBMITTED = "submitted", "Waiting for approval"
    APPROVED = "approved", "Approved"
    DECLINED = "declined", "Declined"


class ExternalLearning(models.Model):
    """Learning a worker did outside the programme and records themselves, approved by their manager."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="external_learning")
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=LearningKind)
    source = models.CharField("organiser, author or publisher", max_length=200, blank=True)
    completed_on = models.DateField("date")
    hours = models.DecimalField(
        max_digits=4, decimal_places=1, validators=[MinValueValidator(Decimal("0.1")), MaxValueValidator(100)]
    )
    reflection = models.TextField()
    status = models.CharField(max_length=10, choices=Decision, default=Decision.SUBMITTED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-completed_on", "-pk"]
        verbose_name_plural = "external learning"
        constraints = [
            models.CheckConstraint(condition=Q(hours__gt=0) & Q(hours__lte=100), name="external_learning_hours_range")
        ]

    def __str__(self):
        return self.title


class Evaluation(models.Model):
    """A short evaluation after a course, one per booking."""

    booking = models.OneToOneField(Booking, on_delete=models.CASCADE, related_name="evaluation")
    rating = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])
    was_useful = models.TextField("what was useful", blank=True)
    will_use = models.TextField("how you will use it", blank=True)
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(rating__gte=1) & Q(rating__lte=5), name="evaluation_rating_1_to_5")
        ]

    def __str__(self):
        return f"{self.rating}/5 for {self.booking}"


class CoverageTarget(models.Model):
    """What share of staff should be trained to at least a level of a programme, such as
    "everyone at least introductory systemic practice"."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="targets")
    level = models.CharField(
        max_length=20, choices=[(level.value, level.label) for level in LEVEL_RANK], default=Level.INTRODUCTORY
    )
    role = models.ForeignKey(
        Group, on_delete=models.CASCADE, null=True, blank=True, help_text="Leave empty to count all staff."
    )
    target_percent = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(100)])

    class Meta:
        ordering = ["programme__position", "programme__name", "level"]
        constraints = [
            # nulls_distinct=False: two "all staff" targets (no role) for one programme and level clash too.
            models.UniqueConstraint(
                fields=["programme", "level", "role"], name="coverage_target_unique", nulls_distinct=False
            ),
            models.CheckConstraint(
                condition=Q(target_percent__gte=1) & Q(target_percent__lte=100), name="coverage_target_percent_range"
            ),
        ]

    def __str__(self):
        who = self.role.name.lower() + "s" if self.role else "staff"
        return f"{self.target_percent}% of {who} at least {self.get_level_display().lower()} {self.programme}"


class Budget(models.Model):
    """The training budget for one financial year."""

    year = models.PositiveSmallIntegerField("financial year starting", unique=True)
    amount = models.DecimalField("budget (£)", max_digits=10, decimal_places=2, validators=[MinValueValidator(0)])

    class Meta:
        ordering = ["-year"]
        constraints = [models.CheckConstraint(condition=Q(amount__gte=0), name="budget_not_negative")]

    def __str__(self):
        return f"{self.year} to {self.year + 1}: £{self.amount:,.2f}"


class Spend(models.Model):
    """Money spent on training: an invoice or payment, against a course where it was for one."""

    spent_on = models.DateField("date")
    amount = models.DecimalField("amount (£)", max_digits=10, decimal_places=2)
    description = models.CharField(max_length=200)
    course = models.ForeignKey(Course, on_delete=models.SET_NULL, null=True, blank=True, related_name="spend")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-spent_on", "-pk"]
        verbose_name_plural = "spend"
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="spend_positive")]

    def __str__(self):
        return f"£{self.amount:,.2f} on {self.spent_on}: {self.description}"
