"""The employer standard that supervision is measured against, chosen by `settings.SUPERVISION_STANDARD`.

Two standards are offered, both standard 5 ("regular and appropriate social work supervision") of the
employer standards for social workers in England:

- "lga-2020": the Local Government Association's Standards for Employers of Social Workers in England
  (2020), standard 5, "Frequency of supervision" (checked at
  https://www.local.gov.uk/our-support/workforce-and-hr-support/social-workers/standards-employers-social-workers-england-4):
  sessions last at least an hour and a half, uninterrupted; a newly qualified social worker is supervised
  at least weekly for the first six weeks, at least fortnightly to six months, then at least monthly;
  everyone else at least monthly.
- "dfe-2024": the Department for Education's 2024 presentation of the same employer standards
  (https://support-for-social-workers.education.gov.uk/employer-standards/standard-5/overview, checked
  1 December 2026). It sets no figures of its own: it asks each employer for a supervision policy and
  for the frequency and quality of supervision to be monitored against it, and points to the LGA text
  for the detail. So under it the portal measures frequency against each person's own supervision
  agreement (the employer's policy applied to them) and length against
  `settings.SUPERVISION_POLICY_MINUTES`, the employer's own minimum.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings

from portal.dates import add_months

LGA_2020 = "lga-2020"
DFE_2024 = "dfe-2024"

# The ASYE lasts a year: from then on the worker is supervised as everyone else is.
ASYE_MONTHS = 12


@dataclass(frozen=True)
class Standard:
    key: str
    name: str
    citation: str
    minimum_minutes: int
    # True: the standard's own intervals (the ASYE pattern, then monthly). False: each agreement's frequency.
    has_own_intervals: bool

    def describe(self) -> str:
        """One sentence for pages and the committee report."""
        if self.has_own_intervals:
            return (
                f"{self.name}: sessions of at least {self.minimum_minutes} minutes; in the ASYE weekly for the "
                "first 6 weeks and fortnightly to 6 months; otherwise at least monthly."
            )
        return (
            f"{self.name}: sessions of at least {self.minimum_minutes} minutes (our supervision policy), as often "
            "as each person's supervision agreement says."
        )

    def longest_gap(self, person, on: date, agreement=None) -> date:
        """The latest date the next session may be held if the last was on `on`.

        `agreement`, the person's current supervision agreement, is needed only by a standard without
        intervals of its own; with none, monthly applies."""
        if not self.has_own_intervals:
            return agreement.interval_ends(on) if agreement else add_months(on, 1)
        asye_start = getattr(person, "asye_start_date", None)
        if asye_start and asye_start <= on < add_months(asye_start, ASYE_MONTHS):
            if on < asye_start + timedelta(weeks=6):
                return on + timedelta(weeks=1)
            if on < add_months(asye_start, 6):
                return on + timedelta(weeks=2)
        return add_months(on, 1)

    def is_short(self, minutes: int | None) -> bool:
        """Whether a session of `minutes` falls short of the standard (unknown length: not flagged)."""
        return minutes is not None and minutes < self.minimum_minutes


def current_standard() -> Standard:
    """The standard `settings.SUPERVISION_STANDARD` names (checked at start-up by the system check)."""
    if settings.SUPERVISION_STANDARD == DFE_2024:
        return Standard(
            key=DFE_2024,
            name="Department for Education employer standards (2024), standard 5",
            citation="https://support-for-social-workers.education.gov.uk/employer-standards/standard-5/overview",
            minimum_minutes=settings.SUPERVISION_POLICY_MINUTES,
            has_own_intervals=False,
        )
    return Standard(
        key=LGA_2020,
        name="LGA Standards for Employers of Social Workers in England (2020), standard 5",
        citation="https://www.local.gov.uk/our-support/workforce-and-hr-support/social-workers/standards-employers-social-workers-england-4",
        minimum_minutes=90,
        has_own_intervals=True,
    )
