"""Staff read the handbook, confirm what they have read, and managers see who has read what they must."""

import pytest

from handbook import selectors, services
from handbook.models import ASYE, ReadConfirmation, RequiredReading
from portal.roles import Role
from practice_guide import services as page_services
from tests.factories import TeamFactory, UserFactory

pytestmark = pytest.mark.django_db


def republish(page, editor, body="A changed text for staff."):
    text = page_services.PartText.of(page.draft)
    text.body_parents = body if page.kind != "tool" else page.draft.body_parents + "\n\nOne more line."
    page_services.save_draft(page, expected_version=page.edit_version, text=text, by=editor)
    page_services.publish(page, by=editor)
    page.refresh_from_db()


def test_any_member_of_staff_reads_the_contents_and_a_page(client, worker, handbook):
    client.force_login(worker)
    body = client.get("/handbook/").content.decode()
    for title in ("Our vision", "Genograms", "Ecomaps", "Reflective supervision"):
        assert title in body
    assert "An unfinished page" not in body
    page = client.get("/handbook/our-vision/").content.decode()
    assert "Relationships are how we help." in page
    assert "I have read and understood this page" in page


def test_a_draft_only_page_is_not_found(client, worker, handbook):
    client.force_login(worker)
    assert client.get("/handbook/unfinished/").status_code == 404
    assert client.get("/handbook/unfinished/print/").status_code == 404
    assert client.post("/handbook/unfinished/read/").status_code == 404


def test_a_tool_page_lists_its_sections(client, worker, handbook):
    client.force_login(worker)
    body = client.get("/handbook/genogram/").content.decode()
    assert 'href="#when-not-to-use-it"' in body
    assert 'id="when-not-to-use-it"' in body
    assert "Courses that teach it" in body
    assert "In supervision" in body


def test_confirming_reading_records_the_version_once(client, worker, handbook):
    client.force_login(worker)
    page = handbook["our-vision"]
    response = client.post("/handbook/our-vision/read/", {"revision": page.published_id}, follow=True)
    assert "You have confirmed you have read and understood" in response.content.decode()
    client.post("/handbook/our-vision/read/", {"revision": page.published_id})
    confirmation = ReadConfirmation.objects.get(person=worker)
    assert confirmation.revision_id == page.published_id
    assert confirmation.minutes >= 1
    assert (
        "You confirmed you have read and understood this version"
        in client.get("/handbook/our-vision/").content.decode()
    )


def test_opening_the_confirm_address_shows_the_page_and_records_nothing(client, worker, handbook):
    client.force_login(worker)
    response = client.get("/handbook/our-vision/read/")
    assert response.status_code == 302
    assert response.url == "/handbook/our-vision/"
    assert not ReadConfirmation.objects.exists()


def test_a_page_published_again_while_it_was_open_is_not_confirmed(client, worker, editor, handbook):
    page = handbook["our-vision"]
    seen = page.published_id
    republish(page, editor)
    client.force_login(worker)
    response = client.post("/handbook/our-vision/read/", {"revision": seen}, follow=True)
    assert "This page changed while you were reading it" in response.content.decode()
    assert not ReadConfirmation.objects.exists()
    for odd in ("", "abc", "-1", "99999999999999999999"):
        client.post("/handbook/our-vision/read/", {"revision": odd})
    assert not ReadConfirmation.objects.exists()


def test_a_changed_page_asks_again(client, worker, editor, handbook):
    page = handbook["our-vision"]
    services.confirm_read(worker, page)
    republish(page, editor)
    client.force_login(worker)
    body = client.get("/handbook/our-vision/").content.decode()
    assert "This page has changed since you confirmed reading it" in body
    assert "I have read and understood this page" in body
    client.post("/handbook/our-vision/read/", {"revision": page.published_id})
    assert ReadConfirmation.objects.filter(person=worker).count() == 2


def test_required_reading_shows_on_the_contents_for_the_role_and_for_asye_workers(client, team, handbook, editor):
    services.set_required_reading(handbook["our-vision"], {Role.SOCIAL_WORKER}, by=editor)
    services.set_required_reading(handbook["genogram"], {ASYE}, by=editor)
    worker = UserFactory(team=team, roles=[Role.SOCIAL_WORKER])
    newly_qualified = UserFactory(team=team, roles=[Role.SOCIAL_WORKER], is_newly_qualified=True)
    coordinator = UserFactory(team=team, roles=[Role.TRAINING_COORDINATOR])
    assert [item.page.slug for item in selectors.my_required_reading(worker)] == ["our-vision"]
    assert [item.page.slug for item in selectors.my_required_reading(newly_qualified)] == ["our-vision", "genogram"]
    assert selectors.my_required_reading(coordinator) == []
    client.force_login(newly_qualified)
    body = client.get("/handbook/").content.decode()
    assert "Your required reading" in body
    assert "To read" in body
    assert "Required reading for you" in client.get("/handbook/genogram/").content.decode()


def test_required_reading_of_an_unpublished_page_asks_nobody(team, handbook, editor):
    services.set_required_reading(handbook["unfinished"], {Role.SOCIAL_WORKER}, by=editor)
    worker = UserFactory(team=team, roles=[Role.SOCIAL_WORKER])
    assert selectors.my_required_reading(worker) == []


