from django.contrib.auth import views as auth_views
from django.urls import include, path
from oauth2_provider import urls as oauth2_urls

from tests.oidc_provider import views

# The provider's endpoints at the root, so the issuer is http://127.0.0.1:<port> and discovery is at
# /.well-known/openid-configuration, as Entra ID, Google, Okta and Keycloak publish it.
provider_patterns = (oauth2_urls.base_urlpatterns + oauth2_urls.oidc_urlpatterns, "oauth2_provider")

urlpatterns = [
    path("", include(provider_patterns)),
    path("login/", auth_views.LoginView.as_view(template_name="oidc_provider/login.html"), name="login"),
    path("_control/people/", views.save_person, name="control-people"),
    path("_control/redirect-uris/", views.add_redirect_uris, name="control-redirect-uris"),
]
