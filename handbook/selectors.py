"""Every read of the handbook that encodes a rule: what staff see, who must read what, who has read it."""

from dataclasses import dataclass, field

from handbook.access import people_in_reading_report
from handbook.models import ASYE, ASYE_LABEL, ReadConfirmation, RequiredReading, ToolFrame
from portal.models import Team
from portal.roles import ROLES
from practice_guide.editing import SECTION_HEADINGS
from practice_guide.models import HANDBOOK_KINDS, Audience, GuidePart
from supervision.frames import FRAMES

# What a list of pages needs of each: never the texts.
_LIST_FIELDS = ("slug", "kind", "position", "published_id", "published__title", "published__summary")


def published_pages():
    """Every published handbook page (in position order within each kind: see ``in_handbook_order``)."""
    return GuidePart.objects.published(Audience.STAFF).only(*_LIST_FIELDS)


_KIND_ORDER = {kind: index for index, kind in enumerate(HANDBOOK_KINDS)}


def in_handbook_order(pages) -> list[GuidePart]:
    """Our model first, then the tools, then learning together; each kind in its editors' order."""
    return sorted(pages, key=lambda page: (_KIND_ORDER[page.kind], page.position, page.pk))


@dataclass(frozen=True)
class HandbookSection:
    kind: str
    heading: str
    pages: list


def sections(pages=None) -> list[HandbookSection]:
    """The published pages grouped into the handbook's three sections, each in its own order."""
    pages = in_handbook_order(published_pages()) if pages is None else pages
    return [
        HandbookSection(kind, SECTION_HEADINGS[kind], [page for page in pages if page.kind == kind])
        for kind in HANDBOOK_KINDS
    ]


def published_page(slug: str) -> GuidePart | None:
    return GuidePart.objects.published(Audience.STAFF).defer("published__search_vector").filter(slug=slug).first()


def frames_of(page: GuidePart) -> list:
    """The supervision frames that use a tool (supervision.frames.Frame), in the frames' own order."""
    chosen = set(ToolFrame.objects.filter(page=page).values_list("frame", flat=True))
    return [frame for key, frame in FRAMES.items() if key in chosen]


# --- Required reading ---------------------------------------------------------------------------------------


def reader_groups() -> list[tuple[str, str]]:
    """(key, label) for each group a page can be required reading for: ASYE workers, then every role."""
    return [(ASYE, ASYE_LABEL), *((role, role) for role in ROLES)]


def reader_label(key: str) -> str:
    return ASYE_LABEL if key == ASYE else key


def groups_of(person) -> set[str]:
    """The reading groups a person is in: their roles' names, and ASYE while they are newly qualified.
    Uses ``person.groups`` (prefetch it for many people)."""
    groups = {group.name for group in person.groups.all()}
    if person.is_newly_qualified:
        groups.add(ASYE)
    return groups


READ, CHANGED, UNREAD = "read", "changed", "unread"


def status(page: GuidePart, confirmed_revisions: set[int]) -> str:
    """Whether someone has confirmed reading the version of ``page`` published now, an earlier one, or none."""
    if page.published_id in confirmed_revisions:
        return READ
    return CHANGED if confirmed_revisions else UNREAD


def confirmed_by_page(person, pages) -> dict[int, set[int]]:
    """{page id: the revision ids ``person`` has confirmed reading} for the pages. One query."""
    found: dict[int, set[int]] = {}
    rows = ReadConfirmation.objects.filter(person=person, page__in=[page.pk for page in pages])
    for page_id, revision_id in rows.values_list("page_id", "revision_id"):
        found.setdefault(page_id, set()).add(revision_id)
    return found


def required_pages_for(person) -> list[GuidePart]:
    """The published handbook pages ``person`` must read, in handbook order. One query (two for groups)."""
    groups = groups_of(person)
    return in_handbook_order(published_pages().filter(required_reading__readers__in=groups).distinct())


def is_required_for(person, page) -> bool:
    """Must ``person`` read ``page``? One query."""
    return page.required_reading.filter(readers__in=groups_of(person)).exists()


def pages_to_print():
    """Every published handbook page with its text, in handbook order: the whole handbook on paper."""
    return in_handbook_order(GuidePart.objects.published(Audience.STAFF).defer("published__search_vector"))


@dataclass(frozen=True)
class ReadingItem:
    page: GuidePart
    status: str


def my_required_reading(person) -> list[ReadingItem]:
    pages = required_pages_for(person)
    confirmed = confirmed_by_page(person, pages)
    return [ReadingItem(page, status(page, confirmed.get(page.pk, set()))) for page in pages]


def latest_confirmation(person, page) -> ReadConfirmation | None:
    return ReadConfirmation.objects.filter(person=person, page=page).select_related("revision").first()


def required_reading_overview():
    """Every handbook page (published or not) with the groups that must read it, for the practice lead."""
    return GuidePart.objects.handbook().select_related("draft", "published").prefetch_related("required_reading")


# --- The reading report: who in the viewer's teams has read what they must ----------------------------------


@dataclass
class PersonReading:
    person: object
    items: list[ReadingItem] = field(default_factory=list)

    @property
    def outstanding(self) -> list[ReadingItem]:
        return [item for item in self.items if item.status != READ]

    @property
    def read_count(self) -> int:
        return len(self.items) - len(self.outstanding)


@dataclass
class TeamReading:
    team: Team | None
    people: list[PersonReading]

    @property
    def caption_id(self) -> str:
        return f"team-{self.team.pk if self.team else 'none'}-caption"

    @property
    def outstanding_people(self) -> int:
        return sum(1 for person in self.people if person.outstanding)


def reading_report(viewer, *, only_outstanding: bool = False) -> list[TeamReading]:
    """For each team the viewer may see, each active person who must read something, with each required page's
    status. Four queries, whatever the number of people and pages."""
    requirements = list(
        RequiredReading.objects.filter(page__audience=Audience.STAFF, page__published__isnull=False)
        .select_related("page__published")
        .only("readers", "page__slug", "page__kind", "page__position", "page__published__title", "page__published_id")
        .order_by("page__position", "page_id")
    )
    pages_by_group: dict[str, list[GuidePart]] = {}
    for requirement in requirements:
        pages_by_group.setdefault(requirement.readers, []).append(requirement.page)
    people = list(
        people_in_reading_report(viewer)
        .select_related("team")
        .prefetch_related("groups")
        .order_by("team__name", "full_name")
    )
    confirmed: dict[tuple[int, int], set[int]] = {}
    page_ids = {requirement.page_id for requirement in requirements}
    rows = ReadConfirmation.objects.filter(person__in=[p.pk for p in people], page__in=page_ids)
    for person_id, page_id, revision_id in rows.values_list("person_id", "page_id", "revision_id"):
        confirmed.setdefault((person_id, page_id), set()).add(revision_id)
    teams: dict[int | None, TeamReading] = {}
    for person in people:
        pages = {page.pk: page for group in groups_of(person) for page in pages_by_group.get(group, [])}
        if not pages:
            continue
        ordered = in_handbook_order(pages.values())
        reading = PersonReading(
            person, [ReadingItem(page, status(page, confirmed.get((person.pk, page.pk), set()))) for page in ordered]
        )
        if only_outstanding and not reading.outstanding:
            continue
        teams.setdefault(person.team_id, TeamReading(person.team, [])).people.append(reading)
    return list(teams.values())
