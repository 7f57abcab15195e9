"""Whole guide pages for anonymous readers, answered before most of the middleware and the view run.

A guide page is the same for every signed-out reader who chose the same version, apart from two
things made afresh for each response: the CSRF token in the feedback form, and a CSP nonce if a
template ever uses one. The first time a worker renders a page it keeps the HTML with those two
cut out and replaced by placeholders; later requests get the kept HTML with a fresh masked CSRF token
(and the CSRF cookie, set by Django's own CsrfViewMiddleware code) and a fresh nonce put back in.

A kept page is used only while it is current: one query reads the guide's generation from
PostgreSQL (every change families could see writes a new one in its own transaction, on whichever
server it is made) and whether a part is due to publish. The middleware sits just below
WhiteNoise and GZip in settings.MIDDLEWARE: the security and CSP headers are added above it to every
answer, GZip still compresses, and headers set below it (X-Frame-Options) are kept with the page.

Only GET and HEAD requests with no query string and no cookie but the CSRF and reader cookies are
served this way, so signed-in staff (a session cookie), flash messages (their cookie) and anything
a query string changes are always rendered by the view, as before.
"""

import re
import threading
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token

from practice_guide import guide_cache
from practice_guide.reader import reader_of

MAX_PAGES = 1000
# NUL can never appear in a rendered page (PostgreSQL text cannot hold it, and
# portal.null_bytes refuses it in requests), so these placeholders cannot clash with content.
CSRF_PLACEHOLDER = b"\x00csrf-token\x00"
NONCE_PLACEHOLDER = b"\x00csp-nonce\x00"
_CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')
# Headers the layers above add to every answer, or that are worked out again for each one.
_NOT_KEPT = {"content-length", "set-cookie", "content-security-policy", "content-security-policy-report-only"}


@dataclass(frozen=True)
class Page:
    generation: int
    status: int
    headers: tuple
    content: bytes
    has_csrf_token: bool
    has_nonce: bool


def mark(response, generation: int):
    """Let the middleware keep this response for signed-out readers, as rendered in `generation`."""
    response.guide_generation = generation
    return response


def _eligible(request) -> bool:
    if request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
        return False
    allowed = {settings.CSRF_COOKIE_NAME, settings.GUIDE_READER_COOKIE_NAME}
    return all(name in allowed for name in request.COOKIES)


class GuidePageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        # One kept page per address and version, in this worker's memory; a newer render replaces it.
        self.pages: dict[tuple, Page] = {}
        self.lock = threading.Lock()
        # Django's own CSRF code reads the cookie and sets it, exactly as for a rendered page.
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request):
        if not _eligible(request):
            return self.get_response(request)
        # get_host() also refuses a host not in ALLOWED_HOSTS, as CommonMiddleware would.
        key = (request.scheme, request.get_host(), request.path, reader_of(request))
        page = self.pages.get(key)
        if page is not None:
            generation, due = guide_cache.generation_and_due()
            if due:
                # The view publishes what is due, then renders the page afresh.
                return self._render_and_keep(request, key)
            if generation == page.generation:
                return self._answer(request, page)
            if generation is not None:
                request.guide_generation = generation  # the view need not read it again
        return self._render_and_keep(request, key)

    def _render_and_keep(self, request, key):
        response = self.get_response(request)
        page = self._keepable(request, response)
        if page is not None:
            with self.lock:
                self.pages.pop(key, None)
                while len(self.pages) >= MAX_PAGES:
                    self.pages.pop(next(iter(self.pages)), None)
                self.pages[key] = page
        return response

    def _keepable(self, request, response) -> Page | None:
        generation = getattr(response, "guide_generation", None)
        if generation is None or response.status_code != 200 or response.streaming:
            return None
        # A page that set any cookie but the CSRF one (a session, a message) belongs to this reader only;
        # one that changed its CSP through django-csp's decorators would lose the change.
        if set(response.cookies) - {settings.CSRF_COOKIE_NAME}:
            return None
        if any(name.startswith("_csp_") for name in vars(response)):
            return None
        content = response.content
        # A page that used its CSRF token sets the CSRF cookie (CsrfViewMiddleware, on its way out).
        has_csrf_token = settings.CSRF_COOKIE_NAME in response.cookies
        if has_csrf_token:
            # The csrf context processor masks the token once per render, so every use is the same string.
            found = _CSRF_INPUT.search(content)
            if found is None:
                return None  # used somewhere other than a form field: cannot be put back safely
            content = content.replace(found.group(1), CSRF_PLACEHOLDER)
        nonce = getattr(request, "_csp_nonce", None)
        has_nonce = isinstance(nonce, str)
        if has_nonce:
            content = content.replace(nonce.encode(), NONCE_PLACEHOLDER)
        headers = tuple((name, value) for name, value in response.items() if name.lower() not in _NOT_KEPT)
        return Page(generation, response.status_code, headers, content, has_csrf_token, has_nonce)

    def _answer(self, request, page: Page):
        self.csrf.process_request(request)
        content = page.content
        if page.has_csrf_token:
            content = content.replace(CSRF_PLACEHOLDER, get_token(request).encode())
        if page.has_nonce:
            # Reading the nonce makes django-csp (above this middleware) name it in this response's header.
            content = content.replace(NONCE_PLACEHOLDER, str(request.csp_nonce).encode())
        response = HttpResponse(content, status=page.status)
        for name, value in page.headers:
            response[name] = value
        response["Content-Length"] = str(len(content))
        return self.csrf.process_response(request, response)
