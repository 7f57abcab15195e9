import pytest

from supervision.personal_data import Finding, Kind, find_personal_data, findings_for_fields, is_valid_nhs_number


def found(text):
    return [(finding.kind, finding.text) for finding in find_personal_data(text)]


# --- NHS numbers --------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["943 476 5919", "9434765919", "943-476-5919", "401 023 2137"])
def test_nhs_number_with_a_valid_check_digit_is_flagged(number):
    assert found(f"Her NHS number is {number}.") == [(Kind.NHS_NUMBER, number)]


@pytest.mark.parametrize(
    "text",
    [
        "123 456 7890",  # fails the check digit
        "943 476 5918",  # one digit out
        "000 000 0000",  # passes the arithmetic but is not a number anyone has
        "943 476-5919",  # mixed separators are not how NHS numbers are written
        "94347659190",  # eleven digits
        "Ref 943476591",  # nine digits
    ],
)
def test_ten_digit_numbers_that_are_not_nhs_numbers_are_not_flagged(text):
    assert found(text) == []


def test_check_digit_of_ten_makes_the_number_invalid():
    # 1, 0, 0, 0, 0, 0, 0, 0, 1 weigh to 10 + 2 = 12; 12 % 11 = 1; 11 - 1 = 10: no such number.
    assert not is_valid_nhs_number("1000000010")


def test_nhs_message_names_the_number_and_says_what_to_use_instead():
    [finding] = find_personal_data("NHS 943 476 5919")
    assert finding.message == "This looks like an NHS number (943 476 5919). Use the case reference instead."


# --- Phone numbers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    [
        "0161 496 0000",
        "01614960000",
        "020 7946 0000",
        "0300 123 4567",
        "01632 960000",
        "(0161) 496 0000",
        "07700 900123",
        "07700 900 123",
        "07700-900-123",
        "+44 7700 900123",
        "+447700900123",
        "+44 (0)20 7946 0000",
        "+44 161 496 0000",
    ],
)
def test_uk_phone_numbers_are_flagged(number):
    assert found(f"Call mum on {number} after school.") == [(Kind.PHONE, number)]


@pytest.mark.parametrize(
    "text",
    [
        "Case CS-10442 was discussed.",
        "Caseload of 17 children, 4 on plans.",
        "Reference 10442-2026",
        "Between 2019 and 2024 the family moved twice.",
        "0800 numbers are free",  # not a whole number
        "Meeting 09:30-11:00",
        "08001 234567",  # not a landline or mobile
    ],
)
def test_numbers_that_are_not_phone_numbers_are_not_flagged(text):
    assert found(text) == []


# --- Postcodes ----------------------------------------------------------------------------


@pytest.mark.parametrize("postcode", ["SW1A 1AA", "m1 1ae", "B33 8TH", "CR2 6XH", "DN55 1PT", "EC1A 1BB", "W1A0AX"])
def test_uk_postcodes_are_flagged_in_any_case(postcode):
    assert found(f"The family moved to {postcode} last month.") == [(Kind.POSTCODE, postcode)]


@pytest.mark.parametrize(
    "text",
    [
        "We meet at 3pm in room B12.",
        "The visit is at 10 2am",
        "Section 47 enquiry opened",
        "Form CS1 2020 return",
        "Covid19 1st wave",
    ],
)
def test_things_shaped_a_little_like_postcodes_are_not_flagged(text):
    assert found(text) == []


# --- Email addresses ----------------------------------------------------------------------


@pytest.mark.parametrize("address", ["jo@example.com", "Jo.Bloggs+school@mail.example.co.uk", "sam_07700900123@ex.org"])
def test_email_addresses_are_flagged_once(address):
    assert found(f"my email is {address}.") == [(Kind.EMAIL, address)]


@pytest.mark.parametrize(
    "text", ["Ask @duty-team on Teams", "We meet @ 3pm", "Rated 4@5 by the panel", "user@localhost"]
)
def test_things_with_an_at_sign_that_are_not_email_addresses_are_not_flagged(text):
    assert found(text) == []


def test_a_name_on_its_own_is_not_flagged():
    # Only names near words about a child are: a name alone is as likely a professional or a place.
    assert found("Sarah Jones was really helpful.") == []


# --- Dates of birth -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("DOB 12/03/2015", "12/03/2015"),
        ("DOB: 12.3.15", "12.3.15"),
        ("d.o.b. 1/2/2016", "1/2/2016"),
        ("She was born on 12 March 2015.", "12 March 2015"),
        ("Born in Leeds on 12th of March 2015", "12th of March 2015"),
        ("Date of birth: March 12, 2015", "March 12, 2015"),
        ("born 2015-03-12", "2015-03-12"),
        ("aged 9 (12.3.15)", "12.3.15"),
        ("Lily, 12/03/2015 (DOB), lives with her gran", "12/03/2015"),
    ],
)
def test_dates_next_to_birth_words_are_flagged(text, date):
    assert found(text) == [(Kind.DATE_OF_BIRTH, date)]


