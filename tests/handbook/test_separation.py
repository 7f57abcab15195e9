"""One engine, two audiences: the handbook's pages never reach families, and each audience's editors reach only
their own pages."""

import pytest

from portal.roles import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HANDBOOK_ADDRESSES = [
    "/handbook/",
    "/handbook/our-vision/",
    "/handbook/genogram/",
    "/handbook/search/?q=vision",
    "/handbook/print/",
    "/handbook/our-vision/print/",
    "/handbook/reading/",
    "/handbook/required-reading/",
    "/handbook/manage/",
    "/handbook/manage/new/tool/",
]


@pytest.mark.parametrize("address", HANDBOOK_ADDRESSES)
def test_anyone_not_signed_in_is_sent_to_sign_in_from_every_handbook_address(client, handbook, address):
    response = client.get(address)
    assert response.status_code == 302
    assert response.url.startswith("/sign-in/")


def test_anyone_not_signed_in_cannot_confirm_reading(client, handbook):
    response = client.post("/handbook/our-vision/read/")
    assert response.status_code == 302
    assert response.url.startswith("/sign-in/")


def test_a_handbook_page_is_not_a_page_of_the_guide_for_families(client, guide, handbook):
    for slug in ("our-vision", "genogram"):
        assert client.get(f"/guide/{slug}/").status_code == 404
        assert client.get(f"/pl/guide/{slug}/").status_code == 404
        assert client.get(f"/guide/what-happens-and-when/{slug}/").status_code == 404


def test_families_search_never_finds_handbook_text(client, guide, handbook):
    response = client.get("/guide/search/", {"q": "Zanzibar protocol"})
    assert response.status_code == 200
    assert "Zanzibar" not in response.content.decode().split("<main", 1)[1].split('value="')[0]
    assert "Our vision" not in response.content.decode()
    # ...whatever the reader's version.
    assert "Our vision" not in client.get("/guide/search/", {"q": "Zanzibar", "reader": "children"}).content.decode()


def test_the_sitemap_lists_no_handbook_page(client, guide, handbook):
    body = client.get("/sitemap.xml").content.decode()
    assert "/guide/what-to-expect/" in body
    assert "handbook" not in body
    for slug in handbook:
        assert f"/{slug}/" not in body


def test_the_guides_contents_and_print_view_hold_no_handbook_page(client, guide, handbook):
    for address in ("/guide/", "/guide/print/", "/guide/what-happens-and-when/"):
        body = client.get(address).content.decode()
        assert "Our vision" not in body, address
        assert "Genograms" not in body, address


def test_the_guide_editor_lists_only_the_guides_parts_and_the_handbook_editor_only_its_pages(
    client, editor, guide, handbook
):
    client.force_login(editor)
    guide_list = client.get("/guide/manage/").content.decode()
    assert "What to expect" in guide_list
    assert "Genograms" not in guide_list
    handbook_list = client.get("/handbook/manage/").content.decode()
    assert "Genograms" in handbook_list
    assert "What to expect" not in handbook_list
    assert "An unfinished page" in handbook_list


def test_a_page_of_one_audience_is_not_found_through_the_other_audiences_editor(client, editor, guide, handbook):
    client.force_login(editor)
    part, page = guide[0], handbook["genogram"]
    for suffix in ("", "preview/", "history/", "schedule/", "compare/?a=1&b=1"):
        assert client.get(f"/guide/manage/{page.pk}/{suffix}").status_code == 404, suffix
        assert client.get(f"/handbook/manage/{part.pk}/{suffix}").status_code == 404, suffix
    assert client.post(f"/guide/manage/{page.pk}/unpublish/").status_code == 404
    assert client.post(f"/handbook/manage/{part.pk}/unpublish/").status_code == 404
    page.refresh_from_db()
    part.refresh_from_db()
    assert page.published_id
    assert part.published_id


def test_a_guide_part_and_a_handbook_page_may_share_a_web_address(client, editor, guide):
    client.force_login(editor)
    response = client.post(
        "/handbook/manage/new/model/",
        {"title": "What to expect here", "slug": "what-to-expect", "summary": "For staff.", "body_parents": "Text."},
    )
    assert response.status_code == 302
    assert client.get("/guide/what-to-expect/").status_code == 200


@pytest.mark.parametrize(
    "role", [Role.SOCIAL_WORKER, Role.SUPERVISOR, Role.SERVICE_MANAGER, Role.TRAINING_COORDINATOR, Role.FACILITATOR]
)
def test_only_handbook_editors_reach_the_handbook_editor(client, handbook, team, role):
    client.force_login(UserFactory(team=team, roles=[role]))
    page = handbook["genogram"]
    for address in [
        "/handbook/manage/",
        "/handbook/manage/new/model/",
        "/handbook/manage/new/tool/",
        f"/handbook/manage/{page.pk}/",
        f"/handbook/manage/{page.pk}/preview/",
        f"/handbook/manage/{page.pk}/history/",
        f"/handbook/tools/{page.pk}/links/",
    ]:
        assert client.get(address).status_code == 403, address
    for address in [f"/handbook/manage/{page.pk}/publish/", f"/handbook/manage/{page.pk}/unpublish/"]:
        assert client.post(address).status_code == 403, address


def test_a_practice_lead_edits_the_handbook_but_not_the_guide(client, team, guide, handbook):
    lead = UserFactory(team=team, roles=[Role.PRACTICE_LEAD])
    client.force_login(lead)
    assert client.get("/handbook/manage/").status_code == 200
    assert client.get("/guide/manage/").status_code == 403
    assert client.get(f"/guide/manage/{guide[0].pk}/").status_code == 403


def test_the_guide_kinds_cannot_be_added_through_the_handbook(client, editor):
    client.force_login(editor)
    assert client.get("/handbook/manage/new-step/").status_code == 404
    assert client.get("/guide/manage/new/tool/").status_code == 404
