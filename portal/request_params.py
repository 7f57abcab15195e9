"""Read ids, numbers, choices, text and return addresses from a request's query string or form data.

Views read request values through a Django form, or through these. Each returns None for anything
odd, so a view treats a garbled value as a missing one and never answers 500:

- only ASCII digits make a number: `str.isdigit()` also accepts "²" and "①", which `int()` refuses,
  and `int()` takes "٣" (Arabic-Indic three), which nobody types into an id;
- numbers are bounded, so an id can never overflow a database integer ("99999999999999999999");
- text with a NUL byte is refused: PostgreSQL cannot store or compare it;
- a return address must be a path on this site, so `redirect()` never mistakes it for a view name.
"""

import re

from django.db.models import Choices
from django.utils.http import url_has_allowed_host_and_scheme

# The largest value of a PostgreSQL integer column, and so of any id or number the portal stores.
MAX_INT = 2_147_483_647
_ASCII_NUMBER = re.compile(r"[0-9]{1,10}")


def text(value, *, max_length: int | None = None) -> str | None:
    """The value as sent, or None when it is missing, not text, holds a NUL byte or is too long."""
    if not isinstance(value, str) or "\x00" in value:
        return None
    if max_length is not None and len(value) > max_length:
        return None
    return value


def positive_int(value, *, maximum: int = MAX_INT) -> int | None:
    """A whole number from 1 to `maximum` written in ASCII digits (spaces around it allowed), else None."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not _ASCII_NUMBER.fullmatch(value):
        return None
    number = int(value)
    return number if 1 <= number <= maximum else None


def choice(value, choices) -> str | None:
    """The value if it is one of `choices` (strings, the keys of a dict, or a TextChoices class), else None."""
    allowed = choices.values if isinstance(choices, type) and issubclass(choices, Choices) else choices
    return value if isinstance(value, str) and value in allowed else None


def local_url(request, value) -> str | None:
    """A path on this site to send the person back to ("/training/approvals/?page=2"), else None."""
    value = text(value, max_length=2000)
    if not value or not value.startswith("/") or value.startswith("//"):
        return None
    if not url_has_allowed_host_and_scheme(value, allowed_hosts={request.get_host()}, require_https=False):
        return None
    return value
