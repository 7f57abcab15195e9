"""The public guide: what families see, and what they never see."""

import pytest
from django.urls import reverse

from practice_guide import guide_cache, services
from practice_guide.models import PageFeedback
from tests.factories import GlossaryTermFactory, published_part

PUBLIC_PAGES = ["/guide/", "/guide/what-to-expect/", "/guide/print/", "/guide/glossary/", "/guide/search/?q=rights"]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_need_no_sign_in(client, guide, url):
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", PUBLIC_PAGES + ["/sitemap.xml"])
def test_drafts_never_appear_to_the_public(client, guide, url):
    content = client.get(url).content.decode()
    assert "Secret draft plans" not in content
    assert "Unicorn" not in content
    assert "secret-plans" not in content


def test_searching_for_words_only_in_a_draft_finds_nothing(client, guide):
    content = client.get("/guide/search/?q=unicorn").content.decode()
    assert "No results" in content


def test_a_draft_part_is_not_found(client, guide):
    assert client.get("/guide/secret-plans/").status_code == 404
    assert client.get("/guide/no-such-part/").status_code == 404


def test_a_part_shows_title_contents_navigation_related_parts_and_date(client, guide):
    content = client.get("/guide/what-to-expect/").content.decode()
    assert "<title>What to expect – " in content
    assert 'name="description" content="A short summary of what to expect."' in content
    assert 'aria-current="page">What to expect<' in content
    assert 'rel="next"' in content
    assert "Related parts" in content
    assert "Last updated" in content
    assert 'call <a class="govuk-link" href="tel:999">' in content


def test_glossary_words_are_marked_in_the_part(client, guide):
    content = client.get("/guide/what-to-expect/").content.decode()
    assert 'href="/guide/glossary/#core-group"' in content


def test_the_childrens_version_is_chosen_and_remembered(client, guide):
    response = client.get("/guide/version/children/?next=/guide/what-to-expect/")
    assert response["Location"] == "/guide/what-to-expect/"
    assert response.cookies["guide_reader"].value == "children"
    content = client.get("/guide/what-to-expect/").content.decode()
    assert "Your social worker is there to help you." in content
    assert "version for <strong>children and young people</strong>" in content


def test_a_part_without_a_childrens_version_says_so(client, guide):
    client.get("/guide/version/children/")
    content = client.get("/guide/your-rights/").content.decode()
    assert "There is no separate version of this page for children" in content


def test_the_version_switch_will_not_redirect_to_another_site(client, guide):
    response = client.get("/guide/version/children/?next=https://evil.example/")
    assert response["Location"] == reverse("practice_guide:overview")
    assert client.get("/guide/version/grown-ups/").status_code == 404


def test_search_ranks_and_highlights(client, guide):
    content = client.get("/guide/search/?q=complain").content.decode()
    assert "Your rights" in content
    assert "<mark>complain</mark>" in content


def test_search_finds_glossary_words(client, guide):
    assert "From the words we use" in client.get("/guide/search/?q=advocate").content.decode()


def test_search_suggests_a_spelling(client, guide):
    content = client.get("/guide/search/?q=complan").content.decode()
    assert "Did you mean" in content
    assert "complain" in content


