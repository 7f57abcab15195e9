"""The easy read version: its line format, pictures, the editor's checks, reading time, and what readers see."""

import pytest
from django.conf import settings
from django.urls import reverse

from portal.roles import Role
from practice_guide import easy_read, guide_cache, pictures, readability, services
from practice_guide.demo_content import PARTS
from practice_guide.demo_content import easy_read as demo_easy_read
from practice_guide.models import GuidePart
from practice_guide.picture_views import PAGE_RESULTS, PICKER_RESULTS
from practice_guide.rendering import reading_minutes, render_part
from tests.factories import UserFactory

PICKER_URLS = ["/guide/manage/pictures/?q=house", "/guide/manage/pictures/search.json?q=house"]
EASY = "## What happens\n[1F3E0] We will visit you at home.\n\n[1F442] We will listen to you."


@pytest.fixture
def easy_guide(guide, editor):
    """The shared guide, with an easy read version of its first part."""
    part = guide[0]
    text = services.PartText.of(part.published)
    text.body_easy_read = EASY
    services.save_draft(part, expected_version=part.edit_version, text=text, by=editor)
    services.publish(part, by=editor)
    return guide


def read_as(client, reader, url):
    client.cookies["guide_reader"] = reader
    return client.get(url).content.decode()


# --- The line format and its HTML -----------------------------------------------------------


def test_lines_render_with_their_pictures_and_headings():
    html = easy_read.render(EASY)
    assert '<h2 class="govuk-heading-l portal-easy-read__heading">What happens</h2>' in html
    assert html.count('<li class="portal-easy-read__line">') == 2
    assert f'src="{pictures.url("1F3E0")}" alt="" width="72" height="72"' in html
    assert "We will listen to you." in html


def test_words_are_escaped_and_nothing_is_markdown():
    html = easy_read.render("[1F3E0] <script>alert(1)</script> **bold** [link](/x/)")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "**bold** [link](/x/)" in html


def test_an_unknown_picture_code_shows_the_words_alone():
    html = easy_read.render("[FFFFF] A line with a made-up picture.")
    assert "<img" not in html
    assert "A line with a made-up picture." in html


# --- Pictures -----------------------------------------------------------------------------


def test_pictures_are_found_by_name_keyword_or_code():
    assert pictures.search("house")[0].code == "1F3E0"
    assert any(picture.code == "260E" for picture in pictures.search("phone"))
    assert [picture.code for picture in pictures.search("[1f3e0]")] == ["1F3E0"]
    assert pictures.search("   ") == []
    assert pictures.search("zzqqxx") == []
    assert len(pictures.search("face", limit=5)) == 5
    assert pictures.get("1f3e0").name == "house"
    assert pictures.url("1F3E0").endswith("openmoji/1F3E0.svg")
    assert pictures.url("FFFFF") is None


# --- The editor's checks ------------------------------------------------------------------


def test_the_easy_read_check_names_each_fix_by_line():
    body = "\n".join(
        [
            "## A heading needs no picture",
            "[1F3E0] One short line.",
            "",
            "A line with no picture.",
            "[1F3E0] Two sentences here. Another one!",
            "[1F3E0] " + " ".join(["word"] * 16) + ".",
            "[FFFFF] A made-up picture.",
            "[1F3E0] Notwithstanding everything.",
        ]
    )
    fixes = {(fix.line, fix.message.split(":")[0].split(" ")[0]) for fix in easy_read.check(body)}
    assert fixes == {(4, "Add"), (5, "Split"), (6, "Shorten"), (7, "Choose"), (8, "Use")}


def test_the_readability_panel_reports_the_easy_read_version():
    report = readability.check_easy_read(EASY)
    assert (report.lines, report.words, report.fixes) == (3, 13, [])
    assert readability.check_easy_read("").is_empty


