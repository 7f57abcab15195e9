"""A large guide for measuring search (`scripts/bench_guide.py`): 1,000 published parts by default.

Each part is made of paragraphs and headings taken from the demo guide's own parts (for parents and
for children), shuffled with a fixed seed, so the words, their mix and the length of a part are
those of the real guide. Parts are named "bench-guide-1", "bench-guide-2"... and sit after the real
guide. Everything is made with bulk_create in one transaction, and the guide's generation moves on
so no cached page survives. Running it again with the same --parts changes nothing; --reset deletes
the bench parts first, and --delete only deletes them: `scripts/bench_guide.py` does so once it has
measured, so the other guide figures are taken on the guide as it was.
"""

import random

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from practice_guide import demo_content, guide_cache
from practice_guide.markdown import plain_text
from practice_guide.models import GuidePart, PartEvent, Revision

PREFIX = "bench-guide-"
PARTS = 1000
SEED = 2026
BATCH_SIZE = 500


def _blocks(texts: list[str]) -> list[str]:
    """Every paragraph and heading of the demo guide, one markdown block each."""
    return [block.strip() for text in texts for block in text.split("\n\n") if block.strip()]


class Command(BaseCommand):
    help = "Publish a large guide (1,000 parts by default) built from the demo guide's words, for `make bench`."

    def add_arguments(self, parser):
        parser.add_argument("--parts", type=int, default=PARTS, help=f"How many parts (default {PARTS}).")
        parser.add_argument("--reset", action="store_true", help="Delete the bench parts first and make them again.")
        parser.add_argument("--delete", action="store_true", help="Only delete the bench parts.")
        parser.add_argument(
            "--force", action="store_true", help="Run even with DEBUG off (for a disposable environment only)."
        )

    @transaction.atomic
    def handle(self, *args, parts, reset=False, delete=False, force=False, verbosity=1, **options):
        bench = GuidePart.objects.filter(slug__startswith=PREFIX)
        if delete:
            deleted = self._delete(bench)
            guide_cache.start_new_generation()
            if verbosity:
                self.stdout.write(f"Deleted {deleted} bench parts.")
            return
        if parts < 1:
            raise CommandError("--parts must be at least 1.")
        if not settings.DEBUG and not force:
            raise CommandError("This command fills the public guide with made-up parts. Use --force to run it anyway.")
        if reset:
            self._delete(bench)
        elif bench.count() == parts:
            if verbosity:
                self.stdout.write(f"The {parts} bench parts are already there. Use --reset to make them again.")
            return
        else:
            self._delete(bench)
        made = self._build(parts)
        guide_cache.start_new_generation()
        with connection.cursor() as cursor:
            for model in (GuidePart, Revision):
                cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
        if verbosity:
            self.stdout.write(f"Guide bench data ready: {made} published parts ({PREFIX}1 to {PREFIX}{made}).")

    def _delete(self, bench) -> int:
        ids = list(bench.values_list("pk", flat=True))
        bench.update(published=None, draft=None, scheduled=None, publish_at=None)
        PartEvent.objects.filter(part_id__in=ids).delete()
        Revision.objects.filter(part_id__in=ids).delete()
        GuidePart.objects.filter(pk__in=ids).delete()
        return len(ids)

    def _build(self, count: int) -> int:
        rng = random.Random(SEED)  # noqa: S311 - made-up bench data, not secrets
        parents = _blocks([part["parents"] for part in demo_content.PARTS])
        children = _blocks([part["children"] for part in demo_content.PARTS if part.get("children")])
        titles = [part["title"] for part in demo_content.PARTS]
        summaries = [part["summary"] for part in demo_content.PARTS]
        start = (GuidePart.objects.aggregate(last=Max("position"))["last"] or 0) + 1
        now = timezone.now()
        made = 0
        for first in range(1, count + 1, BATCH_SIZE):
            numbers = range(first, min(first + BATCH_SIZE, count + 1))
            new_parts = GuidePart.objects.bulk_create(
                [GuidePart(slug=f"{PREFIX}{n}", position=start + n) for n in numbers]
            )
            revisions = []
            for part, n in zip(new_parts, numbers, strict=True):
                body = "\n\n".join(rng.sample(parents, rng.randint(12, 30)))
                young = "\n\n".join(rng.sample(children, rng.randint(5, 12)))
                revisions.append(
                    Revision(
                        part=part,
                        number=1,
                        title=f"{rng.choice(titles)} ({n})",
                        summary=rng.choice(summaries),
                        body_parents=body,
                        body_children=young,
                        text_parents=plain_text(body),
                        text_children=plain_text(young),
                        first_published_at=now,
                    )
                )
            Revision.objects.bulk_create(revisions)
            for part, revision in zip(new_parts, revisions, strict=True):
                part.published = part.draft = revision
            GuidePart.objects.bulk_update(new_parts, ["published", "draft"])
            made += len(new_parts)
        return made
