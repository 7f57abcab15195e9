"""People, teams and the services they belong to."""

import re
from datetime import date
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.formats import date_format

from portal.people.access import can_manage_people

# Words before a name that are not a first name.
TITLES = {"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "sir", "dame", "rev"}


class Service(models.Model):
    """A part of the organisation, such as Children's Social Care and Early Help."""

    name = models.CharField(max_length=200, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Team(models.Model):
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["service__name", "name"]
        constraints = [models.UniqueConstraint(fields=["service", "name"], name="team_name_unique_in_service")]

    def __str__(self):
        return self.name


class UserQuerySet(models.QuerySet):
    def visible_to(self, viewer):
        """People whose details ``viewer`` may see in the people directory.

        Service managers see everyone in their service; supervisors see their own
        team and the people they line-manage; everyone else sees nobody here.
        """
        if not viewer.is_authenticated:
            return self.none()
        if viewer.has_perm("portal.view_service_people") and viewer.team_id:
            return self.filter(team__service__teams__id=viewer.team_id)
        if viewer.has_perm("portal.view_team_people"):
            scope = models.Q(line_manager=viewer)
            # Without a team of their own (a team closed under them), only their line reports: never "everyone
            # else without a team", which team_id=None would match.
            if viewer.team_id:
                scope |= models.Q(team_id=viewer.team_id)
            return self.filter(scope).distinct()
        return self.none()

    def manageable_by(self, administrator):
        """People ``administrator`` may add, change, invite and record as leavers: everyone in their own
        service, themselves included (though not their own roles). The one scope for people management.

        Needs ``portal.manage_people`` and a team (which names the service); otherwise nobody.
        """
        if not (administrator.is_authenticated and can_manage_people(administrator)):
            return self.none()
        if not administrator.team_id:
            return self.none()
        # Matched through the administrator's team id, so the check needs no query of its own.
        return self.filter(team__service__teams__id=administrator.team_id)


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def get_by_natural_key(self, email):
        # Sign-in ignores the case of the email address.
        return self.get(email__iexact=email)

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("A person needs a work email address.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A member of staff. Signs in with their work email address."""

    email = models.EmailField("work email address", unique=True)
    full_name = models.CharField("full name", max_length=200)
    team = models.ForeignKey(Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="members")
    job_title = models.CharField(max_length=200, blank=True)
    line_manager = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="direct_reports"
    )
    start_date = models.DateField("start date in the service", null=True, blank=True)
    asye_start_date = models.DateField(
        "ASYE start date",
        null=True,
        blank=True,
        help_text="The day their Assessed and Supported Year in Employment began, if they are newly qualified.",
    )
    is_newly_qualified = models.BooleanField(
        "newly qualified (ASYE)",
        default=False,
        help_text="In the Assessed and Supported Year in Employment.",
    )
    asye_assessor = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="asye_assessees",
        verbose_name="ASYE assessor",
        help_text="Who assesses the person's ASYE: they may read the critical reflections the person shares.",
    )
    working_hours = models.DecimalField(
        "working hours a week",
        max_digits=4,
        decimal_places=1,
        default=Decimal("37.0"),
        validators=[MinValueValidator(Decimal("0.5")), MaxValueValidator(Decimal("60"))],
    )
    leaving_date = models.DateField(
        "leaving date",
        null=True,
        blank=True,
        help_text="The first day the person no longer works here: from that day their account stops working.",
    )
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField("can use the admin site", default=False, help_text="System administrators only.")
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_unique_ignoring_case"),
            models.CheckConstraint(
                condition=models.Q(working_hours__gt=0) & models.Q(working_hours__lte=60),
                name="user_working_hours_in_range",
            ),
        ]
        permissions = [
            ("view_team_people", "Can see the people in their own team"),
            ("view_service_people", "Can see everyone in their service"),
            ("manage_people", "Can add people, change their team, roles and line manager, and record leavers"),
            ("reset_second_factor", "Can reset another person's second factor"),
            ("view_portal_audit", "Can read the portal-wide audit trail"),
        ]

    def __str__(self):
        return self.full_name or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        """The first name, for greetings: "Dr Helen Marsh" is "Helen", not "Dr"."""
        words = [word for word in self.full_name.split() if word.rstrip(".").lower() not in TITLES]
        return words[0] if words else self.full_name or self.email

    @property
    def role_names(self):
        return [group.name for group in self.groups.all()]

    def has_left(self, today) -> bool:
        """True from the leaving date on: the account no longer works, whatever ``is_active`` says."""
        return self.leaving_date is not None and self.leaving_date <= today

    def can_sign_in(self, today) -> bool:
        return self.is_active and not self.has_left(today)


