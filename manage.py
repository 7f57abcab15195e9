#!/usr/bin/env python
"""Django's command-line utility for the practice portal."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    if not os.environ.get("DATABASE_URL"):
        # No server given: hold the embedded one for as long as this command runs.
        from portal import devdb

        devdb.hold_for_this_process()
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
