"""Team codes: made at random from an alphabet without look-alike characters, and read forgivingly."""

import secrets

from family_survey.models import CODE_ALPHABET, CODE_LENGTH

TYPED_MAX = 20  # longer than any code written with spaces or dashes; anything longer is refused unread


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise(typed: str) -> str | None:
    """The code as stored, from what someone typed ("abc 234", "ABC-234"), or None if it cannot be one."""
    code = "".join(typed.split()).replace("-", "").upper()
    if len(code) != CODE_LENGTH or any(character not in CODE_ALPHABET for character in code):
        return None
    return code
