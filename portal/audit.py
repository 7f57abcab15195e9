"""Write to the portal-wide audit trail (portal.models.AuditEvent) from one place."""

from django.utils import timezone

from portal.models import AuditEvent


def client_ip(request) -> str | None:
    """The address django-axes settled on for this request, or the socket's peer."""
    if request is None:
        return None
    return getattr(request, "axes_ip_address", None) or request.META.get("REMOTE_ADDR") or None


def event(
    kind: str, *, actor=None, subject=None, request=None, identifier: str = "", summary: str = "", changes=None, at=None
) -> AuditEvent:
    """One unsaved event, for ``AuditEvent.objects.bulk_create``; ``at`` defaults to now."""
    return AuditEvent(
        at=at or timezone.now(),
        kind=kind,
        actor=actor if actor is not None and actor.pk else None,
        actor_name=str(actor) if actor is not None and actor.pk else "",
        subject=subject if subject is not None and subject.pk else None,
        subject_name=(subject.full_name or subject.email) if subject is not None and subject.pk else "",
        identifier=identifier[:254],
        ip_address=client_ip(request),
        summary=summary[:500],
        changes=changes or {},
    )


def record(kind: str, *, actor=None, subject=None, request=None, identifier: str = "", summary: str = "", changes=None):
    """Add one event. ``actor`` did it; ``subject`` is the person it was done to or for."""
    added = event(
        kind, actor=actor, subject=subject, request=request, identifier=identifier, summary=summary, changes=changes
    )
    added.save(force_insert=True)
    return added
