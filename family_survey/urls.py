"""Families' feedback, mounted at guide/tell-us/ (inside the guide's address, reached before its part
addresses: portal/urls.py mounts longer prefixes first). The questionnaire is also served in each of the
guide's languages (portal.features.Pages.translated); the staff pages are English only."""

from django.urls import include

from family_survey import public_urls
from portal.features import untranslated

app_name = "family_survey"

urlpatterns = [
    *public_urls.urlpatterns,
    untranslated("manage/", include("family_survey.manage_urls")),
]
