"""A small per-address limit for anonymous forms. Addresses are hashed and live only in the cache."""

import hashlib

from django.conf import settings
from django.core.cache import cache


def _client_address(request) -> str:
    # Behind PROXY_COUNT proxies, the client is that many places from the end of X-Forwarded-For.
    forwarded = [a.strip() for a in request.headers.get("x-forwarded-for", "").split(",") if a.strip()]
    proxies = settings.AXES_IPWARE_PROXY_COUNT or 0
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def allow(request, scope: str, *, limit: int, seconds: int) -> bool:
    """True while this address has made fewer than `limit` requests in `scope` in the window."""
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{_client_address(request)}".encode()).hexdigest()[:24]
    key = f"ratelimit:{scope}:{digest}"
    if cache.add(key, 1, seconds):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, seconds)
        return True
    return count <= limit
