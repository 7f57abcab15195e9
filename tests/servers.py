"""Application servers for tests that need more than one: gunicorn with production settings, and a browser.

`start` runs gunicorn from ``portal/gunicorn_config.py`` on free ports, against a database given
as a DATABASE_URL (the test run's own, from `database_url`), and waits until each answers
``/healthz``. A server that cannot start fails the test with what gunicorn wrote to stderr.

`Browser` is one person's browser behind the council's TLS proxy: it keeps its own cookies
whichever server answers, and sends what the proxy adds (``X-Forwarded-Proto: https``) and the
one address people use (``Host: 127.0.0.1``), so the servers run with production's HTTPS
redirect, secure cookies and CSRF origin checks switched on.
"""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")
HOST = "127.0.0.1"
START_TIMEOUT = 60
LOG_TAIL = 6000
# What tests/environment.py relaxes for the in-process test client: the servers keep production's values.
TEST_ONLY_SETTINGS = ("SECURE_SSL_REDIRECT", "SECURE_COOKIES", "REQUIRE_MFA", "DJANGO_ALLOW_ASYNC_UNSAFE")
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def database_url(settings_dict: dict) -> str:
    """Where the servers find the test database: the run's own DATABASE_URL (options and all) with the
    test database's name, or else the embedded server's socket folder."""
    name = quote(settings_dict["NAME"], safe="")
    if os.environ.get("DATABASE_URL"):
        return urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{name}").geturl()
    user = quote(settings_dict["USER"] or "", safe="")
    return f"postgresql://{user}@{quote(settings_dict['HOST'], safe='')}/{name}"


@dataclass
class Server:
    name: str
    port: int
    process: subprocess.Popen
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def wait_for_exit(self) -> None:
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)


def production_env(*, database: str, secret_key: str, port: int, workers: int) -> dict:
    """The environment `make serve` would have, as in scripts/bench.py's production_env."""
    env = {name: value for name, value in os.environ.items() if name not in TEST_ONLY_SETTINGS}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "DEBUG": "false",
            "SECRET_KEY": secret_key,
            "ALLOWED_HOSTS": HOST,
            "DATABASE_URL": database,
            # Tests have no collectstatic folder; whitenoise serves the built files through the finders.
            "STATIC_MANIFEST": "false",
            "PORT": str(port),
            "GUNICORN_WORKERS": str(workers),
            "GUNICORN_ACCESS_LOG": "",
            "LOG_LEVEL": "WARNING",
        }
    )
    return env


def _health(port: int) -> int | None:
    """The status /healthz answers with, or None while nothing listens yet."""
    connection = http.client.HTTPConnection(HOST, port, timeout=2)
    try:
        connection.request("GET", "/healthz")
        return connection.getresponse().status
    except OSError:
        return None
    finally:
        connection.close()


def start(names, *, database: str, secret_key: str, log_dir: Path, workers: int = 2) -> list[Server]:
    """Start one gunicorn per name, all at once, and wait until every one answers /healthz.

    Several gunicorns on one machine would share gunicorn's control socket (one path per user),
    so these run without it.
    """
    servers = []
    for name in names:
        port = free_port()
        log = log_dir / f"gunicorn-{name}.log"
        with open(log, "wb") as stderr:
            process = subprocess.Popen(
                [str(GUNICORN), "--config", "portal/gunicorn_config.py", "--no-control-socket", "portal.wsgi"],
                cwd=ROOT,
                env=production_env(database=database, secret_key=secret_key, port=port, workers=workers),
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )
        servers.append(Server(name, port, process, log))
    deadline = time.monotonic() + START_TIMEOUT
    waiting = list(servers)
    while waiting:
        for server in list(waiting):
            status = _health(server.port)
            if status == 200:
                waiting.remove(server)
            elif server.process.poll() is not None or status == 500:
                _fail(servers, server, f"exited with {server.process.returncode}" if status is None else "answered 500")
        if waiting and time.monotonic() > deadline:
            _fail(servers, waiting[0], f"did not answer /healthz within {START_TIMEOUT} s")
        if waiting:
            time.sleep(0.1)
    return servers


def _fail(servers: list[Server], server: Server, what: str) -> None:
    stop(servers)
    pytest.fail(f"gunicorn {server.name} {what}. The end of its stderr:\n{server.output()[-LOG_TAIL:]}")


def stop(servers: list[Server]) -> None:
    """Stop every server at once. SIGINT is gunicorn's quick shutdown: the tests are done with them."""
    for server in servers:
        if server.process.poll() is None:
            server.process.send_signal(signal.SIGINT)
    for server in servers:
        server.wait_for_exit()


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    text: str

    @property
    def location(self) -> str:
        return self.headers.get("Location", "")

    def csrf_token(self) -> str:
        match = CSRF_FIELD.search(self.text)
        assert match, f"no CSRF token on the page ({self.status})"
        return match.group(1)


@dataclass
class Browser:
    """One person's browser: its cookies go to whichever server it talks to, as behind a load balancer."""

    cookies: dict[str, str] = field(default_factory=dict)

    def request(self, server: Server, method: str, path: str, form: dict | None = None) -> Response:
        headers = {"Host": HOST, "X-Forwarded-Proto": "https"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            # A browser sends its page's origin with every POST; Django checks it against the host.
            headers["Origin"] = f"https://{HOST}"
        connection = http.client.HTTPConnection(HOST, server.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            raw = connection.getresponse()
            response = Response(raw.status, raw.headers, raw.read().decode("utf-8", errors="replace"))
        finally:
            connection.close()
        self._keep_cookies(response.headers.get_all("Set-Cookie") or [])
        return response

    def get(self, server: Server, path: str) -> Response:
        return self.request(server, "GET", path)

    def post(self, server: Server, path: str, form: dict, *, token: str) -> Response:
        return self.request(server, "POST", path, {"csrfmiddlewaretoken": token, **form})

    def submit(self, server: Server, path: str, form: dict) -> Response:
        """Open the form's page, then send it, as a person does."""
        return self.post(server, path, form, token=self.get(server, path).csrf_token())

    def _keep_cookies(self, headers: list[str]) -> None:
        for header in headers:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