class AuditKind(models.TextChoices):
    SIGN_IN = "sign_in", "Signed in"
    SIGN_IN_FAILED = "sign_in_failed", "Sign-in failed"
    SIGN_IN_REFUSED = "sign_in_refused", "Sign-in refused"
    SIGNED_OUT = "signed_out", "Signed out"
    LOCKED_OUT = "locked_out", "Locked out"
    SECOND_FACTOR = "second_factor", "Second factor used"
    SECOND_FACTOR_FAILED = "second_factor_failed", "Wrong second-factor code"
    SECOND_FACTOR_ADDED = "second_factor_added", "Second factor set up"
    SECOND_FACTOR_REMOVED = "second_factor_removed", "Second factor removed"
    SECOND_FACTOR_RESET = "second_factor_reset", "Second factor reset by a manager"
    SSO_SIGN_IN = "sso_sign_in", "Signed in with the council account"
    SSO_REFUSED = "sso_refused", "Council-account sign-in refused"
    PASSWORD_CHANGED = "password_changed", "Password changed"
    PASSWORD_RESET = "password_reset", "Password reset"
    PERSON_ADDED = "person_added", "Person added"
    PERSON_CHANGED = "person_changed", "Person changed"
    ROLES_CHANGED = "roles_changed", "Roles changed"
    INVITATION_SENT = "invitation_sent", "Invitation sent"
    INVITATION_WITHDRAWN = "invitation_withdrawn", "Invitation withdrawn"
    INVITATION_ACCEPTED = "invitation_accepted", "Invitation accepted"
    LEAVER_RECORDED = "leaver_recorded", "Leaving date recorded"
    LEAVER_HANDED_OVER = "leaver_handed_over", "Leaver's work handed over"
    ACCOUNT_CLOSED = "account_closed", "Account closed"
    PEOPLE_IMPORTED = "people_imported", "People imported"


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Imports once stored the preview's words, where an empty cell was "None": events saved then still read "Not set".
EMPTY_VALUES = (None, "", [], "None")


def _in_words(value) -> str:
    """A stored change value as the rest of the site writes it: "1 December 2026", "Yes", "Not set"."""
    if value in EMPTY_VALUES:
        return "Not set"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return ", ".join(_in_words(item) for item in value)
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        try:
            return date_format(date.fromisoformat(value), "j F Y")
        except ValueError:
            return value
    return str(value)


class AuditEvent(models.Model):
    """One thing that happened to an account or to who may do what: the portal-wide audit trail.

    Supervision keeps its own trail of who read which record (supervision.AuditEntry); this one
    covers sign-ins, second factors, people, roles and imports. Names are copied as well as linked,
    so an event still reads correctly after the person has gone.
    """

    at = models.DateTimeField(default=timezone.now, db_index=True)
    kind = models.CharField(max_length=30, choices=AuditKind, db_index=True)
    actor = models.ForeignKey("User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    actor_name = models.CharField(max_length=200, blank=True)
    subject = models.ForeignKey("User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    subject_name = models.CharField(max_length=254, blank=True)
    # What was tried with, for failed sign-ins where there is no subject: never a password.
    identifier = models.CharField(max_length=254, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    summary = models.CharField(max_length=500, blank=True)
    # Before and after, for changes: {"field": [before, after]}.
    changes = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["subject", "-at"], name="auditevent_subject_at")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.subject_name or self.identifier}"

    def change_rows(self) -> list[tuple[str, str, str]]:
        """Each change as (what, before, after) in words: "Line manager", "Not set", "Tom Okafor".

        The stored JSON keeps its raw values (ISO dates, null, true); only what a person reads changes.
        """
        rows = []
        for field, values in (self.changes or {}).items():
            before, after = (values + [None, None])[:2] if isinstance(values, list) else (None, values)
            rows.append(
                (field.replace("_", " ").capitalize().replace("Asye", "ASYE"), _in_words(before), _in_words(after))
            )
        return rows


class Invitation(models.Model):
    """A one-time link that lets a new person set their password (or tells them to use their council account).

    Only the token's SHA-256 hash is stored. Only a person's newest invitation works: sending a new one
    makes every earlier link dead. Valid for ``INVITATION_DAYS`` days.
    """

    person = models.ForeignKey("User", on_delete=models.CASCADE, related_name="invitations")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    sent_by = models.ForeignKey("User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["person", "-created_at"], name="invitation_person_created")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(accepted_at__isnull=True) | models.Q(withdrawn_at__isnull=True),
                name="invitation_not_both_accepted_and_withdrawn",
            )
        ]

    def __str__(self):
        return f"Invitation for {self.person} sent {self.created_at:%Y-%m-%d}"

    def is_pending(self, now) -> bool:
        """Not yet used, withdrawn or expired. (Whether it is the newest is checked where it is used.)"""
        return self.accepted_at is None and self.withdrawn_at is None and now < self.expires_at


class EmailSent(models.Model):
    """One email the scheduled commands sent, so that running a command again never sends it twice.

    `key` names what the email was about and for which period, such as "training-expiry-60:12:4:2027-01-31"
    or "uptake-digest:2026-11". (Supervision's reminders predate this and keep their own ReminderSent.)
    """

    recipient = models.ForeignKey("User", on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=120)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["recipient", "key"], name="email_sent_once")]
        verbose_name_plural = "emails sent"

    def __str__(self):
        return f"{self.key} to {self.recipient}"
