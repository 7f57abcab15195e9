"""Back up the portal's database with pg_dump in custom format (see README "Backups").

Run it from the scheduler every night as well as relying on the managed server's own backups:
a pg_dump is the copy that restores anywhere, into any newer PostgreSQL.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from portal import backups


class Command(BaseCommand):
    help = (
        "Write a consistent backup of the database with pg_dump --format=custom, readable by its owner only. "
        "It holds confidential records: keep it encrypted and access-controlled."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="The file to write (default: backups/<database>-<UTC date and time>.dump). It must not exist yet.",
        )

    def handle(self, *args, output=None, **options):
        connection = backups.Connection.from_django(connections[DEFAULT_DB_ALIAS].settings_dict)
        try:
            result = backups.backup(connection, output)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Backed up the database {connection.dbname!r} (PostgreSQL {result.server_major}) to {result.path}: "
            f"{result.size:,} bytes in {result.seconds:.1f} s, with {result.tool.path}."
        )