def test_the_practice_lead_chooses_who_must_read_a_page(client, practice_lead, handbook):
    client.force_login(practice_lead)
    page = handbook["genogram"]
    assert "Genograms" in client.get("/handbook/required-reading/").content.decode()
    response = client.post(f"/handbook/required-reading/{page.pk}/", {"readers": [ASYE, Role.SUPERVISOR]})
    assert response.status_code == 302
    assert set(RequiredReading.objects.filter(page=page).values_list("readers", flat=True)) == {ASYE, Role.SUPERVISOR}
    client.post(f"/handbook/required-reading/{page.pk}/", {"readers": [ASYE]})
    assert list(RequiredReading.objects.filter(page=page).values_list("readers", flat=True)) == [ASYE]


def test_a_made_up_reading_group_is_refused_with_an_error(client, practice_lead, handbook):
    client.force_login(practice_lead)
    page = handbook["genogram"]
    response = client.post(f"/handbook/required-reading/{page.pk}/", {"readers": ["Astronauts"]})
    assert response.status_code == 200
    assert "Choose from the groups listed" in response.content.decode()
    assert not RequiredReading.objects.exists()


@pytest.mark.parametrize("role", [Role.SOCIAL_WORKER, Role.SUPERVISOR, Role.GUIDE_EDITOR, Role.SERVICE_MANAGER])
def test_only_practice_leads_choose_required_reading(client, team, handbook, role):
    client.force_login(UserFactory(team=team, roles=[role]))
    page = handbook["genogram"]
    assert client.get("/handbook/required-reading/").status_code == 403
    assert client.post(f"/handbook/required-reading/{page.pk}/", {"readers": [ASYE]}).status_code == 403
    assert not RequiredReading.objects.exists()


def test_a_supervisor_sees_their_teams_reading_and_nobody_elses(client, team, supervisor, handbook, editor):
    services.set_required_reading(handbook["our-vision"], {Role.SOCIAL_WORKER}, by=editor)
    services.set_required_reading(handbook["genogram"], {Role.SOCIAL_WORKER}, by=editor)
    has_read = UserFactory(team=team, roles=[Role.SOCIAL_WORKER], full_name="Ada Reader")
    services.confirm_read(has_read, handbook["our-vision"])
    services.confirm_read(has_read, handbook["genogram"])
    UserFactory(team=team, roles=[Role.SOCIAL_WORKER], full_name="Ben Notyet")
    UserFactory(team=TeamFactory(), roles=[Role.SOCIAL_WORKER], full_name="Cleo Elsewhere")
    client.force_login(supervisor)
    body = client.get("/handbook/reading/").content.decode()
    assert "Ada Reader" in body
    assert "Ben Notyet" in body
    assert "Cleo Elsewhere" not in body
    assert "All read" in body
    outstanding = client.get("/handbook/reading/", {"show": "outstanding"}).content.decode()
    assert "Ben Notyet" in outstanding
    assert "Ada Reader" not in outstanding


def test_the_report_says_when_a_page_changed_since_it_was_read(team, service_manager, handbook, editor):
    services.set_required_reading(handbook["our-vision"], {Role.SOCIAL_WORKER}, by=editor)
    worker = UserFactory(team=team, roles=[Role.SOCIAL_WORKER])
    services.confirm_read(worker, handbook["our-vision"])
    republish(handbook["our-vision"], editor)
    [team_reading] = selectors.reading_report(service_manager)
    [person] = [reading for reading in team_reading.people if reading.person == worker]
    assert [item.status for item in person.items] == [selectors.CHANGED]


@pytest.mark.parametrize(
    "role",
    [Role.SOCIAL_WORKER, Role.GUIDE_EDITOR, Role.TRAINING_COORDINATOR, Role.FACILITATOR, Role.PEOPLE_ADMINISTRATOR],
)
def test_people_who_manage_nobody_cannot_see_the_reading_report(client, team, handbook, role):
    client.force_login(UserFactory(team=team, roles=[role]))
    assert client.get("/handbook/reading/").status_code == 403


def test_the_contents_reads_a_bounded_number_of_queries(client, team, editor, handbook, django_assert_max_num_queries):
    from tests.factories import handbook_page

    for number in range(30):
        handbook_page(f"tool-{number}", f"Tool {number}", kind="tool", by=editor)
        services.set_required_reading(handbook["our-vision"], {Role.SOCIAL_WORKER}, by=editor)
    worker = UserFactory(team=team, roles=[Role.SOCIAL_WORKER])
    client.force_login(worker)
    with django_assert_max_num_queries(12):
        assert client.get("/handbook/").status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get("/handbook/tool-3/").status_code == 200


