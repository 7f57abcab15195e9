"""A handbook page's text as staff read it: the guide's Markdown (practice_guide.markdown), with an id on each
section heading so the page can list its sections ("On this page") and a printed tool can be followed."""

import re
from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify

from practice_guide import markdown
from practice_guide.rendering import reading_minutes

_SECTION = re.compile(r'<h2 class="govuk-heading-l">(.*?)</h2>', flags=re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str


@dataclass(frozen=True)
class RenderedPage:
    html: SafeString
    sections: tuple[Section, ...]
    reading_minutes: int


def render_page(revision, *, site: str = "", id_prefix: str = "", nested: bool = False) -> RenderedPage:
    """The revision's text as safe HTML. ``site`` (like https://portal.example) makes every link a full address,
    for paper. In the whole handbook on one page, each page's sections go one heading level down (``nested``)
    and their ids start with ``id_prefix``, so the headings nest under each page's title and no id repeats."""
    html = markdown.render(revision.body_parents)
    sections, used = [], set()

    def with_id(match):
        # The heading's text is already escaped HTML; its words alone make the anchor.
        words = _TAGS.sub("", match.group(1))
        anchor = base = f"{id_prefix}{slugify(words) or 'section'}"
        counter = 2
        while anchor in used:
            anchor, counter = f"{base}-{counter}", counter + 1
        used.add(anchor)
        sections.append(Section(anchor, words))
        return f'<h2 class="govuk-heading-l" id="{anchor}">{match.group(1)}</h2>'

    html = _SECTION.sub(with_id, html)
    if nested:
        html = html.replace('<h3 class="govuk-heading-m">', '<h4 class="govuk-heading-s">').replace("</h3>", "</h4>")
        html = re.sub(
            r'<h2 class="govuk-heading-l"( id="[^"]*")>(.*?)</h2>', r'<h3 class="govuk-heading-m"\1>\2</h3>', html
        )
    if site:
        html = html.replace('href="/', f'href="{site}/')
    minutes = reading_minutes(len(revision.text_parents.split()), "parents")
    # Safe: markdown.render sanitised the HTML with nh3; the ids added are slugs.
    return RenderedPage(mark_safe(html), tuple(sections), minutes)  # noqa: S308
