"""The one shape every tool page of the practice handbook takes, so staff find the same things in the same
place on every tool: what it is for, when to use it and when not, how to do it, an example, how to record it
and what to bring to supervision. The editor refuses a tool page without these headings, in this order."""

import re

SECTIONS = (
    "What it is for",
    "When to use it",
    "When not to use it",
    "How to do it",
    "An example",
    "How to record it",
    "What to bring to supervision",
)

# A new tool page starts from the shape, with a line under each heading saying what goes there.
TEMPLATE = "\n\n".join(
    f"## {heading}\n\n{hint}"
    for heading, hint in zip(
        SECTIONS,
        (
            "One or two sentences: the question this tool helps to answer.",
            "The situations it suits.",
            "When it would not help, or could harm.",
            "1. The first step.\n2. The next step.",
            "A short example with invented details.",
            "Where and how the work is recorded.",
            "What to bring to supervision, and what to ask.",
        ),
        strict=True,
    )
)

_HEADING = re.compile(r"^#{1,2}\s+(?!#)(.+?)\s*#*\s*$", flags=re.MULTILINE)


def headings(body: str) -> list[str]:
    """The text's section headings (## and #, which the guide's Markdown shows alike), in order."""
    return [match.group(1).strip() for match in _HEADING.finditer(body or "")]


def problem(body: str) -> str | None:
    """What is wrong with a tool page's shape, in words for its editor, or None if it has the shape."""
    found = headings(body)
    missing = [section for section in SECTIONS if section not in found]
    if missing:
        names = ", ".join(f"“{section}”" for section in missing)
        return (
            f"A tool page needs a section headed {names}. Start each section with ## and its heading, for "
            "example ## When to use it"
        )
    extra = [heading for heading in found if heading not in SECTIONS]
    if extra:
        names = ", ".join(f"“{heading}”" for heading in extra)
        return (
            f"A tool page has only the seven sections of the tool shape. Make {names} a smaller heading (###) "
            "inside one of them"
        )
    if found != list(SECTIONS):
        order = ", ".join(SECTIONS)
        return f"Put the sections of a tool page in this order, each once: {order}"
    return None
