"""What differs between the two audiences' editors (one engine, two audiences: practice_guide/models.py).

The editor's views and templates are shared. The handbook mounts the same views (practice_guide/manage_urls.py,
``editor_patterns``) under its own URL namespace, so ``{% url 'practice_guide:manage-edit' %}`` in a shared
template, and ``url(request, ...)`` below in a view, lead to the audience's own editor pages.
"""

from dataclasses import dataclass

from django.urls import reverse

from practice_guide.models import FAMILY_KINDS, HANDBOOK_KINDS, Audience, Kind


@dataclass(frozen=True)
class Editing:
    audience: str
    title: str  # the whole, as staff name it: "Guide for families"
    readers: str  # who reads the published pages, capitalised: "Families"
    noun: str  # one page: "part" or "page"
    kinds: tuple
    # The guide has versions for children and an easy read version; the handbook has one text, for staff.
    has_reader_versions: bool
    readability_aim: str
    reading_age_limit: int  # above it, the readability panel says "Too hard"

    @property
    def is_handbook(self) -> bool:
        return self.audience == Audience.STAFF


EDITING = {
    Audience.FAMILIES: Editing(
        Audience.FAMILIES,
        title="Guide for families",
        readers="Families",
        noun="part",
        kinds=FAMILY_KINDS,
        has_reader_versions=True,
        readability_aim="Aim for a reading age of 9 to 11 for parents and carers, and younger for children.",
        reading_age_limit=11,
    ),
    Audience.STAFF: Editing(
        Audience.STAFF,
        title="Practice handbook",
        readers="Staff",
        noun="page",
        kinds=HANDBOOK_KINDS,
        has_reader_versions=False,
        readability_aim="Staff read it between visits, often on a phone: aim for plain English, a reading age "
        "of 14 or under, short sentences and the service's own terms.",
        reading_age_limit=14,
    ),
}

# The handbook's three sections, named as staff see them.
SECTION_HEADINGS = {Kind.MODEL: "Our model of practice", Kind.TOOL: "Tools", Kind.LEARNING: "How we learn together"}

# "Add a ..." for a new page of each kind.
NEW_PAGE_LABELS = {
    Kind.PART: "Add a part",
    Kind.STEP: "Add a journey step",
    Kind.MODEL: "Add a page about our model",
    Kind.TOOL: "Add a tool",
    Kind.LEARNING: "Add a page about learning together",
}


def editing_for(audience: str) -> Editing:
    return EDITING[audience]


def url(request, name: str, **kwargs) -> str:
    """The address of one of the editor's pages (by its name in manage_urls) for the audience being edited."""
    return reverse(f"practice_guide:{name}", kwargs=kwargs or None, current_app=request.resolver_match.namespace)
