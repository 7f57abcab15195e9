"""The portal-wide audit trail, for service managers: its filters and the read behind the page.

Sign-ins (successful, failed, refused, with a second factor, through the council's account), people and
role changes, second-factor resets, leavers and imports: everything ``portal.audit.record`` writes.
Names are copied into each event, so searching by name also finds events about people who have left.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from crispy_forms_gds.layout import Div, Field
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone

from portal.form_fields import date_field, form_helper
from portal.models import AuditEvent, AuditKind
from portal.people.access import can_see_audit_trail


@dataclass(frozen=True)
class AuditFilters:
    kind: str | None = None
    person: str = ""
    since: date | None = None
    until: date | None = None

    def as_query(self) -> dict:
        pairs = {
            "kind": self.kind,
            "person": self.person,
            "since": self.since.strftime("%d %m %Y") if self.since else None,
            "until": self.until.strftime("%d %m %Y") if self.until else None,
        }
        return {key: value for key, value in pairs.items() if value}


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def events_for(viewer, filters: AuditFilters) -> QuerySet[AuditEvent]:
    """Events newest first, for someone with ``portal.view_portal_audit``; nothing for anyone else."""
    if not (viewer.is_authenticated and can_see_audit_trail(viewer)):
        return AuditEvent.objects.none()
    events = AuditEvent.objects.order_by("-at", "-pk")
    if filters.kind:
        events = events.filter(kind=filters.kind)
    if filters.person:
        term = filters.person
        events = events.filter(
            Q(subject_name__icontains=term)
            | Q(identifier__icontains=term)
            | Q(actor_name__icontains=term)
            | Q(subject__email__icontains=term)
        )
    if filters.since:
        events = events.filter(at__gte=_start_of(filters.since))
    if filters.until:
        events = events.filter(at__lt=_start_of(filters.until + timedelta(days=1)))
    return events


class AuditFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label="What happened",
        required=False,
        error_messages={"invalid_choice": "Select what happened from the list"},
    )
    person = forms.CharField(
        label="Person",
        help_text="Part of a name or email address: who did it, or who it was about.",
        required=False,
        max_length=200,
        error_messages={"max_length": "Search for 200 characters or fewer"},
    )
    since = date_field("From", required=False, help_text="For example, 1 3 2027")
    until = date_field("To", required=False, help_text="For example, 31 3 2027")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "Anything"), *AuditKind.choices]
        self.helper = form_helper(
            Div(
                Div(Field.select("kind"), css_class="govuk-grid-column-one-half"),
                Div(Field.text("person"), css_class="govuk-grid-column-one-half"),
                css_class="govuk-grid-row",
            ),
            Div(
                Div(Field.text("since", field_width=10), css_class="govuk-grid-column-one-half"),
                Div(Field.text("until", field_width=10), css_class="govuk-grid-column-one-half"),
                css_class="govuk-grid-row",
            ),
            get_form=True,
        )

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and until < since:
            self.add_error("until", "The ‘to’ date must be the same as or after the ‘from’ date")
            cleaned.pop("until", None)
        return cleaned

    def filters(self) -> AuditFilters:
        if not self.is_bound:
            return AuditFilters()
        self.is_valid()
        cleaned = self.cleaned_data
        return AuditFilters(
            kind=cleaned.get("kind") or None,
            person=(cleaned.get("person") or "").strip(),
            since=cleaned.get("since"),
            until=cleaned.get("until"),
        )
