from django.apps import AppConfig


class OidcProviderConfig(AppConfig):
    name = "tests.oidc_provider"
    label = "test_idp"
    default_auto_field = "django.db.models.BigAutoField"