@pytest.mark.parametrize(
    "text",
    [
        "Core group on 12/03/2025 went well.",
        "Next supervision 2026-12-01.",
        "A boy aged 9 was seen on 12/03/2025 at school.",
        "The idea was born out of the review on 12/03/2025.",  # too far from the date
        "DOB 31/02/2015",  # no such date
        "Visit on 12 March.",
    ],
)
def test_dates_that_are_not_birth_dates_are_not_flagged(text):
    assert found(text) == []


# --- Full names near a child --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We talked about his daughter Lily Smith and her school.", "Lily Smith"),
        ("Jayden Price, aged 4, was seen at home.", "Jayden Price"),
        ("Lily Smith's brother is at nursery.", "Lily Smith"),
        ("Her baby boy Jack O'Brien-Smith is well.", "Jack O'Brien-Smith"),
        ("The young person, Kai McDonald, wants to see his dad.", "Kai McDonald"),
        ("Today Sarah Jones talked about her son.", "Sarah Jones"),
        ("Visited Lily Smith's home with her baby.", "Lily Smith"),
        ("The child's mother Sarah Jones was at the meeting.", "Sarah Jones"),
    ],
)
def test_full_names_near_words_about_a_child_are_flagged(text, name):
    assert found(text) == [(Kind.NAME, name)]


def test_several_children_are_each_flagged():
    assert found("Sibling group: Amy Lee (aged 6) and Ben Lee (aged 3).") == [
        (Kind.NAME, "Amy Lee"),
        (Kind.NAME, "Ben Lee"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Tom Okafor chaired the meeting.",  # a name, but nothing about a child
        "We talked about his daughter Lily and her school.",  # a first name alone
        "The Child Protection Conference is on Monday.",
        "Signs of Safety mapping with the Social Worker.",
        "Assessment and Family Support reviewed the child's plan.",
        "The child's social worker, Tom Okafor, visited.",
        "Tom Okafor, the child's social worker, visited.",
        "The children's guardian Amy Lee agreed with the plan.",
        "The girls went to St Mary's Primary School on Monday.",
        "The baby was taken to Great Ormond Street Hospital.",
        "Looked After Children review on Monday 3 March for the young person.",
        "Her son is doing well. Tom Okafor said the meeting was fine.",  # the child is in another sentence
        "Tom Okafor met the managers, the school nurse and, later that week, the child.",  # too far apart
    ],
)
def test_names_and_terms_away_from_a_child_are_not_flagged(text):
    assert found(text) == []


def test_name_message_explains_why():
    [finding] = find_personal_data("his daughter Lily Smith")
    assert finding == Finding(
        Kind.NAME,
        "Lily Smith",
        "This looks like someone’s full name (Lily Smith) next to words about a child. Use the case reference instead.",
    )


# --- Together -----------------------------------------------------------------------------


def test_findings_come_in_the_order_they_appear_and_each_once():
    text = (
        "His daughter Lily Smith (DOB 12/03/2015) lives at SW1A 1AA; mum is on 07700 900123. "
        "NHS 943 476 5919. Lily Smith's brother is at nursery."
    )
    assert found(text) == [
        (Kind.NAME, "Lily Smith"),
        (Kind.DATE_OF_BIRTH, "12/03/2015"),
        (Kind.POSTCODE, "SW1A 1AA"),
        (Kind.PHONE, "07700 900123"),
        (Kind.NHS_NUMBER, "943 476 5919"),
    ]


def test_a_ten_digit_number_starting_with_zero_is_one_warning_not_two():
    # A landline written without spaces that happens to pass the NHS check digit too.
    assert is_valid_nhs_number("0161496008")
    assert found("Ring 0161496008") == [(Kind.PHONE, "0161496008")]


def test_ordinary_reflective_writing_raises_nothing():
    text = (
        "We used the 4x4x4 model to think about a difficult home visit. I felt unheard by the father and "
        "noticed I was rushing. On 12/03/2025 the core group agreed the plan; case CS-10442 is stepping down "
        "to Early Help in March. Caseload is 17 children, 4 on child protection plans."
    )
    assert find_personal_data(text) == []


def test_empty_text_has_no_findings():
    assert find_personal_data("") == []


def test_findings_for_fields_leaves_out_fields_with_nothing_to_warn_about():
    results = findings_for_fields(
        {"discussion": "Planning a core group.", "decisions": "Call dad on 07700 900123.", "empty": ""}
    )
    assert list(results) == ["decisions"]
    assert results["decisions"][0].kind == Kind.PHONE
    assert results["decisions"][0].message == (
        "This looks like a phone number (07700 900123). Leave contact details out of the record."
    )
