"""Included by allauth under /accounts/ (see CouncilOpenIDConnectProvider.package), as its own provider's are."""

from allauth.socialaccount import app_settings
from django.urls import include, path

from portal.sso import views

_provider_patterns = [
    path("<str:provider_id>/login/", views.login, name="openid_connect_login"),
    path("<str:provider_id>/login/callback/", views.callback, name="openid_connect_callback"),
]

urlpatterns = [path(f"{app_settings.OPENID_CONNECT_URL_PREFIX}/", include(_provider_patterns))]
