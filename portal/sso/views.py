"""The sign-in and callback views of allauth's openid_connect provider, with our protocol adapter."""

from allauth.account.internal.decorators import login_not_required
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView, OAuth2LoginView
from django.http import Http404

from portal.sso.client import CouncilOpenIDConnectAdapter


class CallbackView(OAuth2CallbackView):
    def _get_state(self, request, provider):
        # allauth unstashes (and so uses up) the state here; its nonce is what the ID token must carry.
        state, response = super()._get_state(request, provider)
        self.adapter.expected_nonce = (state or {}).get("nonce")
        return state, response


@login_not_required
def login(request, provider_id):
    try:
        return OAuth2LoginView.adapter_view(CouncilOpenIDConnectAdapter(request, provider_id))(request)
    except SocialApp.DoesNotExist as error:
        raise Http404 from error


@login_not_required
def callback(request, provider_id):
    try:
        return CallbackView.adapter_view(CouncilOpenIDConnectAdapter(request, provider_id))(request)
    except SocialApp.DoesNotExist as error:
        raise Http404 from error


def not_offered(request, **kwargs):
    """allauth's connections and social sign-up pages: a council account is linked once, never by hand."""
    raise Http404