def test_the_reading_report_reads_a_bounded_number_of_queries(
    client, team, service_manager, editor, handbook, django_assert_max_num_queries
):
    for slug in handbook:
        services.set_required_reading(handbook[slug], {Role.SOCIAL_WORKER, ASYE}, by=editor)
    for number in range(40):
        person = UserFactory(team=team if number % 2 else TeamFactory(service=team.service), roles=[Role.SOCIAL_WORKER])
        if number % 3 == 0:
            services.confirm_read(person, handbook["our-vision"])
    client.force_login(service_manager)
    with django_assert_max_num_queries(14):
        response = client.get("/handbook/reading/")
    assert response.status_code == 200
    assert response.content.decode().count('<tr class="govuk-table__row">') >= 40


def test_search_finds_handbook_pages_and_never_a_families_part(client, worker, guide, handbook):
    client.force_login(worker)
    body = client.get("/handbook/search/", {"q": "Zanzibar"}).content.decode()
    assert "Our vision" in body
    assert "/handbook/our-vision/" in body
    assert "What to expect" not in client.get("/handbook/search/", {"q": "social worker visit"}).content.decode()
    assert "No pages found" in client.get("/handbook/search/", {"q": "Quokka"}).content.decode()  # a draft


def test_a_search_too_long_is_an_error_not_a_failure(client, worker, handbook):
    client.force_login(worker)
    response = client.get("/handbook/search/", {"q": "x" * 300})
    assert response.status_code == 400
    assert "Search for 200 characters or fewer" in response.content.decode()


def test_print_views_hold_the_whole_handbook_or_one_page_with_full_addresses(client, worker, handbook):
    client.force_login(worker)
    whole = client.get("/handbook/print/").content.decode()
    for title in ("Our vision", "Genograms", "Ecomaps", "Reflective supervision"):
        assert title in whole
    assert "An unfinished page" not in whole
    one = client.get("/handbook/genogram/print/").content.decode()
    assert "Genograms" in one
    assert "Ecomaps</h2>" not in one


def test_confirmed_reading_counts_as_reading_time_in_the_cpd_record(client, worker, editor, handbook):
    from datetime import date
    from decimal import Decimal

    from training.cpd import HANDBOOK_READING, cpd_record
    from training.models import financial_year_of

    services.confirm_read(worker, handbook["our-vision"])
    republish(handbook["our-vision"], editor, body=" ".join(["word"] * 450))
    services.confirm_read(worker, handbook["our-vision"])
    year = financial_year_of(date.today())
    record = cpd_record(worker, worker, year)
    # Once a year for each page, at the reading time of the version read last: 450 words at 200 a minute.
    reading = [item for item in record.items if item.source == HANDBOOK_READING]
    assert [(item.title, item.hours) for item in reading] == [("Our vision", Decimal("0.05"))]
    assert reading[0].detail == "Practice handbook, version 2"
    client.force_login(worker)
    assert "Handbook reading" in client.get("/training/cpd/").content.decode()


def test_required_reading_opened_from_the_editor_returns_to_the_editor(client, team, handbook):
    lead = UserFactory(team=team, roles=[Role.PRACTICE_LEAD])
    client.force_login(lead)
    page = handbook["genogram"]
    response = client.post(f"/handbook/required-reading/{page.pk}/?from=editor", {"readers": [ASYE]})
    assert response.url == f"/handbook/manage/{page.pk}/"


def test_the_whole_handbook_nests_each_pages_sections_under_its_title_with_no_id_twice(client, worker, handbook):
    import re

    client.force_login(worker)
    body = client.get("/handbook/print/").content.decode()
    ids = re.findall(r'\bid="([^"]+)"', body)
    assert len(ids) == len(set(ids))
    assert '<h3 class="govuk-heading-m" id="genogram-when-not-to-use-it">When not to use it</h3>' in body
    assert '<h3 class="govuk-heading-m" id="ecomap-when-not-to-use-it">When not to use it</h3>' in body


def test_the_contents_offers_leads_and_managers_their_own_pages_and_nobody_else(client, worker, supervisor, handbook):
    client.force_login(worker)
    assert "For practice leads and managers" not in client.get("/handbook/").content.decode()
    client.force_login(supervisor)
    body = client.get("/handbook/").content.decode()
    assert 'href="/handbook/reading/"' in body
    assert 'href="/handbook/required-reading/"' not in body
    assert 'href="/handbook/manage/"' not in body


def test_print_search_and_required_reading_read_a_bounded_number_of_queries(
    client, team, editor, handbook, django_assert_max_num_queries
):
    from tests.factories import handbook_page

    for number in range(25):
        page = handbook_page(f"extra-{number}", f"Extra page {number}", kind="learning", by=editor)
        services.set_required_reading(page, {Role.SOCIAL_WORKER, ASYE}, by=editor)
    lead = UserFactory(team=team, roles=[Role.PRACTICE_LEAD])
    client.force_login(lead)
    with django_assert_max_num_queries(10):
        assert "Extra page 24" in client.get("/handbook/print/").content.decode()
    with django_assert_max_num_queries(10):
        assert client.get("/handbook/search/", {"q": "extra"}).status_code == 200
    with django_assert_max_num_queries(10):
        assert "Extra page 24" in client.get("/handbook/required-reading/").content.decode()
    with django_assert_max_num_queries(10):
        assert client.get("/handbook/manage/").status_code == 200
