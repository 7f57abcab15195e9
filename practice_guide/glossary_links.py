"""Marks glossary words in a part's HTML so readers can see their meaning in place.

The first time each term appears (outside links and headings) it becomes a link
to its glossary entry, described by a short definition. The definition shows
as a tooltip on hover and keyboard focus (CSS; Escape hides it, with JS), and a
screen reader announces it as the link's description. Without CSS or JS the
link still leads to the glossary.
"""

import re
from html import escape
from html.parser import HTMLParser

from django.urls import reverse

_SKIP_INSIDE = {"a", "h2", "h3"}


def _pattern(terms) -> re.Pattern | None:
    forms = sorted({form for term in terms for form in term.forms}, key=len, reverse=True)
    if not forms:
        return None
    return re.compile(r"\b(" + "|".join(re.escape(form) for form in forms) + r")\b", re.IGNORECASE)


class _Linker(HTMLParser):
    def __init__(self, terms, id_prefix):
        super().__init__(convert_charrefs=False)
        self.by_form = {form.lower(): term for term in terms for form in term.forms}
        self.pattern = _pattern(terms)
        self.id_prefix = id_prefix
        self.linked = set()
        self.open_tags = []
        self.out = []

    def handle_starttag(self, tag, attrs):
        self.open_tags.append(tag)
        self.out.append(self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag in self.open_tags:
            del self.open_tags[len(self.open_tags) - 1 - self.open_tags[::-1].index(tag)]
        self.out.append(f"</{tag}>")

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_data(self, data):
        if self.pattern is None or _SKIP_INSIDE.intersection(self.open_tags):
            self.out.append(data)
            return
        self.out.append(self.pattern.sub(self._link, data))

    def _link(self, match):
        found = match.group(0)
        term = self.by_form[found.lower()]
        if term.slug in self.linked:
            return found
        self.linked.add(term.slug)
        tip_id = f"{self.id_prefix}term-{term.slug}"
        href = f"{reverse('practice_guide:glossary')}#{term.slug}"
        # `found` is already-escaped HTML text from the sanitised body; the definition is plain text.
        return (
            f'<span class="portal-term" data-module="portal-term">'
            f'<a class="govuk-link portal-term__link" href="{href}" aria-describedby="{tip_id}">{found}</a>'
            f'<span class="portal-term__tip" role="tooltip" id="{tip_id}">{escape(term.definition)}</span>'
            f"</span>"
        )


def link_terms(html: str, terms, id_prefix: str = "") -> str:
    linker = _Linker(list(terms), id_prefix)
    linker.feed(html)
    linker.close()
    return "".join(linker.out)
