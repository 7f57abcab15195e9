"""The relying party's side of the protocol, with every check OpenID Connect Core asks for.

allauth 65.22's ``OpenIDConnectOAuth2Adapter`` skips the ID token's signature when the token
came straight from the token endpoint (OIDC Core 3.1.3.7 allows that over TLS), sends no
``nonce``, and trusts the userinfo response without comparing its ``sub``. This adapter
verifies the signature against the provider's JWKS, checks the nonce the sign-in started
with, and refuses userinfo about anyone else.
"""

import hmac

from allauth.core.internal.deferred import jwt
from allauth.socialaccount.internal import jwtkit
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter

# Signed with the provider's private key only: never a shared secret, never "none".
SIGNING_ALGORITHMS = {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"}


class CouncilOpenIDConnectAdapter(OpenIDConnectOAuth2Adapter):
    # Set by the callback view from the state this sign-in stashed in the session.
    expected_nonce: str | None = None

    def complete_login(self, request, app, token, **kwargs):
        id_token = self.verified_id_token(app, kwargs["response"].get("id_token"))
        data = {"id_token": id_token}
        if app.settings.get("fetch_userinfo", True):
            userinfo = self._fetch_user_info(token.token)
            # OIDC Core 5.3.2: the userinfo sub MUST match the ID token's, or the response is not to be used.
            if str(userinfo.get("sub", "")) != str(id_token["sub"]):
                raise OAuth2Error("The userinfo response is about a different subject from the ID token.")
            data["userinfo"] = userinfo
        return self.get_provider().sociallogin_from_response(request, data)

    def verified_id_token(self, app, id_token: str | None) -> dict:
        if not id_token:
            raise OAuth2Error("The provider sent no ID token.")
        try:
            algorithm = jwt.get_unverified_header(id_token).get("alg")
        except jwt.PyJWTError as error:
            raise OAuth2Error("The ID token is not a JWT.") from error
        if algorithm not in SIGNING_ALGORITHMS:
            raise OAuth2Error(f"The ID token is signed with {algorithm!r}, not a public-key algorithm.")
        claims = jwtkit.verify_and_decode(
            credential=id_token,
            keys_url=self.openid_config["jwks_uri"],
            issuer=self.openid_config["issuer"],
            audience=app.client_id,
            lookup_kid=jwtkit.lookup_kid_jwk,
            verify_signature=True,
        )
        nonce = claims.get("nonce")
        if not self.expected_nonce or not isinstance(nonce, str) or not hmac.compare_digest(nonce, self.expected_nonce):
            raise OAuth2Error("The ID token's nonce is not the one this sign-in sent.")
        if not claims.get("sub"):
            raise OAuth2Error("The ID token has no subject.")
        return claims
