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


def test_the_admin_works_under_the_policy(page, sign_in_as, administrator, settings):
    """Django's admin uses script files and data attributes, not inline code: no exception is needed.
    The page fixture fails the test on any violation (the autocomplete and the role picker included), and
    each violation names the page it happened on."""
    settings.REQUIRE_MFA = False
    sign_in_as(page, administrator)  # the admin, not the sign-in pages, is what this tests
    for url in [
        reverse("admin:index"),
        reverse("admin:portal_user_changelist"),
        reverse("admin:portal_user_change", args=[administrator.pk]),
        reverse("admin:portal_user_add"),
        reverse("admin:auth_group_add"),
    ]:
        # goto waits for the load event, when the admin's scripts (the autocomplete and the role picker) have
        # run; the browser reports each refusal to the console as it happens, before the load event.
        page.goto(url)
        assert "Django site admin" in page.title() or "administration" in page.title().lower(), url
        page.evaluate("0")  # a round trip, so that what the page reported is in before the next page


def test_the_permissions_policy_names_only_features_the_browser_knows_and_switches_them_off(page, settings):
    page.goto(reverse("home"))
    known = page.evaluate("document.featurePolicy.features()")
    allowed = page.evaluate("document.featurePolicy.allowedFeatures()")
    assert set(settings.PERMISSIONS_POLICY) - set(known) == set()
    assert {"camera", "microphone", "geolocation", "payment", "usb"} & set(allowed) == set()
    assert {"publickey-credentials-get", "publickey-credentials-create"} <= set(allowed)
