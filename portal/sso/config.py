"""The single sign-on settings, built in one place from values settings.py reads from the environment."""

import re

from django.core.exceptions import ImproperlyConfigured

PROVIDER = "openid_connect"
# Every check the protocol asks for is made in portal.sso.provider and portal.sso.client.
PROVIDER_CLASS = "portal.sso.provider.CouncilOpenIDConnectProvider"
_PROVIDER_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,49}$")


def socialaccount_providers(
    *, issuer: str, client_id: str, secret: str, label: str, provider_id: str = "council"
) -> dict:
    """SOCIALACCOUNT_PROVIDERS for allauth: one OpenID Connect app from settings, or none when no issuer is set."""
    if not _PROVIDER_ID.match(provider_id):
        raise ImproperlyConfigured(
            f"OIDC_PROVIDER_ID must be lower-case letters, digits and hyphens, not {provider_id!r}."
        )
    apps = []
    if issuer:
        apps.append(
            {
                "provider_id": provider_id,
                "name": label,
                "client_id": client_id,
                "secret": secret,
                "settings": {
                    "server_url": issuer.rstrip("/"),
                    "oauth_pkce_enabled": True,
                    "scope": ["openid", "profile", "email"],
                    "auth_params": {},
                },
            }
        )
    return {PROVIDER: {"provider_class": PROVIDER_CLASS, "OAUTH_PKCE_ENABLED": True, "APPS": apps}}


def configured_app(providers: dict) -> dict | None:
    """The one configured OpenID Connect app, or None when single sign-on is off."""
    apps = providers.get(PROVIDER, {}).get("APPS", [])
    return apps[0] if apps else None
