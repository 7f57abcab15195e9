"""Argument types shared by the project's management commands."""

import argparse
from datetime import date


def iso_date(value: str) -> date:
    """A --date given as YYYY-MM-DD, with a plain message when it is not one."""
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(
            f"give the date as YYYY-MM-DD, for example 2026-12-01, not {value!r}"
        ) from error
