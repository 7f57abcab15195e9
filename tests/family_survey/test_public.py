import pytest
from django.conf import settings
from django.urls import resolve, reverse

from family_survey import views
from family_survey.feature import PUBLIC_PAGES
from family_survey.models import Response
from family_survey.public_urls import urlpatterns as public_patterns
from practice_guide.forms import PartForm

pytestmark = pytest.mark.django_db

URL = "/guide/tell-us/"
ALL_AGREE = {"listens": "5", "understand": "4", "reachable": "skip", "honest": "4", "respect": "5", "better": "3"}


def send(client, **changes):
    return client.post(URL, {**ALL_AGREE, **changes})


def errors_of(response) -> str:
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    return page


def test_the_address_reaches_the_questionnaire_not_a_guide_part(client):
    assert reverse("family_survey:questionnaire") == URL
    assert resolve(URL).url_name == "questionnaire"
    response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "My social worker listens to me" in page
    assert "Need help now?" in page
    assert 'name="website"' in page
    assert 'data-module="govuk-character-count"' in page


def test_the_public_pages_are_the_ones_families_reach():
    assert {pattern.name for pattern in public_patterns} == PUBLIC_PAGES


def test_editors_cannot_take_the_questionnaire_s_address_for_a_part(db):
    form = PartForm({"title": "Tell us", "slug": "tell-us", "summary": "A summary.", "body_parents": "Text."})
    assert not form.is_valid()
    assert "used by the guide itself" in form.errors["slug"][0]


@pytest.mark.parametrize(
    ("reader", "wording"),
    [("children", "My social worker listens to what I say"), ("nobody", "My social worker listens to me")],
)
def test_each_reader_gets_their_version(client, reader, wording):
    client.cookies[settings.GUIDE_READER_COOKIE_NAME] = reader
    page = client.get(URL).content.decode()
    assert wording in page
    assert reverse("practice_guide:choose-reader", args=["parents" if reader == "children" else "children"]) in page


def test_easy_read_wording_is_used_when_the_guide_offers_it():
    from family_survey.forms import SurveyForm

    form = SurveyForm(reader="easy-read")
    assert str(form.fields["listens"].label) == "My social worker listens to me."
    assert [str(label) for _value, label in form.fields["listens"].choices][0] == "Yes"


def test_a_card_s_code_is_filled_in(client, team_code):
    page = client.get(f"{URL}?team={team_code.code}").content.decode()
    assert f'value="{team_code.code}"' in page


def test_answers_count_towards_the_team_and_say_thanks(client, team, team_code):
    response = send(client, team_code=team_code.code.lower(), comment="  Kind and clear.  ")
    assert response.status_code == 302
    assert response["Location"] == reverse("family_survey:thanks")
    saved = Response.objects.get()
    assert saved.team == team
    assert saved.listens == 5
    assert saved.reachable is None
    assert saved.comment == "Kind and clear."
    assert saved.comment_status == "held"
    assert saved.month.day == 1
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "Thank you for your answers" in thanks.content.decode()


def test_answers_without_a_code_are_kept_too(client):
    assert send(client).status_code == 302
    assert Response.objects.get().team is None


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"team_code": "ZZZZZZ"}, "We do not know that team code"),
        ({"team_code": "NOT A CODE"}, "Enter the team code as it is on your card"),
        ({"team_code": "X" * 21}, "The team code must be 20 characters or fewer"),
        ({"comment": "x" * 1001}, "Your comment must be 1000 characters or fewer"),
        (dict.fromkeys(ALL_AGREE, "skip"), "Answer at least one of the questions"),
        ({key: "" for key in ALL_AGREE}, "Answer at least one of the questions"),
        ({"listens": "7"}, "Choose one of the answers for “My social worker listens to me”"),
        ({"better": "<script>"}, "Choose one of the answers for “Things are getting better for my family”"),
    ],
)
def test_bad_answers_get_a_clear_error_and_nothing_is_kept(client, team_code, changes, error):
    page = errors_of(send(client, **changes))
    assert error in page
    assert not Response.objects.exists()


def test_a_replaced_code_is_no_longer_accepted(client, team, team_code):
    from family_survey import services
    from tests.family_survey.conftest import TODAY

    services.replace_code(team, TODAY)
    assert "We do not know that team code" in errors_of(send(client, team_code=team_code.code))


def test_the_honeypot_says_thanks_and_keeps_nothing(client):
    response = send(client, website="http://spam.example")
    assert response["Location"] == reverse("family_survey:thanks")
    assert not Response.objects.exists()


def test_answers_are_rate_limited(client, monkeypatch):
    monkeypatch.setattr(views, "SURVEY_LIMIT", 2)
    assert [send(client).status_code for _ in range(3)] == [302, 302, 429]
    assert Response.objects.count() == 2


def test_no_address_or_time_of_day_is_kept(client):
    client.post(URL, ALL_AGREE, REMOTE_ADDR="203.0.113.9")
    saved = Response.objects.values().get()
    assert "203.0.113.9" not in str(saved)
    assert not any(hasattr(value, "hour") for value in saved.values())


