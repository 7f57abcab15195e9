"""The easy read version of a page: one short idea per line, each with a picture beside it.

Editors write it as lines of text. A line may start with a picture from the OpenMoji set, named by its
code in square brackets, and a line starting with "## " is a heading:

    ## What happens next
    [1F3E0] Your social worker will visit you at home.
    [1F5E3] They will talk with you and your children.

Blank lines are ignored. Nothing else is special: easy read has no links, lists or bold text.
"""

import re
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from practice_guide import pictures

PICTURE_CODE = re.compile(r"^\[([0-9A-Fa-f]{2,8}(?:-[0-9A-Fa-f]{2,8})*)\]\s*")
HEADING = "## "
PICTURE_SIZE = 72


@dataclass(frozen=True)
class Line:
    text: str
    picture: str = ""  # an OpenMoji code in upper case, like 1F3E0, or empty
    is_heading: bool = False


def parse(body: str) -> list[Line]:
    lines = []
    for raw in body.splitlines():
        text = raw.strip()
        if not text:
            continue
        if text.startswith(HEADING):
            lines.append(Line(text[len(HEADING) :].strip(), is_heading=True))
            continue
        found = PICTURE_CODE.match(text)
        if found:
            lines.append(Line(text[found.end() :].strip(), picture=found.group(1).upper()))
        else:
            lines.append(Line(text))
    return lines


def plain_text(body: str) -> str:
    """The words alone, for search and the readability check."""
    return "\n".join(line.text for line in parse(body))


# --- Rendering ----------------------------------------------------------------------------

# Keeps the words in line with the others when a picture code is unknown.
_NO_PICTURE = mark_safe('<span class="portal-easy-read__picture" aria-hidden="true"></span>')


def render(body: str) -> str:
    """The lines as safe HTML: each idea a list item with its picture beside it, headings between.

    The pictures carry no meaning the words do not (alt=""), so a screen reader reads the words alone. A line
    whose picture code is not in the set shows its words alone; the editor's check names it.
    """
    html, in_list = [], False
    for line in parse(body):
        if line.is_heading:
            if in_list:
                html.append("</ul>")
                in_list = False
            html.append(format_html('<h2 class="govuk-heading-l portal-easy-read__heading">{}</h2>', line.text))
            continue
        if not in_list:
            html.append('<ul class="portal-easy-read__lines">')
            in_list = True
        picture_url = pictures.url(line.picture) if line.picture else None
        picture = (
            format_html(
                '<img class="portal-easy-read__picture" src="{}" alt="" width="{}" height="{}">',
                picture_url,
                PICTURE_SIZE,
                PICTURE_SIZE,
            )
            if picture_url
            else _NO_PICTURE
        )
        html.append(
            format_html(
                '<li class="portal-easy-read__line">{}<p class="portal-easy-read__text">{}</p></li>', picture, line.text
            )
        )
    if in_list:
        html.append("</ul>")
    # Safe: every piece went through format_html, which escapes the editor's words.
    return mark_safe(f'<div class="portal-easy-read">{"".join(html)}</div>')  # noqa: S308


# --- The editor's check -------------------------------------------------------------------

MAX_WORDS = 15
LONG_WORD_LETTERS = 12  # "professional" is 12; most easy read guides avoid words longer than this
# A full stop, question or exclamation mark with more words after it: the line holds another sentence.
_SENTENCE_BREAK = re.compile(r"[.!?]+[\"”’)]*\s+(?=\S)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@dataclass(frozen=True)
class Fix:
    line: int  # the line number in the editor's text, counting blank lines, as the editor sees it
    message: str


def check(body: str) -> list[Fix]:
    """What to change so each line follows the easy read rules: one short sentence, with a picture."""
    fixes = []
    for number, raw in enumerate(body.splitlines(), start=1):
        if not raw.strip():
            continue
        line = parse(raw)[0]
        if line.is_heading:
            if len(line.text.split()) > MAX_WORDS:
                fixes.append(Fix(number, f"Make this heading shorter: it has {len(line.text.split())} words"))
            continue
        words = line.text.split()
        if not words:
            fixes.append(Fix(number, "Add the words that go with this picture"))
            continue
        sentences = len(_SENTENCE_BREAK.findall(line.text)) + 1
        if sentences > 1:
            fixes.append(Fix(number, f"Split this line: it has {sentences} sentences. Put one idea on each line"))
        if len(words) > MAX_WORDS:
            fixes.append(Fix(number, f"Shorten this line to {MAX_WORDS} words or fewer: it has {len(words)}"))
        if not line.picture:
            fixes.append(Fix(number, "Add a picture at the start of this line, like [1F3E0]"))
        elif pictures.get(line.picture) is None:
            fixes.append(Fix(number, f"Choose another picture: [{line.picture}] is not in the picture set"))
        long_words = [word for word in _WORD.findall(line.text) if len(word) > LONG_WORD_LETTERS]
        if long_words:
            fixes.append(Fix(number, f"Use a shorter word than “{long_words[0]}” if you can"))
    return fixes
