"""Every answer the portal gives carries its security headers, and browsers keep nothing private.

The walker requests every URL pattern of the project (read from the resolver, so pages added later
are checked too) as every kind of person, and fails if any answer lacks the Content-Security-Policy,
allows inline or eval'd code, lacks the other headers, or lets a signed-in person's page be stored.
"""

import json

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from portal.csp import PortalCSPMiddleware
from portal.models import User
from practice_guide.models import GlossaryTerm, Reader
from tests.factories import GroupSessionFactory, UserFactory, handbook_page
from tests.url_walker import address, routes, training_world

ROLES = ["anonymous", "worker", "supervisor", "service_manager", "coordinator", "editor", "administrator"]

# Which object an id in a path means, by the longest route prefix it follows.
IDS_BY_PREFIX = {
    "guide/manage/glossary/": "term",
    "guide/manage/": "part",
    "supervision/preparation/": "preparation",
    "supervision/agreements/": "agreement",
    "supervision/sessions/": "session",
    "supervision/actions/": "action",
    "supervision/audit/": "session",
    "supervision/group-sessions/": "group_session",
    "training/courses/": "course",
    "training/dates/": "open_date",
    "training/bookings/": "completed",
    "training/external/": "learning",
    "training/cpd/": "worker",
    "training/approvals/bookings/": "pending",
    "training/approvals/external/": "learning",
    "training/manage/programmes/": "programme",
    "training/manage/courses/": "course",
    "training/manage/dates/": "past_date",
    "people/": "worker",
    "admin/": "worker",
    "handbook/manage/": "handbook_tool",
    "handbook/required-reading/": "handbook_tool",
    "handbook/tools/": "handbook_tool",
}
REQUIRED_DIRECTIVES = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
    "report-uri /csp-report/",
]


@pytest.fixture
def world(db, guide, supervision_session, worker, supervisor, service_manager, coordinator, editor, facilitator):
    from supervision.models import Preparation

    training = training_world(worker)
    handbook_tool = handbook_page("genogram", "Genograms", kind="tool", by=editor)
    group_session = GroupSessionFactory(facilitator=facilitator)
    group_session.attendees.set([worker])
    return {
        "people": {
            "worker": worker,
            "supervisor": supervisor,
            "service_manager": service_manager,
            "coordinator": coordinator,
            "editor": editor,
            "administrator": UserFactory(is_staff=True, is_superuser=True),
        },
        "worker": worker,
        "part": guide[0],
        "term": GlossaryTerm.objects.first(),
        "preparation": Preparation.objects.create(author=worker, session=supervision_session, worries="A visit."),
        "agreement": supervision_session.supervisee.agreements.get(),
        "session": supervision_session,
        "action": supervision_session.actions.get(),
        "group_session": group_session,
        "programme": training["course"].programme,
        "handbook_tool": handbook_tool,
        **training,
    }


def _values(world, route):
    """value_for for the walker: real objects for the arguments we know."""
    worker = world["worker"]
    by_name = {
        "slug": world["part"].slug,
        "reader": Reader.CHILDREN,
        "number": "1",
        "record_type": "session",
        "uidb64": urlsafe_base64_encode(force_bytes(worker.pk)),
        "token": default_token_generator.make_token(worker),
        "app_label": "portal",
        "content_type_id": str(ContentType.objects.get_for_model(User).pk),
    }

    def value_for(name, _regex, so_far):
        if name == "slug" and so_far.startswith("handbook/"):
            return world["handbook_tool"].slug
        if name in by_name:
            return by_name[name]
        if route.model_admin is not None and name == "object_id":
            first = route.model_admin.model._default_manager.order_by("pk").first()
            return str(first.pk) if first else None
        prefixes = [prefix for prefix in IDS_BY_PREFIX if so_far.startswith(prefix)]
        if prefixes:
            return str(world[IDS_BY_PREFIX[max(prefixes, key=len)]].pk)
        return None

    return value_for


def header_problems(response, *, signed_in: bool) -> list[str]:
    problems = []
    policy = response.get("Content-Security-Policy")
    if not policy:
        problems.append("no Content-Security-Policy")
    else:
        if "unsafe-inline" in policy or "unsafe-eval" in policy:
            problems.append(f"an unsafe policy: {policy}")
        # A download may carry a stricter policy of its own (default-src 'none'; sandbox).
        if not policy.startswith("default-src 'none'"):
            problems += [f"no {directive}" for directive in REQUIRED_DIRECTIVES if directive not in policy]
    expected = {
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
        "Cross-Origin-Opener-Policy": "same-origin",
    }
    problems += [
        f"{header} is {response.get(header)!r}" for header, value in expected.items() if response.get(header) != value
    ]
    permissions = response.get("Permissions-Policy", "")
    for feature in ("camera=()", "microphone=()", "geolocation=()", "publickey-credentials-get=(self)"):
        if feature not in permissions:
            problems.append(f"Permissions-Policy lacks {feature}")
    if signed_in:
        cache_control = response.get("Cache-Control", "")
        if "no-store" not in cache_control or "private" not in cache_control:
            problems.append(f"Cache-Control is {cache_control!r} for a signed-in person")
    return problems


def _walk(client, world, role, *, only=()):
    """Request every URL as `role` (or those whose route starts with one of `only`); return (statuses by path,
    problems)."""
    person = world["people"].get(role)
    statuses, problems = {}, []
    for route in routes():
        # Admin pages look the same to everyone but the administrator: the admin's sign-in page.
        if route.route.startswith("admin/") and role not in ("anonymous", "administrator"):
            continue
        if only and not route.route.startswith(only):
            continue
        path = address(route, _values(world, route))
        if person is not None and not client.session.get("_auth_user_id"):
            client.force_login(person)
        response = client.get(path)
        if response.streaming:
            b"".join(response.streaming_content)  # the test client closes it once read
        statuses[path] = response.status_code
        problems += [
            f"{path} ({response.status_code}): {problem}"
            for problem in header_problems(response, signed_in=person is not None)
        ]
    return statuses, problems


@pytest.mark.parametrize("role", ROLES)
def test_every_url_answers_every_role_with_the_security_headers(client, world, role):
    statuses, problems = _walk(client, world, role)
    assert problems == []
    assert len(statuses) > 100
    if role != "anonymous":
        # The walker reached real pages, not only refusals: a pattern whose arguments it cannot
        # fill would show here as a wall of 404s.
        assert sum(status == 200 for status in statuses.values()) > 20, statuses


def test_the_walker_fills_arguments_with_real_objects(client, world):
    """Pages that need real ids open for those who may see them. (The test above walks every URL; this one
    walks only the parts of the site it looks at.)"""
    client.force_login(world["people"]["administrator"])
    statuses, _problems = _walk(client, world, "administrator", only=("admin/portal/user/", "guide/manage/"))
    first_person = User.objects.order_by("pk").first()
    assert statuses[f"/admin/portal/user/{first_person.pk}/change/"] == 200
    assert statuses[f"/guide/manage/{world['part'].pk}/"] == 200
    client.force_login(world["people"]["supervisor"])
    statuses, _problems = _walk(client, world, "supervisor", only=("supervision/", "training/"))
    assert statuses[f"/supervision/sessions/{world['session'].pk}/"] == 200
    assert statuses[f"/training/bookings/{world['completed'].pk}/"] == 200
    assert statuses[f"/training/cpd/{world['worker'].pk}/"] == 200
    statuses, _problems = _walk(client, world, "supervisor", only=("handbook/",))
    assert statuses["/handbook/genogram/"] == 200
    assert statuses["/handbook/genogram/print/"] == 200


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
