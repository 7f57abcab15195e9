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

PICTURE_CODE = re.compile(r"^\[([0-9A-Fa-f]{2,8}(?:-[0-9A-Fa-f]{2,8})*)\]\s*")
HEADING = "## "


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
