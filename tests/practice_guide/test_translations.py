"""The guide in other languages: settings, addresses, what readers see, the cache, and the editors' pages."""

from datetime import date

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.urls import reverse
from django.utils import translation

from portal.languages import SUPPORTED, django_languages, parse_guide_languages
from portal.roles import Role
from practice_guide import guide_cache, services, translations
from practice_guide.models import GlossaryTerm, GlossaryTranslation, Kind, Translation
from tests.factories import UserFactory, published_part

POLISH, ARABIC = SUPPORTED["pl"], SUPPORTED["ar"]


@pytest.fixture(autouse=True)
def english_afterwards():
    """LocaleMiddleware leaves the last request's language active in this thread; later tests expect English."""
    yield
    translation.activate("en-gb")


@pytest.fixture
def polish(guide, editor):
    """The first part in Polish (an example translation) and one glossary word."""
    part = guide[0]
    translations.save_translation(
        part,
        POLISH,
        text=translations.TranslationText(
            "Czego się spodziewać", "Krótko o tym, czego się spodziewać.", "Pracownik socjalny odwiedzi was w domu."
        ),
        credit=translations.Credit("Example translation (not checked)", is_example=True),
        expected_version=None,
        by=editor,
    )
    translations.save_glossary_translation(
        GlossaryTerm.objects.get(slug="core-group"),
        POLISH,
        term="grupa robocza",
        definition="Osoby, które spotykają się, aby sprawdzać plan ochrony dziecka.",
        credit=translations.Credit("Anna Nowak", "Jan Kowalski", date(2026, 11, 2)),
        expected_version=None,
        by=editor,
    )
    return part


# --- Settings ------------------------------------------------------------------------------


def test_guide_languages_default_to_polish_and_arabic_and_can_be_turned_off():
    assert parse_guide_languages(None) == ("pl", "ar")
    assert parse_guide_languages(" AR , pl,ar") == ("ar", "pl")
    assert parse_guide_languages("") == ()
    assert django_languages(("ar",)) == [("en-gb", "English"), ("ar", "العربية")]


def test_an_unknown_guide_language_stops_the_site_starting():
    with pytest.raises(ImproperlyConfigured, match="xx"):
        parse_guide_languages("pl,xx")


# --- Addresses -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["/xx/guide/", "/de/guide/", "/en-gb/guide/", "/pl/guide/manage/", "/ar/guide/manage/translations/"]
)
def test_forged_or_turned_off_languages_and_prefixed_staff_pages_are_not_found(client, guide, url):
    assert client.get(url).status_code == 404


def turn_on(settings, *codes):
    """What settings.py makes of GUIDE_LANGUAGES, for one test."""
    settings.GUIDE_LANGUAGES = codes
    settings.LANGUAGES = django_languages(codes)


def test_a_language_turned_off_is_not_found(client, guide, settings):
    turn_on(settings, "pl")
    assert client.get("/ar/guide/").status_code == 404
    assert "العربية" not in client.get("/pl/guide/").content.decode()
    turn_on(settings, *())
    client = Client()  # a new server: the last one kept the Polish page it served (practice_guide/page_cache.py)
    assert client.get("/pl/guide/").status_code == 404
    assert 'class="portal-language-switcher"' not in client.get("/guide/").content.decode()


