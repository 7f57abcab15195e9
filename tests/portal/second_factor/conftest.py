"""The worker's authenticator app, for every two-factor sign-in test here."""

from tests.two_factor import totp_secret  # noqa: F401
