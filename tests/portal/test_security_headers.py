"""Every answer the portal gives carries its security headers, and browsers keep nothing private.

Error answers, the policy itself, what browsers keep and violation reports. The walk of every URL as every
kind of person, which checks the same headers on every answer, is in test_security_headers_walk.py.
"""

import json

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from portal.csp import PortalCSPMiddleware
from tests.security_headers import header_problems

# --- Error answers ----------------------------------------------------------------------------


def test_a_missing_page_carries_the_headers(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert header_problems(response, signed_in=False) == []


def test_a_refused_page_carries_the_headers(client, worker):
    client.force_login(worker)
    response = client.get(reverse("training:manage"))
    assert response.status_code == 403
    assert header_problems(response, signed_in=True) == []


def test_a_wrong_method_carries_the_headers(client, db):
    response = client.get(reverse("csp-report"))
    assert response.status_code == 405
    assert header_problems(response, signed_in=False) == []


@pytest.mark.urls("tests.portal.error_urls")
@pytest.mark.parametrize(("path", "status"), [("/broken/", 500), ("/suspicious/", 400), ("/forbidden/", 403)])
def test_server_errors_and_bad_requests_carry_the_headers(db, path, status):
    client = Client(raise_request_exception=False)
    response = client.get(path)
    assert response.status_code == status
    assert header_problems(response, signed_in=False) == []


def test_the_csrf_failure_page_carries_the_headers(worker):
    client = Client(enforce_csrf_checks=True)
    client.force_login(worker)
    response = client.post(reverse("training:external-create"), {"title": "No token"})
    assert response.status_code == 403
    assert header_problems(response, signed_in=True) == []


def test_the_sign_in_lockout_page_carries_the_headers(client, worker):
    wrong = {"username": worker.email, "login": worker.email, "password": "not the password"}
    for _attempt in range(5):
        client.post(reverse("login"), wrong)
    response = client.post(reverse("login"), wrong)
    assert response.status_code in (403, 429)
    assert header_problems(response, signed_in=False) == []


# --- The policy -------------------------------------------------------------------------------


def _page_with_inline_script(request):
    return HttpResponse(f'<script nonce="{request.csp_nonce}">document.title = "A";</script>')


def _page_without_script(request):
    return HttpResponse("<p>No script here.</p>")


def test_a_nonce_is_added_to_script_src_only_when_a_page_uses_one(rf):
    request = rf.get("/")
    response = PortalCSPMiddleware(_page_with_inline_script)(request)
    assert f"script-src 'self' 'nonce-{request.csp_nonce}'" in response["Content-Security-Policy"]
    plain = PortalCSPMiddleware(_page_without_script)(rf.get("/"))
    assert "nonce" not in plain["Content-Security-Policy"]


@pytest.mark.parametrize(
    ("issuer", "form_action"),
    [
        ("", "form-action 'self';"),
        ("https://login.microsoftonline.com/tenant-id/v2.0", "form-action 'self' https://login.microsoftonline.com;"),
        ("http://127.0.0.1:8123/o", "form-action 'self' http://127.0.0.1:8123;"),
        ("not a url", "form-action 'self';"),
    ],
)
def test_form_action_allows_the_single_sign_on_provider_when_one_is_set(client, db, settings, issuer, form_action):
    settings.OIDC_ISSUER_URL = issuer
    policy = client.get(reverse("home"))["Content-Security-Policy"]
    assert form_action in policy + ";"
    assert "unsafe" not in policy


def test_the_reporting_endpoint_is_our_report_view(client, db):
    response = client.get(reverse("home"))
    assert response["Reporting-Endpoints"] == f'csp-endpoint="{reverse("csp-report")}"'
    assert "report-to csp-endpoint" in response["Content-Security-Policy"]


# --- What browsers keep -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["home", "practice_guide:overview", "practice_guide:glossary", "accessibility"])
def test_public_pages_for_anonymous_visitors_keep_their_caching(client, guide, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


def test_the_same_public_page_is_not_stored_when_a_person_is_signed_in(client, guide, worker):
    client.force_login(worker)
    assert client.get(reverse("practice_guide:overview"))["Cache-Control"] == "no-store, private"


def test_static_files_stay_cacheable_for_signed_in_people(client, worker):
    client.force_login(worker)
    response = client.get("/static/css/portal.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


@pytest.mark.parametrize(
    "name", ["training:mine", "training:cpd", "training:catalogue", "supervision:overview", "account", "staff-home"]
)
def test_personal_pages_are_never_stored(client, worker, name):
    client.force_login(worker)
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


# --- Violation reports ------------------------------------------------------------------------

CSP_REPORT = {
    "csp-report": {
        "document-uri": "https://portal.example.org/training/",
        "referrer": "",
        "violated-directive": "style-src-attr",
        "effective-directive": "style-src-attr",
        "original-policy": "default-src 'self'",
        "blocked-uri": "inline",
        "line-number": 12,
        "source-file": "https://portal.example.org/static/js/portal.mjs",
    }
}
REPORTING_API_REPORTS = [
    {
        "type": "csp-violation",
        "age": 10,
        "url": "https://portal.example.org/supervision/",
        "body": {
            "documentURL": "https://portal.example.org/supervision/",
            "effectiveDirective": "script-src-elem",
            "blockedURL": "https://cdn.example.com/tracker.js",
            "disposition": "enforce",
        },
    },
    {"type": "deprecation", "body": {"message": "Not a CSP report."}},
]


def _post_report(body: bytes, content_type: str):
    # Browsers send reports without the CSRF token (and, for the Reporting API, without cookies).
    return Client(enforce_csrf_checks=True).post(reverse("csp-report"), body, content_type=content_type)


def test_a_report_uri_report_is_logged_and_answered_204(db, caplog, django_assert_num_queries):
    with django_assert_num_queries(0), caplog.at_level("WARNING", logger="portal.csp"):
        response = _post_report(json.dumps(CSP_REPORT).encode(), "application/csp-report")
    assert response.status_code == 204
    [record] = [record for record in caplog.records if record.name == "portal.csp"]
    assert record.levelname == "WARNING"
    assert "style-src-attr" in record.getMessage()
    assert "https://portal.example.org/training/" in record.getMessage()


def test_each_reporting_api_violation_is_logged_and_other_reports_are_not(db, caplog):
    with caplog.at_level("WARNING", logger="portal.csp"):
        response = _post_report(json.dumps(REPORTING_API_REPORTS).encode(), "application/reports+json")
    assert response.status_code == 204
    messages = [record.getMessage() for record in caplog.records if record.name == "portal.csp"]
    assert len(messages) == 1
    assert "https://cdn.example.com/tracker.js" in messages[0]
    assert "script-src-elem" in messages[0]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"not json at all", "not understood"),
        (b'{"something": "else"}', "not understood"),
        (b"\x00\xff\xfe{", "not understood"),
        (b"[]", "not understood"),
        (b"x" * 20_000, "cut short"),
    ],
    ids=["text", "other json", "bytes", "empty list", "too long"],
)
def test_a_report_we_do_not_understand_is_logged_briefly_and_still_answered_204(db, caplog, body, expected):
    with caplog.at_level("WARNING", logger="portal.csp"):
        response = _post_report(body, "application/csp-report")
    assert response.status_code == 204
    [message] = [record.getMessage() for record in caplog.records if record.name == "portal.csp"]
    assert expected in message
    assert len(message) < 500
    assert "\n" not in message
