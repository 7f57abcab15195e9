"""The family's journey, step by step ("What happens and when"), and the guide parts each step links to.

A journey step is a GuidePart with kind=Kind.STEP, edited, versioned and published like any part. Its page
lives under /guide/what-happens-and-when/<slug>/ rather than /guide/<slug>/. The journey map (every published
step, its number, and the parts it links to) is read once per guide generation and kept in the guide's cache
(practice_guide/guide_cache.py), so a cached guide page never reads it again.
"""

from dataclasses import dataclass

from django.urls import reverse

from practice_guide.markdown import guide_links, render
from practice_guide.models import GuidePart, Kind

# Steps that are another route rather than the next thing that happens: shown with "or" in place of a number
# (the GOV.UK step-by-step "or" logic). Early help is offered instead of (or before) a social work assessment.
# Keyed by web address, which cannot change once a step is published.
ALTERNATIVE_STEPS = frozenset({"early-help"})


def page_url(kind: str, slug: str) -> str:
    """Where families read a part or a journey step."""
    if kind == Kind.STEP:
        return reverse("practice_guide:step", args=[slug])
    return reverse("practice_guide:part", args=[slug])


@dataclass(frozen=True)
class PartLink:
    slug: str
    title: str
    lang: str = ""  # set (to English) on a translated page where this part is not translated yet


@dataclass(frozen=True)
class JourneyStep:
    slug: str
    title: str
    summary: str
    timescale: str
    label: str  # the step's number, or "or" for another route
    parts: tuple[PartLink, ...]  # published parts the step links to, in the order it mentions them
    lang: str = ""  # set (to English) on a translated page where this step is not translated yet
    timescale_lang: str = ""  # likewise for the timescale line alone

    @property
    def is_alternative(self) -> bool:
        return not self.label.isdigit()


@dataclass(frozen=True)
class Journey:
    steps: tuple[JourneyStep, ...]

    def index_of(self, slug: str) -> int | None:
        return next((i for i, step in enumerate(self.steps) if step.slug == slug), None)

    def steps_linking_to(self, part_slug: str) -> list[JourneyStep]:
        return [step for step in self.steps if any(link.slug == part_slug for link in step.parts)]

    @property
    def part_slugs(self) -> frozenset[str]:
        return frozenset(link.slug for step in self.steps for link in step.parts)


def linked_slugs(*bodies: str) -> list[str]:
    """Guide addresses (/guide/<slug>/) that the Markdown links to, first mention first."""
    found = []
    for body in bodies:
        found.extend(guide_links(render(body or "")))
    return list(dict.fromkeys(found))


def journey(contents=None) -> Journey:
    """The published steps in order, numbered, with the published parts each links to. One query, given
    the contents (selectors.contents(), which every guide page has already read)."""
    if contents is None:
        titles = dict(GuidePart.objects.parts().published().values_list("slug", "published__title"))
    else:
        titles = {entry.slug: entry.title for entry in contents}
    rows = (
        GuidePart.objects.steps()
        .published()
        .only(
            "slug",
            "position",
            "published__title",
            "published__summary",
            "published__timescale",
            "published__body_parents",
            "published__body_children",
        )
    )
    steps, number = [], 0
    for row in rows:
        revision = row.published
        if row.slug in ALTERNATIVE_STEPS and number:
            label = "or"
        else:
            number += 1
            label = str(number)
        links = tuple(
            PartLink(slug, titles[slug])
            for slug in linked_slugs(revision.body_parents, revision.body_children)
            if slug in titles
        )
        steps.append(JourneyStep(row.slug, revision.title, revision.summary, revision.timescale, label, links))
    return Journey(tuple(steps))


def published_step(slug: str) -> GuidePart | None:
    # The texts load only if the rendered page is not already cached.
    texts = ("body_parents", "body_children", "body_easy_read", "text_parents", "text_children", "text_easy_read")
    return (
        GuidePart.objects.steps()
        .published()
        .defer(*(f"published__{name}" for name in (*texts, "search_vector")))
        .filter(slug=slug)
        .first()
    )


def published_steps():
    return GuidePart.objects.steps().published().defer("published__search_vector")


def step_page(journey, step, revision, rendered, contents) -> dict:
    """What a step's page shows beside its text: the step list with this step marked, the steps either side
    of it and the parts its text (in this reader's version) links to. Shared with the editors' preview."""
    index = journey.index_of(step.slug)
    by_slug = {entry.slug: entry for entry in contents}
    return {
        "part": step,
        "revision": revision,
        "rendered": rendered,
        "journey": journey,
        "current_step_slug": step.slug,
        "active_steps": (step.slug,),
        "current": journey.steps[index] if index is not None else None,
        "previous": journey.steps[index - 1] if index else None,
        "next": journey.steps[index + 1] if index is not None and index + 1 < len(journey.steps) else None,
        "related": [by_slug[s] for s in rendered.linked_slugs if s in by_slug],
    }
