"""pytest fixtures: the test OpenID Connect provider as a separate process, one per test run.

It gets a database of its own on the server the test run uses (the embedded one, or
DATABASE_URL's), a fresh RS256 key, a client id and secret, and a free loopback port.
"""

import contextlib
import os
import secrets
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

BASE_DIR = Path(__file__).resolve().parent.parent.parent
START_TIMEOUT = 30
PROVIDER_ID = "council"
CALLBACK_PATH = f"/accounts/oidc/{PROVIDER_ID}/login/callback/"


@dataclass
class TestProvider:
    """The running provider, and what the portal and the tests need to know about it."""

    __test__ = False

    issuer: str
    client_id: str
    client_secret: str
    control_token: str = field(repr=False)
    _usernames: int = 0

    def _post(self, path: str, data: dict) -> dict:
        response = requests.post(
            f"{self.issuer}{path}", json=data, headers={"Authorization": f"Bearer {self.control_token}"}, timeout=10
        )
        response.raise_for_status()
        return response.json()

    def add_person(self, email: str, *, email_verified=True, username=None, full_name="Test Person", password=None):
        """Add (or change) one of the provider's people. Returns (username, password, subject id)."""
        if username is None:
            self._usernames += 1
            username = f"idp-user-{self._usernames}-{secrets.token_hex(3)}"
        password = password or f"idp-{secrets.token_urlsafe(8)}"
        data = {
            "username": username,
            "password": password,
            "email": email,
            "full_name": full_name,
            "email_verified": email_verified,
        }
        return username, password, self._post("/_control/people/", data)["sub"]

    def allow_redirect_to(self, base_url: str) -> None:
        self._post("/_control/redirect-uris/", {"redirect_uris": [f"{base_url.rstrip('/')}{CALLBACK_PATH}"]})


def _admin_connection(db_settings: dict):
    import psycopg

    return psycopg.connect(
        host=db_settings.get("HOST") or None,
        port=db_settings.get("PORT") or None,
        user=db_settings.get("USER") or None,
        password=db_settings.get("PASSWORD") or None,
        dbname="postgres",
        autocommit=True,
    )


def _database_url(db_settings: dict, name: str) -> str:
    from urllib.parse import quote

    user = quote(db_settings.get("USER") or "")
    password = f":{quote(db_settings['PASSWORD'])}" if db_settings.get("PASSWORD") else ""
    host = db_settings.get("HOST") or ""
    port = db_settings.get("PORT") or ""
    if host.startswith("/"):
        return f"postgresql://{user}{password}@/{name}?host={quote(host)}"
    return f"postgresql://{user}{password}@{host}{':' + str(port) if port else ''}/{name}"


def _private_key_pem() -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


@pytest.fixture(scope="session")
def oidc_provider(django_db_setup):
    """Start the provider for the whole run; stop it and drop its database at the end."""
    from django.conf import settings

    db_settings = settings.DATABASES["default"]
    database = f"test_idp_run{os.getpid()}"
    with _admin_connection(db_settings) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{database}"')
        connection.execute(f'CREATE DATABASE "{database}"')
    client_id, client_secret = f"portal-{secrets.token_hex(4)}", secrets.token_urlsafe(32)
    control_token = secrets.token_urlsafe(32)
    env = {
        **os.environ,
        "IDP_SECRET_KEY": secrets.token_urlsafe(40),
        "IDP_DATABASE_URL": _database_url(db_settings, database),
        "IDP_RSA_PRIVATE_KEY": _private_key_pem(),
        "IDP_CLIENT_ID": client_id,
        "IDP_CLIENT_SECRET": client_secret,
        "IDP_CONTROL_TOKEN": control_token,
        "IDP_REDIRECT_URIS": f"http://testserver{CALLBACK_PATH}",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.oidc_provider.serve"], cwd=BASE_DIR, env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        port = _read_port(process)
        yield TestProvider(
            issuer=f"http://127.0.0.1:{port}",
            client_id=client_id,
            client_secret=client_secret,
            control_token=control_token,
        )
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        with _admin_connection(db_settings) as connection, contextlib.suppress(Exception):
            connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def _read_port(process: subprocess.Popen) -> int:
    started = time.monotonic()
    line = process.stdout.readline()
    if not line.strip().isdigit():
        process.kill()
        raise RuntimeError(f"the test OpenID Connect provider did not start (exit {process.poll()})")
    port = int(line)
    while time.monotonic() - started < START_TIMEOUT:
        with contextlib.suppress(requests.ConnectionError):
            if requests.get(f"http://127.0.0.1:{port}/.well-known/openid-configuration", timeout=2).ok:
                return port
        time.sleep(0.05)
    process.kill()
    raise RuntimeError("the test OpenID Connect provider did not answer")


def walk_to_callback(provider: "TestProvider", authorize_url: str, username: str, password: str) -> str:
    """Be the person's browser at the provider: open the authorise URL, sign in there, and return the
    address the provider sends them back to (the portal's callback, with its code and state)."""
    import re
    from urllib.parse import urljoin

    browser = requests.Session()
    response = browser.get(authorize_url, allow_redirects=False, timeout=10)
    login_url = urljoin(authorize_url, response.headers["Location"])
    page = browser.get(login_url, timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    next_url = re.search(r'name="next" value="([^"]*)"', page.text).group(1).replace("&amp;", "&")
    response = browser.post(
        login_url,
        data={"csrfmiddlewaretoken": token, "username": username, "password": password, "next": next_url},
        allow_redirects=False,
        timeout=10,
    )
    for _ in range(5):
        location = urljoin(response.url, response.headers.get("Location", ""))
        if not location.startswith(provider.issuer):
            return location
        response = browser.get(location, allow_redirects=False, timeout=10)
    raise AssertionError(f"the provider did not send the browser back: {response.status_code} {response.text[:300]}")


BUTTON_LABEL = "Sign in with your City of London account"


def configure_portal(settings, provider: "TestProvider") -> None:
    """Point the portal at the test provider, as OIDC_ISSUER_URL and friends would in the environment."""
    from portal.sso.config import socialaccount_providers

    settings.OIDC_ISSUER_URL = provider.issuer
    settings.OIDC_TRUST_EMAIL_CLAIM = False
    settings.SSO_ONLY = False
    settings.SOCIALACCOUNT_PROVIDERS = socialaccount_providers(
        issuer=provider.issuer,
        client_id=provider.client_id,
        secret=provider.client_secret,
        label=BUTTON_LABEL,
        provider_id=PROVIDER_ID,
    )
