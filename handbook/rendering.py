"""A handbook page's text as staff read it: the guide's Markdown (practice_guide.markdown), with an id on each
section heading so the page can list its sections ("On this page") and a printed tool can be followed."""

import re
import zlib
from dataclasses import dataclass
from html import unescape

from django.core.cache import caches
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


# A revision never changes once saved, so its rendering can be kept for as long as the worker's memory
# cache keeps it (the guide's cache: settings.CACHES["guide"]), keyed by the revision and how it is shown.
_CACHE_SECONDS = 24 * 60 * 60


def render_page(revision, *, site: str = "", id_prefix: str = "", nested: bool = False) -> RenderedPage:
    """``_render_page``, kept per revision in each worker's memory."""
    # The text's checksum too: a database restored from a backup could give an id to other words.
    key = f"handbook-page:{revision.pk}:{zlib.crc32(revision.body_parents.encode())}:{nested}:{id_prefix}:{site}"
    rendered = caches["guide"].get(key)
    if rendered is None:
        rendered = _render_page(revision, site=site, id_prefix=id_prefix, nested=nested)
        caches["guide"].set(key, rendered, _CACHE_SECONDS)
    return rendered


def _render_page(revision, *, site: str = "", id_prefix: str = "", nested: bool = False) -> RenderedPage:
    """The revision's text as safe HTML. ``site`` (like https://portal.example) makes every link a full address,
    for paper. In the whole handbook on one page, each page's sections go one heading level down (``nested``)
    and their ids start with ``id_prefix``, so the headings nest under each page's title and no id repeats."""
    html = markdown.render(revision.body_parents)
    sections, used = [], set()

    def with_id(match):
        # The heading is sanitised HTML: its words alone (unescaped; the template escapes them again) name the
        # section and make its anchor.
        words = " ".join(unescape(_TAGS.sub("", match.group(1))).split())
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
