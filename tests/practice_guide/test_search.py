"""Guide search: a stored, indexed vector per revision, kept right by PostgreSQL, and a sensible order."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from practice_guide import selectors, services
from practice_guide.models import GuidePart, Reader, Revision
from tests.factories import draft_part, published_part


def titles(query: str, reader: str = Reader.PARENTS) -> list[str]:
    return [result.title for result in selectors.search(query, reader) if result.kind == "part"]


def test_a_saved_revision_stores_its_words_weighted_by_where_they_are(db, editor):
    part = published_part("fostering", "Fostering", by=editor, body="Foster carers look after children.")
    vector = Revision.objects.values_list("search_vector", flat=True).get(pk=part.published_id)
    assert "'foster':1A" in vector  # the title
    assert re.search(r"'summari':\d+B", vector)  # the summary ("A short summary of fostering.")
    assert "'carer':" in vector  # the body, weighted C (the default, which PostgreSQL leaves unwritten)


def test_publishing_an_edit_changes_what_search_finds(db, editor):
    part = published_part("visits", "Visits", by=editor, body="Your social worker will visit at home.")
    assert titles("home") == ["Visits"]
    services.save_draft(
        part,
        expected_version=part.edit_version,
        text=services.PartText("Visits", "S.", "We may meet at a family centre."),
        by=editor,
    )
    assert titles("centre") == []  # saved, not published
    services.publish(GuidePart.objects.get(pk=part.pk), by=editor)
    assert titles("centre") == ["Visits"]
    assert titles("home") == []
    services.unpublish(GuidePart.objects.get(pk=part.pk), by=editor)
    assert titles("centre") == []


def test_draft_words_are_never_found(db, editor):
    published_part("rights", "Your rights", by=editor)
    draft_part("plans", "Secret plans", by=editor, body="Unicorn budget.")
    assert titles("unicorn") == []


def test_a_match_in_the_title_ranks_above_one_in_the_text(db, editor):
    published_part("money", "Help with money", by=editor, body="Ask about advocacy and fostering allowances.")
    published_part("fostering", "Fostering", by=editor, body="Foster carers look after children.")
    assert titles("fostering") == ["Fostering", "Help with money"]


def test_a_part_with_more_of_the_words_ranks_first_and_one_word_is_enough(db, editor):
    published_part("together", "Getting together", by=editor, body="A meeting about what happens next.")
    published_part("safe", "Keeping safe", by=editor, body="A child protection plan keeps a child safe.")
    assert titles("child protection meeting") == ["Keeping safe", "Getting together"]
    # Families type whole questions: a part holding any of the words is found.
    assert titles("protection xyzzy") == ["Keeping safe"]


def test_quotes_still_ask_for_the_exact_phrase(db, editor):
    published_part("plans", "Plans", by=editor, body="A child protection plan keeps a child safe.")
    published_part("other", "Other", by=editor, body="Protection for every child.")
    assert titles('"child protection"') == ["Plans"]
    assert titles("protection -plan") == ["Other"]


def test_the_childrens_snippet_comes_from_their_version(db, editor):
    published_part(
        "visits", "Visits", by=editor, body="Your social worker visits.", children="We will come and see you."
    )
    [result] = selectors.search("visits", Reader.CHILDREN)
    assert result.kind == "part"
    assert "see you" in result.snippet_html


def test_the_snippet_marks_a_match_far_into_a_long_part(db, editor):
    filler = " ".join(["Your family matters to us."] * 200)
    published_part("long", "A long part", by=editor, body=f"{filler}\n\nYou can make a complaint at any time.")
    [result] = selectors.search("complaint", Reader.PARENTS)
    assert "<mark>complaint</mark>" in result.snippet_html


def test_search_matches_the_stored_indexed_vector(db, editor):
    published_part("rights", "Your rights", by=editor, body="You have the right to complain.")
    with CaptureQueriesContext(connection) as queries:
        selectors.search("complain", Reader.PARENTS)
    part_query = next(q["sql"] for q in queries if "practice_guide_guidepart" in q["sql"])
    assert '"practice_guide_revision"."search_vector" @@' in part_query
    assert "to_tsvector" not in part_query.split("FROM")[1]  # nothing computed per row to match
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'revision_search_vector'")
        assert "USING gin (search_vector)" in cursor.fetchone()[0]


def test_the_search_page_uses_a_fixed_number_of_queries(client, db, editor, django_assert_max_num_queries):
    for n in range(30):
        published_part(f"part-{n}", f"Complaints part {n}", by=editor, body="How to make a complaint.")
    client.get("/guide/search/?q=warmup")
    # Due check, generation, contents; then the parts and the glossary.
    with django_assert_max_num_queries(5):
        response = client.get("/guide/search/?q=complaint")
    assert response.content.decode().count("portal-search-results__item") == 20
