"""The guide's Markdown: a small subset, turned into safe, GOV.UK-styled HTML.

What editors can use (the editor's help panel shows the same list):

    ## Heading            a section heading      (# is treated as ##)
    ### Smaller heading   a sub-heading          (#### and smaller are treated as ###)
    A blank line          starts a new paragraph
    **bold**              strong emphasis, sparingly
    - item                a bulleted list
    1. item               a numbered list
    [words](/guide/x/)    a link (web, email and phone links only)
    > text                an inset: a highlighted note

Anything else, raw HTML included, is removed by nh3: the text stays, the tags go,
and scripts and styles go entirely.
"""

import re
from html import unescape

import nh3
from markdown_it import MarkdownIt

_parser = MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False}).disable(
    ["image", "code", "fence", "hr", "lheading"]
)

ALLOWED_TAGS = {"h2", "h3", "p", "strong", "em", "ul", "ol", "li", "a", "blockquote", "br"}
GOVUK_CLASSES = {
    "h2": {"class": "govuk-heading-l"},
    "h3": {"class": "govuk-heading-m"},
    "p": {"class": "govuk-body"},
    "ul": {"class": "govuk-list govuk-list--bullet"},
    "ol": {"class": "govuk-list govuk-list--number"},
    "a": {"class": "govuk-link"},
    "blockquote": {"class": "govuk-inset-text"},
}


def _heading_level(tag: str) -> str:
    # The page's own title is the only <h1>; the text has two levels below it.
    return {"h1": "h2", "h2": "h2"}.get(tag, "h3")


def render(markdown_text: str) -> str:
    """Markdown to sanitised HTML with GOV.UK classes. Safe to mark safe."""
    tokens = _parser.parse(markdown_text or "")
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = _heading_level(token.tag)
    html = _parser.renderer.render(tokens, _parser.options, {})
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto", "tel"},
        set_tag_attribute_values=GOVUK_CLASSES,
        link_rel=None,
    )


# A link from one guide page to another, as render() writes it: the address /guide/<slug>/.
_GUIDE_LINK = re.compile(r'href="/guide/([a-z0-9-]+)/"')


def guide_links(html: str) -> tuple[str, ...]:
    """The slugs of the guide pages rendered HTML links to, each once, in order."""
    return tuple(dict.fromkeys(_GUIDE_LINK.findall(html)))


def plain_text(markdown_text: str) -> str:
    """The words of the text alone, for search, snippets and readability."""
    html = render(markdown_text)
    # Each block ends a sentence; inline tags (links, bold) simply go.
    html = re.sub(r"</(p|li|h2|h3|blockquote)>", ". ", html)
    html = re.sub(r"<(/?)(p|li|h2|h3|blockquote|ul|ol|br)\b[^>]*>", " ", html)
    text = unescape(re.sub(r"<[^>]+>", "", html))
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([.,;:!?])", r"\1", text)
    return re.sub(r"([.!?])(\.)+", r"\1", text).strip()
