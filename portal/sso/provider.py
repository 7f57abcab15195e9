"""allauth's OpenID Connect provider, sending a nonce and taking nothing about the request from the browser."""

import secrets

from allauth.socialaccount.providers.base import AuthProcess
from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider

from portal.sso.client import CouncilOpenIDConnectAdapter


class CouncilOpenIDConnectProvider(OpenIDConnectProvider):
    # allauth includes "<package>.urls": portal/sso/urls.py, whose callback view checks the nonce.
    package = "portal.sso"
    oauth2_adapter_class = CouncilOpenIDConnectAdapter

    def get_scope_from_request(self, request):
        return self.get_scope()

    def get_auth_params_from_request(self, request, action):
        return self.get_auth_params()

    def redirect(self, request, process, next_url=None, data=None, **kwargs):
        """Always a sign-in (never "connect" to whoever is signed in), with a fresh nonce kept in the state."""
        nonce = secrets.token_urlsafe(32)
        kwargs.pop("auth_params", None)
        auth_params = {**self.get_auth_params(), "nonce": nonce}
        return super().redirect(
            request, AuthProcess.LOGIN, next_url, data, auth_params=auth_params, nonce=nonce, **kwargs
        )