def test_the_demo_easy_read_follows_its_own_rules():
    assert len(demo_easy_read.EASY_READ) >= 4
    for slug, body in demo_easy_read.EASY_READ.items():
        assert easy_read.check(body) == [], slug


def test_the_demo_gives_untouched_parts_an_easy_read_version_once(editor):
    by_slug = {entry["slug"]: entry for entry in PARTS}
    for slug in ("your-rights", "meetings-and-plans"):
        entry = by_slug[slug]
        text = services.PartText(entry["title"], entry["summary"], entry["parents"].strip(), entry["children"].strip())
        services.publish(services.create_part(slug=slug, text=text, by=editor), by=editor)
    changed = GuidePart.objects.get(slug="meetings-and-plans")
    text = services.PartText.of(changed.published)
    text.body_parents = "An editor rewrote this part."
    services.save_draft(changed, expected_version=changed.edit_version, text=text, by=editor)
    services.publish(changed, by=editor)

    assert demo_easy_read.load(editor, PARTS) == 1
    assert demo_easy_read.load(editor, PARTS) == 0
    assert GuidePart.objects.get(slug="your-rights").published.has_version_for("easy-read")
    assert not GuidePart.objects.get(slug="meetings-and-plans").published.has_version_for("easy-read")


# --- Reading time -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "reader", "minutes"),
    [(0, "parents", 1), (200, "parents", 1), (201, "children", 2), (450, "parents", 3), (150, "easy-read", 2)],
)
def test_reading_time_is_rounded_up_at_the_readers_pace(words, reader, minutes):
    assert reading_minutes(words, reader) == minutes


def test_a_part_without_an_easy_read_version_is_timed_as_the_parents_version(easy_guide):
    revision = easy_guide[1].published
    revision.body_parents = " ".join(["word"] * 300)
    assert render_part(revision, "easy-read", []).reading_minutes == 2
    assert render_part(easy_guide[0].published, "easy-read", []).reading_minutes == 1


# --- What readers see ---------------------------------------------------------------------


def test_each_reader_sees_their_own_version_and_its_reading_time(client, easy_guide):
    parents = read_as(client, "parents", "/guide/what-to-expect/")
    assert "version for <strong>parents and carers</strong>" in parents
    assert "Read the easy read version" in parents
    assert "Read the version for children" in parents
    assert "About 1 minute to read" in parents
    assert "portal-easy-read" not in parents

    easy = read_as(client, "easy-read", "/guide/what-to-expect/")
    assert "the <strong>easy read</strong> version" in easy
    assert "Read the version for parents and carers" in easy
    assert "Read the easy read version" not in easy
    assert 'class="portal-easy-read__picture"' in easy
    assert "We will listen to you." in easy
    assert "Your social worker will visit you." not in easy
    assert "Pictures from" in easy
    assert "openmoji.org" in easy
    assert "There is no easy read version" not in easy


def test_a_page_without_an_easy_read_version_says_so_and_shows_the_parents_version(client, easy_guide):
    content = read_as(client, "easy-read", "/guide/your-rights/")
    assert "There is no easy read version of this page yet" in content
    assert "You have the right to complain." in content
    assert "Pictures from" not in content
    children = read_as(client, "children", "/guide/your-rights/")
    assert "no separate version of this page for children" in children


def test_the_easy_read_reader_gets_easy_read_in_print_and_search(client, easy_guide):
    printed = read_as(client, "easy-read", "/guide/print/")
    assert "We will listen to you." in printed
    assert "Pictures from" in printed
    found = read_as(client, "easy-read", "/guide/search/?q=listen")
    assert "<mark>listen</mark> to you" in found


def test_a_warm_easy_read_page_needs_few_queries(client, easy_guide, django_assert_max_num_queries):
    client.cookies["guide_reader"] = "easy-read"
    guide_cache.start_new_generation()
    client.get("/guide/what-to-expect/")
    with django_assert_max_num_queries(3):
        assert "portal-easy-read" in client.get("/guide/what-to-expect/").content.decode()


