"""{% sso_sign_in as sso %}: what the sign-in page needs to offer single sign-on, or None when it is off."""

from django import template
from django.conf import settings
from django.urls import reverse

from portal.sso.config import configured_app

register = template.Library()


@register.simple_tag
def sso_sign_in():
    app = configured_app(settings.SOCIALACCOUNT_PROVIDERS)
    if app is None:
        return None
    return {
        "label": app["name"],
        "login_url": reverse("openid_connect_login", kwargs={"provider_id": app["provider_id"]}),
        "only": settings.SSO_ONLY,
    }
