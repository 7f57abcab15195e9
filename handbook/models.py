"""The practice handbook's own records. Its pages are the guide engine's (practice_guide.models.GuidePart with
audience "staff"); here are who must read which page, who has confirmed reading which version, and which
supervision frames use each tool. The courses that teach a tool are on the course (training.Course.tools)."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from practice_guide.models import Audience, Kind
from supervision.frames import FrameChoice

# Required reading for people in their Assessed and Supported Year in Employment (User.is_newly_qualified),
# beside the portal's roles (portal.roles.Role), which are named by their role name.
ASYE = "ASYE"
ASYE_LABEL = "Workers in their ASYE year"


class RequiredReading(models.Model):
    """A handbook page everyone in a group must read and confirm: the holders of a role, or ASYE workers."""

    page = models.ForeignKey(
        "practice_guide.GuidePart",
        on_delete=models.CASCADE,
        related_name="required_reading",
        limit_choices_to={"audience": Audience.STAFF},
    )
    readers = models.CharField(max_length=60, help_text="A role's name, or ASYE for workers in their ASYE year.")
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    set_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["page", "readers"]
        permissions = [
            ("set_required_reading", "Can choose the handbook pages each role must read"),
            ("view_reading_report", "Can see who in the service has read the required handbook pages"),
        ]
        constraints = [models.UniqueConstraint(fields=["page", "readers"], name="required_reading_once_per_group")]

    def __str__(self):
        return f"{self.page} for {self.readers}"


class ReadConfirmation(models.Model):
    """Someone confirmed they have read and understood one published version of a handbook page.

    Tied to the version: when the page is published again, it asks them again. ``minutes`` is the version's
    reading time, which their CPD record counts (training.cpd)."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="handbook_reading")
    page = models.ForeignKey("practice_guide.GuidePart", on_delete=models.CASCADE, related_name="confirmations")
    revision = models.ForeignKey("practice_guide.Revision", on_delete=models.CASCADE, related_name="+")
    confirmed_at = models.DateTimeField(default=timezone.now)
    minutes = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["-confirmed_at"]
        constraints = [
            models.UniqueConstraint(fields=["person", "revision"], name="read_confirmation_once_per_version")
        ]
        indexes = [models.Index(fields=["page", "person"], name="read_confirmation_page_person")]

    def __str__(self):
        return f"{self.person} read {self.page} (version {self.revision_id})"


class ToolFrame(models.Model):
    """A supervision frame (supervision.frames) that uses a tool: shown on the tool's page."""

    page = models.ForeignKey(
        "practice_guide.GuidePart",
        on_delete=models.CASCADE,
        related_name="supervision_frames",
        limit_choices_to={"kind": Kind.TOOL},
    )
    frame = models.CharField(max_length=20, choices=FrameChoice.choices)

    class Meta:
        ordering = ["page", "frame"]
        constraints = [models.UniqueConstraint(fields=["page", "frame"], name="tool_frame_once")]

    def __str__(self):
        return f"{self.page}: {self.get_frame_display()}"