def test_the_questionnaire_is_public_and_the_staff_pages_are_not():
    from portal import features

    assert features.is_public_page(["family_survey"], "questionnaire")
    assert features.is_public_page(["family_survey"], "thanks")
    assert not features.is_public_page(["family_survey"], "results")


def test_the_questionnaire_has_each_language_s_address_but_the_staff_pages_do_not(client, supervisor):
    other = next(code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE)
    assert client.get(f"/{other}/guide/tell-us/").status_code == 200
    client.force_login(supervisor)
    assert client.get(f"/{other}/guide/tell-us/manage/results/").status_code == 404
    assert client.get("/guide/tell-us/manage/results/").status_code == 200


def test_a_comment_that_says_who_the_family_is_is_queried_once(client):
    first = send(client, comment="Call me on 07700 900123.")
    page = first.content.decode()
    assert first.status_code == 200
    assert "Your comment looks like it has a phone number in it." in page
    assert 'name="comment_checked" value="true"' in page
    assert not Response.objects.exists()
    # Sent again as it is: kept, and held for a manager like every comment.
    again = send(client, comment="Call me on 07700 900123.", comment_checked="true")
    assert again.status_code == 302
    assert Response.objects.get().comment_status == "held"


def test_an_email_address_in_a_comment_is_queried_and_the_warning_lists_things_in_plain_english(client):
    page = send(client, comment="My email is jo@example.com.").content.decode()
    assert "Your comment looks like it has an email address in it." in page
    assert not Response.objects.exists()
    page = send(client, comment="Ring 07700 900123 or come to SW1A 1AA. Or jo@example.com").content.decode()
    assert "Your comment looks like it has a phone number, a postcode and an email address in it." in page


def test_team_code_guesses_are_rate_limited_too(client, monkeypatch, team_code):
    monkeypatch.setattr(views, "TRIES_LIMIT", 3)
    wrong = [send(client, team_code="AAAAAA").status_code for _ in range(3)]
    assert wrong == [200, 200, 200]
    # The right code is refused too once the address has used its tries: guessing gets nowhere.
    refused = send(client, team_code=team_code.code)
    assert refused.status_code == 429
    assert "Too many answers at once" in refused.content.decode()
    assert not Response.objects.exists()


def test_the_easy_read_version_has_a_picture_beside_each_statement(client, team_code):
    from family_survey.questions import STATEMENTS
    from practice_guide import pictures

    client.cookies[settings.GUIDE_READER_COOKIE_NAME] = "easy-read"
    page = client.get(f"{URL}?team={team_code.code}").content.decode()
    assert "You are reading the <strong>easy read</strong> version." in page
    assert "version for easy read" not in page
    for statement in STATEMENTS:
        assert f'<img class="portal-easy-read__picture" src="{pictures.url(statement.picture)}" alt=""' in page
    assert page.count('class="portal-survey-statement"') == len(STATEMENTS)
    assert "family_survey/questionnaire" in page  # the stylesheet that sets each picture beside its words
    assert "OpenMoji" in page
    # Switching version comes back with the card's code.
    assert f"?next=/guide/tell-us/%3Fteam%3D{team_code.code}" in page
    # The other versions have the words alone.
    client.cookies[settings.GUIDE_READER_COOKIE_NAME] = "parents"
    page = client.get(URL).content.decode()
    assert "You are reading the version for <strong>parents and carers</strong>." in page
    assert "portal-easy-read__picture" not in page


@pytest.mark.parametrize(
    ("language", "words"),
    [("en-gb", "a phone number and an email address"), ("pl", "numer telefonu i adres e-mail")],
)
def test_the_list_of_what_a_comment_has_is_joined_in_each_language(language, words):
    from django.utils import translation

    from family_survey.forms import SurveyForm

    with translation.override(language):
        form = SurveyForm({**ALL_AGREE, "comment": "07700 900123, jo@example.com"}, reader="parents")
        assert form.is_valid()
        assert form.personal_data_in_words() == words


@pytest.mark.parametrize("reader", ["parents", "easy-read"])
def test_the_empty_questionnaire_comes_from_the_guides_page_cache(client, django_assert_max_num_queries, reader):
    client.cookies[settings.GUIDE_READER_COOKIE_NAME] = reader
    first = client.get("/guide/tell-us/")
    with django_assert_max_num_queries(1):  # the guide's generation, read by the cache's middleware
        again = client.get("/guide/tell-us/")
    assert first.templates
    assert again.templates == []  # answered from the kept page, not rendered
    assert again.content.decode().count("csrfmiddlewaretoken") == 1
    assert again.content != first.content  # a freshly masked CSRF token in each
    # With a team code from a card, it is rendered afresh, with the code filled in.
    assert 'value="K7P2XQ"' in client.get("/guide/tell-us/?team=K7P2XQ").content.decode()


@pytest.mark.parametrize("url", ["/guide/what-to-expect/", "/guide/what-happens-and-when/"])
def test_families_find_the_questionnaire_from_the_guide(client, guide, url):
    assert (
        'href="/guide/tell-us/">Tell us how it is going with your social worker</a>' in client.get(url).content.decode()
    )
