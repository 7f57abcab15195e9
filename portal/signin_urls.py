"""Sign-in, sign-out and password addresses: django-allauth's views at the portal's own addresses.

allauth's other pages (two-factor sign-in, setting a first password, single sign-on) are mounted
under /accounts/. The routes below come after that include on purpose: when two patterns share a
name, Django reverses to the last, so allauth's own names (``account_login`` and so on) lead here.
"""

from allauth.account import views as account_views
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from django.views.generic import RedirectView

from portal import views


def _named(route, view, *names):
    """One address under several names: the portal's old name and allauth's."""
    return [path(route, view, name=name) for name in names]


def _moved(route, pattern_name):
    return path(route, RedirectView.as_view(pattern_name=pattern_name, query_string=True))


urlpatterns = [
    # allauth's addresses for pages that have a portal address send people there.
    _moved("accounts/login/", "login"),
    _moved("accounts/logout/", "logout"),
    _moved("accounts/password/change/", "password_change"),
    _moved("accounts/password/reset/", "password_reset"),
    _moved("accounts/password/reset/done/", "password_reset_done"),
    _moved("accounts/password/reset/key/done/", "password_reset_complete"),
    # Staff emails are managed by people administrators, not by the person.
    _moved("accounts/email/", "account"),
    path("accounts/", include("allauth.urls")),
    *_named("sign-in/", account_views.login, "login", "account_login"),
    *_named("sign-out/", account_views.logout, "logout", "account_logout"),
    path("signed-out/", views.signed_out, name="signed-out"),
    *_named("password-reset/", account_views.password_reset, "password_reset", "account_reset_password"),
    *_named(
        "password-reset/sent/", account_views.password_reset_done, "password_reset_done", "account_reset_password_done"
    ),
    *_named(
        "password-reset/done/",
        account_views.password_reset_from_key_done,
        "password_reset_complete",
        "account_reset_password_from_key_done",
    ),
    re_path(
        r"^password-reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$",
        account_views.password_reset_from_key,
        name="account_reset_password_from_key",
    ),
    *_named("account/password/", account_views.password_change, "password_change", "account_change_password"),
    path("account/password/changed/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
]
