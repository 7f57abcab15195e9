"""Handbook pages are written with the guide's editor: drafts, preview, publish, schedule, history, compare,
restore, the readability panel and refused edit conflicts, and a tool page keeps the tool shape."""

import pytest

from practice_guide.models import Audience, GuidePart, Kind, PartEvent
from practice_guide.tool_shape import SECTIONS, TEMPLATE

pytestmark = pytest.mark.django_db


def tool_form(**changes):
    data = {
        "title": "Life story work",
        "slug": "life-story-work",
        "summary": "Helping a child make sense of their history.",
        "body_parents": "\n\n".join(f"## {heading}\n\nSome words." for heading in SECTIONS),
    }
    return data | changes


def test_a_new_tool_page_starts_from_the_tool_shape(client, editor):
    client.force_login(editor)
    body = client.get("/handbook/manage/new/tool/").content.decode()
    assert '<h1 class="govuk-heading-xl">Add a tool</h1>' in body
    assert "## What to bring to supervision" in body
    assert TEMPLATE.startswith("## What it is for")
    # One text for staff: no versions for children or easy read.
    assert "body_children" not in body
    assert "body_easy_read" not in body
    assert "reading age of 14 or under" in body


def test_an_editor_adds_a_tool_which_is_a_handbook_draft(client, editor):
    client.force_login(editor)
    response = client.post("/handbook/manage/new/tool/", tool_form())
    page = GuidePart.objects.get(slug="life-story-work")
    assert response.url == f"/handbook/manage/{page.pk}/"
    assert (page.audience, page.kind, page.published_id) == (Audience.STAFF, Kind.TOOL, None)
    assert "Staff cannot see it yet" in client.get(response.url).content.decode()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("## What it is for\n\nWords.", "A tool page needs a section headed “When to use it”"),
        (
            "\n\n".join(f"## {heading}\n\nWords." for heading in reversed(SECTIONS)),
            "Put the sections of a tool page in this order",
        ),
        (
            "\n\n".join(f"## {heading}\n\nWords." for heading in SECTIONS) + "\n\n## Further reading\n\nMore.",
            "Make “Further reading” a smaller heading (###)",
        ),
    ],
)
def test_a_tool_page_out_of_shape_is_refused_with_a_clear_error(client, editor, body, message):
    client.force_login(editor)
    response = client.post("/handbook/manage/new/tool/", tool_form(body_parents=body))
    assert response.status_code == 200
    content = response.content.decode()
    assert "There is a problem" in content
    assert message in content
    assert not GuidePart.objects.filter(slug="life-story-work").exists()


def test_a_page_about_our_model_needs_no_tool_shape(client, editor):
    client.force_login(editor)
    response = client.post(
        "/handbook/manage/new/model/",
        {"title": "Think Family", "slug": "", "summary": "Working with the whole family.", "body_parents": "Words."},
    )
    assert response.status_code == 302
    assert GuidePart.objects.get(slug="think-family").kind == Kind.MODEL


def test_preview_publish_history_compare_and_restore_a_handbook_page(client, editor, handbook):
    client.force_login(editor)
    page = handbook["our-vision"]
    first_text = page.published.body_parents
    form = {
        "title": "Our vision",
        "summary": "Why relationships matter here.",
        "body_parents": "A new text about our vision.",
        "edit_version": page.edit_version,
    }
    assert client.post(f"/handbook/manage/{page.pk}/", form).status_code == 302
    preview = client.get(f"/handbook/manage/{page.pk}/preview/").content.decode()
    assert "This is the draft as staff will see it" in preview
    assert "A new text about our vision." in preview
    assert f'href="/handbook/manage/{page.pk}/"' in preview
    assert "A new text" not in client.get("/handbook/our-vision/").content.decode()
    response = client.post(f"/handbook/manage/{page.pk}/publish/", follow=True)
    assert "is published. Staff can read it now." in response.content.decode()
    assert "A new text about our vision." in client.get("/handbook/our-vision/").content.decode()
    history = client.get(f"/handbook/manage/{page.pk}/history/").content.decode()
    assert "Published now" in history
    compare = client.get(f"/handbook/manage/{page.pk}/compare/?a=1&b=2").content.decode()
    assert "Version for parents and carers" not in compare
    assert "Text" in compare
    response = client.post(f"/handbook/manage/{page.pk}/restore/1/")
    assert response.url == f"/handbook/manage/{page.pk}/"
    page.refresh_from_db()
    assert page.draft.body_parents == first_text
    assert list(page.events.values_list("action", flat=True)[:1]) == [PartEvent.Action.RESTORED]


def test_saving_over_someone_elses_newer_save_is_refused(client, editor, handbook):
    client.force_login(editor)
    page = handbook["our-vision"]
    stale = page.edit_version
    first = {"title": "Our vision", "summary": "One.", "body_parents": "First save.", "edit_version": stale}
    client.post(f"/handbook/manage/{page.pk}/", first)
    second = first | {"body_parents": "Second save from an old form."}
    response = client.post(f"/handbook/manage/{page.pk}/", second)
    assert response.status_code == 200
    assert "Someone else saved this page while you were editing it" in response.content.decode()
    page.refresh_from_db()
    assert page.draft.body_parents == "First save."


def test_the_readability_panel_checks_the_one_text_against_the_staff_aim(client, editor):
    client.force_login(editor)
    response = client.post("/handbook/manage/readability/", {"body_parents": "We listen. We help families."})
    body = response.content.decode()
    assert '<h3 class="govuk-heading-s">Text</h3>' in body
    assert "Version for children" not in body


def test_moving_a_tool_keeps_it_among_the_tools(client, editor, handbook):
    client.force_login(editor)
    genogram, ecomap = handbook["genogram"], handbook["ecomap"]
    client.post(f"/handbook/manage/{ecomap.pk}/move/", {"direction": "up"})
    genogram.refresh_from_db()
    ecomap.refresh_from_db()
    assert ecomap.position < genogram.position
    assert list(GuidePart.objects.filter(kind=Kind.TOOL).order_by("position").values_list("slug", flat=True)) == [
        "ecomap",
        "genogram",
    ]


def test_an_editor_links_a_tool_to_courses_and_supervision_frames(client, editor, handbook):
    from tests.factories import CourseFactory

    client.force_login(editor)
    course = CourseFactory(title="Systemic practice: introduction")
    tool = handbook["genogram"]
    response = client.post(f"/handbook/tools/{tool.pk}/links/", {"courses": [course.pk], "frames": ["systemic"]})
    assert response.status_code == 302
    assert list(tool.courses.all()) == [course]
    page = client.get("/handbook/genogram/").content.decode()
    assert "Systemic frame" in page
    assert "Systemic practice: introduction" in page
    # A made-up frame is an error on the form, and nothing changes.
    response = client.post(f"/handbook/tools/{tool.pk}/links/", {"courses": [], "frames": ["astrology"]})
    assert "Choose from the frames listed" in response.content.decode()
    assert list(tool.courses.all()) == [course]
    # Only tools have links.
    assert client.get(f"/handbook/tools/{handbook['our-vision'].pk}/links/").status_code == 404
