"""`make_guide_bench_data`: a large published guide for the search benchmark, and its removal."""

import pytest
from django.core.management import CommandError, call_command

from practice_guide import selectors
from practice_guide.models import GuidePart, Reader


def test_the_bench_guide_is_published_searchable_and_removed_again(db, settings):
    settings.DEBUG = True
    call_command("make_guide_bench_data", "--parts", "12", verbosity=0)
    bench = GuidePart.objects.published().filter(slug__startswith="bench-guide-")
    assert bench.count() == 12
    assert all(part.published.text_parents for part in bench)
    assert selectors.search("social worker", Reader.PARENTS)
    call_command("make_guide_bench_data", "--parts", "12", verbosity=0)  # again: nothing changes
    assert GuidePart.objects.filter(slug__startswith="bench-guide-").count() == 12
    call_command("make_guide_bench_data", "--delete", verbosity=0)
    assert not GuidePart.objects.filter(slug__startswith="bench-guide-").exists()


def test_the_bench_guide_needs_force_with_debug_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("make_guide_bench_data", "--parts", "2", verbosity=0)
    assert not GuidePart.objects.exists()
