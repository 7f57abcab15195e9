"""An authenticator app for the tests: the worker's two-factor secret, and the code the app shows now.

`totp_secret` is a fixture; the conftest.py files that offer it import it from here.
"""

import time

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value


def code_for(secret: str) -> str:
    """The code an authenticator app shows now, from allauth's own TOTP helper."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


@pytest.fixture
def totp_secret(worker):
    """`worker` has an authenticator app and recovery codes; the app's secret."""
    secret = generate_totp_secret()
    TOTP.activate(worker, secret)
    RecoveryCodes.activate(worker)
    return secret
