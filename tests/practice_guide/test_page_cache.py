"""Whole guide pages kept for signed-out readers (practice_guide/page_cache.py)."""

import gzip
import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from practice_guide import services
from practice_guide.models import GuidePart, PageFeedback
from tests.factories import published_part

PART = "/guide/what-to-expect/"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


def token_in(response) -> str:
    return TOKEN.search(response.content.decode()).group(1)


def another_reader(client) -> Client:
    """A second browser talking to the same server: the same worker, so the same kept pages."""
    other = Client(enforce_csrf_checks=client.handler.enforce_csrf_checks)
    other.handler = client.handler
    return other


def kept(client, url=PART, **extra):
    """Fetch `url` twice: the first renders and keeps it, the second should come from the cache."""
    assert client.get(url, **extra).status_code == 200
    return client.get(url, **extra)


def test_a_signed_out_reader_gets_the_kept_page_for_one_query(client, guide, django_assert_num_queries):
    first = client.get(PART)
    with django_assert_num_queries(1):  # the shared generation, and whether a part is due
        second = client.get(PART)
    assert second.status_code == 200
    assert TOKEN.sub("", second.content.decode()) == TOKEN.sub("", first.content.decode())
    assert int(second["Content-Length"]) == len(second.content)


def test_a_kept_page_is_not_served_while_rendering_it_needs_the_view(client, guide, django_assert_max_num_queries):
    """Every other address renders as before: a query string, another page, a page never kept."""
    kept(client)
    with django_assert_max_num_queries(6) as queries:
        content = client.get(f"{PART}?feedback=thanks").content.decode()
    assert len(queries) > 1
    assert "Thank you for your feedback" in content


@pytest.mark.parametrize("secure", [False, True])
def test_feedback_works_from_a_kept_page_with_csrf_enforced(guide, secure):
    first = Client(enforce_csrf_checks=True)
    kept(first, secure=secure)
    # A new reader, with no cookie yet, gets the kept page: it must carry a token and set its cookie.
    reader = another_reader(first)
    page = reader.get(PART, secure=secure)
    assert settings.CSRF_COOKIE_NAME in page.cookies
    # Over HTTPS, Django also checks that the form was posted from this site's own page.
    referer = f"{'https' if secure else 'http'}://testserver{PART}"
    response = reader.post(
        f"{PART}feedback/",
        {"useful": "yes", "csrfmiddlewaretoken": token_in(page)},
        secure=secure,
        HTTP_REFERER=referer,
    )
    assert response.status_code == 302
    assert response["Location"].endswith("?feedback=thanks#feedback")
    assert PageFeedback.objects.count() == 1


def test_each_kept_page_carries_its_own_readers_token(guide):
    first = Client(enforce_csrf_checks=True)
    second = another_reader(first)
    kept(first)
    page_for_second = second.get(PART)
    assert token_in(page_for_second) != token_in(first.get(PART))
    # A token from someone else's page is refused: the kept page never hands out one reader's token.
    first_token = token_in(first.get(PART))
    refused = second.post(f"{PART}feedback/", {"useful": "yes", "csrfmiddlewaretoken": first_token})
    assert refused.status_code == 403
    assert not PageFeedback.objects.exists()


def test_a_reader_keeps_their_csrf_cookie_across_kept_pages(guide):
    reader = Client(enforce_csrf_checks=True)
    kept(reader)
    cookie = reader.cookies[settings.CSRF_COOKIE_NAME].value
    reader.get(PART)
    assert reader.cookies[settings.CSRF_COOKIE_NAME].value == cookie


def test_publishing_editing_and_unpublishing_reach_kept_pages_at_once(client, guide, editor):
    part = guide[0]
    kept(client)
    services.save_draft(
        part,
        expected_version=part.edit_version,
        text=services.PartText("What to expect", "S.", "Brand new words."),
        by=editor,
    )
    assert "Brand new words." not in client.get(PART).content.decode()  # a draft changes nothing
    services.publish(part, by=editor)
    assert "Brand new words." in client.get(PART).content.decode()
    services.unpublish(GuidePart.objects.get(pk=part.pk), by=editor)
    assert client.get(PART).status_code == 404


