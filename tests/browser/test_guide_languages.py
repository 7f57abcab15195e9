"""The guide in other languages in a real browser: the switcher, right-to-left Arabic on a phone and a desktop,
Polish, and the editors' translation form."""

import pytest
from playwright.sync_api import expect

from portal.languages import SUPPORTED
from practice_guide import translations
from tests.browser.helpers import sideways_overflow, success_banner

pytestmark = pytest.mark.usefixtures("empty_cache")


@pytest.fixture
def translated(guide, editor):
    """The first part in Arabic and Polish, and a glossary word in Arabic: all examples."""
    credit = translations.Credit("Example translation (not checked)", is_example=True)
    for code, title, body in [
        (
            "ar",
            "ما الذي تتوقعونه",
            "سيزوركم الأخصائي الاجتماعي.\n\n## الاجتماعات\n\n- اجتماع المجموعة الأساسية.",
        ),
        ("pl", "Czego się spodziewać", "Pracownik socjalny odwiedzi cię w domu.\n\n## Spotkania\n\n- Grupa robocza."),
    ]:
        translations.save_translation(
            guide[0],
            SUPPORTED[code],
            text=translations.TranslationText(title, "ملخص قصير." if code == "ar" else "Krótko.", body),
            credit=credit,
            expected_version=None,
            by=editor,
        )
    return guide


def test_a_reader_switches_to_arabic_read_right_to_left_then_to_polish(page, translated, assert_accessible):
    page.goto("/guide/what-to-expect/")
    switcher = page.get_by_role("navigation", name="Languages")
    switcher.get_by_role("link", name="العربية").click()
    expect(page).to_have_url("/ar/guide/what-to-expect/")
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "ar")
    expect(html).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("heading", level=1)).to_have_text("ما الذي تتوقعونه")
    expect(page.get_by_text("ترجمة تجريبية: لم يراجعها مترجم.")).to_be_visible()
    expect(page.get_by_role("navigation", name="اللغات").get_by_role("link", name="العربية")).to_have_attribute(
        "aria-current", "true"
    )
    # Mirrored: the main column starts at the right, and the urgent-help box's red border is on its right.
    main = page.locator(".govuk-grid-column-two-thirds").first
    side = page.locator(".govuk-grid-column-one-third").first
    assert main.bounding_box()["x"] > side.bounding_box()["x"]
    urgent = page.locator(".portal-urgent-help")
    assert urgent.evaluate("box => getComputedStyle(box).borderRightWidth") == "10px"
    assert_accessible(page)

    page.set_viewport_size({"width": 320, "height": 800})
    page.reload()
    assert sideways_overflow(page) <= 0
    assert_accessible(page)

    page.get_by_role("navigation", name="اللغات").get_by_role("link", name="Polski").click()
    expect(page).to_have_url("/pl/guide/what-to-expect/")
    expect(page.locator("html")).to_have_attribute("lang", "pl")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.get_by_role("heading", level=1)).to_have_text("Czego się spodziewać")
    # A part not translated yet: English, marked as English, with a notice in Polish.
    page.get_by_role("link", name="Your rights").first.click()
    expect(page).to_have_url("/pl/guide/your-rights/")
    expect(page.get_by_text("Ta strona nie została jeszcze przetłumaczona")).to_be_visible()
    expect(page.locator(".portal-guide-body")).to_have_attribute("lang", "en-GB")
    assert_accessible(page)


def test_an_editor_adds_an_arabic_translation(page, translated, editor, sign_in_by_cookie, assert_accessible):
    sign_in_by_cookie(page, editor)
    page.goto("/guide/manage/")
    page.get_by_role("link", name="Translations").click()
    expect(page).to_have_url("/guide/manage/translations/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Translations")
    assert_accessible(page)
    page.get_by_role("link", name="Add the Arabic translation of Your rights").click()
    expect(page).to_have_url(f"/guide/manage/{translated[1].pk}/translations/ar/")
    # axe-core checks this form below, with its errors (the same form and more).
    # Nothing filled in: the error summary, not a 500.
    page.get_by_role("button", name="Save translation").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the title")
    title = page.get_by_label("Title")
    expect(title).to_have_attribute("dir", "rtl")
    title.fill("حقوقكم")
    page.get_by_label("Summary").fill("ما حقوقكم عندما نعمل معكم.")
    page.get_by_label("Version for parents and carers").fill("لكم الحق في تقديم شكوى.")
    page.get_by_label("Translated by").fill("Example translation (not checked)")
    page.get_by_label("This is an example translation that no translator has checked").check()
    assert_accessible(page)
    page.get_by_role("button", name="Save translation").click()
    expect(page).to_have_url("/guide/manage/translations/")
    expect(success_banner(page)).to_contain_text("The Arabic translation of “Your rights” is saved.")
    page.goto("/ar/guide/your-rights/")
    expect(page.get_by_role("heading", level=1)).to_have_text("حقوقكم")
