"""How easy a text is to read: the figures and hints the editor shows as people write.

The formulas (Flesch-Kincaid grade, Flesch reading ease) come from textstat.
The hints are ours: sentences over 25 words (GOV.UK's own limit), glossary words
used without an explanation nearby, and phrases that look passive. The easy read version has
rules of its own (easy_read.check): a short sentence on each line, with a picture.
"""

import re
from dataclasses import dataclass, field

import textstat

from practice_guide import easy_read
from practice_guide.markdown import plain_text

LONG_SENTENCE_WORDS = 25
# "is/was/were ... <past participle>": a hint, not a rule; editors decide.
_PASSIVE = re.compile(
    r"\b(?:am|is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?"
    r"(\w+ed|\w+en|made|done|seen|told|given|kept|held|taken|shown|sent|found|left|known|put|set|paid|said|brought)\b",
    re.IGNORECASE,
)
_EXPLAINED = re.compile(r"\bmeans?\b|\bis when\b|\bis a\b|\bis an\b|\bis the\b|\bare\b.*\bwho\b|\(|:", re.IGNORECASE)
_NOT_PARTICIPLES = {"often", "open", "even", "seven", "eleven", "children", "kitten", "hidden", "garden", "heaven"}


@dataclass
class Report:
    words: int = 0
    sentences: int = 0
    grade: float = 0.0
    reading_ease: float = 0.0
    long_sentences: list[str] = field(default_factory=list)
    unexplained_terms: list[str] = field(default_factory=list)
    passive_phrases: list[str] = field(default_factory=list)

    @property
    def reading_age(self) -> int:
        """US school grade plus five: the age of a typical reader at that grade."""
        return max(5, round(self.grade + 5))

    @property
    def is_empty(self) -> bool:
        return self.words == 0


def sentences_of(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def check(markdown_text: str, glossary_terms=()) -> Report:
    text = plain_text(markdown_text)
    if not text:
        return Report()
    sentences = sentences_of(text)
    report = Report(
        words=textstat.lexicon_count(text),
        sentences=len(sentences),
        grade=round(textstat.flesch_kincaid_grade(text), 1),
        reading_ease=round(textstat.flesch_reading_ease(text), 1),
    )
    report.long_sentences = [s for s in sentences if len(s.split()) > LONG_SENTENCE_WORDS]
    report.passive_phrases = sorted(
        {m.group(0) for m in _PASSIVE.finditer(text) if m.group(1).lower() not in _NOT_PARTICIPLES}
    )
    for term in glossary_terms:
        first_use = next(
            (s for s in sentences for form in term.forms if re.search(rf"\b{re.escape(form)}\b", s, re.IGNORECASE)),
            None,
        )
        if first_use and not _EXPLAINED.search(first_use):
            report.unexplained_terms.append(term.term)
    return report


@dataclass
class EasyReadReport:
    """The easy read version against the easy read rules (practice_guide/easy_read.py): what to fix, line by line."""

    lines: int = 0
    words: int = 0
    fixes: list = field(default_factory=list)
    is_easy_read = True

    @property
    def is_empty(self) -> bool:
        return self.lines == 0


def check_easy_read(body: str) -> EasyReadReport:
    parsed = easy_read.parse(body or "")
    return EasyReadReport(
        lines=len(parsed),
        words=sum(len(line.text.split()) for line in parsed),
        fixes=easy_read.check(body or ""),
    )
