"""Signing in for the supervision browser tests."""

import pytest


@pytest.fixture
def sign_in(sign_in_by_cookie):
    return sign_in_by_cookie
