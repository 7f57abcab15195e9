"""The Content-Security-Policy in a real browser: the watch on every page fixture catches violations,
the admin works under the strict policy, and the Permissions-Policy names only features Chromium knows.
"""

import pytest
from django.urls import reverse

from tests.browser.conftest import _watch
from tests.factories import UserFactory


@pytest.fixture
def administrator(db):
    return UserFactory(is_staff=True, is_superuser=True, full_name="Sam Admin")


def test_the_watch_catches_inline_script_and_inline_style(browser, live_server, db):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    violations = _watch(context, page)
    page.goto(reverse("home"))
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.ranInline = true;";
            document.body.append(script);
            document.body.setAttribute("style", "color: red");
        }"""
    )
    page.wait_for_function("() => true")
    page.evaluate("0")
    ran_inline = page.evaluate("window.ranInline === true")
    context.close()
    assert not ran_inline
    assert any("script-src" in violation for violation in violations), violations
    assert any("style-src" in violation for violation in violations), violations


@pytest.mark.parametrize(
    "url",
    [
        lambda person: reverse("admin:index"),
        lambda person: reverse("admin:portal_user_changelist"),
        lambda person: reverse("admin:portal_user_change", args=[person.pk]),
        lambda person: reverse("admin:portal_user_add"),
        lambda person: reverse("admin:auth_group_add"),
    ],
    ids=["index", "people", "change a person", "add a person", "add a role"],
)
def test_the_admin_works_under_the_policy(page, sign_in_as, administrator, settings, url):
    """Django's admin uses script files and data attributes, not inline code: no exception is needed.
    The page fixture fails the test on any violation (the autocomplete and the role picker included)."""
    settings.REQUIRE_MFA = False
    sign_in_as(page, administrator)  # the admin, not the sign-in pages, is what this tests
    page.goto(url(administrator))
    assert "Django site admin" in page.title() or "administration" in page.title().lower()
    page.wait_for_load_state("networkidle")


def test_the_permissions_policy_names_only_features_the_browser_knows_and_switches_them_off(page, settings):
    page.goto(reverse("home"))
    known = page.evaluate("document.featurePolicy.features()")
    allowed = page.evaluate("document.featurePolicy.allowedFeatures()")
    assert set(settings.PERMISSIONS_POLICY) - set(known) == set()
    assert {"camera", "microphone", "geolocation", "payment", "usb"} & set(allowed) == set()
    assert {"publickey-credentials-get", "publickey-credentials-create"} <= set(allowed)
