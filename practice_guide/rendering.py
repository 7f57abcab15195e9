"""A part's text as families see it: Markdown to safe HTML, with glossary words marked."""

import re
from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe

from practice_guide.glossary_links import link_terms
from practice_guide.markdown import render
from practice_guide.models import Revision

_GUIDE_LINK = re.compile(r'href="/guide/([a-z0-9-]+)/"')


@dataclass(frozen=True)
class RenderedPart:
    html: SafeString
    linked_slugs: tuple[str, ...]
    has_own_version: bool


def render_part(revision: Revision, reader: str, terms, *, id_prefix: str = "") -> RenderedPart:
    body = revision.body_for(reader)
    html = link_terms(render(body), terms, id_prefix=id_prefix)
    linked = tuple(dict.fromkeys(_GUIDE_LINK.findall(html)))
    own = reader != "children" or bool(revision.body_children.strip())
    # Safe: render() sanitised the HTML with nh3 and link_terms escapes what it adds.
    return RenderedPart(mark_safe(html), linked, own)  # noqa: S308