@pytest.mark.parametrize("query", ["'", '"unclosed', "a & | ! (", "<script>alert(1)</script>", "-", "OR OR"])
def test_malformed_searches_are_harmless(client, guide, query):
    response = client.get("/guide/search/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


def test_a_very_long_search_gets_a_clear_error(client, guide):
    response = client.get("/guide/search/", {"q": "x" * 500})
    assert response.status_code == 400
    assert "Search for 200 characters or fewer" in response.content.decode()


def test_part_pages_use_a_fixed_number_of_queries_however_big_the_guide(
    client, guide, editor, django_assert_max_num_queries
):
    for n in range(20):
        published_part(f"extra-{n}", f"Extra part {n}", by=editor)
    GlossaryTermFactory.create_batch(30)
    client.get("/guide/what-to-expect/")  # fill the cache
    # The whole page is kept (practice_guide/page_cache.py): one query for the generation and the due check.
    with django_assert_max_num_queries(1):
        client.get("/guide/what-to-expect/")
    guide_cache.start_new_generation()
    with django_assert_max_num_queries(6):
        response = client.get("/guide/what-to-expect/")
    assert response.status_code == 200


@pytest.mark.parametrize("url", ["/guide/", "/guide/print/", "/guide/glossary/", "/guide/search/?q=rights"])
def test_other_public_pages_use_a_fixed_number_of_queries(client, guide, editor, url, django_assert_max_num_queries):
    for n in range(20):
        published_part(f"extra-{n}", f"Extra part {n}", by=editor)
    GlossaryTermFactory.create_batch(30)
    guide_cache.generation()  # created once in a site's life; not part of a page's cost
    # Rendered afresh: generation, due check, contents, then the page's own reads (parts, glossary).
    with django_assert_max_num_queries(6):
        assert client.get(url).status_code == 200


def test_a_part_is_served_from_cache_until_it_changes(client, guide, editor):
    part = guide[0]
    assert "Your social worker will visit you." in client.get("/guide/what-to-expect/").content.decode()
    # A saved draft changes nothing families see...
    services.save_draft(
        part,
        expected_version=part.edit_version,
        text=services.PartText("What to expect", "S.", "Brand new words."),
        by=editor,
    )
    assert "Brand new words." not in client.get("/guide/what-to-expect/").content.decode()
    # ...publishing does.
    services.publish(part, by=editor)
    assert "Brand new words." in client.get("/guide/what-to-expect/").content.decode()


def test_a_glossary_change_refreshes_cached_parts(client, guide, django_capture_on_commit_callbacks):
    client.get("/guide/your-rights/")
    form_term = GlossaryTermFactory.build(term="complain", definition="Tell us something is wrong.")
    from practice_guide.forms import GlossaryTermForm

    form = GlossaryTermForm({"term": form_term.term, "variants": "", "definition": form_term.definition})
    assert form.is_valid()
    with django_capture_on_commit_callbacks(execute=True):
        services.save_glossary_term(form)
    assert 'href="/guide/glossary/#complain"' in client.get("/guide/your-rights/").content.decode()


def test_useful_yes_is_stored_anonymously(client, guide):
    response = client.post("/guide/what-to-expect/feedback/", {"useful": "yes"})
    assert response["Location"] == "/guide/what-to-expect/?feedback=thanks#feedback"
    answer = PageFeedback.objects.get()
    assert answer.useful is True
    assert {f.name for f in PageFeedback._meta.get_fields()} == {
        "id",
        "part",
        "useful",
        "comment",
        "reader",
        "created_at",
    }


def test_useful_no_asks_for_an_optional_comment(client, guide):
    response = client.post("/guide/what-to-expect/feedback/", {"useful": "no"})
    comment_page = client.get(response["Location"])
    assert "Do not include personal details" in comment_page.content.decode()
    done = client.post(response["Location"], {"comment": "Too long."})
    assert done["Location"].endswith("?feedback=thanks#feedback")
    assert PageFeedback.objects.get().comment == "Too long."


def test_a_comment_over_1000_characters_gets_an_error(client, guide):
    url = client.post("/guide/what-to-expect/feedback/", {"useful": "no"})["Location"]
    response = client.post(url, {"comment": "x" * 1001})
    assert response.status_code == 200
    assert "Your comment must be 1000 characters or fewer" in response.content.decode()
    assert PageFeedback.objects.get().comment == ""


def test_a_10_megabyte_comment_is_refused_without_a_500(client, guide):
    url = client.post("/guide/what-to-expect/feedback/", {"useful": "no"})["Location"]
    response = client.post(url, {"comment": "x" * (10 * 1024 * 1024)})
    assert response.status_code == 400
    assert PageFeedback.objects.get().comment == ""


def test_a_tampered_comment_link_is_not_found(client, guide):
    assert client.get("/guide/what-to-expect/feedback/not-a-real-token/").status_code == 404


def test_the_honeypot_keeps_nothing(client, guide):
    client.post("/guide/what-to-expect/feedback/", {"useful": "yes", "website": "http://spam.example"})
    assert not PageFeedback.objects.exists()


def test_feedback_without_an_answer_asks_for_one(client, guide):
    response = client.post("/guide/what-to-expect/feedback/", {})
    assert "feedback=missing" in response["Location"]
    assert "Choose yes or no" in client.get(response["Location"]).content.decode()


def test_feedback_is_rate_limited(client, guide):
    for _ in range(10):
        client.post("/guide/what-to-expect/feedback/", {"useful": "yes"})
    response = client.post("/guide/what-to-expect/feedback/", {"useful": "yes"})
    assert response.status_code == 429
    assert PageFeedback.objects.count() == 10


def test_feedback_on_a_draft_is_not_found(client, guide):
    assert client.post("/guide/secret-plans/feedback/", {"useful": "yes"}).status_code == 404


def test_sitemap_lists_published_parts(client, guide):
    content = client.get("/sitemap.xml").content.decode()
    assert "/guide/what-to-expect/" in content
    assert "/guide/glossary/" in content
