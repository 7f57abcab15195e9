"""A page that uses a CSP nonce, kept by the guide's page cache: no guide template needs one yet."""

from django.http import HttpResponse
from django.urls import path
from django.utils.html import format_html

from practice_guide import guide_cache, page_cache


def page_with_a_nonce(request):
    html = format_html(
        '<!DOCTYPE html><title>Nonce</title><script nonce="{}">document.title = "A";</script>', request.csp_nonce
    )
    return page_cache.mark(HttpResponse(html), guide_cache.generation())


urlpatterns = [path("nonce/", page_with_a_nonce)]
