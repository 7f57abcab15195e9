"""Every change the handbook makes besides its pages (which the guide engine writes: practice_guide.services)."""

from django.db import transaction

from handbook.models import ReadConfirmation, RequiredReading, ToolFrame
from handbook.rendering import render_page


def confirm_read(person, page) -> tuple[ReadConfirmation, bool]:
    """Record that ``person`` has read and understood the version of ``page`` published now. Confirming the same
    version twice records it once. Returns the confirmation and whether it is new."""
    revision = page.published
    # get_or_create also settles two clicks at once: the unique (person, revision) refuses the second insert,
    # and it then reads the first.
    return ReadConfirmation.objects.get_or_create(
        person=person,
        revision=revision,
        defaults={"page": page, "minutes": render_page(revision).reading_minutes},
    )


@transaction.atomic
def set_required_reading(page, readers: set[str], *, by) -> None:
    """Make ``readers`` (reading group keys: handbook.selectors.reader_groups) exactly the groups who must read
    ``page``."""
    RequiredReading.objects.filter(page=page).exclude(readers__in=readers).delete()
    existing = set(RequiredReading.objects.filter(page=page).values_list("readers", flat=True))
    RequiredReading.objects.bulk_create(
        [RequiredReading(page=page, readers=key, set_by=by) for key in sorted(readers - existing)]
    )


@transaction.atomic
def set_tool_links(page, *, courses, frames: set[str]) -> None:
    """The courses that teach a tool and the supervision frames that use it, both replaced at once."""
    page.courses.set(courses)
    ToolFrame.objects.filter(page=page).exclude(frame__in=frames).delete()
    existing = set(ToolFrame.objects.filter(page=page).values_list("frame", flat=True))
    ToolFrame.objects.bulk_create([ToolFrame(page=page, frame=frame) for frame in sorted(frames - existing)])
