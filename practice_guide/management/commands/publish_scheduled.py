"""Publish guide parts whose scheduled time has come. Meant for a scheduler, every few minutes.

The guide also does this itself on the first page request after the time, so a
missed run only delays publishing until someone visits.
"""

from django.core.management.base import BaseCommand

from practice_guide.services import publish_due_parts


class Command(BaseCommand):
    help = "Publish guide parts whose scheduled time has come."

    def handle(self, *args, **options):
        published = publish_due_parts()
        self.stdout.write(f"Published {published} scheduled part{'s' if published != 1 else ''}.")
