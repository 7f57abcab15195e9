"""Restore a backup made by `manage.py backup` into an empty database (see README "Backups").

It refuses a database with tables in it unless --replace is given. To check a backup, restore it into
a new database beside the live one: `manage.py restore FILE --database-name portal_restore_check`.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from portal import backups


class Command(BaseCommand):
    help = (
        "Restore a pg_dump custom-format backup into an empty database, in one transaction. "
        "The database is created if it does not exist."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The backup file.")
        parser.add_argument(
            "--database-name",
            help="Restore into this database on the same server instead of the configured one (made if missing).",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Replace the contents of a database that already has tables. Stop the site first.",
        )

    def handle(self, *args, file, database_name=None, replace=False, **options):
        connection = backups.Connection.from_django(connections[DEFAULT_DB_ALIAS].settings_dict)
        if database_name:
            if not backups.DATABASE_NAME.match(database_name):
                raise CommandError(
                    f"{database_name!r} is not a database name this command accepts: use letters, digits and "
                    "underscores, starting with a letter, up to 63 characters."
                )
            connection = connection.to(database_name)
        try:
            result = backups.restore(connection, file, replace=replace)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        made = "new database" if result.created else "database"
        self.stdout.write(
            f"Restored {file} into the {made} {result.dbname!r}: {result.tables} tables in {result.seconds:.1f} s, "
            f"then gathered planner statistics in {result.analyse_seconds:.1f} s, with {result.tool.path}."
        )
