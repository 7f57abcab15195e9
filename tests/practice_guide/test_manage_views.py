"""The editors' pages: only guide editors reach them, and bad input gets clear errors."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone

from portal.roles import Role
from practice_guide.models import GlossaryTerm, GuidePart, PageFeedback
from tests.dates import as_typed
from tests.factories import UserFactory, published_part


def manage_urls(part):
    return [
        "/guide/manage/",
        "/guide/manage/new/",
        "/guide/manage/feedback/",
        "/guide/manage/feedback.csv",
        "/guide/manage/glossary/",
        "/guide/manage/glossary/new/",
        f"/guide/manage/{part.pk}/",
        f"/guide/manage/{part.pk}/preview/",
        f"/guide/manage/{part.pk}/schedule/",
        f"/guide/manage/{part.pk}/history/",
        f"/guide/manage/{part.pk}/compare/?a=1&b=1",
    ]


@pytest.mark.parametrize(
    "role", [Role.SOCIAL_WORKER, Role.SUPERVISOR, Role.SERVICE_MANAGER, Role.TRAINING_COORDINATOR, Role.FACILITATOR]
)
def test_only_guide_editors_reach_the_editor(client, guide, team, role):
    client.force_login(UserFactory(team=team, roles=[role]))
    for url in manage_urls(guide[0]):
        assert client.get(url).status_code == 403, url
    for url in [f"/guide/manage/{guide[0].pk}/publish/", f"/guide/manage/{guide[0].pk}/unpublish/"]:
        assert client.post(url).status_code == 403, url


def test_anonymous_visitors_are_sent_to_sign_in(client, guide):
    for url in manage_urls(guide[0]):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/sign-in/")


def test_guide_editors_reach_every_editor_page(client, guide, editor):
    client.force_login(editor)
    for url in manage_urls(guide[0]):
        assert client.get(url).status_code in (200, 302), url


def test_an_unknown_part_is_not_found(client, guide, editor):
    client.force_login(editor)
    assert client.get("/guide/manage/999999/").status_code == 404


def test_publishing_needs_a_post(client, guide, editor):
    client.force_login(editor)
    assert client.get(f"/guide/manage/{guide[0].pk}/publish/").status_code == 405


def new_part(client, **changes):
    data = {"title": "Your money", "slug": "", "summary": "Help with money.", "body_parents": "We can help.", **changes}
    return client.post("/guide/manage/new/", data)


def test_editor_creates_a_draft_with_an_address_from_its_title(client, guide, editor):
    client.force_login(editor)
    response = new_part(client)
    part = GuidePart.objects.get(slug="your-money")
    assert response["Location"] == f"/guide/manage/{part.pk}/"
    assert part.published is None


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"title": ""}, "Enter a title"),
        ({"summary": ""}, "Enter a summary"),
        ({"body_parents": ""}, "Enter the text for parents and carers"),
        ({"slug": "your-rights"}, "Another part already uses this web address"),
        ({"slug": "manage"}, "is used by the guide itself"),
        ({"slug": "Not A Slug!"}, "Web address can only use lower case letters"),
        ({"summary": "x" * 161}, "Summary must be 160 characters or fewer"),
        ({"title": "!!!", "slug": ""}, "Enter a web address using letters or numbers"),
    ],
)
def test_bad_input_gets_a_clear_error(client, guide, editor, changes, error):
    client.force_login(editor)
    response = new_part(client, **changes)
    assert response.status_code == 200
    content = response.content.decode()
    assert "There is a problem" in content
    assert error in content


def test_a_script_in_the_markdown_is_made_harmless(client, guide, editor):
    client.force_login(editor)
    new_part(client, body_parents="Hello <script>alert('x')</script>")
    part = GuidePart.objects.get(slug="your-money")
    client.post(f"/guide/manage/{part.pk}/publish/")
    content = client.get("/guide/your-money/").content.decode()
    assert "alert('x')" not in content
    assert "Hello" in content


def edit(client, part, version, **changes):
    data = {
        "title": "What to expect",
        "summary": "S.",
        "body_parents": "Text",
        "body_children": "",
        "edit_version": version,
        "action": "save",
        **changes,
    }
    return client.post(f"/guide/manage/{part.pk}/", data)


def test_a_second_editor_saving_over_a_newer_save_is_refused_and_keeps_their_text(client, guide, editor, team):
    part = guide[0]
    opened_at = part.edit_version
    other = UserFactory(team=team, roles=[Role.GUIDE_EDITOR], full_name="Priya Editor")
    client.force_login(other)
    assert edit(client, part, opened_at, body_parents="Priya's words")["Location"] == f"/guide/manage/{part.pk}/"
    client.force_login(editor)
    response = edit(client, part, opened_at, body_parents="My words")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Someone else saved this part while you were editing it" in content
    assert "Priya Editor saved this part" in content
    assert "Priya&#x27;s words" in content  # theirs, shown for comparison
    assert "My words" in content  # ours, still in the form
    part.refresh_from_db()
    assert part.draft.body_parents == "Priya's words"
    # Saving again, having seen theirs, replaces it on purpose.
    version_now = part.edit_version
    assert edit(client, part, version_now, body_parents="My words").status_code == 302


def test_check_readability_saves_nothing(client, guide, editor):
    client.force_login(editor)
    part = guide[0]
    response = edit(client, part, part.edit_version, action="check", body_parents="Short words. Easy to read.")
    assert response.status_code == 200
    assert "Reading age" in response.content.decode()
    assert part.revisions.count() == 1


def test_preview_shows_the_draft_not_the_published_text(client, guide, editor):
    client.force_login(editor)
    part = guide[0]
    edit(client, part, part.edit_version, body_parents="Draft words only editors see.")
    content = client.get(f"/guide/manage/{part.pk}/preview/").content.decode()
    assert "Draft words only editors see." in content
    assert 'name="robots" content="noindex"' in content
    assert "Draft words only editors see." not in client.get("/guide/what-to-expect/").content.decode()


def test_scheduling_in_the_past_is_refused(client, guide, editor):
    client.force_login(editor)
    yesterday = timezone.localdate() - timedelta(days=1)
    response = client.post(
        f"/guide/manage/{guide[0].pk}/schedule/", {"publish_on": yesterday.isoformat(), "publish_time": "09:00"}
    )
    assert "must be in the future" in response.content.decode()


def test_scheduling_a_real_date(client, guide, editor):
    client.force_login(editor)
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(
        f"/guide/manage/{guide[0].pk}/schedule/", {"publish_on": as_typed(tomorrow), "publish_time": "09:00"}
    )
    assert response.status_code == 302
    part = GuidePart.objects.get(pk=guide[0].pk)
    assert timezone.localtime(part.publish_at).date() == tomorrow


@pytest.mark.parametrize("bad", [{"publish_on": "31 2 2027"}, {"publish_on": "tomorrow"}, {"publish_time": "25:99"}])
def test_impossible_dates_get_an_error_not_a_500(client, guide, editor, bad):
    client.force_login(editor)
    data = {"publish_on": "1 3 2027", "publish_time": "09:00", **bad}
    response = client.post(f"/guide/manage/{guide[0].pk}/schedule/", data)
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()


def test_compare_shows_what_changed(client, guide, editor):
    client.force_login(editor)
    part = guide[0]
    edit(client, part, part.edit_version, title="What to expect", body_parents="Completely new text")
    content = client.get(f"/guide/manage/{part.pk}/compare/?a=1&b=2").content.decode()
    assert "Removed" in content
    assert "Added" in content
    assert "Completely new text" in content


def test_compare_with_missing_versions_goes_back_to_history(client, guide, editor):
    client.force_login(editor)
    response = client.get(f"/guide/manage/{guide[0].pk}/compare/?a=1&b=99")
    assert response["Location"] == f"/guide/manage/{guide[0].pk}/history/"


def test_glossary_words_are_added_and_duplicates_refused(client, guide, editor):
    client.force_login(editor)
    response = client.post("/guide/manage/glossary/new/", {"term": "Care plan", "definition": "A plan for care."})
    assert response.status_code == 302
    assert GlossaryTerm.objects.get(term="Care plan").slug == "care-plan"
    again = client.post("/guide/manage/glossary/new/", {"term": "care PLAN", "definition": "Again."})
    assert "The glossary already has this word" in again.content.decode()


def test_feedback_report_counts_answers_in_the_period(client, guide, editor):
    part = guide[0]
    PageFeedback.objects.create(part=part, useful=True)
    PageFeedback.objects.create(part=part, useful=False, comment="Too many long words")
    old = PageFeedback.objects.create(part=part, useful=False)
    PageFeedback.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=90))
    client.force_login(editor)
    content = client.get("/guide/manage/feedback/").content.decode()
    assert "Too many long words" in content
    assert "50%" in content


def test_feedback_report_refuses_an_end_before_the_start(client, guide, editor):
    client.force_login(editor)
    content = client.get("/guide/manage/feedback/?start=2026-05-01&end=2026-04-01").content.decode()
    assert "The end date must be the same as or after the start date" in content


def test_feedback_csv_neutralises_formulas(client, guide, editor):
    PageFeedback.objects.create(part=guide[0], useful=False, comment='=HYPERLINK("http://evil.example","click")')
    client.force_login(editor)
    response = client.get("/guide/manage/feedback.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["When", "Part", "Useful", "Version", "Comment"]
    assert rows[1][4].startswith("'=HYPERLINK")


def test_editor_pages_use_a_fixed_number_of_queries(client, guide, editor, django_assert_max_num_queries):
    for n in range(25):
        part = published_part(f"extra-{n}", f"Extra {n}", by=editor)
        PageFeedback.objects.create(part=part, useful=True, comment="Fine")
    client.force_login(editor)
    for url in [
        "/guide/manage/",
        "/guide/manage/feedback/",
        "/guide/manage/glossary/",
        f"/guide/manage/{guide[0].pk}/history/",
    ]:
        with django_assert_max_num_queries(10):
            assert client.get(url).status_code == 200


def test_the_readability_panel_refreshes_from_the_forms_text(client, guide, editor):
    client.force_login(editor)
    response = client.post("/guide/manage/readability/", {"body_parents": "We will visit you. We will listen."})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Reading age" in content
    assert "7 in 2 sentences" in content


def test_the_readability_panel_is_for_editors_only(client, guide, worker):
    client.force_login(worker)
    assert client.post("/guide/manage/readability/", {"body_parents": "Hello."}).status_code == 403