def test_staff_pages_stay_english_whatever_the_browser_asks_for(client, guide, editor):
    client.force_login(editor)
    client.cookies["django_language"] = "ar"
    response = client.get("/guide/manage/", HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 200
    assert '<html lang="en-GB" dir="ltr"' in response.content.decode()
    assert 'class="portal-language-switcher"' not in response.content.decode()


def test_english_pages_keep_their_addresses(client, guide):
    assert reverse("practice_guide:part", args=["what-to-expect"]) == "/guide/what-to-expect/"
    response = client.get("/guide/what-to-expect/", HTTP_ACCEPT_LANGUAGE="pl")
    assert '<html lang="en-GB" dir="ltr"' in response.content.decode()


# --- What readers see ----------------------------------------------------------------------


def test_a_translated_part_is_shown_with_its_language_direction_and_credit(client, polish):
    content = client.get("/pl/guide/what-to-expect/").content.decode()
    assert '<html lang="pl" dir="ltr"' in content
    assert "<title>Czego się spodziewać – " in content
    assert "Pracownik socjalny odwiedzi was w domu." in content
    assert "Potrzebujesz pomocy teraz?" in content  # the urgent-help box, translated
    # An example says so, and nothing more: its "translated by" is the demo's English label.
    assert "Przykładowe tłumaczenie: nie zostało sprawdzone przez tłumacza." in content
    assert "Example translation (not checked)" not in content
    # The switcher: each language in its own words, the current one marked.
    assert 'hreflang="ar" dir="rtl">العربية</a>' in content
    assert (
        'href="/pl/guide/what-to-expect/" lang="pl" hreflang="pl" dir="ltr" aria-current="true">Polski</a>' in content
    )
    assert '<link rel="alternate" hreflang="en-GB" href="http://testserver/guide/what-to-expect/">' in content


def test_a_part_not_translated_is_shown_in_english_marked_as_english(client, polish):
    content = client.get("/ar/guide/your-rights/").content.decode()
    assert '<html lang="ar" dir="rtl"' in content
    assert '<div class="portal-guide-body" lang="en-GB" dir="ltr">' in content
    assert "You have the right to complain." in content
    assert "لم تتم ترجمة هذه الصفحة بعد" in content
    # Links stay in the reader's language.
    assert 'href="/ar/guide/glossary/"' in content


def test_an_out_of_date_translation_says_so_and_editors_see_it_needs_review(client, polish, editor):
    part = polish
    services.save_draft(
        part,
        expected_version=part.edit_version,
        text=services.PartText("What to expect", "A short summary of what to expect.", "New English words."),
        by=editor,
    )
    services.publish(part, by=editor)
    content = client.get("/pl/guide/what-to-expect/").content.decode()
    assert "To tłumaczenie może być nieaktualne" in content
    assert 'href="/guide/what-to-expect/" lang="en-GB"' in content
    client.force_login(editor)
    listing = client.get("/guide/manage/translations/").content.decode()
    assert "Needs review" in listing


def test_republishing_the_same_english_words_does_not_make_a_translation_out_of_date(polish, editor):
    part = polish
    text = services.PartText.of(part.published)
    services.save_draft(part, expected_version=part.edit_version, text=text, by=editor)
    services.publish(part, by=editor)
    part.refresh_from_db()
    row = Translation.objects.get(part=part, language="pl")
    assert not translations.english_changed(part.published, row.source)


def test_the_translated_glossary_contents_and_search(client, polish):
    glossary = client.get("/pl/guide/glossary/").content.decode()
    assert "grupa robocza" in glossary
    assert "(core group)" in glossary
    assert '<div class="portal-glossary__entry" lang="en-GB" dir="ltr">' in glossary  # "advocate", untranslated
    overview = client.get("/pl/guide/").content.decode()
    assert "Czego się spodziewać" in overview
    assert '<li lang="en-GB" dir="ltr">' in overview
    results = client.get("/pl/guide/search/?q=expect").content.decode()
    assert 'href="/pl/guide/what-to-expect/">Czego się spodziewać</a>' in results
    assert '<p class="govuk-body" lang="en-GB" dir="ltr">' in results  # the English snippet, marked
    # Words in the reader's language find the translations, glossary words included.
    results = client.get("/pl/guide/search/?q=socjalny grupa").content.decode()
    assert 'href="/pl/guide/what-to-expect/">Czego się spodziewać</a>' in results
    assert 'href="/pl/guide/glossary/#core-group">grupa robocza</a>' in results


def test_the_404_page_is_in_the_address_language(client, guide):
    response = client.get("/ar/guide/no-such-part/")
    assert response.status_code == 404
    assert "الصفحة غير موجودة" in response.content.decode()


# --- The cache -----------------------------------------------------------------------------


def test_each_language_is_cached_separately_and_a_saved_translation_shows_at_once(
    client, guide, editor, django_capture_on_commit_callbacks
):
    assert "Your social worker will visit you." in client.get("/guide/what-to-expect/").content.decode()
    assert "Your social worker will visit you." in client.get("/pl/guide/what-to-expect/").content.decode()
    before = guide_cache.generation()
    with django_capture_on_commit_callbacks(execute=True):
        translations.save_translation(
            guide[0],
            POLISH,
            text=translations.TranslationText("Czego się spodziewać", "Krótko.", "Odwiedzimy was."),
            credit=translations.Credit("Anna Nowak"),
            expected_version=None,
            by=editor,
        )
    assert guide_cache.generation() != before
    assert "Odwiedzimy was." in client.get("/pl/guide/what-to-expect/").content.decode()
    assert "Odwiedzimy was." not in client.get("/guide/what-to-expect/").content.decode()
    translations.delete_translation(Translation.objects.get())
    assert "Odwiedzimy was." not in client.get("/pl/guide/what-to-expect/").content.decode()


def test_a_warm_translated_part_costs_at_most_three_queries(client, polish, editor, django_assert_max_num_queries):
    for n in range(10):
        published_part(f"extra-{n}", f"Extra part {n}", by=editor)
    client.get("/pl/guide/what-to-expect/")
    # The whole page is kept: one query.
    with django_assert_max_num_queries(1):
        assert "Pracownik socjalny" in client.get("/pl/guide/what-to-expect/").content.decode()
    # Rendered by the view with its parts cached (a query string skips the kept page).
    client.get("/pl/guide/what-to-expect/?feedback=thanks")
    with django_assert_max_num_queries(3):
        assert client.get("/pl/guide/what-to-expect/?feedback=thanks").status_code == 200


# --- Editors -------------------------------------------------------------------------------


def editor_urls(part, entry):
    return [
        "/guide/manage/translations/",
        f"/guide/manage/{part.pk}/translations/pl/",
        f"/guide/manage/{part.pk}/translations/pl/delete/",
        f"/guide/manage/glossary/{entry.pk}/translations/ar/",
        f"/guide/manage/glossary/{entry.pk}/translations/pl/delete/",
    ]


@pytest.mark.parametrize("role", [Role.SOCIAL_WORKER, Role.SUPERVISOR, Role.SERVICE_MANAGER, Role.FACILITATOR])
def test_only_guide_editors_reach_the_translation_pages(client, polish, team, role):
    client.force_login(UserFactory(team=team, roles=[role]))
    for url in editor_urls(polish, GlossaryTerm.objects.get(slug="core-group")):
        assert client.get(url).status_code == 403, url
        assert client.post(url).status_code == 403, url


def test_anonymous_visitors_are_sent_to_sign_in_from_the_translation_pages(client, polish):
    for url in editor_urls(polish, GlossaryTerm.objects.get(slug="core-group")):
        assert client.get(url)["Location"].startswith("/sign-in/"), url


def test_the_translations_list_shows_each_state_in_a_fixed_number_of_queries(
    client, polish, editor, django_assert_max_num_queries
):
    for n in range(15):
        published_part(f"extra-{n}", f"Extra part {n}", by=editor)
    client.force_login(editor)
    with django_assert_max_num_queries(11):
        content = client.get("/guide/manage/translations/").content.decode()
    assert "Example, not checked" in content
    assert "Not translated" in content
    assert "Up to date" in content  # the checked Polish glossary word


def test_an_editor_adds_changes_and_removes_a_translation(client, guide, editor):
    client.force_login(editor)
    part = guide[1]
    url = f"/guide/manage/{part.pk}/translations/ar/"
    form = client.get(url).content.decode()
    assert 'lang="ar" dir="rtl"' in form
    assert "You have the right to complain." in form  # the English beside it
    data = {
        "title": "حقوقك",
        "summary": "ما هي حقوقك.",
        "body_parents": "لك الحق في تقديم شكوى.",
        "translated_by": "Example translation (not checked)",
        "is_example": "on",
        "edit_version": "",
    }
    assert client.post(url, data)["Location"] == "/guide/manage/translations/"
    saved = Translation.objects.get(part=part, language="ar")
    assert (saved.source_id, saved.is_example, saved.updated_by) == (part.published_id, True, editor)
    # Someone else saves first: this save is refused and nothing changes.
    stale = {**data, "title": "عنوان آخر", "edit_version": str(saved.edit_version)}
    client.post(url, {**data, "edit_version": str(saved.edit_version)})
    response = client.post(url, stale)
    assert response.status_code == 200
    assert "Someone else saved or removed this translation" in response.content.decode()
    assert Translation.objects.get(pk=saved.pk).title == "حقوقك"
    assert client.post(f"{url}delete/")["Location"] == "/guide/manage/translations/"
    assert not Translation.objects.filter(pk=saved.pk).exists()


def test_translation_forms_refuse_bad_input_with_clear_errors(client, guide, editor):
    client.force_login(editor)
    url = f"/guide/manage/{guide[0].pk}/translations/pl/"
    response = client.post(url, {"title": "x" * 500, "checked_on": "31 2 2026", "body_parents": ""})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Title must be 120 characters or fewer" in content
    assert "Enter a real date, like 27 3 2027" in content
    assert "Enter who translated it" in content
    assert not Translation.objects.exists()


@pytest.mark.parametrize("code", ["xx", "de", "en-gb", "PL", "<script>"])
def test_editors_cannot_translate_into_a_language_not_turned_on(client, guide, editor, code):
    client.force_login(editor)
    assert client.get(f"/guide/manage/{guide[0].pk}/translations/{code}/").status_code == 404
    entry = GlossaryTerm.objects.first()
    assert client.post(f"/guide/manage/glossary/{entry.pk}/translations/{code}/", {}).status_code == 404


def test_an_editor_translates_a_glossary_word(client, guide, editor):
    client.force_login(editor)
    entry = GlossaryTerm.objects.get(slug="advocate")
    url = f"/guide/manage/glossary/{entry.pk}/translations/pl/"
    data = {"term": "rzecznik", "definition": "Osoba, która pomaga ci powiedzieć, co myślisz.", "translated_by": "A"}
    assert client.post(url, data).status_code == 302
    row = GlossaryTranslation.objects.get(entry=entry, language="pl")
    assert (row.source_term, row.is_out_of_date) == ("advocate", False)


def test_a_translated_journey_step_and_the_step_list(client, guide, editor):
    step = services.create_part(
        slug="assessment",
        text=services.PartText("Assessment", "We get to know your family.", "See [your rights](/guide/your-rights/)."),
        by=editor,
        kind=Kind.STEP,
    )
    services.publish(step, by=editor)
    translations.save_translation(
        step,
        ARABIC,
        text=translations.TranslationText("التقييم", "نتعرّف على عائلتكم.", "اقرؤوا [حقوقكم](/guide/your-rights/)."),
        credit=translations.Credit("Example translation (not checked)", is_example=True),
        expected_version=None,
        by=editor,
    )
    steps = client.get("/ar/guide/what-happens-and-when/").content.decode()
    assert "التقييم" in steps
    page = client.get("/ar/guide/what-happens-and-when/assessment/").content.decode()
    assert "نتعرّف على عائلتكم." in page
    assert 'href="/ar/guide/your-rights/"' in page
    assert "ترجمة تجريبية: لم يراجعها مترجم." in page
    assert "Assessment" in client.get("/guide/what-happens-and-when/").content.decode()


def test_the_comment_form_and_its_character_count_speak_the_pages_language(client, polish):
    response = client.post("/pl/guide/what-to-expect/feedback/", {"useful": "no"}, follow=True)
    content = response.content.decode()
    assert response.redirect_chain[-1][0].startswith("/pl/guide/what-to-expect/feedback/")
    assert "„Czego się spodziewać” nie była przydatna" in content
    assert 'data-i18n.characters-under-limit.few="Pozostały %{count} znaki"' in content
    assert "Jak moglibyśmy ulepszyć tę stronę?" in content


def test_a_checked_translation_names_its_translator_and_the_date(client, polish, editor):
    current = Translation.objects.get(part=polish, language=POLISH.code)
    translations.save_translation(
        polish,
        POLISH,
        text=translations.TranslationText(current.title, current.summary, current.body_parents),
        credit=translations.Credit("Anna Nowak", "Jan Kowalski", date(2026, 11, 2)),
        expected_version=current.edit_version,
        by=editor,
    )
    content = client.get("/pl/guide/what-to-expect/").content.decode()
    assert "Przetłumaczone przez: Anna Nowak, sprawdzone 2 listopada 2026." in content
    assert "Przykładowe tłumaczenie" not in content


def test_a_step_translation_gives_its_timescale_line_in_its_own_language(client, guide, editor):
    step = services.create_part(
        slug="core-group",
        text=services.PartText(
            "Core group", "A small group meets.", "We meet often.", timescale="Within 10 working days"
        ),
        by=editor,
        kind=Kind.STEP,
    )
    services.publish(step, by=editor)
    client.force_login(editor)
    url = reverse("practice_guide:manage-translation-edit", args=[step.pk, "pl"])
    data = {"title": "Grupa robocza", "summary": "Mała grupa się spotyka.", "body_parents": "Spotykamy się często."}
    data.update(translated_by="Anna Nowak")
    # The English step has a timescale line, so the translation must give one too.
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Enter how long the step usually takes" in response.content.decode()
    assert client.post(url, {**data, "timescale": "W ciągu 10 dni roboczych"}).status_code == 302
    client.logout()
    for address in ("/pl/guide/what-happens-and-when/", "/pl/guide/what-happens-and-when/core-group/"):
        content = client.get(address).content.decode()
        assert "W ciągu 10 dni roboczych" in content
        assert "Within 10 working days" not in content
    # Untranslated into Arabic: the English line, marked as English.
    content = client.get("/ar/guide/what-happens-and-when/core-group/").content.decode()
    assert '<p class="govuk-body govuk-!-margin-bottom-0" lang="en-GB" dir="ltr">Within 10 working days</p>' in content
