"""Warnings for free text that looks like it holds personal data that should not be in a supervision record.

Records name cases by their case reference, never by a child's name, address or numbers. These checks
warn the writer; they never block a save. Each rule leans towards staying quiet: a warning that is
usually wrong teaches people to ignore all of them, so a missed name costs less than a false alarm.
"""

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Kind(StrEnum):
    NAME = "name"
    DATE_OF_BIRTH = "date_of_birth"
    NHS_NUMBER = "nhs_number"
    POSTCODE = "postcode"
    PHONE = "phone"
    EMAIL = "email"


MESSAGES = {
    Kind.NAME: "This looks like someone’s full name ({text}) next to words about a child. "
    "Use the case reference instead.",
    Kind.DATE_OF_BIRTH: "This looks like a date of birth ({text}). Use the case reference or the child’s age instead.",
    Kind.NHS_NUMBER: "This looks like an NHS number ({text}). Use the case reference instead.",
    Kind.POSTCODE: "This looks like a postcode ({text}). Leave addresses out of the record.",
    Kind.PHONE: "This looks like a phone number ({text}). Leave contact details out of the record.",
    Kind.EMAIL: "This looks like an email address ({text}). Leave contact details out of the record.",
}


@dataclass(frozen=True)
class Finding:
    kind: Kind
    text: str
    message: str


# --- NHS numbers --------------------------------------------------------------------------

_NHS_NUMBER = re.compile(r"(?<![\w-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\w-])")


def is_valid_nhs_number(digits: str) -> bool:
    """The NHS modulus-11 check: weights 10 down to 2 on the first nine digits give the tenth."""
    if len(digits) != 10 or not digits.isdigit() or len(set(digits)) == 1:
        return False
    remainder = sum(int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1), strict=True)) % 11
    check = 11 - remainder
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


# --- Phone numbers ------------------------------------------------------------------------

# After the leading 0 (or +44): mobiles 7xxx xxxxxx, London-style 2x xxxx xxxx, and 1xxx/3xx numbers
# in their usual groupings. Each is written as people write them, so a case reference or a run of
# digits in a sentence does not match.
_SEP = r"(?:[ -]|\)[ ]?)?"
_PHONE = re.compile(
    r"(?<![\w+/.-])"
    r"(?:\+44[ ]?(?:\(0\)[ ]?)?|\(?0)"
    r"(?:"
    rf"7\d{{3}}{_SEP}\d{{3}}[ -]?\d{{3}}"
    rf"|2\d{_SEP}\d{{4}}[ -]?\d{{4}}"
    rf"|[13]\d{{2}}{_SEP}\d{{3}}[ -]?\d{{4}}"
    rf"|1\d{{3}}{_SEP}\d{{5,6}}"
    r")"
    r"(?![\w/]|[.-]\d)"
)


# --- Email addresses ----------------------------------------------------------------------

# Something@somewhere.tld: a dot and at least two letters after the @, so "@team" or "meet @ 3" do not match.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])")


# --- Postcodes ----------------------------------------------------------------------------

# The standard UK pattern. The inward code's letters never include C, I, K, M, O or V, which
# keeps times such as "3pm" and "2am" from looking like postcodes.
_POSTCODE = re.compile(
    r"\b(?:GIR ?0AA|"
    r"(?:[A-PR-UWYZ](?:\d{1,2}|[A-HK-Y]\d{1,2}|\d[A-HJKPSTUW]|[A-HK-Y]\d[ABEHMNPRV-Y]))"
    r" ?\d[ABD-HJLNP-UW-Z]{2})\b",
    re.IGNORECASE,
)


# --- Dates of birth -----------------------------------------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))

_DATE = re.compile(
    r"(?<![\w/.-])(?:"
    r"(?P<iso_year>\d{4})-(?P<iso_month>\d{1,2})-(?P<iso_day>\d{1,2})"
    r"|(?P<day>\d{1,2})(?P<sep>[/.-])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})"
    rf"|(?P<word_day>\d{{1,2}})(?:st|nd|rd|th)?(?: of)? (?P<word_month>{_MONTH_NAMES})\.?,? (?P<word_year>\d{{4}})"
    rf"|(?P<us_month>{_MONTH_NAMES})\.? (?P<us_day>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<us_year>\d{{4}})"
    r")(?![\w/]|[.-]\d)",
    re.IGNORECASE,
)

# Words that say a date is someone's birth date. "aged" is weaker: "a boy aged 9 was seen on
# 12/03/2025" is about a visit, so it counts only right next to the date.
_BIRTH_WORDS = re.compile(r"\b(?:born|dob|d\.o\.b\.?|date of birth|birth ?date|birthday)(?!\w)", re.IGNORECASE)
_AGED = re.compile(r"\baged\b", re.IGNORECASE)
_BIRTH_WORDS_WITHIN = 4
_AGED_WITHIN = 2