# --- Editors ------------------------------------------------------------------------------


def test_editors_save_an_easy_read_version_and_see_its_fixes(client, guide, editor):
    client.force_login(editor)
    part = guide[1]
    data = {
        "title": "Your rights",
        "summary": "Rights.",
        "body_parents": "You have the right to complain.",
        "body_easy_read": "[1F3E0] Fine.\nNo picture here.",
        "edit_version": part.edit_version,
        "action": "check",
    }
    content = client.post(f"/guide/manage/{part.pk}/", data).content.decode()
    assert "Line 2: Add a picture at the start of this line" in content
    assert 'name="body_easy_read"' in content
    assert "picture-picker.mjs" in content
    client.post(f"/guide/manage/{part.pk}/", {**data, "action": "save"})
    part.refresh_from_db()
    assert part.draft.body_easy_read == "[1F3E0] Fine.\nNo picture here."
    panel = client.post("/guide/manage/readability/", {"body_parents": "x", "body_easy_read": "[1F3E0] Hi."})
    assert "Every line follows the easy read rules" in panel.content.decode()


@pytest.mark.parametrize(
    "role",
    [
        Role.SOCIAL_WORKER,
        Role.SUPERVISOR,
        Role.SERVICE_MANAGER,
        Role.TRAINING_COORDINATOR,
        Role.FACILITATOR,
        Role.PEOPLE_ADMINISTRATOR,
    ],
)
def test_only_guide_editors_reach_the_picture_search(client, team, role):
    client.force_login(UserFactory(team=team, roles=[role]))
    for url in PICKER_URLS:
        assert client.get(url).status_code == 403, url


def test_signed_out_people_are_sent_to_sign_in_from_the_picture_search(client, db):
    for url in PICKER_URLS:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse(settings.LOGIN_URL))


def test_the_picture_search_lists_codes_to_copy(client, editor):
    client.force_login(editor)
    content = client.get("/guide/manage/pictures/?q=house").content.decode()
    assert "[1F3E0]</code> house" in content
    assert f'src="{pictures.url("1F3E0")}" alt=""' in content
    assert "creativecommons.org/licenses/by-sa/4.0" in content
    assert client.get("/guide/manage/pictures/").status_code == 200


def test_the_picture_search_results_are_bounded(client, editor):
    client.force_login(editor)
    content = client.get("/guide/manage/pictures/?q=face").content.decode()
    assert content.count('class="portal-picture-result"') == PAGE_RESULTS
    assert "Add another word" in content
    data = client.get("/guide/manage/pictures/search.json?q=face").json()
    assert len(data["results"]) == PICKER_RESULTS
    assert data["more"]
    assert client.get("/guide/manage/pictures/search.json?q=house").json()["results"][0]["code"] == "1F3E0"


def test_a_bad_picture_search_gets_a_clear_error(client, editor):
    client.force_login(editor)
    error = "Search for 100 characters or fewer"
    response = client.get("/guide/manage/pictures/", {"q": "x" * 101})
    assert response.status_code == 400
    content = response.content.decode()
    assert "There is a problem" in content
    assert error in content
    answer = client.get("/guide/manage/pictures/search.json", {"q": "x" * 101})
    assert answer.status_code == 400
    assert answer.json()["error"] == error
    # Punctuation alone finds nothing; a NUL byte is refused before any view (portal/null_bytes.py).
    assert "No pictures for" in client.get("/guide/manage/pictures/", {"q": "!!!"}).content.decode()
    assert client.get("/guide/manage/pictures/", {"q": "house\x00"}).status_code == 400


def test_the_accessibility_statement_credits_the_pictures(client, db):
    content = client.get("/accessibility/").content.decode()
    assert 'Pictures from <a class="govuk-link" href="https://openmoji.org/">OpenMoji</a>' in content
    assert "https://creativecommons.org/licenses/by-sa/4.0/" in content
