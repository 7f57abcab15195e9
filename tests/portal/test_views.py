import gzip

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from portal.roles import Role
from tests.factories import TeamFactory, UserFactory

TITLE_SUFFIX = " – Children&#x27;s social care practice portal – City of London Corporation</title>"


def test_home_page_is_public_and_titled_page_service_organisation(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    content = response.content.decode()
    assert f"<title>Home{TITLE_SUFFIX}" in content
    assert "Skip to main content" in content
    assert 'id="main-content"' in content
    assert "call 999" in content


def test_layout_shows_sign_in_to_visitors_and_the_person_to_staff(client, worker):
    assert "Staff sign in" in client.get(reverse("home")).content.decode()
    client.force_login(worker)
    content = client.get(reverse("home")).content.decode()
    assert escape(worker.full_name) in content
    assert "Sign out" in content
    assert "Staff sign in" not in content


@pytest.mark.parametrize("name", ["accessibility", "privacy", "cookies"])
def test_footer_pages_exist_and_are_linked_from_every_page(client, db, name):
    assert client.get(reverse(name)).status_code == 200
    assert f'href="{reverse(name)}"' in client.get(reverse("home")).content.decode()


def test_cookies_page_names_the_cookies_we_set(client, db):
    content = client.get(reverse("cookies")).content.decode()
    assert "sessionid" in content
    assert "csrftoken" in content


def test_staff_home_offers_a_social_worker_only_their_details(client, worker):
    client.force_login(worker)
    content = client.get(reverse("staff-home")).content.decode()
    assert reverse("account") in content
    assert reverse("people") not in content
    assert reverse("admin:index") not in content


def test_staff_home_offers_supervisors_the_people_page(client, supervisor):
    client.force_login(supervisor)
    assert reverse("people") in client.get(reverse("staff-home")).content.decode()


def test_staff_home_offers_system_administrators_the_admin(client, db):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    assert reverse("admin:index") in client.get(reverse("staff-home")).content.decode()


def test_account_page_shows_the_persons_own_details(client, worker):
    client.force_login(worker)
    content = client.get(reverse("account")).content.decode()
    assert worker.email in content
    assert escape(worker.line_manager.full_name) in content
    assert "Social worker" in content


@pytest.mark.parametrize("role", [Role.SOCIAL_WORKER, Role.GUIDE_EDITOR, Role.TRAINING_COORDINATOR, Role.FACILITATOR])
def test_people_page_is_refused_to_roles_without_the_permission(client, team, role):
    client.force_login(UserFactory(team=team, roles=[role]))
    response = client.get(reverse("people"))
    assert response.status_code == 403
    assert "You cannot see this page" in response.content.decode()


def test_supervisor_sees_their_own_team_only(client, supervisor, worker, other_worker):
    client.force_login(supervisor)
    content = client.get(reverse("people")).content.decode()
    assert escape(worker.full_name) in content
    assert escape(other_worker.full_name) not in content


def test_service_manager_sees_every_team(client, service_manager, worker, other_worker):
    client.force_login(service_manager)
    content = client.get(reverse("people")).content.decode()
    assert escape(worker.full_name) in content
    assert escape(other_worker.full_name) in content


def test_people_page_query_count_does_not_grow_with_people(client, service_manager, django_assert_max_num_queries):
    for _ in range(3):
        team = TeamFactory(service=service_manager.team.service)
        manager = UserFactory(team=team, roles=[Role.SUPERVISOR])
        UserFactory.create_batch(15, team=team, line_manager=manager, roles=[Role.SOCIAL_WORKER])
    client.force_login(service_manager)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("people"))
    assert response.content.decode().count('scope="row"') == 49


def test_staff_home_query_count_is_small(client, supervisor, django_assert_max_num_queries):
    client.force_login(supervisor)
    with django_assert_max_num_queries(7):
        client.get(reverse("staff-home"))


def test_unknown_page_gets_the_styled_404(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert f"<title>Page not found{TITLE_SUFFIX}" in response.content.decode()


@pytest.mark.urls("tests.portal.error_urls")
def test_a_bug_gets_the_styled_500_without_details(db):
    response = Client(raise_request_exception=False).get("/broken/")
    assert response.status_code == 500
    content = response.content.decode()
    assert "Sorry, there is a problem with the service" in content
    assert "a bug" not in content


@pytest.mark.urls("tests.portal.error_urls")
def test_permission_denied_gets_the_styled_403(client, db):
    response = client.get("/forbidden/")
    assert response.status_code == 403
    assert "You cannot see this page" in response.content.decode()


@pytest.mark.urls("tests.portal.error_urls")
def test_a_bad_request_gets_the_styled_400(client, db):
    response = client.get("/suspicious/")
    assert response.status_code == 400
    assert "Sorry, we could not understand that request" in response.content.decode()


def test_a_form_posted_without_its_csrf_token_gets_a_styled_403(db):
    response = Client(enforce_csrf_checks=True).post(reverse("login"), {"username": "a@example.org", "password": "x"})
    assert response.status_code == 403
    assert "Your form could not be sent" in response.content.decode()


def test_static_files_are_served_by_whitenoise(client, db):
    response = client.get("/static/css/portal.css")
    assert response.status_code == 200
    css = b"".join(response.streaming_content)
    assert b"GDS Transport" not in css
    assert b"arial" in css.lower()


@pytest.mark.parametrize("path", ["/", "/healthz", "/guide/", "/guide/search/?q=social+worker"])
def test_public_pages_answer_head_as_they_answer_get(client, db, path):
    """Uptime monitors and link checkers ask with HEAD: the same status and headers as GET, and no body."""
    got, head = client.get(path), client.head(path)
    assert head.status_code == got.status_code == 200
    assert head["Content-Type"] == got["Content-Type"]
    assert head.content == b""
    assert client.post(path).status_code == 405


def test_pages_are_compressed_for_browsers_that_accept_gzip(client, db):
    plain = client.get("/")
    compressed = client.get("/", headers={"accept-encoding": "gzip, deflate, br"})
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert len(compressed.content) < len(plain.content) / 2
    # The same page, but for the CSP nonce and the CSRF token, which change with every response.
    assert gzip.decompress(compressed.content).decode().count("<h2") == plain.content.decode().count("<h2")
    assert "Content-Encoding" not in plain


def test_static_files_are_left_to_whitenoise(client, db):
    """WhiteNoise answers static files before the page compressor sees them (it serves its own compressed
    copies once collectstatic has made them); compressing a file again on every request would waste time."""
    response = client.get("/static/css/portal.css", headers={"accept-encoding": "gzip"})
    assert response.status_code == 200
    assert "Content-Encoding" not in response