def _parse_date(match: re.Match) -> date | None:
    groups = match.groupdict()
    try:
        if groups["iso_year"]:
            return date(int(groups["iso_year"]), int(groups["iso_month"]), int(groups["iso_day"]))
        if groups["day"]:
            year = int(groups["year"])
            if len(groups["year"]) == 2:
                year += 2000
            return date(year, int(groups["month"]), int(groups["day"]))
        if groups["word_day"]:
            return date(int(groups["word_year"]), _MONTHS[groups["word_month"].lower()], int(groups["word_day"]))
        return date(int(groups["us_year"]), _MONTHS[groups["us_month"].lower()], int(groups["us_day"]))
    except ValueError:
        return None


def _words_between(text: str) -> int:
    return len(re.findall(r"[\w’']+", text))


def _looks_like_birth_date(text: str, start: int, end: int) -> bool:
    before = _sentence_before(text, start)
    after = _sentence_after(text, end)
    for match in _BIRTH_WORDS.finditer(before):
        if _words_between(before[match.end() :]) <= _BIRTH_WORDS_WITHIN:
            return True
    for match in _AGED.finditer(before):
        if _words_between(before[match.end() :]) <= _AGED_WITHIN:
            return True
    match = _BIRTH_WORDS.search(after)
    return bool(match and _words_between(after[: match.start()]) <= 1)


# --- Full names near a child --------------------------------------------------------------

# A capitalised word as names are written: Lily, McDonald, O’Brien, Smith-Jones, Lily’s.
_NAME_WORD = r"(?:[DO]['’])?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-z]+)*(?:['’]s)?"
_CAPITALISED_RUN = re.compile(rf"(?<![\w'’-]){_NAME_WORD}(?: {_NAME_WORD})+(?![\w'’-])")

# Capitalised words that are not names: the calendar, titles, the service's own terms and teams,
# places and the words that often start a sentence. A run needs two words outside this list.
_NOT_NAME_WORDS = """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    mr mrs ms miss mx dr prof sir dame st saint
    mum mummy mother dad daddy father nan nana nanny gran grandma grandad grandpa granny grandmother grandfather
    aunt auntie uncle cousin step foster carer carers parent parents
    child children childrens son daughter baby boy girl sibling siblings brother sister young person people
    social worker workers work team teams manager managers management service services supervisor supervision
    practitioner practice lead senior principal head deputy assistant director officer advanced
    protection plan plans conference conferences core group groups meeting meetings review reviews reviewing
    independent strategy discussion section care cared looked after leaver leavers leaving in need early help
    family families support assessment assessments intervention edge front door hub unit panel board
    safety signs safeguarding partnership multi agency local authority council county borough city
    court courts family proceedings guardian cafcass judge magistrate order orders public law outline
    school schools primary secondary academy nursery college university education virtual
    health visitor visitors midwife nurse doctor hospital infirmary clinic surgery general practitioner gp
    mental camhs police station housing youth justice offending adult adults
    fostering adoption residential home homes disabled disability disabilities therapy therapist systemic
    relationship relationships based reflective asye
    street road lane avenue close drive way place park estate great north south east west new old upper lower
    royal united kingdom england london britain british english
    the a an he she they his her their its it this that these those we our us i my me you your who what when
    where why how which while after before during then also however although because if as at on for with
    from to by of and or but not no yes both each every all some any many most more other another such
    there here please thanks thank dear hello hi kind regards best wishes overall next last first
    discussed discussing visited visiting agreed talked talking noted explored exploring reflected reflecting
    reviewed considered considering shared spoke met saw called phoned rang emailed asked told attended
    completed planned planning arranged booked supported supporting worked working thinking looking following
"""
_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())

_CHILD_WORDS = re.compile(
    r"\b(?:"
    r"child(?:ren)?(?:['’]s)?(?! (?:protection|in need|in care|services|social care))"
    r"|(?:step|grand|god)?(?:son|daughter)s?(?:['’]s?)?"
    r"|(?:bab(?:y|ies)|infant|toddler|teenager|boy|girl|sibling|(?:half-|step)?(?:brother|sister)|nephew|niece)"
    r"(?:s|['’]s?)?"
    r"|young (?:person|people)(?:['’]s)?|unborn"
    r"|aged \d{1,2}"
    r")(?!\w)",
    re.IGNORECASE,
)
# "the child's social worker, Tom Okafor" names a professional, not the child or their family.
_ROLE_WORDS = re.compile(
    r"\b(?:worker|teacher|headteacher|head|guardian|nurse|doctor|gp|paediatrician|psychologist|psychiatrist"
    r"|therapist|practitioner|visitor|midwife|officer|manager|supervisor|solicitor|barrister|lawyer|advocate"
    r"|consultant|senco|iro|tutor|mentor|coordinator|lead|police|school|nursery)(?!\w)",
    re.IGNORECASE,
)
_CHILD_WITHIN = 3


