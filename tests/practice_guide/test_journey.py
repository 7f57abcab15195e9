"""The journey ("What happens and when"): its map, the step pages, "Part of" beside parts, search and the sitemap."""

import re

import pytest

from practice_guide import guide_cache, journey, services
from practice_guide.models import Kind, PageFeedback
from tests.factories import published_part

JOURNEY = "/guide/what-happens-and-when/"


def make_step(slug, title, *, by, body, timescale="", publish=True):
    text = services.PartText(title, f"What happens at {title.lower()}.", body, timescale=timescale)
    step = services.create_part(slug=slug, text=text, by=by, kind=Kind.STEP)
    if publish:
        services.publish(step, by=by)
        step.refresh_from_db()
    return step


@pytest.fixture
def steps(guide, editor):
    """Three numbered steps and early help (another route) after the second, plus a draft step."""
    made = [
        make_step(
            "contact-and-referral",
            "Contact and referral",
            by=editor,
            body="## What happens\n\nSomeone tells us they are worried. See [what to expect](/guide/what-to-expect/) "
            "and [a draft](/guide/secret-plans/).",
            timescale="We decide what to do within one working day.",
        ),
        make_step(
            "assessment",
            "Assessment",
            by=editor,
            body="We get to know your family. Read [your rights](/guide/your-rights/).",
            timescale="No more than 45 working days from the referral.",
        ),
        make_step("early-help", "Early help", by=editor, body="Help from people you already know."),
        make_step("core-group", "Core group", by=editor, body="A small group meets to make the plan work."),
    ]
    make_step("hidden-step", "A hidden step", by=editor, body="Not ready.", publish=False)
    return made


def test_the_journey_map_numbers_published_steps_and_links_only_published_parts(steps):
    found = journey.journey()
    assert [(step.slug, step.label) for step in found.steps] == [
        ("contact-and-referral", "1"),
        ("assessment", "2"),
        ("early-help", "or"),
        ("core-group", "3"),
    ]
    assert [link.slug for link in found.steps[0].parts] == ["what-to-expect"]
    assert found.steps[0].parts[0].title == "What to expect"
    assert found.steps[0].timescale == "We decide what to do within one working day."
    assert found.part_slugs == {"what-to-expect", "your-rights"}
    assert [step.slug for step in found.steps_linking_to("your-rights")] == ["assessment"]


def test_steps_never_appear_in_the_contents(client, steps):
    content = client.get("/guide/").content.decode()
    assert 'href="/guide/what-happens-and-when/"' in content
    assert "Contact and referral" not in content


def test_the_overview_lists_every_step_in_order_with_timescales_and_links(client, steps):
    content = client.get(JOURNEY).content.decode()
    titles = ["Contact and referral", "Assessment", "Early help", "Core group"]
    positions = [content.index(f'portal-step-nav__title-text">{title}<') for title in titles]
    assert positions == sorted(positions)
    assert "We decide what to do within one working day." in content
    assert "No more than 45 working days from the referral." in content
    assert 'href="/guide/what-happens-and-when/assessment/"' in content
    assert 'href="/guide/your-rights/"' in content
    assert re.search(r'portal-step-nav__circle--logic">\s*or<', content)
    assert "A hidden step" not in content
    assert "secret-plans" not in content


def test_a_step_page_shows_its_text_timescale_place_and_neighbours(client, steps):
    content = client.get(f"{JOURNEY}assessment/").content.decode()
    assert "<title>Assessment: what happens and when – " in content
    assert "What happens and when: step 2" in content
    assert "No more than 45 working days from the referral." in content
    assert "We get to know your family." in content
    assert 'aria-current="page"><span class="portal-step-nav__marker">You are here:</span> Assessment' in content
    assert 'href="/guide/what-happens-and-when/contact-and-referral/" rel="prev"' in content
    assert 'href="/guide/what-happens-and-when/early-help/" rel="next"' in content
    assert 'action="/guide/assessment/feedback/"' in content


def test_the_other_route_says_so(client, steps):
    content = client.get(f"{JOURNEY}early-help/").content.decode()
    assert "What happens and when: another route" in content


@pytest.mark.parametrize("slug", ["no-such-step", "hidden-step", "what-to-expect"])
def test_unknown_draft_and_part_addresses_are_not_steps(client, steps, slug):
    assert client.get(f"{JOURNEY}{slug}/").status_code == 404


