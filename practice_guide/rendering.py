"""A part's text as families see it: Markdown to safe HTML with glossary words marked, or the easy read lines."""

import math
from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe

from practice_guide import easy_read, markdown
from practice_guide.glossary_links import link_terms
from practice_guide.models import Reader, Revision

# Words a minute: an adult's everyday pace is about 200 to 250 in plain text; easy read readers take longer
# and look at each picture, so half that.
WORDS_PER_MINUTE = {Reader.PARENTS: 200, Reader.CHILDREN: 200, Reader.EASY_READ: 100}


@dataclass(frozen=True)
class RenderedPart:
    html: SafeString
    linked_slugs: tuple[str, ...]
    has_own_version: bool
    reading_minutes: int = 1


def reading_minutes(words: int, reader: str) -> int:
    return max(1, math.ceil(words / WORDS_PER_MINUTE.get(reader, WORDS_PER_MINUTE[Reader.PARENTS])))


def render_part(revision: Revision, reader: str, terms, *, id_prefix: str = "") -> RenderedPart:
    own = revision.has_version_for(reader)
    if reader == Reader.EASY_READ and own:
        body = revision.body_easy_read
        words = len(easy_read.plain_text(body).split())
        # Easy read has no links and no glossary: its words are already the plainest.
        return RenderedPart(easy_read.render(body), (), True, reading_minutes(words, reader))
    body = revision.body_for(reader)
    html = link_terms(markdown.render(body), terms, id_prefix=id_prefix)
    linked = markdown.guide_links(html)
    # The version shown is the reader's own or the one for parents: read at that version's pace.
    pace = reader if own else Reader.PARENTS
    minutes = reading_minutes(len(markdown.plain_text(body).split()), pace)
    # Safe: render() sanitised the HTML with nh3 and link_terms escapes what it adds.
    return RenderedPart(mark_safe(html), linked, own, minutes)  # noqa: S308