def test_a_change_elsewhere_in_the_guide_reaches_every_kept_page(client, guide, editor):
    kept(client, "/guide/")
    published_part("new-part", "A brand new part", by=editor)
    assert "A brand new part" in client.get("/guide/").content.decode()


def test_a_part_due_to_publish_appears_on_kept_pages(client, guide, editor):
    kept(client, "/guide/")
    part = services.create_part(slug="later", text=services.PartText("Published later", "S.", "Words."), by=editor)
    services.schedule(part, when=timezone.now() + timedelta(hours=1), by=editor)
    assert "Published later" not in client.get("/guide/").content.decode()
    GuidePart.objects.filter(pk=part.pk).update(publish_at=timezone.now() - timedelta(minutes=1))
    assert "Published later" in client.get("/guide/").content.decode()


def test_signed_in_staff_never_get_a_kept_page(client, guide, editor, django_assert_max_num_queries):
    kept(client)
    client.force_login(editor)
    with django_assert_max_num_queries(20) as queries:
        response = client.get(PART)
    assert len(queries) > 1  # rendered by the view, not taken from the cache
    assert "Sign out" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("cookie", ["sessionid", "messages", "something_else"])
def test_any_other_cookie_means_the_page_is_rendered(client, guide, cookie, django_assert_max_num_queries):
    kept(client)
    client.cookies[cookie] = "x"
    with django_assert_max_num_queries(6) as queries:
        assert client.get(PART).status_code == 200
    assert len(queries) > 1


def test_each_version_of_the_guide_is_kept_apart(client, guide):
    assert "version for <strong>parents and carers</strong>" in kept(client).content.decode()
    client.get("/guide/version/children/")
    content = kept(client).content.decode()
    assert "Your social worker is there to help you." in content
    assert "version for <strong>children and young people</strong>" in content
    client.get("/guide/version/parents/")
    assert "version for <strong>parents and carers</strong>" in client.get(PART).content.decode()


def test_a_kept_page_has_every_security_header(client, guide, django_assert_num_queries):
    kept(client)
    with django_assert_num_queries(1):
        response = client.get(PART)
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "Reporting-Endpoints" in response
    assert "Cookie" in response["Vary"]
    assert response["Content-Type"] == "text/html; charset=utf-8"


def test_a_kept_page_is_still_compressed_with_a_fresh_token(client, guide):
    plain = kept(client)
    response = client.get(PART, HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    html = gzip.decompress(response.content).decode()
    assert TOKEN.search(html).group(1) != token_in(plain)
    assert TOKEN.sub("", html) == TOKEN.sub("", plain.content.decode())


def test_a_host_the_site_does_not_serve_is_refused_even_when_kept(client, guide):
    kept(client)
    assert client.get(PART, HTTP_HOST="evil.example").status_code == 400


def test_the_whole_guide_is_kept_for_each_address_it_is_read_at(client, guide, settings):
    settings.ALLOWED_HOSTS = ["testserver", "portal.example.org"]
    kept(client, "/guide/print/")
    other = client.get("/guide/print/", HTTP_HOST="portal.example.org").content.decode()
    assert "http://portal.example.org/guide/" in other
    assert "http://testserver/guide/" not in other


@pytest.mark.urls("tests.practice_guide.nonce_urls")
def test_a_kept_page_gets_a_fresh_csp_nonce_each_time(client, db, django_assert_num_queries):
    first = client.get("/nonce/")
    with django_assert_num_queries(1):
        second = client.get("/nonce/")
    nonces = []
    for page in (first, second, client.get("/nonce/")):
        nonce = re.search(r'nonce="([^"]+)"', page.content.decode()).group(1)
        assert f"'nonce-{nonce}'" in page["Content-Security-Policy"]
        nonces.append(nonce)
    assert len(set(nonces)) == len(nonces)