# The end of a sentence: a full stop after a word (not after "d.o.b" or "e.g"), or a new line.
_SENTENCE_END = re.compile(r"(?<=[^\W_][^\W_][.!?])\s|(?<=[)’”'\"][.!?])\s|\n")


def _sentence_before(text: str, start: int) -> str:
    ends = list(_SENTENCE_END.finditer(text, 0, start))
    return text[ends[-1].end() if ends else 0 : start]


def _sentence_after(text: str, end: int) -> str:
    found = _SENTENCE_END.search(text, end)
    return text[end : found.start() if found else len(text)]


def _about_a_child(window: str) -> bool:
    """Whether `window` has a word about a child that is not part of a professional's title."""
    for match in _CHILD_WORDS.finditer(window):
        if not _ROLE_WORDS.search(" ".join(window[match.end() :].split()[:2])):
            return True
    return False


def _near_a_child(text: str, start: int, end: int) -> bool:
    # Up to three words between the name and the child word ("his daughter, little Lily Smith";
    # "Lily Smith, his younger sister"); one more after, so "aged 4" is read whole.
    before = " ".join(_sentence_before(text, start).split()[-(_CHILD_WITHIN + 1) :])
    after = " ".join(_sentence_after(text, end).split()[: _CHILD_WITHIN + 2])
    return _about_a_child(before) or _about_a_child(after)


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'“‘(*•-")
    return not before or before[-1] in ".!?:\n"


def _bare(word: str) -> str:
    return re.sub(r"['’]s$", "", word)


def _is_name_word(word: str) -> bool:
    return _bare(word).lower().replace("’", "'") not in _NOT_NAMES


def _name_findings(text: str):
    """Stretches of two or more capitalised words that are not common words or the service's terms."""
    for run in _CAPITALISED_RUN.finditer(text):
        words, position = [], run.start()
        for word in run.group().split(" "):
            words.append((position, word))
            position += len(word) + 1
        # A sentence's first word is capitalised wherever it is: when the words after it make a
        # name on their own ("Overall Lily Smith ..."), the name starts after it.
        if (
            _starts_sentence(text, run.start())
            and len(words) >= 3
            and all(_is_name_word(word) for _position, word in words[1:3])
        ):
            words = words[1:]
        stretch = []
        for position, word in [*words, (None, "")]:
            is_name = bool(word) and _is_name_word(word)
            if is_name:
                stretch.append((position, word))
            # A possessive ends a name: "Lily Smith's Mum".
            if is_name and _bare(word) == word:
                continue
            if len(stretch) >= 2:
                name_start = stretch[0][0]
                name = text[name_start : stretch[-1][0] + len(_bare(stretch[-1][1]))]
                if _near_a_child(text, name_start, name_start + len(name)):
                    yield name_start, name_start + len(name), Kind.NAME, name
            stretch = []


# --- Putting the rules together -----------------------------------------------------------


def _candidates(text: str):
    """(start, end, kind, text) for everything that looks like personal data, earlier rules first."""
    # First, so the digits in an address like jo07700900123@example.com are not also a phone number.
    for match in _EMAIL.finditer(text):
        yield match.start(), match.end(), Kind.EMAIL, match.group()
    for match in _PHONE.finditer(text):
        yield match.start(), match.end(), Kind.PHONE, match.group()
    for match in _NHS_NUMBER.finditer(text):
        if is_valid_nhs_number(re.sub(r"\D", "", match.group())):
            yield match.start(), match.end(), Kind.NHS_NUMBER, match.group()
    for match in _DATE.finditer(text):
        if _parse_date(match) and _looks_like_birth_date(text, match.start(), match.end()):
            yield match.start(), match.end(), Kind.DATE_OF_BIRTH, match.group()
    for match in _POSTCODE.finditer(text):
        yield match.start(), match.end(), Kind.POSTCODE, match.group()
    yield from _name_findings(text)


def find_personal_data(text: str) -> list[Finding]:
    """What in `text` looks like personal data, in the order it appears, each thing once."""
    if not text:
        return []
    taken: list[tuple[int, int]] = []
    found = []
    for start, end, kind, matched in _candidates(text):
        # One warning per stretch of text: a 10-digit phone number is not also an NHS number.
        if any(start < other_end and other_start < end for other_start, other_end in taken):
            continue
        taken.append((start, end))
        found.append((start, kind, matched))
    findings, seen = [], set()
    for _start, kind, matched in sorted(found, key=lambda item: item[0]):
        if (kind, matched) not in seen:
            seen.add((kind, matched))
            findings.append(Finding(kind, matched, MESSAGES[kind].format(text=matched)))
    return findings


def findings_for_fields(data: dict[str, str]) -> dict[str, list[Finding]]:
    """Findings for each field of a form's text, leaving out fields with nothing to warn about."""
    results = {}
    for field, text in data.items():
        findings = find_personal_data(text or "")
        if findings:
            results[field] = findings
    return results
