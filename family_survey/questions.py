"""What the questionnaire asks, in words for each of the guide's readers.

The six statements are fixed: their keys are the columns of a Response, so the results over time
compare like with like. Each reader version says the same thing in its own words. A reader version
the guide adds later (practice_guide.models.Reader) gets the parents' wording until it has its own.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

PARENTS, CHILDREN, EASY_READ = "parents", "children", "easy-read"
AGREE_FROM = 4  # 4 ("agree") and 5 ("strongly agree") count as agreeing
SCORES = (5, 4, 3, 2, 1)
SKIP = "skip"


@dataclass(frozen=True)
class Statement:
    key: str
    short: str  # for staff pages, charts and CSV files
    wording: dict  # reader -> what families read
    picture: str  # the OpenMoji code shown beside it in the easy read version (practice_guide.pictures)


STATEMENTS = (
    Statement(
        "listens",
        "Listens to me",
        {
            PARENTS: _("My social worker listens to me"),
            CHILDREN: _("My social worker listens to what I say"),
            EASY_READ: _("My social worker listens to me."),
        },
        "1F442",
    ),
    Statement(
        "understand",
        "I understand what is happening",
        {
            PARENTS: _("I understand what is happening and why"),
            CHILDREN: _("I know what is happening and why"),
            EASY_READ: _("I know what is happening. I know why."),
        },
        "1F4A1",
    ),
    Statement(
        "reachable",
        "Can get hold of them",
        {
            PARENTS: _("I can get hold of my social worker when I need to"),
            CHILDREN: _("I can talk to my social worker when I need to"),
            EASY_READ: _("I can talk to my social worker when I need to."),
        },
        "1F4DE",
    ),
    Statement(
        "honest",
        "Is honest with me",
        {
            PARENTS: _("My social worker is honest with me"),
            CHILDREN: _("My social worker tells me the truth"),
            EASY_READ: _("My social worker tells me the truth."),
        },
        "2705",
    ),
    Statement(
        "respect",
        "Treats my family with respect",
        {
            PARENTS: _("My social worker treats my family with respect"),
            CHILDREN: _("My social worker is kind and fair to my family"),
            EASY_READ: _("My social worker is kind to my family."),
        },
        "1F46A",
    ),
    Statement(
        "better",
        "Things are getting better",
        {
            PARENTS: _("Things are getting better for my family"),
            CHILDREN: _("Things are getting better at home"),
            EASY_READ: _("Things are getting better for us."),
        },
        "1F4C8",
    ),
)
KEYS = tuple(statement.key for statement in STATEMENTS)

# The five points of the scale, strongest agreement first, then the answer that skips the statement.
SCALE = {
    PARENTS: (
        _("Strongly agree"),
        _("Agree"),
        _("Neither agree nor disagree"),
        _("Disagree"),
        _("Strongly disagree"),
        _("Prefer not to say"),
    ),
    CHILDREN: (
        _("Very true"),
        _("Mostly true"),
        _("Sometimes true"),
        _("Not really true"),
        _("Not true at all"),
        _("I do not want to say"),
    ),
    EASY_READ: (
        pgettext_lazy("easy read", "Yes"),
        pgettext_lazy("easy read", "Mostly yes"),
        pgettext_lazy("easy read", "Not sure"),
        pgettext_lazy("easy read", "Mostly no"),
        pgettext_lazy("easy read", "No"),
        pgettext_lazy("easy read", "Skip this one"),
    ),
}


def version_for(reader) -> str:
    """The wording to use for a reader version: its own, or the parents' for any other value."""
    return reader if reader in SCALE else PARENTS


def choices_for(reader) -> list[tuple[str, str]]:
    labels = SCALE[version_for(reader)]
    return [(str(score), label) for score, label in zip(SCORES, labels[:5], strict=True)] + [(SKIP, labels[5])]


def wording(statement: Statement, reader) -> str:
    return statement.wording[version_for(reader)]
