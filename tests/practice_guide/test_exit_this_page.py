"""Leaving the guide quickly: GOV.UK's "Exit this page" on every guide page, and the part on staying safe online."""

import pytest

from practice_guide import demo_content

GUIDE_PAGES = ["/guide/", "/guide/what-to-expect/", "/guide/print/", "/guide/glossary/", "/guide/search/?q=rights"]


@pytest.mark.parametrize("url", GUIDE_PAGES)
def test_every_guide_page_has_the_exit_button_as_a_plain_link(client, guide, settings, url):
    settings.GUIDE_EXIT_URL = "https://weather.example/"
    content = client.get(url).content.decode()
    # Without JavaScript the button is still a link to the neutral site, and the first thing on the page.
    assert 'data-module="govuk-exit-this-page"' in content
    assert 'href="https://weather.example/" role="button"' in content
    assert 'rel="nofollow noreferrer"' in content
    assert content.index("govuk-exit-this-page") < content.index("Need help now?")
    # The include's template comment stays out of the page.
    assert "{#" not in content
    assert "neutral site" not in content


def test_staff_pages_have_no_exit_button(client):
    assert "govuk-exit-this-page" not in client.get("/sign-in/").content.decode()


def test_the_staying_safe_part_says_how_to_leave_and_what_the_site_keeps():
    part = next(entry for entry in demo_content.PARTS if entry["slug"] == "staying-safe-online")
    for words in ("Exit this page", "Shift key three times", "private", "History", "cookie", "999"):
        assert words in part["parents"]
    for words in ("Exit this page", "Shift key three times", "cookie", "Childline"):
        assert words in part["children"]


def test_the_guide_leaves_no_lasting_cookie_of_its_own(client, guide):
    # The form-security cookie every guide page sets is gone when the browser closes (CSRF_COOKIE_AGE=None).
    cookie = client.get("/guide/what-to-expect/").cookies["csrftoken"]
    assert cookie["max-age"] == ""
    assert cookie["expires"] == ""


def test_a_missing_guide_page_keeps_the_exit_button(client, guide):
    response = client.get("/guide/no-such-part/")
    assert response.status_code == 404
    assert "govuk-exit-this-page" in response.content.decode()
    assert "govuk-exit-this-page" not in client.get("/no-such-page/").content.decode()
