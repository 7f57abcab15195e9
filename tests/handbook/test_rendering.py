"""A handbook page's rendering: section ids, nesting for print, full addresses, and the per-revision cache."""

from types import SimpleNamespace

import pytest
from django.core.cache import caches

from handbook.rendering import render_page


@pytest.fixture(autouse=True)
def empty_guide_cache():
    caches["guide"].clear()
    yield
    caches["guide"].clear()


def revision(body, pk=1):
    return SimpleNamespace(pk=pk, body_parents=body, text_parents=body)


def test_sections_get_ids_and_repeats_get_numbers():
    rendered = render_page(revision("## What it is for\n\nA.\n\n## What it is for\n\nB.\n\n### Smaller\n\nC."))
    assert [(section.anchor, section.title) for section in rendered.sections] == [
        ("what-it-is-for", "What it is for"),
        ("what-it-is-for-2", "What it is for"),
    ]
    assert '<h2 class="govuk-heading-l" id="what-it-is-for-2">' in rendered.html


def test_nested_for_print_moves_headings_down_a_level_with_prefixed_ids_and_full_addresses():
    rendered = render_page(
        revision("## Steps\n\n### One\n\nSee [the ecomap](/handbook/ecomap/)."),
        site="https://portal.example",
        id_prefix="genogram-",
        nested=True,
    )
    assert '<h3 class="govuk-heading-m" id="genogram-steps">Steps</h3>' in rendered.html
    assert '<h4 class="govuk-heading-s">One</h4>' in rendered.html
    assert 'href="https://portal.example/handbook/ecomap/"' in rendered.html


def test_a_heading_with_markup_is_escaped_and_its_words_make_the_anchor():
    rendered = render_page(revision("## <script>x</script> Safety & **goals**"))
    assert "<script>" not in rendered.html
    assert rendered.sections[0].anchor == "safety-goals"
    assert rendered.sections[0].title == "Safety & goals"


def test_the_rendering_is_kept_per_revision_and_never_shown_for_other_words(monkeypatch):
    from handbook import rendering

    renders = []
    real = rendering._render_page
    monkeypatch.setattr(rendering, "_render_page", lambda *args, **kwargs: renders.append(1) or real(*args, **kwargs))
    first = render_page(revision("## First\n\nWords."))
    assert render_page(revision("## First\n\nWords.")) == first
    assert len(renders) == 1  # the second came from the cache
    # The same id with other words (a database restored from a backup) renders afresh.
    other = render_page(revision("## Second\n\nOther words."))
    assert len(renders) == 2
    assert "First" in first.html
    assert "Second" in other.html
    assert "First" not in other.html