def test_a_step_at_a_parts_address_moves_to_its_own(client, steps):
    response = client.get("/guide/assessment/")
    assert response.status_code == 301
    assert response["Location"] == f"{JOURNEY}assessment/"


def test_a_part_a_step_links_to_shows_part_of_the_journey(client, steps):
    content = client.get("/guide/your-rights/").content.decode()
    assert "Part of</span>" in content
    assert 'href="/guide/what-happens-and-when/"' in content
    assert "You are here:</span> Your rights" in content
    # The step that links here is the one opened by the script.
    assert 'portal-step-nav__step portal-step-nav__step--active" id="part-of-assessment"' in content
    assert "Part of</span>" not in client.get("/guide/feedback-and-complaints/").content.decode()


def test_feedback_on_a_step_returns_to_the_step(client, steps):
    response = client.post("/guide/assessment/feedback/", {"useful": "yes"})
    assert response["Location"] == f"{JOURNEY}assessment/?feedback=thanks#feedback"
    assert PageFeedback.objects.get().part.slug == "assessment"


@pytest.mark.parametrize("url", [JOURNEY, f"{JOURNEY}assessment/", "/guide/your-rights/"])
def test_journey_pages_use_few_queries_however_big_the_guide(client, steps, editor, url, django_assert_max_num_queries):
    for n in range(15):
        published_part(f"extra-{n}", f"Extra part {n}", by=editor)
        make_step(f"extra-step-{n}", f"Extra step {n}", by=editor, body=f"See [part {n}](/guide/extra-{n}/).")
    guide_cache.generation()
    with django_assert_max_num_queries(8):  # rendered afresh: generation, due check, contents, journey, the page
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(1):  # the whole page, kept
        client.get(url)
    # Rendered by the view (a query string), with the guide's cache warm.
    client.get(f"{url}?feedback=missing")
    with django_assert_max_num_queries(3):
        assert client.get(f"{url}?feedback=thanks").status_code == 200


def test_search_and_the_sitemap_give_steps_their_own_addresses(client, steps):
    content = client.get("/guide/search/?q=family").content.decode()
    assert 'href="/guide/what-happens-and-when/assessment/"' in content
    assert "A step of what happens and when" in content
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/guide/what-happens-and-when/assessment/</loc>" in sitemap
    assert "/guide/what-happens-and-when/</loc>" in sitemap
    assert "hidden-step" not in sitemap
    assert "/guide/assessment/</loc>" not in sitemap
    # Every page is listed in each language the guide is offered in, each naming the others.
    assert "/pl/guide/what-happens-and-when/assessment/</loc>" in sitemap
    assert "/ar/guide/what-happens-and-when/</loc>" in sitemap
    assert 'hreflang="ar" href="http://testserver/ar/guide/what-happens-and-when/assessment/"' in sitemap
    assert "/pl/guide/hidden-step" not in sitemap


def test_the_demo_journey_is_complete_and_loads_once(db, editor):
    from practice_guide import demo_content
    from practice_guide.demo_content.journey import STEPS
    from practice_guide.models import GuidePart

    demo_content.load(editor)
    demo_content.load(editor)
    loaded = list(GuidePart.objects.steps().published().order_by("position"))
    assert [step.slug for step in loaded] == [entry["slug"] for entry in STEPS]
    assert GuidePart.objects.steps().count() == len(STEPS)
    for step in loaded:
        revision = step.published
        for heading in ["What happens", "Who is there", "How long it usually takes", "What you can do", "Your rights"]:
            assert f"## {heading}\n" in revision.body_parents, (step.slug, heading)
        assert revision.body_children.strip(), step.slug
        assert revision.body_easy_read.strip(), step.slug
        assert revision.timescale, step.slug
        assert revision.editor_note, step.slug
    found = journey.journey()
    assert len(found.steps) == len(STEPS)
    assert all(step.parts for step in found.steps)


def test_the_printable_guide_ends_with_every_published_step(client, steps):
    content = client.get("/guide/print/").content.decode()
    assert '<a class="govuk-link" href="#steps">What happens and when: step by step</a>' in content
    titles = ["Contact and referral", "Assessment"]
    positions = [content.index(f'">{title}</h3>') for title in titles]
    assert positions == sorted(positions)
    assert content.index('id="steps"') > content.index("What to expect</h2>")
    assert "Someone tells us they are worried." in content
    assert "A hidden step" not in content
    # Links print with the site's address, so a printed page still says where they go.
    assert 'href="http://testserver/guide/what-to-expect/"' in content
