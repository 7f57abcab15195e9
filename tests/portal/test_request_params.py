"""The shared parser for request values, and the middleware that refuses NUL bytes."""

import pytest
from django.test import RequestFactory

from portal import request_params
from portal.null_bytes import NulByteInRequest, RefuseNulBytesMiddleware
from practice_guide.models import Reader


@pytest.mark.parametrize(
    ("value", "expected"),
    [("7", 7), (" 12 ", 12), ("2147483647", 2_147_483_647), ("007", 7)],
)
def test_positive_int_reads_ascii_whole_numbers(value, expected):
    assert request_params.positive_int(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "0",
        "-1",
        "+3",
        "1.5",
        "1e9",
        "²",  # isdigit() says yes, int() says no
        "①",
        "٣",  # int() reads it as 3; nobody types it into an id
        "１２",
        "2147483648",  # bigger than a database integer
        "99999999999999999999",
        "1\x00",
        ["1"],
        7,
    ],
)
def test_positive_int_refuses_anything_odd(value):
    assert request_params.positive_int(value) is None


def test_positive_int_takes_a_smaller_maximum():
    assert request_params.positive_int("13", maximum=12) is None
    assert request_params.positive_int("12", maximum=12) == 12


def test_text_refuses_nul_bytes_and_overlong_values():
    assert request_params.text("core group") == "core group"
    assert request_params.text("core\x00group") is None
    assert request_params.text(None) is None
    assert request_params.text("x" * 11, max_length=10) is None


def test_choice_accepts_only_the_allowed_values():
    assert request_params.choice("children", Reader) == Reader.CHILDREN
    assert request_params.choice("thanks", ["thanks", "missing"]) == "thanks"
    assert request_params.choice("4x4x4", {"4x4x4": object()}) == "4x4x4"
    assert request_params.choice("nobody", Reader) is None
    assert request_params.choice("children\x00", Reader) is None
    assert request_params.choice(None, Reader) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("/training/approvals/?page=2", "/training/approvals/?page=2"),
        ("approvals", None),  # redirect() would look for a view of that name
        ("²", None),
        ("//evil.example/", None),
        ("https://evil.example/", None),
        ("/\\evil.example", None),
        ("/a\x00", None),
        ("", None),
        (None, None),
    ],
)
def test_local_url_is_a_path_on_this_site_or_none(rf, value, expected):
    assert request_params.local_url(rf.get("/"), value) == expected


def _middleware():
    return RefuseNulBytesMiddleware(lambda request: "answered")


@pytest.mark.parametrize(
    "request_",
    [
        RequestFactory().get("/guide/search/", {"q": "a\x00"}),
        RequestFactory().get("/guide/search/", {"q\x00": "a"}),
        RequestFactory().get("/accounts/oidc/%00/login/"),
        RequestFactory().post("/sign-in/", {"login": "a\x00@example.org"}),
        RequestFactory().post("/sign-in/", {"login": "a"}, QUERY_STRING="next=%00"),
        RequestFactory().post("/sign-in/", "login=a%00", content_type="application/x-www-form-urlencoded"),
    ],
    ids=["query value", "query name", "path", "multipart form", "query string of a POST", "urlencoded form"],
)
def test_middleware_refuses_a_nul_byte_anywhere(request_):
    with pytest.raises(NulByteInRequest):
        _middleware()(request_)


def test_middleware_lets_ordinary_requests_and_json_bodies_through():
    factory = RequestFactory()
    assert _middleware()(factory.get("/guide/search/", {"q": "core group ²"})) == "answered"
    report = factory.post("/csp-report/", '{"a": "\\u0000"}', content_type="application/csp-report")
    assert _middleware()(report) == "answered"
    assert report.body  # the view can still read the body
