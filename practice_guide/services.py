"""Every change to the guide. Each is one transaction and leaves an event saying who did it."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from portal.edit_conflicts import bump_version, save_if_unchanged
from practice_guide import easy_read, guide_cache
from practice_guide.markdown import plain_text
from practice_guide.models import (
    Audience,
    GlossaryTerm,
    GuidePart,
    Kind,
    PageFeedback,
    PartEvent,
    Revision,
    audience_of,
)

Action = PartEvent.Action


@dataclass
class PartText:
    title: str
    summary: str
    body_parents: str
    body_children: str = ""
    body_easy_read: str = ""
    timescale: str = ""  # journey steps only
    editor_note: str = ""

    @classmethod
    def of(cls, revision: Revision) -> "PartText":
        return cls(
            revision.title,
            revision.summary,
            revision.body_parents,
            revision.body_children,
            revision.body_easy_read,
            revision.timescale,
            revision.editor_note,
        )


def _refresh_public_pages(part: GuidePart | None = None) -> None:
    # In the change's own transaction: the new generation and the new words commit together, so no
    # server can pair the old generation with the new words or the new generation with the old.
    # The handbook's pages are never in the families' page cache: changing one leaves that cache be.
    if part is None or part.audience == Audience.FAMILIES:
        guide_cache.start_new_generation()


def _new_revision(part: GuidePart, text: PartText, by) -> Revision:
    number = (part.revisions.aggregate(latest=Max("number"))["latest"] or 0) + 1
    return Revision.objects.create(
        part=part,
        number=number,
        title=text.title,
        summary=text.summary,
        body_parents=text.body_parents,
        body_children=text.body_children,
        body_easy_read=text.body_easy_read,
        timescale=text.timescale,
        editor_note=text.editor_note,
        text_parents=plain_text(text.body_parents),
        text_children=plain_text(text.body_children),
        text_easy_read=easy_read.plain_text(text.body_easy_read),
        created_by=by,
    )


def _locked(part: GuidePart) -> GuidePart:
    return GuidePart.objects.select_for_update().get(pk=part.pk)


@transaction.atomic
def create_part(*, slug: str, text: PartText, by, kind: str = Kind.PART) -> GuidePart:
    """A new page of the kind (a part, a journey step, or one of the handbook's kinds), last in its list, as a
    draft. Its kind says whose it is: the families' guide or the staff handbook."""
    last = GuidePart.objects.filter(kind=kind).aggregate(last=Max("position"))["last"]
    part = GuidePart.objects.create(slug=slug, position=(last or 0) + 1, kind=kind, audience=audience_of(kind))
    revision = _new_revision(part, text, by)
    part.draft = revision
    part.save(update_fields=["draft"])
    PartEvent.objects.create(part=part, revision=revision, action=Action.CREATED, by=by)
    return part


@transaction.atomic
def save_draft(part: GuidePart, *, expected_version: int, text: PartText, by, slug: str | None = None) -> Revision:
    """Save a new draft, unless someone else saved since `expected_version`: then `EditConflictError`, whose
    `record` is the part as they left it, and nothing is saved (the transaction drops the new revision)."""
    current = _locked(part)
    revision = _new_revision(current, text, by)
    changes = {"draft": revision}
    if slug and slug != current.slug and current.published_id is None:
        changes["slug"] = slug
    save_if_unchanged(current, expected_version, version_field="edit_version", **changes)
    PartEvent.objects.create(part=current, revision=revision, action=Action.SAVED, by=by)
    return revision


def _make_public(part: GuidePart, revision: Revision, *, by, action=Action.PUBLISHED, note="") -> None:
    if revision.first_published_at is None:
        revision.first_published_at = timezone.now()
        revision.save(update_fields=["first_published_at"])
    bump_version(part, version_field="edit_version", published=revision, scheduled=None, publish_at=None)
    PartEvent.objects.create(part=part, revision=revision, action=action, by=by, note=note)
    _refresh_public_pages(part)


@transaction.atomic
def publish(part: GuidePart, *, by) -> None:
    current = _locked(part)
    _make_public(current, current.draft, by=by)


@transaction.atomic
def schedule(part: GuidePart, *, when, by) -> None:
    current = _locked(part)
    bump_version(current, version_field="edit_version", scheduled=current.draft, publish_at=when)
    note = f"for {timezone.localtime(when):%-d %B %Y at %H:%M}"
    PartEvent.objects.create(part=current, revision=current.draft, action=Action.SCHEDULED, by=by, note=note)


@transaction.atomic
def cancel_schedule(part: GuidePart, *, by) -> None:
    current = _locked(part)
    if current.scheduled_id is None:
        return
    bump_version(current, version_field="edit_version", scheduled=None, publish_at=None)
    PartEvent.objects.create(part=current, revision=current.scheduled, action=Action.SCHEDULE_CANCELLED, by=by)


def publish_due_parts(now=None) -> int:
    """Publish every part whose scheduled time has come. Cheap when none is due."""
    now = now or timezone.now()
    if not GuidePart.objects.filter(publish_at__lte=now).exists():
        return 0
    published = 0
    with transaction.atomic():
        due = GuidePart.objects.select_for_update(skip_locked=True, of=("self",)).filter(publish_at__lte=now)
        for part in due.select_related("scheduled"):
            scheduler = part.events.filter(action=Action.SCHEDULED).values_list("by__full_name", flat=True).first()
            _make_public(part, part.scheduled, by=None, note=f"as scheduled by {scheduler or 'an editor'}")
            published += 1
    return published


@transaction.atomic
def unpublish(part: GuidePart, *, by) -> None:
    current = _locked(part)
    if current.published_id is None:
        return
    bump_version(current, version_field="edit_version", published=None)
    PartEvent.objects.create(part=current, revision=current.published, action=Action.UNPUBLISHED, by=by)
    _refresh_public_pages(current)


@transaction.atomic
def restore(part: GuidePart, revision: Revision, *, by) -> Revision:
    """Make an earlier version the draft again, as a new revision: history is never rewritten."""
    current = _locked(part)
    restored = _new_revision(current, PartText.of(revision), by)
    bump_version(current, version_field="edit_version", draft=restored)
    PartEvent.objects.create(
        part=current, revision=restored, action=Action.RESTORED, by=by, note=f"from version {revision.number}"
    )
    return restored


@transaction.atomic
def move(part: GuidePart, *, up: bool, by) -> None:
    """Swap the part with its neighbour above or below, renumbering its list (the parts, or the journey's
    steps) 1, 2, 3..."""
    parts = list(GuidePart.objects.select_for_update().filter(kind=part.kind).order_by("position", "id"))
    index = next(i for i, p in enumerate(parts) if p.pk == part.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(parts):
        return
    parts[index], parts[other] = parts[other], parts[index]
    for position, each in enumerate(parts, start=1):
        if each.position != position:
            GuidePart.objects.filter(pk=each.pk).update(position=position)
    PartEvent.objects.create(part=part, action=Action.MOVED, by=by, note="up" if up else "down")
    _refresh_public_pages(part)


def record_feedback(part: GuidePart, *, useful: bool, reader: str) -> PageFeedback:
    return PageFeedback.objects.create(part=part, useful=useful, reader=reader)


def add_feedback_comment(feedback: PageFeedback, comment: str) -> None:
    PageFeedback.objects.filter(pk=feedback.pk).update(comment=comment)


@transaction.atomic
def save_glossary_term(form) -> GlossaryTerm:
    term = form.save()
    _refresh_public_pages()
    return term


@transaction.atomic
def delete_glossary_term(term: GlossaryTerm) -> None:
    term.delete()
    _refresh_public_pages()
